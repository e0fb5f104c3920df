-- The technician finishes a running job: books labor, issues parts from the factory's store,
-- ticks off the checklist, costs and completes the work order, writes the asset history and
-- releases the asset. One job in ten instead waits for a part: on hold plus a requisition.
\set off random(0, 3)
\set minutes random(20, 480)
\set nparts random(0, 2)
\set qty random(1, 3)
\set salt random(1, 96)
\set hold random(1, 10)
BEGIN;
SELECT coalesce((SELECT work_order_id FROM maintenance_work_orders
                 WHERE status IN ('in_progress', 'on_hold')
                 ORDER BY work_order_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS wo \gset
\if :wo > 0
\if :hold = 1
UPDATE maintenance_work_orders
SET status = 'on_hold', updated_at = now(), modified_by = 'user' || technician_id
WHERE work_order_id = :wo AND status = 'in_progress';
INSERT INTO part_requisitions (requisition_id, requisition_number, part_id, stock_id,
  work_order_id, factory_id, warehouse_id, supplier_id, quantity, estimated_unit_cost,
  estimated_total, needed_by, status, requested_by, requested_at, notes,
  created_at, updated_at, modified_by)
SELECT s.n, 'PRQ-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), x.part_id, x.stock_id, :wo, x.factory_id,
       x.warehouse_id, x.preferred_supplier_id, :qty, x.unit_cost, round(:qty * x.unit_cost, 2),
       current_date + x.lead_time_days, 'submitted', x.technician_id, now(),
       'Job ' || x.wo_number || ' on hold waiting for this part.', now(), now(),
       'user' || x.technician_id
FROM (SELECT sp.part_id, st.stock_id, st.factory_id, st.warehouse_id, sp.preferred_supplier_id,
             sp.unit_cost, sp.lead_time_days, w.technician_id, w.wo_number
      FROM maintenance_work_orders w
      JOIN assets a ON a.asset_id = w.asset_id
      JOIN spare_parts sp ON sp.compatible_asset_type_id = a.asset_type_id
      JOIN spare_part_stock st ON st.part_id = sp.part_id AND st.factory_id = w.factory_id
      WHERE w.work_order_id = :wo
      ORDER BY (sp.part_id * :salt) % 97, sp.part_id
      LIMIT 1) x
CROSS JOIN LATERAL (
  SELECT nextval(pg_get_serial_sequence('part_requisitions', 'requisition_id')) AS n
) s;
\else
INSERT INTO maintenance_labor (work_order_id, technician_id, work_date, started_at, ended_at,
                               hours, hourly_rate, labor_cost, is_overtime,
                               created_at, updated_at, modified_by)
SELECT work_order_id, technician_id, current_date, now() - :minutes * interval '1 minute', now(),
       round(:minutes / 60.0, 3), 38 + technician_id % 17 + 0.25 * (technician_id % 4),
       round(:minutes / 60.0 * (38 + technician_id % 17 + 0.25 * (technician_id % 4)), 2),
       false, now(), now(), 'user' || technician_id
FROM maintenance_work_orders
WHERE work_order_id = :wo AND technician_id IS NOT NULL;
INSERT INTO spare_part_usage (work_order_id, part_id, stock_id, quantity, unit_cost, total_cost,
                              issued_at, issued_by, created_at, updated_at, modified_by)
SELECT w.work_order_id, sp.part_id, st.stock_id, :qty, sp.unit_cost,
       round(:qty * sp.unit_cost, 2), now(), w.technician_id, now(), now(),
       'user' || w.technician_id
FROM maintenance_work_orders w
JOIN assets a ON a.asset_id = w.asset_id
JOIN spare_parts sp ON sp.compatible_asset_type_id = a.asset_type_id AND sp.status = 'active'
JOIN spare_part_stock st ON st.part_id = sp.part_id AND st.factory_id = w.factory_id
WHERE w.work_order_id = :wo
ORDER BY (sp.part_id * :salt) % 97, sp.part_id
LIMIT :nparts;
UPDATE spare_part_stock st
SET qty_on_hand = greatest(st.qty_on_hand - u.quantity, 0), last_issued_at = now(),
    updated_at = now(), modified_by = u.modified_by
FROM spare_part_usage u
WHERE u.work_order_id = :wo AND u.created_at = now() AND st.stock_id = u.stock_id;
UPDATE maintenance_wo_tasks t
SET status = 'done', actual_minutes = t.estimated_minutes, completed_at = now(),
    completed_by = w.technician_id, updated_at = now(), modified_by = 'user' || w.technician_id
FROM maintenance_work_orders w
WHERE t.work_order_id = :wo AND w.work_order_id = t.work_order_id AND t.status = 'pending';
UPDATE maintenance_work_orders w
SET status = 'completed', completed_at = greatest(now(), w.started_at),
    labor_hours = l.hours, labor_cost = l.cost, parts_cost = u.cost,
    downtime_minutes = CASE
      WHEN w.wo_type IN ('corrective', 'emergency')
        THEN :minutes + greatest((extract(epoch FROM now() - w.reported_at) / 60)::int, 0)
      WHEN w.wo_type = 'predictive' OR w.safety_permit_required THEN :minutes
      ELSE 0 END,
    resolution_notes = CASE WHEN w.wo_type = 'preventive' THEN 'All checklist items done, no findings.'
                            ELSE 'Replaced faulty component and tested under load.' END,
    root_cause = CASE WHEN w.wo_type <> 'preventive' THEN 'wear beyond service life' END,
    updated_at = now(), modified_by = 'user' || w.technician_id
FROM (SELECT coalesce(sum(hours), 0) AS hours, coalesce(sum(labor_cost), 0) AS cost
      FROM maintenance_labor WHERE work_order_id = :wo) l,
     (SELECT coalesce(sum(total_cost), 0) AS cost FROM spare_part_usage WHERE work_order_id = :wo) u
WHERE w.work_order_id = :wo;
INSERT INTO maintenance_history (asset_id, work_order_id, failure_code_id, event_type, event_at,
                                 summary, downtime_minutes, total_cost, meter_value, performed_by,
                                 details, created_at, updated_at, modified_by)
SELECT w.asset_id, w.work_order_id, w.failure_code_id,
       CASE w.wo_type WHEN 'preventive' THEN 'pm_completed' WHEN 'predictive' THEN 'condition_repair'
                      ELSE 'repair' END,
       now(), w.wo_number || ': ' || w.title, w.downtime_minutes,
       w.labor_cost + w.parts_cost + w.external_cost, a.running_hours, w.technician_id,
       jsonb_build_object('wo_type', w.wo_type, 'labor_hours', w.labor_hours),
       now(), now(), 'user' || w.technician_id
FROM maintenance_work_orders w
JOIN assets a ON a.asset_id = w.asset_id
WHERE w.work_order_id = :wo AND w.status = 'completed';
UPDATE maintenance_plans p
SET last_performed_at = now(), updated_at = now(), modified_by = w.modified_by
FROM maintenance_work_orders w
WHERE w.work_order_id = :wo AND p.plan_id = w.plan_id;
UPDATE assets a
SET status = 'operational', updated_at = now(), modified_by = w.modified_by
FROM maintenance_work_orders w
WHERE w.work_order_id = :wo AND a.asset_id = w.asset_id
  AND a.status IN ('down', 'under_maintenance')
  AND NOT EXISTS (SELECT 1 FROM maintenance_work_orders o
                  WHERE o.asset_id = w.asset_id AND o.status IN ('in_progress', 'on_hold'));
\endif
\endif
COMMIT;
