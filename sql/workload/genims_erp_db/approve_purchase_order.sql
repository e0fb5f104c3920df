-- Approval workflow: the oldest draft purchase order is approved and sent to the supplier.
BEGIN;
SELECT coalesce(min(purchase_order_id), 0) AS po_id FROM purchase_orders WHERE status = 'draft' \gset
UPDATE purchase_orders
SET status = 'sent', approved_at = now(), sent_at = now(), updated_at = now(),
    modified_by = 'user' || buyer_employee_id
WHERE purchase_order_id = :po_id;
COMMIT;
