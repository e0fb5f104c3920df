-- A planner removes the most recently added draft run again.
BEGIN;
DELETE FROM production_schedules
WHERE schedule_id = (SELECT max(schedule_id) FROM production_schedules WHERE status = 'draft')
  AND status = 'draft';
COMMIT;
