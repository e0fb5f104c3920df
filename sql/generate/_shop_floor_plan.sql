-- The production plan shared by the generators of genims_mes_db and genims_operational_db
-- (included with \ir after _prelude.sql and _master_dims.sql).
--
-- genims_mes_db keeps work orders and their operations; genims_operational_db keeps the machine
-- runs, downtime and telemetry of the same operations, referring to work orders by number.
-- Both derive them from this one plan, so run logs, downtime and OEE agree with the MES
-- quantities, and every work_order_number in genims_operational_db exists in genims_mes_db.
--
-- Model: each production line runs :volume work orders a day (none on Sundays), each in one
-- shift window of 8 h (shared when :volume > 3). The line is a flow line: every routing
-- operation runs on its own machine in the same window, staggered by 5 minutes, with a setup,
-- the run at 80-98 % of ideal speed, optionally one downtime event, and scrap that reduces the
-- quantity passed to the next operation. Windows ending before :now_ts are done; the window
-- containing it is in progress; days end_date+1 and +2 hold released and planned orders.

CREATE TEMP TABLE plan_work_orders AS
WITH slots AS (
  SELECT di, (:'start_date'::date + di) AS work_date, l AS line_id, k,
         (di::bigint * (4 * :n_factories) + (l - 1)) * :volume + k AS slot_key,
         ((l + di + k) % 3) + 1 AS shift_number,
         k / 3 AS sub,
         28800 / ceil(:volume / 3.0)::int AS window_seconds
  FROM generate_series(0, :days + 1) AS di
  CROSS JOIN generate_series(1, 4 * :n_factories) AS l
  CROSS JOIN generate_series(0, :volume - 1) AS k
), windows AS (
  SELECT s.*,
         (s.line_id - 1) / 4 + 1 AS factory_id,
         pg_temp.day_ts(s.work_date, (6 + 8 * (s.shift_number - 1)) * 3600 + s.sub * s.window_seconds) AS window_start,
         s.window_seconds / 28800.0 AS scale,
         s.window_seconds - 1800 * s.window_seconds / 28800 AS planned_seconds
  FROM slots AS s
  WHERE extract(isodow FROM s.work_date) <> 7
)
SELECT row_number() OVER (ORDER BY w.window_start, w.line_id) AS work_order_id,
       w.slot_key, w.work_date, w.factory_id, w.line_id,
       (w.factory_id - 1) * 3 + w.shift_number AS shift_id, w.shift_number,
       lp.product_id, w.window_start, w.window_seconds, w.scale, w.planned_seconds,
       greatest(1, floor((w.planned_seconds - 3600 * w.scale) * 0.76
                         * pg_temp.rnd_num('wo.load', w.slot_key, 0.80, 1.00, 4) / p.bottleneck_cycle_seconds))::int
         AS planned_qty,
       CASE WHEN w.window_start >= :'now_ts'::timestamptz
              THEN CASE WHEN w.window_start < :'now_ts'::timestamptz + interval '1 day' THEN 'released' ELSE 'planned' END
            WHEN pg_temp.rnd_bool('wo.cancel', w.slot_key, 0.02) THEN 'cancelled'
            WHEN w.window_start + w.window_seconds * interval '1 second' <= :'now_ts'::timestamptz THEN 'completed'
            ELSE 'in_progress' END AS status,
       pg_temp.rnd_pick('wo.priority', w.slot_key, '{normal,normal,normal,normal,normal,normal,high,high,urgent,low}') AS priority,
       w.work_date + pg_temp.rnd_int('wo.due', w.slot_key, 1, 6)::int AS due_date,
       pg_temp.pick_employee(w.factory_id, 'planner', pg_temp.rnd('wo.planner', w.slot_key)) AS planner_id,
       w.window_start - (48 + 96 * pg_temp.rnd('wo.created', w.slot_key)) * interval '1 hour' AS created_at,
       least(w.window_start - (8 + 32 * pg_temp.rnd('wo.released', w.slot_key)) * interval '1 hour',
             :'now_ts'::timestamptz - interval '5 minutes') AS released_at,
       w.window_start - (2 + 28 * pg_temp.rnd('wo.cancelled', w.slot_key)) * interval '1 hour' AS cancelled_at
FROM windows AS w
JOIN dim_line_product_count AS c ON c.line_id = w.line_id
JOIN dim_line_products AS lp
  ON lp.line_id = w.line_id AND lp.rn = 1 + floor(pg_temp.rnd('wo.product', w.slot_key) * c.cnt)::int
JOIN dim_products AS p ON p.product_id = lp.product_id;
CREATE UNIQUE INDEX ON plan_work_orders (work_order_id);

