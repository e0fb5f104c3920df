-- Condition monitoring raises an alarm on a machine above its threshold.
\set machine random(1, 20 * :n_factories)
\set over random(100, 160)
BEGIN;
INSERT INTO condition_alerts (asset_id, meter_id, alert_type, severity, measured_value,
                              threshold_value, raised_at, status, created_at, updated_at)
SELECT a.asset_id, m.meter_id,
       CASE m.meter_type WHEN 'vibration_mm_s' THEN 'vibration_high'
                         WHEN 'temperature_c' THEN 'temperature_high' ELSE 'noise' END,
       CASE WHEN :over >= 140 THEN 'critical' ELSE 'warning' END,
       round(coalesce(m.alarm_high, 90) * :over / 100.0, 3)::double precision,
       coalesce(m.alarm_high, 90)::double precision, now(), 'open', now(), now()
FROM assets a
LEFT JOIN asset_meters m ON m.asset_id = a.asset_id
                        AND m.meter_type IN ('vibration_mm_s', 'temperature_c')
WHERE a.asset_id = :machine;
COMMIT;
