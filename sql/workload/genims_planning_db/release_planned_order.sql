-- A planner firms the oldest proposal and converts the oldest firmed order into a work
-- order or purchase requisition.
\set planner 20 * random(0, (:n_employees - 4) / 20) + 4
BEGIN;
UPDATE planned_orders
SET status = 'firmed', updated_at = now(), modified_by = 'user' || :planner
WHERE planned_order_id = (SELECT min(planned_order_id) FROM planned_orders WHERE status = 'planned') AND status = 'planned';
UPDATE planned_orders
SET status = 'released',
  released_as = CASE order_type WHEN 'make' THEN 'WO-' ELSE 'PO-' || to_char(now(), 'YYYY') || '-' END
                || lpad(((planned_order_id * 7919) % 1000000)::text, 6, '0'),
  updated_at = now(), modified_by = 'user' || :planner
WHERE planned_order_id = (SELECT min(planned_order_id) FROM planned_orders WHERE status = 'firmed') AND status = 'firmed';
COMMIT;
