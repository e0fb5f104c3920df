-- The PM scheduler releases the next due preventive work order of a plan, copies the plan's
-- checklist into it and moves the plan's due date one interval on.
\set off random(0, 9)
BEGIN;
SELECT coalesce((SELECT plan_id FROM maintenance_plans WHERE status = 'active'
                 ORDER BY next_due_date, plan_id LIMIT 1 OFFSET :off), 0) AS plan \gset
WITH ins AS (
  INSERT INTO maintenance_work_orders (work_order_id, wo_number, asset_id, machine_id, factory_id,
    plan_id, wo_type, priority, status, title, problem_description, technician_id, reported_at,
    scheduled_start, safety_permit_required, created_at, updated_at, modified_by)
  SELECT s.n, 'MWO-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), a.asset_id, a.machine_id, a.factory_id,
         p.plan_id, 'preventive', CASE WHEN p.requires_shutdown THEN 'medium' ELSE 'low' END,
         'scheduled', p.name,
         'Scheduled ' || p.strategy || ' maintenance generated from plan ' || p.plan_code || '.',
         a.primary_technician_id, now(),
         greatest(p.next_due_date::timestamp AT TIME ZONE 'UTC', now() + interval '2 hours'),
         p.requires_shutdown, now(), now(), 'pm_scheduler'
  FROM maintenance_plans p
  JOIN assets a ON a.asset_id = p.asset_id
  CROSS JOIN LATERAL (
    SELECT nextval(pg_get_serial_sequence('maintenance_work_orders', 'work_order_id')) AS n
  ) s
  WHERE p.plan_id = :plan
  RETURNING work_order_id
)
SELECT coalesce(max(work_order_id), 0) AS wo FROM ins \gset
INSERT INTO maintenance_wo_tasks (work_order_id, step_no, description, status, estimated_minutes,
                                  created_at, updated_at, modified_by)
SELECT :wo, step_no, description, 'pending', estimated_minutes, now(), now(), 'pm_scheduler'
FROM maintenance_plan_tasks
WHERE plan_id = :plan AND :wo > 0;
UPDATE maintenance_plans
SET next_due_date = greatest(next_due_date, current_date)
                    + coalesce(interval_days, (interval_hours / 20)::int),
    updated_at = now(), modified_by = 'pm_scheduler'
WHERE plan_id = :plan AND :wo > 0;
COMMIT;
