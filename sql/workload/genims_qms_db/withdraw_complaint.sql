-- A complaint logged twice is deleted while nobody has worked on it yet.
BEGIN;
DELETE FROM customer_complaints c
WHERE c.complaint_id = (SELECT max(complaint_id) FROM customer_complaints WHERE status = 'open')
  AND c.status = 'open'
  AND NOT EXISTS (SELECT 1 FROM non_conformances n WHERE n.complaint_id = c.complaint_id);
COMMIT;
