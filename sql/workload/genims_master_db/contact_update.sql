-- A contact changed job or phone number.
\set c random(1, :n_customers)
\set ext random(100, 999)
\set k random(0, (:n_employees - 20) / 20)
\set rep 20 * :k + 20
BEGIN;
UPDATE customer_contacts
SET phone = left(phone, length(phone) - 3) || :ext,
    job_title = CASE WHEN :ext % 4 = 0 THEN 'Senior ' || replace(job_title, 'Senior ', '') ELSE job_title END,
    updated_at = now(), modified_by = 'user' || :rep
WHERE contact_id = (SELECT contact_id FROM customer_contacts WHERE customer_id = :c ORDER BY contact_id LIMIT 1);
COMMIT;
