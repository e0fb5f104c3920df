-- Marketing automation adds a contact to the running campaign and records another member's
-- engagement (open, click, attendance); each send costs the campaign a little.
\set ct random(1, 3 * :n_customers)
\set frac random(0, 999)
BEGIN;
INSERT INTO campaign_members (campaign_id, contact_id, status, sent_at, created_at, updated_at,
                              modified_by)
SELECT max(campaign_id), :ct, 'sent', now(), now(), now(), 'marketing_automation'
FROM campaigns WHERE status = 'active'
HAVING max(campaign_id) IS NOT NULL
ON CONFLICT (campaign_id, contact_id) DO NOTHING;
UPDATE campaigns
SET actual_cost = actual_cost + 12.50, updated_at = now(), modified_by = 'marketing_automation'
WHERE campaign_id = (SELECT max(campaign_id) FROM campaigns WHERE status = 'active');
UPDATE campaign_members
SET status = CASE status WHEN 'sent' THEN 'opened' WHEN 'opened' THEN 'clicked'
                         ELSE 'attended' END,
    responded_at = CASE WHEN status IN ('opened', 'registered') THEN now() ELSE responded_at END,
    updated_at = now(), modified_by = 'marketing_automation'
WHERE member_id = (SELECT min(member_id) FROM campaign_members
                   WHERE status IN ('sent', 'opened', 'registered')
                     AND member_id >= (SELECT max(member_id) FROM campaign_members) * :frac / 1000);
COMMIT;
