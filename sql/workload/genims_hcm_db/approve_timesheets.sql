-- A shift supervisor approves (rarely rejects) up to 5 submitted time entries of a factory.
\set f random(1, :n_factories)
\set sup 20 * random(0, (:n_employees - 3) / 20) + 3
\set r random(1, 100)
BEGIN;
UPDATE time_entries
SET status = CASE WHEN :r <= 97 THEN 'approved' ELSE 'rejected' END,
  approved_by_employee_id = :sup,
  approved_at = CASE WHEN :r <= 97 THEN now() END,
  updated_at = now(), modified_by = 'user' || :sup
WHERE time_entry_id IN (SELECT time_entry_id FROM time_entries
                        WHERE status = 'submitted' AND factory_id = :f
                        ORDER BY time_entry_id LIMIT 5);
COMMIT;
