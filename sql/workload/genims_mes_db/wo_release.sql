-- The planner releases the earliest planned work order to the shop floor.
SELECT coalesce((SELECT work_order_id FROM work_orders WHERE status = 'planned'
                 ORDER BY planned_start, work_order_id LIMIT 1), 0) AS wo \gset
BEGIN;
UPDATE work_orders
SET status = 'released', updated_at = now(), modified_by = 'user' || coalesce(planner_employee_id, 0)
WHERE work_order_id = :wo AND status = 'planned';
INSERT INTO work_order_status_history (work_order_id, from_status, to_status, changed_at, changed_by)
SELECT work_order_id, 'planned', 'released', now(), modified_by FROM work_orders WHERE work_order_id = :wo;
COMMIT;
