-- Inventory planning recalculates the safety stock of an item after a demand change.
\set id random(1, :n_products + :n_materials)
\set pct random(-20, 25)
\set planner 20 * random(0, (:n_employees - 4) / 20) + 4
BEGIN;
UPDATE safety_stock_policies
SET safety_stock_qty = round(safety_stock_qty * (100 + :pct) / 100, 3),
  reorder_point_qty = round(avg_daily_demand * lead_time_days + safety_stock_qty * (100 + :pct) / 100, 3),
  max_stock_qty = round(avg_daily_demand * (lead_time_days + review_period_days) + safety_stock_qty * (100 + :pct) / 100, 3),
  updated_at = now(), modified_by = 'user' || :planner
WHERE policy_id = :id AND status IN ('active', 'proposed');
COMMIT;
