-- The warranty desk moves a claim one step: submit, review, decide (covered failures approved in
-- full or in part, others rejected), pay. A draft for a failure that turns out not covered is
-- voided.
\set roll random(1, 10)
\set off random(0, 3)
BEGIN;
SELECT coalesce((SELECT claim_id FROM warranty_claims
                 WHERE status IN ('draft', 'submitted', 'under_review', 'approved', 'partially_approved')
                 ORDER BY claim_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS c \gset
DELETE FROM warranty_claims wc
USING service_failure_codes fc
WHERE wc.claim_id = :c AND wc.status = 'draft' AND fc.failure_code_id = wc.failure_code_id
  AND NOT fc.covered_by_warranty AND :roll <= 5;
UPDATE warranty_claims wc
SET status = CASE wc.status
               WHEN 'draft' THEN 'submitted'
               WHEN 'submitted' THEN 'under_review'
               WHEN 'under_review' THEN CASE WHEN NOT fc.covered_by_warranty THEN 'rejected'
                                             WHEN :roll <= 3 THEN 'partially_approved'
                                             ELSE 'approved' END
               ELSE 'paid' END,
    submitted_at = coalesce(wc.submitted_at, now()),
    decided_at = CASE WHEN wc.status = 'under_review' THEN now() ELSE wc.decided_at END,
    approved_amount = CASE WHEN wc.status <> 'under_review' THEN wc.approved_amount
                           WHEN NOT fc.covered_by_warranty THEN 0
                           WHEN :roll <= 3 THEN round(wc.claim_amount * 0.7, 2)
                           ELSE wc.claim_amount END,
    rejection_reason = CASE WHEN wc.status = 'under_review' AND NOT fc.covered_by_warranty
                            THEN 'Failure not covered: ' || fc.description
                            ELSE wc.rejection_reason END,
    paid_at = CASE WHEN wc.status IN ('approved', 'partially_approved') THEN now() ELSE wc.paid_at END,
    updated_at = now(), modified_by = 'warranty_desk'
FROM service_failure_codes fc
WHERE wc.claim_id = :c AND fc.failure_code_id = wc.failure_code_id;
COMMIT;
