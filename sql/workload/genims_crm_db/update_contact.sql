-- Contact data maintenance: a new mobile number, a withdrawn marketing consent (the contact is
-- removed from campaign lists), or a contact who left the company.
\set ct random(1, 3 * :n_customers)
\set action random(1, 10)
\set num random(100000000, 999999999)
BEGIN;
\if :action <= 5
UPDATE contacts c
SET mobile = split_part(c.phone, ' ', 1) || ' ' || :num, updated_at = now(),
    modified_by = 'user' || a.owner_rep_id
FROM accounts a
WHERE c.contact_id = :ct AND a.account_id = c.account_id;
\elif :action <= 9
UPDATE contacts
SET marketing_consent = false, consent_updated_at = now(), updated_at = now(),
    modified_by = 'privacy_portal'
WHERE contact_id = :ct AND marketing_consent;
DELETE FROM campaign_members WHERE contact_id = :ct;
\else
UPDATE contacts c
SET status = 'left_company', is_primary = false, updated_at = now(),
    modified_by = 'user' || a.owner_rep_id
FROM accounts a
WHERE c.contact_id = :ct AND a.account_id = c.account_id AND c.status = 'active';
\endif
COMMIT;
