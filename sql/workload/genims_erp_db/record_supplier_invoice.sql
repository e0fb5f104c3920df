-- Accounts payable keys the supplier invoice of the oldest received, not yet invoiced purchase
-- order; it matches the receipt, so GRNI is cleared against AP.
BEGIN;
SELECT coalesce(min(o.purchase_order_id), 0) AS po_id
FROM purchase_orders o
WHERE o.status = 'received'
  AND NOT EXISTS (SELECT 1 FROM supplier_invoices s WHERE s.purchase_order_id = o.purchase_order_id) \gset
SELECT nextval(pg_get_serial_sequence('supplier_invoices', 'supplier_invoice_id')) AS si_id \gset
INSERT INTO supplier_invoices (supplier_invoice_id, document_number, supplier_invoice_number,
                               supplier_id, supplier_account_id, purchase_order_id, invoice_date,
                               received_date, due_date, currency, units_per_usd, net_amount,
                               tax_amount, total_amount, match_status, status, attachment_sha256,
                               created_at, updated_at, modified_by)
SELECT :si_id, 'AP-' || to_char(current_date, 'YYYY') || '-' || lpad(:si_id::text, 6, '0'),
       'INV-W' || :si_id, o.supplier_id, o.supplier_account_id, o.purchase_order_id,
       current_date - 1, current_date, current_date - 1 + pt.net_days, o.currency,
       o.units_per_usd, v.amount, 0, v.amount, 'matched', 'approved',
       sha256(convert_to('supplier-invoice|' || :si_id || '|' || v.amount, 'UTF8')), now(), now(),
       'user' || o.buyer_employee_id
FROM purchase_orders o
JOIN payment_terms pt ON pt.payment_term_id = o.payment_term_id
CROSS JOIN LATERAL (SELECT coalesce(sum(round((l.qty_received) * l.unit_price, 2)), 0) AS amount
                    FROM purchase_order_lines l
                    WHERE l.purchase_order_id = o.purchase_order_id) v
WHERE o.purchase_order_id = :po_id AND v.amount > 0;
SELECT nextval(pg_get_serial_sequence('journal_entries', 'journal_entry_id')) AS je_id \gset
INSERT INTO journal_entries (journal_entry_id, entry_number, ledger_id, fiscal_period_id,
                             posting_date, source_type, source_id, source_document, description,
                             status, total_debit, total_credit, posted_at, created_at,
                             updated_at, modified_by)
SELECT :je_id, 'JE-' || to_char(current_date, 'YYYY') || '-' || lpad(:je_id::text, 7, '0'), 1,
       coalesce((SELECT fiscal_period_id FROM fiscal_periods
                 WHERE current_date BETWEEN start_date AND end_date),
                (SELECT max(fiscal_period_id) FROM fiscal_periods)),
       current_date, 'supplier_invoice', s.supplier_invoice_id, s.document_number,
       'Supplier invoice for PO ' || s.purchase_order_id, 'posted',
       round(s.total_amount / s.units_per_usd, 2), round(s.total_amount / s.units_per_usd, 2),
       now(), now(), now(), 'gl_interface'
FROM supplier_invoices s
WHERE s.supplier_invoice_id = :si_id;
INSERT INTO journal_lines (journal_entry_id, line_number, gl_account_id, cost_center_id, debit,
                           credit, factory_id, supplier_id, description, created_at, updated_at,
                           modified_by)
SELECT je.journal_entry_id, x.line_no, a.gl_account_id, x.cc, x.dr, x.cr, o.factory_id,
       s.supplier_id, a.name, now(), now(), 'gl_interface'
FROM journal_entries je
JOIN supplier_invoices s ON s.supplier_invoice_id = je.source_id
JOIN purchase_orders o ON o.purchase_order_id = s.purchase_order_id
CROSS JOIN (SELECT max(cost_center_id) - 4 AS finance_cc FROM cost_centers) c
CROSS JOIN LATERAL (VALUES (1, '2050', (o.factory_id - 1) * 6 + 4, je.total_debit, 0::numeric),
                           (2, '2010', c.finance_cc, 0, je.total_debit)) x(line_no, acct, cc, dr, cr)
JOIN gl_accounts a ON a.account_number = x.acct
WHERE je.journal_entry_id = :je_id;
COMMIT;
