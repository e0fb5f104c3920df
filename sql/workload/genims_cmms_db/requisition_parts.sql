-- The storekeeper requests a spare part that fell to its reorder point (a draft at first when
-- the budget owner still has to look at it).
\set f random(1, :n_factories)
\set salt random(1, 96)
\set draft random(1, 10) <= 3
\set clerk 20 * random(0, (:n_employees - 5) / 20) + 5
BEGIN;
INSERT INTO part_requisitions (requisition_id, requisition_number, part_id, stock_id, factory_id,
  warehouse_id, supplier_id, quantity, estimated_unit_cost, estimated_total, needed_by, status,
  requested_by, requested_at, created_at, updated_at, modified_by)
SELECT s.n, 'PRQ-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), x.part_id, x.stock_id, x.factory_id,
       x.warehouse_id, x.preferred_supplier_id, x.reorder_qty, x.unit_cost,
       round(x.reorder_qty * x.unit_cost, 2), current_date + x.lead_time_days,
       CASE WHEN :draft THEN 'draft' ELSE 'submitted' END, :clerk, now(), now(), now(),
       'user' || :clerk
FROM (SELECT sp.part_id, st.stock_id, st.factory_id, st.warehouse_id, sp.preferred_supplier_id,
             st.reorder_qty, sp.unit_cost, sp.lead_time_days
      FROM spare_part_stock st
      JOIN spare_parts sp ON sp.part_id = st.part_id
      WHERE st.factory_id = :f AND st.qty_on_hand <= st.reorder_point AND sp.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM part_requisitions r
                        WHERE r.stock_id = st.stock_id
                          AND r.status IN ('draft', 'submitted', 'approved', 'ordered'))
      ORDER BY (st.stock_id * :salt) % 97, st.stock_id
      LIMIT 1) x
CROSS JOIN LATERAL (
  SELECT nextval(pg_get_serial_sequence('part_requisitions', 'requisition_id')) AS n
) s;
COMMIT;
