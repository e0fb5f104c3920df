-- genims_planning_db generator: planning calendar, one planning cycle per month of the
-- window (forecasts for lags 0-2, S&OP, supply plans for the last two cycles), actual
-- demand, production schedules and capacity per line (two weeks ahead of :end_date), daily
-- MRP runs per factory with planned orders and exceptions, safety-stock policies.
-- Deterministic in :seed (only pg_temp.rnd* draws, no clock).
--
-- A product's "true" monthly demand is base_p * seasonality(month); forecasts and actuals
-- are independent noisy views of it, so forecast accuracy by lag is meaningful. Products
-- are planned in their factory (p-1)%F+1 on that factory's lines; materials in factory
-- (m-1)%F+1, bought from their first source supplier (m-1)%S+1 (as in genims_supplier_db).
-- Planners are employees with e%20 = 4 (of the factory when one exists).
\ir _prelude.sql

-- These statements are large expression trees over modest row counts: JIT compilation
-- would cost seconds and save nothing. (Likewise the OFFSET 0 in derived tables: it keeps
-- the planner from inlining a derived column at every reference, so each draw runs once.)
SET jit = off;
-- Date arithmetic on timestamptz (month series, date casts) then never depends on the
-- server's TimeZone.
SET TIME ZONE 'UTC';

SELECT (:'end_date'::date - (:days - 1)) AS start_date \gset

TRUNCATE planning_periods, plan_versions, demand_forecasts, forecast_adjustments, demand_history,
  sop_plans, supply_plans, production_schedules, capacity_plans, mrp_runs, planned_orders,
  mrp_exceptions, safety_stock_policies RESTART IDENTITY CASCADE;

-- Employees by factory and role; empty (factory, role) pairs fall back to any factory.
CREATE TEMP TABLE staff AS
WITH emp AS (
  SELECT e, (e - 1) % :n_factories + 1 AS factory_id, least(e % 20, 6) AS role
  FROM generate_series(1, :n_employees) e
)
SELECT f AS factory_id, r AS role,
  coalesce((SELECT array_agg(e ORDER BY e) FROM emp WHERE emp.factory_id = f AND emp.role = r),
           (SELECT array_agg(e ORDER BY e) FROM emp WHERE emp.role = r),
           ARRAY[1]) AS ids
FROM generate_series(1, :n_factories) f, generate_series(0, 6) r;

-- Per-product planning parameters: base monthly demand (log-uniform 50..5000), seasonal
-- phase, price, forecast bias, hours per unit.
CREATE TEMP TABLE product_params AS
SELECT p AS product_id, (p - 1) % :n_factories + 1 AS factory_id, (p - 1) % 12 + 1 AS category_id,
  exp(ln(50) + (ln(5000) - ln(50)) * pg_temp.rnd('pp.base', p))::numeric AS base,
  (2 * pi() * pg_temp.rnd('pp.phase', p))::numeric AS phase,
  round(exp(ln(5) + (ln(500) - ln(5)) * pg_temp.rnd('pp.price', p))::numeric, 4) AS price,
  ((pg_temp.rnd('pp.bias', p) - 0.5) * 0.1)::numeric AS bias,
  (0.008 + 0.012 * pg_temp.rnd('pp.hpu', p))::numeric AS hours_per_unit,
  pg_temp.rnd_pick('pp.method', p, ARRAY['exp_smoothing', 'exp_smoothing', 'holt_winters', 'arima', 'ml_gbm',
    'moving_average', 'manual']) AS method
FROM generate_series(1, :n_products) p;

-- Calendar ------------------------------------------------------------------------------

INSERT INTO planning_periods (period_id, period_type, period_code, start_date, end_date, fiscal_year,
  fiscal_quarter, working_days, status, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY ptype DESC, s), ptype, code, s, e, extract(year FROM s)::int,
  extract(quarter FROM s)::int,
  (SELECT count(*) FROM generate_series(s, e, interval '1 day') g WHERE extract(isodow FROM g) < 6),
  CASE WHEN e < :'end_date'::date THEN 'closed' WHEN s <= :'end_date'::date + 14 THEN 'frozen' ELSE 'open' END,
  (date_trunc('month', :'start_date'::date)::date - 30 + time '06:00') AT TIME ZONE 'UTC',
  (least(e + 1, :'end_date'::date) + time '06:00') AT TIME ZONE 'UTC', 'planning_calendar'
FROM (
  SELECT 'month' AS ptype, m::date AS s, (m + interval '1 month - 1 day')::date AS e, to_char(m, 'YYYY-MM') AS code
  FROM generate_series(date_trunc('month', :'start_date'::date), date_trunc('month', :'end_date'::date) + interval '6 months',
                       interval '1 month') m
  UNION ALL
  SELECT 'week', w::date, (w + interval '6 days')::date, to_char(w, 'IYYY-"W"IW')
  FROM generate_series(date_trunc('week', :'start_date'::date), date_trunc('week', :'end_date'::date) + interval '12 weeks',
                       interval '1 week') w
) p;

-- One planning cycle per month; the current one is approved from the 10th on.
INSERT INTO plan_versions (version_id, version_code, cycle_month, description, status, owner_employee_id,
  approved_by_employee_id, approved_at, assumptions, scenario_tags, created_at, updated_at, modified_by)
