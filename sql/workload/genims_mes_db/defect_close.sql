-- Quality closes the oldest open defect with its root cause.
\set c random(1, 6)
\set k random(0, (:n_employees - 1) / 20)
\set qe 20 * :k + 1
BEGIN;
UPDATE defects
SET status = 'closed',
    root_cause = (ARRAY['Worn cutting tool', 'Fixture clamp pressure low', 'Material batch out of spec',
                        'Operator skipped check after setup', 'Mold temperature drift', 'Component supplier mix-up'])[:c],
    updated_at = now(), modified_by = 'user' || :qe
WHERE defect_id = (SELECT defect_id FROM defects WHERE status = 'open' ORDER BY defect_id LIMIT 1);
COMMIT;
