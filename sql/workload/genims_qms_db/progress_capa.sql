-- The CAPA owner reports progress on the oldest open action; verified ones are closed.
\set e random(1, 100)
\set ver 20 * random(0, (:n_employees - 1) / 20) + 1
BEGIN;
SELECT coalesce(min(capa_id), 0) AS caid FROM corrective_actions WHERE status IN ('open', 'in_progress', 'implemented') \gset
UPDATE corrective_actions
SET status = CASE status WHEN 'open' THEN 'in_progress' WHEN 'in_progress' THEN 'implemented' ELSE 'closed' END,
  root_cause_method = coalesce(root_cause_method, '5_why'),
  root_cause = coalesce(root_cause, 'Tool wear not detected: tool-life limit set too high.'),
  implemented_at = CASE WHEN status = 'in_progress' THEN now() ELSE implemented_at END,
  closed_at = CASE WHEN status = 'implemented' THEN now() END,
  effectiveness = CASE WHEN status = 'implemented' THEN
    CASE WHEN :e <= 75 THEN 'effective' WHEN :e <= 93 THEN 'partially_effective' ELSE 'not_effective' END
    ELSE effectiveness END,
  verified_by_employee_id = CASE WHEN status = 'implemented' THEN :ver ELSE verified_by_employee_id END,
  updated_at = now(), modified_by = 'user' || owner_employee_id
WHERE capa_id = :caid AND status IN ('open', 'in_progress', 'implemented');
COMMIT;
