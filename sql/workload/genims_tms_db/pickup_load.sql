-- The truck collects the oldest accepted load: shipments go in transit with their first
-- milestones, the route starts and the vehicle reports its position.
BEGIN;
SELECT coalesce(min(load_id), 0) AS lid FROM loads WHERE status = 'accepted' \gset
UPDATE loads SET status = 'in_transit', actual_pickup_at = now() - interval '45 minutes',
                 updated_at = now(), modified_by = 'carrier_edi'
WHERE load_id = :lid;
UPDATE shipments
SET status = 'in_transit', shipped_at = now(), ship_date = current_date,
    tracking_number = coalesce(tracking_number, 'TRK' || lpad(carrier_id::text, 3, '0') || lpad(shipment_id::text, 10, '0')),
    updated_at = now(), modified_by = 'carrier_edi'
WHERE load_id = :lid AND status = 'planned';
INSERT INTO tracking_events (shipment_id, event_type, event_ts, location_country, description,
                             source, created_at, updated_at, modified_by)
SELECT s.shipment_id, e.t, now() - e.ago, 'US', e.descr, 'driver_app', now(), now(), 'carrier_edi'
FROM shipments s
CROSS JOIN (VALUES ('picked_up', interval '40 minutes', 'Picked up at shipper'),
                   ('departed_facility', interval '0 minutes', 'Departed origin')) e(t, ago, descr)
WHERE s.load_id = :lid AND s.status = 'in_transit';
UPDATE routes SET status = 'in_progress', actual_start_at = now(), updated_at = now(),
                  modified_by = 'route_planner'
WHERE load_id = :lid;
UPDATE route_stops
SET status = 'completed', actual_arrival_at = now() - interval '45 minutes',
    actual_departure_at = now(), updated_at = now(), modified_by = 'driver_app'
WHERE route_id IN (SELECT route_id FROM routes WHERE load_id = :lid) AND stop_type = 'pickup';
INSERT INTO gps_pings (vehicle_id, route_id, recorded_at, latitude, longitude, speed_kmh,
                       heading_deg, odometer_km, engine_on)
SELECT l.vehicle_id, r.route_id, now(), 39.7684, -86.1581, 0, 0, v.odometer_km, true
FROM loads l JOIN routes r ON r.load_id = l.load_id JOIN vehicles v ON v.vehicle_id = l.vehicle_id
WHERE l.load_id = :lid;
COMMIT;
