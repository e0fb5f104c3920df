-- An employee badges in at the start of the current shift (one open entry per employee).
\set e random(1, :n_employees)
\set f (:e - 1) % :n_factories + 1
\set term random(1, 6)
BEGIN;
INSERT INTO time_entries (employee_id, factory_id, shift_id, work_date, clock_in, entry_source,
  terminal_id, status, created_at, updated_at, modified_by)
SELECT :e, :f,
  (:f - 1) * 3 + CASE WHEN extract(hour FROM now() AT TIME ZONE 'UTC') BETWEEN 6 AND 13 THEN 1
                      WHEN extract(hour FROM now() AT TIME ZONE 'UTC') BETWEEN 14 AND 21 THEN 2
                      ELSE 3 END,
  (now() AT TIME ZONE 'UTC' - interval '6 hours')::date, now(), 'badge',
  'T-F' || lpad(':f', 2, '0') || '-0' || :term, 'open', now(), now(), 'badge_gateway'
WHERE NOT EXISTS (SELECT 1 FROM time_entries WHERE employee_id = :e AND status = 'open');
COMMIT;
