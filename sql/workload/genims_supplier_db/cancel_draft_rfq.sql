-- A buyer discards the oldest draft RFQ (its lines go with it).
BEGIN;
DELETE FROM rfqs WHERE rfq_id = (SELECT min(rfq_id) FROM rfqs WHERE status = 'draft') AND status = 'draft';
COMMIT;
