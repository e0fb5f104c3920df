-- A technician replaces a tool and resets its life counter.
\set t random(1, 40 * :n_factories)
\set r random(1, 10)
\set k random(0, (:n_employees - 2) / 20)
\set tech 20 * :k + 2
BEGIN;
INSERT INTO tool_changes (tool_id, machine_id, changed_at, reason, cycles_at_change, changed_by, downtime_minutes, notes,
                          modified_by)
SELECT tool_id, machine_id, now(),
       CASE WHEN status = 'worn' THEN 'worn' WHEN :r = 1 THEN 'broken' WHEN :r = 2 THEN 'quality' ELSE 'scheduled' END,
       current_cycles, :tech, 5 + :r * 3,
       CASE WHEN :r = 1 THEN 'Tool broke in cut; parts since last check quarantined' END,
       'user' || :tech
FROM tools WHERE tool_id = :t;
UPDATE tools
SET current_cycles = 0, status = 'in_use', installed_at = now(), updated_at = now(), modified_by = 'user' || :tech
WHERE tool_id = :t;
COMMIT;
