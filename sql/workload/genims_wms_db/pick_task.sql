-- A picker works the oldest released task: each line is picked from its pick face (short if
-- the face is empty), moved to the shipping lane, scanned, and packed into one container.
\set emp random(1, :n_employees)
BEGIN;
SELECT coalesce(min(picking_task_id), 0) AS tid
FROM picking_tasks WHERE status IN ('released', 'in_progress') \gset
WITH q AS (
  SELECT l.pick_line_id, least(l.qty_requested, coalesce(i.qty_on_hand, 0)) AS qty
  FROM pick_lines l
  LEFT JOIN inventory i ON i.location_id = l.location_id AND i.lot_id = l.lot_id
                       AND i.item_type = 'product' AND i.item_id = l.product_id
  WHERE l.picking_task_id = :tid AND l.status = 'open'
)
UPDATE pick_lines l
SET qty_picked = q.qty, status = CASE WHEN q.qty >= l.qty_requested THEN 'picked' ELSE 'short' END,
    picked_at = now(), updated_at = now(), modified_by = 'user' || :emp
FROM q
WHERE l.pick_line_id = q.pick_line_id;
UPDATE inventory i
SET qty_on_hand = i.qty_on_hand - least(i.qty_on_hand, s.picked),
    qty_reserved = least(greatest(0, i.qty_reserved - s.requested),
                         i.qty_on_hand - least(i.qty_on_hand, s.picked)),
    last_movement_at = now(), updated_at = now(), modified_by = 'user' || :emp
FROM (SELECT location_id, lot_id, product_id, sum(qty_picked) AS picked,
             sum(qty_requested) AS requested
      FROM pick_lines WHERE picking_task_id = :tid GROUP BY 1, 2, 3) s
WHERE i.location_id = s.location_id AND i.lot_id = s.lot_id AND i.item_type = 'product'
  AND i.item_id = s.product_id;
UPDATE picking_tasks
SET status = 'picked', picker_employee_id = :emp, started_at = coalesce(started_at, now() - interval '25 minutes'),
    completed_at = now(), updated_at = now(), modified_by = 'user' || :emp
WHERE picking_task_id = :tid;
INSERT INTO inventory_transactions (txn_type, warehouse_id, item_type, item_id, lot_id, quantity,
                                    unit_cost, from_location_id, to_location_id, reference_type,
                                    reference_number, employee_id, txn_ts, created_at, updated_at,
                                    modified_by)
SELECT 'pick', t.warehouse_id, 'product', l.product_id, l.lot_id, l.qty_picked,
       coalesce(i.unit_cost, 0), l.location_id,
       (SELECT s.location_id FROM storage_locations s
        WHERE s.warehouse_id = t.warehouse_id AND s.location_type = 'staging'
        ORDER BY s.location_id LIMIT 1),
       'sales_order', t.order_number, :emp, now(), now(), now(), 'user' || :emp
FROM pick_lines l JOIN picking_tasks t ON t.picking_task_id = l.picking_task_id
LEFT JOIN inventory i ON i.location_id = l.location_id AND i.lot_id = l.lot_id
                     AND i.item_type = 'product' AND i.item_id = l.product_id
WHERE l.picking_task_id = :tid AND l.qty_picked > 0;
INSERT INTO rf_scan_events (device_id, warehouse_id, employee_id, location_id, scan_type, barcode,
                            task_reference, scanned_at, signal_dbm, battery_pct)
SELECT 'RF-' || lpad(t.warehouse_id::text, 2, '0') || '-' || lpad((:emp % 24)::text, 2, '0'),
       t.warehouse_id, :emp, l.location_id, 'item', 'P' || lpad(l.product_id::text, 8, '0'),
       t.task_number, now(), -40 - :emp % 45, 100 - :emp % 60
FROM pick_lines l JOIN picking_tasks t ON t.picking_task_id = l.picking_task_id
WHERE l.picking_task_id = :tid;
INSERT INTO pack_containers (lpn, picking_task_id, container_type, gross_weight_kg, dimensions_cm,
                             packed_by_employee_id, packed_at, status, created_at, updated_at,
                             modified_by)
SELECT 'LPN-W' || lpad(:tid::text, 9, '0'), t.picking_task_id,
       CASE WHEN s.qty > 100 THEN 'pallet' ELSE 'carton' END, greatest(1, s.qty * 2.5),
       CASE WHEN s.qty > 100 THEN ARRAY[120, 80, 110] ELSE ARRAY[60, 40, 40] END, :emp, now(),
       'closed', now(), now(), 'user' || :emp
FROM picking_tasks t
CROSS JOIN (SELECT coalesce(sum(qty_picked), 0) AS qty FROM pick_lines
            WHERE picking_task_id = :tid) s
WHERE t.picking_task_id = :tid
ON CONFLICT (lpn) DO NOTHING;
COMMIT;
