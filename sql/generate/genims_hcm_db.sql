-- genims_hcm_db generator: organisation, the HR profile of every master employee, and
-- :days of attendance, leave, training, reviews, payroll and safety history ending at
-- :end_date. Deterministic in :seed (only pg_temp.rnd* draws, no clock).
--
-- Master ids follow sql/README.md: employee e works in factory (e-1)%F+1 with role e%20
-- (0 sales, 1 inspector, 2 maintenance, 3 supervisor, 4 planner, 5 buyer, else operator);
-- shift s = (f-1)*3 + n; line l = (f-1)*4 + k; machine m = (l-1)*5 + k.
-- Approvers and reviewers are supervisors of the employee's factory.
\ir _prelude.sql

-- These statements are large expression trees over modest row counts: JIT compilation
-- would cost seconds and save nothing. (Likewise the OFFSET 0 in derived tables: it keeps
-- the planner from inlining a derived column at every reference, so each draw runs once.)
SET jit = off;
-- Date arithmetic on timestamptz (month series, date casts) then never depends on the
-- server's TimeZone.
SET TIME ZONE 'UTC';

SELECT (:'end_date'::date - (:days - 1)) AS start_date \gset

TRUNCATE pay_grades, departments, positions, employee_profiles, job_assignments,
  job_requisitions, time_entries, leave_requests, leave_balances, training_courses,
  training_records, certifications, performance_reviews, payroll_runs, payslips,
  benefit_plans, benefit_enrollments, safety_incidents RESTART IDENTITY CASCADE;

-- Employees by factory and role (role 6 = operator). Under the master formulas some
-- (factory, role) pairs are empty (with 6 factories inspectors exist only in odd
-- factories), so those fall back to the role in any factory.
CREATE TEMP TABLE staff AS
WITH emp AS (
  SELECT e, (e - 1) % :n_factories + 1 AS factory_id, least(e % 20, 6) AS role
  FROM generate_series(1, :n_employees) e
)
SELECT f AS factory_id, r AS role,
  coalesce((SELECT array_agg(e ORDER BY e) FROM emp WHERE emp.factory_id = f AND emp.role = r),
           (SELECT array_agg(e ORDER BY e) FROM emp WHERE emp.role = r),
           ARRAY[1]) AS ids
FROM generate_series(1, :n_factories) f, generate_series(0, 6) r;

-- Organisation ------------------------------------------------------------------------

INSERT INTO pay_grades (pay_grade_id, grade_code, title, min_salary, mid_salary, max_salary,
  overtime_eligible, overtime_multiplier, created_at, updated_at, modified_by)
