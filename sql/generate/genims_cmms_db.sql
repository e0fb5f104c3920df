-- genims_cmms_db generator: assets (one per master machine + 7 facility assets per factory),
-- PM plans, maintenance work orders with tasks/labor/parts, meter readings, alerts,
-- spare-part stock and technician rosters. Every value is a function of :seed and the row id.
\ir _prelude.sql

-- The row expressions below are large; JIT compiling them costs far more than running them.
-- UTC makes date/text conversions of timestamps independent of the client's time zone.
SET jit = off;
SET TimeZone = 'UTC';

SELECT to_char(:'end_date'::date - :days + 1, 'YYYY-MM-DD') AS d0,
       to_char(:'end_date'::date - :days + 1, 'YYYY-MM-DD') || ' 00:00:00+00' AS t0,
       to_char(:'end_date'::date + 1, 'YYYY-MM-DD') || ' 00:00:00+00' AS t_end,
       :days * 86400 AS span_s,
       20 * :n_factories AS n_machines,
       27 * :n_factories AS n_assets,
       (:n_employees - 2) / 20 + 1 AS n_techs,
       greatest(:n_materials / 3, 60) AS n_parts,
       -- about one work order per asset every ten days, scaled by volume
       ceil(:days * :volume * :n_factories * 2.7)::int AS n_wo,
       ceil(:days * :volume * :n_factories * 0.3)::int AS n_req,
       ceil(:days * :volume * :n_factories * 0.5)::int AS n_extra_alerts
\gset

TRUNCATE asset_types, failure_codes, assets, asset_meters, meter_readings, maintenance_plans,
  maintenance_plan_tasks, technician_skills, technician_schedules, spare_parts, spare_part_stock,
  maintenance_work_orders, maintenance_wo_tasks, maintenance_labor, spare_part_usage,
  maintenance_history, condition_alerts, part_requisitions, wo_attachments
  RESTART IDENTITY CASCADE;

-- Technicians are master employees with e % 20 = 2. Assets prefer one from their own factory;
-- when the factory has none (e.g. 6 factories: only even factories get e = 20k+2) any will do.
CREATE TEMP TABLE tech AS
SELECT k, 20 * k + 2 AS e, (20 * k + 1) % :n_factories + 1 AS factory_id,
       row_number() OVER (PARTITION BY (20 * k + 1) % :n_factories ORDER BY k) AS rn_f,
       count(*) OVER (PARTITION BY (20 * k + 1) % :n_factories) AS cnt_f
FROM generate_series(0, :n_techs - 1) k;

-- Asset types 1..17 are genims_master_db's machine types (same ids, codes, names and maker
-- lists; its station layout puts type station[(l - 1) % 4 * 5 + position] on line l), 18..24
-- the facility and utility equipment only the CMMS tracks.
CREATE TEMP TABLE atype (id int PRIMARY KEY, code text, name text, cls text, pm_days int,
                         life int, makers text[], cost_lo numeric, cost_hi numeric, skill text,
                         cond_meter text, permit boolean, descr text);
INSERT INTO atype VALUES
  (1, 'VMC', 'CNC Machining Center', 'production', 31, 15, '{DMG MORI,Haas,Mazak,Okuma}', 250000, 900000, 'mechanical', 'vibration_mm_s', false, 'Multi-axis milling center with tool changer and coolant system.'),
  (2, 'LATHE', 'CNC Turning Center', 'production', 31, 15, '{Mazak,Okuma,DMG MORI,Doosan}', 180000, 700000, 'mechanical', 'vibration_mm_s', false, 'Turning center with bar feeder and tailstock.'),
  (3, 'DEBURR', 'Robotic Deburring Cell', 'production', 47, 12, '{ABB,Fanuc,KUKA}', 120000, 350000, 'robotics', NULL, false, 'Robot cell with spindles and brushes for edge finishing.'),
  (4, 'WASH', 'Industrial Parts Washer', 'production', 62, 15, '{Durr Ecoclean,MTM Cleaning}', 60000, 200000, 'mechanical', NULL, false, 'Spray and immersion washer with filtration and dryer.'),
  (5, 'CMM', 'Coordinate Measuring Machine', 'production', 125, 15, '{Zeiss,Hexagon,Mitutoyo}', 150000, 500000, 'electrical', NULL, false, 'Bridge CMM in a climate-controlled room; yearly calibration.'),
  (6, 'IMM', 'Injection Molding Machine', 'production', 38, 18, '{Engel,Arburg,KraussMaffei,Sumitomo Demag}', 200000, 1200000, 'hydraulics', 'cycles', false, 'Hydraulic or all-electric molding machine with mould temperature units.'),
  (7, 'TRIM', 'Degating and Trimming Station', 'production', 62, 12, '{Geiss,Frimo}', 40000, 150000, 'pneumatics', NULL, false, 'Pneumatic and ultrasonic cutting of sprues and flash.'),
  (8, 'USW', 'Ultrasonic Welder', 'production', 94, 12, '{Branson,Herrmann,Dukane}', 30000, 120000, 'electrical', NULL, false, 'Ultrasonic welding press with horn and fixture.'),
  (9, 'VIS', 'Vision Inspection System', 'production', 188, 8, '{Cognex,Keyence,Basler}', 30000, 120000, 'electrical', NULL, false, 'Camera-based inspection with reject handling.'),
  (10, 'PRESS', 'Servo Stamping Press', 'production', 25, 20, '{Schuler,Aida,Komatsu}', 400000, 2000000, 'hydraulics', 'cycles', true, 'Servo press line with coil feed and die cushion.'),
  (11, 'WELD', 'Robotic Welding Cell', 'production', 31, 12, '{Fanuc,Yaskawa,KUKA}', 150000, 450000, 'robotics', NULL, false, 'Welding robots with positioners, torches and fume extraction.'),
  (12, 'PAINT', 'Powder Coating Line', 'production', 44, 20, '{Durr,Eisenmann,Wagner}', 300000, 1500000, 'mechanical', NULL, true, 'Pre-treatment, booth and curing oven on an overhead conveyor.'),
  (13, 'ASSY', 'Manual Assembly Station', 'production', 250, 10, '{Bosch Rexroth,Festo,item}', 15000, 60000, 'pneumatics', NULL, false, 'Ergonomic workbench with tools, pick-to-light and poka-yoke.'),
  (14, 'SCREW', 'Screwdriving Robot', 'production', 125, 10, '{Atlas Copco,Desoutter,Deprag}', 60000, 180000, 'robotics', NULL, false, 'Automatic screw feeding and torque-controlled fastening.'),
  (15, 'TEST', 'End-of-Line Test Bench', 'production', 156, 10, '{National Instruments,Chroma,Keysight}', 80000, 300000, 'electrical', NULL, false, 'Functional and electrical test with traceability.'),
  (16, 'LABEL', 'Print and Apply Labeler', 'production', 156, 8, '{Zebra,Weber,Domino}', 20000, 80000, 'electrical', NULL, false, 'Label printer with applicator and scanner verification.'),
  (17, 'PACK', 'Case Packing Machine', 'production', 75, 15, '{Bosch Packaging,Krones,Schubert}', 150000, 500000, 'mechanical', NULL, false, 'Case erector, packer and sealer.'),
  (18, 'CMP', 'Air Compressor', 'utility', 30, 15, '{Atlas Copco,Kaeser,Ingersoll Rand}', 60000, 180000, 'pneumatics', 'temperature_c', false, 'Rotary screw compressors with dryers feeding the plant air network.'),
  (19, 'HVC', 'HVAC Unit', 'facility', 90, 20, '{Trane,Carrier,Daikin}', 45000, 160000, 'hvac', NULL, false, 'Air handling and rooftop units for the production halls.'),
  (20, 'SUB', 'Electrical Substation', 'utility', 180, 30, '{Siemens,ABB,Schneider Electric}', 200000, 650000, 'electrical', 'energy_kwh', true, 'Medium-voltage switchgear and transformers.'),
  (21, 'FLT', 'Forklift', 'mobile', 30, 8, '{Linde,Toyota,Jungheinrich}', 25000, 60000, 'mechanical', NULL, false, 'Electric counterbalance forklifts for internal logistics.'),
  (22, 'CHL', 'Process Chiller and Boiler', 'utility', 60, 20, '{Viessmann,Bosch,Carrier}', 80000, 300000, 'hvac', 'temperature_c', false, 'Process cooling and heating plant.'),
  (23, 'FSS', 'Fire Suppression System', 'facility', 180, 25, '{Minimax,Viking,Tyco}', 50000, 150000, 'mechanical', NULL, false, 'Sprinkler pumps, valves and detection panels.'),
  (24, 'CRN', 'Overhead Crane', 'facility', 90, 25, '{Demag,Konecranes,Stahl}', 90000, 350000, 'mechanical', NULL, false, 'Bridge cranes and hoists over the production bays.');

