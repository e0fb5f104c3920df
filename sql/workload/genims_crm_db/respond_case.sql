-- The case owner answers one of the oldest new cases (first response, SLA checked).
\set off random(0, 2)
BEGIN;
SELECT coalesce((SELECT case_id FROM cases WHERE status = 'new'
                 ORDER BY case_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS cs \gset
UPDATE cases
SET status = 'open', first_response_at = greatest(now(), opened_at),
    sla_breached = sla_breached OR greatest(now(), opened_at) > first_response_due_at,
    updated_at = now(), modified_by = 'user' || owner_employee_id
WHERE case_id = :cs AND status = 'new';
INSERT INTO case_comments (case_id, author_type, author_employee_id, body, is_public,
                           created_at, updated_at, modified_by)
SELECT case_id, 'agent', owner_employee_id,
       'Thank you for contacting us. We have logged case ' || case_number
         || ' and are looking into it.', true, now(), now(), 'user' || owner_employee_id
FROM cases WHERE case_id = :cs;
COMMIT;
