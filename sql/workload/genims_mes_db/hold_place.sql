-- Quality or materials puts a work order in progress on hold.
\set t random(1, 4)
\set pick random(0, 1000)
\set k random(0, (:n_employees - 1) / 20)
\set qe 20 * :k + 1
BEGIN;
INSERT INTO work_order_holds (work_order_id, hold_type, reason, status, placed_at, placed_by, modified_by)
SELECT w.work_order_id, (ARRAY['quality', 'quality', 'material', 'engineering'])[:t],
       (ARRAY['Dimensional drift on first-off parts; waiting for quality release',
              'Dimensional drift on first-off parts; waiting for quality release',
              'Component shortage at line side; waiting for replenishment',
              'Drawing revision change pending engineering approval'])[:t],
       'active', now(), :qe, 'user' || :qe
FROM (SELECT work_order_id FROM work_orders WHERE status = 'in_progress'
      ORDER BY (work_order_id * 7919 + :pick) % 1009, work_order_id LIMIT 1) AS w
WHERE NOT EXISTS (SELECT 1 FROM work_order_holds AS h WHERE h.work_order_id = w.work_order_id AND h.status = 'active');
COMMIT;
