-- A customer contact opens a support case in the portal; SLA due times come from the account's
-- tier and the priority.
\set acct random(1, :n_customers)
\set c random(1, 3)
\set cat random(1, 6)
\set pr random(1, 10)
\set prod random(1, :n_products)
BEGIN;
WITH ins AS (
  INSERT INTO cases (case_id, case_number, account_id, contact_id, product_id, sla_policy_id,
                     subject, description, category, priority, origin, status,
                     owner_employee_id, opened_at, first_response_due_at, sla_due_at,
                     sales_order_ref, created_at, updated_at, modified_by)
  SELECT s.n, 'CS-' || to_char(now(), 'YYYY') || '-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), a.account_id,
         3 * (a.account_id - 1) + :c, CASE WHEN :cat IN (3, 4) THEN :prod END, sp.sla_policy_id,
         (ARRAY['Invoice does not match PO price', 'Shipment arrived late', 'Parts out of tolerance',
                'Question on technical specification', 'Missing certificate of conformity',
                'General enquiry'])[:cat],
         (ARRAY['The invoiced unit price differs from the agreed price on our purchase order.',
                'Delivery arrived after the confirmed date.',
                'Incoming inspection found dimensions outside the drawing tolerance.',
                'Our engineering team needs clarification on material grade.',
                'The shipment came without the required material certificate.',
                'Please advise on the status of our account.'])[:cat],
         (ARRAY['billing', 'delivery', 'quality', 'technical', 'documentation', 'other'])[:cat],
         sp.priority, 'portal', 'new', a.owner_rep_id, now(),
         now() + sp.first_response_hours * interval '1 hour',
         now() + sp.resolution_hours * interval '1 hour',
         CASE WHEN :cat IN (1, 2, 5) THEN 'SO-' || to_char(now(), 'YYYY') || '-' || lpad((s.n % 99999)::text, 6, '0') END,
         now(), now(), 'portal'
  FROM accounts a
  JOIN sla_policies sp ON sp.tier = a.tier
   AND sp.priority = CASE WHEN :pr <= 3 THEN 'low' WHEN :pr <= 7 THEN 'medium'
                          WHEN :pr <= 9 THEN 'high' ELSE 'urgent' END
  CROSS JOIN LATERAL (SELECT nextval(pg_get_serial_sequence('cases', 'case_id')) AS n) s
  WHERE a.account_id = :acct
  RETURNING case_id, description
)
INSERT INTO case_comments (case_id, author_type, body, is_public, created_at, updated_at, modified_by)
SELECT case_id, 'customer', description, true, now(), now(), 'portal' FROM ins;
COMMIT;
