-- Billing run: the oldest shipped order is invoiced (AR, revenue, discount and tax posting).
BEGIN;
SELECT coalesce(min(sales_order_id), 0) AS so_id FROM sales_orders WHERE status = 'shipped' \gset
SELECT nextval(pg_get_serial_sequence('customer_invoices', 'customer_invoice_id')) AS inv_id \gset
INSERT INTO customer_invoices (customer_invoice_id, invoice_number, sales_order_id, customer_id,
                               customer_account_id, invoice_date, due_date, currency,
                               units_per_usd, subtotal, discount_amount, tax_amount, total_amount,
                               status, sent_at, document_sha256, created_at, updated_at,
                               modified_by)
SELECT :inv_id, 'INV-' || to_char(current_date, 'YYYY') || '-' || lpad(:inv_id::text, 6, '0'),
       o.sales_order_id, o.customer_id, o.customer_account_id, current_date,
       current_date + pt.net_days, o.currency, o.units_per_usd, o.subtotal, o.discount_amount,
       o.tax_amount, o.total_amount, 'open', now(),
       sha256(convert_to('INV|' || :inv_id || '|' || o.total_amount, 'UTF8')), now(), now(),
       'billing_run'
FROM sales_orders o JOIN payment_terms pt ON pt.payment_term_id = o.payment_term_id
WHERE o.sales_order_id = :so_id;
INSERT INTO customer_invoice_lines (customer_invoice_id, sales_order_line_id, line_number,
                                    product_id, quantity, unit_price, discount_pct, line_amount,
                                    tax_code_id, tax_amount, created_at, updated_at, modified_by)
SELECT i.customer_invoice_id, l.sales_order_line_id, l.line_number, l.product_id, l.quantity,
       l.unit_price, l.discount_pct, l.line_amount, ca.tax_code_id,
       round(l.line_amount * tc.rate_pct / 100, 2), now(), now(), 'billing_run'
FROM customer_invoices i
JOIN sales_order_lines l ON l.sales_order_id = i.sales_order_id
JOIN customer_accounts ca ON ca.customer_account_id = i.customer_account_id
JOIN tax_codes tc ON tc.tax_code_id = ca.tax_code_id
WHERE i.customer_invoice_id = :inv_id;
UPDATE sales_orders
SET status = 'invoiced', invoiced_at = now(), updated_at = now(), modified_by = 'billing_run'
WHERE sales_order_id = :so_id AND EXISTS (SELECT 1 FROM customer_invoices
                                          WHERE customer_invoice_id = :inv_id);
UPDATE sales_order_lines
SET status = 'invoiced', updated_at = now(), modified_by = 'billing_run'
WHERE sales_order_id = :so_id AND EXISTS (SELECT 1 FROM customer_invoices
                                          WHERE customer_invoice_id = :inv_id);
SELECT nextval(pg_get_serial_sequence('journal_entries', 'journal_entry_id')) AS je_id \gset
INSERT INTO journal_entries (journal_entry_id, entry_number, ledger_id, fiscal_period_id,
                             posting_date, source_type, source_id, source_document, description,
                             status, total_debit, total_credit, posted_at, created_at,
                             updated_at, modified_by)
SELECT :je_id, 'JE-' || to_char(current_date, 'YYYY') || '-' || lpad(:je_id::text, 7, '0'), 1,
       coalesce((SELECT fiscal_period_id FROM fiscal_periods
                 WHERE current_date BETWEEN start_date AND end_date),
                (SELECT max(fiscal_period_id) FROM fiscal_periods)),
       current_date, 'customer_invoice', i.customer_invoice_id, i.invoice_number,
       'Customer invoice ' || i.invoice_number, 'posted',
       round(i.subtotal / i.units_per_usd, 2) + round(i.tax_amount / i.units_per_usd, 2),
       round(i.subtotal / i.units_per_usd, 2) + round(i.tax_amount / i.units_per_usd, 2),
       now(), now(), now(), 'gl_interface'
FROM customer_invoices i
WHERE i.customer_invoice_id = :inv_id;
INSERT INTO journal_lines (journal_entry_id, line_number, gl_account_id, cost_center_id, debit,
                           credit, customer_id, description, created_at, updated_at,
                           modified_by)
SELECT :je_id, x.line_no, a.gl_account_id, x.cc, x.dr, x.cr, i.customer_id, a.name, now(),
       now(), 'gl_interface'
FROM customer_invoices i
CROSS JOIN (SELECT max(cost_center_id) - 5 AS sales_cc FROM cost_centers) c
CROSS JOIN LATERAL (SELECT round(i.subtotal / i.units_per_usd, 2) AS sub,
                           round(i.discount_amount / i.units_per_usd, 2) AS dis,
                           round(i.tax_amount / i.units_per_usd, 2) AS tax) u
CROSS JOIN LATERAL (VALUES (1, '1200', c.sales_cc, u.sub - u.dis + u.tax, 0::numeric),
                           (2, '4050', c.sales_cc, u.dis, 0),
                           (3, '4010', c.sales_cc, 0, u.sub),
                           (4, '2300', c.sales_cc + 1, 0, u.tax)) x(line_no, acct, cc, dr, cr)
JOIN gl_accounts a ON a.account_number = x.acct
WHERE i.customer_invoice_id = :inv_id AND x.dr + x.cr <> 0
  AND EXISTS (SELECT 1 FROM journal_entries WHERE journal_entry_id = :je_id);
COMMIT;
