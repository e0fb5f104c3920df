-- The approver decides the oldest pending request; an approval books the days as planned.
\set r random(1, 100)
BEGIN;
SELECT coalesce(min(leave_request_id), 0) AS lr FROM leave_requests WHERE status = 'submitted' \gset
UPDATE leave_requests
SET status = CASE WHEN :r <= 90 OR leave_type = 'sick' THEN 'approved' ELSE 'rejected' END,
  decided_at = now(),
  decision_comment = CASE WHEN :r <= 90 OR leave_type = 'sick' THEN NULL ELSE 'Shift coverage insufficient that week.' END,
  updated_at = now(), modified_by = 'user' || approver_employee_id
WHERE leave_request_id = :lr AND status = 'submitted';
UPDATE leave_balances b
SET planned_days = b.planned_days + l.days, updated_at = now(), modified_by = 'leave_engine'
FROM leave_requests l
WHERE l.leave_request_id = :lr AND l.status = 'approved'
  AND b.employee_id = l.employee_id AND b.leave_type = l.leave_type
  AND b.balance_year = extract(year FROM l.start_date);
COMMIT;
