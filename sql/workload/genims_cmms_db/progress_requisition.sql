-- Purchasing moves an open requisition one step: approve, order (PO number), or receive it into
-- the storeroom, which raises the stock on hand.
\set off random(0, 4)
\set buyer 20 * random(0, (:n_employees - 5) / 20) + 5
BEGIN;
SELECT coalesce((SELECT requisition_id FROM part_requisitions
                 WHERE status IN ('submitted', 'approved', 'ordered')
                 ORDER BY requisition_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS req \gset
UPDATE part_requisitions
SET status = CASE status WHEN 'submitted' THEN 'approved' WHEN 'approved' THEN 'ordered'
                         ELSE 'received' END,
    approved_at = coalesce(approved_at, now()),
    po_number = CASE WHEN status = 'approved'
                     THEN 'PO-' || to_char(now(), 'YYYY') || '-'
                          || lpad((requisition_id * 7 % 1000000)::text, 6, '0')
                     ELSE po_number END,
    received_at = CASE WHEN status = 'ordered' THEN now() END,
    updated_at = now(), modified_by = 'user' || :buyer
WHERE requisition_id = :req AND status IN ('submitted', 'approved', 'ordered');
UPDATE spare_part_stock st
SET qty_on_hand = st.qty_on_hand + r.quantity, updated_at = now(), modified_by = 'user' || :buyer
FROM part_requisitions r
WHERE r.requisition_id = :req AND r.status = 'received' AND r.received_at = now()
  AND st.stock_id = r.stock_id;
COMMIT;
