-- A SCADA upload: the meters of five neighbouring machines report their current values.
\set machine random(1, 20 * :n_factories - 4)
\set h random(0, 999999)
BEGIN;
INSERT INTO meter_readings (meter_id, asset_id, read_at, value, source)
SELECT m.meter_id, m.asset_id, now(),
       round(CASE m.meter_type
         WHEN 'running_hours'
           THEN m.current_value + extract(epoch FROM now() - coalesce(m.last_read_at, now())) / 3600 * 0.8
         WHEN 'cycles'
           THEN m.current_value + extract(epoch FROM now() - coalesce(m.last_read_at, now())) / 3600 * 200
         WHEN 'energy_kwh'
           THEN m.current_value + extract(epoch FROM now() - coalesce(m.last_read_at, now())) / 3600 * 90
         WHEN 'vibration_mm_s' THEN 1.5 + ((:h + m.meter_id * 7919) % 2600) / 1000.0
         ELSE 55 + ((:h + m.meter_id * 7919) % 22000) / 1000.0 END, 3)::double precision,
       CASE WHEN (:h + m.meter_id) % 5 = 0 THEN 'iot_gateway' ELSE 'scada' END
FROM asset_meters m
WHERE m.asset_id BETWEEN :machine AND :machine + 4;
COMMIT;
