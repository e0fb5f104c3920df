-- A machine's energy meter reports the last 15 minutes.
\set m random(1, 20 * :n_factories)
\set load random(60, 140)
BEGIN;
INSERT INTO energy_readings (factory_id, machine_id, meter_code, period_start, period_end, kwh, peak_kw, power_factor,
                             tariff_per_kwh, energy_cost)
SELECT factory_id, machine_id, meter_code, now() - interval '15 minutes', now(),
       round(kwh / 96 * :load / 100, 3), peak_kw, power_factor, tariff_per_kwh,
       round(kwh / 96 * :load / 100 * tariff_per_kwh, 2)
FROM energy_readings
WHERE machine_id = :m
ORDER BY period_start DESC
LIMIT 1;
COMMIT;
