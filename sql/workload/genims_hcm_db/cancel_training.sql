-- A manager removes an enrolment that has not started yet.
\set e random(1, :n_employees)
BEGIN;
DELETE FROM training_records
WHERE training_record_id = (SELECT max(training_record_id) FROM training_records
                            WHERE status = 'enrolled' AND scheduled_on > current_date
                              AND employee_id >= :e)
  AND status = 'enrolled';
COMMIT;
