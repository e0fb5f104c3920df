-- The newest draft order is abandoned by the customer and removed before confirmation.
BEGIN;
SELECT coalesce(max(sales_order_id), 0) AS so_id FROM sales_orders WHERE status = 'draft' \gset
DELETE FROM sales_order_lines WHERE sales_order_id = :so_id;
DELETE FROM sales_orders WHERE sales_order_id = :so_id AND status = 'draft';
COMMIT;
