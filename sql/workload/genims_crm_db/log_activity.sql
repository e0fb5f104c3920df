-- A rep logs a call, e-mail or meeting with a contact of one of the accounts (on its newest open
-- deal if there is one), sometimes plans the follow-up, and ticks off a due planned activity.
\set acct random(1, :n_customers)
\set c random(1, 3)
\set kind random(1, 10)
\set dur random(5, 60)
\set out random(1, 4)
BEGIN;
INSERT INTO activities (activity_type, subject, notes, account_id, contact_id, opportunity_id,
                        owner_rep_id, status, scheduled_at, completed_at, duration_minutes,
                        outcome, created_at, updated_at, modified_by)
SELECT x.atype, initcap(x.atype) || ' with ' || a.account_name,
       (ARRAY['Discussed forecast volumes for next quarter.',
              'Customer raised concerns about lead time.',
              'Agreed to send samples and a revised quote.',
              'Reviewed open quality issues.'])[:out],
       a.account_id, 3 * (a.account_id - 1) + :c,
       -- KEY SHARE: a deal deleted meanwhile is skipped instead of failing the insert
       (SELECT o.opportunity_id FROM opportunities o
        WHERE o.account_id = a.account_id
          AND o.stage IN ('prospect', 'qualify', 'proposal', 'negotiation')
        ORDER BY o.opportunity_id DESC LIMIT 1 FOR KEY SHARE),
       a.owner_rep_id, 'completed', now() - :dur * interval '1 minute', now(), :dur,
       CASE WHEN x.atype = 'call'
            THEN (ARRAY['connected', 'connected', 'no_answer', 'left_voicemail'])[:out]
            WHEN x.atype = 'meeting' THEN (ARRAY['positive', 'positive', 'neutral', 'negative'])[:out] END,
       now(), now(), 'user' || a.owner_rep_id
FROM accounts a
CROSS JOIN LATERAL (
  SELECT CASE WHEN :kind <= 5 THEN 'call' WHEN :kind <= 8 THEN 'email' ELSE 'meeting' END AS atype
) x
WHERE a.account_id = :acct AND a.owner_rep_id IS NOT NULL;
INSERT INTO activities (activity_type, subject, account_id, contact_id, owner_rep_id, status,
                        scheduled_at, created_at, updated_at, modified_by)
SELECT 'meeting', 'Follow-up meeting at ' || a.account_name, a.account_id,
       3 * (a.account_id - 1) + :c, a.owner_rep_id, 'planned', now() + interval '3 days',
       now(), now(), 'user' || a.owner_rep_id
FROM accounts a
WHERE a.account_id = :acct AND a.owner_rep_id IS NOT NULL AND :kind <= 3;
UPDATE activities
SET status = 'completed', completed_at = now(), duration_minutes = :dur,
    outcome = CASE WHEN activity_type IN ('meeting', 'demo', 'site_visit')
                   THEN (ARRAY['positive', 'positive', 'neutral', 'negative'])[:out] END,
    updated_at = now(), modified_by = 'user' || owner_rep_id
WHERE activity_id = (SELECT min(activity_id) FROM activities
                     WHERE status = 'planned' AND scheduled_at <= now());
COMMIT;
