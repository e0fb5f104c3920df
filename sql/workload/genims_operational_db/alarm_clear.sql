-- The process value returns within limits: the oldest acknowledged alarm clears.
BEGIN;
UPDATE scada_alarms
SET status = 'cleared', cleared_at = now(), updated_at = now(), modified_by = 'scada'
WHERE alarm_id = (SELECT alarm_id FROM scada_alarms WHERE status = 'acknowledged' ORDER BY acknowledged_at, alarm_id LIMIT 1);
COMMIT;
