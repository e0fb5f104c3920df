-- Tickets closed more than two weeks ago move to the long-term archive (data lake): the oldest
-- one is deleted here with its comments, history, survey, visits and charges; claims and
-- returns keep their own record without the link.
BEGIN;
DELETE FROM service_tickets
WHERE ticket_id = (SELECT min(ticket_id) FROM service_tickets
                   WHERE status = 'closed' AND closed_at < now() - interval '14 days');
COMMIT;