CREATE TEMP TABLE plan_runs AS
WITH ops AS (
  SELECT w.work_order_id, w.factory_id, w.line_id, w.shift_id, w.work_date, w.product_id,
         w.window_start, w.planned_seconds, w.planned_qty, w.scale,
         r.op_no, r.machine_id, r.ideal_cycle_time_seconds AS ideal,
         count(*) OVER (PARTITION BY w.work_order_id) AS n_ops,
         w.slot_key * 8 + r.op_no AS run_key
  FROM plan_work_orders AS w
  JOIN dim_routing AS r USING (product_id)
  WHERE w.status IN ('completed', 'in_progress')
), drawn AS (
  SELECT o.*,
         o.window_start + (o.op_no - 1) * 300 * o.scale * interval '1 second' AS start_time,
         round(pg_temp.rnd_int('run.setup', o.run_key, 600, 2400) * o.scale)::int AS setup_seconds,
         pg_temp.rnd_num('run.perf', o.run_key, 0.80, 0.98, 4) AS perf,
         CASE WHEN pg_temp.rnd_bool('run.has_scrap', o.run_key, 0.4)
              THEN pg_temp.rnd_num('run.scrap_rate', o.run_key, 0.002, 0.035, 4) ELSE 0 END AS scrap_rate,
         pg_temp.rnd_bool('run.has_down', o.run_key, 0.25) AS has_down,
         round(300 + pg_temp.rnd('run.down_len', o.run_key) ^ 2 * 5100)::int AS down_wanted,
         pg_temp.rnd_int('run.down_reason', o.run_key, 1, 20)::int AS down_reason_no,
         pg_temp.pick_employee(o.factory_id, 'operator', pg_temp.rnd('run.operator', o.run_key)) AS operator_id
  FROM ops AS o
), counted AS (
  SELECT d.*,
         round(d.planned_qty * d.scrap_rate)::int AS scrap_full,
         d.planned_qty - coalesce(sum(round(d.planned_qty * d.scrap_rate)::int)
                                    OVER (PARTITION BY d.work_order_id ORDER BY d.op_no
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS total_full
  FROM drawn AS d
), timed AS (
  SELECT c.*,
         ceil(c.ideal * c.total_full / c.perf)::int AS run_full
  FROM counted AS c
), bounded AS (
  SELECT t.*,
         CASE WHEN t.has_down
              THEN greatest(0, least(t.down_wanted,
                                     t.planned_seconds - round((t.op_no - 1) * 300 * t.scale)::int - t.setup_seconds - t.run_full))
              ELSE 0 END AS down_full
  FROM timed AS t
), finished AS (
  SELECT b.*,
         CASE WHEN b.down_full >= 60 THEN b.down_full ELSE 0 END AS down_seconds_full,
         b.start_time + (b.setup_seconds + b.run_full + CASE WHEN b.down_full >= 60 THEN b.down_full ELSE 0 END)
                        * interval '1 second' AS natural_end,
         extract(epoch FROM :'now_ts'::timestamptz - b.start_time)::numeric AS elapsed
  FROM bounded AS b
  WHERE b.start_time < :'now_ts'::timestamptz
)
SELECT row_number() OVER (ORDER BY f.start_time, f.machine_id) AS run_id,
       f.work_order_id, f.factory_id, f.line_id, f.shift_id, f.work_date, f.product_id, f.op_no, f.n_ops,
       f.machine_id, f.ideal, f.run_key, f.operator_id, f.planned_seconds, f.setup_seconds,
       f.start_time, f.down_reason_no,
       x.status,
       CASE WHEN x.status = 'completed' THEN f.natural_end END AS end_time,
       CASE WHEN x.status = 'completed' THEN f.down_seconds_full ELSE 0 END AS downtime_seconds,
       CASE WHEN x.status = 'completed' THEN f.run_full ELSE floor(f.run_full * x.progress)::int END AS run_seconds,
       CASE WHEN x.status = 'completed' THEN f.total_full ELSE floor(f.total_full * x.progress)::int END AS total_count,
       CASE WHEN x.status = 'completed' THEN f.scrap_full ELSE floor(f.scrap_full * x.progress)::int END AS scrap_count,
       -- downtime starts at a random point of the run
       f.start_time + (f.setup_seconds + floor(pg_temp.rnd('run.down_at', f.run_key) * f.run_full)) * interval '1 second'
         AS down_start
FROM finished AS f
CROSS JOIN LATERAL (
  SELECT CASE WHEN f.natural_end <= :'now_ts'::timestamptz THEN 'completed' ELSE 'running' END AS status,
         greatest(0, least(1, (f.elapsed - f.setup_seconds) / f.run_full)) AS progress
) AS x;
CREATE UNIQUE INDEX ON plan_runs (run_id);
CREATE INDEX ON plan_runs (work_order_id, op_no);

ANALYZE plan_work_orders, plan_runs;
