-- A technician picks up one of the oldest open work orders: the job starts and the asset goes
-- down (breakdown) or under maintenance.
\set off random(0, 4)
BEGIN;
SELECT coalesce((SELECT work_order_id FROM maintenance_work_orders
                 WHERE status IN ('requested', 'approved', 'scheduled')
                 ORDER BY work_order_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS wo \gset
UPDATE maintenance_work_orders w
SET status = 'in_progress',
    technician_id = coalesce(w.technician_id, a.primary_technician_id),
    scheduled_start = coalesce(w.scheduled_start, now()),
    started_at = now(), updated_at = now(),
    modified_by = 'user' || coalesce(w.technician_id, a.primary_technician_id)
FROM assets a
WHERE w.work_order_id = :wo AND a.asset_id = w.asset_id
  AND w.status IN ('requested', 'approved', 'scheduled');
UPDATE assets a
SET status = CASE WHEN w.wo_type IN ('corrective', 'emergency') THEN 'down'
                  ELSE 'under_maintenance' END,
    updated_at = now(), modified_by = w.modified_by
FROM maintenance_work_orders w
WHERE w.work_order_id = :wo AND a.asset_id = w.asset_id
  AND a.status IN ('operational', 'degraded');
COMMIT;
