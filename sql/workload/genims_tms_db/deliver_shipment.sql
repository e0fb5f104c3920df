-- Delivery: the longest-travelling shipment arrives; the driver captures the consignee's
-- signature; the stop, and once all its shipments are in, the load and route complete.
\set who random(1, 12)
\set cond random(1, 50)
BEGIN;
SELECT coalesce((SELECT shipment_id FROM shipments WHERE status IN ('out_for_delivery', 'in_transit')
                 ORDER BY shipped_at, shipment_id LIMIT 1), 0) AS sid \gset
UPDATE shipments
SET status = 'delivered', delivered_at = now(), is_on_time = current_date <= promised_date,
    updated_at = now(), modified_by = 'driver_app'
WHERE shipment_id = :sid;
INSERT INTO tracking_events (shipment_id, event_type, event_ts, location_city, location_country,
                             description, source, created_at, updated_at, modified_by)
SELECT shipment_id, 'delivered', now(), destination_city, destination_country, 'Delivered',
       'driver_app', now(), now(), 'driver_app'
FROM shipments WHERE shipment_id = :sid AND status = 'delivered';
INSERT INTO proof_of_delivery (shipment_id, delivered_at, received_by_name, signature,
                               photo_sha256, condition, notes, created_at, updated_at,
                               modified_by)
SELECT s.shipment_id, now(),
       (ARRAY['J. Schmidt', 'M. Nguyen', 'R. Okafor', 'L. Rossi', 'K. Tanaka', 'A. Dubois',
              'S. Kowalski', 'T. Hernandez', 'P. Clark', 'D. Patel', 'E. Moreau', 'F. Weber'])[:who],
       decode('89504e470d0a1a0a', 'hex')
         || decode((SELECT string_agg(md5(s.shipment_id || ':' || g || ':' || :who), '' ORDER BY g)
                    FROM generate_series(1, 32) g), 'hex'),
       sha256(convert_to('pod-photo|' || s.shipment_id, 'UTF8')),
       CASE WHEN :cond = 1 THEN 'damaged' ELSE 'good' END,
       CASE WHEN :cond = 1 THEN 'Noted on delivery receipt: carton crushed' END,
       now(), now(), 'driver_app'
FROM shipments s WHERE s.shipment_id = :sid AND s.status = 'delivered'
ON CONFLICT (shipment_id) DO NOTHING;
UPDATE route_stops
SET status = 'completed', actual_arrival_at = now() - interval '10 minutes',
    actual_departure_at = now(), updated_at = now(), modified_by = 'driver_app'
WHERE shipment_id = :sid AND stop_type = 'delivery';
UPDATE loads l SET status = 'delivered', updated_at = now(), modified_by = 'carrier_edi'
FROM shipments s
WHERE s.shipment_id = :sid AND l.load_id = s.load_id AND l.status = 'in_transit'
  AND NOT EXISTS (SELECT 1 FROM shipments o WHERE o.load_id = l.load_id
                  AND o.status NOT IN ('delivered', 'exception', 'cancelled'));
UPDATE routes r
SET status = 'completed', actual_end_at = now(),
    actual_distance_km = round(r.planned_distance_km * 1.03, 3), updated_at = now(),
    modified_by = 'route_planner'
FROM shipments s JOIN loads l ON l.load_id = s.load_id
WHERE s.shipment_id = :sid AND r.load_id = l.load_id AND l.status = 'delivered'
  AND r.status = 'in_progress';
COMMIT;
