-- Credit management raises or cuts a customer's limit; a cut below exposure puts the account on hold.
\set c random(1, :n_customers)
\set pct random(-20, 25)
\set k random(0, (:n_employees - 20) / 20)
\set rep 20 * :k + 20
BEGIN;
UPDATE customers
SET credit_limit = greatest(5000, round(credit_limit * (1 + :pct / 100.0), -3)),
    status = CASE WHEN :pct <= -15 AND status = 'active' THEN 'on_hold'
                  WHEN :pct >= 10 AND status = 'on_hold' THEN 'active' ELSE status END,
    updated_at = now(), modified_by = 'user' || :rep
WHERE customer_id = :c;
COMMIT;