INSERT INTO asset_types (asset_type_id, type_code, name, asset_class, default_pm_interval_days,
                         expected_life_years, description, created_at, updated_at, modified_by)
SELECT id, code, name, cls, pm_days, life, descr,
       :'t0'::timestamptz - interval '400 days', :'t0'::timestamptz - interval '400 days', 'admin'
FROM atype;

INSERT INTO failure_codes (failure_code_id, code, category, failure_mode, description, severity,
                           typical_repair_hours, created_at, updated_at, modified_by)
SELECT id, code, cat, mode, descr, sev, hrs,
       :'t0'::timestamptz - interval '400 days', :'t0'::timestamptz - interval '400 days', 'admin'
FROM (VALUES
  (1, 'MEC-BRG', 'mechanical', 'Bearing failure', 'Bearing overheated or seized; noise and vibration before failure.', 4, 4.0),
  (2, 'MEC-BLT', 'mechanical', 'Belt broken or slipping', 'Drive belt worn, cracked or incorrectly tensioned.', 2, 1.5),
  (3, 'MEC-GBX', 'mechanical', 'Gearbox damage', 'Gear tooth wear or breakage in reduction gearbox.', 5, 10.0),
  (4, 'MEC-SPN', 'mechanical', 'Spindle runout', 'Spindle runout out of tolerance, surface finish defects.', 4, 8.0),
  (5, 'MEC-ALN', 'mechanical', 'Misalignment', 'Shaft or coupling misalignment detected.', 3, 3.0),
  (6, 'MEC-FST', 'mechanical', 'Loose fasteners', 'Fasteners loosened by vibration.', 1, 0.8),
  (7, 'ELE-MOT', 'electrical', 'Motor winding failure', 'Insulation breakdown in motor winding.', 5, 6.0),
  (8, 'ELE-CBL', 'electrical', 'Damaged cable', 'Cable chafed or broken in drag chain.', 3, 2.0),
  (9, 'ELE-CTR', 'electrical', 'Contactor failure', 'Contactor welded or coil open.', 3, 1.0),
  (10, 'ELE-DRV', 'electrical', 'Drive fault', 'Servo or frequency drive tripped on overcurrent.', 4, 3.0),
  (11, 'ELE-SNS', 'electrical', 'Sensor failure', 'Proximity or photo sensor not switching.', 2, 0.8),
  (12, 'ELE-PWR', 'electrical', 'Power supply failure', 'Control power supply output lost.', 4, 1.5),
  (13, 'HYD-LEK', 'hydraulic', 'Hydraulic leak', 'Oil leaking at hose, fitting or seal.', 3, 2.0),
  (14, 'HYD-PMP', 'hydraulic', 'Hydraulic pump failure', 'Pump cavitation or loss of pressure.', 5, 8.0),
  (15, 'HYD-VLV', 'hydraulic', 'Valve sticking', 'Directional valve sticking from contamination.', 3, 2.5),
  (16, 'HYD-TMP', 'hydraulic', 'Oil overtemperature', 'Hydraulic oil above limit; cooler fouled.', 3, 2.0),
  (17, 'PNE-LEK', 'pneumatic', 'Air leak', 'Compressed air leak at fitting or cylinder seal.', 2, 1.0),
  (18, 'PNE-CYL', 'pneumatic', 'Cylinder failure', 'Pneumatic cylinder seal worn, slow stroke.', 2, 1.5),
  (19, 'PNE-VLV', 'pneumatic', 'Solenoid valve failure', 'Solenoid coil burnt or spool stuck.', 2, 1.0),
  (20, 'CTL-PLC', 'control', 'PLC fault', 'PLC in stop mode or I/O module failure.', 4, 3.0),
  (21, 'CTL-HMI', 'control', 'HMI failure', 'Operator panel frozen or touch screen defective.', 2, 1.5),
  (22, 'CTL-NET', 'control', 'Fieldbus communication loss', 'Profinet/EtherCAT communication errors.', 3, 2.0),
  (23, 'CTL-SFT', 'control', 'Software or parameter error', 'Program or parameter corrupted after change.', 3, 2.0),
  (24, 'CTL-SAF', 'control', 'Safety circuit fault', 'Light curtain or interlock circuit open.', 4, 1.5),
  (25, 'LUB-DRY', 'lubrication', 'Lubrication starvation', 'Central lubrication empty or line blocked.', 3, 1.5),
  (26, 'LUB-CON', 'lubrication', 'Oil contamination', 'Water or particles in lubricant.', 3, 2.5),
  (27, 'OPR-CRS', 'operator', 'Crash or collision', 'Tool or axis collision due to setup error.', 4, 5.0),
  (28, 'OPR-MIS', 'operator', 'Misuse', 'Equipment operated outside its limits.', 2, 1.0),
  (29, 'WER-TOL', 'wear', 'Tooling wear', 'Dies, tips or tools worn beyond limits.', 2, 1.5),
  (30, 'WER-SEL', 'wear', 'Seal wear', 'Seals and wipers worn.', 2, 2.0),
  (31, 'WER-CHN', 'wear', 'Chain or roller wear', 'Conveyor chain elongated, rollers worn.', 2, 3.0),
  (32, 'WER-FLT', 'wear', 'Filter clogged', 'Air, oil or coolant filter clogged.', 1, 0.5),
  (33, 'UTL-AIR', 'utility', 'Low plant air pressure', 'Compressed air network below setpoint.', 3, 2.0),
  (34, 'UTL-PWR', 'utility', 'Power dip', 'Supply voltage sag tripped equipment.', 3, 1.0),
  (35, 'UTL-CLG', 'utility', 'Cooling water failure', 'Chiller or cooling water flow lost.', 4, 4.0),
  (36, 'UTL-HVC', 'utility', 'HVAC failure', 'Air handling unit fan or damper failure.', 2, 3.0),
  (37, 'MEC-WLD', 'mechanical', 'Weld torch damage', 'Torch neck bent, liner worn or nozzle spattered.', 2, 1.0),
  (38, 'ELE-CAM', 'electrical', 'Camera or lighting failure', 'Inspection camera lost or illumination degraded.', 2, 1.0),
  (39, 'MEC-CRN', 'mechanical', 'Hoist brake wear', 'Hoist brake lining worn, load drift.', 4, 4.0),
  (40, 'MEC-TYR', 'mechanical', 'Forklift tyre or mast wear', 'Tyres worn or mast chains stretched.', 2, 2.0)
) v(id, code, cat, mode, descr, sev, hrs);

-- Machine assets: asset_id = machine_id with the master machine's type, maker, model and serial
-- number (the same draws as genims_master_db); then 7 facility assets per factory (types 18..24).
INSERT INTO assets (asset_id, asset_tag, asset_type_id, machine_id, factory_id, line_id, name,
                    manufacturer, model, serial_number, install_date, warranty_end_date,
                    acquisition_cost, replacement_value, criticality, status,
                    primary_technician_id, specifications, tags, description,
                    created_at, updated_at, modified_by)
SELECT a, tag, x.type_id, CASE WHEN is_machine THEN a END, f, line_id, y.aname, mfr,
       CASE WHEN is_machine
            THEN upper(left(mfr, 3)) || '-' || t.code || ' ' || pg_temp.rnd_int('machine.model', a, 100, 990)
            ELSE upper(left(mfr, 3)) || '-' || pg_temp.rnd_int('asset.model', a, 100, 9900) END,
       CASE WHEN is_machine
            THEN 'SN' || upper(lpad(to_hex(pg_temp.rnd_int('machine.serial', a, 0, 4294967295)), 8, '0'))
            ELSE 'SN' || lpad(pg_temp.rnd_int('asset.sn', a, 0, 99999999)::text, 8, '0') END,
       install, install + 730,
       cost, round(cost * pg_temp.rnd_num('asset.repl', a, 1.10, 1.60, 3), 2),
       crit,
       CASE WHEN pg_temp.rnd('asset.standby', a) < 0.02 THEN 'standby' ELSE 'operational' END,
       coalesce((SELECT te.e FROM tech te
                  WHERE te.factory_id = x.f
                    AND te.rn_f = 1 + floor(pg_temp.rnd('asset.tech', a) * te.cnt_f)),
                20 * pg_temp.rnd_int('asset.tech_any', a, 0, :n_techs - 1) + 2),
       jsonb_build_object('power_kw', pg_temp.rnd_int('asset.kw', a, 2, 400),
                          'voltage_v', 400,
                          'weight_kg', pg_temp.rnd_int('asset.kg', a, 300, 45000),
                          'year_built', extract(year FROM install)::int,
                          'controller', pg_temp.rnd_pick('asset.ctl', a,
                            ARRAY['Siemens S7-1500', 'Allen-Bradley ControlLogix', 'Fanuc 31i',
                                  'Beckhoff CX', 'Mitsubishi iQ-R'])),
       ARRAY[lower(t.code), 'factory-' || f]
         || CASE WHEN crit = 'A' THEN ARRAY['bottleneck'] ELSE ARRAY[]::text[] END,
       y.aname || ' installed ' || to_char(install, 'YYYY-MM') || ' by ' || mfr
         || '. Maintained under the plant reliability program; see PM plans for intervals.',
       least(install, :'d0'::date - 1)::timestamp AT TIME ZONE 'UTC',
       :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('asset.upd', a) * :span_s),
       'admin'
