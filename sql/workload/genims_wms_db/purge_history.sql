-- Retention job: the oldest RF scans and the oldest completed replenishment task are purged.
BEGIN;
DELETE FROM rf_scan_events
WHERE scan_id IN (SELECT scan_id FROM rf_scan_events ORDER BY scan_id LIMIT 3);
DELETE FROM replenishment_tasks
WHERE replenishment_task_id = (SELECT min(replenishment_task_id) FROM replenishment_tasks
                               WHERE status = 'completed');
COMMIT;
