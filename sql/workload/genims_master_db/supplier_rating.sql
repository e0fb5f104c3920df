-- Quarterly supplier evaluation changes a rating; poor ratings put the supplier on probation.
\set s random(1, :n_suppliers)
\set d random(-40, 30)
\set k random(0, (:n_employees - 5) / 20)
\set buyer 20 * :k + 5
BEGIN;
UPDATE suppliers
SET rating = least(5, greatest(1, rating + :d / 100.0)),
    status = CASE WHEN rating + :d / 100.0 < 2.5 AND status = 'approved' THEN 'probation'
                  WHEN rating + :d / 100.0 >= 3.5 AND status = 'probation' THEN 'approved' ELSE status END,
    updated_at = now(), modified_by = 'user' || :buyer
WHERE supplier_id = :s;
COMMIT;
