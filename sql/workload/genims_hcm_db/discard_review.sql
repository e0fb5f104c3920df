-- A supervisor discards a duplicate draft review of one of the employees.
\set e random(1, :n_employees)
BEGIN;
DELETE FROM performance_reviews
WHERE review_id = (SELECT max(review_id) FROM performance_reviews
                   WHERE status = 'draft' AND employee_id >= :e)
  AND status = 'draft';
COMMIT;
