-- An employee files a leave request (some stay drafts); sick leave starts today.
\set e random(1, :n_employees)
\set sup 20 * random(0, (:n_employees - 3) / 20) + 3
\set t random(1, 100)
\set off random(3, 60)
\set len random(1, 10)
BEGIN;
INSERT INTO leave_requests (employee_id, leave_type, start_date, end_date, days, reason, status,
  requested_at, approver_employee_id, created_at, updated_at, modified_by)
SELECT :e, lt, sd, sd + :len - 1, :len,
  CASE lt WHEN 'annual' THEN 'Family holiday' WHEN 'personal' THEN 'Moving house' END,
  CASE WHEN :t % 3 = 0 AND lt <> 'sick' THEN 'draft' ELSE 'submitted' END,
  now(), :sup, now(), now(), 'user' || :e
FROM (SELECT CASE WHEN :t <= 60 THEN 'annual' WHEN :t <= 85 THEN 'sick' WHEN :t <= 93 THEN 'personal'
                  WHEN :t <= 97 THEN 'training' ELSE 'unpaid' END AS lt) x
CROSS JOIN LATERAL (SELECT CASE WHEN x.lt = 'sick' THEN current_date ELSE current_date + :off END AS sd) s;
COMMIT;
