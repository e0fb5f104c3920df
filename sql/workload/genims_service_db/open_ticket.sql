-- A customer reports a problem with an installed product. Coverage (contract, warranty) and the
-- SLA due times are fixed when the ticket is opened.
\set ip random(1, 3 * :n_customers)
\set pr random(1, 10)
\set cat random(1, 6)
\set ch random(1, 6)
BEGIN;
WITH ins AS (
  INSERT INTO service_tickets (ticket_id, ticket_number, customer_id, product_id,
    installed_product_id, serial_number, contract_id, warranty_id, priority, channel, category,
    subject, description, status, opened_at, sla_response_due, sla_resolution_due,
    created_at, updated_at, modified_by)
  SELECT s.n, 'TKT-' || to_char(now(), 'YYYY') || '-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'),
         ip.customer_id, ip.product_id, ip.installed_product_id, ip.serial_number,
         sc.contract_id, w.warranty_id, x.prio,
         (ARRAY['phone', 'email', 'web', 'portal', 'field', 'chat'])[:ch], x.cat,
         initcap(replace(x.cat, '_', ' ')) || ' - ' || ip.serial_number,
         (ARRAY['The unit stopped and does not restart.',
                'The unit trips a few times per shift.',
                'Please support the relocation of the unit.',
                'Annual inspection due; please schedule a technician.',
                'How do we change the operating parameters?',
                'Response to our last request was too slow.'])[:cat],
         'open', now(), now() + h.resp_h * interval '1 hour', now() + h.res_h * interval '1 hour',
         now(), now(), 'portal'
  FROM installed_products ip
  CROSS JOIN LATERAL (
    SELECT CASE WHEN :pr <= 2 THEN 'low' WHEN :pr <= 6 THEN 'medium' WHEN :pr <= 9 THEN 'high'
                ELSE 'critical' END AS prio,
           (ARRAY['breakdown', 'malfunction', 'installation', 'maintenance_request', 'question',
                  'complaint'])[:cat] AS cat
  ) x
  LEFT JOIN service_contracts sc ON sc.contract_id = ip.contract_id AND sc.status = 'active'
                                AND current_date BETWEEN sc.start_date AND sc.end_date
  LEFT JOIN LATERAL (
    SELECT w.warranty_id FROM warranties w
    WHERE w.installed_product_id = ip.installed_product_id AND w.status = 'active'
      AND current_date BETWEEN w.start_date AND w.end_date
    ORDER BY w.warranty_id LIMIT 1
  ) w ON true
  CROSS JOIN LATERAL (
    SELECT coalesce(sc.response_hours, CASE x.prio WHEN 'low' THEN 24 WHEN 'medium' THEN 8
                                                   WHEN 'high' THEN 4 ELSE 2 END) AS resp_h,
           coalesce(sc.resolution_hours, CASE x.prio WHEN 'low' THEN 120 WHEN 'medium' THEN 72
                                                     WHEN 'high' THEN 48 ELSE 24 END) AS res_h
  ) h
  CROSS JOIN LATERAL (
    SELECT nextval(pg_get_serial_sequence('service_tickets', 'ticket_id')) AS n
  ) s
  WHERE ip.installed_product_id = :ip
  RETURNING ticket_id, description
), comment AS (
  INSERT INTO ticket_comments (ticket_id, author_type, body, created_at, updated_at, modified_by)
  SELECT ticket_id, 'customer', description, now(), now(), 'portal' FROM ins
)
INSERT INTO ticket_status_history (ticket_id, from_status, to_status, changed_at,
                                   created_at, updated_at, modified_by)
SELECT ticket_id, NULL, 'open', now(), now(), now(), 'portal' FROM ins;
COMMIT;
