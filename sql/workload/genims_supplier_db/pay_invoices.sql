-- The payment run pays the five approved invoices that are due first.
BEGIN;
UPDATE supplier_invoices
SET status = 'paid', paid_at = now(), payment_reference = 'PAY-' || to_char(now(), 'YYYYMMDD') || '-' || supplier_id,
  updated_at = now(), modified_by = 'payment_run'
WHERE invoice_id IN (SELECT invoice_id FROM supplier_invoices WHERE status = 'approved'
                     ORDER BY due_date, invoice_id LIMIT 5);
COMMIT;
