-- A planned count is dropped from tomorrow's plan (the newest scheduled one is deleted).
BEGIN;
SELECT coalesce(max(cycle_count_id), 0) AS cid FROM cycle_counts WHERE status = 'scheduled' \gset
DELETE FROM cycle_counts WHERE cycle_count_id = :cid AND status = 'scheduled';
COMMIT;
