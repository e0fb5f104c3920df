-- A carrier withdraws its newest future booking; the slot is freed.
BEGIN;
SELECT coalesce(max(appointment_id), 0) AS aid
FROM dock_appointments WHERE status = 'scheduled' AND scheduled_start > now() \gset
DELETE FROM dock_appointments WHERE appointment_id = :aid AND status = 'scheduled';
COMMIT;
