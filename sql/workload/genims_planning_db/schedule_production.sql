-- A planner adds a draft run of a product to a line two or three weeks out.
\set l random(1, 4 * :n_factories)
\set k random(0, (:n_products - 1) / :n_factories)
\set d random(8, 20)
\set n random(1, 3)
\set q random(10, 80)
\set planner 20 * random(0, (:n_employees - 4) / 20) + 4
BEGIN;
SELECT nextval(pg_get_serial_sequence('production_schedules', 'schedule_id')) AS sid \gset
INSERT INTO production_schedules (schedule_id, schedule_number, factory_id, line_id, shift_id, product_id, schedule_date,
  sequence_no, planned_qty, planned_start, planned_end, status, planner_employee_id, created_at, updated_at, modified_by)
SELECT :sid, 'PS-' || to_char(current_date + :d, 'YYYYMMDD') || '-L' || lpad(':l', 3, '0') || '-' || :n || '-N:sid',
  f, :l, (f - 1) * 3 + :n, f + :n_factories * :k, current_date + :d, 9, :q * 10,
  (current_date + :d)::timestamp AT TIME ZONE 'UTC' + make_interval(hours => 6 + 8 * (:n - 1)),
  (current_date + :d)::timestamp AT TIME ZONE 'UTC' + make_interval(hours => 14 + 8 * (:n - 1)),
  'draft', :planner, now(), now(), 'user' || :planner
FROM (SELECT (:l - 1) / 4 + 1 AS f) x
WHERE x.f + :n_factories * :k <= :n_products;
COMMIT;
