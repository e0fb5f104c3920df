-- A supplier answers the oldest pending invitation with a quote for every RFQ line; an
-- invitation to an RFQ that is no longer open is closed without answer.
\set pf random(90, 115)
\set lead random(10, 60)
BEGIN;
SELECT coalesce((SELECT invitation_id FROM rfq_invitations WHERE response_status = 'pending'
                 ORDER BY invitation_id LIMIT 1 FOR UPDATE SKIP LOCKED), 0) AS inv \gset
SELECT nextval(pg_get_serial_sequence('supplier_quotes', 'quote_id')) AS qid \gset
INSERT INTO supplier_quotes (quote_id, quote_number, rfq_id, invitation_id, supplier_id, submitted_at, valid_until,
  status, total_amount, currency, payment_terms_days, incoterms, created_at, updated_at, modified_by)
SELECT :qid, 'Q-' || i.supplier_id || '-' || lpad(':inv', 7, '0'), i.rfq_id, i.invitation_id, i.supplier_id, now(),
  current_date + 60, 'submitted',
  (SELECT coalesce(sum(round(round(coalesce(a.last_price, 10) * :pf / 100, 4) * l.quantity, 2)), 0)
   FROM rfq_lines l
   LEFT JOIN approved_sources a ON a.material_id = l.material_id AND a.supplier_id = i.supplier_id
   WHERE l.rfq_id = i.rfq_id),
  'EUR', spa.payment_terms_days, 'DAP', now(), now(),
  'sup' || lpad(i.supplier_id::text, 5, '0')
FROM rfq_invitations i
JOIN supplier_portal_accounts spa ON spa.supplier_id = i.supplier_id
JOIN rfqs r ON r.rfq_id = i.rfq_id
WHERE i.invitation_id = :inv AND i.response_status = 'pending' AND r.status = 'issued';
INSERT INTO supplier_quote_lines (quote_id, rfq_line_id, material_id, quantity, unit_price, line_amount,
  lead_time_days, min_order_qty, created_at, updated_at, modified_by)
SELECT q.quote_id, l.rfq_line_id, l.material_id, l.quantity, p.price, round(p.price * l.quantity, 2),
  coalesce(a.lead_time_days, :lead), a.min_order_qty, now(), now(), q.modified_by
FROM supplier_quotes q
JOIN rfq_lines l ON l.rfq_id = q.rfq_id
LEFT JOIN approved_sources a ON a.material_id = l.material_id AND a.supplier_id = q.supplier_id
CROSS JOIN LATERAL (SELECT round(coalesce(a.last_price, 10) * :pf / 100, 4) AS price) p
WHERE q.quote_id = :qid;
UPDATE rfq_invitations
SET response_status = CASE WHEN EXISTS (SELECT 1 FROM supplier_quotes WHERE quote_id = :qid) THEN 'quoted' ELSE 'no_response' END,
  viewed_at = coalesce(viewed_at, now()), updated_at = now(),
  modified_by = 'sup' || lpad(supplier_id::text, 5, '0')
WHERE invitation_id = :inv;
COMMIT;
