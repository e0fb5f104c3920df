-- A supervisor reviews completed jobs and closes the two oldest.
\set supervisor 20 * random(0, (:n_employees - 3) / 20) + 3
BEGIN;
UPDATE maintenance_work_orders
SET status = 'closed', closed_at = now(), updated_at = now(), modified_by = 'user' || :supervisor
WHERE work_order_id IN (SELECT work_order_id FROM maintenance_work_orders
                        WHERE status = 'completed' ORDER BY work_order_id LIMIT 2);
COMMIT;
