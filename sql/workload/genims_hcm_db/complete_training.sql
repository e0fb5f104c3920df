-- The trainer records the result of the oldest open enrolment; passing issues a certificate.
\set s random(50, 100)
BEGIN;
SELECT coalesce(min(training_record_id), 0) AS tr FROM training_records WHERE status = 'enrolled' \gset
UPDATE training_records t
SET status = CASE WHEN c.passing_score IS NULL OR :s >= c.passing_score THEN 'completed' ELSE 'failed' END,
  completed_on = current_date,
  score = CASE WHEN c.passing_score IS NOT NULL THEN :s END,
  passed = c.passing_score IS NULL OR :s >= c.passing_score,
  expires_on = CASE WHEN (c.passing_score IS NULL OR :s >= c.passing_score) AND c.validity_months IS NOT NULL
                    THEN (current_date + make_interval(months => c.validity_months))::date END,
  hours_attended = c.duration_hours, cost = c.cost_per_participant,
  certificate_sha256 = CASE WHEN c.passing_score IS NULL OR :s >= c.passing_score
                            THEN sha256(convert_to('CERT|' || t.training_record_id || '|' || t.employee_id, 'UTF8')) END,
  updated_at = now(), modified_by = 'lms_sync'
FROM training_courses c
WHERE t.training_record_id = :tr AND t.status = 'enrolled' AND c.course_id = t.course_id;
COMMIT;