FROM generate_series(1, :n_assets) a
CROSS JOIN LATERAL (
  SELECT a <= :n_machines AS is_machine,
         CASE WHEN a <= :n_machines
              THEN ('{1,2,3,4,5, 6,6,7,8,9, 10,11,11,12,9, 13,14,15,16,17}'::int[])
                   [((a - 1) / 5) % 4 * 5 + (a - 1) % 5 + 1]
              ELSE 18 + (a - :n_machines - 1) % 7 END AS type_id,
         CASE WHEN a <= :n_machines THEN (a - 1) / 20 + 1 ELSE (a - :n_machines - 1) / 7 + 1 END AS f,
         CASE WHEN a <= :n_machines THEN (a - 1) / 5 + 1 END AS line_id
) x
JOIN atype t ON t.id = x.type_id
CROSS JOIN LATERAL (
  SELECT t.name || CASE WHEN is_machine
                        THEN ' L' || lpad(line_id::text, greatest(length(line_id::text), 2), '0') || '-M' || ((a - 1) % 5 + 1)
                        ELSE ' F' || lpad(f::text, greatest(length(f::text), 2), '0') END AS aname,
         'AST-F' || lpad(f::text, greatest(length(f::text), 2), '0') || CASE WHEN is_machine THEN '-M' ELSE '-U' END
           || lpad(a::text, greatest(length(a::text), 4), '0') AS tag,
         t.makers[1 + floor(pg_temp.rnd(CASE WHEN is_machine THEN 'machine.maker' ELSE 'asset.mfr' END, a)
                            * array_length(t.makers, 1))::int] AS mfr,
         :'d0'::date - pg_temp.rnd_int('asset.install', a, 200, 15 * 365)::int AS install,
         pg_temp.rnd_num('asset.cost', a, t.cost_lo, t.cost_hi, 2) AS cost,
         CASE WHEN is_machine AND (a - 1) % 5 < 2 THEN 'A'
              WHEN is_machine THEN CASE WHEN pg_temp.rnd('asset.crit', a) < 0.3 THEN 'A' ELSE 'B' END
              WHEN t.cls = 'utility' THEN 'B'
              ELSE 'C' END AS crit
) y;

-- Every asset counts running hours; condition meters only where condition monitoring pays off.
INSERT INTO asset_meters (meter_id, asset_id, meter_type, unit, is_cumulative, alarm_high,
                          created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY a.asset_id, m.kind), a.asset_id, m.kind,
       CASE m.kind WHEN 'running_hours' THEN 'h' WHEN 'cycles' THEN 'cycles'
                   WHEN 'vibration_mm_s' THEN 'mm/s' WHEN 'temperature_c' THEN 'degC'
                   ELSE 'kWh' END,
       m.kind IN ('running_hours', 'cycles', 'energy_kwh'),
       CASE m.kind WHEN 'vibration_mm_s' THEN 7.1 WHEN 'temperature_c' THEN 85 END,
       a.created_at, a.created_at, 'admin'
FROM assets a
CROSS JOIN LATERAL (
  SELECT 'running_hours' AS kind
  UNION ALL
  SELECT t.cond_meter FROM atype t WHERE t.id = a.asset_type_id
) m
WHERE m.kind IS NOT NULL;

-- Running-hour totalizers upload once a day, online condition meters on machines volume times
-- a day; utility meters are read by hand weekly.
INSERT INTO meter_readings (reading_id, meter_id, asset_id, read_at, value, source, recorded_by)
SELECT row_number() OVER (ORDER BY m.meter_id, d, k), m.meter_id, m.asset_id,
       :'t0'::timestamptz + make_interval(days => d, hours => (24 * k) / (:volume + 1),
                                          mins => pg_temp.rnd_int('mr.min', m.meter_id * 100000 + d * 10 + k, 0, 59)::int),
       round(CASE m.meter_type
         WHEN 'running_hours' THEN base + (d + k::numeric / (:volume + 1)) * rate
                                   + pg_temp.rnd_num('mr.noise', m.meter_id * 100000 + d * 10 + k, 0, 0.5, 3)
         WHEN 'cycles' THEN base * 10 + (d + k::numeric / (:volume + 1)) * rate * 250
         WHEN 'energy_kwh' THEN base * 20 + (d + k::numeric / (:volume + 1)) * rate * 90
         WHEN 'vibration_mm_s' THEN 1.5 + pg_temp.rnd_num('mr.vib', m.meter_id * 100000 + d * 10 + k, 0, 2.5, 3)
           + CASE WHEN pg_temp.rnd('mr.spike', m.meter_id * 100000 + d * 10 + k) < 0.02 THEN 4 ELSE 0 END
         ELSE 55 + pg_temp.rnd_num('mr.temp', m.meter_id * 100000 + d * 10 + k, 0, 22, 3) END, 3)::double precision,
       src,
       CASE WHEN src = 'manual' THEN a.primary_technician_id END
FROM asset_meters m
JOIN assets a ON a.asset_id = m.asset_id
CROSS JOIN LATERAL (
  SELECT pg_temp.rnd_num('mr.base', m.meter_id, 5000, 60000, 3) AS base,
         pg_temp.rnd_num('mr.rate', m.meter_id, 14, 22, 3) AS rate,
         CASE WHEN a.machine_id IS NULL THEN 'manual'
              WHEN pg_temp.rnd('mr.src', m.meter_id) < 0.8 THEN 'scada' ELSE 'iot_gateway' END AS src
) b
CROSS JOIN generate_series(0, :days - 1) d
CROSS JOIN generate_series(1, :volume) k
WHERE CASE WHEN a.machine_id IS NULL THEN d % 7 = 0 AND k = 1
           WHEN m.meter_type = 'running_hours' THEN k = 1
           ELSE true END;

UPDATE asset_meters m
SET current_value = r.value::numeric(14,3), last_read_at = r.read_at, updated_at = r.read_at,
    modified_by = NULL
FROM (SELECT DISTINCT ON (meter_id) meter_id, read_at, value
      FROM meter_readings ORDER BY meter_id, read_at DESC, reading_id DESC) r
WHERE r.meter_id = m.meter_id;

UPDATE assets a SET running_hours = m.current_value
FROM asset_meters m
WHERE m.asset_id = a.asset_id AND m.meter_type = 'running_hours';

-- Two plans per asset: plan 2a-1 a calendar inspection, plan 2a an overhaul (meter based on
-- machines, annual on facility assets) that needs a shutdown.
INSERT INTO maintenance_plans (plan_id, plan_code, asset_id, meter_id, name, strategy,
                               interval_days, interval_hours, estimated_duration_minutes,
                               estimated_labor_hours, estimated_parts_cost, required_skill,
                               requires_shutdown, status, instructions, checklist,
                               created_at, updated_at, modified_by)
