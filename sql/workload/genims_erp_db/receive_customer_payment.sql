-- Cash application: a payment arrives for the oldest open or overdue invoice; about one in
-- eight customers short-pays half of it.
\set partial random(1, 8)
BEGIN;
SELECT coalesce(min(customer_invoice_id), 0) AS inv_id
FROM customer_invoices WHERE status IN ('open', 'overdue') \gset
SELECT nextval(pg_get_serial_sequence('customer_payments', 'customer_payment_id')) AS pay_id \gset
INSERT INTO customer_payments (customer_payment_id, payment_number, customer_id,
                               customer_invoice_id, received_date, amount, currency,
                               units_per_usd, method, bank_reference, status, created_at,
                               updated_at, modified_by)
SELECT :pay_id, 'RCPT-' || to_char(current_date, 'YYYY') || '-' || lpad(:pay_id::text, 6, '0'),
       i.customer_id, i.customer_invoice_id, current_date,
       CASE WHEN :partial = 1 THEN round(i.total_amount / 2, 2) ELSE i.total_amount END,
       i.currency, i.units_per_usd,
       CASE i.currency WHEN 'EUR' THEN 'sepa' WHEN 'USD' THEN 'ach' ELSE 'wire' END,
       'BR' || upper(left(md5('rcpt' || :pay_id), 12)), 'applied', now(), now(), 'cash_app'
FROM customer_invoices i
WHERE i.customer_invoice_id = :inv_id AND i.total_amount > 0;
UPDATE customer_invoices i
SET amount_paid = p.amount,
    status = CASE WHEN p.amount >= i.total_amount THEN 'paid' ELSE 'partially_paid' END,
    paid_date = CASE WHEN p.amount >= i.total_amount THEN current_date END,
    updated_at = now(), modified_by = 'cash_app'
FROM customer_payments p
WHERE p.customer_payment_id = :pay_id AND i.customer_invoice_id = p.customer_invoice_id;
SELECT nextval(pg_get_serial_sequence('journal_entries', 'journal_entry_id')) AS je_id \gset
INSERT INTO journal_entries (journal_entry_id, entry_number, ledger_id, fiscal_period_id,
                             posting_date, source_type, source_id, source_document, description,
                             status, total_debit, total_credit, posted_at, created_at,
                             updated_at, modified_by)
SELECT :je_id, 'JE-' || to_char(current_date, 'YYYY') || '-' || lpad(:je_id::text, 7, '0'), 1,
       coalesce((SELECT fiscal_period_id FROM fiscal_periods
                 WHERE current_date BETWEEN start_date AND end_date),
                (SELECT max(fiscal_period_id) FROM fiscal_periods)),
       current_date, 'customer_payment', p.customer_payment_id, p.payment_number,
       'Customer payment ' || p.payment_number, 'posted',
       round(p.amount / p.units_per_usd, 2), round(p.amount / p.units_per_usd, 2), now(), now(),
       now(), 'gl_interface'
FROM customer_payments p
WHERE p.customer_payment_id = :pay_id;
INSERT INTO journal_lines (journal_entry_id, line_number, gl_account_id, cost_center_id, debit,
                           credit, customer_id, description, created_at, updated_at,
                           modified_by)
SELECT je.journal_entry_id, x.line_no, a.gl_account_id, x.cc, x.dr, x.cr, p.customer_id, a.name,
       now(), now(), 'gl_interface'
FROM journal_entries je
JOIN customer_payments p ON p.customer_payment_id = je.source_id
CROSS JOIN (SELECT max(cost_center_id) - 5 AS sales_cc FROM cost_centers) c
CROSS JOIN LATERAL (VALUES (1, '1010', c.sales_cc + 1, je.total_debit, 0::numeric),
                           (2, '1200', c.sales_cc, 0, je.total_debit)) x(line_no, acct, cc, dr, cr)
JOIN gl_accounts a ON a.account_number = x.acct
WHERE je.journal_entry_id = :je_id;
COMMIT;
