-- The nightly ERP feed adds shipped quantities to this month's actual demand of a product.
\set p random(1, :n_products)
\set q random(1, 200)
BEGIN;
INSERT INTO demand_history (period_id, product_id, factory_id, actual_qty, actual_revenue, orders_count, is_partial,
  source, loaded_at, created_at, updated_at, modified_by)
SELECT pp.period_id, :p, (:p - 1) % :n_factories + 1, :q, :q * 25, 1, true, 'erp_sales', now(), now(), now(),
  'erp_sales_loader'
FROM planning_periods pp
WHERE pp.period_type = 'month' AND current_date BETWEEN pp.start_date AND pp.end_date
ON CONFLICT (product_id, period_id) DO UPDATE
SET actual_qty = demand_history.actual_qty + excluded.actual_qty,
  actual_revenue = demand_history.actual_revenue + excluded.actual_revenue,
  orders_count = demand_history.orders_count + 1, loaded_at = now(), updated_at = now();
COMMIT;
