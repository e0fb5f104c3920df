-- A lot arrives at an inspection point: an incoming lot from the first source of a
-- material, or a finished lot of a product in its own factory.
\set t random(1, 100)
\set m random(1, :n_materials)
\set p random(1, :n_products)
\set lot random(50, 5000)
\set j random(100, 999)
BEGIN;
SELECT nextval(pg_get_serial_sequence('inspections', 'inspection_id')) AS iid \gset
INSERT INTO inspections (inspection_id, inspection_number, plan_id, inspection_type, item_type, product_id, material_id,
  lot_number, factory_id, line_id, work_order_number, po_number, supplier_id, inspector_employee_id, lot_size,
  sample_size, status, inspected_at, created_at, updated_at, modified_by)
SELECT :iid, 'INSP-' || to_char(now(), 'YYYY') || '-' || lpad(':iid', 7, '0'), pl.plan_id, pl.inspection_type,
  pl.item_type, pl.product_id, pl.material_id,
  CASE WHEN pl.item_type = 'material' THEN 'S' || ((:m - 1) % :n_suppliers + 1) || '-' || to_char(now(), 'YYMMDD') || '-:j'
       ELSE 'LOT-' || to_char(now(), 'YYMMDD') || '-' || lpad(':p', 5, '0') || '-' || :j % 10 END,
  f.factory_id,
  CASE WHEN pl.item_type = 'product' THEN (f.factory_id - 1) * 4 + :j % 4 + 1 END,
  CASE WHEN pl.item_type = 'product' THEN 'WO-' || lpad((:iid % 999999)::text, 6, '0') END,
  CASE WHEN pl.item_type = 'material' THEN 'PO-' || to_char(now(), 'YYYY') || '-' || lpad((:iid * 7 % 999999)::text, 6, '0') END,
  CASE WHEN pl.item_type = 'material' THEN (:m - 1) % :n_suppliers + 1 END,
  20 * (:j % ((:n_employees - 1) / 20 + 1)) + 1, :lot,
  CASE WHEN :lot <= 150 THEN 20 WHEN :lot <= 500 THEN 50 WHEN :lot <= 1200 THEN 80 WHEN :lot <= 3200 THEN 125 ELSE 200 END,
  'planned', now(), now(), now(), 'wms_receiving'
FROM inspection_plans pl
CROSS JOIN LATERAL (SELECT CASE WHEN pl.item_type = 'product' THEN (pl.product_id - 1) % :n_factories + 1
                                ELSE :j % :n_factories + 1 END AS factory_id) f
WHERE pl.plan_id = CASE WHEN :t <= 50 THEN 2 * :n_products + :m ELSE :n_products + :p END;
COMMIT;
