-- A conditionally accepted lot is sorted and goes back to inspection: the old results and
-- defects are discarded and the inspection is reopened.
BEGIN;
SELECT coalesce((SELECT inspection_id FROM inspections WHERE status = 'completed' AND result = 'conditional'
                 ORDER BY inspection_id DESC LIMIT 1 FOR UPDATE SKIP LOCKED), 0) AS iid \gset
DELETE FROM inspection_defects WHERE inspection_id = :iid;
DELETE FROM inspection_results WHERE inspection_id = :iid;
UPDATE inspections
SET status = 'in_progress', result = NULL, disposition = NULL, defects_found = 0, defective_units = 0,
  completed_at = NULL, notes = 'Re-inspection after 100% sorting.', updated_at = now(),
  modified_by = 'user' || inspector_employee_id
WHERE inspection_id = :iid;
COMMIT;
