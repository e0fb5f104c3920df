-- A rep moves an open deal on: next stage, or lost; from negotiation it is won or lost. Reaching
-- proposal sends a quote; winning accepts (e-signs) the latest quote, losing rejects it.
\set frac random(0, 999)
\set roll random(1, 100)
\set h random(1, 2000000000)
\set draft random(1, 10) <= 2
BEGIN;
SELECT coalesce((SELECT opportunity_id FROM opportunities
                 WHERE stage IN ('prospect', 'qualify', 'proposal', 'negotiation')
                   AND opportunity_id >= (SELECT max(opportunity_id) FROM opportunities) * :frac / 1000
                 ORDER BY opportunity_id LIMIT 1 FOR UPDATE), 0) AS opp \gset
WITH cur AS (
  SELECT opportunity_id, stage,
         CASE WHEN :roll <= 18 THEN 'lost'
              WHEN stage = 'prospect' THEN 'qualify'
              WHEN stage = 'qualify' THEN 'proposal'
              WHEN stage = 'proposal' THEN 'negotiation'
              WHEN :roll <= 65 THEN 'won' ELSE 'lost' END AS to_stage
  -- the pick above holds the row lock, so this statement sees the current stage
  FROM opportunities WHERE opportunity_id = :opp
), upd AS (
  UPDATE opportunities o
  SET stage = c.to_stage,
      probability = CASE c.to_stage WHEN 'qualify' THEN 20 WHEN 'proposal' THEN 50
                                    WHEN 'negotiation' THEN 75 WHEN 'won' THEN 100 ELSE 0 END,
      forecast_category = CASE c.to_stage WHEN 'qualify' THEN 'pipeline' WHEN 'proposal' THEN 'best_case'
                                          WHEN 'negotiation' THEN 'commit' WHEN 'won' THEN 'closed'
                                          ELSE 'omitted' END,
      closed_at = CASE WHEN c.to_stage IN ('won', 'lost') THEN now() END,
      lost_reason = CASE WHEN c.to_stage = 'lost'
                         THEN (ARRAY['price', 'lead_time', 'specification', 'no_decision'])[:roll % 4 + 1] END,
      next_step = CASE WHEN c.to_stage IN ('won', 'lost') THEN NULL ELSE 'Send revised quote' END,
      updated_at = now(), modified_by = 'user' || o.owner_rep_id
  FROM cur c
  WHERE o.opportunity_id = c.opportunity_id
  RETURNING o.opportunity_id, c.stage AS from_stage, o.stage AS to_stage, o.owner_rep_id,
            o.amount, o.probability, o.modified_by
), hist AS (
  INSERT INTO opportunity_stage_history (opportunity_id, from_stage, to_stage, changed_at,
                                         changed_by, amount, probability,
                                         created_at, updated_at, modified_by)
  SELECT opportunity_id, from_stage, to_stage, now(), owner_rep_id, amount, probability,
         now(), now(), modified_by
  FROM upd
  RETURNING to_stage
)
SELECT coalesce(max(CASE to_stage WHEN 'proposal' THEN 1 WHEN 'won' THEN 2 WHEN 'lost' THEN 3 END), 0) AS step
FROM hist \gset
\if :step = 1
WITH ins AS (
  INSERT INTO quotes (quote_id, quote_number, opportunity_id, account_id, version, status, issued_at,
                      valid_until, subtotal, discount_amount, total_amount, currency,
                      payment_terms, incoterms, terms_text, created_at, updated_at, modified_by)
  SELECT s.n, 'QT-' || to_char(now(), 'YYYY') || '-' || lpad(o.opportunity_id::text, greatest(length(o.opportunity_id::text), 6), '0')
           || '-' || v.version, o.opportunity_id, o.account_id, v.version,
         CASE WHEN :draft THEN 'draft' ELSE 'sent' END,
         CASE WHEN :draft THEN NULL ELSE now() END,
         CASE WHEN :draft THEN NULL ELSE current_date + 30 END,
         t.gross, t.gross - t.net, t.net, o.currency, a.payment_terms,
         coalesce(a.attributes ->> 'preferred_incoterm', 'FCA'),
         'Prices valid for the quantities stated. Our general terms and conditions of sale apply.',
         now(), now(), o.modified_by
  FROM opportunities o
  JOIN accounts a ON a.account_id = o.account_id
  CROSS JOIN LATERAL (SELECT coalesce(max(version), 0) + 1 AS version FROM quotes q
                      WHERE q.opportunity_id = o.opportunity_id) v
  CROSS JOIN LATERAL (SELECT round(coalesce(sum(quantity * unit_price), 0), 2) AS gross,
                             coalesce(sum(line_amount), 0) AS net
                      FROM opportunity_lines l WHERE l.opportunity_id = o.opportunity_id) t
  CROSS JOIN LATERAL (SELECT nextval(pg_get_serial_sequence('quotes', 'quote_id')) AS n) s
  WHERE o.opportunity_id = :opp
  RETURNING quote_id
)
INSERT INTO quote_lines (quote_id, line_no, product_id, description, quantity, unit_price,
                         discount_pct, line_total, created_at, updated_at, modified_by)
SELECT ins.quote_id, l.line_no, l.product_id, 'Product ' || l.product_id, l.quantity,
       l.unit_price, l.discount_pct, l.line_amount, now(), now(), o.modified_by
FROM ins
JOIN opportunity_lines l ON l.opportunity_id = :opp
JOIN opportunities o ON o.opportunity_id = l.opportunity_id;
\elif :step = 2
UPDATE quotes
SET status = 'accepted', issued_at = coalesce(issued_at, now()),
    valid_until = coalesce(valid_until, current_date + 30), signed_at = now(),
    signature_sha256 = sha256(convert_to(quote_number || ':' || :h, 'UTF8')),
    updated_at = now(), modified_by = 'e-signature'
WHERE quote_id = (SELECT max(quote_id) FROM quotes
                  WHERE opportunity_id = :opp AND status IN ('draft', 'sent'));
\elif :step = 3
UPDATE quotes q
SET status = 'rejected', issued_at = coalesce(q.issued_at, now()), updated_at = now(),
    modified_by = o.modified_by
FROM opportunities o
WHERE q.opportunity_id = :opp AND o.opportunity_id = q.opportunity_id
  AND q.status IN ('draft', 'sent');
\endif
COMMIT;
