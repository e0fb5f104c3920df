-- The carrier accepts the oldest tendered load and assigns a truck and a driver.
\set v random(1, 4)
\set d random(1, 5)
BEGIN;
SELECT coalesce(min(load_id), 0) AS lid FROM loads WHERE status = 'tendered' \gset
UPDATE loads l
SET status = 'accepted', accepted_at = now(),
    vehicle_id = (SELECT vehicle_id FROM vehicles WHERE carrier_id = l.carrier_id
                  ORDER BY vehicle_id OFFSET :v - 1 LIMIT 1),
    driver_id = (SELECT driver_id FROM drivers WHERE carrier_id = l.carrier_id
                 ORDER BY driver_id OFFSET :d - 1 LIMIT 1),
    updated_at = now(), modified_by = 'carrier_edi'
WHERE l.load_id = :lid;
UPDATE routes SET status = 'dispatched', updated_at = now(), modified_by = 'route_planner'
WHERE load_id = :lid AND status = 'planned';
COMMIT;
