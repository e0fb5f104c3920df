-- The historian stores one sample of every point of a machine.
\set m random(1, 20 * :n_factories)
\set noise random(-400, 400)
BEGIN;
INSERT INTO sensor_readings (point_id, machine_id, sensor, reading_ts, value, unit, quality)
SELECT point_id, machine_id, tag_name, now(),
       round((nominal_value * (1 + ((:noise * point_id) % 500) / 10000.0))::numeric, 3)::float8, unit,
       CASE WHEN :noise = 0 THEN 'uncertain' ELSE 'good' END
FROM scada_points
WHERE machine_id = :m AND enabled AND historized;
COMMIT;
