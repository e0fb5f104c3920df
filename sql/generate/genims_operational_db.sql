-- Generator of genims_operational_db: SCADA configuration per machine, then the machine runs of
-- the shared production plan (_shop_floor_plan.sql) with their state intervals, downtime, andon
-- calls and logins, plus Sunday maintenance stops, sensor history (:volume samples per point per
-- day), alarms, daily energy per machine and factory, and tool changes.
\ir _prelude.sql
TRUNCATE downtime_reasons, scada_devices, scada_points, sensor_readings, scada_alarms, production_run_logs,
  downtime_events, equipment_status, andon_calls, energy_readings, tools, tool_changes, operator_logins
  RESTART IDENTITY CASCADE;

\ir _master_dims.sql
\ir _shop_floor_plan.sql

-- reason_id 1..20 is the plan's down_reason_no; 21 (PM) is the Sunday preventive maintenance.
INSERT INTO downtime_reasons (reason_id, reason_code, name, category, reason_group, counts_against_availability,
                              created_at, updated_at, modified_by)
SELECT v.id, v.code, v.name, v.cat, v.grp, v.cat = 'unplanned', c.ts, c.ts, 'mes_admin'
FROM (VALUES
  (1, 'MECH', 'Mechanical failure', 'unplanned', 'mechanical'),
  (2, 'ELEC', 'Electrical failure', 'unplanned', 'electrical'),
  (3, 'HYD', 'Hydraulic leak', 'unplanned', 'mechanical'),
  (4, 'PNEU', 'Compressed air pressure low', 'unplanned', 'utility'),
  (5, 'SENS', 'Sensor fault', 'unplanned', 'electrical'),
  (6, 'PLC', 'Control system fault', 'unplanned', 'electrical'),
  (7, 'JAM', 'Material jam', 'unplanned', 'material'),
  (8, 'MAT', 'Material shortage', 'unplanned', 'material'),
  (9, 'QUAL', 'Quality hold', 'unplanned', 'quality'),
  (10, 'NOOP', 'No operator available', 'unplanned', 'operator'),
  (11, 'UTIL', 'Utility outage', 'unplanned', 'utility'),
  (12, 'TBRK', 'Tool breakage', 'unplanned', 'mechanical'),
  (13, 'WAIT', 'Waiting for upstream', 'unplanned', 'organisational'),
  (14, 'WMNT', 'Waiting for maintenance', 'unplanned', 'maintenance'),
  (15, 'ADJ', 'Process adjustment', 'unplanned', 'quality'),
  (16, 'TOOL', 'Planned tool change', 'planned', 'changeover'),
  (17, 'CLEAN', 'Cleaning', 'planned', 'maintenance'),
  (18, 'TRIAL', 'Engineering trial', 'planned', 'organisational'),
  (19, 'MEET', 'Team meeting', 'planned', 'organisational'),
  (20, 'AM', 'Autonomous maintenance', 'planned', 'maintenance'),
  (21, 'PM', 'Preventive maintenance', 'planned', 'maintenance')) AS v (id, code, name, cat, grp)
CROSS JOIN (SELECT pg_temp.rnd_ts_before('reason.created', 1, :'start_date', 800, 800) AS ts) AS c;

CREATE TEMP TABLE op_machines AS
SELECT m.*,
       'F' || lpad(m.factory_id::text, 2, '0') || '-L' || ((m.line_id - 1) % 4 + 1) || '-M' || m.line_position AS machine_code
FROM dim_machines AS m;
CREATE UNIQUE INDEX ON op_machines (machine_id);

INSERT INTO scada_devices (device_id, device_code, machine_id, device_type, vendor, model, protocol, ip_address,
                           mac_address, firmware_version, status, last_seen_at, config, created_at, updated_at,
                           modified_by)
