-- Alarm journal housekeeping: the oldest cleared low-severity alarm is deleted.
BEGIN;
DELETE FROM scada_alarms
WHERE alarm_id = (SELECT alarm_id FROM scada_alarms WHERE status = 'cleared' AND severity = 'low'
                  ORDER BY alarm_id LIMIT 1);
COMMIT;
