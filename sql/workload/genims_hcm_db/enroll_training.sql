-- An employee is enrolled in a course (mandatory safety courses most often).
\set e random(1, :n_employees)
\set c random(1, 23)
\set m random(1, 6)
\set k random(1, 10)
\set wait random(1, 21)
BEGIN;
INSERT INTO training_records (employee_id, course_id, enrolled_at, scheduled_on, status, created_at,
  updated_at, modified_by)
VALUES (:e, CASE WHEN :k <= 4 THEN :m ELSE :c END, now(), current_date + :wait, 'enrolled', now(), now(),
  'user' || :e);
COMMIT;