SELECT m.machine_id, 'PLC-' || m.machine_code, m.machine_id, 'plc', v.vendor, v.model, v.protocol,
       ('10.' || m.factory_id || '.' || ((m.line_id - 1) % 4 + 1) || '.' || (10 + m.line_position))::inet,
       ('02' || lpad(to_hex(pg_temp.rnd_int('device.mac', m.machine_id, 0, 1099511627775)), 10, '0'))::macaddr,
       pg_temp.rnd_int('device.fw1', m.machine_id, 2, 4) || '.' || pg_temp.rnd_int('device.fw2', m.machine_id, 0, 9)
         || '.' || pg_temp.rnd_int('device.fw3', m.machine_id, 0, 30),
       CASE WHEN pg_temp.rnd_bool('device.online', m.machine_id, 0.97) THEN 'online' ELSE 'maintenance' END,
       :'now_ts'::timestamptz - pg_temp.rnd_int('device.seen', m.machine_id, 1, 600) * interval '1 second',
       jsonb_build_object('scan_cycle_ms', (ARRAY[10, 20, 50, 100])[pg_temp.rnd_int('device.scan', m.machine_id, 1, 4)],
                          'security_mode', pg_temp.rnd_pick('device.sec', m.machine_id, '{SignAndEncrypt,Sign,None}'),
                          'redundant', pg_temp.rnd_bool('device.redundant', m.machine_id, 0.2)),
       c.ts, c.ts, 'ot_engineer'
FROM op_machines AS m
CROSS JOIN LATERAL (
  SELECT (ARRAY['Siemens', 'Rockwell', 'Beckhoff', 'Mitsubishi'])[k] AS vendor,
         (ARRAY['S7-1516F', 'ControlLogix 5580', 'CX5140', 'iQ-R R08'])[k] AS model,
         (ARRAY['profinet', 'ethernet_ip', 'opc_ua', 'opc_ua'])[k] AS protocol
  FROM (SELECT pg_temp.rnd_int('device.vendor', m.machine_id, 1, 4)::int AS k) AS kk
) AS v
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('device.created', m.machine_id, :'start_date', 300, 700) AS ts) AS c;

-- Three points per machine; the set depends on the line kind.
CREATE TEMP TABLE point_templates (line_kind int, j int, code text, sensor_type text, descr text, unit text,
                                   nominal float8, spread float8, PRIMARY KEY (line_kind, j));
INSERT INTO point_templates VALUES
  (0, 1, 'SPINDLE_TEMP', 'temperature', 'Spindle bearing temperature', 'degC', 42, 0.08),
  (0, 2, 'VIBRATION', 'vibration', 'Spindle vibration velocity RMS', 'mm/s', 2.2, 0.20),
  (0, 3, 'SPINDLE_LOAD', 'current', 'Spindle motor current', 'A', 18, 0.15),
  (1, 1, 'BARREL_TEMP', 'temperature', 'Barrel zone 3 temperature', 'degC', 235, 0.02),
  (1, 2, 'INJ_PRESSURE', 'pressure', 'Peak injection pressure', 'bar', 1150, 0.05),
  (1, 3, 'OIL_TEMP', 'temperature', 'Hydraulic oil temperature', 'degC', 46, 0.06),
  (2, 1, 'MOTOR_CURRENT', 'current', 'Main drive motor current', 'A', 62, 0.12),
  (2, 2, 'VIBRATION', 'vibration', 'Frame vibration velocity RMS', 'mm/s', 4.1, 0.20),
  (2, 3, 'HYD_PRESSURE', 'pressure', 'Hydraulic system pressure', 'bar', 180, 0.04),
  (3, 1, 'AIR_PRESSURE', 'pressure', 'Compressed air supply pressure', 'bar', 6.2, 0.03),
  (3, 2, 'DRIVE_CURRENT', 'current', 'Conveyor drive current', 'A', 3.8, 0.15),
  (3, 3, 'POWER', 'power', 'Station active power', 'kW', 2.4, 0.18);

INSERT INTO scada_points (point_id, device_id, machine_id, tag_name, sensor_type, description, unit, data_type,
                          sample_interval_ms, nominal_value, low_limit, high_limit, alarm_low, alarm_high, deadband,
                          historized, enabled, tags, created_at, updated_at, modified_by)
SELECT (m.machine_id - 1) * 3 + t.j, m.machine_id, m.machine_id, m.machine_code || '.' || t.code, t.sensor_type,
       t.descr, t.unit, 'float', (ARRAY[250, 500, 1000, 1000, 5000])[pg_temp.rnd_int('point.interval', (m.machine_id - 1) * 3 + t.j, 1, 5)],
       t.nominal, 0, round((t.nominal * 2)::numeric, 2)::float8,
       round((t.nominal * (1 - 4 * t.spread))::numeric, 3)::float8,
       round((t.nominal * (1 + 3 * t.spread))::numeric, 3)::float8,
       round((t.nominal * t.spread * 0.1)::numeric, 3)::real,
       true, true, ARRAY[t.sensor_type, m.category],
       d.created_at, d.created_at, 'ot_engineer'
