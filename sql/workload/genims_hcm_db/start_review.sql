-- A supervisor opens the annual review of an employee as a draft.
\set e random(1, :n_employees)
\set sup 20 * random(0, (:n_employees - 3) / 20) + 3
BEGIN;
INSERT INTO performance_reviews (employee_id, reviewer_employee_id, review_type, period_start,
  period_end, review_date, status, created_at, updated_at, modified_by)
VALUES (:e, :sup, 'annual', current_date - 365, current_date - 1, current_date, 'draft', now(), now(),
  'user' || :sup);
COMMIT;
