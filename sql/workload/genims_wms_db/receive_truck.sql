-- The oldest expected delivery arrives: every line is received into a new lot on the dock,
-- logged in the inventory ledger, and a putaway task to the material's home bin is created.
\set clerk random(1, :n_employees)
\set damaged random(1, 20)
BEGIN;
SELECT coalesce(min(receipt_id), 0) AS rid FROM receiving_receipts WHERE status = 'expected' \gset
UPDATE receiving_receipts
SET status = 'completed', arrived_at = now() - interval '40 minutes', completed_at = now(),
    received_by_employee_id = :clerk, updated_at = now(), modified_by = 'user' || :clerk
WHERE receipt_id = :rid;
INSERT INTO lots (lot_number, item_type, item_id, supplier_id, supplier_lot, manufactured_date,
                  received_date, status, certificate, created_at, updated_at, modified_by)
SELECT 'L' || to_char(current_date, 'YYMMDD') || '-R' || lpad(rl.receipt_line_id::text, 7, '0'),
       'material', rl.material_id, r.supplier_id,
       'S' || r.supplier_id || '-' || upper(left(md5('rl' || rl.receipt_line_id), 8)),
       current_date - 20, current_date, 'released',
       jsonb_build_object('coa', true, 'heat_number', 'H' || (500000 + rl.receipt_line_id)),
       now(), now(), 'user' || :clerk
FROM receipt_lines rl JOIN receiving_receipts r ON r.receipt_id = rl.receipt_id
WHERE rl.receipt_id = :rid;
UPDATE receipt_lines rl
SET lot_id = l.lot_id, qty_received = rl.qty_expected,
    qty_damaged = CASE WHEN :damaged = 1 AND rl.line_number = 1 THEN ceil(rl.qty_expected * 0.02) ELSE 0 END,
    status = CASE WHEN :damaged = 1 AND rl.line_number = 1 THEN 'damaged' ELSE 'received' END,
    updated_at = now(), modified_by = 'user' || :clerk
FROM lots l
WHERE rl.receipt_id = :rid
  AND l.lot_number = 'L' || to_char(current_date, 'YYMMDD') || '-R' || lpad(rl.receipt_line_id::text, 7, '0');
INSERT INTO inventory (warehouse_id, location_id, item_type, item_id, lot_id, qty_on_hand, uom,
                       unit_cost, status, last_movement_at, created_at, updated_at, modified_by)
SELECT r.warehouse_id, r.dock_location_id, 'material', rl.material_id, rl.lot_id,
       rl.qty_received - rl.qty_damaged, 'EA',
       coalesce((SELECT i.unit_cost FROM inventory i
                 WHERE i.warehouse_id = r.warehouse_id AND i.item_type = 'material'
                   AND i.item_id = rl.material_id ORDER BY i.inventory_id LIMIT 1), 10),
       'available', now(), now(), now(), 'user' || :clerk
FROM receipt_lines rl JOIN receiving_receipts r ON r.receipt_id = rl.receipt_id
WHERE rl.receipt_id = :rid AND rl.lot_id IS NOT NULL
ON CONFLICT (location_id, item_type, item_id, lot_id) DO NOTHING;
INSERT INTO inventory_transactions (txn_type, warehouse_id, item_type, item_id, lot_id, quantity,
                                    unit_cost, to_location_id, reference_type, reference_number,
                                    reason_code, employee_id, txn_ts, created_at, updated_at,
                                    modified_by)
SELECT 'receipt', r.warehouse_id, 'material', rl.material_id, rl.lot_id, rl.qty_received,
       i.unit_cost, r.dock_location_id, 'purchase_order', r.po_number,
       CASE WHEN rl.qty_damaged > 0 THEN 'DAMAGED_PARTIAL' END, :clerk, now(), now(), now(),
       'user' || :clerk
FROM receipt_lines rl JOIN receiving_receipts r ON r.receipt_id = rl.receipt_id
JOIN inventory i ON i.location_id = r.dock_location_id AND i.item_type = 'material'
                AND i.item_id = rl.material_id AND i.lot_id = rl.lot_id
WHERE rl.receipt_id = :rid;
INSERT INTO putaway_tasks (task_number, warehouse_id, receipt_line_id, item_type, item_id, lot_id,
                           quantity, from_location_id, to_location_id, status, created_at,
                           updated_at, modified_by)
SELECT 'PA-R' || lpad(rl.receipt_line_id::text, 8, '0'), r.warehouse_id, rl.receipt_line_id,
       'material', rl.material_id, rl.lot_id, rl.qty_received - rl.qty_damaged,
       r.dock_location_id,
       coalesce((SELECT i.location_id FROM inventory i
                 JOIN storage_locations s ON s.location_id = i.location_id
                 WHERE i.warehouse_id = r.warehouse_id AND i.item_type = 'material'
                   AND i.item_id = rl.material_id AND s.location_type = 'rack'
                 ORDER BY i.inventory_id LIMIT 1),
                (SELECT s.location_id FROM storage_locations s
                 WHERE s.warehouse_id = r.warehouse_id AND s.location_type = 'rack'
                 ORDER BY s.location_id DESC LIMIT 1)),
       'open', now(), now(), 'wms'
FROM receipt_lines rl JOIN receiving_receipts r ON r.receipt_id = rl.receipt_id
WHERE rl.receipt_id = :rid AND rl.qty_received > rl.qty_damaged;
COMMIT;
