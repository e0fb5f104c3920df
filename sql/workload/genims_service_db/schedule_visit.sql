-- An assigned ticket that needs hands on site gets a visit booked; the ticket goes in progress.
\set off random(0, 3)
\set lead random(1, 24)
BEGIN;
SELECT coalesce((SELECT ticket_id FROM service_tickets
                 WHERE status = 'assigned'
                   AND category IN ('breakdown', 'malfunction', 'installation', 'maintenance_request')
                 ORDER BY ticket_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS t \gset
WITH u AS (
  UPDATE service_tickets
  SET status = 'in_progress', updated_at = now(), modified_by = 'user' || technician_id
  WHERE ticket_id = :t AND status = 'assigned'
  RETURNING ticket_id, technician_id, warranty_id, contract_id, modified_by
), hist AS (
  INSERT INTO ticket_status_history (ticket_id, from_status, to_status, changed_at,
                                     created_at, updated_at, modified_by)
  SELECT ticket_id, 'assigned', 'in_progress', now(), now(), now(), modified_by FROM u
)
INSERT INTO field_service_visits (visit_id, visit_number, ticket_id, technician_id, status,
                                  scheduled_start, scheduled_end, billable,
                                  created_at, updated_at, modified_by)
SELECT s.n, 'FSV-' || lpad(s.n::text, greatest(length(s.n::text), 7), '0'), u.ticket_id, u.technician_id, 'scheduled',
       now() + :lead * interval '1 hour', now() + (:lead + 4) * interval '1 hour',
       u.warranty_id IS NULL AND NOT coalesce(sc.onsite_included, false),
       now(), now(), u.modified_by
FROM u
LEFT JOIN service_contracts sc ON sc.contract_id = u.contract_id
CROSS JOIN LATERAL (
  SELECT nextval(pg_get_serial_sequence('field_service_visits', 'visit_id')) AS n
) s;
COMMIT;
