-- A supplier registers a new contact person on the portal.
\set s random(1, :n_suppliers)
\set r random(1, 5)
\set n random(1, 99999)
BEGIN;
INSERT INTO supplier_contacts (supplier_id, first_name, last_name, email, phone, contact_role, is_primary, status,
  created_at, updated_at, modified_by)
VALUES (:s, (ARRAY['Anna', 'Jan', 'Petra', 'Luis', 'Mei'])[:r], 'Contact:n',
  'contact:n@supplier:s.example', '+49 30 :n', (ARRAY['sales', 'quality', 'logistics', 'finance', 'executive'])[:r],
  false, 'active', now(), now(), 'sup' || lpad(':s', 5, '0'));
COMMIT;
