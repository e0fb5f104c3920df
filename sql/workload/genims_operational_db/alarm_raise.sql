-- A SCADA point crosses its alarm limit.
\set pt random(1, 60 * :n_factories)
\set over random(1, 80)
\set sev random(1, 6)
SELECT nextval(pg_get_serial_sequence('scada_alarms', 'alarm_id')) AS alarm_id \gset
BEGIN;
INSERT INTO scada_alarms (alarm_id, alarm_uuid, point_id, machine_id, factory_id, alarm_type, severity, message,
                          trigger_value, limit_value, raised_at, status, modified_by)
SELECT :alarm_id, md5('genims-alarm-' || :alarm_id)::uuid, p.point_id, p.machine_id, (p.machine_id - 1) / 20 + 1,
       'high', (ARRAY['low', 'medium', 'medium', 'high', 'high', 'critical'])[:sev],
       p.tag_name || ' HIGH alarm: ' || round((p.alarm_high * (1 + :over / 1000.0))::numeric, 3) || ' ' || p.unit
         || ' (limit ' || p.alarm_high || ')',
       round((p.alarm_high * (1 + :over / 1000.0))::numeric, 3)::float8, p.alarm_high, now(), 'active', 'scada'
FROM scada_points AS p
WHERE p.point_id = :pt;
COMMIT;