SELECT 2 * (a.asset_id - 1) + j, 'PM-' || lpad((2 * (a.asset_id - 1) + j)::text, greatest(length((2 * (a.asset_id - 1) + j)::text), 6), '0'),
       a.asset_id,
       CASE WHEN j = 2 AND a.machine_id IS NOT NULL THEN rh.meter_id END,
       CASE WHEN j = 1 THEN ty.default_pm_interval_days || '-day inspection - ' || a.name
            ELSE 'Overhaul - ' || a.name END,
       CASE WHEN j = 2 AND a.machine_id IS NOT NULL THEN 'meter_based' ELSE 'time_based' END,
       CASE WHEN j = 1 THEN ty.default_pm_interval_days
            WHEN a.machine_id IS NULL THEN 365 END,
       CASE WHEN j = 2 AND a.machine_id IS NOT NULL
            THEN (ARRAY[1000, 2000, 4000])[pg_temp.rnd_int('plan.hours', a.asset_id, 1, 3)] END,
       dur, round(dur / 60.0 * CASE WHEN j = 2 THEN 2 ELSE 1 END, 3),
       pg_temp.rnd_num('plan.parts', 2 * a.asset_id + j, 50, CASE WHEN j = 2 THEN 4000 ELSE 400 END, 2),
       at.skill,
       j = 2,
       CASE WHEN pg_temp.rnd('plan.status', 2 * a.asset_id + j) < 0.04 THEN 'suspended' ELSE 'active' END,
       'Follow OEM manual section ' || pg_temp.rnd_int('plan.sec', 2 * a.asset_id + j, 3, 12)
         || '. Use lockout/tagout before opening guards. Record all measurements in the work order.',
       jsonb_build_array(
         jsonb_build_object('item', 'Lockout applied', 'type', 'bool'),
         jsonb_build_object('item', 'Lubrication done', 'type', 'bool'),
         jsonb_build_object('item', 'Vibration (mm/s)', 'type', 'number', 'max', 7.1)),
       a.created_at, a.created_at, 'planner'
FROM assets a
JOIN asset_types ty ON ty.asset_type_id = a.asset_type_id
JOIN atype at ON at.id = a.asset_type_id
JOIN asset_meters rh ON rh.asset_id = a.asset_id AND rh.meter_type = 'running_hours'
CROSS JOIN generate_series(1, 2) j
CROSS JOIN LATERAL (
  SELECT pg_temp.rnd_int('plan.dur', 2 * a.asset_id + j,
                         CASE WHEN j = 1 THEN 30 ELSE 240 END,
                         CASE WHEN j = 1 THEN 180 ELSE 720 END)::int AS dur
) d;

INSERT INTO maintenance_plan_tasks (plan_task_id, plan_id, step_no, description, skill,
                                    estimated_minutes, requires_lockout,
                                    created_at, updated_at, modified_by)
SELECT 4 * (p.plan_id - 1) + s, p.plan_id, s,
       CASE WHEN p.requires_shutdown
            THEN (ARRAY['Lock out / tag out and verify zero energy',
                        'Replace wear parts and seals per OEM kit',
                        'Change oil and filters, flush circuits',
                        'Test run, verify readings and hand back to production'])[s]
            ELSE (ARRAY['Visual inspection of guards, belts and hoses',
                        'Check and top up lubrication points',
                        'Clean filters and cooling fins',
                        'Test emergency stops and safety interlocks'])[s] END,
       p.required_skill, greatest(p.estimated_duration_minutes / 4, 5),
       p.requires_shutdown AND s IN (1, 2),
       p.created_at, p.created_at, 'planner'
FROM maintenance_plans p
CROSS JOIN generate_series(1, 4) s;

INSERT INTO technician_skills (technician_skill_id, employee_id, skill, level, certified_on,
                               expires_on, certificate_number, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY t.k, j), t.e,
       (ARRAY['mechanical', 'electrical', 'hydraulics', 'pneumatics', 'plc_controls', 'welding',
              'robotics', 'hvac', 'lubrication', 'vibration_analysis'])[(t.k + 3 * j) % 10 + 1],
       pg_temp.rnd_pick('skill.level', t.k * 10 + j, ARRAY['apprentice', 'journeyman', 'journeyman', 'master']),
       cert, cert + 3 * 365, 'CERT-' || t.e || '-' || j,
       cert::timestamp AT TIME ZONE 'UTC', cert::timestamp AT TIME ZONE 'UTC', 'hr_admin'
FROM tech t
CROSS JOIN generate_series(1, 3) j
CROSS JOIN LATERAL (
  SELECT :'d0'::date - pg_temp.rnd_int('skill.cert', t.k * 10 + j, 30, 1000)::int AS cert
) c
WHERE j <= 2 OR pg_temp.rnd('skill.third', t.k) < 0.4;

-- Weekday roster; shifts rotate weekly, and the coming week is already planned.
INSERT INTO technician_schedules (schedule_id, employee_id, factory_id, shift_id, work_date,
                                  status, planned_hours, actual_hours, overtime_hours, notes,
                                  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY t.k, wd), t.e, t.factory_id,
       3 * (t.factory_id - 1) + 1 + (t.k + (wd - date '2000-01-03') / 7) % 3,
       wd, st, 8,
       CASE st WHEN 'worked' THEN 8 + ot WHEN 'scheduled' THEN NULL ELSE 0 END,
       CASE WHEN st = 'worked' THEN ot ELSE 0 END,
       CASE st WHEN 'absent' THEN 'Sick leave reported by phone' WHEN 'leave' THEN 'Annual leave' END,
       (wd - 14)::timestamp AT TIME ZONE 'UTC',
       CASE WHEN wd <= :'end_date'::date THEN (wd + interval '18 hours') AT TIME ZONE 'UTC'
            ELSE (wd - 14)::timestamp AT TIME ZONE 'UTC' END,
       'supervisor'
FROM tech t
CROSS JOIN generate_series(:'d0'::timestamp, :'end_date'::timestamp + interval '7 days', interval '1 day') gd
CROSS JOIN LATERAL (SELECT gd::date AS wd, t.k * 100000 + (gd::date - :'d0'::date) AS rk) w
CROSS JOIN LATERAL (
  SELECT CASE WHEN wd > :'end_date'::date THEN 'scheduled'
              WHEN pg_temp.rnd('sched.st', rk) < 0.03 THEN 'absent'
              WHEN pg_temp.rnd('sched.st', rk) < 0.09 THEN 'leave'
              WHEN pg_temp.rnd('sched.st', rk) < 0.12 THEN 'on_call'
              ELSE 'worked' END AS st,
         CASE WHEN pg_temp.rnd('sched.ot', rk) < 0.2
              THEN pg_temp.rnd_num('sched.oth', rk, 0.5, 3, 1) ELSE 0 END AS ot
) s
WHERE extract(isodow FROM wd) < 6;

INSERT INTO spare_parts (part_id, part_number, material_id, compatible_asset_type_id, name,
                         description, manufacturer, manufacturer_part_no, unit_of_measure,
                         unit_cost, is_critical, lead_time_days, preferred_supplier_id,
                         specifications, status, created_at, updated_at, modified_by)
SELECT p, 'SP-' || lpad(p::text, greatest(length(p::text), 6), '0'),
       CASE WHEN pg_temp.rnd('part.cat', p) < 0.6 THEN pg_temp.rnd_int('part.mat', p, 1, :n_materials) END,
       NULLIF(p % 25, 0),
       kname[kk], kname[kk] || ' for ' || coalesce(ty.name, 'general plant use')
         || '. Store dry, first-in first-out.',
       mfr, upper(left(mfr, 2)) || '-' || pg_temp.rnd_int('part.mpn', p, 10000, 99999),
       kuom[kk],
       round(kcost[kk] * pg_temp.rnd_num('part.cost', p, 0.7, 1.6, 4), 4),
       pg_temp.rnd('part.crit', p) < 0.15,
       pg_temp.rnd_int('part.lead', p, 2, 60),
       pg_temp.rnd_int('part.sup', p, 1, :n_suppliers),
       jsonb_build_object('shelf_life_months', pg_temp.rnd_int('part.shelf', p, 12, 60),
                          'hazardous', kuom[kk] IN ('l', 'kg')),
       CASE WHEN pg_temp.rnd('part.obs', p) < 0.03 THEN 'obsolete' ELSE 'active' END,
       :'t0'::timestamptz - make_interval(days => pg_temp.rnd_int('part.created', p, 30, 900)::int),
       :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('part.upd', p) * :span_s),
       'storekeeper'
FROM generate_series(1, :n_parts) p
LEFT JOIN asset_types ty ON ty.asset_type_id = NULLIF(p % 25, 0)
CROSS JOIN LATERAL (
  SELECT pg_temp.rnd_int('part.kind', p, 1, 20)::int AS kk,
         pg_temp.rnd_pick('part.mfr', p, ARRAY['SKF', 'Gates', 'Parker', 'Festo', 'Siemens',
                                                'Schaeffler', 'Bosch Rexroth', 'Pilz', 'Omron']) AS mfr,
         ARRAY['Deep groove ball bearing 6205-2RS', 'V-belt SPA 1250', 'Hydraulic seal kit',
               'Proximity sensor M18', 'Contactor 3-pole 32A', 'Servo motor encoder',
               'Air filter element', 'Hydraulic oil ISO VG 46', 'Grease cartridge NLGI 2',
               'Conveyor roller 50 mm', 'Timing belt HTD 8M', 'Solenoid valve 24 VDC',
               'Fuse 10A gG', 'Gearbox oil seal', 'Welding contact tip M6',
               'Camera protective window', 'Refrigerant R410A', 'Roller chain 08B-1',
               'Limit switch', 'Pneumatic cylinder 32x100'] AS kname,
         ARRAY['ea', 'ea', 'set', 'ea', 'ea', 'ea', 'ea', 'l', 'ea', 'ea', 'ea', 'ea', 'ea',
               'ea', 'ea', 'ea', 'kg', 'm', 'ea', 'ea'] AS kuom,
         ARRAY[18, 24, 85, 65, 48, 620, 35, 6.5, 9, 42, 55, 110, 3.2, 14, 2.1, 38, 28, 19, 45, 160]::numeric[] AS kcost
) k;

