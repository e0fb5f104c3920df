-- An account owner opens a deal for repeat business with one to four product lines.
\set acct random(1, :n_customers)
\set nlines random(1, 4)
\set qty random(1, 40)
\set disc random(0, 15)
\set prod random(1, :n_products)
\set comp random(0, 10)
BEGIN;
WITH ins AS (
  INSERT INTO opportunities (opportunity_id, opportunity_number, account_id, customer_id, name,
    stage, probability, forecast_category, expected_close_date, owner_rep_id, primary_product_id,
    competitor_id, next_step, description, created_at, updated_at, modified_by)
  SELECT s.n, 'OPP-' || to_char(now(), 'YYYY') || '-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), a.account_id,
         a.customer_id, split_part(a.account_name, ' ', 1) || ' - Annual supply agreement',
         'prospect', 10, 'pipeline', current_date + 45, a.owner_rep_id, :prod, nullif(:comp, 0),
         'Confirm volumes with purchasing', 'Repeat business; customer asked for a yearly price.',
         now(), now(), 'user' || a.owner_rep_id
  FROM accounts a
  CROSS JOIN LATERAL (
    SELECT nextval(pg_get_serial_sequence('opportunities', 'opportunity_id')) AS n
  ) s
  WHERE a.account_id = :acct AND a.owner_rep_id IS NOT NULL
  RETURNING opportunity_id
)
SELECT coalesce(max(opportunity_id), 0) AS opp FROM ins \gset
INSERT INTO opportunity_lines (opportunity_id, line_no, product_id, quantity, unit_price,
                               discount_pct, line_amount, requested_delivery_date,
                               created_at, updated_at, modified_by)
SELECT o.opportunity_id, n, p.prod, :qty * 20, p.price, :disc,
       round(:qty * 20 * p.price * (1 - :disc / 100.0), 2), current_date + 75 + 7 * n,
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
COMMIT;
