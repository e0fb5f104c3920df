-- MES feedback: the oldest released run starts, the oldest running one completes.
\set eff random(85, 102)
BEGIN;
UPDATE production_schedules
SET status = 'completed', completed_qty = round(planned_qty * :eff / 100), updated_at = now(), modified_by = 'mes_feedback'
WHERE schedule_id = (SELECT min(schedule_id) FROM production_schedules WHERE status = 'in_progress') AND status = 'in_progress';
UPDATE production_schedules
SET status = 'in_progress', completed_qty = 0, updated_at = now(), modified_by = 'mes_feedback'
WHERE schedule_id = (SELECT min(schedule_id) FROM production_schedules WHERE status = 'released') AND status = 'released';
COMMIT;
