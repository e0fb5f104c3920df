-- An operator acknowledges the oldest active alarm.
\set k random(0, (:n_employees - 6) / 20)
\set op 20 * :k + 6
BEGIN;
UPDATE scada_alarms
SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = :op, updated_at = now(), modified_by = 'user' || :op
WHERE alarm_id = (SELECT alarm_id FROM scada_alarms WHERE status = 'active' ORDER BY raised_at, alarm_id LIMIT 1);
COMMIT;
