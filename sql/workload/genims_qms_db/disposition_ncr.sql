-- The MRB decides the oldest open NCR: disposition, cost of poor quality, the hold is
-- released, scrapped or returned accordingly.
\set d random(1, 6)
\set cost random(100, 20000)
\set owner 20 * random(0, (:n_employees - 3) / 20) + 3
BEGIN;
SELECT coalesce(min(ncr_id), 0) AS nid FROM non_conformances WHERE status IN ('open', 'investigating', 'pending_disposition') \gset
UPDATE non_conformances
SET status = 'closed', closed_at = now(),
  disposition = CASE WHEN item_type = 'material' AND :d <= 4 THEN 'return_to_supplier'
                     ELSE (ARRAY['rework', 'scrap', 'sort', 'use_as_is', 'regrade', 'rework'])[:d] END,
  cost_of_poor_quality = cost_of_poor_quality + :cost, owner_employee_id = coalesce(owner_employee_id, :owner),
  updated_at = now(), modified_by = 'user' || :owner
WHERE ncr_id = :nid AND status IN ('open', 'investigating', 'pending_disposition');
UPDATE quality_holds h
SET status = CASE n.disposition WHEN 'scrap' THEN 'scrapped' WHEN 'return_to_supplier' THEN 'returned' ELSE 'released' END,
  released_at = now(), updated_at = now(), modified_by = 'user' || :owner
FROM non_conformances n
WHERE h.ncr_id = :nid AND n.ncr_id = h.ncr_id AND h.status = 'active';
COMMIT;