FROM op_machines AS m
JOIN point_templates AS t ON t.line_kind = m.line_kind
JOIN scada_devices AS d ON d.device_id = m.machine_id;

-- Historian samples: :volume per point and day, near-normal noise around nominal, rare excursions.
INSERT INTO sensor_readings (reading_id, point_id, machine_id, sensor, reading_ts, value, unit, quality)
SELECT row_number() OVER (ORDER BY s.reading_ts, s.point_id), s.point_id, s.machine_id, s.tag_name, s.reading_ts,
       s.value, s.unit, s.quality
FROM (
  SELECT p.point_id, p.machine_id, p.tag_name, p.unit,
         pg_temp.day_ts(:'start_date'::date + di, (v + pg_temp.rnd('reading.at', k)) * 86400.0 / :volume) AS reading_ts,
         round(CASE WHEN pg_temp.rnd_bool('reading.excursion', k, 0.01)
                    THEN p.alarm_high * (1 + 0.05 * pg_temp.rnd('reading.exc', k))
                    ELSE p.nominal_value * (1 + pt.spread * (pg_temp.rnd('reading.n1', k) + pg_temp.rnd('reading.n2', k)
                                                             + pg_temp.rnd('reading.n3', k) - 1.5) / 1.5)
               END::numeric, 3)::float8 AS value,
         CASE WHEN pg_temp.rnd_bool('reading.good', k, 0.985) THEN 'good'
              WHEN pg_temp.rnd_bool('reading.uncertain', k, 0.67) THEN 'uncertain' ELSE 'bad' END AS quality
  FROM scada_points AS p
  JOIN op_machines AS m USING (machine_id)
  JOIN point_templates AS pt ON pt.line_kind = m.line_kind AND pt.code = split_part(p.tag_name, '.', 2)
  CROSS JOIN generate_series(0, :days - 1) AS di
  CROSS JOIN generate_series(0, :volume - 1) AS v
  CROSS JOIN LATERAL (SELECT (p.point_id * 100000 + di) * 16 + v AS k) AS kk
) AS s;

INSERT INTO scada_alarms (alarm_id, alarm_uuid, point_id, machine_id, factory_id, alarm_type, severity, message,
                          trigger_value, limit_value, raised_at, acknowledged_at, acknowledged_by, cleared_at, status,
                          created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY a.raised_at, a.point_id), a.alarm_uuid, a.point_id, a.machine_id, a.factory_id,
       a.alarm_type, a.severity,
       a.tag_name || ' ' || upper(a.alarm_type) || ' alarm: ' || a.trigger_value || ' ' || a.unit || ' (limit ' || a.limit_value || ')',
       a.trigger_value, a.limit_value, a.raised_at,
       CASE WHEN a.ack_at <= :'now_ts'::timestamptz THEN a.ack_at END,
       CASE WHEN a.ack_at <= :'now_ts'::timestamptz THEN a.ack_by END,
       CASE WHEN a.clear_at <= :'now_ts'::timestamptz THEN a.clear_at END,
       CASE WHEN a.clear_at <= :'now_ts'::timestamptz THEN 'cleared'
            WHEN a.ack_at <= :'now_ts'::timestamptz THEN 'acknowledged' ELSE 'active' END,
       a.raised_at,
       CASE WHEN a.clear_at <= :'now_ts'::timestamptz THEN a.clear_at
            WHEN a.ack_at <= :'now_ts'::timestamptz THEN a.ack_at ELSE a.raised_at END,
       CASE WHEN a.ack_at <= :'now_ts'::timestamptz THEN 'user' || a.ack_by ELSE 'scada' END
