-- Accounts payable matches the oldest submitted invoice against PO price and accepted qty.
\set clerk 20 * random(0, (:n_employees - 5) / 20) + 5
BEGIN;
SELECT coalesce(min(invoice_id), 0) AS iid FROM supplier_invoices WHERE status = 'submitted' \gset
UPDATE supplier_invoices i
SET matching_status = CASE WHEN i.unit_price <> d.unit_price THEN 'price_variance'
                           WHEN i.invoiced_qty <> d.qty_received - d.qty_rejected THEN 'qty_variance'
                           ELSE 'three_way_matched' END,
  price_variance_amount = round((i.unit_price - d.unit_price) * i.invoiced_qty, 2),
  status = CASE WHEN i.unit_price <> d.unit_price OR i.invoiced_qty <> d.qty_received - d.qty_rejected
                THEN 'on_hold' ELSE 'approved' END,
  approved_at = CASE WHEN i.unit_price = d.unit_price AND i.invoiced_qty = d.qty_received - d.qty_rejected
                     THEN now() END,
  updated_at = now(), modified_by = 'user' || :clerk
FROM supplier_deliveries d
WHERE i.invoice_id = :iid AND i.status = 'submitted' AND d.delivery_id = i.delivery_id;
COMMIT;
