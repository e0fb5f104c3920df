-- Account maintenance: a new owner within the territory, updated revenue figures, or a status
-- change after a year without orders.
\set acct random(1, :n_customers)
\set action random(1, 3)
\set k random(0, 30)
\set pct random(90, 115)
BEGIN;
UPDATE accounts a
SET owner_rep_id = CASE WHEN :action = 1 AND :n_employees / 20 >= a.territory_id
                        -- rep k covers territory (k - 1) % 8 + 1
                        THEN 20 * (a.territory_id
                                   + 8 * (:k % ((:n_employees / 20 - a.territory_id) / 8 + 1)))
                        ELSE a.owner_rep_id END,
    annual_revenue = CASE WHEN :action = 2 THEN round(a.annual_revenue * :pct / 100.0, 2)
                          ELSE a.annual_revenue END,
    account_status = CASE WHEN :action = 3 AND a.account_status = 'active' THEN 'inactive'
                          WHEN :action = 3 AND a.account_status = 'inactive' THEN 'active'
                          ELSE a.account_status END,
    updated_at = now(), modified_by = 'user' || a.owner_rep_id
WHERE a.account_id = :acct;
COMMIT;