SELECT id, 'DP-' || to_char(c, 'YYYY-MM'), c,
  'Demand review and S&OP cycle ' || to_char(c, 'FMMonth YYYY') || '. Baseline statistical forecast, '
    || 'sales overrides for key accounts, constrained by line capacity.',
  status, owner,
  CASE WHEN status IN ('approved', 'archived') THEN approver END,
  CASE WHEN status IN ('approved', 'archived') THEN (c + 8 + time '16:00') AT TIME ZONE 'UTC' END,
  jsonb_build_object('market_growth_pct', pg_temp.rnd_num('pv.growth', id, -2, 6, 1),
                     'price_increase_pct', pg_temp.rnd_num('pv.price', id, 0, 4, 1),
                     'new_products', pg_temp.rnd_int('pv.npi', id, 0, 5)),
  CASE WHEN pg_temp.rnd_bool('pv.tag', id, 0.5) THEN ARRAY['baseline', 'constrained'] ELSE ARRAY['baseline'] END,
  (c + time '08:00') AT TIME ZONE 'UTC',
  CASE status WHEN 'archived' THEN ((c + interval '1 month')::date + 8 + time '16:00') AT TIME ZONE 'UTC'
              WHEN 'approved' THEN (c + 8 + time '16:00') AT TIME ZONE 'UTC'
              ELSE (least(c + 5, :'end_date'::date) + time '12:00') AT TIME ZONE 'UTC' END,
  'user' || CASE WHEN status IN ('approved', 'archived') THEN approver ELSE owner END
FROM (
  SELECT row_number() OVER (ORDER BY c) AS id, c,
    CASE WHEN c = date_trunc('month', :'end_date'::date)::date
           THEN CASE WHEN extract(day FROM :'end_date'::date) >= 10 THEN 'approved' ELSE 'in_review' END
         WHEN c = (date_trunc('month', :'end_date'::date) - interval '1 month')::date
              AND extract(day FROM :'end_date'::date) < 10 THEN 'approved'
         ELSE 'archived' END AS status,
    (SELECT st.ids[1] FROM staff st WHERE st.factory_id = 1 AND st.role = 4) AS owner,
    (SELECT st.ids[1] FROM staff st WHERE st.factory_id = 1 AND st.role = 3) AS approver
  FROM (SELECT m::date AS c FROM generate_series(date_trunc('month', :'start_date'::date),
                                                 date_trunc('month', :'end_date'::date), interval '1 month') m) m
) v;

-- Demand --------------------------------------------------------------------------------

INSERT INTO demand_forecasts (forecast_id, version_id, period_id, product_id, factory_id, lag_months, forecast_qty,
  lower_qty, upper_qty, unit_price, forecast_value, method, confidence, status, created_by_employee_id,
  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY x.version_id, x.lag, x.product_id), x.version_id, pp.period_id, x.product_id,
  x.factory_id, x.lag, fq, round(fq * (0.85 - 0.05 * x.lag)), round(fq * (1.15 + 0.05 * x.lag)), x.price,
  round(fq * x.price, 2), x.method, (0.92 - 0.08 * x.lag - 0.05 * pg_temp.rnd('fc.conf', x.key))::real,
  CASE x.vstatus WHEN 'archived' THEN 'superseded' WHEN 'approved' THEN 'approved' ELSE 'draft' END,
  x.planner, x.vcreated + interval '2 hours', coalesce(x.vapproved, x.vcreated + interval '2 hours'),
  'user' || x.planner
FROM (
  SELECT v.version_id, v.status AS vstatus, v.created_at AS vcreated, v.approved_at AS vapproved, l.lag,
    p.product_id, p.factory_id, p.price, p.method,
    (v.cycle_month + make_interval(months => l.lag))::date AS month,
    (v.version_id * 3 + l.lag) * 1000000 + p.product_id AS key,
    p.base * (1 + 0.15 * sin(2 * pi() * extract(month FROM v.cycle_month + make_interval(months => l.lag)) / 12 + p.phase::double precision)::numeric) AS truth,
    p.bias,
    (SELECT st.ids[1 + floor(pg_temp.rnd('fc.planner', p.product_id) * cardinality(st.ids))::int]
     FROM staff st WHERE st.factory_id = p.factory_id AND st.role = 4) AS planner
  FROM plan_versions v CROSS JOIN generate_series(0, 2) l(lag) CROSS JOIN product_params p
  OFFSET 0
) x
CROSS JOIN LATERAL (
  SELECT round(greatest(0, x.truth * (1 + x.bias + (pg_temp.rnd('fc.err', x.key)::numeric - 0.5) * 2 * (0.10 + 0.06 * x.lag)))) AS fq
) q
JOIN planning_periods pp ON pp.period_type = 'month' AND pp.start_date = x.month;

