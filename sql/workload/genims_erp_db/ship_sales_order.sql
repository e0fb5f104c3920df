-- Shipment confirmation from the warehouse: the oldest confirmed order ships in full and its
-- standard cost moves from finished goods to COGS.
BEGIN;
SELECT coalesce(min(sales_order_id), 0) AS so_id FROM sales_orders WHERE status = 'confirmed' \gset
UPDATE sales_orders
SET status = 'shipped', ship_date = current_date, shipped_at = now(), updated_at = now(),
    modified_by = 'wms_interface'
WHERE sales_order_id = :so_id;
UPDATE sales_order_lines
SET status = 'shipped', qty_shipped = quantity, updated_at = now(), modified_by = 'wms_interface'
WHERE sales_order_id = :so_id;
SELECT nextval(pg_get_serial_sequence('journal_entries', 'journal_entry_id')) AS je_id \gset
INSERT INTO journal_entries (journal_entry_id, entry_number, ledger_id, fiscal_period_id,
                             posting_date, source_type, source_id, source_document, description,
                             status, total_debit, total_credit, posted_at, created_at,
                             updated_at, modified_by)
SELECT :je_id, 'JE-' || to_char(current_date, 'YYYY') || '-' || lpad(:je_id::text, 7, '0'), 1,
       coalesce((SELECT fiscal_period_id FROM fiscal_periods
                 WHERE current_date BETWEEN start_date AND end_date),
                (SELECT max(fiscal_period_id) FROM fiscal_periods)),
       current_date, 'shipment_cogs', o.sales_order_id, o.order_number, 'COGS for shipped order',
       'posted', round(o.total_cost / o.units_per_usd, 2), round(o.total_cost / o.units_per_usd, 2),
       now(), now(), now(), 'gl_interface'
FROM sales_orders o
WHERE o.sales_order_id = :so_id AND o.status = 'shipped';
INSERT INTO journal_lines (journal_entry_id, line_number, gl_account_id, cost_center_id, debit,
                           credit, factory_id, customer_id, description, created_at, updated_at,
                           modified_by)
SELECT je.journal_entry_id, x.line_no, a.gl_account_id, x.cc, x.dr, x.cr, o.factory_id,
       o.customer_id, a.name, now(), now(), 'gl_interface'
FROM journal_entries je
JOIN sales_orders o ON o.sales_order_id = je.source_id
CROSS JOIN LATERAL (VALUES (1, '5010', (o.factory_id - 1) * 6 + 1, je.total_debit, 0),
                           (2, '1320', (o.factory_id - 1) * 6 + 4, 0, je.total_debit))
  x(line_no, acct, cc, dr, cr)
JOIN gl_accounts a ON a.account_number = x.acct
WHERE je.journal_entry_id = :je_id;
COMMIT;
