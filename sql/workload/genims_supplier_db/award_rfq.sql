-- The buyer awards the oldest open RFQ that has quotes to the cheapest one and takes its
-- prices into the approved source list.
\set buyer 20 * random(0, (:n_employees - 5) / 20) + 5
BEGIN;
SELECT coalesce(min(r.rfq_id), 0) AS rid FROM rfqs r
WHERE r.status IN ('issued', 'evaluating')
  AND EXISTS (SELECT 1 FROM supplier_quotes q WHERE q.rfq_id = r.rfq_id) \gset
UPDATE supplier_quotes
SET status = CASE WHEN quote_id = (SELECT quote_id FROM supplier_quotes WHERE rfq_id = :rid
                                   ORDER BY total_amount, quote_id LIMIT 1) THEN 'accepted' ELSE 'rejected' END,
  updated_at = now(), modified_by = 'user' || :buyer
WHERE rfq_id = :rid;
UPDATE rfqs SET status = 'awarded', awarded_at = now(), updated_at = now(), modified_by = 'user' || :buyer
WHERE rfq_id = :rid;
UPDATE rfq_invitations SET response_status = 'no_response', updated_at = now(), modified_by = 'rfq_engine'
WHERE rfq_id = :rid AND response_status = 'pending';
UPDATE approved_sources a
SET last_price = ql.unit_price, lead_time_days = ql.lead_time_days, updated_at = now(), modified_by = 'user' || :buyer
FROM supplier_quotes q JOIN supplier_quote_lines ql ON ql.quote_id = q.quote_id
WHERE q.rfq_id = :rid AND q.status = 'accepted'
  AND a.material_id = ql.material_id AND a.supplier_id = q.supplier_id;
COMMIT;
