-- A planner overrides next month's forecast of a product in the newest planning cycle.
\set p random(1, :n_products)
\set pct random(-25, 30)
\set r random(1, 6)
\set planner 20 * random(0, (:n_employees - 4) / 20) + 4
BEGIN;
SELECT coalesce(max(f.forecast_id), 0) AS fid FROM demand_forecasts f
WHERE f.version_id = (SELECT max(version_id) FROM plan_versions) AND f.product_id = :p AND f.lag_months = 1 \gset
INSERT INTO forecast_adjustments (forecast_id, previous_qty, adjusted_qty, reason_code, comment, adjusted_by_employee_id,
  adjusted_at, created_at, updated_at, modified_by)
SELECT forecast_id, forecast_qty, round(forecast_qty * (100 + :pct) / 100),
  (ARRAY['promotion', 'customer_intel', 'new_product', 'phase_out', 'market_trend', 'capacity'])[:r],
  'Override from demand review meeting.', :planner, now(), now(), now(), 'user' || :planner
FROM demand_forecasts WHERE forecast_id = :fid;
UPDATE demand_forecasts
SET forecast_qty = round(forecast_qty * (100 + :pct) / 100),
  lower_qty = least(lower_qty, round(forecast_qty * (100 + :pct) / 100)),
  upper_qty = greatest(upper_qty, round(forecast_qty * (100 + :pct) / 100)),
  forecast_value = round(round(forecast_qty * (100 + :pct) / 100) * unit_price, 2),
  method = 'manual', updated_at = now(), modified_by = 'user' || :planner
WHERE forecast_id = :fid;
COMMIT;
