-- A supervisor approves the five oldest closed labour bookings.
\set k random(0, (:n_employees - 3) / 20)
\set sup 20 * :k + 3
BEGIN;
UPDATE labor_transactions
SET approved = true, updated_at = now(), modified_by = 'user' || :sup
WHERE labor_id IN (SELECT labor_id FROM labor_transactions WHERE NOT approved AND clock_out IS NOT NULL
                   ORDER BY labor_id LIMIT 5);
COMMIT;
