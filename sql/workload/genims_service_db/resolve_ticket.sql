-- A ticket without a pending visit is resolved (resolution SLA checked); a repair under warranty
-- opens a draft warranty claim at cost.
\set off random(0, 3)
\set rc random(1, 4)
\set fc random(1, 24)
BEGIN;
SELECT coalesce((SELECT ticket_id FROM service_tickets t
                 WHERE status IN ('assigned', 'in_progress', 'waiting_customer', 'waiting_parts')
                   AND NOT EXISTS (SELECT 1 FROM field_service_visits v
                                   WHERE v.ticket_id = t.ticket_id
                                     AND v.status IN ('scheduled', 'en_route', 'on_site'))
                 ORDER BY ticket_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS t \gset
WITH cur AS (
  SELECT ticket_id, status AS old,
         EXISTS (SELECT 1 FROM field_service_visits v
                 WHERE v.ticket_id = t.ticket_id AND v.status = 'completed') AS visited
  -- the pick above holds the row lock, so this statement sees the current status
  FROM service_tickets t WHERE ticket_id = :t
), u AS (
  UPDATE service_tickets t
  SET status = 'resolved', resolved_at = greatest(now(), t.opened_at),
      resolution_breached = greatest(now(), t.opened_at) > t.sla_resolution_due,
      resolution_code = CASE WHEN c.visited THEN (ARRAY['repaired', 'repaired', 'replaced', 'replaced'])[:rc]
                             ELSE (ARRAY['remote_fix', 'advice', 'no_fault_found', 'rma'])[:rc] END,
      updated_at = now(), modified_by = 'user' || t.technician_id
  FROM cur c
  WHERE t.ticket_id = c.ticket_id
  RETURNING t.ticket_id, c.old, t.technician_id, t.warranty_id, t.customer_id, t.product_id,
            t.serial_number, t.opened_at, t.resolution_code, t.modified_by
), hist AS (
  INSERT INTO ticket_status_history (ticket_id, from_status, to_status, changed_at,
                                     created_at, updated_at, modified_by)
  SELECT ticket_id, old, 'resolved', now(), now(), now(), modified_by FROM u
), comment AS (
  INSERT INTO ticket_comments (ticket_id, author_type, author_employee_id, body, created_at,
                               updated_at, modified_by)
  SELECT ticket_id, 'technician', technician_id, 'Resolved: ' || replace(resolution_code, '_', ' ') || '.',
         now(), now(), modified_by
  FROM u
)
INSERT INTO warranty_claims (claim_id, claim_number, warranty_id, ticket_id, customer_id,
                             product_id, serial_number, failure_code_id, failure_date,
                             labor_amount, parts_amount, claim_amount, status, description,
                             created_at, updated_at, modified_by)
SELECT s.n, 'WC-' || to_char(now(), 'YYYY') || '-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), u.warranty_id,
       u.ticket_id, u.customer_id, u.product_id, u.serial_number, :fc, u.opened_at::date,
       c.labor, c.parts, c.labor + c.parts, 'draft', 'Warranty repair on ' || u.serial_number || '.',
       now(), now(), 'warranty_desk'
FROM u
CROSS JOIN LATERAL (
  SELECT coalesce(sum(labor_cost), 150) AS labor, coalesce(sum(parts_cost), 80) AS parts
  FROM field_service_visits v WHERE v.ticket_id = u.ticket_id
) c
CROSS JOIN LATERAL (SELECT nextval(pg_get_serial_sequence('warranty_claims', 'claim_id')) AS n) s
WHERE u.warranty_id IS NOT NULL AND u.resolution_code IN ('repaired', 'replaced', 'rma');
COMMIT;
