-- Load building: the planned shipments of the oldest waiting warehouse/carrier pair are put on
-- one load, tendered to the carrier, with a route: pickup then deliveries by distance order.
\set disp 20 * random(0, (:n_employees - 4) / 20) + 4
BEGIN;
SELECT coalesce((SELECT shipment_id FROM shipments WHERE status = 'planned' AND load_id IS NULL
                 ORDER BY shipment_id LIMIT 1), 0) AS first_sid \gset
SELECT nextval(pg_get_serial_sequence('loads', 'load_id')) AS lid \gset
INSERT INTO loads (load_id, load_number, carrier_id, contract_id, origin_warehouse_id,
                   dispatcher_employee_id, planned_pickup_at, status, tendered_at, created_at,
                   updated_at, modified_by)
SELECT :lid, 'LD-T' || lpad(:lid::text, 7, '0'), s.carrier_id,
       (SELECT contract_id FROM carrier_contracts c WHERE c.carrier_id = s.carrier_id AND c.status = 'active'
        ORDER BY contract_id LIMIT 1),
       s.origin_warehouse_id, :disp, s.ship_date + interval '10 hours', 'tendered', now(), now(),
       now(), 'user' || :disp
FROM shipments s WHERE s.shipment_id = :first_sid;
UPDATE shipments s
SET load_id = :lid, updated_at = now(), modified_by = 'user' || :disp
FROM loads l
WHERE l.load_id = :lid AND s.status = 'planned' AND s.load_id IS NULL
  AND s.origin_warehouse_id = l.origin_warehouse_id AND s.carrier_id = l.carrier_id;
UPDATE loads l
SET total_weight_kg = x.kg, pallet_count = x.pk, total_freight_cost = x.cost, updated_at = now()
FROM (SELECT coalesce(sum(weight_kg), 0) AS kg, coalesce(sum(package_count), 0) AS pk,
             coalesce(sum(freight_cost + fuel_surcharge), 0) AS cost
      FROM shipments WHERE load_id = :lid) x
WHERE l.load_id = :lid;
INSERT INTO routes (route_code, load_id, origin_warehouse_id, route_date, planned_distance_km,
                    planned_start_at, status, stop_count, created_at, updated_at, modified_by)
SELECT 'RT-T' || lpad(:lid::text, 7, '0'), l.load_id, l.origin_warehouse_id,
       (l.planned_pickup_at AT TIME ZONE 'UTC')::date,
       (SELECT 180 + 220 * count(*) FROM shipments WHERE load_id = :lid), l.planned_pickup_at,
       'planned', (SELECT count(*) + 1 FROM shipments WHERE load_id = :lid), now(), now(),
       'route_planner'
FROM loads l WHERE l.load_id = :lid;
INSERT INTO route_stops (route_id, stop_sequence, stop_type, shipment_id, country, city,
                         planned_arrival_at, status, created_at, updated_at, modified_by)
SELECT r.route_id, 1, 'pickup', NULL, 'US', 'Warehouse ' || r.origin_warehouse_id,
       r.planned_start_at, 'pending', now(), now(), 'route_planner'
FROM routes r WHERE r.load_id = :lid
UNION ALL
SELECT r.route_id, 1 + row_number() OVER (ORDER BY s.planned_delivery_date, s.shipment_id),
       'delivery', s.shipment_id, s.destination_country, s.destination_city,
       s.planned_delivery_date + interval '10 hours', 'pending', now(), now(), 'route_planner'
FROM shipments s JOIN routes r ON r.load_id = s.load_id
WHERE s.load_id = :lid;
COMMIT;
