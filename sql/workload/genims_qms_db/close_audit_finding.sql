-- An auditee closes the oldest open audit finding.
BEGIN;
UPDATE audit_findings
SET status = 'closed', closed_at = now(), updated_at = now(), modified_by = 'quality_manager'
WHERE finding_id = (SELECT min(finding_id) FROM audit_findings WHERE status IN ('open', 'in_progress'));
COMMIT;
