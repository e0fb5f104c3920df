-- Goods receipt: the oldest sent purchase order arrives complete at the raw-material
-- warehouse; inventory is debited against GRNI.
\set clerk random(1, :n_employees)
BEGIN;
SELECT coalesce(min(purchase_order_id), 0) AS po_id FROM purchase_orders WHERE status = 'sent' \gset
SELECT nextval(pg_get_serial_sequence('goods_receipts', 'goods_receipt_id')) AS gr_id \gset
INSERT INTO goods_receipts (goods_receipt_id, gr_number, purchase_order_id, warehouse_id,
                            wms_receipt_number, receipt_date, received_by_employee_id, status,
                            created_at, updated_at, modified_by)
SELECT :gr_id, 'GR-' || to_char(current_date, 'YYYY') || '-' || lpad(:gr_id::text, 6, '0'),
       o.purchase_order_id, o.ship_to_warehouse_id, 'RCV-W' || lpad(:gr_id::text, 7, '0'),
       current_date, :clerk, 'posted', now(), now(), 'user' || :clerk
FROM purchase_orders o
WHERE o.purchase_order_id = :po_id;
INSERT INTO goods_receipt_lines (goods_receipt_id, purchase_order_line_id, material_id,
                                 qty_received, qty_rejected, unit_price, amount, created_at,
                                 updated_at, modified_by)
SELECT g.goods_receipt_id, l.purchase_order_line_id, l.material_id, l.quantity - l.qty_received,
       0, l.unit_price, round((l.quantity - l.qty_received) * l.unit_price, 2), now(), now(),
       g.modified_by
FROM goods_receipts g JOIN purchase_order_lines l ON l.purchase_order_id = g.purchase_order_id
WHERE g.goods_receipt_id = :gr_id;
UPDATE purchase_order_lines
SET qty_received = quantity, status = 'received', updated_at = now(), modified_by = 'user' || :clerk
WHERE purchase_order_id = :po_id;
UPDATE purchase_orders
SET status = 'received', updated_at = now(), modified_by = 'user' || :clerk
WHERE purchase_order_id = :po_id;
SELECT nextval(pg_get_serial_sequence('journal_entries', 'journal_entry_id')) AS je_id \gset
INSERT INTO journal_entries (journal_entry_id, entry_number, ledger_id, fiscal_period_id,
                             posting_date, source_type, source_id, source_document, description,
                             status, total_debit, total_credit, posted_at, created_at,
                             updated_at, modified_by)
SELECT :je_id, 'JE-' || to_char(current_date, 'YYYY') || '-' || lpad(:je_id::text, 7, '0'), 1,
       coalesce((SELECT fiscal_period_id FROM fiscal_periods
                 WHERE current_date BETWEEN start_date AND end_date),
                (SELECT max(fiscal_period_id) FROM fiscal_periods)),
       current_date, 'goods_receipt', g.goods_receipt_id, g.gr_number,
       'Goods receipt ' || g.gr_number, 'posted', v.usd, v.usd, now(), now(), now(),
       'gl_interface'
FROM goods_receipts g
JOIN purchase_orders o ON o.purchase_order_id = g.purchase_order_id
CROSS JOIN LATERAL (SELECT coalesce(round(sum(l.amount) / o.units_per_usd, 2), 0) AS usd
                    FROM goods_receipt_lines l WHERE l.goods_receipt_id = g.goods_receipt_id) v
WHERE g.goods_receipt_id = :gr_id;
INSERT INTO journal_lines (journal_entry_id, line_number, gl_account_id, cost_center_id, debit,
                           credit, factory_id, supplier_id, description, created_at, updated_at,
                           modified_by)
SELECT je.journal_entry_id, x.line_no, a.gl_account_id, (o.factory_id - 1) * 6 + 4, x.dr, x.cr,
       o.factory_id, o.supplier_id, a.name, now(), now(), 'gl_interface'
FROM journal_entries je
JOIN goods_receipts g ON g.goods_receipt_id = je.source_id
JOIN purchase_orders o ON o.purchase_order_id = g.purchase_order_id
CROSS JOIN LATERAL (VALUES (1, '1300', je.total_debit, 0::numeric),
                           (2, '2050', 0, je.total_debit)) x(line_no, acct, dr, cr)
JOIN gl_accounts a ON a.account_number = x.acct
WHERE je.journal_entry_id = :je_id;
COMMIT;
