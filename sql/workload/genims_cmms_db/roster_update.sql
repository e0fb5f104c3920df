-- The maintenance supervisor plans a technician's shift in the next two weeks, cancels another
-- planned one, and the technician books today's hours.
\set k random(0, (:n_employees - 2) / 20)
\set e 20 * :k + 2
\set f (:e - 1) % :n_factories + 1
\set ahead random(1, 14)
\set drop random(1, 14)
\set ot random(0, 2)
BEGIN;
INSERT INTO technician_schedules (employee_id, factory_id, shift_id, work_date, status,
                                  planned_hours, created_at, updated_at, modified_by)
VALUES (:e, :f, 3 * (:f - 1) + 1 + :k % 3, current_date + :ahead, 'scheduled', 8,
        now(), now(), 'supervisor')
ON CONFLICT (employee_id, work_date) DO NOTHING;
DELETE FROM technician_schedules
WHERE employee_id = 20 * ((:k + 1) % ((:n_employees - 2) / 20 + 1)) + 2
  AND work_date = current_date + :drop AND status = 'scheduled';
UPDATE technician_schedules
SET status = 'worked', actual_hours = planned_hours + :ot, overtime_hours = :ot,
    updated_at = now(), modified_by = 'user' || :e
WHERE employee_id = :e AND work_date = current_date AND status IN ('scheduled', 'on_call');
COMMIT;
