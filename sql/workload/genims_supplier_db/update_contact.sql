-- A supplier updates a contact's phone; people who left are set inactive.
\set s random(1, :n_suppliers)
\set n random(1000000, 9999999)
BEGIN;
UPDATE supplier_contacts
SET phone = '+48 71 :n', status = CASE WHEN :n % 7 = 0 AND NOT is_primary THEN 'inactive' ELSE status END,
  updated_at = now(), modified_by = 'sup' || lpad(':s', 5, '0')
WHERE contact_id = (SELECT min(contact_id) FROM supplier_contacts WHERE supplier_id = :s AND status = 'active');
COMMIT;
