-- The oldest resolved ticket is closed after the customer confirms; some customers get a
-- satisfaction survey.
\set csat random(1, 9)
\set send random(1, 100)
BEGIN;
WITH u AS (
  UPDATE service_tickets
  SET status = 'closed', closed_at = now(),
      customer_satisfaction = CASE WHEN :send <= 55 THEN (ARRAY[5, 5, 5, 4, 4, 4, 3, 2, 1])[:csat] END,
      updated_at = now(), modified_by = 'portal'
  WHERE ticket_id = (SELECT min(ticket_id) FROM service_tickets WHERE status = 'resolved')
    AND status = 'resolved'
  RETURNING ticket_id, customer_id
), hist AS (
  INSERT INTO ticket_status_history (ticket_id, from_status, to_status, changed_at,
                                     created_at, updated_at, modified_by)
  SELECT ticket_id, 'resolved', 'closed', now(), now(), now(), 'portal' FROM u
)
INSERT INTO customer_surveys (ticket_id, customer_id, sent_at, created_at, updated_at, modified_by)
SELECT ticket_id, customer_id, now(), now(), now(), 'survey_tool' FROM u WHERE :send <= 45;
COMMIT;
