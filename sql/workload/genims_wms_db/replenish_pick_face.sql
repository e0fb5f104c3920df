-- A pick face is topped up from bulk storage by its replenishment rule quantity.
\set fac random(1, :n_factories)
\set prod :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set emp random(1, :n_employees)
BEGIN;
SELECT coalesce((SELECT r.rule_id FROM replenishment_rules r
                 WHERE r.warehouse_id = 2 * :fac AND r.product_id = :prod AND r.is_active), 0) AS rid,
       coalesce((SELECT i.inventory_id FROM inventory i
                 JOIN storage_locations s ON s.location_id = i.location_id
                 WHERE i.warehouse_id = 2 * :fac AND i.item_type = 'product' AND i.item_id = :prod
                   AND s.location_type = 'bulk' AND i.qty_on_hand > i.qty_reserved
                 ORDER BY i.lot_id LIMIT 1), 0) AS src \gset
SELECT nextval(pg_get_serial_sequence('replenishment_tasks', 'replenishment_task_id')) AS tid \gset
INSERT INTO replenishment_tasks (replenishment_task_id, rule_id, from_location_id, to_location_id,
                                 quantity, status, assigned_employee_id, completed_at, created_at,
                                 updated_at, modified_by)
SELECT :tid, r.rule_id, i.location_id, r.location_id,
       least(r.reorder_qty, i.qty_on_hand - i.qty_reserved), 'completed', :emp, now(), now(),
       now(), 'user' || :emp
FROM replenishment_rules r CROSS JOIN inventory i
WHERE r.rule_id = :rid AND i.inventory_id = :src;
UPDATE inventory i
SET qty_on_hand = i.qty_on_hand - t.quantity, last_movement_at = now(), updated_at = now(),
    modified_by = 'user' || :emp
FROM replenishment_tasks t
WHERE t.replenishment_task_id = :tid AND i.inventory_id = :src;
INSERT INTO inventory (warehouse_id, location_id, item_type, item_id, lot_id, qty_on_hand, uom,
                       unit_cost, status, last_movement_at, created_at, updated_at, modified_by)
SELECT s.warehouse_id, t.to_location_id, 'product', s.item_id, s.lot_id, t.quantity, 'EA',
       s.unit_cost, 'available', now(), now(), now(), 'user' || :emp
FROM replenishment_tasks t CROSS JOIN inventory s
WHERE t.replenishment_task_id = :tid AND s.inventory_id = :src
ON CONFLICT (location_id, item_type, item_id, lot_id) DO UPDATE
SET qty_on_hand = inventory.qty_on_hand + EXCLUDED.qty_on_hand, last_movement_at = now(),
    updated_at = now(), modified_by = EXCLUDED.modified_by;
UPDATE replenishment_rules
SET last_triggered_at = now(), updated_at = now(), modified_by = 'user' || :emp
WHERE rule_id = :rid AND EXISTS (SELECT 1 FROM replenishment_tasks WHERE replenishment_task_id = :tid);
INSERT INTO inventory_transactions (txn_type, warehouse_id, item_type, item_id, lot_id, quantity,
                                    unit_cost, from_location_id, to_location_id, reference_type,
                                    reference_number, employee_id, txn_ts, created_at, updated_at,
                                    modified_by)
SELECT 'replenishment', s.warehouse_id, 'product', s.item_id, s.lot_id, t.quantity, s.unit_cost,
       t.from_location_id, t.to_location_id, 'replenishment', 'RPL-' || t.replenishment_task_id,
       :emp, now(), now(), now(), 'user' || :emp
FROM replenishment_tasks t CROSS JOIN inventory s
WHERE t.replenishment_task_id = :tid AND s.inventory_id = :src;
COMMIT;
