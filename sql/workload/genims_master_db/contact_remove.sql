-- A contact left the customer: remove the newest non-primary contact (GDPR erasure of a leaver).
\set c random(1, :n_customers)
BEGIN;
DELETE FROM customer_contacts
WHERE contact_id = (SELECT contact_id FROM customer_contacts
                    WHERE customer_id = :c AND NOT is_primary ORDER BY contact_id DESC LIMIT 1);
COMMIT;
