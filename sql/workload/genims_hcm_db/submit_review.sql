-- The reviewer rates the oldest draft review and submits it.
\set r random(2, 10)
\set g random(40, 100)
BEGIN;
SELECT coalesce(min(review_id), 0) AS rid FROM performance_reviews WHERE status = 'draft' \gset
UPDATE performance_reviews
SET overall_rating = :r / 2.0, goals_score = :g,
  competency_scores = jsonb_build_object('safety', :r / 2.0, 'quality', :r / 2.0, 'teamwork', 3, 'initiative', 3),
  strengths = 'Reliable, very good attendance and safety record.',
  recommended_increase_pct = greatest(0, round((:r / 2.0 - 2.5) * 1.6, 2)),
  status = 'submitted', submitted_at = now(), updated_at = now(),
  modified_by = 'user' || reviewer_employee_id
WHERE review_id = :rid AND status = 'draft';
COMMIT;
