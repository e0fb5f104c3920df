-- The machine counter reports production of the least recently updated running run: counts
-- follow elapsed run time at 80-98 % of ideal speed; the first report ends the setup.
\set perf random(80, 98)
\set s random(-30, 2)
SELECT coalesce(max(run_id), 0) AS rid, coalesce(max(machine_id), 0) AS mid
FROM (SELECT run_id, machine_id FROM production_run_logs WHERE status = 'running' ORDER BY updated_at, run_id LIMIT 1) AS r \gset
BEGIN;
UPDATE production_run_logs AS p
SET setup_time_seconds = v.setup, run_time_seconds = v.run, total_count = v.total, scrap_count = v.scrap,
    good_count = v.total - v.scrap, updated_at = now(), modified_by = 'scada'
FROM (SELECT x.run_id, st.setup, rt.run, tt.total, least(tt.total, x.scrap_count + greatest(:s, 0)) AS scrap
      FROM production_run_logs AS x
      CROSS JOIN LATERAL (SELECT CASE WHEN x.setup_time_seconds = 0 THEN extract(epoch FROM now() - x.start_time)::int
                                      ELSE x.setup_time_seconds END AS setup) AS st
      CROSS JOIN LATERAL (SELECT least(x.planned_time_seconds,
                                       greatest(0, extract(epoch FROM now() - x.start_time)::int - st.setup - x.downtime_seconds)) AS run) AS rt
      CROSS JOIN LATERAL (SELECT greatest(x.total_count, floor(rt.run * :perf / 100.0 / x.ideal_cycle_time_seconds)::int) AS total) AS tt
      WHERE x.run_id = :rid) AS v
WHERE p.run_id = v.run_id;
UPDATE equipment_status
SET end_time = now(), duration_seconds = round(extract(epoch FROM now() - start_time)::numeric, 3),
    updated_at = now(), modified_by = 'scada'
WHERE machine_id = :mid AND end_time IS NULL AND state = 'setup';
INSERT INTO equipment_status (machine_id, state, start_time, run_id, modified_by)
SELECT :mid, 'running', now(), :rid, 'scada'
WHERE :rid > 0 AND NOT EXISTS (SELECT 1 FROM equipment_status WHERE machine_id = :mid AND end_time IS NULL);
COMMIT;
