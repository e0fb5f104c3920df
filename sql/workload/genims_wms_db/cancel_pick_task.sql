-- The order behind the newest pending pick task is cancelled: the reservation is released and
-- the task deleted before it reached a wave.
BEGIN;
SELECT coalesce(max(picking_task_id), 0) AS tid FROM picking_tasks WHERE status = 'pending' \gset
UPDATE inventory i
SET qty_reserved = greatest(0, i.qty_reserved - l.qty), updated_at = now(), modified_by = 'order_mgmt'
FROM (SELECT location_id, lot_id, product_id, sum(qty_requested) AS qty FROM pick_lines
      WHERE picking_task_id = :tid GROUP BY 1, 2, 3) l
WHERE i.location_id = l.location_id AND i.lot_id = l.lot_id AND i.item_type = 'product'
  AND i.item_id = l.product_id;
DELETE FROM pick_lines WHERE picking_task_id = :tid;
DELETE FROM picking_tasks WHERE picking_task_id = :tid AND status = 'pending';
COMMIT;
