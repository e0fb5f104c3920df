-- The longest-running work order is finished: operations completed, lot booked to the
-- finished-goods warehouse in quarantine, genealogy recorded, final inspection requested.
\set j random(0, :n_employees / :n_factories)
\set k random(0, (:n_employees - 1) / 20)
SELECT coalesce(max(work_order_id), 0) AS wo, coalesce(max(factory_id), 1) AS f
FROM (SELECT work_order_id, factory_id FROM work_orders WHERE status = 'in_progress'
      ORDER BY actual_start, work_order_id LIMIT 1) AS x \gset
SELECT coalesce((SELECT e FROM generate_series(:f + :n_factories * :j, :n_employees, :n_factories) AS e WHERE e % 20 = 1 LIMIT 1),
                (SELECT e FROM generate_series(:f, :n_employees, :n_factories) AS e WHERE e % 20 = 1 LIMIT 1),
                20 * :k + 1) AS insp \gset
BEGIN;
UPDATE work_order_operations
SET status = 'completed', actual_end = now(),
    actual_start = coalesce(actual_start, now()),
    completed_qty = CASE WHEN completed_qty = 0 THEN greatest(planned_qty - scrapped_qty, 0) ELSE completed_qty END,
    updated_at = now()
WHERE work_order_id = :wo AND status IN ('pending', 'in_progress');
UPDATE work_orders AS w
SET status = 'completed', actual_end = now(),
    completed_qty = (SELECT o.completed_qty FROM work_order_operations AS o WHERE o.work_order_id = w.work_order_id
                     ORDER BY o.op_seq DESC LIMIT 1),
    scrapped_qty = (SELECT sum(o.scrapped_qty) FROM work_order_operations AS o WHERE o.work_order_id = w.work_order_id),
    updated_at = now()
WHERE w.work_order_id = :wo AND w.status = 'in_progress';
INSERT INTO work_order_status_history (work_order_id, from_status, to_status, changed_at, changed_by)
SELECT work_order_id, 'in_progress', 'completed', now(), modified_by FROM work_orders WHERE work_order_id = :wo;
INSERT INTO production_lots (lot_number, work_order_id, product_id, factory_id, warehouse_id, quantity, manufactured_at,
                             status, attributes, modified_by)
SELECT 'LOT-' || to_char(now(), 'YYMMDD') || '-' || lpad(work_order_id::text, greatest(6, length(work_order_id::text)), '0'),
       work_order_id, product_id, factory_id, 2 * factory_id, completed_qty, now(), 'quarantine',
       jsonb_build_object('line_id', line_id, 'shift_id', shift_id, 'inspection', 'pending'), modified_by
FROM work_orders
WHERE work_order_id = :wo AND status = 'completed' AND completed_qty > 0
ON CONFLICT (lot_number) DO NOTHING;
INSERT INTO lot_genealogy (lot_id, consumption_id, material_id, material_lot_number, qty_used)
SELECT l.lot_id, mc.consumption_id, mc.material_id, mc.material_lot_number, mc.actual_qty
FROM production_lots AS l
JOIN material_consumption AS mc USING (work_order_id)
WHERE l.work_order_id = :wo AND mc.uom_code NOT IN ('ROLL', 'M2')
  AND NOT EXISTS (SELECT 1 FROM lot_genealogy AS g WHERE g.lot_id = l.lot_id);
INSERT INTO quality_inspections (inspection_number, work_order_id, lot_id, product_id, factory_id, inspection_type,
                                 inspector_employee_id, sample_size, result, modified_by)
SELECT 'QI-' || lpad(l.work_order_id::text, greatest(7, length(l.work_order_id::text)), '0'), l.work_order_id, l.lot_id,
       l.product_id, l.factory_id, 'final', :insp,
       CASE WHEN l.quantity <= 150 THEN 20 WHEN l.quantity <= 500 THEN 32 ELSE 50 END, 'pending', 'user' || :insp
FROM production_lots AS l
WHERE l.work_order_id = :wo
ON CONFLICT (inspection_number) DO NOTHING;
COMMIT;
