-- A running machine stops for an unplanned reason: downtime event, 'down' interval, andon call.
\set pick random(0, 1000)
\set reason random(1, 15)
SELECT coalesce(max(run_id), 0) AS rid, coalesce(max(machine_id), 0) AS mid
FROM (SELECT r.run_id, r.machine_id FROM production_run_logs AS r
      WHERE r.status = 'running'
        AND NOT EXISTS (SELECT 1 FROM downtime_events AS d WHERE d.machine_id = r.machine_id AND d.status = 'open')
      ORDER BY (r.run_id * 7919 + :pick) % 1009, r.run_id LIMIT 1) AS x \gset
SELECT nextval(pg_get_serial_sequence('downtime_events', 'event_id')) AS ev \gset
BEGIN;
INSERT INTO downtime_events (event_id, machine_id, line_id, factory_id, shift_id, reason_id, category, start_time, run_id,
                             work_order_number, reported_by, status, modified_by)
SELECT :ev, r.machine_id, r.line_id, r.factory_id, r.shift_id, dr.reason_id, dr.category, now(), r.run_id,
       r.work_order_number, r.operator_employee_id, 'open', 'user' || r.operator_employee_id
FROM production_run_logs AS r
JOIN downtime_reasons AS dr ON dr.reason_id = :reason
WHERE r.run_id = :rid;
UPDATE equipment_status
SET end_time = now(), duration_seconds = round(extract(epoch FROM now() - start_time)::numeric, 3),
    updated_at = now(), modified_by = 'scada'
WHERE machine_id = :mid AND end_time IS NULL AND EXISTS (SELECT 1 FROM downtime_events WHERE event_id = :ev);
INSERT INTO equipment_status (machine_id, state, start_time, reason_code, run_id, downtime_event_id, modified_by)
SELECT d.machine_id, 'down', d.start_time, dr.reason_code, d.run_id, d.event_id, 'scada'
FROM downtime_events AS d JOIN downtime_reasons AS dr USING (reason_id)
WHERE d.event_id = :ev;
INSERT INTO andon_calls (factory_id, line_id, machine_id, call_type, called_at, called_by, downtime_event_id, status, modified_by)
SELECT d.factory_id, d.line_id, d.machine_id,
       CASE WHEN dr.reason_group IN ('mechanical', 'electrical', 'utility', 'maintenance') THEN 'maintenance'
            WHEN dr.reason_group = 'material' THEN 'material'
            WHEN dr.reason_group = 'quality' THEN 'quality' ELSE 'supervisor' END,
       now(), d.reported_by, d.event_id, 'open', 'user' || d.reported_by
FROM downtime_events AS d JOIN downtime_reasons AS dr USING (reason_id)
WHERE d.event_id = :ev;
COMMIT;
