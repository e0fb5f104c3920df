-- Goods receipt of the oldest shipment in transit; a reject at incoming inspection
-- sometimes raises a corrective action request to the supplier.
\set rej random(1, 100)
\set insp 20 * random(0, (:n_employees - 1) / 20) + 1
BEGIN;
SELECT coalesce(min(delivery_id), 0) AS did FROM supplier_deliveries WHERE status = 'in_transit' \gset
UPDATE supplier_deliveries
SET received_at = greatest(now(), shipped_at + interval '1 minute'), qty_received = qty_shipped,
  qty_rejected = CASE WHEN :rej <= 8 THEN greatest(1, round(qty_shipped * :rej / 100)) ELSE 0 END,
  status = CASE WHEN qty_shipped < qty_ordered THEN 'partially_received' ELSE 'received' END,
  reject_reason = CASE WHEN :rej <= 8 THEN 'Dimensions out of tolerance' END,
  updated_at = now(), modified_by = 'wms_receiving'
WHERE delivery_id = :did AND status = 'in_transit';
SELECT nextval(pg_get_serial_sequence('supplier_scars', 'scar_id')) AS sid \gset
INSERT INTO supplier_scars (scar_id, scar_number, supplier_id, delivery_id, material_id, issued_by_employee_id,
  issued_at, due_date, defect_qty, problem_description, status, created_at, updated_at, modified_by)
SELECT :sid, 'SCAR-' || to_char(now(), 'YYYY') || '-' || lpad(':sid', 6, '0'), supplier_id, delivery_id, material_id,
  :insp, now(), current_date + 30, qty_rejected,
  reject_reason || ' on ASN ' || asn_number || ': ' || qty_rejected || ' units rejected at incoming inspection.',
  'issued', now(), now(), 'user' || :insp
FROM supplier_deliveries
WHERE delivery_id = :did AND qty_rejected > 0 AND :rej <= 4;
COMMIT;
