-- Supplier quality plans an audit of a supplier next month.
\set s random(1, :n_suppliers)
\set aud 20 * random(0, (:n_employees - 1) / 20) + 1
\set d random(7, 40)
\set t random(1, 5)
BEGIN;
SELECT nextval(pg_get_serial_sequence('supplier_audits', 'audit_id')) AS aid \gset
INSERT INTO supplier_audits (audit_id, audit_number, supplier_id, audit_type, scheduled_date, lead_auditor_employee_id,
  status, created_at, updated_at, modified_by)
VALUES (:aid, 'SA-' || to_char(now(), 'YYYY') || '-' || lpad(':aid', 5, '0'), :s,
  (ARRAY['periodic', 'process', 'product', 'for_cause', 'qualification'])[:t], current_date + :d, :aud, 'planned',
  now(), now(), 'user' || :aud);
COMMIT;
