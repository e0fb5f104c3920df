-- A customer calls off a planned meeting: either the newest planned account activity is deleted
-- from the calendar, or an upcoming one is kept as cancelled. One row per transaction, so no
-- lock-order questions; lead tasks follow their lead and are left alone.
\set roll random(1, 3)
BEGIN;
\if :roll <= 2
DELETE FROM activities
WHERE activity_id = (SELECT max(activity_id) FROM activities
                     WHERE status = 'planned' AND lead_id IS NULL);
\else
UPDATE activities
SET status = 'cancelled', updated_at = now(), modified_by = 'user' || owner_rep_id
WHERE activity_id = (SELECT min(activity_id) FROM activities
                     WHERE status = 'planned' AND lead_id IS NULL AND scheduled_at > now());
\endif
COMMIT;
