-- Freight audit and payment: the oldest open freight bill moves one step (received -> audited
-- -> approved -> paid).
\set appr 20 * random(0, (:n_employees - 4) / 20) + 4
BEGIN;
SELECT coalesce(min(freight_invoice_id), 0) AS fid
FROM freight_invoices WHERE status IN ('received', 'audited', 'approved') \gset
UPDATE freight_invoices
SET status = CASE status WHEN 'received' THEN 'audited' WHEN 'audited' THEN 'approved' ELSE 'paid' END,
    audited_amount = coalesce(audited_amount, amount),
    approved_by_employee_id = CASE WHEN status = 'audited' THEN :appr ELSE approved_by_employee_id END,
    paid_date = CASE WHEN status = 'approved' THEN current_date END,
    updated_at = now(),
    modified_by = CASE WHEN status = 'audited' THEN 'user' || :appr ELSE 'freight_audit' END
WHERE freight_invoice_id = :fid;
COMMIT;
