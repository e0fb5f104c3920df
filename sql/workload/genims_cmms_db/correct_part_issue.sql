-- A part booked to the wrong job within the last hour is returned to stock and taken off the
-- job's cost.
BEGIN;
SELECT coalesce((SELECT max(usage_id) FROM spare_part_usage
                 WHERE created_at > now() - interval '1 hour'), 0) AS usage \gset
UPDATE maintenance_work_orders w
SET parts_cost = greatest(w.parts_cost - u.total_cost, 0), updated_at = now(),
    modified_by = 'storekeeper'
FROM spare_part_usage u
WHERE u.usage_id = :usage AND w.work_order_id = u.work_order_id;
UPDATE spare_part_stock st
SET qty_on_hand = st.qty_on_hand + u.quantity, updated_at = now(), modified_by = 'storekeeper'
FROM spare_part_usage u
WHERE u.usage_id = :usage AND st.stock_id = u.stock_id;
DELETE FROM spare_part_usage WHERE usage_id = :usage;
COMMIT;
