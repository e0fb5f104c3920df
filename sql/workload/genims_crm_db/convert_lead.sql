-- A qualified lead turns out to be an existing customer's new project: the rep converts it into
-- an opportunity on that account with one to three product lines.
\set off random(0, 4)
\set acct random(1, :n_customers)
\set nlines random(1, 3)
\set qty random(1, 40)
\set disc random(0, 12)
\set prod random(1, :n_products)
BEGIN;
SELECT coalesce((SELECT lead_id FROM leads WHERE status = 'qualified'
                 ORDER BY lead_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS lead \gset
WITH ins AS (
  INSERT INTO opportunities (opportunity_id, opportunity_number, account_id, customer_id, name,
    stage, probability, forecast_category, expected_close_date, owner_rep_id, lead_id,
    campaign_id, primary_product_id, next_step, created_at, updated_at, modified_by)
  SELECT s.n, 'OPP-' || to_char(now(), 'YYYY') || '-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), a.account_id,
         a.customer_id, split_part(a.account_name, ' ', 1) || ' - New product introduction',
         'prospect', 10, 'pipeline', current_date + 60, l.owner_rep_id, l.lead_id, l.campaign_id,
         coalesce(l.product_interest_id, :prod), 'Schedule plant visit', now(), now(),
         'user' || l.owner_rep_id
  FROM leads l
  JOIN accounts a ON a.account_id = :acct
  CROSS JOIN LATERAL (
    SELECT nextval(pg_get_serial_sequence('opportunities', 'opportunity_id')) AS n
  ) s
  WHERE l.lead_id = :lead
  RETURNING opportunity_id
)
SELECT coalesce(max(opportunity_id), 0) AS opp FROM ins \gset
INSERT INTO opportunity_lines (opportunity_id, line_no, product_id, quantity, unit_price,
                               discount_pct, line_amount, requested_delivery_date,
                               created_at, updated_at, modified_by)
SELECT o.opportunity_id, n, p.prod, :qty * 20, p.price, :disc,
       round(:qty * 20 * p.price * (1 - :disc / 100.0), 2), current_date + 90 + 7 * n,
       now(), now(), o.modified_by
FROM opportunities o
CROSS JOIN generate_series(1, :nlines) n
CROSS JOIN LATERAL (
  SELECT CASE WHEN n = 1 THEN o.primary_product_id
              ELSE (o.primary_product_id + n * 7919) % :n_products + 1 END AS prod
) q
CROSS JOIN LATERAL (SELECT q.prod, round(8 + (q.prod * 7919 % 89200) / 100.0, 2) AS price) p
WHERE o.opportunity_id = :opp;
UPDATE opportunities
SET amount = (SELECT coalesce(sum(line_amount), 0) FROM opportunity_lines WHERE opportunity_id = :opp)
WHERE opportunity_id = :opp;
INSERT INTO opportunity_stage_history (opportunity_id, from_stage, to_stage, changed_at, changed_by,
                                       amount, probability, created_at, updated_at, modified_by)
SELECT opportunity_id, NULL, 'prospect', now(), owner_rep_id, amount, 10, now(), now(), modified_by
FROM opportunities WHERE opportunity_id = :opp;
UPDATE leads
SET status = 'converted', converted_account_id = :acct,
    converted_contact_id = 3 * (:acct - 1) + 1, converted_opportunity_id = :opp,
    converted_at = now(), updated_at = now(), modified_by = 'user' || owner_rep_id
WHERE lead_id = :lead AND :opp > 0;
COMMIT;
