-- The wave planner releases the oldest pending orders of one warehouse as a new wave.
\set fac random(1, :n_factories)
BEGIN;
SELECT nextval(pg_get_serial_sequence('waves', 'wave_id')) AS wid \gset
INSERT INTO waves (wave_id, wave_number, warehouse_id, wave_type, planned_release_at, released_at,
                   status, created_at, updated_at, modified_by)
SELECT :wid, 'WV-' || lpad((2 * :fac)::text, 2, '0') || '-' || to_char(current_date, 'YYMMDD') || '-W' || :wid,
       2 * :fac, 'standard', now(), now(), 'released', now(), now(), 'wave_planner'
WHERE EXISTS (SELECT 1 FROM picking_tasks WHERE warehouse_id = 2 * :fac AND status = 'pending');
UPDATE picking_tasks
SET wave_id = :wid, status = 'released', updated_at = now(), modified_by = 'wave_planner'
WHERE picking_task_id IN (SELECT picking_task_id FROM picking_tasks
                          WHERE warehouse_id = 2 * :fac AND status = 'pending'
                          ORDER BY picking_task_id LIMIT 3)
  AND EXISTS (SELECT 1 FROM waves WHERE wave_id = :wid);
UPDATE waves w
SET order_count = s.orders, line_count = s.lines, updated_at = now()
FROM (SELECT count(DISTINCT t.picking_task_id) AS orders, count(l.pick_line_id) AS lines
      FROM picking_tasks t LEFT JOIN pick_lines l ON l.picking_task_id = t.picking_task_id
      WHERE t.wave_id = :wid) s
WHERE w.wave_id = :wid;
COMMIT;
