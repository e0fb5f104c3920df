-- Engineering re-approves a work instruction; one revision in five also changes its text (and
-- hash), the others leave the large text untouched.
SELECT coalesce(max(instruction_id), 1) AS max_wi FROM work_instructions \gset
\set wi random(1, :max_wi)
\set r random(1, 5)
\set k random(0, (:n_employees - 3) / 20)
\set sup 20 * :k + 3
BEGIN;
\if :r = 1
UPDATE work_instructions
SET content = content || E'\n' || 'Rev ' || (revision + 1) || ': re-check torque after tool change (ECN ' || :sup || ').',
    content_sha256 = sha256(convert_to(content || E'\n' || 'Rev ' || (revision + 1) || ': re-check torque after tool change (ECN '
                                       || :sup || ').', 'UTF8')),
    revision = revision + 1, status = 'approved', approved_by = :sup, approved_at = now(),
    updated_at = now(), modified_by = 'user' || :sup
WHERE instruction_id = :wi;
\else
UPDATE work_instructions
SET status = 'approved', approved_by = :sup, approved_at = now(), updated_at = now(), modified_by = 'user' || :sup
WHERE instruction_id = :wi;
\endif
COMMIT;
