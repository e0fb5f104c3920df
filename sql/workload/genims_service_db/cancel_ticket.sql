-- The desk deletes a ticket opened twice for the same unit (the newest open duplicate); its
-- comments and history go with it.
BEGIN;
DELETE FROM service_tickets
WHERE ticket_id = (
  SELECT max(t.ticket_id) FROM service_tickets t
  WHERE t.status = 'open'
    AND EXISTS (SELECT 1 FROM service_tickets d
                WHERE d.installed_product_id = t.installed_product_id
                  AND d.ticket_id < t.ticket_id
                  AND d.status NOT IN ('closed', 'cancelled')));
COMMIT;
