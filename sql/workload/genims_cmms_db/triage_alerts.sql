-- A reliability engineer works the alert queue: a real finding becomes a predictive work order,
-- a nuisance alarm is dismissed, and old dismissed alarms are purged.
\set action random(1, 10)
\set tech 20 * random(0, (:n_employees - 2) / 20) + 2
\set fc random(1, 40)
BEGIN;
SELECT coalesce((SELECT min(alert_id) FROM condition_alerts WHERE status = 'open'), 0) AS alert \gset
\if :action <= 3
WITH ins AS (
  INSERT INTO maintenance_work_orders (work_order_id, wo_number, asset_id, machine_id, factory_id,
    failure_code_id, wo_type, priority, status, title, problem_description, requested_by,
    technician_id, reported_at, scheduled_start, created_at, updated_at, modified_by)
  SELECT s.n, 'MWO-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), a.asset_id, a.machine_id, a.factory_id, :fc,
         'predictive', CASE WHEN c.severity = 'critical' THEN 'high' ELSE 'medium' END, 'approved',
         replace(c.alert_type, '_', ' ') || ' - ' || a.name,
         'Condition alert ' || c.alert_id || ': measured ' || c.measured_value
           || ' against threshold ' || c.threshold_value || '.',
         :tech, a.primary_technician_id, now(), now() + interval '1 day', now(), now(),
         'user' || :tech
  FROM condition_alerts c
  JOIN assets a ON a.asset_id = c.asset_id
  CROSS JOIN LATERAL (
    SELECT nextval(pg_get_serial_sequence('maintenance_work_orders', 'work_order_id')) AS n
  ) s
  WHERE c.alert_id = :alert
  RETURNING work_order_id
)
SELECT coalesce(max(work_order_id), 0) AS wo FROM ins \gset
INSERT INTO maintenance_wo_tasks (work_order_id, step_no, description, status, estimated_minutes,
                                  created_at, updated_at, modified_by)
SELECT :wo, s,
       (ARRAY['Review condition data and trend', 'Replace degraded component',
              'Verify readings after repair'])[s],
       'pending', CASE WHEN s = 1 THEN 15 ELSE 45 END, now(), now(), 'user' || :tech
FROM generate_series(1, 3) s
WHERE :wo > 0;
UPDATE condition_alerts
SET status = 'work_order_created', work_order_id = :wo, acknowledged_at = now(),
    acknowledged_by = :tech, updated_at = now(), modified_by = 'user' || :tech
WHERE alert_id = :alert AND :wo > 0;
\elif :action <= 7
UPDATE condition_alerts
SET status = CASE WHEN severity = 'critical' THEN 'acknowledged' ELSE 'dismissed' END,
    acknowledged_at = now(), acknowledged_by = :tech, updated_at = now(),
    modified_by = 'user' || :tech
WHERE alert_id = :alert;
\else
DELETE FROM condition_alerts
WHERE alert_id IN (SELECT alert_id FROM condition_alerts WHERE status = 'dismissed'
                   ORDER BY alert_id LIMIT 3);
\endif
COMMIT;