FROM (
  SELECT p.point_id, p.machine_id, m.factory_id, p.tag_name, p.unit, t.alarm_type,
         pg_temp.rnd_pick('alarm.severity', k, '{low,medium,medium,high,high,critical}') AS severity,
         CASE t.alarm_type WHEN 'high' THEN round((p.alarm_high * (1 + 0.08 * pg_temp.rnd('alarm.value', k)))::numeric, 3)::float8
                           ELSE round((p.alarm_low * (1 - 0.08 * pg_temp.rnd('alarm.value', k)))::numeric, 3)::float8 END AS trigger_value,
         CASE t.alarm_type WHEN 'high' THEN p.alarm_high ELSE p.alarm_low END AS limit_value,
         r.raised_at,
         r.raised_at + (1 + 19 * pg_temp.rnd('alarm.ack', k)) * interval '1 minute' AS ack_at,
         r.raised_at + (3 + 110 * pg_temp.rnd('alarm.clear', k)) * interval '1 minute' AS clear_at,
         pg_temp.pick_employee(m.factory_id, 'operator', pg_temp.rnd('alarm.ack_by', k)) AS ack_by,
         (lpad(to_hex(pg_temp.rnd_int('alarm.uuid1', k, 0, 4294967295)), 8, '0')
          || lpad(to_hex(pg_temp.rnd_int('alarm.uuid2', k, 0, 4294967295)), 8, '0')
          || lpad(to_hex(pg_temp.rnd_int('alarm.uuid3', k, 0, 4294967295)), 8, '0')
          || lpad(to_hex(pg_temp.rnd_int('alarm.uuid4', k, 0, 4294967295)), 8, '0'))::uuid AS alarm_uuid
  FROM scada_points AS p
  JOIN op_machines AS m USING (machine_id)
  CROSS JOIN generate_series(0, :days - 1) AS di
  CROSS JOIN LATERAL (SELECT p.point_id * 100000 + di AS k) AS kk
  CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.rnd_bool('alarm.type', k, 0.7) THEN 'high' ELSE 'low' END AS alarm_type) AS t
  CROSS JOIN LATERAL (SELECT pg_temp.day_ts(:'start_date'::date + di, 86400 * pg_temp.rnd('alarm.at', k)) AS raised_at) AS r
  WHERE pg_temp.rnd_bool('alarm.has', k, 0.04 * :volume)
) AS a;

INSERT INTO production_run_logs (run_id, run_number, work_order_number, operation_seq, machine_id, line_id, factory_id,
                                 shift_id, shift_date, product_id, operator_employee_id, start_time, end_time,
                                 planned_time_seconds, setup_time_seconds, downtime_seconds, run_time_seconds,
                                 ideal_cycle_time_seconds, total_count, good_count, scrap_count, status, notes,
                                 created_at, updated_at, modified_by)
SELECT r.run_id, 'RUN-' || lpad(r.run_id::text, 8, '0'), 'WO-' || lpad(r.work_order_id::text, 6, '0'), r.op_no * 10,
       r.machine_id, r.line_id, r.factory_id, r.shift_id, r.work_date, r.product_id, r.operator_id, r.start_time,
       r.end_time, r.planned_seconds, r.setup_seconds, r.downtime_seconds, r.run_seconds, r.ideal, r.total_count,
       r.total_count - r.scrap_count, r.scrap_count,
       r.status,
       CASE WHEN r.status = 'completed' AND pg_temp.rnd_bool('run.note', r.run_key, 0.04)
            THEN pg_temp.rnd_pick('run.note.text', r.run_key,
                                  '{Counter reset by PLC restart; count corrected manually,First-off approved after second adjustment,Ran at reduced speed on quality request,Material lot changed mid-run}') END,
       r.start_time, coalesce(r.end_time, r.start_time), 'user' || r.operator_id
FROM plan_runs AS r;

-- Stops: the plan's in-run downtime plus preventive maintenance on Sundays.
CREATE TEMP TABLE op_downtimes AS
SELECT row_number() OVER (ORDER BY d.start_time, d.machine_id) AS event_id, d.*
FROM (
  SELECT r.machine_id, r.line_id, r.factory_id, r.shift_id, r.run_id, r.work_order_id, r.run_key AS key,
         r.down_reason_no AS reason_id, r.down_start AS start_time,
         r.down_start + r.downtime_seconds * interval '1 second' AS end_time, r.operator_id AS reported_by
  FROM plan_runs AS r
  WHERE r.status = 'completed' AND r.downtime_seconds > 0
  UNION ALL
  SELECT m.machine_id, m.line_id, m.factory_id, (m.factory_id - 1) * 3 + 1, NULL, NULL,
         -(m.machine_id * 100000 + di), 21,
         pg_temp.day_ts(:'start_date'::date + di, 21600 + 7200 * pg_temp.rnd('pm.start', m.machine_id * 100000 + di)),
         pg_temp.day_ts(:'start_date'::date + di, 21600 + 7200 * pg_temp.rnd('pm.start', m.machine_id * 100000 + di)
                                                  + 3600 * (2 + 4 * pg_temp.rnd('pm.len', m.machine_id * 100000 + di))),
         pg_temp.pick_employee(m.factory_id, 'maintenance_technician', pg_temp.rnd('pm.tech', m.machine_id * 100000 + di))
  FROM op_machines AS m
  CROSS JOIN generate_series(0, :days - 1) AS di
  WHERE extract(isodow FROM :'start_date'::date + di) = 7
    AND pg_temp.rnd_bool('pm.has', m.machine_id * 100000 + di, 0.15)
) AS d;