SELECT g, 'G' || lpad(g::text, 2, '0'), t, mn, (mn + mx) / 2, mx, g <= 5, 1.5,
  (:'start_date'::date - 900 + time '08:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - 120 + time '08:00') AT TIME ZONE 'UTC', 'hr_admin'
FROM (VALUES (1, 'Entry', 26000, 34000), (2, 'Operator', 30000, 42000),
             (3, 'Skilled', 36000, 50000), (4, 'Technician', 42000, 58000),
             (5, 'Specialist', 50000, 70000), (6, 'Senior Specialist', 60000, 84000),
             (7, 'Lead', 72000, 100000), (8, 'Manager', 88000, 120000),
             (9, 'Senior Manager', 105000, 145000), (10, 'Director', 130000, 180000))
  AS v(g, t, mn, mx);

INSERT INTO departments (department_id, factory_id, department_code, name, function_area,
  parent_department_id, head_employee_id, cost_center_code, status, created_at, updated_at,
  modified_by)
SELECT (f - 1) * 8 + k, f, format('F%s-%s', lpad(f::text, 2, '0'), code), name, area,
  CASE WHEN k IN (3, 5) THEN (f - 1) * 8 + 1 END,
  CASE WHEN head_role IS NOT NULL THEN
    (SELECT s.ids[1 + floor(pg_temp.rnd('dept.head', (f - 1) * 8 + k) * cardinality(s.ids))::int]
     FROM staff s WHERE s.factory_id = f AND s.role = head_role) END,
  format('CC-F%s-%s', lpad(f::text, 2, '0'), code), 'active',
  (:'start_date'::date - 900 + time '08:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - pg_temp.rnd_int('dept.upd', (f - 1) * 8 + k, 1, 300)::int + time '08:00') AT TIME ZONE 'UTC',
  'hr_admin'
FROM generate_series(1, :n_factories) f,
  (VALUES (1, 'PROD', 'Production', 'production', 3), (2, 'QUAL', 'Quality Assurance', 'quality', 1),
          (3, 'MAINT', 'Maintenance', 'maintenance', 2), (4, 'SALES', 'Sales', 'sales', 0),
          (5, 'PLAN', 'Production Planning', 'planning', 4), (6, 'PROC', 'Procurement', 'procurement', 5),
          (7, 'HR', 'Human Resources', 'hr', NULL), (8, 'FIN', 'Finance', 'finance', NULL))
  AS v(k, code, name, area, head_role);

-- Position k of factory f is (f-1)*9+k; role_group says which employees hold it.
INSERT INTO positions (position_id, department_id, pay_grade_id, position_code, title, job_family,
  is_supervisory, headcount_budget, description, status, created_at, updated_at, modified_by)
SELECT (f - 1) * 9 + k, (f - 1) * 8 + dept, grade, format('F%s-POS-%s', lpad(f::text, 2, '0'), lpad(k::text, 2, '0')),
  title, family, sup,
  CASE WHEN k = 1 THEN ceil(:n_employees / :n_factories * 0.7 * 1.05)::int
       WHEN k >= 8 THEN 2
       ELSE ceil(:n_employees / :n_factories / 20.0 * 1.1)::int + 1 END,
  title || ' at factory ' || f || '. ' || descr,
  CASE WHEN pg_temp.rnd_bool('pos.frozen', (f - 1) * 9 + k, 0.05) THEN 'frozen' ELSE 'open' END,
  (:'start_date'::date - 900 + time '08:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - pg_temp.rnd_int('pos.upd', (f - 1) * 9 + k, 1, 300)::int + time '08:00') AT TIME ZONE 'UTC',
  'hr_admin'
FROM generate_series(1, :n_factories) f,
  (VALUES (1, 'Machine Operator', 1, 2, 'operations', false,
           'Runs and monitors production machines, performs first-piece checks and basic upkeep.'),
          (2, 'Shift Supervisor', 1, 5, 'operations', true,
           'Leads a shift crew, assigns work, approves time sheets and leave, owns shift KPIs.'),
          (3, 'Quality Inspector', 2, 3, 'quality', false,
           'Performs incoming, in-process and final inspections and raises non-conformances.'),
          (4, 'Maintenance Technician', 3, 4, 'maintenance', false,
           'Executes preventive and corrective maintenance on mechanical and electrical equipment.'),
          (5, 'Sales Representative', 4, 5, 'sales', false,
           'Manages a customer portfolio, quotes and books orders.'),
          (6, 'Production Planner', 5, 5, 'supply_chain', false,
           'Builds production schedules, runs MRP and balances capacity.'),
          (7, 'Buyer', 6, 4, 'supply_chain', false,
           'Sources materials, issues RFQs and purchase orders, follows up suppliers.'),
          (8, 'HR Business Partner', 7, 6, 'hr', false,
           'Supports managers on staffing, payroll questions and employee relations.'),
          (9, 'Plant Controller', 8, 7, 'finance', true,
           'Owns plant cost accounting, budgets and month-end close.'))
  AS v(k, title, dept, grade, family, sup, descr);

-- Employee profiles --------------------------------------------------------------------

INSERT INTO employee_profiles (employee_id, factory_id, department_id, position_id, pay_grade_id,
  employment_type, national_id, date_of_birth, gender, marital_status, home_address_line,
  home_city, home_postal_code, home_country, personal_email, personal_phone, bank_account,
  bank_bic, salary, hourly_rate, currency, pay_frequency, weekly_hours, tax_class,
  emergency_contact, skills, notes, created_at, updated_at, modified_by)
SELECT e, f, p.department_id, p.position_id, p.pay_grade_id, etype,
  to_char(dob, 'YYMMDD') || '-' || lpad(((e * 7919) % 100000)::text, 5, '0') || '-'
    || pg_temp.rnd_int('emp.nid', e, 0, 9),
  dob,
  CASE WHEN pg_temp.rnd('emp.gender', e) < 0.47 THEN 'female'
       WHEN pg_temp.rnd('emp.gender', e) < 0.94 THEN 'male'
       WHEN pg_temp.rnd('emp.gender', e) < 0.97 THEN 'diverse' ELSE 'undisclosed' END,
  pg_temp.rnd_pick('emp.marital', e, ARRAY['single', 'married', 'married', 'divorced', 'widowed', 'partnership']),
  pg_temp.rnd_pick('emp.street', e, ARRAY['Main Street', 'Station Road', 'Park Avenue', 'Mill Lane',
    'Church Street', 'High Street', 'Industrial Way', 'Oak Drive', 'Lake View', 'Garden Row'])
    || ' ' || pg_temp.rnd_int('emp.house', e, 1, 220),
  (ARRAY[['Stuttgart', 'Esslingen', 'Ludwigsburg', 'Boeblingen'],
         ['Detroit', 'Troy', 'Warren', 'Dearborn'],
         ['Wroclaw', 'Olawa', 'Swidnica', 'Legnica'],
         ['Monterrey', 'Saltillo', 'Apodaca', 'Santa Catarina'],
         ['Plzen', 'Mlada Boleslav', 'Kolin', 'Pardubice'],
         ['Pune', 'Chakan', 'Pimpri', 'Talegaon']])[(f - 1) % 6 + 1][pg_temp.rnd_int('emp.city', e, 1, 4)],
  lpad(pg_temp.rnd_int('emp.zip', e, 1000, 99999)::text, 5, '0'),
  country,
  format('e%s.%s@%s', e, pg_temp.rnd_int('emp.mailtag', e, 10, 99),
    pg_temp.rnd_pick('emp.maildom', e, ARRAY['mailbox.example', 'inbox.example', 'post.example'])),
  format('+%s %s %s', pg_temp.rnd_int('emp.cc', e, 30, 59), pg_temp.rnd_int('emp.ph1', e, 100, 999),
    lpad(pg_temp.rnd_int('emp.ph2', e, 0, 9999999)::text, 7, '0')),
  country || lpad(pg_temp.rnd_int('emp.iban.ck', e, 2, 98)::text, 2, '0')
    || lpad(pg_temp.rnd_int('emp.iban.bank', e, 0, 99999999)::text, 8, '0')
    || lpad(pg_temp.rnd_int('emp.iban.acct', e, 0, 9999999999)::text, 10, '0'),
  pg_temp.rnd_pick('emp.bic', e, ARRAY['DEUTDEFFXXX', 'COBADEFFXXX', 'BKPAPLPRXXX', 'CITIUS33XXX',
    'BNMXMXMMXXX', 'KOMBCZPPXXX', 'HDFCINBBXXX']),
  salary, round(salary / (weekly_hours * 52), 4), 'EUR', 'monthly', weekly_hours,
  pg_temp.rnd_int('emp.tax', e, 1, 6)::text,
  jsonb_build_object(
    'name', pg_temp.rnd_pick('emp.ec.first', e, ARRAY['Anna', 'Marek', 'Lucia', 'Raj', 'Tomas', 'Maria', 'John', 'Eva']) || ' '
      || pg_temp.rnd_pick('emp.ec.last', e, ARRAY['Novak', 'Schmidt', 'Garcia', 'Patel', 'Kowalski', 'Miller']),
    'relation', pg_temp.rnd_pick('emp.ec.rel', e, ARRAY['spouse', 'parent', 'sibling', 'partner', 'friend']),
    'phone', format('+%s %s', pg_temp.rnd_int('emp.ec.cc', e, 30, 59), pg_temp.rnd_int('emp.ec.ph', e, 1000000, 9999999))),
  ARRAY[pg_temp.rnd_pick('emp.skill1', e, CASE x.role
          WHEN 1 THEN ARRAY['cmm', 'spc', 'gd_t', 'visual_inspection']
          WHEN 2 THEN ARRAY['plc', 'hydraulics', 'pneumatics', 'welding', 'electrical']
          WHEN 4 THEN ARRAY['sap_pp', 'mrp', 'excel', 'lean']
          WHEN 0 THEN ARRAY['crm', 'negotiation', 'product_training']
          ELSE ARRAY['cnc', 'assembly', 'forklift', 'painting', 'packaging', 'injection_molding'] END),
        pg_temp.rnd_pick('emp.skill2', e, ARRAY['first_aid', '5s', 'kaizen', 'english', 'german', 'spanish', 'team_lead'])],
  CASE WHEN pg_temp.rnd_bool('emp.longnote', e, 0.04) THEN
    'Onboarding document checklist. '
    || (SELECT string_agg(format('Document DOC-%s-%s received %s, checksum %s.', e, k,
                                 to_char(:'start_date'::date - 400 + k, 'YYYY-MM-DD'),
                                 md5(e::text || ':' || k || ':' || pg_temp.rnd_int('emp.doc', e * 100 + k, 0, 999999))),
                          ' ' ORDER BY k)
        FROM generate_series(1, 40) k)
  WHEN pg_temp.rnd_bool('emp.note', e, 0.15) THEN
    pg_temp.rnd_pick('emp.notetxt', e, ARRAY['Prefers early shift.', 'Works council member.',
      'Reduced lifting duties until further notice.', 'Relocation support granted.',
      'Mentor for apprentices.'])
  END,
  created, least(created + make_interval(days => pg_temp.rnd_int('emp.upd', e, 0, 900)::int),
                 (:'end_date'::date + time '17:00') AT TIME ZONE 'UTC'),
  CASE WHEN pg_temp.rnd_bool('emp.by', e, 0.7) THEN 'hr_import'
       ELSE 'user' || (SELECT s.ids[1 + floor(pg_temp.rnd('emp.byu', e) * cardinality(s.ids))::int]
                       FROM staff s WHERE s.factory_id = f AND s.role = 3) END
FROM (
  SELECT e, (e - 1) % :n_factories + 1 AS f, least(e % 20, 6) AS role,
    (ARRAY['DE', 'US', 'PL', 'MX', 'CZ', 'IN'])[((e - 1) % :n_factories) % 6 + 1] AS country,
    (:'start_date'::date - pg_temp.rnd_int('emp.since', e, 30, 3000)::int + time '09:00') AT TIME ZONE 'UTC' AS created
  FROM generate_series(1, :n_employees) e
  OFFSET 0
) x
CROSS JOIN LATERAL (SELECT CASE x.role WHEN 0 THEN 5 WHEN 1 THEN 3 WHEN 2 THEN 4 WHEN 3 THEN 2
                                       WHEN 4 THEN 6 WHEN 5 THEN 7 ELSE 1 END AS k) pk
JOIN positions p ON p.position_id = (x.f - 1) * 9 + pk.k
JOIN pay_grades g ON g.pay_grade_id = p.pay_grade_id
CROSS JOIN LATERAL (
  SELECT CASE
      WHEN pk.k = 1 THEN CASE
        WHEN pg_temp.rnd('emp.type', e) < 0.80 THEN 'full_time'
        WHEN pg_temp.rnd('emp.type', e) < 0.88 THEN 'temporary'
        WHEN pg_temp.rnd('emp.type', e) < 0.93 THEN 'contract'
        WHEN pg_temp.rnd('emp.type', e) < 0.97 THEN 'part_time'
        ELSE 'apprentice' END
      WHEN pg_temp.rnd('emp.type', e) < 0.95 THEN 'full_time'
      WHEN pg_temp.rnd('emp.type', e) < 0.98 THEN 'part_time'
      ELSE 'contract' END AS etype,
    :'end_date'::date - pg_temp.rnd_int('emp.age', e, 19 * 365, 63 * 365)::int AS dob
) t
CROSS JOIN LATERAL (SELECT CASE t.etype WHEN 'part_time' THEN (ARRAY[20, 30])[pg_temp.rnd_int('emp.pt', e, 1, 2)]
                                        ELSE 40 END::numeric AS weekly_hours) w
CROSS JOIN LATERAL (
  SELECT round(CASE WHEN t.etype = 'apprentice' THEN g.min_salary * 0.6
                    ELSE g.min_salary + (g.max_salary - g.min_salary) * pg_temp.rnd('emp.sal', e)::numeric
               END * w.weekly_hours / 40, -1) AS salary
) s;

-- Current assignment has id e; 40% of long-serving employees also have an earlier one
-- (id n_employees + e) before a promotion, merit increase or transfer.
INSERT INTO job_assignments (assignment_id, employee_id, position_id, department_id, effective_from,
  effective_to, salary, change_reason, approved_by_employee_id, created_at, updated_at, modified_by)
SELECT v.id, a.employee_id, v.position_id, v.department_id, v.eff_from, v.eff_to, v.salary, v.reason,
  a.approver,
  (v.eff_from - 7 + time '10:00') AT TIME ZONE 'UTC',
  (coalesce(v.eff_to, v.eff_from - 7) + time '10:00') AT TIME ZONE 'UTC',
  'user' || a.approver
FROM (
  SELECT ep.employee_id, ep.factory_id, ep.position_id, ep.department_id, ep.salary,
    (ep.created_at AT TIME ZONE 'UTC')::date AS t0,
    pg_temp.rnd_bool('ja.prev', ep.employee_id, 0.4) AS has_prev,
    pg_temp.rnd_int('ja.split', ep.employee_id, 30,
      :'end_date'::date - (ep.created_at AT TIME ZONE 'UTC')::date)::int AS split,
    pg_temp.rnd_pick('ja.reason', ep.employee_id, ARRAY['promotion', 'merit_increase', 'merit_increase', 'transfer']) AS next_reason,
    (SELECT s.ids[1 + floor(pg_temp.rnd('ja.appr', ep.employee_id) * cardinality(s.ids))::int]
     FROM staff s WHERE s.factory_id = ep.factory_id AND s.role = 3) AS approver
  FROM employee_profiles ep
  OFFSET 0
) a
CROSS JOIN LATERAL (
  SELECT a.employee_id AS id, a.position_id, a.department_id,
    CASE WHEN a.has_prev THEN a.t0 + a.split ELSE a.t0 END AS eff_from, NULL::date AS eff_to,
    a.salary, CASE WHEN a.has_prev THEN a.next_reason ELSE 'new_hire' END AS reason
  UNION ALL
  SELECT :n_employees + a.employee_id,
    CASE WHEN a.next_reason = 'promotion' THEN (a.factory_id - 1) * 9 + 1 ELSE a.position_id END,
    CASE WHEN a.next_reason = 'promotion' THEN (a.factory_id - 1) * 8 + 1 ELSE a.department_id END,
    a.t0, a.t0 + a.split - 1, round(a.salary * 0.92, -1), 'new_hire'
  WHERE a.has_prev
) v;

-- Requisitions: a few new openings per factory and month.
INSERT INTO job_requisitions (requisition_id, requisition_number, position_id, factory_id,
  requested_by_employee_id, openings, filled, reason, budgeted_salary, opened_on,
  target_fill_date, closed_on, status, created_at, updated_at, modified_by)
SELECT id, format('REQ-%s-%s', to_char(opened_on, 'YYYY'), lpad(id::text, 5, '0')), position_id, f,
  requester, openings, CASE WHEN status = 'filled' THEN openings ELSE 0 END, reason,
  round(openings * budget, -2), opened_on, opened_on + 45,
  CASE WHEN status IN ('filled', 'cancelled') THEN closed_on END, status,
  (opened_on + time '09:30') AT TIME ZONE 'UTC',
  (CASE WHEN status IN ('filled', 'cancelled') THEN closed_on ELSE opened_on END + time '16:00') AT TIME ZONE 'UTC',
  'user' || requester
FROM (
  SELECT row_number() OVER (ORDER BY d, f, j) AS id, f, opened_on, key,
    (f - 1) * 9 + k AS position_id,
    CASE WHEN k = 1 THEN pg_temp.rnd_int('req.open', key, 1, 6) ELSE 1 END AS openings,
    pg_temp.rnd_pick('req.reason', key, ARRAY['replacement', 'replacement', 'growth', 'new_line', 'seasonal']) AS reason,
    (SELECT s.ids[1 + floor(pg_temp.rnd('req.by', key) * cardinality(s.ids))::int]
     FROM staff s WHERE s.factory_id = f AND s.role = 3) AS requester,
    (SELECT g.mid_salary FROM positions p JOIN pay_grades g USING (pay_grade_id)
     WHERE p.position_id = (f - 1) * 9 + k) AS budget,
    opened_on + pg_temp.rnd_int('req.close', key, 14, 80)::int AS closed_on,
    CASE WHEN opened_on > :'end_date'::date - 10 THEN
           CASE WHEN pg_temp.rnd_bool('req.draft', key, 0.4) THEN 'draft' ELSE 'open' END
         WHEN opened_on + pg_temp.rnd_int('req.close', key, 14, 80)::int > :'end_date'::date THEN
           CASE WHEN pg_temp.rnd_bool('req.hold', key, 0.1) THEN 'on_hold' ELSE 'open' END
         WHEN pg_temp.rnd_bool('req.cancel', key, 0.12) THEN 'cancelled'
         ELSE 'filled' END AS status
  FROM (
    SELECT d, f, j, :'start_date'::date + d AS opened_on,
      (d * :n_factories + f) * 8 + j AS key,
      CASE WHEN pg_temp.rnd('req.pos', (d * :n_factories + f) * 8 + j) < 0.6 THEN 1
           ELSE pg_temp.rnd_int('req.posk', (d * :n_factories + f) * 8 + j, 2, 7)::int END AS k
    FROM generate_series(0, :days - 1) d, generate_series(1, :n_factories) f,
      generate_series(0, :volume - 1) j
    WHERE pg_temp.rnd_bool('req.exists', (d * :n_factories + f) * 8 + j, 0.08)
    OFFSET 0
  ) r
  OFFSET 0
) q;

-- Time & attendance ---------------------------------------------------------------------
-- A crew of 4*volume badge entries per factory shift and day (half on Sundays); members
-- are consecutive employees of the factory from a random offset, so nobody clocks twice
-- a day. Shifts still running at the end of end_date (the night shift, late overtime)
-- are open: no clock-out yet.
INSERT INTO time_entries (time_entry_id, employee_id, factory_id, shift_id, work_date, clock_in,
  clock_out, break_minutes, regular_hours, overtime_hours, entry_source, terminal_id, status,
  approved_by_employee_id, approved_at, created_at, updated_at, modified_by)
SELECT id, employee_id, f, (f - 1) * 3 + n, work_date, clock_in, clock_out, 30,
  CASE WHEN status = 'open' THEN 0 ELSE round(least(worked, 7.5), 2) END,
  CASE WHEN status = 'open' THEN 0 ELSE round(greatest(worked - 7.5, 0), 2) END,
  source, format('T-F%s-%s', lpad(f::text, 2, '0'), lpad(pg_temp.rnd_int('te.term', id, 1, 6)::text, 2, '0')),
  status,
  CASE WHEN status IN ('approved', 'rejected') THEN approver END,
  CASE WHEN status = 'approved' THEN decided END,
  clock_in, coalesce(CASE WHEN status IN ('approved', 'rejected') THEN decided END, clock_out, clock_in),
  CASE WHEN status IN ('approved', 'rejected') THEN 'user' || approver
       WHEN source = 'badge' THEN 'badge_gateway' ELSE 'user' || employee_id END
FROM (
  SELECT t.*, CASE WHEN t.status <> 'open' THEN t.shift_end END AS clock_out
  FROM (
    SELECT c.*,
      CASE WHEN c.shift_end >= (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' THEN 'open'
           WHEN c.work_date >= :'end_date'::date - 1 THEN 'submitted'
           WHEN pg_temp.rnd_bool('te.rej', c.id, 0.01) THEN 'rejected'
           ELSE 'approved' END AS status
    FROM (
      SELECT b.*,
        b.shift_start - make_interval(mins => pg_temp.rnd_int('te.early', id, 0, 15)::int)
          + CASE WHEN pg_temp.rnd_bool('te.late', id, 0.05)
                 THEN make_interval(mins => pg_temp.rnd_int('te.latem', id, 1, 40)::int) ELSE interval '0' END
          AS clock_in,
        b.shift_start + interval '8 hours'
          + CASE WHEN pg_temp.rnd_bool('te.ot', id, 0.2)
                 THEN make_interval(mins => 30 * pg_temp.rnd_int('te.otq', id, 1, 6)::int) ELSE interval '0' END
          + make_interval(mins => pg_temp.rnd_int('te.out', id, 0, 10)::int) AS shift_end,
        CASE WHEN pg_temp.rnd('te.src', id) < 0.92 THEN 'badge'
             WHEN pg_temp.rnd('te.src', id) < 0.97 THEN 'manual' ELSE 'mobile_app' END AS source,
        (SELECT s.ids[1 + floor(pg_temp.rnd('te.appr', id) * cardinality(s.ids))::int]
         FROM staff s WHERE s.factory_id = b.f AND s.role = 3) AS approver,
        (b.work_date + 1 + time '09:00') AT TIME ZONE 'UTC'
          + make_interval(mins => pg_temp.rnd_int('te.apprt', id, 0, 300)::int) AS decided
      FROM (
        SELECT g.*,
          g.f + :n_factories * ((pg_temp.rnd_int('te.off', g.d * 1000 + g.f, 0, g.cnt - 1)
                                 + (g.n - 1) * 4 * :volume + g.j) % g.cnt) AS employee_id,
          (g.work_date + make_interval(hours => 6 + 8 * (g.n - 1))) AT TIME ZONE 'UTC' AS shift_start
        FROM (
          SELECT d, f, n, j, :'start_date'::date + d AS work_date,
            ((d * :n_factories + f - 1) * 3 + n - 1) * (4 * :volume) + j + 1 AS id,
            (:n_employees - f) / :n_factories + 1 AS cnt
          FROM generate_series(0, :days - 1) d, generate_series(1, :n_factories) f,
            generate_series(1, 3) n, generate_series(0, 4 * :volume - 1) j
          OFFSET 0
        ) g
        WHERE extract(dow FROM g.work_date) <> 0 OR g.j < 2 * :volume
        OFFSET 0
      ) b
      OFFSET 0
    ) c
    OFFSET 0
  ) t
  OFFSET 0
) c
CROSS JOIN LATERAL (
  SELECT (extract(epoch FROM c.clock_out - c.clock_in) / 3600.0 - 0.5)::numeric AS worked
) h;

-- Leave ---------------------------------------------------------------------------------

INSERT INTO leave_requests (leave_request_id, employee_id, leave_type, start_date, end_date, days,
  reason, status, requested_at, approver_employee_id, decided_at, decision_comment, created_at,
  updated_at, modified_by)
SELECT id, employee_id, ltype, start_d, start_d + len - 1, len, reason, status, requested_at,
  approver, CASE WHEN status NOT IN ('draft', 'submitted') THEN decided_at END,
  CASE WHEN status = 'rejected' THEN pg_temp.rnd_pick('lr.rejtxt', id,
         ARRAY['Peak production period, please re-plan.', 'Shift coverage insufficient that week.',
               'Overlaps with mandatory training.'])
       WHEN status = 'cancelled' THEN 'Withdrawn by employee.' END,
  requested_at,
  CASE WHEN status NOT IN ('draft', 'submitted') THEN decided_at ELSE requested_at END,
  CASE WHEN status IN ('approved', 'taken', 'rejected') THEN 'user' || approver ELSE 'user' || employee_id END
FROM (
  SELECT r.*,
    CASE WHEN r.decided_at >= (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' THEN
           CASE WHEN r.requested_at > (:'end_date'::date - 2)::timestamp AT TIME ZONE 'UTC'
                     AND pg_temp.rnd_bool('lr.draft', r.id, 0.3) THEN 'draft' ELSE 'submitted' END
         WHEN r.ltype <> 'sick' AND pg_temp.rnd_bool('lr.rej', r.id, 0.07) THEN 'rejected'
         WHEN pg_temp.rnd_bool('lr.cancel', r.id, 0.03) THEN 'cancelled'
         WHEN r.start_d + r.len - 1 < :'end_date'::date THEN 'taken'
         ELSE 'approved' END AS status
  FROM (
    SELECT q.*,
      CASE q.ltype WHEN 'annual' THEN q.day + pg_temp.rnd_int('lr.off', q.id, 3, 60)::int
                   WHEN 'sick' THEN q.day - pg_temp.rnd_int('lr.off', q.id, 0, 1)::int
                   WHEN 'parental' THEN q.day + pg_temp.rnd_int('lr.off', q.id, 14, 60)::int
                   WHEN 'unpaid' THEN q.day + pg_temp.rnd_int('lr.off', q.id, 7, 45)::int
                   ELSE q.day + pg_temp.rnd_int('lr.off', q.id, 1, 14)::int END AS start_d,
      CASE q.ltype WHEN 'annual' THEN pg_temp.rnd_int('lr.len', q.id, 1, 10)
                   WHEN 'sick' THEN pg_temp.rnd_int('lr.len', q.id, 1, 5)
                   WHEN 'parental' THEN pg_temp.rnd_int('lr.len', q.id, 28, 120)
                   WHEN 'unpaid' THEN pg_temp.rnd_int('lr.len', q.id, 1, 10)
                   ELSE pg_temp.rnd_int('lr.len', q.id, 1, 3) END::int AS len,
      CASE q.ltype WHEN 'annual' THEN pg_temp.rnd_pick('lr.why', q.id, ARRAY['Family holiday', 'Summer vacation', 'Long weekend', NULL])
                   WHEN 'sick' THEN NULL
                   WHEN 'training' THEN 'External course'
                   WHEN 'parental' THEN 'Parental leave'
                   ELSE pg_temp.rnd_pick('lr.why', q.id, ARRAY['Moving house', 'Family matter', 'Medical appointment', NULL]) END AS reason,
      q.requested_at + CASE WHEN q.ltype = 'sick' THEN make_interval(hours => pg_temp.rnd_int('lr.dec', q.id, 1, 8)::int)
                            ELSE make_interval(hours => pg_temp.rnd_int('lr.dec', q.id, 2, 72)::int) END AS decided_at,
      (SELECT s.ids[1 + floor(pg_temp.rnd('lr.appr', q.id) * cardinality(s.ids))::int]
       FROM staff s WHERE s.factory_id = q.f AND s.role = 3) AS approver
    FROM (
      SELECT id, f, day, f + :n_factories * pg_temp.rnd_int('lr.emp', id, 0, (:n_employees - f) / :n_factories) AS employee_id,
        (day + time '07:00') AT TIME ZONE 'UTC' + make_interval(mins => pg_temp.rnd_int('lr.at', id, 0, 600)::int) AS requested_at,
        CASE WHEN u < 0.55 THEN 'annual' WHEN u < 0.80 THEN 'sick' WHEN u < 0.88 THEN 'personal'
             WHEN u < 0.92 THEN 'training' WHEN u < 0.94 THEN 'parental' WHEN u < 0.98 THEN 'unpaid'
             ELSE 'bereavement' END AS ltype
      FROM (
        SELECT (d * :n_factories + f - 1) * (2 * :volume) + j + 1 AS id, f, :'start_date'::date + d AS day,
          pg_temp.rnd('lr.type', (d * :n_factories + f - 1) * (2 * :volume) + j + 1) AS u
        FROM generate_series(0, :days - 1) d, generate_series(1, :n_factories) f,
          generate_series(0, 2 * :volume - 1) j
        OFFSET 0
      ) z
      OFFSET 0
    ) q
    OFFSET 0
  ) r
  OFFSET 0
) lr;

INSERT INTO leave_balances (leave_balance_id, employee_id, balance_year, leave_type, entitled_days,
  carried_over_days, taken_days, planned_days, created_at, updated_at, modified_by)
SELECT (ep.employee_id - 1) * 3 + t.k, ep.employee_id, y.yr, t.ltype,
  CASE t.ltype WHEN 'annual' THEN CASE ep.employment_type WHEN 'part_time' THEN 15 WHEN 'apprentice' THEN 28 ELSE 25 END
               WHEN 'sick' THEN 10 ELSE 3 END,
  CASE WHEN t.ltype = 'annual' THEN pg_temp.rnd_int('lb.carry', ep.employee_id, 0, 5) ELSE 0 END,
  coalesce(u.taken, 0), coalesce(u.planned, 0),
  (make_date(y.yr, 1, 1) + time '00:05') AT TIME ZONE 'UTC',
  greatest((make_date(y.yr, 1, 1) + time '00:05') AT TIME ZONE 'UTC', u.last_change),
  'leave_engine'
FROM employee_profiles ep
CROSS JOIN (SELECT extract(year FROM :'end_date'::date)::int AS yr) y
CROSS JOIN (VALUES (1, 'annual'), (2, 'sick'), (3, 'personal')) t(k, ltype)
LEFT JOIN (
  SELECT employee_id, leave_type,
    sum(days) FILTER (WHERE status = 'taken') AS taken,
    sum(days) FILTER (WHERE status = 'approved') AS planned,
    max(decided_at) AS last_change
  FROM leave_requests
  WHERE extract(year FROM start_date) = extract(year FROM :'end_date'::date)
    AND status IN ('taken', 'approved')
  GROUP BY employee_id, leave_type
) u ON u.employee_id = ep.employee_id AND u.leave_type = t.ltype;

-- Training ------------------------------------------------------------------------------

INSERT INTO training_courses (course_id, course_code, title, category, delivery_mode,
  duration_hours, validity_months, cost_per_participant, passing_score, is_mandatory,
  description, tags, status, created_at, updated_at, modified_by)
SELECT id, format('TRN-%s', lpad(id::text, 3, '0')), title, cat, mode, hours, validity, cost, pass,
  id <= 6, title || ': ' || descr, tags, CASE WHEN id = 24 THEN 'retired' ELSE 'active' END,
  (:'start_date'::date - 700 + time '08:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - 700 + pg_temp.rnd_int('tc.upd', id, 0, 600)::int + time '08:00') AT TIME ZONE 'UTC',
  'hr_admin'
FROM (VALUES
  (1, 'General Plant Safety Induction', 'safety', 'classroom', 4, 12, 0, 80, ARRAY['safety', 'induction'],
   'Plant rules, emergency exits, PPE, hazard reporting.'),
  (2, 'Lockout / Tagout', 'safety', 'classroom', 4, 12, 120, 80, ARRAY['safety', 'loto'],
   'Energy isolation of machines before service.'),
  (3, 'Forklift Refresher', 'safety', 'on_the_job', 8, 24, 250, 75, ARRAY['safety', 'forklift'],
   'Practical refresher for licensed forklift drivers.'),
  (4, 'Fire Warden', 'safety', 'classroom', 6, 24, 180, 70, ARRAY['safety', 'fire'],
   'Fire prevention, extinguisher use, evacuation coordination.'),
  (5, 'Hazardous Substances Handling', 'safety', 'e_learning', 2, 12, 40, 80, ARRAY['safety', 'chemicals'],
   'Labels, safety data sheets, storage and spill response.'),
  (6, 'Code of Conduct & Anti-Bribery', 'compliance', 'e_learning', 1, 12, 0, 80, ARRAY['compliance'],
   'Company code of conduct, gifts and conflicts of interest.'),
  (7, 'Data Protection Basics', 'compliance', 'e_learning', 1, 24, 0, 75, ARRAY['compliance', 'gdpr'],
   'Handling personal data at work.'),
  (8, 'Measurement System Analysis', 'quality', 'classroom', 8, NULL, 400, 70, ARRAY['quality', 'msa'],
   'Gauge R&R, bias, linearity and stability studies.'),
  (9, 'Statistical Process Control', 'quality', 'classroom', 16, NULL, 650, 70, ARRAY['quality', 'spc'],
   'Control charts, capability indices and reaction plans.'),
  (10, '8D Problem Solving', 'quality', 'classroom', 8, NULL, 380, 70, ARRAY['quality', '8d'],
   'Team-oriented problem solving and containment.'),
  (11, 'Six Sigma Green Belt', 'quality', 'external', 40, NULL, 2400, 75, ARRAY['quality', 'six_sigma'],
   'DMAIC methodology with a certification project.'),
  (12, 'GD&T Fundamentals', 'technical', 'classroom', 16, NULL, 700, 70, ARRAY['technical', 'drawings'],
   'Reading geometric dimensioning and tolerancing.'),
  (13, 'PLC Troubleshooting', 'technical', 'classroom', 24, NULL, 1200, 70, ARRAY['technical', 'plc'],
   'Diagnosing PLC-controlled equipment.'),
  (14, 'Hydraulics Maintenance', 'technical', 'on_the_job', 16, NULL, 800, 70, ARRAY['technical', 'hydraulics'],
   'Hydraulic circuits, seals, filtration.'),
  (15, 'CNC Programming Basics', 'technical', 'classroom', 24, NULL, 950, 70, ARRAY['technical', 'cnc'],
   'G-code, offsets and tool changes.'),
  (16, 'Lean & 5S', 'technical', 'on_the_job', 8, NULL, 150, NULL, ARRAY['lean', '5s'],
   'Workplace organisation and waste elimination.'),
  (17, 'SMED Quick Changeover', 'technical', 'on_the_job', 8, NULL, 300, NULL, ARRAY['lean', 'smed'],
   'Reducing setup times on presses and molding machines.'),
  (18, 'Welding Certification Prep', 'technical', 'external', 32, 24, 1800, 80, ARRAY['technical', 'welding'],
   'Preparation for ISO 9606 welder qualification.'),
  (19, 'First-Line Leadership', 'leadership', 'classroom', 24, NULL, 1500, NULL, ARRAY['leadership'],
   'Leading a shift team, feedback and conflict resolution.'),
  (20, 'Coaching for Supervisors', 'leadership', 'classroom', 8, NULL, 600, NULL, ARRAY['leadership', 'coaching'],
   'Structured coaching conversations on the shop floor.'),
  (21, 'Negotiation Skills', 'leadership', 'external', 16, NULL, 1400, NULL, ARRAY['sales', 'procurement'],
   'Preparing and running commercial negotiations.'),
  (22, 'ERP Planning Module', 'technical', 'e_learning', 6, NULL, 200, 70, ARRAY['erp', 'planning'],
   'MRP, planned orders and capacity views in the ERP.'),
  (23, 'First Aid at Work', 'safety', 'external', 16, 36, 350, 75, ARRAY['safety', 'first_aid'],
   'Certified first-aider training.'),
  (24, 'Legacy MES Operation', 'technical', 'e_learning', 2, NULL, 0, NULL, ARRAY['mes', 'legacy'],
   'Operating the previous MES terminals (retired).'))
  AS v(id, title, cat, mode, hours, validity, cost, pass, tags, descr);

INSERT INTO training_records (training_record_id, employee_id, course_id, enrolled_at, scheduled_on,
  completed_on, status, score, passed, expires_on, hours_attended, cost, trainer,
  certificate_sha256, created_at, updated_at, modified_by)
SELECT id, employee_id, course_id, enrolled_at, scheduled_on,
  CASE WHEN status IN ('completed', 'failed') THEN finish_on END, status,
  CASE WHEN passing_score IS NULL OR status NOT IN ('completed', 'failed') THEN NULL
       WHEN status = 'completed' THEN pg_temp.rnd_num('tr.score', id, passing_score, 100, 1)
       ELSE pg_temp.rnd_num('tr.score', id, 30, passing_score - 1, 1) END,
  CASE status WHEN 'completed' THEN true WHEN 'failed' THEN false END,
  CASE WHEN status = 'completed' AND validity_months IS NOT NULL
       THEN (finish_on + make_interval(months => validity_months))::date END,
  CASE WHEN status IN ('completed', 'failed') THEN duration_hours
       WHEN status = 'in_progress' THEN least(duration_hours, 8) ELSE 0 END,
  CASE WHEN status IN ('completed', 'failed', 'no_show') THEN cost_per_participant ELSE 0 END,
  CASE delivery_mode WHEN 'e_learning' THEN NULL
       ELSE pg_temp.rnd_pick('tr.trainer', id, ARRAY['Internal Academy', 'TUV Training', 'DEKRA Akademie',
              'ASQ Partner', 'Site EHS team']) END,
  CASE WHEN status = 'completed' THEN
    sha256(convert_to(format('CERT|%s|%s|%s', id, employee_id, pg_temp.rnd_int('tr.cert', id, 0, 1000000000)), 'UTF8')) END,
  enrolled_at,
  CASE WHEN status IN ('completed', 'failed', 'no_show', 'cancelled')
       THEN (least(finish_on, :'end_date'::date) + time '17:00') AT TIME ZONE 'UTC' ELSE enrolled_at END,
  CASE WHEN status IN ('completed', 'failed') THEN 'lms_sync' ELSE 'user' || employee_id END
FROM (
  SELECT b.*, c.passing_score, c.validity_months, c.duration_hours, c.cost_per_participant,
    c.delivery_mode,
    b.scheduled_on + (ceil(c.duration_hours / 8) - 1)::int AS finish_on,
    CASE WHEN b.scheduled_on + (ceil(c.duration_hours / 8) - 1)::int < :'end_date'::date THEN
           CASE WHEN pg_temp.rnd('tr.out', b.id) < 0.85 THEN 'completed'
                WHEN pg_temp.rnd('tr.out', b.id) < 0.90 THEN CASE WHEN c.passing_score IS NULL THEN 'completed' ELSE 'failed' END
                WHEN pg_temp.rnd('tr.out', b.id) < 0.95 THEN 'no_show' ELSE 'cancelled' END
         WHEN b.scheduled_on <= :'end_date'::date THEN 'in_progress'
         ELSE 'enrolled' END AS status
  FROM (
    SELECT id, f + :n_factories * pg_temp.rnd_int('tr.emp', id, 0, (:n_employees - f) / :n_factories) AS employee_id,
      CASE WHEN pg_temp.rnd_bool('tr.mand', id, 0.4) THEN pg_temp.rnd_int('tr.course', id, 1, 6)
           ELSE pg_temp.rnd_int('tr.course', id, 1, 23) END AS course_id,
      (day + time '08:00') AT TIME ZONE 'UTC' + make_interval(mins => pg_temp.rnd_int('tr.at', id, 0, 540)::int) AS enrolled_at,
      day + pg_temp.rnd_int('tr.sched', id, 0, 21)::int AS scheduled_on
    FROM (
      SELECT (d * :n_factories + f - 1) * (3 * :volume) + j + 1 AS id, f, :'start_date'::date + d AS day
      FROM generate_series(0, :days - 1) d, generate_series(1, :n_factories) f,
        generate_series(0, 3 * :volume - 1) j
      OFFSET 0
    ) z
    OFFSET 0
  ) b
  JOIN training_courses c ON c.course_id = b.course_id
  OFFSET 0
) t;

-- Certifications held, issued over the last five years; the second one (if any) is of a
-- different type than the first.
INSERT INTO certifications (certification_id, employee_id, certification_type, issuing_body,
  certificate_number, issued_on, expires_on, status, document_sha256, attributes, created_at,
  updated_at, modified_by)
SELECT row_number() OVER (ORDER BY employee_id, k), employee_id,
  (ARRAY[['Certified Quality Inspector', 'Six Sigma Green Belt', 'CMM Operator'],
         ['Electrical Safety NFPA 70E', 'Certified Maintenance Technician', 'Hydraulics Specialist'],
         ['Forklift Operator Licence', 'Welder Qualification ISO 9606', 'Crane Operator Licence'],
         ['First Aid Responder', 'Six Sigma Yellow Belt', 'CPIM']])[grp][typ],
  body, format('%s-%s-%s', upper(left(body, 3)), to_char(issued_on, 'YY'),
    lpad((row_number() OVER (ORDER BY employee_id, k))::text, 6, '0')),
  issued_on, expires_on,
  CASE WHEN pg_temp.rnd_bool('cert.rev', employee_id * 2 + k, 0.01) THEN 'revoked'
       WHEN expires_on < :'end_date'::date THEN 'expired'
       WHEN expires_on < :'end_date'::date + 60 THEN 'expiring'
       ELSE 'valid' END,
  CASE WHEN pg_temp.rnd_bool('cert.doc', employee_id * 2 + k, 0.8) THEN
    sha256(convert_to(format('DOC|%s|%s|%s', employee_id, k, pg_temp.rnd_int('cert.hash', employee_id * 2 + k, 0, 1000000000)), 'UTF8')) END,
  jsonb_build_object('level', pg_temp.rnd_pick('cert.lvl', employee_id * 2 + k, ARRAY['basic', 'advanced', 'expert']),
                     'verified', pg_temp.rnd_bool('cert.ver', employee_id * 2 + k, 0.9),
                     'renewals', pg_temp.rnd_int('cert.ren', employee_id * 2 + k, 0, 3)),
  (issued_on + 3 + time '11:00') AT TIME ZONE 'UTC',
  (issued_on + 3 + time '11:00') AT TIME ZONE 'UTC', 'hr_admin'
FROM (
  SELECT e AS employee_id, k, grp,
    CASE WHEN k = 1 THEN t1 ELSE t1 % 3 + 1 END AS typ,
    (ARRAY[['ASQ', 'IASSC', 'Hexagon Academy'],
           ['NFPA', 'SMRP', 'IFPS'],
           ['DGUV', 'TUV', 'OSHA Outreach'],
           ['Red Cross', 'IASSC', 'ASCM']])[grp][CASE WHEN k = 1 THEN t1 ELSE t1 % 3 + 1 END] AS body,
    :'end_date'::date - pg_temp.rnd_int('cert.issued', e * 2 + k, 10, 1800)::int AS issued_on,
    :'end_date'::date - pg_temp.rnd_int('cert.issued', e * 2 + k, 10, 1800)::int
      + CASE WHEN grp = 4 THEN 730 ELSE 1095 END AS expires_on
  FROM (
    SELECT e, k, pg_temp.rnd_int('cert.type', e * 2 + 1, 1, 3)::int AS t1,
      CASE e % 20 WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 0 THEN 4 WHEN 3 THEN 4 WHEN 4 THEN 4 WHEN 5 THEN 4 ELSE 3 END AS grp,
      CASE e % 20 WHEN 1 THEN 0.9 WHEN 2 THEN 0.9 WHEN 0 THEN 0.25 WHEN 3 THEN 0.25
                  WHEN 4 THEN 0.25 WHEN 5 THEN 0.25 ELSE 0.35 END AS p
    FROM generate_series(1, :n_employees) e, generate_series(1, 2) k
    OFFSET 0
  ) x
  WHERE pg_temp.rnd_bool('cert.has', e * 2 + k, CASE WHEN k = 1 THEN p ELSE p / 2 END)
  OFFSET 0
) c;

-- Reviews: each employee's annual review falls on a fixed day of the year.
INSERT INTO performance_reviews (review_id, employee_id, reviewer_employee_id, review_type,
  period_start, period_end, review_date, overall_rating, goals_score, competency_scores,
  strengths, improvement_areas, recommended_increase_pct, status, submitted_at, acknowledged_at,
  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY review_date, employee_id), employee_id, reviewer, 'annual',
  (review_date - interval '1 year')::date, review_date - 1, review_date,
  CASE WHEN status = 'draft' THEN NULL ELSE rating END,
  CASE WHEN status = 'draft' THEN NULL ELSE round(rating * 20 + pg_temp.rnd_int('pr.goal', key, -8, 8))::real END,
  jsonb_build_object('safety', least(5, rating + pg_temp.rnd_int('pr.c1', key, -1, 1)),
                     'quality', least(5, rating + pg_temp.rnd_int('pr.c2', key, -1, 1)),
                     'teamwork', least(5, rating + pg_temp.rnd_int('pr.c3', key, -1, 1)),
                     'initiative', least(5, rating + pg_temp.rnd_int('pr.c4', key, -1, 1))),
  pg_temp.rnd_pick('pr.str', key, ARRAY['Reliable, very good attendance and safety record.',
    'Strong problem solver during line stoppages.', 'Supports new colleagues and shares knowledge.',
    'Consistently meets output targets with low scrap.']),
  pg_temp.rnd_pick('pr.imp', key, ARRAY['Documentation of shift handovers.', 'Formal quality training.',
    'Communication with other shifts.', 'Time management on changeovers.', NULL]),
  CASE WHEN status = 'draft' THEN NULL
       ELSE greatest(0, round((rating - 2.5) * 1.6, 2)) END,
  status,
  CASE WHEN status <> 'draft' THEN (review_date + time '15:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status IN ('acknowledged', 'closed') THEN
    (review_date + pg_temp.rnd_int('pr.ack', key, 1, 6)::int + time '10:00') AT TIME ZONE 'UTC' END,
  (review_date - 7 + time '09:00') AT TIME ZONE 'UTC',
  CASE WHEN status = 'closed' THEN (review_date + 20 + time '12:00') AT TIME ZONE 'UTC'
       WHEN status = 'acknowledged' THEN (review_date + pg_temp.rnd_int('pr.ack', key, 1, 6)::int + time '10:00') AT TIME ZONE 'UTC'
       WHEN status = 'submitted' THEN (review_date + time '15:00') AT TIME ZONE 'UTC'
       ELSE (review_date - 7 + time '09:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status IN ('acknowledged') THEN 'user' || employee_id ELSE 'user' || reviewer END
FROM (
  SELECT x.*, e * 10000 + yr AS key,
    least(5, greatest(1, round((1.5 + (pg_temp.rnd('pr.r1', e * 10000 + yr) + pg_temp.rnd('pr.r2', e * 10000 + yr)
                                       + pg_temp.rnd('pr.r3', e * 10000 + yr))) * 2) / 2))::numeric(3,1) AS rating,
    (SELECT s.ids[1 + floor(pg_temp.rnd('pr.rev', e) * cardinality(s.ids))::int]
     FROM staff s WHERE s.factory_id = (e - 1) % :n_factories + 1 AND s.role = 3) AS reviewer,
    CASE WHEN review_date <= :'end_date'::date - 28 THEN 'closed'
         WHEN review_date <= :'end_date'::date - 7 THEN 'acknowledged'
         WHEN review_date <= :'end_date'::date - 2 THEN 'submitted'
         ELSE 'draft' END AS status
  FROM (
    SELECT e AS employee_id, e, yr,
      make_date(yr, 1, 1) + pg_temp.rnd_int('pr.doy', e, 0, 364)::int AS review_date
    FROM generate_series(1, :n_employees) e,
      generate_series(extract(year FROM :'start_date'::date)::int, extract(year FROM :'end_date'::date)::int) yr
    OFFSET 0
  ) x
  WHERE review_date BETWEEN :'start_date'::date AND :'end_date'::date
) r;

-- Payroll -------------------------------------------------------------------------------
-- One run per factory and calendar month touching the window; the current month is still
-- a draft, last month's is paid on its last day.
INSERT INTO payroll_runs (payroll_run_id, run_code, factory_id, period_start, period_end, pay_date,
  status, currency, approved_by_employee_id, approved_at, paid_at, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY m, f), format('PR-%s-F%s', to_char(m, 'YYYY-MM'), lpad(f::text, 2, '0')),
  f, m, pe, pe, status, 'EUR',
  CASE WHEN status IN ('approved', 'paid') THEN controller END,
  CASE WHEN status IN ('approved', 'paid') THEN (pe - 3 + time '10:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status = 'paid' THEN (pe + time '08:00') AT TIME ZONE 'UTC' END,
  (least(m + 20, :'end_date'::date) + time '07:00') AT TIME ZONE 'UTC',
  CASE status WHEN 'paid' THEN (pe + time '08:00') AT TIME ZONE 'UTC'
              WHEN 'approved' THEN (pe - 3 + time '10:00') AT TIME ZONE 'UTC'
              ELSE (least(m + 20, :'end_date'::date) + time '07:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status IN ('approved', 'paid') THEN 'user' || controller ELSE 'payroll_engine' END
FROM (
  SELECT m::date AS m, (m + interval '1 month' - interval '1 day')::date AS pe, f,
    CASE WHEN (m + interval '1 month' - interval '1 day')::date < :'end_date'::date THEN 'paid'
         WHEN (m + interval '1 month' - interval '1 day')::date - 3 <= :'end_date'::date THEN 'approved'
         ELSE 'draft' END AS status,
    (SELECT s.ids[1 + floor(pg_temp.rnd('run.appr', f) * cardinality(s.ids))::int]
     FROM staff s WHERE s.factory_id = f AND s.role = 3) AS controller
  FROM generate_series(date_trunc('month', :'start_date'::date), date_trunc('month', :'end_date'::date), interval '1 month') m,
    generate_series(1, :n_factories) f
  OFFSET 0
) r;

INSERT INTO payslips (payslip_id, payroll_run_id, employee_id, department_id, factory_id,
  regular_hours, overtime_hours, base_pay, overtime_pay, bonus, allowances, gross_pay,
  income_tax, social_security, pension_employee, other_deductions, total_deductions, net_pay,
  employer_social_security, employer_pension, employer_cost, currency, status, paid_at,
  created_at, updated_at, modified_by)
SELECT id, payroll_run_id, employee_id, department_id, factory_id, reg_h, ot_h, base, ot_pay, bonus,
  allow, gross, tax, ss, pens, other, tax + ss + pens + other, gross - (tax + ss + pens + other),
  er_ss, er_pens, gross + er_ss + er_pens, 'EUR',
  CASE run_status WHEN 'paid' THEN 'paid' WHEN 'draft' THEN 'draft' ELSE 'final' END,
  paid_at, run_created, run_updated, 'payroll_engine'
FROM (
  SELECT y.*,
    round(y.gross * CASE WHEN y.gross < 2500 THEN 0.12 WHEN y.gross < 4000 THEN 0.18
                         WHEN y.gross < 6000 THEN 0.24 ELSE 0.30 END, 2) AS tax,
    round(y.gross * 0.0775, 2) AS ss,
    round(y.base * 0.05, 2) AS pens,
    round(y.gross * 0.105, 2) AS er_ss,
    round(y.base * 0.05, 2) AS er_pens
  FROM (
    SELECT x.*, x.base + x.ot_pay + x.bonus + x.allow AS gross
    FROM (
      SELECT row_number() OVER (ORDER BY r.payroll_run_id, ep.employee_id) AS id,
        r.payroll_run_id, ep.employee_id, ep.department_id, ep.factory_id,
        r.status AS run_status, r.paid_at, r.created_at AS run_created, r.updated_at AS run_updated,
        round(ep.weekly_hours * 52 / 12, 2) AS reg_h,
        CASE WHEN ep.employee_id % 20 IN (2, 3) OR ep.employee_id % 20 >= 6 THEN
          CASE WHEN pg_temp.rnd_bool('ps.ot', r.payroll_run_id * 100000 + ep.employee_id, 0.6)
               THEN pg_temp.rnd_int('ps.oth', r.payroll_run_id * 100000 + ep.employee_id, 1, 24) ELSE 0 END
        ELSE 0 END::numeric AS ot_h,
        round(ep.salary / 12, 2) AS base,
        round(CASE WHEN ep.employee_id % 20 IN (2, 3) OR ep.employee_id % 20 >= 6 THEN
          CASE WHEN pg_temp.rnd_bool('ps.ot', r.payroll_run_id * 100000 + ep.employee_id, 0.6)
               THEN pg_temp.rnd_int('ps.oth', r.payroll_run_id * 100000 + ep.employee_id, 1, 24) ELSE 0 END
        ELSE 0 END * ep.hourly_rate * 1.5, 2) AS ot_pay,
        CASE WHEN pg_temp.rnd_bool('ps.bonus', r.payroll_run_id * 100000 + ep.employee_id, 0.08)
             THEN pg_temp.rnd_int('ps.bonusamt', r.payroll_run_id * 100000 + ep.employee_id, 2, 15) * 100 ELSE 0 END::numeric AS bonus,
        CASE WHEN ep.employee_id % 20 >= 6 OR ep.employee_id % 20 = 2
             THEN pg_temp.rnd_num('ps.allow', r.payroll_run_id * 100000 + ep.employee_id, 80, 250, 2) ELSE 0 END AS allow,
        pg_temp.rnd_num('ps.other', r.payroll_run_id * 100000 + ep.employee_id, 0, 60, 2) AS other
      FROM payroll_runs r
      JOIN employee_profiles ep ON ep.factory_id = r.factory_id
      OFFSET 0
    ) x
    OFFSET 0
  ) y
  OFFSET 0
) z;

UPDATE payroll_runs r
SET employee_count = t.n, total_gross = t.gross, total_deductions = t.ded, total_net = t.net,
  total_employer_cost = t.cost
FROM (
  SELECT payroll_run_id, count(*) AS n, sum(gross_pay) AS gross, sum(total_deductions) AS ded,
    sum(net_pay) AS net, sum(employer_cost) AS cost
  FROM payslips GROUP BY payroll_run_id
) t
WHERE t.payroll_run_id = r.payroll_run_id;

-- Benefits ------------------------------------------------------------------------------

INSERT INTO benefit_plans (benefit_plan_id, plan_code, name, benefit_type, provider,
  employee_monthly_cost, employer_monthly_cost, coverage, status, created_at, updated_at, modified_by)
SELECT id, code, name, btype, provider, ee, er, coverage::jsonb, 'active',
  (:'start_date'::date - 800 + time '08:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - 800 + pg_temp.rnd_int('bp.upd', id, 0, 700)::int + time '08:00') AT TIME ZONE 'UTC',
  'hr_admin'
FROM (VALUES
  (1, 'MED-BASIC', 'Medical Basic', 'health', 'Allianz Care', 45.00, 180.00, '{"deductible": 1500, "coinsurance_pct": 20}'),
  (2, 'MED-PLUS', 'Medical Plus', 'health', 'Allianz Care', 85.00, 240.00, '{"deductible": 500, "coinsurance_pct": 10}'),
  (3, 'MED-PREM', 'Medical Premium', 'health', 'AXA Health', 140.00, 300.00, '{"deductible": 0, "coinsurance_pct": 0, "private_room": true}'),
  (4, 'DENT', 'Dental', 'dental', 'Cigna', 12.00, 18.00, '{"annual_max": 2000}'),
  (5, 'VIS', 'Vision', 'vision', 'Cigna', 4.00, 6.00, '{"frames_every_months": 24}'),
  (6, 'PEN-DC', 'Pension Defined Contribution', 'pension', 'Fidelity', 0.00, 150.00, '{"match_pct": 5}'),
  (7, 'PEN-DC-PLUS', 'Pension DC Plus', 'pension', 'Fidelity', 0.00, 220.00, '{"match_pct": 7}'),
  (8, 'LIFE-2X', 'Life Insurance 2x Salary', 'life', 'MetLife', 6.00, 14.00, '{"multiple": 2}'),
  (9, 'MEAL', 'Canteen Meal Subsidy', 'meal', 'Sodexo', 0.00, 60.00, '{"meals_per_month": 20}'),
  (10, 'TRANSIT', 'Public Transport Pass', 'transport', 'City Transit', 10.00, 45.00, '{"zones": "all"}'))
  AS v(id, code, name, btype, provider, ee, er, coverage);

INSERT INTO benefit_enrollments (enrollment_id, employee_id, benefit_plan_id, coverage_level,
  dependents, start_date, end_date, employee_monthly_cost, employer_monthly_cost, status,
  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY e, slot), e, plan_id, lvl, deps, start_d,
  CASE WHEN x.status = 'terminated' THEN least(start_d + pg_temp.rnd_int('be.len', key, 90, 900)::int, :'end_date'::date) END,
  round(bp.employee_monthly_cost * mult, 2), round(bp.employer_monthly_cost * mult, 2), x.status,
  (start_d - 10 + time '10:00') AT TIME ZONE 'UTC',
  CASE WHEN x.status = 'terminated'
       THEN (least(start_d + pg_temp.rnd_int('be.len', key, 90, 900)::int, :'end_date'::date) + time '10:00') AT TIME ZONE 'UTC'
       ELSE (start_d - 10 + time '10:00') AT TIME ZONE 'UTC' END,
  'user' || e
FROM (
  SELECT e, slot, e * 10 + slot AS key,
    CASE slot WHEN 1 THEN pg_temp.rnd_int('be.med', e, 1, 3)
              WHEN 2 THEN 4 WHEN 3 THEN 5
              WHEN 4 THEN CASE WHEN pg_temp.rnd_bool('be.pen', e, 0.3) THEN 7 ELSE 6 END
              WHEN 5 THEN 8 WHEN 6 THEN 9 ELSE 10 END AS plan_id,
    CASE WHEN slot IN (1, 2, 3) THEN pg_temp.rnd_pick('be.lvl', e, ARRAY['employee', 'employee', 'employee_spouse', 'family'])
         ELSE 'employee' END AS lvl,
    CASE WHEN slot IN (1, 2, 3) THEN
      CASE pg_temp.rnd_pick('be.lvl', e, ARRAY['employee', 'employee', 'employee_spouse', 'family'])
        WHEN 'employee' THEN 0 WHEN 'employee_spouse' THEN 1 ELSE pg_temp.rnd_int('be.deps', e, 2, 5) END
    ELSE 0 END AS deps,
    CASE WHEN slot IN (1, 2, 3) THEN
      CASE pg_temp.rnd_pick('be.lvl', e, ARRAY['employee', 'employee', 'employee_spouse', 'family'])
        WHEN 'employee' THEN 1.0 WHEN 'employee_spouse' THEN 1.8 ELSE 2.6 END
    ELSE 1.0 END AS mult,
    :'end_date'::date - pg_temp.rnd_int('be.start', e * 10 + slot, 0, 2500)::int AS start_d,
    CASE WHEN :'end_date'::date - pg_temp.rnd_int('be.start', e * 10 + slot, 0, 2500)::int > :'end_date'::date - 7 THEN 'pending'
         WHEN pg_temp.rnd_bool('be.term', e * 10 + slot, 0.04) THEN 'terminated'
         WHEN slot = 3 AND pg_temp.rnd_bool('be.waive', e, 0.1) THEN 'waived'
         ELSE 'active' END AS status
  FROM generate_series(1, :n_employees) e, generate_series(1, 7) slot
  WHERE pg_temp.rnd_bool('be.has', e * 10 + slot, (ARRAY[0.95, 0.6, 0.3, 0.85, 0.4, 0.7, 0.25])[slot])
  OFFSET 0
) x
JOIN benefit_plans bp ON bp.benefit_plan_id = x.plan_id;

-- Safety --------------------------------------------------------------------------------

INSERT INTO safety_incidents (incident_id, incident_number, factory_id, line_id, machine_id, shift_id,
  employee_id, reported_by_employee_id, occurred_at, reported_at, incident_type, severity, body_part,
  description, root_cause, lost_days, estimated_cost, is_recordable, status, closed_at, created_at,
  updated_at, modified_by)
SELECT id, format('INC-%s-%s', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY'), lpad(id::text, 5, '0')),
  f, line_id, machine_id, (f - 1) * 3 + n,
  injured, reporter, occurred_at, reported_at, itype, severity,
  CASE WHEN injured IS NOT NULL THEN pg_temp.rnd_pick('si.body', key, ARRAY['hand', 'finger', 'back', 'eye', 'foot', 'shoulder', 'head']) END,
  CASE itype
    WHEN 'near_miss' THEN 'Near miss: ' || pg_temp.rnd_pick('si.nm', key, ARRAY['pallet fell from rack close to walkway',
      'forklift reversed without spotter', 'guard interlock bypassed on press', 'oil spill near aisle not marked'])
    WHEN 'property_damage' THEN 'Equipment damaged: ' || pg_temp.rnd_pick('si.pd', key, ARRAY['forklift hit rack upright',
      'conveyor guard bent by trolley', 'tool dropped into fixture'])
    WHEN 'environmental' THEN 'Environmental release: ' || pg_temp.rnd_pick('si.env', key, ARRAY['coolant leak into drain',
      'solvent vapour above limit in paint booth'])
    ELSE 'Injury: ' || pg_temp.rnd_pick('si.inj', key, ARRAY['cut while handling sheet metal',
      'strain lifting parts bin', 'slipped on wet floor', 'burn from hot mold', 'particle in eye while grinding'])
  END || ' during shift ' || n || '.',
  CASE WHEN status = 'closed' THEN pg_temp.rnd_pick('si.rc', key, ARRAY['Missing PPE enforcement.',
    'Inadequate housekeeping.', 'Procedure not followed under time pressure.', 'Poor lighting in area.',
    'Worn equipment not reported.']) END,
  CASE WHEN itype = 'lost_time' THEN pg_temp.rnd_int('si.lost', key, 1, 20) ELSE 0 END,
  CASE itype WHEN 'near_miss' THEN 0 WHEN 'first_aid' THEN pg_temp.rnd_num('si.cost', key, 20, 200, 2)
             WHEN 'recordable' THEN pg_temp.rnd_num('si.cost', key, 500, 4000, 2)
             WHEN 'lost_time' THEN pg_temp.rnd_num('si.cost', key, 3000, 25000, 2)
             ELSE pg_temp.rnd_num('si.cost', key, 300, 15000, 2) END,
  itype IN ('recordable', 'lost_time'), status,
  CASE WHEN status = 'closed' THEN closed_at END,
  reported_at,
  CASE WHEN status = 'closed' THEN closed_at
       ELSE greatest(reported_at, least(reported_at + interval '2 days', (:'end_date'::date + time '18:00') AT TIME ZONE 'UTC')) END,
  'user' || reporter
FROM (
  SELECT y.*,
    y.occurred_at + make_interval(mins => pg_temp.rnd_int('si.rep', y.key, 5, 240)::int) AS reported_at,
    y.occurred_at + make_interval(days => pg_temp.rnd_int('si.close', y.key, 3, 25)::int) AS closed_at,
    CASE WHEN y.occurred_at + make_interval(days => pg_temp.rnd_int('si.close', y.key, 3, 25)::int)
              < (:'end_date'::date + time '18:00') AT TIME ZONE 'UTC' THEN 'closed'
         ELSE pg_temp.rnd_pick('si.st', y.key, ARRAY['open', 'investigating', 'action_pending']) END AS status,
    CASE WHEN y.itype IN ('first_aid', 'recordable', 'lost_time')
              OR (y.itype = 'near_miss' AND pg_temp.rnd_bool('si.nmemp', y.key, 0.3))
         THEN y.f + :n_factories * pg_temp.rnd_int('si.emp', y.key, 0, (:n_employees - y.f) / :n_factories) END AS injured,
    (SELECT s.ids[1 + floor(pg_temp.rnd('si.by', y.key) * cardinality(s.ids))::int]
     FROM staff s WHERE s.factory_id = y.f AND s.role = 3) AS reporter
  FROM (
    SELECT x.*, row_number() OVER (ORDER BY x.key) AS id,
      (x.f - 1) * 4 + pg_temp.rnd_int('si.line', x.key, 1, 4) AS line_id,
      CASE WHEN pg_temp.rnd_bool('si.mach', x.key, 0.7)
           THEN ((x.f - 1) * 4 + pg_temp.rnd_int('si.line', x.key, 1, 4) - 1) * 5 + pg_temp.rnd_int('si.m', x.key, 1, 5) END AS machine_id,
      pg_temp.rnd_int('si.shift', x.key, 1, 3)::int AS n,
      (x.day + make_interval(hours => 6 + 8 * (pg_temp.rnd_int('si.shift', x.key, 1, 3)::int - 1))) AT TIME ZONE 'UTC'
        + make_interval(mins => pg_temp.rnd_int('si.min', x.key, 0, 470)::int) AS occurred_at,
      CASE WHEN x.u < 0.45 THEN 'near_miss' WHEN x.u < 0.75 THEN 'first_aid' WHEN x.u < 0.87 THEN 'recordable'
           WHEN x.u < 0.94 THEN 'property_damage' WHEN x.u < 0.98 THEN 'lost_time' ELSE 'environmental' END AS itype,
      CASE WHEN x.u < 0.45 THEN 'low' WHEN x.u < 0.75 THEN 'low' WHEN x.u < 0.87 THEN 'medium'
           WHEN x.u < 0.94 THEN 'medium' WHEN x.u < 0.99 THEN 'high' ELSE 'critical' END AS severity
    FROM (
      SELECT (d * :n_factories + f - 1) * 8 + j AS key, f, :'start_date'::date + d AS day,
        pg_temp.rnd('si.type', (d * :n_factories + f - 1) * 8 + j) AS u
      FROM generate_series(0, :days - 1) d, generate_series(1, :n_factories) f,
        generate_series(0, 2 * :volume - 1) j
      WHERE pg_temp.rnd_bool('si.exists', (d * :n_factories + f - 1) * 8 + j, 0.15)
      OFFSET 0
    ) x
    OFFSET 0
  ) y
  OFFSET 0
) s
-- Night-shift incidents of end_date reported after midnight belong to the next day.
WHERE reported_at < (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC';

-- Identities continue after the generated ids -------------------------------------------

SELECT setval(pg_get_serial_sequence('pay_grades', 'pay_grade_id'), coalesce(max(pay_grade_id), 1), max(pay_grade_id) IS NOT NULL) FROM pay_grades;
SELECT setval(pg_get_serial_sequence('departments', 'department_id'), coalesce(max(department_id), 1), max(department_id) IS NOT NULL) FROM departments;
SELECT setval(pg_get_serial_sequence('positions', 'position_id'), coalesce(max(position_id), 1), max(position_id) IS NOT NULL) FROM positions;
SELECT setval(pg_get_serial_sequence('job_assignments', 'assignment_id'), coalesce(max(assignment_id), 1), max(assignment_id) IS NOT NULL) FROM job_assignments;
SELECT setval(pg_get_serial_sequence('job_requisitions', 'requisition_id'), coalesce(max(requisition_id), 1), max(requisition_id) IS NOT NULL) FROM job_requisitions;
SELECT setval(pg_get_serial_sequence('time_entries', 'time_entry_id'), coalesce(max(time_entry_id), 1), max(time_entry_id) IS NOT NULL) FROM time_entries;
SELECT setval(pg_get_serial_sequence('leave_requests', 'leave_request_id'), coalesce(max(leave_request_id), 1), max(leave_request_id) IS NOT NULL) FROM leave_requests;
SELECT setval(pg_get_serial_sequence('leave_balances', 'leave_balance_id'), coalesce(max(leave_balance_id), 1), max(leave_balance_id) IS NOT NULL) FROM leave_balances;
SELECT setval(pg_get_serial_sequence('training_courses', 'course_id'), coalesce(max(course_id), 1), max(course_id) IS NOT NULL) FROM training_courses;
SELECT setval(pg_get_serial_sequence('training_records', 'training_record_id'), coalesce(max(training_record_id), 1), max(training_record_id) IS NOT NULL) FROM training_records;
SELECT setval(pg_get_serial_sequence('certifications', 'certification_id'), coalesce(max(certification_id), 1), max(certification_id) IS NOT NULL) FROM certifications;
SELECT setval(pg_get_serial_sequence('performance_reviews', 'review_id'), coalesce(max(review_id), 1), max(review_id) IS NOT NULL) FROM performance_reviews;
SELECT setval(pg_get_serial_sequence('payroll_runs', 'payroll_run_id'), coalesce(max(payroll_run_id), 1), max(payroll_run_id) IS NOT NULL) FROM payroll_runs;
SELECT setval(pg_get_serial_sequence('payslips', 'payslip_id'), coalesce(max(payslip_id), 1), max(payslip_id) IS NOT NULL) FROM payslips;
SELECT setval(pg_get_serial_sequence('benefit_plans', 'benefit_plan_id'), coalesce(max(benefit_plan_id), 1), max(benefit_plan_id) IS NOT NULL) FROM benefit_plans;
SELECT setval(pg_get_serial_sequence('benefit_enrollments', 'enrollment_id'), coalesce(max(enrollment_id), 1), max(enrollment_id) IS NOT NULL) FROM benefit_enrollments;
SELECT setval(pg_get_serial_sequence('safety_incidents', 'incident_id'), coalesce(max(incident_id), 1), max(incident_id) IS NOT NULL) FROM safety_incidents;
