-- A net-change MRP run of one factory: new planned orders and action messages; the two
-- oldest unfirmed proposals of earlier runs are superseded (deleted with their messages).
\set f random(1, :n_factories)
\set s random(1, 1000000)
BEGIN;
SELECT nextval(pg_get_serial_sequence('mrp_runs', 'mrp_run_id')) AS rid \gset
INSERT INTO mrp_runs (mrp_run_id, run_number, factory_id, run_type, started_at, finished_at, horizon_days, status,
  parameters, run_by, created_at, updated_at, modified_by)
VALUES (:rid, 'MRP-F' || lpad(':f', 2, '0') || '-' || to_char(now(), 'YYYYMMDD') || '-:rid', :f, 'net_change', now(), now(),
  30, 'completed', '{"lot_sizing": "EOQ", "include_safety_stock": true, "firm_zone_days": 7, "horizon_days": 30}',
  'mrp_scheduler', now(), now(), 'mrp_scheduler');
DELETE FROM planned_orders
WHERE planned_order_id IN (SELECT planned_order_id FROM planned_orders
                           WHERE status = 'planned' AND factory_id = :f AND mrp_run_id < :rid
                           ORDER BY planned_order_id LIMIT 2);
INSERT INTO planned_orders (order_number, mrp_run_id, order_type, product_id, material_id, factory_id, line_id, supplier_id,
  quantity, start_date, due_date, status, pegging, created_at, updated_at, modified_by)
SELECT 'PLO-R:rid-' || g, :rid, t.otype,
  CASE WHEN t.otype = 'make' THEN :f + :n_factories * ((:s + g * 7919) % ((:n_products - :f) / :n_factories + 1)) END,
  CASE WHEN t.otype = 'buy' THEN (:s + g * 104729) % :n_materials + 1 END,
  :f, CASE WHEN t.otype = 'make' THEN (:f - 1) * 4 + g % 4 + 1 END,
  CASE WHEN t.otype = 'buy' THEN ((:s + g * 104729) % :n_materials) % :n_suppliers + 1 END,
  10 * ((:s + g * 31) % 400 + 5), current_date + (:s + g) % 20 + 1,
  current_date + (:s + g) % 20 + 1 + CASE t.otype WHEN 'make' THEN 5 ELSE 20 END, 'planned',
  CASE WHEN t.otype = 'make' THEN jsonb_build_object('demand', 'forecast', 'period', to_char(current_date + 30, 'YYYY-MM'))
       ELSE jsonb_build_object('demand', 'dependent') END,
  now(), now(), 'mrp_scheduler'
FROM generate_series(1, 8) g
CROSS JOIN LATERAL (SELECT CASE WHEN (:s + g) % 5 < 2 THEN 'make' ELSE 'buy' END AS otype) t;
INSERT INTO mrp_exceptions (mrp_run_id, planned_order_id, item_type, product_id, material_id, exception_type, severity,
  message, suggested_date, status, created_at, updated_at, modified_by)
SELECT :rid, o.planned_order_id, CASE WHEN o.product_id IS NOT NULL THEN 'product' ELSE 'material' END, o.product_id,
  o.material_id, CASE WHEN o.start_date <= current_date + 3 THEN 'expedite' ELSE 'shortage' END,
  CASE WHEN o.start_date <= current_date + 3 THEN 'warning' ELSE 'critical' END,
  'Projected on-hand below safety stock; order ' || o.order_number || ' proposed.', o.start_date, 'open', now(), now(),
  'mrp_scheduler'
FROM planned_orders o
WHERE o.mrp_run_id = :rid AND o.planned_order_id % 3 = 0;
UPDATE mrp_runs
SET planned_orders_created = (SELECT count(*) FROM planned_orders WHERE mrp_run_id = :rid),
  exceptions_count = (SELECT count(*) FROM mrp_exceptions WHERE mrp_run_id = :rid)
WHERE mrp_run_id = :rid;
COMMIT;
