-- Housekeeping by the planner: a duplicate breakdown report is withdrawn (its steps go with it)
-- and the newest draft requisition is thrown away.
\set planner 20 * random(0, (:n_employees - 4) / 20) + 4
BEGIN;
DELETE FROM maintenance_work_orders
WHERE work_order_id = (SELECT max(work_order_id) FROM maintenance_work_orders
                       WHERE status = 'requested');
DELETE FROM part_requisitions
WHERE requisition_id = (SELECT max(requisition_id) FROM part_requisitions WHERE status = 'draft');
COMMIT;
