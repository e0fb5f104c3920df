-- A sales rep records a new person at a customer.
\set c random(1, :n_customers)
\set fn random(1, 12)
\set ln random(1, 12)
\set t random(1, 6)
\set k random(0, (:n_employees - 20) / 20)
\set rep 20 * :k + 20
BEGIN;
INSERT INTO customer_contacts (customer_id, first_name, last_name, job_title, email, phone, is_primary,
                               marketing_consent, modified_by)
SELECT customer_id,
       (ARRAY['Anna', 'James', 'Maria', 'Wei', 'Lukas', 'Sofia', 'Omar', 'Emma', 'Kenji', 'Priya', 'Carlos', 'Ines'])[:fn],
       (ARRAY['Schmidt', 'Smith', 'Garcia', 'Wang', 'Rossi', 'Khan', 'Tanaka', 'Patel', 'Novak', 'Silva', 'Moreau', 'Kim'])[:ln],
       (ARRAY['Buyer', 'Quality Manager', 'Logistics Coordinator', 'Plant Manager', 'Engineering Lead', 'Accounts Payable Clerk'])[:t],
       lower((ARRAY['Anna', 'James', 'Maria', 'Wei', 'Lukas', 'Sofia', 'Omar', 'Emma', 'Kenji', 'Priya', 'Carlos', 'Ines'])[:fn])
         || '.' || lower((ARRAY['Schmidt', 'Smith', 'Garcia', 'Wang', 'Rossi', 'Khan', 'Tanaka', 'Patel', 'Novak', 'Silva', 'Moreau', 'Kim'])[:ln])
         || '@' || split_part(email, '@', 2),
       phone, false, :t % 2 = 0, 'user' || :rep
FROM customers
WHERE customer_id = :c;
COMMIT;
