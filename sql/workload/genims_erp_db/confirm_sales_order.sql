-- Order confirmation: the oldest draft passes credit check and stock allocation.
BEGIN;
SELECT coalesce(min(sales_order_id), 0) AS so_id FROM sales_orders WHERE status = 'draft' \gset
UPDATE sales_orders
SET status = 'confirmed', confirmed_at = now(), updated_at = now(),
    modified_by = 'user' || sales_rep_employee_id
WHERE sales_order_id = :so_id;
UPDATE sales_order_lines
SET status = 'allocated', updated_at = now(), modified_by = 'order_mgmt'
WHERE sales_order_id = :so_id;
COMMIT;
