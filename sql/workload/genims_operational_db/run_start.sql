-- An idle machine starts another run of its last work order operation: the operator logs in,
-- the machine goes into setup.
\set m random(1, 20 * :n_factories)
SELECT nextval(pg_get_serial_sequence('production_run_logs', 'run_id')) AS run_id \gset
BEGIN;
INSERT INTO production_run_logs (run_id, run_number, work_order_number, operation_seq, machine_id, line_id, factory_id,
                                 shift_id, shift_date, product_id, operator_employee_id, start_time, planned_time_seconds,
                                 ideal_cycle_time_seconds, status, modified_by)
SELECT :run_id, 'RUN-' || lpad(:run_id::text, greatest(8, length(:run_id::text)), '0'), r.work_order_number,
       r.operation_seq, r.machine_id, r.line_id, r.factory_id,
       (r.factory_id - 1) * 3 + CASE WHEN extract(hour FROM now() AT TIME ZONE 'UTC') BETWEEN 6 AND 13 THEN 1
                                     WHEN extract(hour FROM now() AT TIME ZONE 'UTC') BETWEEN 14 AND 21 THEN 2 ELSE 3 END,
       ((now() AT TIME ZONE 'UTC') - interval '6 hours')::date,
       r.product_id, r.operator_employee_id, now(), 27000, r.ideal_cycle_time_seconds, 'running',
       'user' || r.operator_employee_id
FROM (SELECT * FROM production_run_logs WHERE machine_id = :m ORDER BY start_time DESC LIMIT 1) AS r
WHERE r.status <> 'running';
UPDATE equipment_status
SET end_time = now(), duration_seconds = round(extract(epoch FROM now() - start_time)::numeric, 3),
    updated_at = now(), modified_by = 'scada'
WHERE machine_id = :m AND end_time IS NULL
  AND EXISTS (SELECT 1 FROM production_run_logs WHERE run_id = :run_id);
INSERT INTO equipment_status (machine_id, state, start_time, reason_code, run_id, modified_by)
SELECT machine_id, 'setup', now(), 'SETUP', run_id, 'scada'
FROM production_run_logs WHERE run_id = :run_id;
INSERT INTO operator_logins (machine_id, employee_id, terminal_id, auth_method, login_at, run_id, modified_by)
SELECT r.machine_id, r.operator_employee_id, 'HMI-' || substr(d.device_code, 5), 'badge', now(), r.run_id,
       'user' || r.operator_employee_id
FROM production_run_logs AS r
JOIN scada_devices AS d ON d.machine_id = r.machine_id
WHERE r.run_id = :run_id;
COMMIT;