-- One stock record per part per factory, in the factory's first warehouse (the MRO store).
INSERT INTO spare_part_stock (stock_id, part_id, factory_id, warehouse_id, bin_location,
                              qty_on_hand, reorder_point, reorder_qty, max_qty, last_counted_at,
                              created_at, updated_at, modified_by)
SELECT (p.part_id - 1) * :n_factories + f, p.part_id, f, 2 * f - 1,
       'MRO-' || chr(65 + (p.part_id % 6)::int) || lpad((p.part_id % 40 + 1)::text, 2, '0')
         || '-' || (p.part_id % 5 + 1),
       round(pg_temp.rnd_num('stock.qty', sid, 0, 1, 3) * (rp + 2 * rq), CASE WHEN p.unit_of_measure IN ('ea', 'set') THEN 0 ELSE 3 END),
       rp, rq, rp + 2 * rq,
       :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('stock.count', sid) * :span_s),
       p.created_at, :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('stock.upd', sid) * :span_s),
       'storekeeper'
FROM spare_parts p
CROSS JOIN generate_series(1, :n_factories) f
CROSS JOIN LATERAL (
  SELECT (p.part_id - 1) * :n_factories + f AS sid,
         pg_temp.rnd_int('stock.rp', (p.part_id - 1) * :n_factories + f, 1, CASE WHEN p.is_critical THEN 10 ELSE 4 END) AS rp,
         pg_temp.rnd_int('stock.rq', (p.part_id - 1) * :n_factories + f, 2, 30) AS rq
) q;

-- Work orders. Status follows from the timeline relative to end_date, so jobs close in the past
-- and stay open near end_date.
INSERT INTO maintenance_work_orders (work_order_id, wo_number, asset_id, machine_id, factory_id,
  plan_id, failure_code_id, wo_type, priority, status, title, problem_description,
  resolution_notes, root_cause, requested_by, technician_id, reported_at, scheduled_start,
  started_at, completed_at, closed_at, downtime_minutes, external_cost, safety_permit_required,
  created_at, updated_at, modified_by)
SELECT i, 'MWO-' || lpad(i::text, greatest(length(i::text), 6), '0'), a.asset_id, a.machine_id, a.factory_id,
       CASE WHEN wo_type = 'preventive' THEN t.plan_id END,
       CASE WHEN wo_type <> 'preventive' THEN fc.failure_code_id END,
       wo_type,
       CASE wo_type
         WHEN 'preventive' THEN CASE WHEN rp < 0.4 THEN 'low' ELSE 'medium' END
         WHEN 'corrective' THEN CASE WHEN rp < 0.5 THEN 'medium' WHEN rp < 0.9 THEN 'high' ELSE 'critical' END
         WHEN 'predictive' THEN CASE WHEN rp < 0.6 THEN 'medium' ELSE 'high' END
         ELSE CASE WHEN rp < 0.8 THEN 'critical' ELSE 'high' END END,
       ws,
       CASE WHEN wo_type = 'preventive' THEN pl.name ELSE fc.failure_mode || ' - ' || a.name END,
       CASE WHEN wo_type = 'preventive'
            THEN 'Scheduled ' || pl.strategy || ' maintenance generated from plan ' || pl.plan_code || '.'
            ELSE fc.description || ' Reported on ' || a.name || ' (' || a.asset_tag || ')'
                 || CASE WHEN a.machine_id IS NOT NULL THEN ', machine ' || a.machine_id ELSE '' END
                 || '. ' || pg_temp.rnd_pick('mwo.obs', i,
                      ARRAY['Operator heard abnormal noise before the stop.',
                            'Alarm appeared on HMI, machine stopped in cycle.',
                            'Output quality dropped, parts out of tolerance.',
                            'Visible leak under the unit, floor marked and cleaned.',
                            'Intermittent fault, resets after power cycle.']) END,
       CASE WHEN ws IN ('completed', 'closed') THEN
         CASE WHEN wo_type = 'preventive' THEN 'All checklist items done, no findings.'
              ELSE 'Replaced faulty component and tested under load. ' ||
                   CASE WHEN wo_type = 'emergency' AND pg_temp.rnd('mwo.dump', i) < 0.2
                        THEN E'Controller diagnostic buffer attached below.\n'
                             || (SELECT string_agg(lpad(to_hex(pg_temp.rnd_int('mwo.dumpw', i * 1000 + w, 0, 2147483647)::int), 8, '0'),
                                                   CASE WHEN w % 8 = 0 THEN E'\n' ELSE ' ' END ORDER BY w)
                                 FROM generate_series(1, 420) w)
                        ELSE 'Machine released to production.' END END END,
       CASE WHEN ws IN ('completed', 'closed') AND wo_type <> 'preventive'
            THEN pg_temp.rnd_pick('mwo.rc', i, ARRAY['wear beyond service life', 'insufficient lubrication',
                   'contamination', 'operating error', 'design weakness', 'unknown']) END,
       CASE WHEN wo_type = 'preventive' THEN NULL
            ELSE a.factory_id + :n_factories * pg_temp.rnd_int('mwo.req', i, 0, (:n_employees - a.factory_id) / :n_factories) END,
       CASE WHEN ws = 'requested' THEN NULL
            WHEN pg_temp.rnd('mwo.tech', i) < 0.8 THEN a.primary_technician_id
            ELSE 20 * pg_temp.rnd_int('mwo.tech_any', i, 0, :n_techs - 1) + 2 END,
       reported_at,
       CASE WHEN ws <> 'requested' THEN start_ts END,
       CASE WHEN ws IN ('in_progress', 'on_hold', 'completed', 'closed') THEN start_ts END,
       CASE WHEN ws IN ('completed', 'closed') THEN end_ts END,
       CASE WHEN ws = 'closed' THEN close_ts END,
       CASE WHEN ws NOT IN ('completed', 'closed') THEN 0
            WHEN wo_type IN ('corrective', 'emergency') THEN round((lag_h + dur_h) * 60)
            WHEN wo_type = 'predictive' OR pl.requires_shutdown THEN round(dur_h * 60)
            ELSE 0 END,
       CASE WHEN ws IN ('completed', 'closed') AND wo_type IN ('corrective', 'emergency')
                 AND pg_temp.rnd('mwo.ext', i) < 0.07
            THEN pg_temp.rnd_num('mwo.extc', i, 500, 8000, 2) ELSE 0 END,
       wo_type = 'emergency' OR at.permit OR pg_temp.rnd('mwo.permit', i) < 0.1,
       reported_at,
       CASE ws WHEN 'closed' THEN close_ts WHEN 'completed' THEN end_ts
                   WHEN 'in_progress' THEN start_ts WHEN 'on_hold' THEN start_ts
                   ELSE reported_at END,
       CASE WHEN ws IN ('requested') AND wo_type = 'preventive' THEN 'pm_scheduler'
            WHEN ws IN ('requested', 'approved', 'scheduled', 'cancelled') THEN 'planner'
            ELSE 'user' || CASE WHEN pg_temp.rnd('mwo.tech', i) < 0.8 THEN a.primary_technician_id
                                ELSE 20 * pg_temp.rnd_int('mwo.tech_any', i, 0, :n_techs - 1) + 2 END END
