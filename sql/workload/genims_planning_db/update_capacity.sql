-- Capacity planning books extra required hours on a line for the current week.
\set l random(1, 4 * :n_factories)
\set h random(-8, 12)
BEGIN;
UPDATE capacity_plans c
SET required_hours = greatest(0, c.required_hours + :h),
  utilization_pct = round(100 * greatest(0, c.required_hours + :h) / c.available_hours, 2),
  overtime_hours_planned = greatest(0, c.required_hours + :h - c.available_hours),
  is_bottleneck = greatest(0, c.required_hours + :h) > 0.95 * c.available_hours,
  updated_at = now(), modified_by = 'capacity_planner'
FROM planning_periods p
WHERE c.line_id = :l AND p.period_id = c.period_id AND p.period_type = 'week'
  AND current_date BETWEEN p.start_date AND p.end_date;
COMMIT;
