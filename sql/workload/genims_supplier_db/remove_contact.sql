-- The portal administrator deletes an inactive contact.
\set s random(1, :n_suppliers)
BEGIN;
DELETE FROM supplier_contacts
WHERE contact_id = (SELECT min(contact_id) FROM supplier_contacts
                    WHERE status = 'inactive' AND NOT is_primary AND supplier_id >= :s)
  AND status = 'inactive';
COMMIT;