INSERT INTO downtime_events (event_id, machine_id, line_id, factory_id, shift_id, reason_id, category, start_time,
                             end_time, duration_minutes, run_id, work_order_number, reported_by, notes, status,
                             created_at, updated_at, modified_by)
SELECT d.event_id, d.machine_id, d.line_id, d.factory_id, d.shift_id, d.reason_id, dr.category, d.start_time,
       d.end_time, round((extract(epoch FROM d.end_time - d.start_time) / 60)::numeric, 2), d.run_id,
       'WO-' || lpad(d.work_order_id::text, 6, '0'), d.reported_by,
       CASE dr.reason_group
         WHEN 'mechanical' THEN 'Technician called; ' || pg_temp.rnd_pick('down.note', d.key,
                                  '{bearing replaced,belt re-tensioned,clamp cylinder seal changed,guard door switch realigned}')
         WHEN 'electrical' THEN 'Fault cleared after ' || pg_temp.rnd_pick('down.note', d.key,
                                  '{fuse replacement,connector reseated,drive reset,encoder cable replaced}')
         WHEN 'material' THEN 'Line waited for material; logistics informed'
         WHEN 'quality' THEN 'Stopped on quality request until first-off re-approved'
         WHEN 'maintenance' THEN CASE WHEN d.reason_id = 21 THEN 'Scheduled PM: lubrication, filter change, safety checks'
                                      ELSE 'Waiting for technician' END
         ELSE NULL END,
       'closed', d.start_time, d.end_time, 'user' || d.reported_by
FROM op_downtimes AS d
JOIN downtime_reasons AS dr USING (reason_id);

-- State intervals: setup, running (split around a stop), down; the current interval is open.
INSERT INTO equipment_status (status_id, machine_id, state, start_time, end_time, duration_seconds, reason_code, run_id,
                              downtime_event_id, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY s.start_time, s.machine_id, s.seq), s.machine_id, s.state, s.start_time, s.end_time,
       round(extract(epoch FROM s.end_time - s.start_time)::numeric, 3), s.reason_code, s.run_id, s.downtime_event_id,
       s.start_time, coalesce(s.end_time, s.start_time), 'scada'
FROM (
  -- setup
  SELECT r.machine_id, 1 AS seq, 'setup' AS state, r.start_time,
         CASE WHEN r.start_time + r.setup_seconds * interval '1 second' <= :'now_ts'::timestamptz
              THEN r.start_time + r.setup_seconds * interval '1 second' END AS end_time,
         'SETUP' AS reason_code, r.run_id, NULL::bigint AS downtime_event_id
  FROM plan_runs AS r
  UNION ALL
  -- running until the stop, or the whole run
  SELECT r.machine_id, 2, 'running', r.start_time + r.setup_seconds * interval '1 second',
         CASE WHEN d.event_id IS NOT NULL THEN d.start_time ELSE r.end_time END,
         NULL, r.run_id, NULL
  FROM plan_runs AS r
  LEFT JOIN op_downtimes AS d ON d.run_id = r.run_id
  WHERE r.start_time + r.setup_seconds * interval '1 second' <= :'now_ts'::timestamptz
  UNION ALL
  -- running after the stop
  SELECT r.machine_id, 4, 'running', d.end_time, r.end_time, NULL, r.run_id, NULL
  FROM plan_runs AS r
  JOIN op_downtimes AS d ON d.run_id = r.run_id
  UNION ALL
  -- stops
  SELECT d.machine_id, 3, 'down', d.start_time, d.end_time, dr.reason_code, d.run_id, d.event_id
  FROM op_downtimes AS d
  JOIN downtime_reasons AS dr USING (reason_id)
) AS s;

-- Every unplanned stop starts with an andon call from the operator.
INSERT INTO andon_calls (call_id, factory_id, line_id, machine_id, call_type, called_at, called_by, responded_at,
                         responder_employee_id, resolved_at, downtime_event_id, status, notes, created_at, updated_at,
                         modified_by)
