-- Lead hygiene: a new lead that repeats the e-mail of an earlier one is deleted as a duplicate,
-- and the personal data of a lead disqualified more than 30 days ago is erased (activities on
-- those leads go with them; deals keep no link).
BEGIN;
DELETE FROM leads
WHERE lead_id = (SELECT max(l.lead_id) FROM leads l
                 WHERE l.status = 'new'
                   AND EXISTS (SELECT 1 FROM leads o WHERE o.email = l.email AND o.lead_id < l.lead_id));
DELETE FROM leads
WHERE lead_id = (SELECT min(lead_id) FROM leads
                 WHERE status = 'unqualified' AND updated_at < now() - interval '30 days');
COMMIT;