-- About 8% of forecasts carry a planner override (the forecast holds the adjusted value).
INSERT INTO forecast_adjustments (adjustment_id, forecast_id, previous_qty, adjusted_qty, reason_code, comment,
  adjusted_by_employee_id, adjusted_at, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY f.forecast_id), f.forecast_id,
  round(f.forecast_qty / (1 + a.pct)), f.forecast_qty,
  pg_temp.rnd_pick('fa.reason', f.forecast_id, ARRAY['promotion', 'customer_intel', 'customer_intel', 'new_product',
    'phase_out', 'market_trend', 'capacity']),
  CASE WHEN pg_temp.rnd_bool('fa.cmt', f.forecast_id, 0.6) THEN pg_temp.rnd_pick('fa.txt', f.forecast_id, ARRAY[
    'Key account confirmed call-offs for the quarter.', 'Promotion in retail channel planned.',
    'Competitor plant outage expected.', 'Model year change-over, run-out of old variant.']) END,
  f.created_by_employee_id, adj.at, adj.at, adj.at, f.modified_by
FROM demand_forecasts f
CROSS JOIN LATERAL (SELECT (CASE WHEN pg_temp.rnd_bool('fa.up', f.forecast_id, 0.6) THEN 1 ELSE -1 END
                            * (0.05 + 0.25 * pg_temp.rnd('fa.pct', f.forecast_id)))::numeric AS pct) a
CROSS JOIN LATERAL (SELECT greatest(f.created_at, least(f.created_at + interval '2 days',
                                                        (:'end_date'::date + time '20:00') AT TIME ZONE 'UTC')) AS at) adj
WHERE pg_temp.rnd_bool('fa.has', f.forecast_id, 0.08) AND f.forecast_qty > 0;

-- Actual demand per month; the running month is partial.
INSERT INTO demand_history (history_id, period_id, product_id, factory_id, actual_qty, actual_revenue, orders_count,
  is_partial, source, loaded_at, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY pp.start_date, p.product_id), pp.period_id, p.product_id, p.factory_id, a.qty,
  round(a.qty * p.price * (0.95 + 0.1 * pg_temp.rnd('dh.rev', pp.period_id * 1000000 + p.product_id))::numeric, 2),
  greatest(1, round(a.qty / (20 + 180 * pg_temp.rnd('dh.ord', p.product_id))::numeric))::int,
  pp.end_date >= :'end_date'::date, 'erp_sales',
  (least(pp.end_date + 1, :'end_date'::date) + time '02:00') AT TIME ZONE 'UTC',
  (least(pp.end_date + 1, :'end_date'::date) + time '02:00') AT TIME ZONE 'UTC',
  (least(pp.end_date + 1, :'end_date'::date) + time '02:00') AT TIME ZONE 'UTC', 'erp_sales_loader'
FROM planning_periods pp
CROSS JOIN product_params p
CROSS JOIN LATERAL (
  SELECT round(p.base * (1 + 0.15 * sin(2 * pi() * extract(month FROM pp.start_date) / 12 + p.phase::double precision)::numeric)
               * (0.85 + 0.3 * pg_temp.rnd('dh.noise', pp.period_id * 1000000 + p.product_id))::numeric
               * CASE WHEN pp.end_date >= :'end_date'::date
                      THEN (:'end_date'::date - pp.start_date + 1)::numeric / (pp.end_date - pp.start_date + 1) ELSE 1 END) AS qty
) a
WHERE pp.period_type = 'month' AND pp.start_date <= :'end_date'::date;

-- S&OP: forecasts rolled up per category and factory.
INSERT INTO sop_plans (sop_plan_id, version_id, period_id, product_category_id, factory_id, demand_qty, production_qty,
  inventory_target_qty, projected_inventory_qty, revenue_plan, capacity_hours_required, status,
  approved_by_employee_id, notes, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY g.version_id, g.period_id, g.category_id, g.factory_id), g.version_id, g.period_id,
  g.category_id, g.factory_id, g.demand, g.production, round(g.demand * 0.5),
  round(g.demand * 0.5) + g.production - g.demand, g.revenue, round(g.hours, 3),
  CASE v.status WHEN 'archived' THEN 'superseded' WHEN 'approved' THEN 'approved' ELSE 'reviewed' END,
  CASE WHEN v.status IN ('approved', 'archived') THEN v.approved_by_employee_id END,
  CASE WHEN g.production > g.demand * 1.05 THEN 'Pre-build ahead of seasonal peak.'
       WHEN g.production < g.demand * 0.97 THEN 'Capacity constrained: backlog accepted for low-margin items.' END,
  v.created_at + interval '3 hours', coalesce(v.approved_at, v.created_at + interval '3 hours'), v.modified_by
FROM (
  SELECT f.version_id, f.period_id, p.category_id, f.factory_id, sum(f.forecast_qty) AS demand,
    round(sum(f.forecast_qty) * (0.95 + 0.13 * pg_temp.rnd('sop.prod', (f.version_id * 1000 + f.period_id) * 1000 + p.category_id * 10 + f.factory_id))::numeric) AS production,
    sum(f.forecast_value) AS revenue, sum(f.forecast_qty * p.hours_per_unit) AS hours
  FROM demand_forecasts f JOIN product_params p ON p.product_id = f.product_id
  GROUP BY f.version_id, f.period_id, p.category_id, f.factory_id
) g
JOIN plan_versions v ON v.version_id = g.version_id;