SELECT row_number() OVER (ORDER BY a.called_at, a.machine_id), a.factory_id, a.line_id, a.machine_id, a.call_type,
       a.called_at, a.reported_by, a.responded_at,
       pg_temp.pick_employee(a.factory_id,
                             CASE a.call_type WHEN 'maintenance' THEN 'maintenance_technician'
                                              WHEN 'quality' THEN 'quality_inspector'
                                              WHEN 'material' THEN 'operator' ELSE 'supervisor' END,
                             pg_temp.rnd('andon.responder', a.key)),
       a.end_time, a.event_id, 'resolved',
       CASE WHEN a.responded_at - a.called_at > interval '10 minutes' THEN 'Response over 10 min target' END,
       a.called_at, a.end_time, 'user' || a.reported_by
FROM (
  SELECT d.*, dr.reason_group,
         CASE WHEN dr.reason_group IN ('mechanical', 'electrical', 'utility', 'maintenance') THEN 'maintenance'
              WHEN dr.reason_group = 'material' THEN 'material'
              WHEN dr.reason_group = 'quality' THEN 'quality' ELSE 'supervisor' END AS call_type,
         d.start_time + 120 * pg_temp.rnd('andon.call', d.key) * interval '1 second' AS called_at,
         least(d.start_time + (120 + 780 * pg_temp.rnd('andon.resp', d.key)) * interval '1 second', d.end_time) AS responded_at
  FROM op_downtimes AS d
  JOIN downtime_reasons AS dr USING (reason_id)
  WHERE dr.category = 'unplanned'
) AS a;

INSERT INTO operator_logins (login_id, machine_id, employee_id, terminal_id, auth_method, login_at, logout_at, run_id,
                             created_at, updated_at, modified_by)
SELECT r.run_id, r.machine_id, r.operator_id, 'HMI-' || m.machine_code,
       pg_temp.rnd_pick('login.method', r.run_key, '{badge,badge,badge,badge,badge,badge,badge,badge,pin,sso}'),
       r.start_time - (60 + 540 * pg_temp.rnd('login.before', r.run_key)) * interval '1 second',
       CASE WHEN r.end_time IS NOT NULL
            THEN least(r.end_time + (60 + 540 * pg_temp.rnd('login.after', r.run_key)) * interval '1 second',
                       :'now_ts'::timestamptz) END,
       r.run_id,
       r.start_time - (60 + 540 * pg_temp.rnd('login.before', r.run_key)) * interval '1 second',
       coalesce(least(r.end_time + (60 + 540 * pg_temp.rnd('login.after', r.run_key)) * interval '1 second',
                      :'now_ts'::timestamptz),
                r.start_time - (60 + 540 * pg_temp.rnd('login.before', r.run_key)) * interval '1 second'),
       'user' || r.operator_id
FROM plan_runs AS r
JOIN op_machines AS m USING (machine_id);

-- Daily energy: idle load all day plus the running load of the day's runs; factory main meters
-- add compressors, HVAC and lighting.
CREATE TEMP TABLE op_energy AS
SELECT m.machine_id, m.factory_id, m.machine_code, d::date AS day,
       round((m.rated_power_kw * 0.08 * 24
              + m.rated_power_kw * pg_temp.rnd_num('energy.load', k, 0.55, 0.85, 4) * coalesce(r.run_hours, 0))::numeric, 3) AS kwh,
       round(CASE WHEN r.run_hours > 0 THEN m.rated_power_kw * pg_temp.rnd_num('energy.peak', k, 0.85, 1.10, 4)
                  ELSE m.rated_power_kw * 0.12 END, 3) AS peak_kw,
       round(pg_temp.rnd_num('energy.pf', k, 0.82, 0.97, 3), 3)::real AS power_factor,
       f.tariff_per_kwh
FROM op_machines AS m
JOIN dim_factories AS f USING (factory_id)
CROSS JOIN generate_series(:'start_date'::date, :'end_date'::date, interval '1 day') AS d
CROSS JOIN LATERAL (SELECT m.machine_id * 100000 + (d::date - :'start_date'::date) AS k) AS kk
LEFT JOIN (SELECT machine_id, (start_time AT TIME ZONE 'UTC')::date AS day, sum(run_seconds) / 3600.0 AS run_hours
           FROM plan_runs GROUP BY 1, 2) AS r
  ON r.machine_id = m.machine_id AND r.day = d::date;

INSERT INTO energy_readings (reading_id, factory_id, machine_id, meter_code, period_start, period_end, kwh, peak_kw,
                             power_factor, tariff_per_kwh, energy_cost)
