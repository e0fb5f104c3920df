-- The complaint owner moves the oldest open complaint one step: respond, resolve, close.
\set credit random(0, 100)
BEGIN;
SELECT coalesce(min(complaint_id), 0) AS cid FROM customer_complaints WHERE status IN ('open', 'investigating') \gset
UPDATE customer_complaints
SET status = CASE status WHEN 'open' THEN 'investigating' ELSE 'resolved' END,
  first_response_at = coalesce(first_response_at, now()),
  resolved_at = CASE WHEN status = 'investigating' THEN now() END,
  credited_amount = CASE WHEN status = 'investigating' THEN round(claimed_amount * :credit / 100, 2) ELSE credited_amount END,
  updated_at = now(), modified_by = 'user' || owner_employee_id
WHERE complaint_id = :cid AND status IN ('open', 'investigating');
UPDATE customer_complaints
SET status = 'closed', closed_at = now(), updated_at = now(), modified_by = 'user' || owner_employee_id
WHERE complaint_id = (SELECT min(complaint_id) FROM customer_complaints WHERE status = 'resolved') AND status = 'resolved';
COMMIT;