FROM generate_series(1, :n_wo) g(i)
CROSS JOIN LATERAL (
  SELECT CASE WHEN pg_temp.rnd('mwo.kind', i) < 0.85
              THEN pg_temp.rnd_int('mwo.machine', i, 1, :n_machines)
              ELSE :n_machines + pg_temp.rnd_int('mwo.facility', i, 1, 7 * :n_factories) END AS asset_id,
         pg_temp.rnd('mwo.type', i) AS rt,
         pg_temp.rnd('mwo.prio', i) AS rp,
         :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('mwo.reported', i) * :span_s) AS reported_at
) r
JOIN assets a ON a.asset_id = r.asset_id
JOIN atype at ON at.id = a.asset_type_id
CROSS JOIN LATERAL (
  SELECT CASE WHEN rt < 0.45 THEN 'preventive' WHEN rt < 0.77 THEN 'corrective'
              WHEN rt < 0.90 THEN 'predictive' ELSE 'emergency' END AS wo_type,
         2 * (a.asset_id - 1) + CASE WHEN pg_temp.rnd('mwo.plan', i) < 0.75 THEN 1 ELSE 2 END AS plan_id,
         pg_temp.rnd_int('mwo.fc', i, 1, 40) AS fc_id
) t
JOIN maintenance_plans pl ON pl.plan_id = t.plan_id
JOIN failure_codes fc ON fc.failure_code_id = t.fc_id
CROSS JOIN LATERAL (
  SELECT CASE wo_type WHEN 'preventive' THEN pg_temp.rnd_num('mwo.lag', i, 24, 168, 3)
                      WHEN 'corrective' THEN pg_temp.rnd_num('mwo.lag', i, 1, 24, 3)
                      WHEN 'predictive' THEN pg_temp.rnd_num('mwo.lag', i, 4, 72, 3)
                      ELSE pg_temp.rnd_num('mwo.lag', i, 0.1, 1, 3) END AS lag_h,
         CASE wo_type WHEN 'preventive' THEN pl.estimated_duration_minutes / 60.0
                                             * pg_temp.rnd_num('mwo.dur', i, 0.8, 1.3, 3)
                      WHEN 'corrective' THEN fc.typical_repair_hours * pg_temp.rnd_num('mwo.dur', i, 0.5, 2.5, 3)
                      WHEN 'predictive' THEN fc.typical_repair_hours * pg_temp.rnd_num('mwo.dur', i, 0.5, 1.5, 3)
                      ELSE fc.typical_repair_hours * pg_temp.rnd_num('mwo.dur', i, 1, 3, 3) END AS dur_h
) d
CROSS JOIN LATERAL (
  SELECT reported_at + lag_h * interval '1 hour' AS start_ts,
         reported_at + (lag_h + dur_h) * interval '1 hour' AS end_ts,
         reported_at + (lag_h + dur_h + pg_temp.rnd_num('mwo.close', i, 2, 96, 3)) * interval '1 hour' AS close_ts
) e
CROSS JOIN LATERAL (
  SELECT CASE
    WHEN pg_temp.rnd('mwo.cancel', i) < 0.03 THEN 'cancelled'
    WHEN close_ts < :'t_end'::timestamptz THEN 'closed'
    WHEN end_ts < :'t_end'::timestamptz THEN 'completed'
    WHEN start_ts < :'t_end'::timestamptz
      THEN CASE WHEN pg_temp.rnd('mwo.hold', i) < 0.15 THEN 'on_hold' ELSE 'in_progress' END
    WHEN reported_at > :'t_end'::timestamptz - interval '6 hours' THEN 'requested'
    WHEN wo_type = 'preventive' THEN 'scheduled'
    ELSE 'approved' END AS ws
) s;

-- Preventive jobs follow their plan's checklist; breakdowns follow the standard repair steps.
INSERT INTO maintenance_wo_tasks (wo_task_id, work_order_id, step_no, description, status,
                                  estimated_minutes, actual_minutes, completed_at, completed_by,
                                  measurements, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY w.work_order_id, st.step_no), w.work_order_id, st.step_no,
       st.description, ts.status, st.est,
       CASE WHEN ts.status = 'done' THEN round(st.est * pg_temp.rnd_num('task.act', w.work_order_id * 10 + st.step_no, 0.6, 1.6, 3))::int END,
       CASE WHEN ts.status = 'done' THEN ts.done_at END,
       CASE WHEN ts.status = 'done' THEN w.technician_id END,
       CASE WHEN ts.status = 'done' AND st.step_no = st.n_steps
            THEN jsonb_build_object('vibration_mm_s', pg_temp.rnd_num('task.vib', w.work_order_id, 0.8, 4.5, 2),
                                    'temperature_c', pg_temp.rnd_num('task.temp', w.work_order_id, 30, 70, 1)) END,
       w.created_at,
       CASE WHEN ts.status = 'done' THEN ts.done_at ELSE w.created_at END,
       CASE WHEN ts.status = 'done' THEN 'user' || w.technician_id END
FROM maintenance_work_orders w
CROSS JOIN LATERAL (
  SELECT pt.step_no, pt.description, pt.estimated_minutes AS est, 4 AS n_steps
  FROM maintenance_plan_tasks pt
  WHERE w.wo_type = 'preventive' AND pt.plan_id = w.plan_id
  UNION ALL
  SELECT s, (CASE WHEN w.wo_type = 'predictive'
                  THEN ARRAY['Review condition data and trend', 'Replace degraded component',
                             'Verify readings after repair']
                  ELSE ARRAY['Isolate and lock out equipment', 'Diagnose root cause',
                             'Repair or replace failed component',
                             'Functional test and hand back to production'] END)[s],
         CASE WHEN s = 1 THEN 15 ELSE 45 END,
         CASE WHEN w.wo_type = 'predictive' THEN 3 ELSE 4 END
  FROM generate_series(1, CASE WHEN w.wo_type = 'predictive' THEN 3 ELSE 4 END) s
  WHERE w.wo_type <> 'preventive'
) st
CROSS JOIN LATERAL (
  SELECT CASE
    WHEN w.status IN ('completed', 'closed')
      THEN CASE WHEN pg_temp.rnd('task.skip', w.work_order_id * 10 + st.step_no) < 0.03 THEN 'skipped' ELSE 'done' END
    WHEN w.status IN ('in_progress', 'on_hold') AND st.step_no < st.n_steps
         AND st.step_no <= pg_temp.rnd_int('task.prog', w.work_order_id, 0, st.n_steps - 1) THEN 'done'
    ELSE 'pending' END AS status,
    CASE WHEN w.completed_at IS NOT NULL
         THEN w.started_at + (w.completed_at - w.started_at) * st.step_no / st.n_steps
         ELSE w.started_at + (:'t_end'::timestamptz - w.started_at) * st.step_no / (st.n_steps + 1) END AS done_at
) ts;

-- Labor: the assigned technician, sometimes with a second one, for the time the job ran.
INSERT INTO maintenance_labor (labor_id, work_order_id, technician_id, work_date, started_at,
                               ended_at, hours, hourly_rate, labor_cost, is_overtime,
                               created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY w.work_order_id, c), w.work_order_id, tk.tech,
       (w.started_at AT TIME ZONE 'UTC')::date, w.started_at, ended, hrs,
       rate, round(hrs * rate * CASE WHEN ot THEN 1.5 ELSE 1 END, 2), ot,
       ended, ended, 'user' || tk.tech
FROM maintenance_work_orders w
CROSS JOIN generate_series(1, 2) c
CROSS JOIN LATERAL (
  SELECT CASE WHEN c = 1 THEN w.technician_id
              ELSE 20 * (((w.technician_id - 2) / 20 + 1
                          + pg_temp.rnd_int('labor.mate', w.work_order_id, 0, greatest(:n_techs - 2, 0))) % :n_techs) + 2
         END AS tech,
         coalesce(w.completed_at,
                  least(w.started_at + interval '4 hours',
                        w.started_at + (:'t_end'::timestamptz - w.started_at) / 2)) AS ended
) tk
CROSS JOIN LATERAL (
  SELECT round((extract(epoch FROM tk.ended - w.started_at) / 3600)::numeric, 3) AS hrs,
         (38 + tk.tech % 17 + 0.25 * (tk.tech % 4))::numeric(14,4) AS rate,
         extract(hour FROM w.started_at AT TIME ZONE 'UTC') NOT BETWEEN 6 AND 17
           OR extract(isodow FROM w.started_at AT TIME ZONE 'UTC') > 5 AS ot
) h
WHERE w.started_at IS NOT NULL
  AND (c = 1 OR pg_temp.rnd('labor.crew', w.work_order_id) < 0.3);

-- Parts come from the storeroom of the asset's factory and fit the asset's type.
INSERT INTO spare_part_usage (usage_id, work_order_id, part_id, stock_id, quantity, unit_cost,
                              total_cost, issued_at, issued_by, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY w.work_order_id, n), w.work_order_id, sp.part_id,
       (sp.part_id - 1) * :n_factories + w.factory_id, q.qty, sp.unit_cost,
       round(q.qty * sp.unit_cost, 2), q.issued, w.technician_id, q.issued, q.issued,
       'user' || w.technician_id
