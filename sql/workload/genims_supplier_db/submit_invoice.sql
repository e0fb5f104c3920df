-- A supplier invoices the oldest receipt that has no invoice yet (sometimes above PO price).
\set pv random(1, 100)
BEGIN;
SELECT coalesce(min(d.delivery_id), 0) AS did FROM supplier_deliveries d
WHERE d.status IN ('received', 'partially_received')
  AND d.delivery_id > (SELECT coalesce(max(delivery_id), 0) FROM supplier_invoices) \gset
SELECT nextval(pg_get_serial_sequence('supplier_invoices', 'invoice_id')) AS iid \gset
INSERT INTO supplier_invoices (invoice_id, supplier_id, invoice_number, po_number, delivery_id, invoice_date, due_date,
  invoiced_qty, unit_price, net_amount, tax_amount, total_amount, matching_status, status, attachment_sha256,
  created_at, updated_at, modified_by)
SELECT :iid, d.supplier_id, 'INV-' || d.supplier_id || '-' || lpad(':iid', 7, '0'), d.po_number, d.delivery_id,
  current_date, current_date + spa.payment_terms_days, d.qty_shipped, p.price,
  round(d.qty_shipped * p.price, 2), round(round(d.qty_shipped * p.price, 2) * 0.19, 2),
  round(d.qty_shipped * p.price, 2) + round(round(d.qty_shipped * p.price, 2) * 0.19, 2),
  'unmatched', 'submitted', sha256(convert_to('PDF|' || d.supplier_id || '|' || :iid, 'UTF8')), now(), now(),
  'sup' || lpad(d.supplier_id::text, 5, '0')
FROM supplier_deliveries d
JOIN supplier_portal_accounts spa ON spa.supplier_id = d.supplier_id
CROSS JOIN LATERAL (SELECT CASE WHEN :pv <= 8 THEN round(d.unit_price * (100 + :pv) / 100, 4)
                                ELSE d.unit_price END AS price) p
WHERE d.delivery_id = :did;
COMMIT;
