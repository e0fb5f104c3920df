-- A machine fails on the shop floor: an operator of its factory raises a corrective (sometimes
-- emergency) work order with the standard repair steps; an emergency stops the machine at once.
\set machine random(1, 20 * :n_factories)
\set f (:machine - 1) / 20 + 1
\set reporter :f + :n_factories * random(0, (:n_employees - :f) / :n_factories)
\set fc random(1, 40)
\set emergency random(1, 100) <= 12
BEGIN;
WITH ins AS (
  INSERT INTO maintenance_work_orders (work_order_id, wo_number, asset_id, machine_id, factory_id,
    failure_code_id, wo_type, priority, status, title, problem_description, requested_by,
    reported_at, created_at, updated_at, modified_by)
  SELECT s.n, 'MWO-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), a.asset_id, a.machine_id, a.factory_id,
         fc.failure_code_id,
         CASE WHEN :emergency THEN 'emergency' ELSE 'corrective' END,
         CASE WHEN :emergency THEN 'critical' ELSE 'high' END,
         'requested', fc.failure_mode || ' - ' || a.name,
         fc.description || ' Reported from the shop floor on ' || a.asset_tag || '.',
         :reporter, now(), now(), now(), 'user' || :reporter
  FROM assets a
  JOIN failure_codes fc ON fc.failure_code_id = :fc
  CROSS JOIN LATERAL (
    SELECT nextval(pg_get_serial_sequence('maintenance_work_orders', 'work_order_id')) AS n
  ) s
  WHERE a.asset_id = :machine
  RETURNING work_order_id
)
SELECT coalesce(max(work_order_id), 0) AS wo FROM ins \gset
INSERT INTO maintenance_wo_tasks (work_order_id, step_no, description, status, estimated_minutes,
                                  created_at, updated_at, modified_by)
SELECT :wo, s,
       (ARRAY['Isolate and lock out equipment', 'Diagnose root cause',
              'Repair or replace failed component',
              'Functional test and hand back to production'])[s],
       'pending', CASE WHEN s = 1 THEN 15 ELSE 45 END, now(), now(), 'user' || :reporter
FROM generate_series(1, 4) s
WHERE :wo > 0;
UPDATE assets
SET status = 'down', updated_at = now(), modified_by = 'user' || :reporter
WHERE asset_id = :machine AND :emergency AND status IN ('operational', 'degraded');
COMMIT;
