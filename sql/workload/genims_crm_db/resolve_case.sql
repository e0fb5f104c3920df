-- Work on an open case: most get resolved, some are escalated, some wait for the customer.
\set off random(0, 3)
\set roll random(1, 10)
BEGIN;
SELECT coalesce((SELECT case_id FROM cases WHERE status IN ('open', 'pending_customer', 'escalated')
                 ORDER BY case_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS cs \gset
UPDATE cases
SET status = CASE WHEN :roll = 1 THEN 'escalated' WHEN :roll = 2 THEN 'pending_customer'
                  ELSE 'resolved' END,
    escalation_level = CASE WHEN :roll = 1 THEN least(escalation_level + 1, 3) ELSE escalation_level END,
    resolved_at = CASE WHEN :roll > 2 THEN now() END,
    sla_breached = sla_breached OR (:roll > 2 AND now() > sla_due_at),
    resolution = CASE WHEN :roll > 2 THEN
                   (ARRAY['Credit note issued for the price difference.',
                          'Expedited replacement shipment.', 'Lot replaced; 8D report sent.',
                          'Specification clarified by application engineering.',
                          'Certificate sent by e-mail.', 'Answered by account manager.'])
                   [array_position(ARRAY['billing', 'delivery', 'quality', 'technical',
                                         'documentation', 'other'], category)] END,
    updated_at = now(), modified_by = 'user' || owner_employee_id
WHERE case_id = :cs;
INSERT INTO case_comments (case_id, author_type, author_employee_id, body, is_public,
                           created_at, updated_at, modified_by)
SELECT case_id, 'agent', owner_employee_id,
       CASE status WHEN 'escalated' THEN 'Internal note: escalated to quality engineering.'
                   WHEN 'pending_customer' THEN 'Could you send photos and the lot number?'
                   ELSE coalesce(resolution, 'Resolved.') END,
       status <> 'escalated', now(), now(), 'user' || owner_employee_id
FROM cases WHERE case_id = :cs;
COMMIT;
