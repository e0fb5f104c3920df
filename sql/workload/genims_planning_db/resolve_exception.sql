-- A planner works the oldest open MRP action message.
\set planner 20 * random(0, (:n_employees - 4) / 20) + 4
\set a random(1, 4)
BEGIN;
UPDATE mrp_exceptions
SET status = CASE WHEN :a = 1 THEN 'acknowledged' ELSE 'resolved' END, resolved_by_employee_id = :planner,
  resolved_at = CASE WHEN :a = 1 THEN NULL ELSE now() END, updated_at = now(), modified_by = 'user' || :planner
WHERE exception_id = (SELECT min(exception_id) FROM mrp_exceptions WHERE status = 'open') AND status = 'open';
COMMIT;
