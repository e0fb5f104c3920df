-- An NCR raised by mistake (no hold, no CAPA yet) is deleted.
BEGIN;
DELETE FROM non_conformances n
WHERE n.ncr_id = (SELECT max(ncr_id) FROM non_conformances WHERE status = 'open')
  AND n.status = 'open'
  AND NOT EXISTS (SELECT 1 FROM quality_holds h WHERE h.ncr_id = n.ncr_id)
  AND NOT EXISTS (SELECT 1 FROM corrective_actions c WHERE c.ncr_id = n.ncr_id);
COMMIT;
