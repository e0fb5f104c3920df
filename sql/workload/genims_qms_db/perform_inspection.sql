-- The inspector works the oldest open lot: one result per characteristic, defects by code,
-- and on failure an NCR with the lot on hold.
\set u random(1, 100)
\set z random(-90, 90)
\set code random(1, 29)
BEGIN;
SELECT coalesce((SELECT inspection_id FROM inspections WHERE status IN ('planned', 'in_progress')
                 ORDER BY inspection_id LIMIT 1 FOR UPDATE SKIP LOCKED), 0) AS iid \gset
INSERT INTO inspection_results (inspection_id, characteristic_id, sample_no, measured_value, attribute_ok, lsl, usl,
  pass, gauge_id, measured_at, created_at, updated_at, modified_by)
SELECT i.inspection_id, c.characteristic_id, 1,
  CASE WHEN c.char_type = 'variable' THEN
    CASE WHEN :u > 93 AND c.seq = 1 THEN c.usl + (c.usl - c.lsl) / 10
         ELSE round((c.lsl + c.usl) / 2 + (c.usl - c.lsl) / 2 * :z / 100.0 * (4 - c.seq) / 3, 4) END END,
  CASE WHEN c.char_type = 'attribute' THEN true END, c.lsl, c.usl,
  NOT (:u > 93 AND c.seq = 1),
  CASE WHEN c.char_type = 'variable' THEN (i.factory_id - 1) * 40 + (:code % 40) + 1 END,
  now(), now(), now(), 'user' || i.inspector_employee_id
FROM inspections i
JOIN inspection_characteristics c ON c.plan_id = i.plan_id
WHERE i.inspection_id = :iid;
INSERT INTO inspection_defects (inspection_id, defect_code_id, quantity, severity, location_note, created_at,
  updated_at, modified_by)
SELECT :iid, :code, CASE WHEN :u > 93 THEN :u - 90 ELSE 1 END, CASE WHEN :u > 93 THEN 'major' ELSE 'minor' END,
  'edge', now(), now(), 'user' || inspector_employee_id
FROM inspections WHERE inspection_id = :iid AND :u > 80;
UPDATE inspections
SET status = 'completed',
  defects_found = CASE WHEN :u > 93 THEN :u - 90 WHEN :u > 80 THEN 1 ELSE 0 END,
  defective_units = CASE WHEN :u > 93 THEN :u - 91 WHEN :u > 80 THEN 1 ELSE 0 END,
  result = CASE WHEN :u > 93 THEN 'fail' WHEN :u > 88 THEN 'conditional' ELSE 'pass' END,
  disposition = CASE WHEN :u > 93 THEN CASE WHEN item_type = 'material' THEN 'reject' ELSE 'rework' END
                     WHEN :u > 88 THEN 'use_as_is' ELSE 'accept' END,
  completed_at = now(), notes = CASE WHEN :u > 93 THEN 'Lot quarantined, NCR raised.' END,
  updated_at = now(), modified_by = 'user' || inspector_employee_id
WHERE inspection_id = :iid AND status IN ('planned', 'in_progress');
SELECT nextval(pg_get_serial_sequence('non_conformances', 'ncr_id')) AS nid \gset
INSERT INTO non_conformances (ncr_id, ncr_number, source, inspection_id, item_type, product_id, material_id, supplier_id,
  factory_id, lot_number, defect_code_id, severity, qty_affected, cost_of_poor_quality, status, description,
  raised_by_employee_id, opened_at, created_at, updated_at, modified_by)
SELECT :nid, 'NCR-' || to_char(now(), 'YYYY') || '-' || lpad(':nid', 6, '0'), inspection_type, inspection_id, item_type,
  product_id, material_id, supplier_id, factory_id, lot_number, :code, CASE WHEN :u = 100 THEN 'critical' ELSE 'major' END,
  greatest(defects_found, round(lot_size * defective_units / sample_size)), 150, 'open',
  'Inspection ' || inspection_number || ' of lot ' || lot_number || ' failed: ' || defects_found || ' defects.',
  inspector_employee_id, now(), now(), now(), 'user' || inspector_employee_id
FROM inspections WHERE inspection_id = :iid AND result = 'fail' AND :u > 93;
INSERT INTO quality_holds (hold_number, ncr_id, item_type, product_id, material_id, lot_number, factory_id, warehouse_id,
  qty_on_hold, reason, placed_at, placed_by_employee_id, status, created_at, updated_at, modified_by)
SELECT 'QH-' || to_char(now(), 'YYYY') || '-N' || lpad(':nid', 6, '0'), ncr_id, item_type, product_id, material_id,
  lot_number, factory_id, (factory_id - 1) * 2 + CASE WHEN item_type = 'material' THEN 1 ELSE 2 END,
  greatest(qty_affected, 1), 'Quarantine pending ' || ncr_number, now(), raised_by_employee_id, 'active', now(), now(),
  modified_by
FROM non_conformances WHERE ncr_id = :nid AND :u % 3 > 0;
COMMIT;
