-- A planner creates a work order for a product on its home line, with operations from the
-- released routing. Standard cost comes from the product's last order (else the routing).
\set p random(1, :n_products)
\set f (:p - 1) % :n_factories + 1
\set line (:f - 1) * 4 + ((:p - 1) / :n_factories) % 4 + 1
\set sn random(1, 3)
\set qty random(100, 600)
\set d random(1, 3)
\set pri random(1, 10)
\set k random(0, (:n_employees - 4) / 20)
\set planner 20 * :k + 4
SELECT nextval(pg_get_serial_sequence('work_orders', 'work_order_id')) AS wo \gset
BEGIN;
INSERT INTO work_orders (work_order_id, work_order_number, product_id, routing_id, factory_id, line_id, shift_id,
                         planned_qty, status, priority, planned_start, planned_end, due_date, unit_standard_cost,
                         standard_cost, planner_employee_id, modified_by)
SELECT :wo, 'WO-' || lpad(:wo::text, greatest(6, length(:wo::text)), '0'), r.product_id, r.routing_id, :f, :line,
       (:f - 1) * 3 + :sn, :qty, 'planned',
       (ARRAY['normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'high', 'high', 'urgent', 'low'])[:pri],
       date_trunc('day', now()) + :d * interval '1 day' + (6 + 8 * (:sn - 1)) * interval '1 hour',
       date_trunc('day', now()) + :d * interval '1 day' + (14 + 8 * (:sn - 1)) * interval '1 hour',
       (date_trunc('day', now()) + (:d + 3) * interval '1 day')::date,
       c.unit_cost, round(c.unit_cost * :qty, 2), :planner, 'user' || :planner
FROM routings AS r
CROSS JOIN LATERAL (
  SELECT coalesce((SELECT w.unit_standard_cost FROM work_orders AS w WHERE w.product_id = r.product_id
                   ORDER BY w.work_order_id DESC LIMIT 1),
                  (SELECT round(sum(ro.run_seconds_per_unit / 3600 * (wc.labor_rate_per_hour + wc.overhead_rate_per_hour)) * 3, 4)
                   FROM routing_operations AS ro JOIN work_centers AS wc USING (work_center_id)
                   WHERE ro.routing_id = r.routing_id)) AS unit_cost
) AS c
WHERE r.product_id = :p AND r.status = 'released';
INSERT INTO work_order_operations (work_order_id, routing_operation_id, op_seq, work_center_id, machine_id, status,
                                   planned_qty, planned_setup_minutes, planned_run_minutes, modified_by)
SELECT w.work_order_id, ro.routing_operation_id, ro.op_seq, ro.work_center_id, wc.machine_id, 'pending', w.planned_qty,
       ro.setup_minutes, round(w.planned_qty * ro.run_seconds_per_unit / 60, 2), w.modified_by
FROM work_orders AS w
JOIN routing_operations AS ro ON ro.routing_id = w.routing_id
JOIN work_centers AS wc ON wc.work_center_id = ro.work_center_id
WHERE w.work_order_id = :wo;
INSERT INTO work_order_status_history (work_order_id, from_status, to_status, changed_at, changed_by)
SELECT work_order_id, NULL, 'planned', now(), modified_by FROM work_orders WHERE work_order_id = :wo;
COMMIT;
