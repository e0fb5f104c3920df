-- An operator reports good and scrapped quantity on the least recently reported operation in
-- progress; the time since the last report is booked as labour; scrap is recorded as a defect.
\set qty random(5, 60)
\set s random(-12, 3)
\set code random(1, 24)
SELECT coalesce(max(wo_operation_id), 0) AS woop, coalesce(max(work_order_id), 0) AS wo
FROM (SELECT wo_operation_id, work_order_id FROM work_order_operations WHERE status = 'in_progress'
      ORDER BY updated_at, wo_operation_id LIMIT 1) AS x \gset
BEGIN;
INSERT INTO labor_transactions (work_order_id, wo_operation_id, employee_id, labor_type, clock_in, clock_out, hours,
                                labor_rate, labor_cost, modified_by)
SELECT o.work_order_id, o.wo_operation_id, o.operator_employee_id, 'run', o.updated_at, now(), h.hours,
       wc.labor_rate_per_hour, round(h.hours * wc.labor_rate_per_hour, 2), 'user' || o.operator_employee_id
FROM work_order_operations AS o
JOIN work_centers AS wc ON wc.work_center_id = o.work_center_id
CROSS JOIN LATERAL (SELECT round((extract(epoch FROM now() - o.updated_at) / 3600)::numeric, 3) AS hours) AS h
WHERE o.wo_operation_id = :woop AND o.operator_employee_id IS NOT NULL;
UPDATE work_order_operations
SET completed_qty = completed_qty + :qty - greatest(:s, 0), scrapped_qty = scrapped_qty + greatest(:s, 0),
    actual_run_minutes = coalesce(actual_run_minutes, 0) + round((extract(epoch FROM now() - updated_at) / 60)::numeric, 2),
    updated_at = now(), modified_by = 'user' || coalesce(operator_employee_id, 0)
WHERE wo_operation_id = :woop;
UPDATE work_orders
SET scrapped_qty = scrapped_qty + greatest(:s, 0), updated_at = now()
WHERE work_order_id = :wo AND :s > 0;
INSERT INTO defects (work_order_id, wo_operation_id, defect_code_id, product_id, factory_id, machine_id, qty, severity,
                     disposition, cost_of_defect, detected_at, detected_by, status, modified_by)
SELECT o.work_order_id, o.wo_operation_id, dc.defect_code_id, w.product_id, w.factory_id, o.machine_id, :s,
       dc.default_severity, 'scrap', round(:s * w.unit_standard_cost * 0.5, 2), now(), o.operator_employee_id, 'open',
       'user' || coalesce(o.operator_employee_id, 0)
FROM work_order_operations AS o
JOIN work_orders AS w USING (work_order_id)
JOIN defect_codes AS dc ON dc.defect_code_id = :code
WHERE o.wo_operation_id = :woop AND :s > 0;
COMMIT;
