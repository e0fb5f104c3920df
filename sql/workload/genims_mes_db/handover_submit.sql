-- A supervisor writes (or adds to) the handover report of the current shift of a factory.
\set f random(1, :n_factories)
\set n random(1, 4)
\set k random(0, (:n_employees - 3) / 20)
\set sup 20 * :k + 3
BEGIN;
INSERT INTO shift_handovers (factory_id, shift_id, shift_date, outgoing_supervisor_id, notes, open_issues, modified_by)
SELECT :f, (:f - 1) * 3 + s.sn, s.shift_date, :sup,
       'Shift ' || s.sn || ' running. Line ' || :n || ' on plan.',
       jsonb_build_array(jsonb_build_object('line', :n, 'issue', 'Check coolant level', 'owner', 'production')),
       'user' || :sup
FROM (SELECT CASE WHEN extract(hour FROM now() AT TIME ZONE 'UTC') BETWEEN 6 AND 13 THEN 1
                  WHEN extract(hour FROM now() AT TIME ZONE 'UTC') BETWEEN 14 AND 21 THEN 2 ELSE 3 END AS sn,
             ((now() AT TIME ZONE 'UTC') - interval '6 hours')::date AS shift_date) AS s
ON CONFLICT (shift_id, shift_date) DO UPDATE
  SET notes = shift_handovers.notes || E'\n' || 'Update: line ' || :n || ' checked by supervisor ' || :sup || '.',
      updated_at = now(), modified_by = EXCLUDED.modified_by;
COMMIT;
