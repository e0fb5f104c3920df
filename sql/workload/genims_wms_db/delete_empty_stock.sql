-- Housekeeping: an inventory record that has been emptied (e.g. a dock lane after putaway)
-- is removed.
BEGIN;
SELECT coalesce(min(inventory_id), 0) AS inv_id
FROM inventory WHERE qty_on_hand = 0 AND qty_reserved = 0 \gset
DELETE FROM inventory WHERE inventory_id = :inv_id AND qty_on_hand = 0;
COMMIT;
