-- The returns desk moves a return one step: authorise (or reject), ship, receive, inspect (with
-- an inspection record), then refund or replace.
\set off random(0, 4)
\set roll random(1, 20)
\set insp 20 * random(0, (:n_employees - 1) / 20) + 1
\set h random(1, 2000000000)
\set fc random(1, 17)
BEGIN;
SELECT coalesce((SELECT rma_id FROM rmas
                 WHERE status IN ('requested', 'authorized', 'in_transit', 'received', 'inspected')
                 ORDER BY rma_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS r \gset
WITH cur AS (
  SELECT rma_id, status AS old,
         reason IN ('defective', 'warranty_replacement', 'damaged_in_transit') AND :roll <= 12 AS replace_it,
         CASE WHEN reason = 'no_longer_needed' THEN round(quantity * unit_price * 0.15, 2) ELSE 0 END AS fee
  -- the pick above holds the row lock, so this statement sees the current status
  FROM rmas WHERE rma_id = :r
)
UPDATE rmas m
SET status = CASE c.old WHEN 'requested' THEN CASE WHEN :roll = 1 THEN 'rejected' ELSE 'authorized' END
                        WHEN 'authorized' THEN 'in_transit'
                        WHEN 'in_transit' THEN 'received'
                        WHEN 'received' THEN 'inspected'
                        ELSE CASE WHEN c.replace_it THEN 'replaced' ELSE 'refunded' END END,
    authorized_at = CASE WHEN c.old = 'requested' THEN now() ELSE m.authorized_at END,
    tracking_number = CASE WHEN c.old = 'authorized' THEN '1Z' || lpad((:h % 1000000000)::text, 9, '0')
                           ELSE m.tracking_number END,
    received_date = CASE WHEN c.old = 'in_transit' THEN current_date ELSE m.received_date END,
    disposition = CASE WHEN c.old <> 'received' THEN m.disposition
                       WHEN m.reason IN ('defective', 'warranty_replacement') THEN 'repair'
                       WHEN m.reason = 'damaged_in_transit' THEN 'scrap' ELSE 'restock' END,
    restocking_fee = CASE WHEN c.old = 'inspected' AND NOT c.replace_it THEN c.fee ELSE m.restocking_fee END,
    refund_amount = CASE WHEN c.old = 'inspected' AND NOT c.replace_it
                         THEN round(m.quantity * m.unit_price, 2) - c.fee ELSE m.refund_amount END,
    updated_at = now(), modified_by = 'returns_desk'
FROM cur c
WHERE m.rma_id = c.rma_id;
INSERT INTO return_inspections (rma_id, inspector_id, inspected_at, result, failure_code_id,
                                defect_description, photo_hashes, measurements,
                                created_at, updated_at, modified_by)
SELECT rma_id, :insp, now(),
       CASE WHEN reason IN ('defective', 'warranty_replacement', 'damaged_in_transit')
            THEN 'confirmed_defect' ELSE 'as_described' END,
       CASE WHEN reason IN ('defective', 'warranty_replacement') THEN :fc
            WHEN reason = 'damaged_in_transit' THEN 20 END,
       'Checked on the test bench.',
       ARRAY[sha256(convert_to(rma_number || '/photo1:' || :h, 'UTF8')),
             sha256(convert_to(rma_number || '/photo2:' || :h, 'UTF8'))],
       jsonb_build_object('insulation_mohm', 20 + :h % 480), now(), now(), 'user' || :insp
FROM rmas
WHERE rma_id = :r AND status = 'inspected' AND updated_at = now();
COMMIT;
