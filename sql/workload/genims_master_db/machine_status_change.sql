-- Maintenance takes a machine out of service or returns it.
\set m random(1, 20 * :n_factories)
\set s random(1, 3)
\set k random(0, (:n_employees - 2) / 20)
\set tech 20 * :k + 2
BEGIN;
UPDATE machines
SET status = CASE WHEN status = 'active' THEN (ARRAY['maintenance', 'idle', 'maintenance'])[:s] ELSE 'active' END,
    updated_at = now(), modified_by = 'user' || :tech
WHERE machine_id = :m;
COMMIT;