SELECT row_number() OVER (ORDER BY e.day, e.factory_id, e.machine_id NULLS FIRST), e.factory_id, e.machine_id, e.meter_code,
       pg_temp.day_ts(e.day, 0), pg_temp.day_ts(e.day + 1, 0), e.kwh, e.peak_kw, e.power_factor, e.tariff_per_kwh,
       round(e.kwh * e.tariff_per_kwh, 2)
FROM (
  SELECT machine_id, factory_id, 'EM-' || machine_code AS meter_code, day, kwh, peak_kw, power_factor, tariff_per_kwh
  FROM op_energy
  UNION ALL
  SELECT NULL, factory_id, 'EM-F' || lpad(factory_id::text, 2, '0') || '-MAIN', day,
         round(sum(kwh) * pg_temp.rnd_num('energy.main', factory_id * 100000 + (day - :'start_date'::date), 1.25, 1.45, 4), 3),
         round(sum(peak_kw) * 0.8, 3), 0.93, min(tariff_per_kwh)
  FROM op_energy
  GROUP BY factory_id, day
) AS e;

CREATE TEMP TABLE tool_templates (line_kind int, j int, tool_type text, descr text, life_lo int, life_hi int,
                                  PRIMARY KEY (line_kind, j));
INSERT INTO tool_templates VALUES
  (0, 1, 'end_mill', 'Solid carbide end mill D10 Z4 TiAlN', 4000, 12000),
  (0, 2, 'turning_insert', 'CNMG 120408 insert, grade P25', 2500, 8000),
  (1, 1, 'mold_insert', 'Cavity insert, hardened 1.2343', 150000, 400000),
  (1, 2, 'hot_runner_nozzle', 'Hot runner nozzle tip', 80000, 200000),
  (2, 1, 'punch', 'Piercing punch D8, HSS-PM', 60000, 150000),
  (2, 2, 'contact_tip', 'Welding contact tip M6 CuCrZr', 3000, 9000),
  (3, 1, 'screwdriver_bit', 'Torx T25 bit, 50 mm', 20000, 60000),
  (3, 2, 'gripper_finger', 'Polyurethane gripper finger set', 100000, 300000);

-- Two tools per machine, each replaced every interval_days; the last change before :now_ts
-- installed the tool now in use.
CREATE TEMP TABLE op_tools AS
SELECT (m.machine_id - 1) * 2 + tt.j AS tool_id, m.machine_id, m.factory_id, m.machine_code, tt.j, tt.tool_type, tt.descr,
       pg_temp.rnd_int('tool.life', (m.machine_id - 1) * 2 + tt.j, tt.life_lo, tt.life_hi)::int AS max_life,
       pg_temp.rnd_int('tool.interval', (m.machine_id - 1) * 2 + tt.j, 4, 20)::int AS interval_days,
       pg_temp.day_ts(:'start_date'::date, 86400 * 20 * pg_temp.rnd('tool.first', (m.machine_id - 1) * 2 + tt.j)) AS first_change
FROM op_machines AS m
JOIN tool_templates AS tt ON tt.line_kind = m.line_kind;

CREATE TEMP TABLE op_tool_changes AS
SELECT t.tool_id, t.machine_id, t.max_life, c.n,
       t.first_change + c.n * t.interval_days * interval '1 day' AS changed_at,
       pg_temp.rnd_pick('tc.reason', t.tool_id * 1000 + c.n,
                        '{worn,worn,worn,worn,worn,worn,scheduled,scheduled,scheduled,broken,quality}') AS reason,
       pg_temp.pick_employee(t.factory_id, 'maintenance_technician', pg_temp.rnd('tc.changer', t.tool_id * 1000 + c.n)) AS changed_by
FROM op_tools AS t
CROSS JOIN LATERAL generate_series(0, :days / t.interval_days + 1) AS c (n)
WHERE t.first_change + c.n * t.interval_days * interval '1 day' < :'now_ts'::timestamptz;

INSERT INTO tools (tool_id, tool_code, machine_id, tool_type, description, max_life_cycles, current_cycles, status,
                   installed_at, attributes, created_at, updated_at, modified_by)
