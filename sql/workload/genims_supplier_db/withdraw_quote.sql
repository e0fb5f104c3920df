-- A supplier withdraws its latest open quote; the invitation is recorded as declined.
BEGIN;
SELECT coalesce(max(quote_id), 0) AS qid, coalesce(max(invitation_id), 0) AS inv
FROM supplier_quotes WHERE quote_id = (SELECT max(quote_id) FROM supplier_quotes WHERE status = 'submitted') \gset
DELETE FROM supplier_quotes WHERE quote_id = :qid AND status = 'submitted';
UPDATE rfq_invitations
SET response_status = 'declined', decline_reason = 'Quote withdrawn by supplier', updated_at = now(),
  modified_by = 'sup' || lpad(supplier_id::text, 5, '0')
WHERE invitation_id = :inv;
COMMIT;
