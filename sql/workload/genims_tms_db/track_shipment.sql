-- Carrier status feed: a shipment in transit reports its next milestone (terminal arrival,
-- out for delivery, or a delay), and the truck of its load sends a GPS position.
\set r random(1, 1000000)
\set kind random(1, 10)
\set speed random(0, 105)
BEGIN;
SELECT coalesce((SELECT shipment_id FROM shipments WHERE status IN ('in_transit', 'picked_up')
                 ORDER BY (shipment_id * 7919 + :r) % 100003 LIMIT 1), 0) AS sid \gset
INSERT INTO tracking_events (shipment_id, event_type, event_ts, location_city, location_country,
                             description, source, created_at, updated_at, modified_by)
SELECT s.shipment_id,
       CASE WHEN :kind = 1 THEN 'delay' WHEN :kind <= 5 THEN 'arrived_facility' ELSE 'out_for_delivery' END,
       now(), s.destination_city, s.destination_country,
       CASE WHEN :kind = 1 THEN 'Delivery rescheduled: linehaul delay'
            WHEN :kind <= 5 THEN 'Arrived at destination terminal' ELSE 'Out for delivery' END,
       CASE WHEN :kind % 2 = 0 THEN 'carrier_api' ELSE 'edi_214' END, now(), now(), 'carrier_edi'
FROM shipments s WHERE s.shipment_id = :sid;
UPDATE shipments SET status = 'out_for_delivery', updated_at = now(), modified_by = 'carrier_edi'
WHERE shipment_id = :sid AND :kind > 5;
INSERT INTO gps_pings (vehicle_id, route_id, recorded_at, latitude, longitude, speed_kmh,
                       heading_deg, odometer_km, engine_on)
SELECT l.vehicle_id, r.route_id, now(), 39.0 + (:r % 1000) / 250.0, -86.0 - (:r % 997) / 200.0,
       :speed, (:r % 360), v.odometer_km + (:r % 500), :speed > 0
FROM shipments s JOIN loads l ON l.load_id = s.load_id JOIN routes r ON r.load_id = l.load_id
JOIN vehicles v ON v.vehicle_id = l.vehicle_id
WHERE s.shipment_id = :sid;
COMMIT;
