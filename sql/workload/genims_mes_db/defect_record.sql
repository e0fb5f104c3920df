-- A line-side check finds defective parts on an operation in progress.
\set qty random(1, 6)
\set code random(1, 24)
\set disp random(1, 10)
\set pick random(0, 1000)
SELECT coalesce(max(wo_operation_id), 0) AS woop
FROM (SELECT wo_operation_id FROM work_order_operations WHERE status = 'in_progress'
      ORDER BY (wo_operation_id * 7919 + :pick) % 1009, wo_operation_id LIMIT 1) AS x \gset
BEGIN;
INSERT INTO defects (work_order_id, wo_operation_id, defect_code_id, product_id, factory_id, machine_id, qty, severity,
                     disposition, cost_of_defect, detected_at, detected_by, status, image_sha256, modified_by)
SELECT o.work_order_id, o.wo_operation_id, dc.defect_code_id, w.product_id, w.factory_id, o.machine_id, :qty,
       dc.default_severity,
       CASE WHEN :disp <= 7 THEN 'scrap' WHEN :disp <= 9 THEN 'rework' ELSE 'use_as_is' END,
       round(:qty * w.unit_standard_cost * CASE WHEN :disp <= 7 THEN 0.6 WHEN :disp <= 9 THEN 0.15 ELSE 0 END, 2),
       now(), o.operator_employee_id, 'open',
       sha256(convert_to('IMG-' || o.wo_operation_id || '-' || :pick, 'UTF8')),
       'user' || coalesce(o.operator_employee_id, 0)
FROM work_order_operations AS o
JOIN work_orders AS w USING (work_order_id)
JOIN defect_codes AS dc ON dc.defect_code_id = :code
WHERE o.wo_operation_id = :woop;
UPDATE work_order_operations
SET scrapped_qty = scrapped_qty + :qty, updated_at = now()
WHERE wo_operation_id = :woop AND :disp <= 7;
COMMIT;
