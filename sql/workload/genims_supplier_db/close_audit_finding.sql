-- The supplier's corrective action closes the oldest open audit finding.
BEGIN;
UPDATE supplier_audit_findings
SET status = 'closed', closed_at = now(), updated_at = now(), modified_by = 'supplier_quality'
WHERE finding_id = (SELECT min(finding_id) FROM supplier_audit_findings WHERE status IN ('open', 'action_submitted'));
COMMIT;
