-- The weekly freeze: the oldest draft run becomes firm, the oldest firm run is released to
-- the shop floor as a work order.
BEGIN;
UPDATE production_schedules
SET status = 'firm', updated_at = now(), modified_by = 'user' || planner_employee_id
WHERE schedule_id = (SELECT min(schedule_id) FROM production_schedules WHERE status = 'draft') AND status = 'draft';
UPDATE production_schedules
SET status = 'released', work_order_number = 'WO-' || lpad(((schedule_id * 7919) % 1000000)::text, 6, '0'),
  updated_at = now(), modified_by = 'user' || planner_employee_id
WHERE schedule_id = (SELECT min(schedule_id) FROM production_schedules WHERE status = 'firm') AND status = 'firm';
COMMIT;
