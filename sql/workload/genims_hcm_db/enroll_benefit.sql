-- An employee requests a benefit plan; HR activates the oldest pending enrolment.
\set e random(1, :n_employees)
\set p random(1, 10)
BEGIN;
INSERT INTO benefit_enrollments (employee_id, benefit_plan_id, coverage_level, dependents, start_date,
  employee_monthly_cost, employer_monthly_cost, status, created_at, updated_at, modified_by)
SELECT :e, benefit_plan_id, 'employee', 0, (date_trunc('month', current_date) + interval '1 month')::date,
  employee_monthly_cost, employer_monthly_cost, 'pending', now(), now(), 'user' || :e
FROM benefit_plans WHERE benefit_plan_id = :p;
UPDATE benefit_enrollments
SET status = 'active', updated_at = now(), modified_by = 'hr_admin'
WHERE enrollment_id = (SELECT min(enrollment_id) FROM benefit_enrollments WHERE status = 'pending') AND status = 'pending';
COMMIT;
