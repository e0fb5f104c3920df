-- The oldest open exception is worked: investigated, then resolved or claimed.
\set emp 20 * random(0, (:n_employees - 3) / 20) + 3
BEGIN;
SELECT coalesce(min(exception_id), 0) AS xid
FROM delivery_exceptions WHERE status IN ('open', 'investigating') \gset
UPDATE delivery_exceptions
SET status = CASE WHEN status = 'open' AND exception_type = 'lost' THEN 'investigating'
                  WHEN claim_amount > 0 THEN 'claimed' ELSE 'resolved' END,
    resolved_at = CASE WHEN status = 'open' AND exception_type = 'lost' THEN NULL ELSE now() END,
    updated_at = now(), modified_by = 'user' || :emp
WHERE exception_id = :xid;
COMMIT;