-- Supply plans of the last two cycles, for every material.
INSERT INTO supply_plans (supply_plan_id, version_id, period_id, material_id, factory_id, gross_requirement,
  scheduled_receipts, planned_receipts, projected_on_hand, safety_stock, preferred_supplier_id, status,
  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY x.version_id, x.material_id, x.period_id), x.version_id, x.period_id, x.material_id,
  x.factory_id, x.gross, x.scheduled, greatest(0, x.gross + x.safety - x.opening - x.scheduled),
  x.opening + x.scheduled + greatest(0, x.gross + x.safety - x.opening - x.scheduled) - x.gross, x.safety,
  (x.material_id - 1) % :n_suppliers + 1,
  CASE x.vstatus WHEN 'archived' THEN 'superseded' WHEN 'approved' THEN 'approved' ELSE 'draft' END,
  x.vcreated + interval '4 hours', coalesce(x.vapproved, x.vcreated + interval '4 hours'), 'mrp_scheduler'
FROM (
  SELECT v.version_id, v.status AS vstatus, v.created_at AS vcreated, v.approved_at AS vapproved, pp.period_id,
    m AS material_id, (m - 1) % :n_factories + 1 AS factory_id, l.lag,
    round(u.usage * (0.9 + 0.2 * pg_temp.rnd('sp.gross', (v.version_id * 3 + l.lag) * 1000000 + m))::numeric) AS gross,
    round(u.usage * CASE l.lag WHEN 0 THEN 0.8 WHEN 1 THEN 0.4 ELSE 0 END) AS scheduled,
    round(u.usage * 0.25) AS safety,
    round(u.usage * (0.2 + 0.4 * pg_temp.rnd('sp.open', (v.version_id * 3 + l.lag) * 1000000 + m))::numeric) AS opening
  FROM plan_versions v
  CROSS JOIN generate_series(0, 2) l(lag)
  CROSS JOIN generate_series(1, :n_materials) m
  CROSS JOIN LATERAL (SELECT exp(ln(100) + (ln(20000) - ln(100)) * pg_temp.rnd('mat.usage', m))::numeric AS usage) u
  JOIN planning_periods pp ON pp.period_type = 'month' AND pp.start_date = (v.cycle_month + make_interval(months => l.lag))::date
  WHERE v.version_id >= (SELECT max(version_id) - 1 FROM plan_versions)
  OFFSET 0
) x;

-- Execution planning --------------------------------------------------------------------
-- volume entries per line, shift and day, up to two weeks past end_date.
INSERT INTO production_schedules (schedule_id, schedule_number, factory_id, line_id, shift_id, product_id,
  schedule_date, sequence_no, planned_qty, completed_qty, planned_start, planned_end, work_order_number,
  status, planner_employee_id, created_at, updated_at, modified_by)
