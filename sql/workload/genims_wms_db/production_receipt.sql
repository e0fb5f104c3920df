-- Production reports a finished lot: it lands on the finished-goods receiving dock and a
-- putaway task to the product's bulk location is opened.
\set fac random(1, :n_factories)
\set prod :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set qty 5 * random(10, 100)
BEGIN;
SELECT nextval(pg_get_serial_sequence('lots', 'lot_id')) AS lid,
       coalesce((SELECT min(location_id) FROM storage_locations
                 WHERE warehouse_id = 2 * :fac AND location_type = 'dock'), 0) AS dock,
       coalesce((SELECT i.location_id FROM inventory i
                 JOIN storage_locations s ON s.location_id = i.location_id
                 WHERE i.warehouse_id = 2 * :fac AND i.item_type = 'product' AND i.item_id = :prod
                   AND s.location_type = 'bulk' ORDER BY i.inventory_id LIMIT 1),
                (SELECT max(location_id) FROM storage_locations
                 WHERE warehouse_id = 2 * :fac AND location_type = 'bulk'), 0) AS bin,
       coalesce((SELECT unit_cost FROM inventory
                 WHERE warehouse_id = 2 * :fac AND item_type = 'product' AND item_id = :prod
                 ORDER BY inventory_id LIMIT 1), 50) AS cost \gset
INSERT INTO lots (lot_id, lot_number, item_type, item_id, manufactured_date, received_date, status,
                  certificate, created_at, updated_at, modified_by)
VALUES (:lid, 'L' || to_char(current_date, 'YYMMDD') || '-P' || lpad(:lid::text, 7, '0'), 'product',
        :prod, current_date, current_date, 'released',
        jsonb_build_object('work_center', 'WC-F' || :fac, 'inspected', true), now(), now(),
        'mes_interface');
INSERT INTO inventory (warehouse_id, location_id, item_type, item_id, lot_id, qty_on_hand, uom,
                       unit_cost, status, last_movement_at, created_at, updated_at, modified_by)
SELECT 2 * :fac, :dock, 'product', :prod, :lid, :qty, 'EA', :cost, 'available', now(), now(),
       now(), 'mes_interface'
WHERE :dock > 0;
INSERT INTO inventory_transactions (txn_type, warehouse_id, item_type, item_id, lot_id, quantity,
                                    unit_cost, to_location_id, reference_type, reference_number,
                                    txn_ts, created_at, updated_at, modified_by)
SELECT 'production_receipt', 2 * :fac, 'product', :prod, :lid, :qty, :cost, :dock, 'work_order',
       'PRD-F' || lpad(:fac::text, 2, '0') || '-' || to_char(current_date, 'YYYYMMDD'), now(),
       now(), now(), 'mes_interface'
WHERE :dock > 0;
INSERT INTO putaway_tasks (task_number, warehouse_id, item_type, item_id, lot_id, quantity,
                           from_location_id, to_location_id, status, created_at, updated_at,
                           modified_by)
SELECT 'PA-P' || lpad(:lid::text, 8, '0'), 2 * :fac, 'product', :prod, :lid, :qty, :dock, :bin,
       'open', now(), now(), 'wms'
WHERE :dock > 0 AND :bin > 0;
COMMIT;
