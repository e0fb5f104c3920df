-- Payment run: the approved supplier invoice due first is paid; its purchase order closes.
BEGIN;
SELECT coalesce((SELECT supplier_invoice_id FROM supplier_invoices WHERE status = 'approved'
                 ORDER BY due_date, supplier_invoice_id LIMIT 1), 0) AS si_id \gset
SELECT nextval(pg_get_serial_sequence('supplier_payments', 'supplier_payment_id')) AS sp_id \gset
INSERT INTO supplier_payments (supplier_payment_id, payment_number, supplier_id,
                               supplier_invoice_id, payment_date, amount, currency, units_per_usd,
                               method, status, bank_reference, created_at, updated_at,
                               modified_by)
SELECT :sp_id, 'PAY-' || to_char(current_date, 'YYYY') || '-' || lpad(:sp_id::text, 6, '0'),
       s.supplier_id, s.supplier_invoice_id, current_date, s.total_amount - s.amount_paid,
       s.currency, s.units_per_usd,
       CASE s.currency WHEN 'EUR' THEN 'sepa' WHEN 'USD' THEN 'ach' ELSE 'wire' END, 'sent',
       'PR' || upper(left(md5('pay' || :sp_id), 12)), now(), now(), 'payment_run'
FROM supplier_invoices s
WHERE s.supplier_invoice_id = :si_id AND s.total_amount > s.amount_paid;
UPDATE supplier_invoices
SET status = 'paid', amount_paid = total_amount, paid_date = current_date, updated_at = now(),
    modified_by = 'payment_run'
WHERE supplier_invoice_id = :si_id
  AND EXISTS (SELECT 1 FROM supplier_payments WHERE supplier_payment_id = :sp_id);
UPDATE purchase_orders o
SET status = 'closed', closed_at = now(), updated_at = now(), modified_by = 'payment_run'
FROM supplier_invoices s
WHERE s.supplier_invoice_id = :si_id AND s.status = 'paid'
  AND o.purchase_order_id = s.purchase_order_id AND o.status = 'received';
SELECT nextval(pg_get_serial_sequence('journal_entries', 'journal_entry_id')) AS je_id \gset
INSERT INTO journal_entries (journal_entry_id, entry_number, ledger_id, fiscal_period_id,
                             posting_date, source_type, source_id, source_document, description,
                             status, total_debit, total_credit, posted_at, created_at,
                             updated_at, modified_by)
SELECT :je_id, 'JE-' || to_char(current_date, 'YYYY') || '-' || lpad(:je_id::text, 7, '0'), 1,
       coalesce((SELECT fiscal_period_id FROM fiscal_periods
                 WHERE current_date BETWEEN start_date AND end_date),
                (SELECT max(fiscal_period_id) FROM fiscal_periods)),
       current_date, 'supplier_payment', p.supplier_payment_id, p.payment_number,
       'Supplier payment ' || p.payment_number, 'posted',
       round(p.amount / p.units_per_usd, 2), round(p.amount / p.units_per_usd, 2), now(), now(),
       now(), 'gl_interface'
FROM supplier_payments p
WHERE p.supplier_payment_id = :sp_id;
INSERT INTO journal_lines (journal_entry_id, line_number, gl_account_id, cost_center_id, debit,
                           credit, supplier_id, description, created_at, updated_at,
                           modified_by)
SELECT je.journal_entry_id, x.line_no, a.gl_account_id, c.finance_cc, x.dr, x.cr, p.supplier_id,
       a.name, now(), now(), 'gl_interface'
FROM journal_entries je
JOIN supplier_payments p ON p.supplier_payment_id = je.source_id
CROSS JOIN (SELECT max(cost_center_id) - 4 AS finance_cc FROM cost_centers) c
CROSS JOIN LATERAL (VALUES (1, '2010', je.total_debit, 0::numeric),
                           (2, '1010', 0, je.total_debit)) x(line_no, acct, dr, cr)
JOIN gl_accounts a ON a.account_number = x.acct
WHERE je.journal_entry_id = :je_id;
COMMIT;
