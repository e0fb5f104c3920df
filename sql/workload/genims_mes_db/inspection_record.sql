-- The inspector records the oldest pending final inspection; the lot is released or stays in
-- quarantine.
\set d random(-25, 5)
\set m1 random(-20, 20)
SELECT coalesce((SELECT inspection_id FROM quality_inspections WHERE result = 'pending'
                 ORDER BY inspection_id LIMIT 1), 0) AS qi \gset
BEGIN;
UPDATE quality_inspections
SET defects_found = greatest(:d, 0),
    result = CASE WHEN greatest(:d, 0) > CASE WHEN sample_size <= 20 THEN 1 WHEN sample_size <= 32 THEN 2 ELSE 3 END
                  THEN 'fail' ELSE 'pass' END,
    inspected_at = now(),
    measurements = jsonb_build_object('characteristics', jsonb_build_array(
                     jsonb_build_object('name', 'critical_dimension_mm', 'nominal', 25.0, 'lsl', 24.95, 'usl', 25.05,
                                        'mean', 25 + :m1 / 1000.0))),
    notes = CASE WHEN greatest(:d, 0) > 1 THEN greatest(:d, 0) || ' defects in sample of ' || sample_size END,
    updated_at = now(), modified_by = 'user' || coalesce(inspector_employee_id, 0)
WHERE inspection_id = :qi AND result = 'pending';
UPDATE production_lots AS l
SET status = CASE WHEN q.result = 'pass' THEN 'released' ELSE 'quarantine' END,
    attributes = l.attributes || jsonb_build_object('inspection', q.result),
    updated_at = now(), modified_by = q.modified_by
FROM quality_inspections AS q
WHERE q.inspection_id = :qi AND l.lot_id = q.lot_id;
COMMIT;
