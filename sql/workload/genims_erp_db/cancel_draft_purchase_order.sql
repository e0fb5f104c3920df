-- A requisition is withdrawn: the newest draft purchase order is deleted.
BEGIN;
SELECT coalesce(max(purchase_order_id), 0) AS po_id FROM purchase_orders WHERE status = 'draft' \gset
DELETE FROM purchase_order_lines WHERE purchase_order_id = :po_id;
DELETE FROM purchase_orders WHERE purchase_order_id = :po_id AND status = 'draft';
COMMIT;
