-- A buyer creates an RFQ for two materials and invites the approved sources of the first;
-- some RFQs are saved as drafts first.
\set f random(1, :n_factories)
\set buyer 20 * random(0, (:n_employees - 5) / 20) + 5
\set m random(1, :n_materials)
\set m2 random(1, :n_materials)
\set qty random(5, 2000)
\set d random(1, 10)
BEGIN;
SELECT nextval(pg_get_serial_sequence('rfqs', 'rfq_id')) AS rid \gset
INSERT INTO rfqs (rfq_id, rfq_number, factory_id, buyer_employee_id, title, issued_at, response_due, status,
  created_at, updated_at, modified_by)
VALUES (:rid, 'RFQ-' || to_char(now(), 'YYYY') || '-' || lpad(':rid', 6, '0'), :f, :buyer,
  'Annual volume: material :m and 1 more', CASE WHEN :d > 3 THEN now() END, now() + interval '10 days',
  CASE WHEN :d > 3 THEN 'issued' ELSE 'draft' END, now(), now(), 'user' || :buyer);
INSERT INTO rfq_lines (rfq_id, line_no, material_id, quantity, uom, required_by, specs, created_at,
  updated_at, modified_by)
VALUES (:rid, 1, :m, :qty * 10, 'pcs', current_date + 45, '{"grade": "standard", "drawing_rev": "B"}', now(), now(),
  'user' || :buyer),
  (:rid, 2, :m2, :qty * 5, 'kg', current_date + 60, NULL, now(), now(), 'user' || :buyer);
INSERT INTO rfq_invitations (rfq_id, supplier_id, invited_at, response_status, created_at, updated_at, modified_by)
SELECT :rid, a.supplier_id, now(), 'pending', now(), now(), 'rfq_engine'
FROM approved_sources a
WHERE a.material_id = :m AND :d > 3 AND a.approval_status <> 'blocked';
COMMIT;
