-- The service desk takes one of the oldest open tickets: a technician is assigned and the
-- customer gets the first response (response SLA checked).
\set off random(0, 3)
\set k random(0, (:n_employees - 2) / 20)
BEGIN;
SELECT coalesce((SELECT ticket_id FROM service_tickets WHERE status = 'open'
                 ORDER BY ticket_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS t \gset
WITH u AS (
  UPDATE service_tickets
  SET status = 'assigned', technician_id = 20 * :k + 2,
      -- generated history runs to the end of end_date, which may still be ahead of the clock
      first_response_at = greatest(now(), opened_at),
      response_breached = greatest(now(), opened_at) > sla_response_due, updated_at = now(),
      modified_by = 'user' || (20 * :k + 2)
  WHERE ticket_id = :t AND status = 'open'
  RETURNING ticket_id, ticket_number, technician_id, modified_by
), hist AS (
  INSERT INTO ticket_status_history (ticket_id, from_status, to_status, changed_at,
                                     created_at, updated_at, modified_by)
  SELECT ticket_id, 'open', 'assigned', now(), now(), now(), modified_by FROM u
)
INSERT INTO ticket_comments (ticket_id, author_type, author_employee_id, body, created_at,
                             updated_at, modified_by)
SELECT ticket_id, 'agent', technician_id,
       'Ticket ' || ticket_number || ' received. Technician ' || technician_id
         || ' is assigned and will contact you.', now(), now(), modified_by
FROM u;
COMMIT;
