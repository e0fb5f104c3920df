-- The oldest open stop is fixed: event closed, andon call resolved, the machine runs again.
\set k random(0, (:n_employees - 2) / 20)
\set tech 20 * :k + 2
SELECT coalesce(max(event_id), 0) AS ev, coalesce(max(machine_id), 0) AS mid, coalesce(max(run_id), 0) AS rid
FROM (SELECT event_id, machine_id, run_id FROM downtime_events WHERE status = 'open'
      ORDER BY start_time, event_id LIMIT 1) AS d \gset
BEGIN;
UPDATE andon_calls
SET responded_at = coalesce(responded_at, now()), responder_employee_id = coalesce(responder_employee_id, :tech),
    resolved_at = now(), status = 'resolved', updated_at = now(), modified_by = 'user' || :tech
WHERE downtime_event_id = :ev AND status <> 'resolved';
UPDATE downtime_events
SET end_time = now(), duration_minutes = round((extract(epoch FROM now() - start_time) / 60)::numeric, 2),
    status = 'closed', notes = 'Cleared by technician ' || :tech, updated_at = now(), modified_by = 'user' || :tech
WHERE event_id = :ev;
UPDATE production_run_logs
SET downtime_seconds = downtime_seconds + (SELECT round(duration_minutes * 60)::int FROM downtime_events WHERE event_id = :ev),
    updated_at = now(), modified_by = 'scada'
WHERE run_id = :rid AND status = 'running';
UPDATE equipment_status
SET end_time = now(), duration_seconds = round(extract(epoch FROM now() - start_time)::numeric, 3),
    updated_at = now(), modified_by = 'scada'
WHERE machine_id = :mid AND end_time IS NULL AND downtime_event_id = :ev;
INSERT INTO equipment_status (machine_id, state, start_time, run_id, modified_by)
SELECT r.machine_id, 'running', now(), r.run_id, 'scada'
FROM production_run_logs AS r
WHERE r.run_id = :rid AND r.status = 'running'
  AND NOT EXISTS (SELECT 1 FROM equipment_status WHERE machine_id = r.machine_id AND end_time IS NULL);
COMMIT;
