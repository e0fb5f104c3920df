-- The line starts the earliest released work order: operations in progress, materials kitted
-- (the product's last bill of issue scaled to this quantity).
\set j random(0, :n_employees / :n_factories)
\set var random(-10, 40)
SELECT coalesce(max(work_order_id), 0) AS wo, coalesce(max(factory_id), 1) AS f
FROM (SELECT work_order_id, factory_id FROM work_orders WHERE status = 'released'
      ORDER BY planned_start, work_order_id LIMIT 1) AS x \gset
SELECT coalesce((SELECT e FROM generate_series(:f + :n_factories * :j, :n_employees, :n_factories) AS e WHERE e % 20 >= 6 LIMIT 1),
                (SELECT e FROM generate_series(:f, :n_employees, :n_factories) AS e WHERE e % 20 >= 6 LIMIT 1), 0) AS op \gset
BEGIN;
UPDATE work_orders
SET status = 'in_progress', actual_start = now(), updated_at = now(), modified_by = 'user' || :op
WHERE work_order_id = :wo AND status = 'released';
UPDATE work_order_operations
SET status = 'in_progress', actual_start = now(), actual_setup_minutes = 0, actual_run_minutes = 0,
    operator_employee_id = :op, updated_at = now(), modified_by = 'user' || :op
WHERE work_order_id = :wo AND status = 'pending';
INSERT INTO work_order_status_history (work_order_id, from_status, to_status, changed_at, changed_by)
SELECT work_order_id, 'released', 'in_progress', now(), 'user' || :op FROM work_orders WHERE work_order_id = :wo;
INSERT INTO material_consumption (work_order_id, material_id, bom_line_no, warehouse_id, material_lot_number,
                                  transaction_type, planned_qty, actual_qty, uom_code, standard_unit_cost,
                                  actual_unit_cost, total_cost, issued_at, issued_by, modified_by)
SELECT w.work_order_id, mc.material_id, mc.bom_line_no, mc.warehouse_id,
       'ML' || lpad(mc.material_id::text, 6, '0') || '-' || to_char(now() - interval '9 days', 'YYMMDD'), 'issue',
       q.planned, round(q.planned * (1 + :var / 1000.0), 3), mc.uom_code, mc.standard_unit_cost, mc.actual_unit_cost,
       round(round(q.planned * (1 + :var / 1000.0), 3) * mc.actual_unit_cost, 2), now(), :op, 'user' || :op
FROM work_orders AS w
JOIN work_orders AS lw
  ON lw.work_order_id = (SELECT max(c.work_order_id) FROM material_consumption AS c
                         JOIN work_orders AS x USING (work_order_id)
                         WHERE x.product_id = w.product_id AND x.work_order_id <> w.work_order_id)
JOIN material_consumption AS mc ON mc.work_order_id = lw.work_order_id
CROSS JOIN LATERAL (SELECT round(mc.planned_qty / lw.planned_qty * w.planned_qty, 3) AS planned) AS q
WHERE w.work_order_id = :wo AND w.status = 'in_progress'
  AND NOT EXISTS (SELECT 1 FROM material_consumption AS e WHERE e.work_order_id = w.work_order_id);
COMMIT;