SELECT t.tool_id, 'T-' || t.machine_code || '-' || t.j, t.machine_id, t.tool_type, t.descr, t.max_life,
       least(t.max_life, round(t.max_life * 0.9 * x.age_seconds / (t.interval_days * 86400.0))::int),
       CASE WHEN x.age_seconds > t.interval_days * 86400 * 0.95 THEN 'worn' ELSE 'in_use' END,
       x.installed_at,
       jsonb_build_object('supplier_part', upper(t.tool_type) || '-' || pg_temp.rnd_int('tool.part', t.tool_id, 1000, 9999),
                          'regrind_allowed', t.tool_type IN ('end_mill', 'punch')),
       :'start_date'::timestamptz - interval '30 days', x.installed_at,
       coalesce('user' || lc.changed_by, 'ot_engineer')
FROM op_tools AS t
LEFT JOIN (SELECT DISTINCT ON (tool_id) tool_id, changed_at, changed_by
           FROM op_tool_changes ORDER BY tool_id, changed_at DESC) AS lc USING (tool_id)
CROSS JOIN LATERAL (
  SELECT coalesce(lc.changed_at, :'start_date'::timestamptz - interval '3 days') AS installed_at,
         extract(epoch FROM :'now_ts'::timestamptz - coalesce(lc.changed_at, :'start_date'::timestamptz - interval '3 days')) AS age_seconds
) AS x;

INSERT INTO tool_changes (change_id, tool_id, machine_id, changed_at, reason, cycles_at_change, changed_by,
                          downtime_minutes, notes, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY c.changed_at, c.tool_id), c.tool_id, c.machine_id, c.changed_at, c.reason,
       round(c.max_life * CASE c.reason WHEN 'broken' THEN pg_temp.rnd_num('tc.cycles', c.tool_id * 1000 + c.n, 0.2, 0.8, 4)
                                        ELSE pg_temp.rnd_num('tc.cycles', c.tool_id * 1000 + c.n, 0.85, 1.05, 4) END)::int,
       c.changed_by,
       pg_temp.rnd_num('tc.minutes', c.tool_id * 1000 + c.n, 5, 45, 2),
       CASE c.reason WHEN 'broken' THEN 'Tool broke in cut; parts since last check quarantined'
                     WHEN 'quality' THEN 'Changed early: surface finish out of spec' END,
       c.changed_at, c.changed_at, 'user' || c.changed_by
FROM op_tool_changes AS c;

SELECT setval(pg_get_serial_sequence('downtime_reasons', 'reason_id'), coalesce(max(reason_id), 1), max(reason_id) IS NOT NULL) FROM downtime_reasons;
SELECT setval(pg_get_serial_sequence('scada_devices', 'device_id'), coalesce(max(device_id), 1), max(device_id) IS NOT NULL) FROM scada_devices;
SELECT setval(pg_get_serial_sequence('scada_points', 'point_id'), coalesce(max(point_id), 1), max(point_id) IS NOT NULL) FROM scada_points;
SELECT setval(pg_get_serial_sequence('sensor_readings', 'reading_id'), coalesce(max(reading_id), 1), max(reading_id) IS NOT NULL) FROM sensor_readings;
SELECT setval(pg_get_serial_sequence('scada_alarms', 'alarm_id'), coalesce(max(alarm_id), 1), max(alarm_id) IS NOT NULL) FROM scada_alarms;
SELECT setval(pg_get_serial_sequence('production_run_logs', 'run_id'), coalesce(max(run_id), 1), max(run_id) IS NOT NULL) FROM production_run_logs;
SELECT setval(pg_get_serial_sequence('downtime_events', 'event_id'), coalesce(max(event_id), 1), max(event_id) IS NOT NULL) FROM downtime_events;
SELECT setval(pg_get_serial_sequence('equipment_status', 'status_id'), coalesce(max(status_id), 1), max(status_id) IS NOT NULL) FROM equipment_status;
SELECT setval(pg_get_serial_sequence('andon_calls', 'call_id'), coalesce(max(call_id), 1), max(call_id) IS NOT NULL) FROM andon_calls;
SELECT setval(pg_get_serial_sequence('energy_readings', 'reading_id'), coalesce(max(reading_id), 1), max(reading_id) IS NOT NULL) FROM energy_readings;
SELECT setval(pg_get_serial_sequence('tools', 'tool_id'), coalesce(max(tool_id), 1), max(tool_id) IS NOT NULL) FROM tools;
SELECT setval(pg_get_serial_sequence('tool_changes', 'change_id'), coalesce(max(change_id), 1), max(change_id) IS NOT NULL) FROM tool_changes;
SELECT setval(pg_get_serial_sequence('operator_logins', 'login_id'), coalesce(max(login_id), 1), max(login_id) IS NOT NULL) FROM operator_logins;
