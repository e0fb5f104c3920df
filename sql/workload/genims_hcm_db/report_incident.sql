-- A supervisor reports a safety incident or near miss on a machine of the factory.
\set sup 20 * random(0, (:n_employees - 3) / 20) + 3
\set f random(1, :n_factories)
\set l (:f - 1) * 4 + random(1, 4)
\set m (:l - 1) * 5 + random(1, 5)
\set n random(1, 3)
\set u random(1, 100)
\set emp :f + :n_factories * random(0, (:n_employees - :f) / :n_factories)
BEGIN;
SELECT nextval(pg_get_serial_sequence('safety_incidents', 'incident_id')) AS iid \gset
INSERT INTO safety_incidents (incident_id, incident_number, factory_id, line_id, machine_id, shift_id,
  employee_id, reported_by_employee_id, occurred_at, reported_at, incident_type, severity, body_part,
  description, lost_days, estimated_cost, is_recordable, status, created_at, updated_at, modified_by)
VALUES (:iid, 'INC-' || to_char(now(), 'YYYY') || '-' || lpad(':iid', 5, '0'), :f, :l, :m, (:f - 1) * 3 + :n,
  CASE WHEN :u > 45 THEN :emp END, :sup, now() - interval '20 minutes', now(),
  CASE WHEN :u <= 45 THEN 'near_miss' WHEN :u <= 75 THEN 'first_aid' WHEN :u <= 88 THEN 'recordable'
       WHEN :u <= 95 THEN 'property_damage' ELSE 'lost_time' END,
  CASE WHEN :u <= 75 THEN 'low' WHEN :u <= 95 THEN 'medium' ELSE 'high' END,
  CASE WHEN :u > 45 THEN 'hand' END,
  'Reported from shift ' || :n || ' on machine ' || :m || ': ' ||
    CASE WHEN :u <= 45 THEN 'pallet fell close to walkway' ELSE 'cut while handling sheet metal' END,
  0, CASE WHEN :u <= 45 THEN 0 ELSE 10 * :u END, :u > 75 AND :u <= 88 OR :u > 95, 'open', now(), now(),
  'user' || :sup);
COMMIT;
