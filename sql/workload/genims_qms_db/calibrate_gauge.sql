-- Metrology calibrates the gauge that is due first and moves its next due date.
\set err random(0, 110)
\set tech 20 * random(0, (:n_employees - 1) / 20) + 1
BEGIN;
SELECT coalesce(min(gauge_id), 0) AS gid FROM gauges
WHERE next_due_on = (SELECT min(next_due_on) FROM gauges WHERE status IN ('active', 'due')) AND status IN ('active', 'due') \gset
INSERT INTO calibration_records (gauge_id, calibrated_at, due_on, performed_by_employee_id, result, as_found_error,
  as_left_error, tolerance, cost, created_at, updated_at, modified_by)
SELECT gauge_id, now(), current_date + calibration_interval_days, :tech,
  CASE WHEN :err > 100 THEN 'adjusted' ELSE 'pass' END,
  resolution * 2 * :err / 100.0, resolution * 2 * CASE WHEN :err > 100 THEN :err / 500.0 ELSE :err / 100.0 END,
  resolution * 2, 0, now(), now(), 'user' || :tech
FROM gauges WHERE gauge_id = :gid;
UPDATE gauges
SET last_calibrated_on = current_date, next_due_on = current_date + calibration_interval_days, status = 'active',
  updated_at = now(), modified_by = 'user' || :tech
WHERE gauge_id = :gid AND status IN ('active', 'due');
COMMIT;
