-- A supplier cancels its most recent ASN that has not shipped yet.
BEGIN;
DELETE FROM supplier_deliveries
WHERE delivery_id = (SELECT max(delivery_id) FROM supplier_deliveries WHERE status = 'scheduled')
  AND status = 'scheduled';
COMMIT;
