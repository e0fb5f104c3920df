-- Kitting: a material is issued from its storage bin to the production line of the factory.
\set fac random(1, :n_factories)
\set mat :fac + :n_factories * random(0, (:n_materials - :fac) / :n_factories)
\set qty 10 * random(2, 60)
\set emp random(1, :n_employees)
BEGIN;
SELECT coalesce((SELECT i.inventory_id FROM inventory i
                 JOIN storage_locations s ON s.location_id = i.location_id
                 WHERE i.warehouse_id = 2 * :fac - 1 AND i.item_type = 'material'
                   AND i.item_id = :mat AND s.location_type = 'rack'
                   AND i.qty_on_hand > i.qty_reserved AND i.status = 'available'
                 ORDER BY i.lot_id LIMIT 1), 0) AS src \gset
INSERT INTO inventory_transactions (txn_type, warehouse_id, item_type, item_id, lot_id, quantity,
                                    unit_cost, from_location_id, reference_type, reference_number,
                                    employee_id, txn_ts, created_at, updated_at, modified_by)
SELECT 'issue', i.warehouse_id, 'material', i.item_id, i.lot_id,
       least(:qty, i.qty_on_hand - i.qty_reserved), i.unit_cost, i.location_id, 'work_order',
       'KIT-F' || lpad(:fac::text, 2, '0') || '-' || to_char(current_date, 'YYYYMMDD') || '-W', :emp,
       now(), now(), now(), 'user' || :emp
FROM inventory i WHERE i.inventory_id = :src;
UPDATE inventory
SET qty_on_hand = qty_on_hand - least(:qty, qty_on_hand - qty_reserved), last_movement_at = now(),
    updated_at = now(), modified_by = 'user' || :emp
WHERE inventory_id = :src;
COMMIT;
