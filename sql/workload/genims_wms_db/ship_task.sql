-- Truck loaded: the oldest picked task ships; its containers and the lane stock leave.
BEGIN;
SELECT coalesce(min(picking_task_id), 0) AS tid FROM picking_tasks WHERE status = 'picked' \gset
UPDATE picking_tasks
SET status = 'shipped', updated_at = now(), modified_by = 'shipping'
WHERE picking_task_id = :tid;
UPDATE pack_containers
SET status = 'shipped', updated_at = now(), modified_by = 'shipping'
WHERE picking_task_id = :tid AND status <> 'shipped';
INSERT INTO inventory_transactions (txn_type, warehouse_id, item_type, item_id, lot_id, quantity,
                                    unit_cost, from_location_id, reference_type, reference_number,
                                    txn_ts, created_at, updated_at, modified_by)
SELECT 'ship', x.warehouse_id, x.item_type, x.item_id, x.lot_id, x.quantity, x.unit_cost,
       x.to_location_id, 'sales_order', x.reference_number, now(), now(), now(), 'shipping'
FROM inventory_transactions x
JOIN picking_tasks t ON t.order_number = x.reference_number AND t.picking_task_id = :tid
WHERE x.txn_type = 'pick' AND x.reference_type = 'sales_order';
COMMIT;
