-- A planned inspection is dropped because the lot was withdrawn.
BEGIN;
DELETE FROM inspections i
WHERE i.inspection_id = (SELECT max(inspection_id) FROM inspections WHERE status = 'planned')
  AND i.status = 'planned'
  AND NOT EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.inspection_id);
COMMIT;
