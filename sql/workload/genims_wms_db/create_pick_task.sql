-- An order is released to the finished-goods warehouse: a pending pick task with one to three
-- lines from the products' pick faces; the stock there is reserved.
\set fac random(1, :n_factories)
\set cust random_exponential(1, :n_customers, 3.0)
\set nl random(1, 3)
\set p1 :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set p2 :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set p3 :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set q1 5 * random(1, 40)
\set q2 5 * random(1, 40)
\set q3 5 * random(1, 40)
BEGIN;
SELECT nextval(pg_get_serial_sequence('picking_tasks', 'picking_task_id')) AS tid \gset
INSERT INTO picking_tasks (picking_task_id, task_number, warehouse_id, order_number, customer_id,
                           priority, status, due_at, created_at, updated_at, modified_by)
VALUES (:tid, 'PK-' || lpad(:tid::text, 8, '0'), 2 * :fac,
        'SO-' || to_char(current_date, 'YYYY') || '-W' || lpad(:tid::text, 6, '0'), :cust, 3,
        'pending', now() + interval '1 day', now(), now(), 'wave_planner');
INSERT INTO pick_lines (picking_task_id, line_number, product_id, lot_id, location_id,
                        qty_requested, status, created_at, updated_at, modified_by)
SELECT :tid, v.n, v.p, inv.lot_id, r.location_id, v.q, 'open', now(), now(), 'wave_planner'
FROM (VALUES (1, :p1, :q1), (2, :p2, :q2), (3, :p3, :q3)) v(n, p, q)
JOIN replenishment_rules r ON r.warehouse_id = 2 * :fac AND r.product_id = v.p
LEFT JOIN LATERAL (SELECT i.lot_id FROM inventory i
                   WHERE i.location_id = r.location_id AND i.item_type = 'product'
                     AND i.item_id = v.p
                   ORDER BY i.qty_on_hand DESC, i.lot_id LIMIT 1) inv ON true
WHERE v.n <= :nl;
UPDATE inventory i
SET qty_reserved = least(i.qty_on_hand, i.qty_reserved + l.qty), updated_at = now(),
    modified_by = 'wave_planner'
FROM (SELECT location_id, lot_id, product_id, sum(qty_requested) AS qty FROM pick_lines
      WHERE picking_task_id = :tid GROUP BY 1, 2, 3) l
WHERE i.location_id = l.location_id AND i.lot_id = l.lot_id AND i.item_type = 'product'
  AND i.item_id = l.product_id;
COMMIT;
