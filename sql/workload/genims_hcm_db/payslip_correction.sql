-- Payroll adds a one-off bonus to a draft payslip and refreshes the run totals.
\set e random(1, :n_employees)
\set b random(1, 10)
BEGIN;
SELECT coalesce(max(payroll_run_id), 0) AS run FROM payroll_runs WHERE status = 'draft' \gset
SELECT coalesce(min(payslip_id), 0) AS ps FROM payslips WHERE payroll_run_id = :run AND employee_id >= :e \gset
UPDATE payslips
SET bonus = bonus + 50 * :b, gross_pay = gross_pay + 50 * :b,
  income_tax = income_tax + 15 * :b, social_security = social_security + round(3.875 * :b, 2),
  total_deductions = total_deductions + 15 * :b + round(3.875 * :b, 2),
  net_pay = net_pay + 50 * :b - 15 * :b - round(3.875 * :b, 2),
  employer_social_security = employer_social_security + round(5.25 * :b, 2),
  employer_cost = employer_cost + 50 * :b + round(5.25 * :b, 2),
  updated_at = now(), modified_by = 'user' || :e
WHERE payslip_id = :ps AND status = 'draft';
UPDATE payroll_runs r
SET total_gross = t.gross, total_deductions = t.ded, total_net = t.net, total_employer_cost = t.cost,
  updated_at = now(), modified_by = 'payroll_engine'
FROM (SELECT sum(gross_pay) AS gross, sum(total_deductions) AS ded, sum(net_pay) AS net,
        sum(employer_cost) AS cost
      FROM payslips WHERE payroll_run_id = :run) t
WHERE r.payroll_run_id = :run;
COMMIT;