SELECT id, format('PS-%s-L%s-%s-%s', to_char(sdate, 'YYYYMMDD'), lpad(line_id::text, 3, '0'), n, j + 1), f, line_id,
  (f - 1) * 3 + n, product_id, sdate, j + 1, qty,
  CASE status WHEN 'completed' THEN round(qty * (0.85 + 0.17 * pg_temp.rnd('ps.done', id))::numeric)
              WHEN 'in_progress' THEN round(qty * 0.3) ELSE 0 END,
  pstart, pend,
  CASE WHEN status IN ('released', 'in_progress', 'completed', 'cancelled')
       THEN 'WO-' || lpad(((id * 7919) % 1000000)::text, 6, '0') END,
  status, planner, (least(sdate - 10, :'end_date'::date - 1) + time '10:00') AT TIME ZONE 'UTC',
  CASE WHEN status IN ('completed', 'cancelled') THEN least(pend, asof)
       WHEN status = 'in_progress' THEN pstart
       WHEN status = 'released' THEN greatest(least((sdate - 2 + time '10:00') AT TIME ZONE 'UTC', asof - interval '1 hour'),
                                              (least(sdate - 10, :'end_date'::date - 1) + time '10:00') AT TIME ZONE 'UTC')
       ELSE (least(sdate - 10, :'end_date'::date - 1) + time '10:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status IN ('completed', 'in_progress') THEN 'mes_feedback' ELSE 'user' || planner END
FROM (
  SELECT y.*,
    CASE WHEN y.pend <= y.asof THEN CASE WHEN pg_temp.rnd_bool('ps.cancel', y.id, 0.05) THEN 'cancelled' ELSE 'completed' END
         WHEN y.pstart < y.asof THEN 'in_progress'
         WHEN y.sdate <= :'end_date'::date + 3 THEN 'released'
         WHEN y.sdate <= :'end_date'::date + 7 THEN 'firm'
         ELSE 'draft' END AS status
  FROM (
    SELECT x.*,
      (x.sdate + make_interval(hours => 6 + 8 * (x.n - 1))) AT TIME ZONE 'UTC' + make_interval(mins => 480 * x.j / :volume) AS pstart,
      (x.sdate + make_interval(hours => 6 + 8 * (x.n - 1))) AT TIME ZONE 'UTC' + make_interval(mins => 480 * (x.j + 1) / :volume) AS pend,
      round(pg_temp.rnd_num('ps.qty', x.id, 100, 800, 0) / :volume, -1) AS qty,
      (SELECT st.ids[1 + floor(pg_temp.rnd('ps.planner', x.line_id) * cardinality(st.ids))::int]
       FROM staff st WHERE st.factory_id = x.f AND st.role = 4) AS planner,
      (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' AS asof
    FROM (
      SELECT ((dd * 4 * :n_factories + l - 1) * 3 + n - 1) * :volume + j + 1 AS id, dd, l AS line_id, n, j,
        (l - 1) / 4 + 1 AS f, :'start_date'::date + dd AS sdate,
        (l - 1) / 4 + 1 + :n_factories * pg_temp.rnd_int('ps.prod', ((dd * 4 * :n_factories + l - 1) * 3 + n - 1) * :volume + j + 1,
          0, (:n_products - ((l - 1) / 4 + 1)) / :n_factories) AS product_id
      FROM generate_series(0, :days + 13) dd, generate_series(1, 4 * :n_factories) l, generate_series(1, 3) n,
        generate_series(0, :volume - 1) j
    ) x
    OFFSET 0
  ) y
  OFFSET 0
) z;

-- Weekly capacity per line: required hours from the schedule where there is one, else an
-- estimate from the S&OP rate.
INSERT INTO capacity_plans (capacity_plan_id, period_id, factory_id, line_id, available_hours, planned_downtime_hours,
  required_hours, utilization_pct, overtime_hours_planned, is_bottleneck, status, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY w.start_date, l), w.period_id, (l - 1) / 4 + 1, l, avail, down, req,
  round(100 * req / avail, 2), greatest(0, req - avail), req > 0.95 * avail,
  CASE WHEN w.end_date < :'end_date'::date THEN 'closed' WHEN w.start_date <= :'end_date'::date + 14 THEN 'frozen' ELSE 'draft' END,
  (least(w.start_date - 21, :'end_date'::date) + time '07:00') AT TIME ZONE 'UTC',
  (least(w.end_date + 1, :'end_date'::date) + time '07:00') AT TIME ZONE 'UTC', 'capacity_planner'
FROM planning_periods w
CROSS JOIN generate_series(1, 4 * :n_factories) l
CROSS JOIN LATERAL (SELECT pg_temp.rnd_int('cp.down', w.period_id * 1000 + l, 4, 16)::numeric AS down) d
CROSS JOIN LATERAL (SELECT 168 - d.down AS avail) a
CROSS JOIN LATERAL (
  SELECT coalesce(
    (SELECT round(sum(s.planned_qty * p.hours_per_unit), 3)
     FROM production_schedules s JOIN product_params p ON p.product_id = s.product_id
     WHERE s.line_id = l AND s.schedule_date BETWEEN w.start_date AND w.end_date AND s.status <> 'cancelled'),
    round(a.avail * (0.55 + 0.35 * pg_temp.rnd('cp.req', w.period_id * 1000 + l))::numeric, 3)) AS req
) r
WHERE w.period_type = 'week';

-- Daily MRP per factory (regenerative on Mondays); 1% of runs fail and plan nothing.
INSERT INTO mrp_runs (mrp_run_id, run_number, factory_id, run_type, started_at, finished_at, horizon_days, status,
  parameters, error_message, run_by, created_at, updated_at, modified_by)
SELECT id, format('MRP-F%s-%s', lpad(f::text, 2, '0'), to_char(day, 'YYYYMMDD')), f, rtype, started,
  started + make_interval(mins => CASE rtype WHEN 'regenerative' THEN pg_temp.rnd_int('mr.dur', id, 20, 45)
                                            ELSE pg_temp.rnd_int('mr.dur', id, 2, 9) END::int),
  CASE rtype WHEN 'regenerative' THEN 90 ELSE 30 END, status,
  jsonb_build_object('lot_sizing', pg_temp.rnd_pick('mr.lot', f, ARRAY['EOQ', 'lot_for_lot', 'fixed_period']),
                     'include_safety_stock', true, 'firm_zone_days', 7,
                     'horizon_days', CASE rtype WHEN 'regenerative' THEN 90 ELSE 30 END),
  CASE WHEN status = 'failed' THEN 'Deadlock on BOM explosion lock; run aborted, next run will recover.' END,
  'mrp_scheduler', started,
  started + make_interval(mins => CASE rtype WHEN 'regenerative' THEN pg_temp.rnd_int('mr.dur', id, 20, 45)
                                            ELSE pg_temp.rnd_int('mr.dur', id, 2, 9) END::int),
  'mrp_scheduler'
FROM (
  SELECT d * :n_factories + f AS id, f, :'start_date'::date + d AS day,
    CASE WHEN extract(isodow FROM :'start_date'::date + d) = 1 THEN 'regenerative' ELSE 'net_change' END AS rtype,
    (:'start_date'::date + d + time '02:00') AT TIME ZONE 'UTC' + make_interval(mins => 7 * f) AS started,
    CASE WHEN pg_temp.rnd_bool('mr.fail', d * :n_factories + f, 0.01) THEN 'failed' ELSE 'completed' END AS status
  FROM generate_series(0, :days - 1) d, generate_series(1, :n_factories) f
) r;

-- 10*volume planned orders per successful run (id (run-1)*10*volume + j + 1). Orders of
-- the last run are still proposals; older ones were released or superseded.
INSERT INTO planned_orders (planned_order_id, order_number, mrp_run_id, order_type, product_id, material_id,
  factory_id, line_id, supplier_id, quantity, start_date, due_date, status, released_as, pegging, created_at,
  updated_at, modified_by)
SELECT id, 'PLO-' || lpad(id::text, 8, '0'), mrp_run_id, otype,
  CASE WHEN otype = 'make' THEN item END, CASE WHEN otype <> 'make' THEN item END,
  factory_id, CASE WHEN otype = 'make' THEN (factory_id - 1) * 4 + pg_temp.rnd_int('po.line', id, 1, 4) END,
  CASE WHEN otype = 'buy' THEN (item - 1) % :n_suppliers + 1 END,
  qty, due - lead, due, status,
  CASE WHEN status = 'released' THEN
    CASE otype WHEN 'make' THEN 'WO-' || lpad(((id * 7919) % 1000000)::text, 6, '0')
               WHEN 'buy' THEN 'PO-' || to_char(due - lead, 'YYYY') || '-' || lpad(((id * 7919) % 1000000)::text, 6, '0')
               ELSE 'TO-' || lpad(id::text, 8, '0') END END,
  CASE WHEN otype = 'make' THEN jsonb_build_object('demand', 'forecast', 'period', to_char(due, 'YYYY-MM'))
       ELSE jsonb_build_object('demand', 'dependent', 'parent_product',
                               (factory_id + :n_factories * pg_temp.rnd_int('po.parent', id, 0, (:n_products - factory_id) / :n_factories))) END,
  finished,
  CASE WHEN status IN ('released', 'cancelled')
       THEN greatest(finished, least(((due - lead) + time '08:00') AT TIME ZONE 'UTC', asof - interval '1 hour'))
       ELSE finished END,
  CASE WHEN status = 'released' THEN 'user' || planner ELSE 'mrp_scheduler' END
FROM (
  SELECT y.*,
    CASE WHEN y.latest THEN CASE WHEN pg_temp.rnd_bool('po.firm', y.id, 0.25) THEN 'firmed' ELSE 'planned' END
         WHEN y.due - y.lead <= :'end_date'::date THEN CASE WHEN pg_temp.rnd_bool('po.rel', y.id, 0.6) THEN 'released' ELSE 'cancelled' END
         ELSE CASE WHEN pg_temp.rnd_bool('po.keep', y.id, 0.5) THEN 'firmed' ELSE 'cancelled' END END AS status
  FROM (
    SELECT (r.mrp_run_id - 1) * (10 * :volume) + j + 1 AS id, r.mrp_run_id, r.factory_id, r.finished_at AS finished,
      (r.started_at AT TIME ZONE 'UTC')::date = :'end_date'::date AS latest,
      (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' AS asof,
      CASE WHEN pg_temp.rnd('po.type', (r.mrp_run_id - 1) * (10 * :volume) + j + 1) < 0.40 THEN 'make'
           WHEN pg_temp.rnd('po.type', (r.mrp_run_id - 1) * (10 * :volume) + j + 1) < 0.95 THEN 'buy'
           ELSE 'transfer' END AS otype,
      (r.started_at AT TIME ZONE 'UTC')::date + pg_temp.rnd_int('po.due', (r.mrp_run_id - 1) * (10 * :volume) + j + 1, 7, 60)::int AS due,
      (SELECT st.ids[1 + floor(pg_temp.rnd('po.planner', r.factory_id) * cardinality(st.ids))::int]
       FROM staff st WHERE st.factory_id = r.factory_id AND st.role = 4) AS planner
    FROM mrp_runs r, generate_series(0, 10 * :volume - 1) j
    WHERE r.status = 'completed'
    OFFSET 0
  ) x
  CROSS JOIN LATERAL (
    SELECT x.*,
      CASE WHEN x.otype = 'make'
           THEN x.factory_id + :n_factories * pg_temp.rnd_int('po.item', x.id, 0, (:n_products - x.factory_id) / :n_factories)
           ELSE pg_temp.rnd_int('po.item', x.id, 1, :n_materials) END AS item,
      CASE x.otype WHEN 'make' THEN pg_temp.rnd_int('po.lead', x.id, 2, 10)
                   WHEN 'buy' THEN pg_temp.rnd_int('po.lead', x.id, 10, 45)
                   ELSE pg_temp.rnd_int('po.lead', x.id, 2, 5) END::int AS lead,
      round(pg_temp.rnd_num('po.qty', x.id, 50, 5000, 0), -1) AS qty
  ) y
  OFFSET 0
) z;

INSERT INTO mrp_exceptions (exception_id, mrp_run_id, planned_order_id, item_type, product_id, material_id,
  exception_type, severity, message, suggested_date, status, resolved_by_employee_id, resolved_at, created_at,
  updated_at, modified_by)
SELECT row_number() OVER (ORDER BY x.mrp_run_id, x.j), x.mrp_run_id, o.planned_order_id,
  CASE WHEN o.product_id IS NOT NULL THEN 'product' ELSE 'material' END,
  o.product_id, CASE WHEN o.product_id IS NULL THEN coalesce(o.material_id, pg_temp.rnd_int('ex.mat', x.key, 1, :n_materials)) END,
  x.etype,
  CASE x.etype WHEN 'shortage' THEN 'critical' WHEN 'past_due' THEN 'critical' WHEN 'expedite' THEN 'warning' ELSE 'info' END,
  CASE x.etype
    WHEN 'expedite' THEN 'Reschedule in: requirement moved earlier than order due date.'
    WHEN 'defer' THEN 'Reschedule out: requirement moved later than order due date.'
    WHEN 'cancel' THEN 'Cancel: no requirement left for this supply.'
    WHEN 'shortage' THEN 'Projected on-hand below zero within lead time.'
    WHEN 'past_due' THEN 'Order start date is in the past.'
    ELSE 'Projected on-hand above maximum stock.' END,
  CASE WHEN x.etype IN ('expedite', 'defer') THEN coalesce(o.due_date, x.day + 14) + CASE x.etype WHEN 'expedite' THEN -5 ELSE 7 END END,
  CASE WHEN x.latest THEN 'open' WHEN pg_temp.rnd_bool('ex.ack', x.key, 0.2) THEN 'acknowledged' ELSE 'resolved' END,
  CASE WHEN NOT x.latest THEN x.planner END,
  CASE WHEN NOT x.latest AND NOT pg_temp.rnd_bool('ex.ack', x.key, 0.2)
       THEN x.finished + make_interval(hours => pg_temp.rnd_int('ex.res', x.key, 1, 20)::int) END,
  x.finished,
  CASE WHEN x.latest THEN x.finished ELSE x.finished + make_interval(hours => pg_temp.rnd_int('ex.res', x.key, 1, 20)::int) END,
  CASE WHEN x.latest THEN 'mrp_scheduler' ELSE 'user' || x.planner END
FROM (
  SELECT r.mrp_run_id, j, r.mrp_run_id * 100 + j AS key, r.finished_at AS finished, (r.started_at AT TIME ZONE 'UTC')::date AS day,
    (r.started_at AT TIME ZONE 'UTC')::date = :'end_date'::date AS latest,
    pg_temp.rnd_pick('ex.type', r.mrp_run_id * 100 + j, ARRAY['expedite', 'expedite', 'defer', 'cancel', 'shortage', 'past_due', 'excess']) AS etype,
    (SELECT st.ids[1 + floor(pg_temp.rnd('po.planner', r.factory_id) * cardinality(st.ids))::int]
     FROM staff st WHERE st.factory_id = r.factory_id AND st.role = 4) AS planner,
    CASE WHEN r.status = 'completed' AND pg_temp.rnd_bool('ex.link', r.mrp_run_id * 100 + j, 0.7)
         THEN (r.mrp_run_id - 1) * (10 * :volume) + (j * 3) % (10 * :volume) + 1 END AS order_id
  FROM mrp_runs r, generate_series(0, 3 * :volume - 1) j
  OFFSET 0
) x
LEFT JOIN planned_orders o ON o.planned_order_id = x.order_id;

UPDATE mrp_runs r SET planned_orders_created = coalesce(o.n, 0), exceptions_count = coalesce(e.n, 0)
FROM mrp_runs r2
LEFT JOIN (SELECT mrp_run_id, count(*) AS n FROM planned_orders GROUP BY mrp_run_id) o ON o.mrp_run_id = r2.mrp_run_id
LEFT JOIN (SELECT mrp_run_id, count(*) AS n FROM mrp_exceptions GROUP BY mrp_run_id) e ON e.mrp_run_id = r2.mrp_run_id
WHERE r2.mrp_run_id = r.mrp_run_id;

-- Safety stock: policy p for product p, n_products + m for material m.
INSERT INTO safety_stock_policies (policy_id, item_type, product_id, material_id, factory_id, abc_class, method,
  service_level_pct, avg_daily_demand, demand_std_dev, lead_time_days, review_period_days, safety_stock_qty,
  reorder_point_qty, max_stock_qty, effective_from, effective_to, status, created_at, updated_at, modified_by)
SELECT id, item_type, product_id, material_id, factory_id, abc, method, sl, round(daily, 3), round(sd, 3), lead, review,
  round(ss, 3), round(daily * lead + ss, 3), round(daily * lead + ss + daily * review, 3), eff_from,
  CASE WHEN status = 'retired' THEN :'end_date'::date - pg_temp.rnd_int('ss.ret', id, 1, 20)::int END, status,
  (least(eff_from - 3, :'end_date'::date - 1) + time '09:00') AT TIME ZONE 'UTC',
  (least(eff_from, :'end_date'::date) + time '09:00') AT TIME ZONE 'UTC',
  'user' || planner
FROM (
  SELECT x.*,
    CASE x.method
      WHEN 'statistical' THEN (CASE x.abc WHEN 'A' THEN 2.054 WHEN 'B' THEN 1.645 ELSE 1.282 END) * x.sd * sqrt(x.lead)::numeric
      WHEN 'days_of_supply' THEN x.daily * CASE x.abc WHEN 'A' THEN 10 WHEN 'B' THEN 7 ELSE 5 END
      ELSE round(x.daily * 6, -1) END AS ss,
    (SELECT st.ids[1 + floor(pg_temp.rnd('ss.planner', x.id) * cardinality(st.ids))::int]
     FROM staff st WHERE st.factory_id = x.factory_id AND st.role = 4) AS planner
  FROM (
    SELECT b.*,
      CASE WHEN b.u < 0.2 THEN 'A' WHEN b.u < 0.5 THEN 'B' ELSE 'C' END AS abc,
      CASE WHEN b.u < 0.2 THEN 98.00 WHEN b.u < 0.5 THEN 95.00 ELSE 90.00 END AS sl,
      b.daily * (0.2 + 0.3 * pg_temp.rnd('ss.cv', b.id))::numeric AS sd,
      CASE WHEN pg_temp.rnd('ss.method', b.id) < 0.6 THEN 'statistical'
           WHEN pg_temp.rnd('ss.method', b.id) < 0.85 THEN 'fixed' ELSE 'days_of_supply' END AS method,
      (ARRAY[7, 7, 14, 30])[pg_temp.rnd_int('ss.review', b.id, 1, 4)] AS review,
      CASE WHEN pg_temp.rnd_bool('ss.prop', b.id, 0.04) THEN :'end_date'::date + pg_temp.rnd_int('ss.from', b.id, 1, 30)::int
           ELSE :'start_date'::date - pg_temp.rnd_int('ss.from', b.id, 0, 400)::int END AS eff_from,
      CASE WHEN pg_temp.rnd_bool('ss.prop', b.id, 0.04) THEN 'proposed'
           WHEN pg_temp.rnd_bool('ss.retired', b.id, 0.01) THEN 'retired' ELSE 'active' END AS status
    FROM (
      SELECT p.product_id AS id, 'product' AS item_type, p.product_id, NULL::bigint AS material_id, p.factory_id,
        p.base / 30 AS daily, pg_temp.rnd_int('ss.lead', p.product_id, 3, 15)::int AS lead,
        pg_temp.rnd('ss.abc', p.product_id) AS u
      FROM product_params p
      UNION ALL
      SELECT :n_products + m, 'material', NULL, m, (m - 1) % :n_factories + 1,
        exp(ln(100) + (ln(20000) - ln(100)) * pg_temp.rnd('mat.usage', m))::numeric / 30,
        pg_temp.rnd_int('ss.lead', :n_products + m, 5, 60)::int, pg_temp.rnd('ss.abc', :n_products + m)
      FROM generate_series(1, :n_materials) m
    ) b
    OFFSET 0
  ) x
  OFFSET 0
) s;

-- Identities continue after the generated ids -------------------------------------------

SELECT setval(pg_get_serial_sequence('planning_periods', 'period_id'), coalesce(max(period_id), 1), max(period_id) IS NOT NULL) FROM planning_periods;
SELECT setval(pg_get_serial_sequence('plan_versions', 'version_id'), coalesce(max(version_id), 1), max(version_id) IS NOT NULL) FROM plan_versions;
SELECT setval(pg_get_serial_sequence('demand_forecasts', 'forecast_id'), coalesce(max(forecast_id), 1), max(forecast_id) IS NOT NULL) FROM demand_forecasts;
SELECT setval(pg_get_serial_sequence('forecast_adjustments', 'adjustment_id'), coalesce(max(adjustment_id), 1), max(adjustment_id) IS NOT NULL) FROM forecast_adjustments;
SELECT setval(pg_get_serial_sequence('demand_history', 'history_id'), coalesce(max(history_id), 1), max(history_id) IS NOT NULL) FROM demand_history;
SELECT setval(pg_get_serial_sequence('sop_plans', 'sop_plan_id'), coalesce(max(sop_plan_id), 1), max(sop_plan_id) IS NOT NULL) FROM sop_plans;
SELECT setval(pg_get_serial_sequence('supply_plans', 'supply_plan_id'), coalesce(max(supply_plan_id), 1), max(supply_plan_id) IS NOT NULL) FROM supply_plans;
SELECT setval(pg_get_serial_sequence('production_schedules', 'schedule_id'), coalesce(max(schedule_id), 1), max(schedule_id) IS NOT NULL) FROM production_schedules;
SELECT setval(pg_get_serial_sequence('capacity_plans', 'capacity_plan_id'), coalesce(max(capacity_plan_id), 1), max(capacity_plan_id) IS NOT NULL) FROM capacity_plans;
SELECT setval(pg_get_serial_sequence('mrp_runs', 'mrp_run_id'), coalesce(max(mrp_run_id), 1), max(mrp_run_id) IS NOT NULL) FROM mrp_runs;
SELECT setval(pg_get_serial_sequence('planned_orders', 'planned_order_id'), coalesce(max(planned_order_id), 1), max(planned_order_id) IS NOT NULL) FROM planned_orders;
SELECT setval(pg_get_serial_sequence('mrp_exceptions', 'exception_id'), coalesce(max(exception_id), 1), max(exception_id) IS NOT NULL) FROM mrp_exceptions;
SELECT setval(pg_get_serial_sequence('safety_stock_policies', 'policy_id'), coalesce(max(policy_id), 1), max(policy_id) IS NOT NULL) FROM safety_stock_policies;
