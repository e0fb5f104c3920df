-- EHS closes the oldest open incident after the investigation.
\set lost random(0, 3)
BEGIN;
SELECT coalesce(min(incident_id), 0) AS iid FROM safety_incidents WHERE status <> 'closed' \gset
UPDATE safety_incidents
SET status = 'closed', closed_at = greatest(now(), reported_at),
  root_cause = 'Procedure not followed under time pressure; refresher training scheduled.',
  lost_days = CASE WHEN incident_type = 'lost_time' THEN lost_days + :lost + 1 ELSE lost_days END,
  updated_at = now(), modified_by = 'ehs_officer'
WHERE incident_id = :iid AND status <> 'closed';
COMMIT;
