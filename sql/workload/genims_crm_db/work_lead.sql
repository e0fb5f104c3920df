-- A rep works the oldest open leads: calls a new one, or qualifies / disqualifies one already
-- contacted.
\set off random(0, 4)
\set roll random(1, 10)
\set dur random(3, 25)
BEGIN;
SELECT coalesce((SELECT lead_id FROM leads WHERE status IN ('new', 'contacted')
                 ORDER BY lead_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS lead \gset
UPDATE leads
SET status = CASE WHEN status = 'new' THEN 'contacted'
                  WHEN :roll <= 6 THEN 'qualified' ELSE 'unqualified' END,
    score = CASE WHEN status = 'new' THEN score
                 WHEN :roll <= 6 THEN least(score + 20, 100) ELSE greatest(score - 30, 0) END,
    disqualified_reason = CASE WHEN status = 'contacted' AND :roll > 6
                               THEN 'No budget this year' END,
    updated_at = now(), modified_by = 'user' || owner_rep_id
WHERE lead_id = :lead;
INSERT INTO activities (activity_type, subject, notes, lead_id, owner_rep_id, status,
                        scheduled_at, completed_at, duration_minutes, outcome,
                        created_at, updated_at, modified_by)
SELECT 'call', 'Qualification call with ' || company_name,
       'Discussed requirements, volumes and decision process.', lead_id, owner_rep_id,
       'completed', now() - :dur * interval '1 minute', now(), :dur,
       CASE WHEN :roll <= 8 THEN 'connected' ELSE 'left_voicemail' END, now(), now(),
       'user' || owner_rep_id
FROM leads WHERE lead_id = :lead;
COMMIT;
