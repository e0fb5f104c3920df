-- A rep throws away a draft quote that was never sent (its lines go with it).
BEGIN;
DELETE FROM quotes
WHERE quote_id = (SELECT max(quote_id) FROM quotes WHERE status = 'draft');
COMMIT;