FROM maintenance_work_orders w
JOIN assets a ON a.asset_id = w.asset_id
CROSS JOIN LATERAL generate_series(1, pg_temp.rnd_int('use.n', w.work_order_id,
  CASE WHEN w.wo_type = 'preventive' THEN 0 ELSE 1 END,
  CASE WHEN w.wo_type IN ('corrective', 'emergency') THEN 3 ELSE 2 END)::int) n
JOIN spare_parts sp ON sp.part_id = a.asset_type_id
  + 25 * pg_temp.rnd_int('use.part', w.work_order_id * 10 + n, 0, (:n_parts - a.asset_type_id) / 25)
CROSS JOIN LATERAL (
  SELECT CASE WHEN sp.unit_of_measure IN ('ea', 'set')
              THEN pg_temp.rnd_int('use.qty', w.work_order_id * 10 + n, 1, 4)::numeric
              ELSE pg_temp.rnd_num('use.qty', w.work_order_id * 10 + n, 0.5, 20, 3) END AS qty,
         w.started_at + (coalesce(w.completed_at, :'t_end'::timestamptz) - w.started_at) * 0.2 AS issued
) q
WHERE w.started_at IS NOT NULL;

UPDATE maintenance_work_orders w
SET labor_hours = l.hrs, labor_cost = l.cost
FROM (SELECT work_order_id, sum(hours) AS hrs, sum(labor_cost) AS cost
      FROM maintenance_labor GROUP BY work_order_id) l
WHERE l.work_order_id = w.work_order_id;

UPDATE maintenance_work_orders w
SET parts_cost = u.cost
FROM (SELECT work_order_id, sum(total_cost) AS cost FROM spare_part_usage GROUP BY work_order_id) u
WHERE u.work_order_id = w.work_order_id;

UPDATE spare_part_stock s
SET last_issued_at = u.last_issued
FROM (SELECT stock_id, max(issued_at) AS last_issued FROM spare_part_usage GROUP BY stock_id) u
WHERE u.stock_id = s.stock_id;

-- Assets with a breakdown being worked on are down; with any other open job under maintenance.
UPDATE assets a
SET status = CASE WHEN o.breakdown THEN 'down' ELSE 'under_maintenance' END,
    updated_at = greatest(a.updated_at, o.since), modified_by = 'user' || a.primary_technician_id
FROM (SELECT asset_id, bool_or(wo_type IN ('corrective', 'emergency')) AS breakdown,
             max(started_at) AS since
      FROM maintenance_work_orders WHERE status IN ('in_progress', 'on_hold')
      GROUP BY asset_id) o
WHERE o.asset_id = a.asset_id AND a.status = 'operational';

UPDATE maintenance_plans p
SET last_performed_at = w.last_done,
    next_due_date = (w.last_done AT TIME ZONE 'UTC')::date
                    + coalesce(p.interval_days, (p.interval_hours / 20)::int),
    updated_at = w.last_done, modified_by = 'pm_scheduler'
FROM (SELECT plan_id, max(completed_at) AS last_done FROM maintenance_work_orders
      WHERE wo_type = 'preventive' AND completed_at IS NOT NULL GROUP BY plan_id) w
WHERE w.plan_id = p.plan_id;

UPDATE maintenance_plans
SET next_due_date = :'d0'::date + pg_temp.rnd_int('plan.due', plan_id, 1, coalesce(interval_days, 120))::int
WHERE next_due_date IS NULL;

INSERT INTO maintenance_history (history_id, asset_id, work_order_id, failure_code_id, event_type,
                                 event_at, summary, downtime_minutes, total_cost, meter_value,
                                 performed_by, details, created_at, updated_at, modified_by)
SELECT a.asset_id, a.asset_id, NULL, NULL, 'commissioned',
       a.install_date::timestamp AT TIME ZONE 'UTC',
       'Commissioned ' || a.name || ' (' || a.manufacturer || ' ' || a.model || ')', 0,
       a.acquisition_cost, 0, a.primary_technician_id,
       jsonb_build_object('serial_number', a.serial_number),
       a.created_at, a.created_at, 'admin'
FROM assets a;

INSERT INTO maintenance_history (history_id, asset_id, work_order_id, failure_code_id, event_type,
                                 event_at, summary, downtime_minutes, total_cost, meter_value,
                                 performed_by, details, created_at, updated_at, modified_by)
SELECT :n_assets + row_number() OVER (ORDER BY w.work_order_id), w.asset_id, w.work_order_id,
       w.failure_code_id,
       CASE w.wo_type WHEN 'preventive' THEN 'pm_completed' WHEN 'predictive' THEN 'condition_repair'
                      ELSE 'repair' END,
       w.completed_at, w.wo_number || ': ' || w.title, w.downtime_minutes,
       w.labor_cost + w.parts_cost + w.external_cost,
       round(a.running_hours - extract(epoch FROM :'t_end'::timestamptz - w.completed_at) / 3600 * 0.75, 3),
       w.technician_id,
       jsonb_build_object('wo_type', w.wo_type, 'labor_hours', w.labor_hours),
       w.completed_at, w.completed_at, 'user' || w.technician_id
FROM maintenance_work_orders w
JOIN assets a ON a.asset_id = w.asset_id
WHERE w.status IN ('completed', 'closed');

-- Each predictive job was triggered by an alert; further alerts were dismissed or are still open.
INSERT INTO condition_alerts (alert_id, asset_id, meter_id, work_order_id, alert_type, severity,
                              measured_value, threshold_value, raised_at, acknowledged_at,
                              acknowledged_by, status, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY w.work_order_id), w.asset_id, cm.meter_id, w.work_order_id,
       atype, CASE WHEN w.priority = 'high' THEN 'critical' ELSE 'warning' END,
       round((thr * pg_temp.rnd_num('alert.over', w.work_order_id, 1.05, 1.6, 3))::numeric, 3)::double precision,
       thr, raised, w.reported_at - interval '10 minutes', w.technician_id,
       CASE WHEN w.status IN ('completed', 'closed') THEN 'resolved' ELSE 'work_order_created' END,
       raised, coalesce(w.completed_at, w.reported_at), 'user' || coalesce(w.technician_id, a.primary_technician_id)
FROM maintenance_work_orders w
JOIN assets a ON a.asset_id = w.asset_id
LEFT JOIN asset_meters cm ON cm.asset_id = w.asset_id AND cm.meter_type IN ('vibration_mm_s', 'temperature_c')
CROSS JOIN LATERAL (
  SELECT CASE cm.meter_type WHEN 'vibration_mm_s' THEN 'vibration_high'
                            WHEN 'temperature_c' THEN 'temperature_high'
                            ELSE pg_temp.rnd_pick('alert.type', w.work_order_id,
                                   ARRAY['oil_contamination', 'current_imbalance', 'noise', 'pressure_low']) END AS atype,
         CASE cm.meter_type WHEN 'vibration_mm_s' THEN 7.1::double precision WHEN 'temperature_c' THEN 85 ELSE 100 END AS thr,
         w.reported_at - pg_temp.rnd_num('alert.lead', w.work_order_id, 0.25, 6, 3) * interval '1 hour' AS raised
) x
WHERE w.wo_type = 'predictive';

SELECT coalesce(max(alert_id), 0) AS n_pred_alerts FROM condition_alerts \gset

INSERT INTO condition_alerts (alert_id, asset_id, meter_id, work_order_id, alert_type, severity,
                              measured_value, threshold_value, raised_at, acknowledged_at,
                              acknowledged_by, status, created_at, updated_at, modified_by)
SELECT :n_pred_alerts + i, a.asset_id, cm.meter_id, NULL,
       CASE cm.meter_type WHEN 'vibration_mm_s' THEN 'vibration_high' WHEN 'temperature_c' THEN 'temperature_high'
                          ELSE 'noise' END,
       CASE WHEN pg_temp.rnd('xalert.sev', i) < 0.2 THEN 'info' ELSE 'warning' END,
       round((thr * pg_temp.rnd_num('xalert.over', i, 1.0, 1.25, 3))::numeric, 3)::double precision, thr,
       raised,
       CASE WHEN st <> 'open' THEN raised + interval '25 minutes' END,
       CASE WHEN st <> 'open' THEN a.primary_technician_id END,
       st, raised,
       CASE WHEN st <> 'open' THEN raised + interval '25 minutes' ELSE raised END,
       CASE WHEN st <> 'open' THEN 'user' || a.primary_technician_id END
