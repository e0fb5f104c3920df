-- An employee throws away a draft leave request.
BEGIN;
DELETE FROM leave_requests
WHERE leave_request_id = (SELECT max(leave_request_id) FROM leave_requests WHERE status = 'draft')
  AND status = 'draft';
COMMIT;
