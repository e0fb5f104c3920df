-- Quality engineering opens a CAPA for the newest major or critical NCR that has none.
\set owner 20 * random(0, (:n_employees - 3) / 20) + 3
\set days random(30, 60)
BEGIN;
SELECT nextval(pg_get_serial_sequence('corrective_actions', 'capa_id')) AS caid \gset
INSERT INTO corrective_actions (capa_id, capa_number, ncr_id, action_type, action_plan, owner_employee_id, opened_at,
  due_date, status, created_at, updated_at, modified_by)
SELECT :caid, 'CAPA-' || to_char(now(), 'YYYY') || '-' || lpad(':caid', 6, '0'), n.ncr_id, 'corrective',
  'Contain affected lots, run 8D with the line team, update control plan and PFMEA.', :owner, now(),
  current_date + :days, 'open', now(), now(), 'user' || :owner
FROM non_conformances n
WHERE n.ncr_id = (SELECT max(n2.ncr_id) FROM non_conformances n2
                  WHERE n2.severity IN ('major', 'critical') AND n2.status <> 'cancelled'
                    AND NOT EXISTS (SELECT 1 FROM corrective_actions c WHERE c.ncr_id = n2.ncr_id))
-- Keeps a concurrent void of this NCR from slipping in between this read and the insert.
FOR KEY SHARE OF n;
COMMIT;
