-- A customer answers the newest open satisfaction survey.
\set nps random(0, 10)
\set csat random(1, 5)
BEGIN;
UPDATE customer_surveys
SET responded_at = now(), nps_score = :nps, csat_score = :csat,
    comments = CASE WHEN :nps <= 6 THEN 'Took too long to get a first answer.' END,
    updated_at = now(), modified_by = 'survey_tool'
WHERE survey_id = (SELECT max(survey_id) FROM customer_surveys WHERE responded_at IS NULL);
COMMIT;
