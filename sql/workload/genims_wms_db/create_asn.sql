-- A supplier's advance ship notice announces a delivery of one to three materials to the
-- raw-material warehouse of a factory.
\set fac random(1, :n_factories)
\set sup random_exponential(1, :n_suppliers, 2.0)
\set car random(1, :n_carriers)
\set nl random(1, 3)
\set m1 :fac + :n_factories * random(0, (:n_materials - :fac) / :n_factories)
\set m2 :fac + :n_factories * random(0, (:n_materials - :fac) / :n_factories)
\set m3 :fac + :n_factories * random(0, (:n_materials - :fac) / :n_factories)
\set q1 10 * random(5, 100)
\set q2 10 * random(5, 100)
\set q3 10 * random(5, 100)
\set door random(0, 3)
\set eta random(2, 96)
BEGIN;
SELECT nextval(pg_get_serial_sequence('receiving_receipts', 'receipt_id')) AS rid \gset
INSERT INTO receiving_receipts (receipt_id, receipt_number, asn_number, po_number, supplier_id,
                                carrier_id, warehouse_id, dock_location_id, expected_at, status,
                                created_at, updated_at, modified_by)
SELECT :rid, 'RCV-W' || lpad(:rid::text, 7, '0'),
       'ASN-' || lpad(:sup::text, 4, '0') || '-W' || lpad(:rid::text, 7, '0'),
       'PO-' || to_char(current_date, 'YYYY') || '-W' || lpad(:rid::text, 6, '0'), :sup, :car,
       l.warehouse_id, l.location_id, now() + :eta * interval '1 hour', 'expected', now(), now(),
       'edi_asn'
FROM storage_locations l
WHERE l.warehouse_id = 2 * :fac - 1 AND l.location_type = 'dock'
ORDER BY l.location_id OFFSET :door LIMIT 1;
INSERT INTO receipt_lines (receipt_id, line_number, po_line_number, material_id, qty_expected,
                           status, inspection_required, created_at, updated_at, modified_by)
SELECT r.receipt_id, v.n, v.n, v.m, v.q, 'pending', v.m % 5 = 0, now(), now(), 'edi_asn'
FROM receiving_receipts r
CROSS JOIN (VALUES (1, :m1, :q1), (2, :m2, :q2), (3, :m3, :q3)) v(n, m, q)
WHERE r.receipt_id = :rid AND v.n <= :nl;
COMMIT;
