-- Planning deletes the newest draft (planned, never released) work order; its operations and
-- status trail go with it.
BEGIN;
DELETE FROM work_orders
WHERE work_order_id = (SELECT work_order_id FROM work_orders WHERE status = 'planned'
                       ORDER BY work_order_id DESC LIMIT 1);
COMMIT;
