-- Credit review of one customer: new limit, status and risk score.
\set cust random(1, :n_customers)
\set who random(1, :n_employees)
\set step random(-5, 10)
\set risk random(0, 1000)
BEGIN;
UPDATE customer_accounts
SET credit_limit = greatest(10000, credit_limit + 5000 * :step),
    risk_score = :risk / 1000.0,
    credit_status = CASE WHEN :risk > 985 THEN 'hold' WHEN :risk > 900 THEN 'watch' ELSE 'good' END,
    attributes = attributes || jsonb_build_object('last_review', current_date::text),
    updated_at = now(), modified_by = 'user' || :who
WHERE customer_id = :cust;
COMMIT;
