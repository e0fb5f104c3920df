-- HR applies a merit increase: the profile salary (a sensitive column) changes and the
-- assignment history gets a new current row. The transaction names its user for the audit.
\set e random(1, :n_employees)
\set pct random(2, 8)
\set hr 20 * random(0, (:n_employees - 3) / 20) + 3
BEGIN;
SELECT pg_logical_emit_message(true, 'genims.audit', '{"user_id":"user:hr"}');
UPDATE employee_profiles
SET salary = round(salary * (100 + :pct) / 100, -1),
  hourly_rate = round(round(salary * (100 + :pct) / 100, -1) / (weekly_hours * 52), 4),
  updated_at = now(), modified_by = 'user' || :hr
WHERE employee_id = :e;
UPDATE job_assignments
SET effective_to = current_date - 1, updated_at = now(), modified_by = 'user' || :hr
WHERE employee_id = :e AND effective_to IS NULL AND effective_from < current_date;
UPDATE job_assignments j
SET salary = p.salary, updated_at = now(), modified_by = 'user' || :hr
FROM employee_profiles p
WHERE j.employee_id = :e AND j.effective_to IS NULL AND p.employee_id = j.employee_id;
INSERT INTO job_assignments (employee_id, position_id, department_id, effective_from, salary,
  change_reason, approved_by_employee_id, created_at, updated_at, modified_by)
SELECT employee_id, position_id, department_id, current_date, salary, 'merit_increase', :hr, now(),
  now(), 'user' || :hr
FROM employee_profiles
WHERE employee_id = :e
  AND NOT EXISTS (SELECT 1 FROM job_assignments WHERE employee_id = :e AND effective_to IS NULL);
COMMIT;
