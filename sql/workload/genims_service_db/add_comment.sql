-- Messages on an open ticket: the customer writes (a ticket waiting for the customer resumes) or
-- the technician adds a note; now and then an internal note posted by mistake is deleted.
\set roll random(1, 10)
\set frac random(0, 999)
BEGIN;
SELECT coalesce((SELECT min(ticket_id) FROM service_tickets
                 WHERE status IN ('assigned', 'in_progress', 'waiting_customer', 'waiting_parts')
                   AND ticket_id >= (SELECT max(ticket_id) FROM service_tickets) * :frac / 1000), 0) AS t \gset
INSERT INTO ticket_comments (ticket_id, author_type, author_employee_id, body, is_internal,
                             created_at, updated_at, modified_by)
SELECT ticket_id, CASE WHEN :roll <= 5 THEN 'customer' ELSE 'technician' END,
       CASE WHEN :roll > 5 THEN technician_id END,
       CASE WHEN :roll <= 5 THEN 'Here are the photos and the lot number you asked for.'
            WHEN :roll <= 8 THEN 'Spare part ordered from central stock, ETA two days.'
            ELSE 'Internal: customer site requires safety induction before access.' END,
       :roll >= 9, now(), now(),
       CASE WHEN :roll <= 5 THEN 'portal' ELSE 'user' || technician_id END
FROM service_tickets WHERE ticket_id = :t;
WITH u AS (
  UPDATE service_tickets
  SET status = 'in_progress', updated_at = now(), modified_by = 'portal'
  WHERE ticket_id = :t AND status = 'waiting_customer' AND :roll <= 5
  RETURNING ticket_id
)
INSERT INTO ticket_status_history (ticket_id, from_status, to_status, changed_at,
                                   created_at, updated_at, modified_by)
SELECT ticket_id, 'waiting_customer', 'in_progress', now(), now(), now(), 'portal' FROM u;
DELETE FROM ticket_comments
WHERE comment_id = (SELECT max(comment_id) FROM ticket_comments WHERE is_internal)
  AND :roll >= 9;
COMMIT;
