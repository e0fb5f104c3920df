-- The oldest active hold is released.
BEGIN;
UPDATE work_order_holds
SET status = 'released', released_at = now(), released_by = placed_by, updated_at = now(), modified_by = modified_by
WHERE hold_id = (SELECT hold_id FROM work_order_holds WHERE status = 'active' ORDER BY hold_id LIMIT 1);
COMMIT;
