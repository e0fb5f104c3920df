-- The longest-open time entry is closed: a full shift plus occasional overtime.
\set ot random(0, 9)
BEGIN;
SELECT coalesce(min(time_entry_id), 0) AS te FROM time_entries WHERE status = 'open' \gset
UPDATE time_entries
SET clock_out = clock_in + make_interval(mins => 480 + CASE WHEN :ot >= 7 THEN 30 * (:ot - 6) ELSE :ot END),
  regular_hours = 7.5,
  overtime_hours = CASE WHEN :ot >= 7 THEN round(30 * (:ot - 6) / 60.0, 2) ELSE 0 END,
  status = 'submitted', updated_at = now(), modified_by = 'badge_gateway'
WHERE time_entry_id = :te AND status = 'open';
COMMIT;