FROM generate_series(1, :n_extra_alerts) i
JOIN assets a ON a.asset_id = pg_temp.rnd_int('xalert.asset', i, 1, :n_machines)
LEFT JOIN asset_meters cm ON cm.asset_id = a.asset_id AND cm.meter_type IN ('vibration_mm_s', 'temperature_c')
CROSS JOIN LATERAL (
  SELECT coalesce(CASE cm.meter_type WHEN 'vibration_mm_s' THEN 7.1 WHEN 'temperature_c' THEN 85 END, 90)::double precision AS thr,
         :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('xalert.at', i) * :span_s) AS raised
) r
CROSS JOIN LATERAL (
  SELECT CASE WHEN raised > :'t_end'::timestamptz - interval '2 days'
              THEN CASE WHEN pg_temp.rnd('xalert.st', i) < 0.5 THEN 'open' ELSE 'acknowledged' END
              WHEN pg_temp.rnd('xalert.st', i) < 0.75 THEN 'dismissed' ELSE 'resolved' END AS st
) s;

INSERT INTO part_requisitions (requisition_id, requisition_number, part_id, stock_id,
  work_order_id, factory_id, warehouse_id, supplier_id, quantity, estimated_unit_cost,
  estimated_total, needed_by, status, requested_by, requested_at, approved_at, received_at,
  po_number, notes, created_at, updated_at, modified_by)
SELECT i, 'PRQ-' || lpad(i::text, greatest(length(i::text), 6), '0'), sp.part_id, st.stock_id, NULL, st.factory_id,
       st.warehouse_id, sp.preferred_supplier_id, st.reorder_qty, sp.unit_cost,
       round(st.reorder_qty * sp.unit_cost, 2), (req_at AT TIME ZONE 'UTC')::date + sp.lead_time_days,
       rs, requester, req_at,
       CASE WHEN rs IN ('approved', 'ordered', 'received') THEN req_at + interval '1 day' END,
       CASE WHEN rs = 'received' THEN recv_at END,
       CASE WHEN rs IN ('ordered', 'received') THEN 'PO-' || to_char(req_at, 'YYYY') || '-' || lpad((i * 7 % 100000)::text, 6, '0') END,
       CASE WHEN sp.is_critical THEN 'Critical spare below reorder point.' END,
       req_at,
       CASE rs WHEN 'received' THEN recv_at WHEN 'ordered' THEN req_at + interval '2 days'
               WHEN 'approved' THEN req_at + interval '1 day' ELSE req_at END,
       'user' || requester
FROM generate_series(1, :n_req) i
JOIN spare_parts sp ON sp.part_id = pg_temp.rnd_int('req.part', i, 1, :n_parts)
JOIN spare_part_stock st ON st.stock_id = (sp.part_id - 1) * :n_factories + pg_temp.rnd_int('req.f', i, 1, :n_factories)
CROSS JOIN LATERAL (
  SELECT :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('req.at', i) * :span_s) AS req_at,
         20 * pg_temp.rnd_int('req.by', i, 0, :n_techs - 1) + 2 AS requester
) r
CROSS JOIN LATERAL (
  SELECT req_at + (sp.lead_time_days + 1) * interval '1 day' AS recv_at
) rv
CROSS JOIN LATERAL (
  SELECT CASE WHEN pg_temp.rnd('req.cancel', i) < 0.05 THEN 'cancelled'
              WHEN recv_at < :'t_end'::timestamptz THEN 'received'
              WHEN req_at + interval '2 days' < :'t_end'::timestamptz THEN 'ordered'
              WHEN req_at + interval '1 day' < :'t_end'::timestamptz THEN 'approved'
              WHEN pg_temp.rnd('req.draft', i) < 0.5 THEN 'draft'
              ELSE 'submitted' END AS rs
) s;

INSERT INTO wo_attachments (attachment_id, work_order_id, file_name, mime_type, size_bytes, sha256,
                            caption, uploaded_by, uploaded_at, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY w.work_order_id), w.work_order_id,
       CASE WHEN w.safety_permit_required THEN 'permit_' ELSE 'photo_' END || w.wo_number
         || CASE WHEN w.safety_permit_required THEN '.pdf' ELSE '.jpg' END,
       CASE WHEN w.safety_permit_required THEN 'application/pdf' ELSE 'image/jpeg' END,
       pg_temp.rnd_int('att.size', w.work_order_id, 40000, 4000000),
       sha256(convert_to(w.wo_number || ':' || pg_temp.rnd('att.hash', w.work_order_id), 'UTF8')),
       CASE WHEN w.safety_permit_required THEN 'Signed hot-work / electrical permit'
            ELSE 'Failed component before replacement' END,
       w.technician_id, w.started_at, w.started_at, w.started_at, 'user' || w.technician_id
FROM maintenance_work_orders w
WHERE w.started_at IS NOT NULL
  AND (w.safety_permit_required OR pg_temp.rnd('att.photo', w.work_order_id) < 0.2);

SELECT setval(pg_get_serial_sequence('asset_types', 'asset_type_id'), coalesce(max(asset_type_id), 1), max(asset_type_id) IS NOT NULL) FROM asset_types;
SELECT setval(pg_get_serial_sequence('failure_codes', 'failure_code_id'), coalesce(max(failure_code_id), 1), max(failure_code_id) IS NOT NULL) FROM failure_codes;
SELECT setval(pg_get_serial_sequence('assets', 'asset_id'), coalesce(max(asset_id), 1), max(asset_id) IS NOT NULL) FROM assets;
SELECT setval(pg_get_serial_sequence('asset_meters', 'meter_id'), coalesce(max(meter_id), 1), max(meter_id) IS NOT NULL) FROM asset_meters;
SELECT setval(pg_get_serial_sequence('meter_readings', 'reading_id'), coalesce(max(reading_id), 1), max(reading_id) IS NOT NULL) FROM meter_readings;
SELECT setval(pg_get_serial_sequence('maintenance_plans', 'plan_id'), coalesce(max(plan_id), 1), max(plan_id) IS NOT NULL) FROM maintenance_plans;
SELECT setval(pg_get_serial_sequence('maintenance_plan_tasks', 'plan_task_id'), coalesce(max(plan_task_id), 1), max(plan_task_id) IS NOT NULL) FROM maintenance_plan_tasks;
SELECT setval(pg_get_serial_sequence('technician_skills', 'technician_skill_id'), coalesce(max(technician_skill_id), 1), max(technician_skill_id) IS NOT NULL) FROM technician_skills;
SELECT setval(pg_get_serial_sequence('technician_schedules', 'schedule_id'), coalesce(max(schedule_id), 1), max(schedule_id) IS NOT NULL) FROM technician_schedules;
SELECT setval(pg_get_serial_sequence('spare_parts', 'part_id'), coalesce(max(part_id), 1), max(part_id) IS NOT NULL) FROM spare_parts;
SELECT setval(pg_get_serial_sequence('spare_part_stock', 'stock_id'), coalesce(max(stock_id), 1), max(stock_id) IS NOT NULL) FROM spare_part_stock;
SELECT setval(pg_get_serial_sequence('maintenance_work_orders', 'work_order_id'), coalesce(max(work_order_id), 1), max(work_order_id) IS NOT NULL) FROM maintenance_work_orders;
SELECT setval(pg_get_serial_sequence('maintenance_wo_tasks', 'wo_task_id'), coalesce(max(wo_task_id), 1), max(wo_task_id) IS NOT NULL) FROM maintenance_wo_tasks;
SELECT setval(pg_get_serial_sequence('maintenance_labor', 'labor_id'), coalesce(max(labor_id), 1), max(labor_id) IS NOT NULL) FROM maintenance_labor;
SELECT setval(pg_get_serial_sequence('spare_part_usage', 'usage_id'), coalesce(max(usage_id), 1), max(usage_id) IS NOT NULL) FROM spare_part_usage;
SELECT setval(pg_get_serial_sequence('maintenance_history', 'history_id'), coalesce(max(history_id), 1), max(history_id) IS NOT NULL) FROM maintenance_history;
SELECT setval(pg_get_serial_sequence('condition_alerts', 'alert_id'), coalesce(max(alert_id), 1), max(alert_id) IS NOT NULL) FROM condition_alerts;
SELECT setval(pg_get_serial_sequence('part_requisitions', 'requisition_id'), coalesce(max(requisition_id), 1), max(requisition_id) IS NOT NULL) FROM part_requisitions;
SELECT setval(pg_get_serial_sequence('wo_attachments', 'attachment_id'), coalesce(max(attachment_id), 1), max(attachment_id) IS NOT NULL) FROM wo_attachments;

DROP TABLE tech, atype;

-- Fresh statistics, so the workload that follows gets good plans from its first statement.
ANALYZE;
