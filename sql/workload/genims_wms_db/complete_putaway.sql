-- A forklift driver confirms the oldest open putaway: stock moves from the dock to the bin.
\set emp random(1, :n_employees)
BEGIN;
SELECT coalesce(min(putaway_task_id), 0) AS tid
FROM putaway_tasks WHERE status IN ('open', 'assigned') \gset
UPDATE putaway_tasks
SET status = 'completed', assigned_employee_id = coalesce(assigned_employee_id, :emp),
    started_at = now() - interval '12 minutes', completed_at = now(), updated_at = now(),
    modified_by = 'user' || :emp
WHERE putaway_task_id = :tid;
UPDATE inventory v
SET qty_on_hand = greatest(0, v.qty_on_hand - t.quantity),
    qty_reserved = least(v.qty_reserved, greatest(0, v.qty_on_hand - t.quantity)),
    last_movement_at = now(), updated_at = now(), modified_by = 'user' || :emp
FROM putaway_tasks t
WHERE t.putaway_task_id = :tid AND v.location_id = t.from_location_id
  AND v.item_type = t.item_type AND v.item_id = t.item_id AND v.lot_id = t.lot_id;
INSERT INTO inventory (warehouse_id, location_id, item_type, item_id, lot_id, qty_on_hand, uom,
                       unit_cost, status, last_movement_at, created_at, updated_at, modified_by)
SELECT t.warehouse_id, t.to_location_id, t.item_type, t.item_id, t.lot_id, t.quantity, 'EA',
       coalesce((SELECT i.unit_cost FROM inventory i
                 WHERE i.warehouse_id = t.warehouse_id AND i.item_type = t.item_type
                   AND i.item_id = t.item_id ORDER BY i.inventory_id LIMIT 1), 10),
       'available', now(), now(), now(), 'user' || :emp
FROM putaway_tasks t
WHERE t.putaway_task_id = :tid AND t.lot_id IS NOT NULL
ON CONFLICT (location_id, item_type, item_id, lot_id) DO UPDATE
SET qty_on_hand = inventory.qty_on_hand + EXCLUDED.qty_on_hand, last_movement_at = now(),
    updated_at = now(), modified_by = EXCLUDED.modified_by;
INSERT INTO inventory_transactions (txn_type, warehouse_id, item_type, item_id, lot_id, quantity,
                                    unit_cost, from_location_id, to_location_id, reference_number,
                                    employee_id, txn_ts, created_at, updated_at, modified_by)
SELECT 'putaway', t.warehouse_id, t.item_type, t.item_id, t.lot_id, t.quantity, i.unit_cost,
       t.from_location_id, t.to_location_id, t.task_number, :emp, now(), now(), now(),
       'user' || :emp
FROM putaway_tasks t
JOIN inventory i ON i.location_id = t.to_location_id AND i.item_type = t.item_type
                AND i.item_id = t.item_id AND i.lot_id = t.lot_id
WHERE t.putaway_task_id = :tid;
INSERT INTO rf_scan_events (device_id, warehouse_id, employee_id, location_id, scan_type, barcode,
                            task_reference, scanned_at, signal_dbm, battery_pct)
SELECT 'RF-' || lpad(t.warehouse_id::text, 2, '0') || '-' || lpad((:emp % 24)::text, 2, '0'),
       t.warehouse_id, :emp, t.to_location_id, 'lot', 'L' || lpad(t.lot_id::text, 9, '0'),
       t.task_number, now(), -40 - :emp % 45, 100 - :emp % 60
FROM putaway_tasks t
WHERE t.putaway_task_id = :tid AND t.lot_id IS NOT NULL;
COMMIT;
