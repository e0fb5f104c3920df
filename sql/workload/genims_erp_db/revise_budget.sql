-- Forecast update: a budget line of an open or future month is revised.
\set pct random(-8, 12)
\set who random(1, :n_employees)
BEGIN;
SELECT coalesce(max(budget_id), 1) AS max_budget FROM budgets \gset
\set b random(1, :max_budget)
UPDATE budgets
SET revised_amount = round(budget_amount * (100 + :pct) / 100, 2), updated_at = now(),
    notes = 'Reforecast ' || to_char(current_date, 'YYYY-MM-DD') || ': ' || :pct || '%',
    modified_by = 'user' || :who
WHERE budget_id = :b AND status <> 'locked';
COMMIT;
