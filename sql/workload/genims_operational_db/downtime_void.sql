-- Stops shorter than the micro-stop threshold (system_parameters oee.micro_stop_threshold_seconds)
-- count as speed loss, not downtime: the newest such event is removed and its interval
-- reclassified as running.
SELECT coalesce(max(event_id), 0) AS ev, coalesce(max(run_id), 0) AS rid
FROM (SELECT event_id, run_id FROM downtime_events
      WHERE status = 'closed' AND duration_minutes < 2
        AND event_id > (SELECT coalesce(max(event_id), 0) - 500 FROM downtime_events)
      ORDER BY event_id DESC LIMIT 1) AS d \gset
BEGIN;
DELETE FROM andon_calls WHERE downtime_event_id = :ev;
UPDATE equipment_status
SET state = 'running', reason_code = NULL, downtime_event_id = NULL, updated_at = now(), modified_by = 'oee_job'
WHERE downtime_event_id = :ev;
UPDATE production_run_logs
SET downtime_seconds = greatest(0, downtime_seconds - (SELECT round(duration_minutes * 60)::int FROM downtime_events WHERE event_id = :ev)),
    updated_at = now(), modified_by = 'oee_job'
WHERE run_id = :rid;
DELETE FROM downtime_events WHERE event_id = :ev;
COMMIT;
