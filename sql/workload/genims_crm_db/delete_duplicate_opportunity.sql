-- A rep deletes a deal opened within the last hour for an account that already has an open deal
-- (entered twice by mistake); its lines, stage history and quotes go with it.
BEGIN;
DELETE FROM opportunities
WHERE opportunity_id = (
  SELECT max(o.opportunity_id) FROM opportunities o
  WHERE o.stage = 'prospect' AND o.created_at > now() - interval '1 hour' AND o.lead_id IS NULL
    AND EXISTS (SELECT 1 FROM opportunities d
                WHERE d.account_id = o.account_id AND d.opportunity_id < o.opportunity_id
                  AND d.stage IN ('prospect', 'qualify', 'proposal', 'negotiation')));
COMMIT;
