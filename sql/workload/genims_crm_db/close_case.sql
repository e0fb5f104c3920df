-- Resolved cases the customer confirmed are closed with a satisfaction score.
\set csat random(1, 9)
BEGIN;
UPDATE cases
SET status = 'closed', closed_at = now(),
    satisfaction_score = (ARRAY[5, 5, 5, 4, 4, 4, 3, 2, 1])[:csat],
    updated_at = now(), modified_by = 'portal'
WHERE case_id IN (SELECT case_id FROM cases WHERE status = 'resolved' ORDER BY case_id LIMIT 2);
COMMIT;
