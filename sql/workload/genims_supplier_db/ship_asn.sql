-- The first source of a material announces a shipment (ASN) against a purchase order;
-- the oldest scheduled ASN leaves the supplier's dock.
\set m random(1, :n_materials)
\set f random(1, :n_factories)
\set c random(1, :n_carriers)
\set q random(5, 500)
\set lt random(1, 5)
BEGIN;
SELECT nextval(pg_get_serial_sequence('supplier_deliveries', 'delivery_id')) AS did \gset
INSERT INTO supplier_deliveries (delivery_id, asn_number, po_number, po_line_no, supplier_id, contract_id, material_id,
  factory_id, warehouse_id, carrier_id, ordered_on, promised_date, shipped_at, qty_ordered, qty_shipped,
  unit_price, status, tracking_number, created_at, updated_at, modified_by)
SELECT :did, 'ASN-' || a.supplier_id || '-' || lpad(':did', 8, '0'),
  'PO-' || to_char(now(), 'YYYY') || '-' || lpad(((:did * 7919) % 1000000)::text, 6, '0'), 1, a.supplier_id,
  (SELECT c.contract_id FROM contracts c
   WHERE c.supplier_id = a.supplier_id AND c.status = 'active' AND c.contract_type <> 'spot'
   ORDER BY c.contract_id LIMIT 1),
  :m, :f, (:f - 1) * 2 + 1, :c, current_date - a.lead_time_days, current_date + :lt,
  CASE WHEN :lt <= 2 THEN now() END, greatest(a.min_order_qty, :q * 10),
  CASE WHEN :lt <= 2 THEN greatest(a.min_order_qty, :q * 10) ELSE 0 END, a.last_price,
  CASE WHEN :lt <= 2 THEN 'in_transit' ELSE 'scheduled' END,
  CASE WHEN :lt <= 2 THEN 'TRK' || :c || '-' || lpad(':did', 8, '0') END, now(), now(),
  CASE WHEN spa.edi_enabled THEN 'edi_gateway' ELSE 'sup' || lpad(a.supplier_id::text, 5, '0') END
FROM approved_sources a
JOIN supplier_portal_accounts spa ON spa.supplier_id = a.supplier_id
WHERE a.material_id = :m AND a.source_rank = 1;
UPDATE supplier_deliveries
SET status = 'in_transit', shipped_at = now(), qty_shipped = qty_ordered,
  tracking_number = 'TRK' || carrier_id || '-' || lpad(delivery_id::text, 8, '0'), updated_at = now(),
  modified_by = 'edi_gateway'
WHERE delivery_id = (SELECT min(delivery_id) FROM supplier_deliveries WHERE status = 'scheduled') AND status = 'scheduled';
COMMIT;
