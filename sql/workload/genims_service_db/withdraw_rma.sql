-- A customer withdraws a return request before it was authorised.
BEGIN;
DELETE FROM rmas WHERE rma_id = (SELECT max(rma_id) FROM rmas WHERE status = 'requested');
COMMIT;
