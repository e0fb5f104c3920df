-- The oldest running run finishes: final counts, machine goes idle, operator logs out, tool
-- counters advance.
\set perf random(80, 98)
SELECT coalesce(max(run_id), 0) AS rid, coalesce(max(machine_id), 0) AS mid
FROM (SELECT run_id, machine_id FROM production_run_logs WHERE status = 'running'
      ORDER BY start_time, run_id LIMIT 1) AS r \gset
BEGIN;
UPDATE production_run_logs AS p
SET end_time = now(), status = 'completed', run_time_seconds = v.run, total_count = v.total,
    good_count = v.total - p.scrap_count, updated_at = now(), modified_by = 'user' || coalesce(p.operator_employee_id, 0)
FROM (SELECT x.run_id, rt.run,
             greatest(x.total_count, floor(rt.run * :perf / 100.0 / x.ideal_cycle_time_seconds)::int) AS total
      FROM production_run_logs AS x
      -- A run left running longer than planned (from the history) stops at its planned time.
      CROSS JOIN LATERAL (SELECT least(x.planned_time_seconds,
                                       greatest(0, extract(epoch FROM now() - x.start_time)::int
                                                   - x.setup_time_seconds - x.downtime_seconds)) AS run) AS rt
      WHERE x.run_id = :rid) AS v
WHERE p.run_id = v.run_id;
UPDATE equipment_status
SET end_time = now(), duration_seconds = round(extract(epoch FROM now() - start_time)::numeric, 3),
    updated_at = now(), modified_by = 'scada'
WHERE machine_id = :mid AND end_time IS NULL;
INSERT INTO equipment_status (machine_id, state, start_time, reason_code, modified_by)
SELECT :mid, 'idle', now(), 'NO_ORDER', 'scada'
WHERE :rid > 0;
UPDATE operator_logins
SET logout_at = now(), updated_at = now(), modified_by = 'user' || employee_id
WHERE run_id = :rid AND logout_at IS NULL;
UPDATE tools
SET current_cycles = least(max_life_cycles, current_cycles + (SELECT total_count FROM production_run_logs WHERE run_id = :rid)),
    status = CASE WHEN current_cycles + (SELECT total_count FROM production_run_logs WHERE run_id = :rid) >= max_life_cycles * 0.95
                  THEN 'worn' ELSE status END,
    updated_at = now(), modified_by = 'scada'
WHERE machine_id = :mid AND status = 'in_use';
COMMIT;
