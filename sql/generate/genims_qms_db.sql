-- genims_qms_db generator: inspection plans for every product (in-process, final) and
-- material (incoming), gauges, and :days of inspections, results, defects, SPC subgroups,
-- complaints, NCRs, holds, audits and CAPAs ending at :end_date. Deterministic in :seed
-- (only pg_temp.rnd* draws, no clock).
--
-- Plan ids: in-process plan of product p = p, final plan = n_products + p, incoming plan of
-- material m = 2 * n_products + m; characteristic seq 1 of every plan is a measured one.
-- Product inspections and SPC happen in the product's factory (p-1)%F+1 on one of its lines;
-- incoming inspections name the material's first source supplier (m-1)%S+1, the same rule
-- genims_supplier_db uses. Inspectors are employees with e%20 = 1 (of the factory when one
-- exists), CAPA owners supervisors (e%20 = 3).
\ir _prelude.sql

-- These statements are large expression trees over modest row counts: JIT compilation
-- would cost seconds and save nothing. (Likewise the OFFSET 0 in derived tables: it keeps
-- the planner from inlining a derived column at every reference, so each draw runs once.)
SET jit = off;
-- Date arithmetic on timestamptz (month series, date casts) then never depends on the
-- server's TimeZone.
SET TIME ZONE 'UTC';

SELECT (:'end_date'::date - (:days - 1)) AS start_date \gset

TRUNCATE defect_codes, inspection_plans, inspection_characteristics, gauges, calibration_records,
  inspections, inspection_results, inspection_defects, customer_complaints, non_conformances,
  quality_holds, quality_audits, audit_findings, corrective_actions, spc_samples
  RESTART IDENTITY CASCADE;

-- Employees by factory and role; empty (factory, role) pairs fall back to any factory.
CREATE TEMP TABLE staff AS
WITH emp AS (
  SELECT e, (e - 1) % :n_factories + 1 AS factory_id, least(e % 20, 6) AS role
  FROM generate_series(1, :n_employees) e
)
SELECT f AS factory_id, r AS role,
  coalesce((SELECT array_agg(e ORDER BY e) FROM emp WHERE emp.factory_id = f AND emp.role = r),
           (SELECT array_agg(e ORDER BY e) FROM emp WHERE emp.role = r),
           ARRAY[1]) AS ids
FROM generate_series(1, :n_factories) f, generate_series(0, 6) r;

-- Characteristic catalogue the plans draw from: kind p = product, m = material.
CREATE TEMP TABLE char_catalog (kind text, char_type text, idx int, name text, unit text, lo numeric,
  hi numeric, gauge_type text);
INSERT INTO char_catalog VALUES
  ('p', 'variable', 1, 'Outer diameter', 'mm', 10, 80, 'caliper'),
  ('p', 'variable', 2, 'Length', 'mm', 20, 400, 'height_gauge'),
  ('p', 'variable', 3, 'Wall thickness', 'mm', 1, 8, 'micrometer'),
  ('p', 'variable', 4, 'Surface roughness Ra', 'um', 0.4, 3.2, 'profilometer'),
  ('p', 'variable', 5, 'Hardness', 'HRC', 30, 60, 'hardness_tester'),
  ('p', 'variable', 6, 'Tightening torque', 'Nm', 5, 120, 'torque_wrench'),
  ('p', 'variable', 7, 'Weight', 'g', 50, 5000, 'scale'),
  ('p', 'attribute', 1, 'Visual appearance', NULL, NULL, NULL, NULL),
  ('p', 'attribute', 2, 'Leak test', NULL, NULL, NULL, 'leak_tester'),
  ('p', 'attribute', 3, 'Label and marking', NULL, NULL, NULL, NULL),
  ('p', 'attribute', 4, 'Function test', NULL, NULL, NULL, 'test_bench'),
  ('m', 'variable', 1, 'Thickness', 'mm', 0.5, 6, 'micrometer'),
  ('m', 'variable', 2, 'Tensile strength', 'MPa', 250, 700, 'tensile_tester'),
  ('m', 'variable', 3, 'Carbon content', '%', 0.05, 0.6, 'spectrometer'),
  ('m', 'variable', 4, 'Moisture', '%', 0.1, 2, 'moisture_analyzer'),
  ('m', 'attribute', 1, 'Material certificate 3.1 check', NULL, NULL, NULL, NULL),
  ('m', 'attribute', 2, 'Packaging condition', NULL, NULL, NULL, NULL),
  ('m', 'attribute', 3, 'Visual', NULL, NULL, NULL, NULL);

-- Reference data ------------------------------------------------------------------------

INSERT INTO defect_codes (defect_code_id, code, description, category, default_severity, is_active,
  created_at, updated_at, modified_by)
SELECT id, code, descr, cat, sev, id <> 30,
  (:'start_date'::date - 1000 + time '08:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - 1000 + pg_temp.rnd_int('dc.upd', id, 0, 900)::int + time '08:00') AT TIME ZONE 'UTC',
  'quality_admin'
FROM (VALUES
  (1, 'DIM-001', 'Dimension above upper limit', 'dimensional', 'major'),
  (2, 'DIM-002', 'Dimension below lower limit', 'dimensional', 'major'),
  (3, 'DIM-003', 'Position / true position out of tolerance', 'dimensional', 'major'),
  (4, 'DIM-004', 'Flatness out of tolerance', 'dimensional', 'minor'),
  (5, 'DIM-005', 'Thread gauge no-go fails', 'dimensional', 'critical'),
  (6, 'VIS-001', 'Scratch on visible surface', 'visual', 'minor'),
  (7, 'VIS-002', 'Dent or deformation', 'visual', 'minor'),
  (8, 'VIS-003', 'Burr on edge', 'visual', 'minor'),
  (9, 'VIS-004', 'Paint run or orange peel', 'visual', 'minor'),
  (10, 'VIS-005', 'Corrosion / rust', 'visual', 'major'),
  (11, 'VIS-006', 'Short shot (molding)', 'visual', 'major'),
  (12, 'VIS-007', 'Flash (molding)', 'visual', 'minor'),
  (13, 'VIS-008', 'Porosity in casting', 'visual', 'major'),
  (14, 'FUN-001', 'Leak test failed', 'functional', 'critical'),
  (15, 'FUN-002', 'Torque out of specification', 'functional', 'major'),
  (16, 'FUN-003', 'Electrical continuity failure', 'functional', 'critical'),
  (17, 'FUN-004', 'Noise / vibration above limit', 'functional', 'major'),
  (18, 'FUN-005', 'Assembly incomplete (missing part)', 'functional', 'critical'),
  (19, 'MAT-001', 'Wrong material grade', 'material', 'critical'),
  (20, 'MAT-002', 'Hardness out of specification', 'material', 'major'),
  (21, 'MAT-003', 'Chemical composition off', 'material', 'major'),
  (22, 'MAT-004', 'Moisture content too high', 'material', 'minor'),
  (23, 'PKG-001', 'Damaged packaging', 'packaging', 'minor'),
  (24, 'PKG-002', 'Wrong quantity per box', 'packaging', 'minor'),
  (25, 'PKG-003', 'Missing or wrong label', 'packaging', 'major'),
  (26, 'DOC-001', 'Missing material certificate', 'documentation', 'major'),
  (27, 'DOC-002', 'Certificate values do not match', 'documentation', 'major'),
  (28, 'DOC-003', 'Traveller incomplete', 'documentation', 'minor'),
  (29, 'DOC-004', 'Wrong drawing revision used', 'documentation', 'major'),
  (30, 'VIS-099', 'Legacy cosmetic code (retired)', 'visual', 'minor'))
  AS v(id, code, descr, cat, sev);

INSERT INTO inspection_plans (plan_id, plan_code, item_type, product_id, material_id, inspection_type,
  revision, sampling_scheme, aql, frequency, status, instructions, created_at, updated_at, modified_by)
SELECT plan_id, code, item_type, product_id, material_id, itype, pg_temp.rnd_int('pl.rev', plan_id, 1, 4),
  CASE itype WHEN 'in_process' THEN 'SPC subgroup of 5' ELSE 'ISO 2859-1 normal inspection level II' END,
  CASE WHEN itype = 'in_process' THEN NULL
       ELSE (ARRAY[0.65, 1.0, 1.5, 2.5])[pg_temp.rnd_int('pl.aql', plan_id, 1, 4)] END,
  CASE itype WHEN 'in_process' THEN pg_temp.rnd_pick('pl.freq', plan_id, ARRAY['every 2 hours', 'per shift', 'every 500 parts'])
             ELSE 'every lot' END,
  CASE WHEN pg_temp.rnd('pl.status', plan_id) < 0.98 THEN 'active' ELSE 'draft' END,
  CASE itype
    WHEN 'incoming' THEN 'Check delivery note against PO, verify material certificate, draw sample per AQL table.'
    WHEN 'in_process' THEN 'Measure 5 consecutive parts at the machine, plot on control chart, react per reaction plan.'
    ELSE 'Draw sample from packed lot, measure per control plan, check labels, release or quarantine the lot.' END
  || CASE WHEN pg_temp.rnd_bool('pl.long', plan_id, 0.05) THEN ' Steps: '
     || (SELECT string_agg(format('(%s) %s', k, pg_temp.rnd_pick('pl.step', plan_id * 100 + k,
           ARRAY['clean the gauge and zero it against the master', 'record the lot and operator on the checksheet',
                 'measure at three positions and record the maximum', 'compare against the boundary sample',
                 'photograph any deviation and attach it to the record', 'tag the container with the inspection status'])),
                         '; ' ORDER BY k)
         FROM generate_series(1, 30) k) ELSE '' END,
  (:'start_date'::date - pg_temp.rnd_int('pl.since', plan_id, 200, 1500)::int + time '10:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - pg_temp.rnd_int('pl.upd', plan_id, 1, 199)::int + time '10:00') AT TIME ZONE 'UTC',
  'user' || (20 * pg_temp.rnd_int('pl.by', plan_id, 0, (:n_employees - 1) / 20) + 1)
FROM (
  SELECT p AS plan_id, format('QP-PRD-%s-IPC', lpad(p::text, 6, '0')) AS code, 'product' AS item_type,
    p AS product_id, NULL::bigint AS material_id, 'in_process' AS itype
  FROM generate_series(1, :n_products) p
  UNION ALL
  SELECT :n_products + p, format('QP-PRD-%s-FIN', lpad(p::text, 6, '0')), 'product', p, NULL, 'final'
  FROM generate_series(1, :n_products) p
  UNION ALL
  SELECT 2 * :n_products + m, format('QP-MAT-%s-INC', lpad(m::text, 6, '0')), 'material', NULL, m, 'incoming'
  FROM generate_series(1, :n_materials) m
) x;

-- 2-4 characteristics per plan: seq 1 measured, later ones measured or attribute checks.
INSERT INTO inspection_characteristics (characteristic_id, plan_id, seq, name, char_type, nominal, lsl, usl,
  unit, is_critical, gauge_type, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY x.plan_id, x.seq), x.plan_id, x.seq, c.name, c.char_type,
  x.nominal, x.nominal - x.tol, x.nominal + x.tol, c.unit, x.seq = 1 AND pg_temp.rnd_bool('ch.crit', x.plan_id, 0.3),
  c.gauge_type, p.created_at, p.created_at, p.modified_by
FROM (
  SELECT y.*,
    CASE WHEN c.char_type = 'variable'
         THEN round(c.lo + (c.hi - c.lo) * pg_temp.rnd('ch.nom', y.plan_id * 10 + y.seq)::numeric, 3) END AS nominal,
    CASE WHEN c.char_type = 'variable'
         THEN round((c.lo + (c.hi - c.lo) * pg_temp.rnd('ch.nom', y.plan_id * 10 + y.seq)::numeric)
                    * (0.01 + 0.04 * pg_temp.rnd('ch.tol', y.plan_id * 10 + y.seq))::numeric, 4) END AS tol
  FROM (
    SELECT pl.plan_id, s.seq, CASE WHEN pl.item_type = 'product' THEN 'p' ELSE 'm' END AS kind,
      CASE WHEN s.seq = 1 OR pg_temp.rnd_bool('ch.var', pl.plan_id * 10 + s.seq, 0.6) THEN 'variable' ELSE 'attribute' END AS ctype,
      CASE WHEN s.seq = 1 OR pg_temp.rnd_bool('ch.var', pl.plan_id * 10 + s.seq, 0.6)
           THEN (pg_temp.rnd_int('ch.first', pl.plan_id, 0, 6)::int + s.seq - 1) % CASE WHEN pl.item_type = 'product' THEN 7 ELSE 4 END + 1
           ELSE (pg_temp.rnd_int('ch.attr', pl.plan_id, 0, 3)::int + s.seq) % CASE WHEN pl.item_type = 'product' THEN 4 ELSE 3 END + 1
      END AS idx
    FROM inspection_plans pl, generate_series(1, 4) s(seq)
    WHERE s.seq <= 2 + pg_temp.rnd_int('ch.n', pl.plan_id, 0, 2)
    OFFSET 0
  ) y
  JOIN char_catalog c ON c.kind = y.kind AND c.char_type = y.ctype AND c.idx = y.idx
  OFFSET 0
) x
JOIN char_catalog c ON c.kind = x.kind AND c.char_type = x.ctype AND c.idx = x.idx
JOIN inspection_plans p ON p.plan_id = x.plan_id;

-- 40 gauges per factory; gauge (f-1)*40+g.
INSERT INTO gauges (gauge_id, gauge_code, description, gauge_type, factory_id, location, manufacturer, serial_number,
  resolution, calibration_interval_days, last_calibrated_on, next_due_on, status, created_at, updated_at, modified_by)
SELECT id, format('GA-F%s-%s', lpad(f::text, 2, '0'), lpad(g::text, 3, '0')), descr || ' #' || g, gtype, f,
  pg_temp.rnd_pick('ga.loc', id, ARRAY['Incoming inspection', 'Line 1', 'Line 2', 'Line 3', 'Line 4', 'Final inspection', 'Measuring room']),
  maker, upper(substr(md5('ga' || id), 1, 10)), res, interval_d,
  last_cal, last_cal + interval_d,
  CASE WHEN pg_temp.rnd_bool('ga.oos', id, 0.02) THEN 'out_of_service'
       WHEN last_cal + interval_d < :'end_date'::date THEN 'due' ELSE 'active' END,
  (:'start_date'::date - 900 + time '08:00') AT TIME ZONE 'UTC',
  (last_cal + time '15:00') AT TIME ZONE 'UTC', 'metrology'
FROM (
  SELECT (f - 1) * 40 + g AS id, f, g, t.*,
    -- A few gauges are overdue: their last calibration is more than one interval ago.
    :'end_date'::date - pg_temp.rnd_int('ga.last', (f - 1) * 40 + g, 0,
      CASE WHEN pg_temp.rnd_bool('ga.overdue', (f - 1) * 40 + g, 0.05) THEN t.interval_d + 20 ELSE t.interval_d - 1 END)::int AS last_cal
  FROM generate_series(1, :n_factories) f, generate_series(1, 40) g
  JOIN (VALUES (1, 'caliper', 'Digital caliper 0-150 mm', 'Mitutoyo', 0.01, 180),
               (2, 'micrometer', 'Outside micrometer 0-25 mm', 'Mitutoyo', 0.001, 180),
               (3, 'height_gauge', 'Height gauge 600 mm', 'Tesa', 0.001, 365),
               (4, 'torque_wrench', 'Torque wrench 5-120 Nm', 'Stahlwille', 0.1, 90),
               (5, 'hardness_tester', 'Rockwell hardness tester', 'Zwick', 0.1, 180),
               (6, 'scale', 'Bench scale 15 kg', 'Sartorius', 0.1, 365),
               (7, 'profilometer', 'Surface roughness tester', 'Mahr', 0.01, 365),
               (8, 'cmm', 'Coordinate measuring machine', 'Zeiss', 0.0005, 365))
    AS t(tidx, gtype, descr, maker, res, interval_d) ON t.tidx = (g - 1) % 8 + 1
  OFFSET 0
) x;

-- Calibrations of each gauge every interval, back to the start of the window.
INSERT INTO calibration_records (calibration_id, gauge_id, calibrated_at, due_on, performed_by_employee_id,
  external_lab, result, as_found_error, as_left_error, tolerance, certificate_number, cost, notes, created_at,
  updated_at, modified_by)
SELECT row_number() OVER (ORDER BY cal_on, gauge_id), gauge_id, (cal_on + time '09:00') AT TIME ZONE 'UTC',
  cal_on + calibration_interval_days,
  CASE WHEN external THEN NULL ELSE 20 * pg_temp.rnd_int('cr.by', key, 0, (:n_employees - 1) / 20) + 1 END,
  CASE WHEN external THEN pg_temp.rnd_pick('cr.lab', key, ARRAY['DAkkS Lab Stuttgart', 'UKAS Metrology Ltd', 'NIST-traceable Cal Inc']) END,
  CASE WHEN found_err > 1 THEN 'adjusted' WHEN found_err > 0.9 AND pg_temp.rnd_bool('cr.fail', key, 0.3) THEN 'fail' ELSE 'pass' END,
  round((found_err * tolerance)::numeric, 6)::double precision,
  round((CASE WHEN found_err > 1 THEN found_err * 0.2 ELSE found_err END * tolerance)::numeric, 6)::double precision,
  tolerance,
  CASE WHEN external THEN 'CAL-' || lpad(pg_temp.rnd_int('cr.cert', key, 0, 9999999)::text, 7, '0') END,
  CASE WHEN external THEN pg_temp.rnd_num('cr.cost', key, 80, 900, 2) ELSE 0 END,
  CASE WHEN found_err > 1 THEN 'Out of tolerance as found; impact assessment on measured lots required.' END,
  (cal_on + time '09:00') AT TIME ZONE 'UTC', (cal_on + time '15:00') AT TIME ZONE 'UTC', 'metrology'
FROM (
  SELECT g.gauge_id, g.calibration_interval_days, g.resolution * 2 AS tolerance,
    g.last_calibrated_on - k * g.calibration_interval_days AS cal_on, g.gauge_id * 100 + k AS key,
    g.gauge_type = 'cmm' OR pg_temp.rnd_bool('cr.ext', g.gauge_id * 100 + k, 0.3) AS external,
    pg_temp.rnd('cr.err', g.gauge_id * 100 + k) * 1.1 AS found_err
  FROM gauges g, generate_series(0, 10) k
  WHERE g.last_calibrated_on - k * g.calibration_interval_days >= :'start_date'::date - g.calibration_interval_days
  OFFSET 0
) x;

-- Inspections ---------------------------------------------------------------------------
-- 8*volume per factory and day: 35% incoming, 40% in-process, 25% final.
INSERT INTO inspections (inspection_id, inspection_number, plan_id, inspection_type, item_type, product_id,
  material_id, lot_number, factory_id, line_id, work_order_number, po_number, supplier_id,
  inspector_employee_id, lot_size, sample_size, defects_found, defective_units, result, status, disposition,
  inspected_at, completed_at, notes, created_at, updated_at, modified_by)
SELECT id, format('INSP-%s-%s', to_char(day, 'YYYY'), lpad(id::text, 7, '0')),
  CASE itype WHEN 'in_process' THEN product_id WHEN 'final' THEN :n_products + product_id
             ELSE 2 * :n_products + material_id END,
  itype, CASE WHEN itype = 'incoming' THEN 'material' ELSE 'product' END, product_id, material_id,
  CASE WHEN itype = 'incoming' THEN format('S%s-%s-%s', supplier_id, to_char(day, 'YYMMDD'), pg_temp.rnd_int('in.lot', id, 100, 999))
       ELSE format('LOT-%s-%s-%s', to_char(day, 'YYMMDD'), lpad(product_id::text, 5, '0'), pg_temp.rnd_int('in.lot', id, 1, 9)) END,
  f, line_id,
  CASE WHEN itype <> 'incoming' THEN format('WO-%s', lpad(pg_temp.rnd_int('in.wo', id, 1, 999999)::text, 6, '0')) END,
  CASE WHEN itype = 'incoming' THEN format('PO-%s-%s', to_char(day - 20, 'YYYY'), lpad(pg_temp.rnd_int('in.po', id, 1, 999999)::text, 6, '0')) END,
  supplier_id, inspector, lot_size, sample_size,
  CASE WHEN status = 'completed' THEN defects ELSE 0 END,
  CASE WHEN status = 'completed' THEN ceil(defects * 0.8)::int ELSE 0 END,
  CASE WHEN status = 'completed' THEN result END, status,
  CASE WHEN status <> 'completed' THEN NULL
       WHEN result = 'pass' THEN 'accept'
       WHEN result = 'conditional' THEN CASE WHEN pg_temp.rnd_bool('in.cond', id, 0.5) THEN 'use_as_is' ELSE 'sort' END
       WHEN itype = 'incoming' THEN 'reject'
       ELSE (ARRAY['rework', 'rework', 'sort', 'reject'])[pg_temp.rnd_int('in.disp', id, 1, 4)] END,
  inspected_at,
  CASE WHEN status = 'completed' THEN inspected_at + make_interval(mins => pg_temp.rnd_int('in.dur', id, 10, 90)::int) END,
  CASE WHEN status = 'completed' AND result = 'fail' THEN 'Lot quarantined, NCR raised.'
       WHEN status = 'cancelled' THEN 'Lot withdrawn before inspection.' END,
  inspected_at - interval '30 minutes',
  CASE WHEN status = 'completed' THEN inspected_at + make_interval(mins => pg_temp.rnd_int('in.dur', id, 10, 90)::int)
       ELSE inspected_at END,
  'user' || inspector
FROM (
  SELECT z.*,
    CASE WHEN pg_temp.rnd_bool('in.cancel', z.id, 0.01) THEN 'cancelled'
         WHEN z.inspected_at > (:'end_date'::date + time '20:00') AT TIME ZONE 'UTC' THEN 'in_progress'
         ELSE 'completed' END AS status,
    CASE WHEN z.defects > z.ac + 1 THEN 'fail' WHEN z.defects = z.ac + 1 THEN 'conditional' ELSE 'pass' END AS result
  FROM (
    SELECT y.*,
      CASE y.sample_size WHEN 5 THEN 0 WHEN 20 THEN 0 WHEN 50 THEN 1 WHEN 80 THEN 2 WHEN 125 THEN 3 ELSE 5 END AS ac,
      CASE WHEN y.u2 < 0.86 THEN 0 WHEN y.u2 < 0.95 THEN pg_temp.rnd_int('in.d1', y.id, 1, 2)
           ELSE pg_temp.rnd_int('in.d2', y.id, 3, 12) END::int AS defects
    FROM (
      SELECT x.*,
        CASE WHEN x.itype = 'in_process' THEN 5
             WHEN x.lot_size <= 150 THEN 20 WHEN x.lot_size <= 500 THEN 50 WHEN x.lot_size <= 1200 THEN 80
             WHEN x.lot_size <= 3200 THEN 125 ELSE 200 END AS sample_size,
        pg_temp.rnd('in.defects', x.id) AS u2
      FROM (
        SELECT w.*,
          CASE WHEN w.itype = 'incoming' THEN pg_temp.rnd_int('in.mat', w.id, 1, :n_materials) END AS material_id,
          CASE WHEN w.itype = 'incoming'
               THEN (pg_temp.rnd_int('in.mat', w.id, 1, :n_materials) - 1) % :n_suppliers + 1 END AS supplier_id,
          CASE WHEN w.itype <> 'incoming'
               THEN w.f + :n_factories * pg_temp.rnd_int('in.prod', w.id, 0, (:n_products - w.f) / :n_factories) END AS product_id,
          CASE WHEN w.itype <> 'incoming' THEN (w.f - 1) * 4 + pg_temp.rnd_int('in.line', w.id, 1, 4) END AS line_id,
          round(CASE w.itype WHEN 'incoming' THEN pg_temp.rnd_num('in.lotsz', w.id, 100, 5000, 0)
                             WHEN 'in_process' THEN pg_temp.rnd_num('in.lotsz', w.id, 20, 500, 0)
                             ELSE pg_temp.rnd_num('in.lotsz', w.id, 50, 2000, 0) END, -1) AS lot_size,
          (w.day + time '06:00') AT TIME ZONE 'UTC' + make_interval(mins => pg_temp.rnd_int('in.at', w.id, 0, 959)::int) AS inspected_at,
          (SELECT st.ids[1 + floor(pg_temp.rnd('in.insp', w.id) * cardinality(st.ids))::int]
           FROM staff st WHERE st.factory_id = w.f AND st.role = 1) AS inspector
        FROM (
          SELECT (d * :n_factories + f - 1) * (8 * :volume) + j + 1 AS id, f, :'start_date'::date + d AS day,
            CASE WHEN pg_temp.rnd('in.type', (d * :n_factories + f - 1) * (8 * :volume) + j + 1) < 0.35 THEN 'incoming'
                 WHEN pg_temp.rnd('in.type', (d * :n_factories + f - 1) * (8 * :volume) + j + 1) < 0.75 THEN 'in_process'
                 ELSE 'final' END AS itype
          FROM generate_series(0, :days - 1) d, generate_series(1, :n_factories) f,
            generate_series(0, 8 * :volume - 1) j
        ) w
        OFFSET 0
      ) x
      OFFSET 0
    ) y
    OFFSET 0
  ) z
  OFFSET 0
) i;

-- One result per characteristic of the plan; a failed lot fails its first characteristic.
INSERT INTO inspection_results (result_id, inspection_id, characteristic_id, sample_no, measured_value,
  attribute_ok, lsl, usl, pass, gauge_id, measured_at, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY inspection_id, seq), inspection_id, characteristic_id, 1, measured,
  CASE WHEN char_type = 'attribute' THEN NOT forced_fail END, lsl, usl,
  CASE WHEN char_type = 'attribute' THEN NOT forced_fail ELSE measured BETWEEN lsl AND usl END,
  CASE WHEN char_type = 'variable' THEN (factory_id - 1) * 40 + pg_temp.rnd_int('ir.gauge', key, 1, 40) END,
  measured_at, measured_at, measured_at, modified_by
FROM (
  SELECT x.*,
    CASE WHEN x.char_type <> 'variable' THEN NULL
         WHEN x.forced_fail THEN round(x.usl + (x.usl - x.lsl) / 2 * (0.05 + 0.3 * pg_temp.rnd('ir.out', x.key))::numeric, 4)
         ELSE round((x.lsl + x.usl) / 2 + (x.usl - x.lsl) / 6
                    * ((pg_temp.rnd('ir.z1', x.key) + pg_temp.rnd('ir.z2', x.key) + pg_temp.rnd('ir.z3', x.key) - 1.5) * 2)::numeric, 4)
    END AS measured
  FROM (
    SELECT i.inspection_id, i.factory_id, i.modified_by, c.characteristic_id, c.seq, c.char_type, c.lsl, c.usl,
      i.inspection_id * 10 + c.seq AS key,
      i.result = 'fail' AND c.seq = 1 AS forced_fail,
      i.inspected_at + make_interval(mins => 3 * c.seq) AS measured_at
    FROM inspections i
    JOIN inspection_characteristics c ON c.plan_id = i.plan_id
    WHERE i.status = 'completed'
    OFFSET 0
  ) x
  OFFSET 0
) r;

INSERT INTO inspection_defects (inspection_defect_id, inspection_id, defect_code_id, quantity, severity,
  location_note, image_sha256, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY inspection_id, k), inspection_id, code_id, qty,
  CASE WHEN pg_temp.rnd_bool('id.crit', key, 0.03) THEN 'critical'
       WHEN result = 'fail' THEN 'major' ELSE dc.default_severity END,
  pg_temp.rnd_pick('id.loc', key, ARRAY['flange area', 'top surface', 'bore', 'thread', 'label', 'edge', NULL]),
  CASE WHEN pg_temp.rnd_bool('id.img', key, 0.5)
       THEN sha256(convert_to(format('IMG|%s|%s', key, pg_temp.rnd_int('id.h', key, 0, 1000000000)), 'UTF8')) END,
  x.completed_at, x.completed_at, x.modified_by
FROM (
  SELECT i.inspection_id, i.result, i.completed_at, i.modified_by, k, i.inspection_id * 10 + k AS key,
    CASE WHEN two THEN CASE k WHEN 1 THEN i.defects_found - i.defects_found / 2 ELSE i.defects_found / 2 END
         ELSE i.defects_found END AS qty,
    CASE WHEN i.item_type = 'material' THEN (ARRAY[19, 20, 21, 22, 23, 26, 27, 10])[pg_temp.rnd_int('id.code', i.inspection_id * 10 + k, 1, 8)]
         ELSE pg_temp.rnd_int('id.code', i.inspection_id * 10 + k, 1, 29) END AS code_id
  FROM inspections i
  CROSS JOIN LATERAL (SELECT i.defects_found >= 2 AND pg_temp.rnd_bool('id.two', i.inspection_id, 0.4) AS two) t
  CROSS JOIN generate_series(1, 2) k
  WHERE i.status = 'completed' AND i.defects_found > 0 AND (k = 1 OR t.two)
  OFFSET 0
) x
JOIN defect_codes dc ON dc.defect_code_id = x.code_id;

-- SPC: 5-part subgroups of the first characteristic of the in-process plan, per line,
-- shift and day; about 3% of subgroups come from a shifted process.
INSERT INTO spc_samples (sample_id, characteristic_id, product_id, factory_id, line_id, machine_id, sampled_at,
  subgroup_size, measurements, mean, range_value, std_dev, center_line, ucl, lcl, out_of_control,
  rule_violations, recorded_at)
SELECT id, characteristic_id, product_id, f, line_id, machine_id, sampled_at, 5, vals, s.mean, s.rng, s.sd,
  center, center + 3 * sigma / sqrt(5), center - 3 * sigma / sqrt(5),
  s.mean > center + 3 * sigma / sqrt(5) OR s.mean < center - 3 * sigma / sqrt(5),
  CASE WHEN s.mean > center + 3 * sigma / sqrt(5) OR s.mean < center - 3 * sigma / sqrt(5)
       THEN ARRAY['rule_1_beyond_3_sigma'] ELSE '{}'::text[] END,
  sampled_at + make_interval(secs => pg_temp.rnd_int('spc.rec', id, 1, 30)::int)
FROM (
  SELECT y.*,
    ARRAY(SELECT round((y.center + y.sigma * ((pg_temp.rnd('spc.z1', y.id * 10 + k) + pg_temp.rnd('spc.z2', y.id * 10 + k)
                                               + pg_temp.rnd('spc.z3', y.id * 10 + k) - 1.5) * 2) + y.shift)::numeric, 4)::double precision
          FROM generate_series(1, 5) k ORDER BY k) AS vals
  FROM (
    SELECT x.*, c.characteristic_id, ((c.lsl + c.usl) / 2)::double precision AS center,
      ((c.usl - c.lsl) / 8)::double precision AS sigma,
      CASE WHEN pg_temp.rnd_bool('spc.shift', x.id, 0.03)
           THEN ((c.usl - c.lsl) / 8)::double precision * (CASE WHEN pg_temp.rnd_bool('spc.dir', x.id, 0.5) THEN 2.5 ELSE -2.5 END)
           ELSE 0 END AS shift
    FROM (
      SELECT ((d * 4 * :n_factories + l - 1) * 3 + n - 1) * :volume + j + 1 AS id, l AS line_id,
        (l - 1) / 4 + 1 AS f, (l - 1) * 5 + pg_temp.rnd_int('spc.mach', ((d * 4 * :n_factories + l - 1) * 3 + n - 1) * :volume + j + 1, 1, 5) AS machine_id,
        (l - 1) / 4 + 1 + :n_factories * pg_temp.rnd_int('spc.prod', (d * 4 * :n_factories + l - 1) * 3 + n,
          0, (:n_products - ((l - 1) / 4 + 1)) / :n_factories) AS product_id,
        (:'start_date'::date + d + make_interval(hours => 6 + 8 * (n - 1))) AT TIME ZONE 'UTC'
          + make_interval(mins => 60 + 180 * j + pg_temp.rnd_int('spc.min', ((d * 4 * :n_factories + l - 1) * 3 + n - 1) * :volume + j + 1, 0, 120)::int) AS sampled_at
      FROM generate_series(0, :days - 1) d, generate_series(1, 4 * :n_factories) l, generate_series(1, 3) n,
        generate_series(0, :volume - 1) j
    ) x
    JOIN inspection_characteristics c ON c.plan_id = x.product_id AND c.seq = 1
    OFFSET 0
  ) y
  OFFSET 0
) z
CROSS JOIN LATERAL (
  SELECT avg(v) AS mean, max(v) - min(v) AS rng, stddev_samp(v) AS sd FROM unnest(z.vals) v
) s
-- Night-shift subgroups after midnight of end_date are not measured yet.
WHERE z.sampled_at < (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC';

-- Complaints, NCRs, holds --------------------------------------------------------------

INSERT INTO customer_complaints (complaint_id, complaint_number, customer_id, product_id, sales_order_number,
  lot_number, received_at, channel, category, severity, description, qty_affected, claimed_amount,
  credited_amount, response_due, first_response_at, resolved_at, closed_at, status, owner_employee_id,
  created_at, updated_at, modified_by)
SELECT id, format('CC-%s-%s', to_char(received_at AT TIME ZONE 'UTC', 'YYYY'), lpad(id::text, 6, '0')),
  customer_id, product_id, format('SO-%s-%s', to_char(received_at AT TIME ZONE 'UTC' - interval '30 days', 'YYYY'),
                                   lpad(pg_temp.rnd_int('cc.so', id, 1, 999999)::text, 6, '0')),
  format('LOT-%s-%s-%s', to_char((received_at AT TIME ZONE 'UTC')::date - pg_temp.rnd_int('cc.lotage', id, 10, 60)::int, 'YYMMDD'),
         lpad(product_id::text, 5, '0'), pg_temp.rnd_int('cc.lot', id, 1, 9)),
  received_at, channel, category, severity,
  CASE category
    WHEN 'quality' THEN 'Customer reports parts out of specification at their incoming inspection: '
    WHEN 'delivery' THEN 'Shipment arrived late and incomplete: '
    WHEN 'documentation' THEN 'Certificate of conformity missing or wrong: '
    WHEN 'packaging' THEN 'Parts damaged due to insufficient packaging: '
    ELSE 'Field performance below expectation: ' END
  || qty || ' units affected. Customer requests 8D report.',
  qty, claimed, CASE WHEN status = 'closed' THEN round(claimed * pg_temp.rnd_num('cc.credit', id, 0, 1, 2), 2) ELSE 0 END,
  response_due,
  CASE WHEN first_resp < asof THEN first_resp END,
  CASE WHEN status IN ('resolved', 'closed') THEN resolved END,
  CASE WHEN status IN ('closed', 'rejected') THEN closed END,
  status, owner, received_at,
  CASE status WHEN 'closed' THEN closed WHEN 'rejected' THEN closed WHEN 'resolved' THEN resolved
              WHEN 'investigating' THEN first_resp ELSE received_at END,
  'user' || owner
FROM (
  SELECT y.*,
    CASE WHEN y.closed < y.asof THEN CASE WHEN pg_temp.rnd_bool('cc.rej', y.id, 0.08) THEN 'rejected' ELSE 'closed' END
         WHEN y.resolved < y.asof THEN 'resolved'
         WHEN y.first_resp < y.asof THEN 'investigating'
         ELSE 'open' END AS status
  FROM (
    SELECT x.*,
      x.received_at + CASE x.severity WHEN 'critical' THEN interval '24 hours' WHEN 'high' THEN interval '48 hours'
                                      ELSE interval '72 hours' END AS response_due,
      x.received_at + make_interval(hours => pg_temp.rnd_int('cc.resp', x.id, 1, 96)::int) AS first_resp,
      x.received_at + make_interval(days => pg_temp.rnd_int('cc.res', x.id, 3, 30)::int) AS resolved,
      x.received_at + make_interval(days => pg_temp.rnd_int('cc.res', x.id, 3, 30)::int + pg_temp.rnd_int('cc.close', x.id, 1, 10)::int) AS closed,
      round(x.qty * pg_temp.rnd_num('cc.unit', x.id, 5, 80, 2), 2) AS claimed,
      (SELECT st.ids[1 + floor(pg_temp.rnd('cc.owner', x.id) * cardinality(st.ids))::int]
       FROM staff st WHERE st.factory_id = (x.product_id - 1) % :n_factories + 1 AND st.role = 1) AS owner
    FROM (
      SELECT row_number() OVER (ORDER BY key) AS id, key,
        pg_temp.rnd_int('cc.cust', key, 1, :n_customers) AS customer_id,
        pg_temp.rnd_int('cc.prod', key, 1, :n_products) AS product_id,
        (day + time '08:00') AT TIME ZONE 'UTC' + make_interval(mins => pg_temp.rnd_int('cc.at', key, 0, 600)::int) AS received_at,
        pg_temp.rnd_pick('cc.ch', key, ARRAY['email', 'email', 'phone', 'portal', 'field_service', 'sales_rep']) AS channel,
        CASE WHEN pg_temp.rnd('cc.cat', key) < 0.6 THEN 'quality' WHEN pg_temp.rnd('cc.cat', key) < 0.75 THEN 'delivery'
             WHEN pg_temp.rnd('cc.cat', key) < 0.83 THEN 'documentation' WHEN pg_temp.rnd('cc.cat', key) < 0.93 THEN 'packaging'
             ELSE 'performance' END AS category,
        CASE WHEN pg_temp.rnd('cc.sev', key) < 0.30 THEN 'low' WHEN pg_temp.rnd('cc.sev', key) < 0.75 THEN 'medium'
             WHEN pg_temp.rnd('cc.sev', key) < 0.95 THEN 'high' ELSE 'critical' END AS severity,
        pg_temp.rnd_int('cc.qty', key, 1, 500) AS qty,
        (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' AS asof
      FROM (
        SELECT (d * :n_factories + f - 1) * :volume + j AS key, :'start_date'::date + d AS day
        FROM generate_series(0, :days - 1) d, generate_series(1, :n_factories) f, generate_series(0, :volume - 1) j
        WHERE pg_temp.rnd_bool('cc.exists', (d * :n_factories + f - 1) * :volume + j, 0.35)
      ) k
      OFFSET 0
    ) x
    OFFSET 0
  ) y
  OFFSET 0
) c;

-- Every failed inspection and most quality complaints of some weight open an NCR.
INSERT INTO non_conformances (ncr_id, ncr_number, source, inspection_id, complaint_id, item_type, product_id,
  material_id, supplier_id, factory_id, lot_number, defect_code_id, severity, qty_affected,
  cost_of_poor_quality, status, disposition, description, raised_by_employee_id, owner_employee_id,
  opened_at, closed_at, created_at, updated_at, modified_by)
SELECT id, format('NCR-%s-%s', to_char(opened_at AT TIME ZONE 'UTC', 'YYYY'), lpad(id::text, 6, '0')),
  source, inspection_id, complaint_id, item_type, product_id, material_id, supplier_id, factory_id, lot_number,
  defect_code_id, severity, qty,
  CASE WHEN status = 'cancelled' THEN 0
       ELSE round(150 + qty * unit_cost * CASE disp WHEN 'scrap' THEN 1.0 WHEN 'rework' THEN 0.3 WHEN 'regrade' THEN 0.4
                                                   WHEN 'sort' THEN 0.1 WHEN 'return_to_supplier' THEN 0.05 ELSE 0.02 END, 2) END,
  status, CASE WHEN status IN ('closed', 'pending_disposition') THEN disp END,
  descr, raised_by, owner, opened_at,
  CASE WHEN status IN ('closed', 'cancelled') THEN closed_at END,
  opened_at,
  CASE WHEN status IN ('closed', 'cancelled') THEN closed_at
       ELSE greatest(opened_at, least(opened_at + interval '1 day', (:'end_date'::date + time '23:00') AT TIME ZONE 'UTC')) END,
  'user' || owner
FROM (
  SELECT y.*, row_number() OVER (ORDER BY y.opened_at, y.inspection_id, y.complaint_id) AS id,
    CASE WHEN y.closed_at < (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC'
         THEN CASE WHEN pg_temp.rnd_bool('ncr.cancel', y.key, 0.03) THEN 'cancelled' ELSE 'closed' END
         ELSE pg_temp.rnd_pick('ncr.open', y.key, ARRAY['open', 'investigating', 'pending_disposition']) END AS status,
    CASE WHEN y.item_type = 'material'
         THEN CASE WHEN pg_temp.rnd_bool('ncr.rts', y.key, 0.7) THEN 'return_to_supplier'
                   ELSE pg_temp.rnd_pick('ncr.dm', y.key, ARRAY['sort', 'use_as_is', 'scrap']) END
         ELSE pg_temp.rnd_pick('ncr.dp', y.key, ARRAY['rework', 'rework', 'scrap', 'sort', 'use_as_is', 'regrade']) END AS disp,
    CASE WHEN pg_temp.rnd('ncr.sev', y.key) < 0.3 THEN 'minor' WHEN pg_temp.rnd('ncr.sev', y.key) < 0.9 THEN 'major'
         ELSE 'critical' END AS severity,
    round(exp(ln(2) + (ln(150) - ln(2)) * pg_temp.rnd('item.cost', coalesce(y.product_id, 1000000 + y.material_id)))::numeric, 2) AS unit_cost,
    (SELECT st.ids[1 + floor(pg_temp.rnd('ncr.owner', y.key) * cardinality(st.ids))::int]
     FROM staff st WHERE st.factory_id = y.factory_id AND st.role = 3) AS owner
  FROM (
    SELECT i.inspection_id * 2 AS key, i.inspection_type AS source, i.inspection_id, NULL::bigint AS complaint_id,
      i.item_type, i.product_id, i.material_id, i.supplier_id, i.factory_id, i.lot_number,
      (SELECT min(d.defect_code_id) FROM inspection_defects d WHERE d.inspection_id = i.inspection_id) AS defect_code_id,
      greatest(i.defects_found, round(i.lot_size * i.defective_units / i.sample_size)) AS qty,
      i.completed_at + interval '30 minutes' AS opened_at,
      i.completed_at + make_interval(days => pg_temp.rnd_int('ncr.close', i.inspection_id * 2, 2, 30)::int) AS closed_at,
      format('%s inspection %s of lot %s failed: %s defects in a sample of %s.', initcap(replace(i.inspection_type, '_', '-')),
             i.inspection_number, i.lot_number, i.defects_found, i.sample_size) AS descr,
      i.inspector_employee_id AS raised_by
    FROM inspections i
    WHERE i.status = 'completed' AND i.result = 'fail'
    UNION ALL
    SELECT c.complaint_id * 2 + 1, 'customer', NULL, c.complaint_id, 'product', c.product_id, NULL, NULL,
      (c.product_id - 1) % :n_factories + 1, c.lot_number,
      pg_temp.rnd_int('ncr.cc.code', c.complaint_id, 1, 18), c.qty_affected,
      c.received_at + interval '2 hours',
      c.received_at + make_interval(days => pg_temp.rnd_int('ncr.close', c.complaint_id * 2 + 1, 5, 40)::int),
      'Customer complaint ' || c.complaint_number || ': ' || left(c.description, 120),
      c.owner_employee_id
    FROM customer_complaints c
    WHERE c.category IN ('quality', 'performance') AND c.severity <> 'low'
      AND pg_temp.rnd_bool('ncr.cc', c.complaint_id, 0.7)
  ) y
  OFFSET 0
) n;

INSERT INTO quality_holds (hold_id, hold_number, ncr_id, item_type, product_id, material_id, lot_number, factory_id,
  warehouse_id, qty_on_hold, reason, placed_at, placed_by_employee_id, released_at, status, created_at,
  updated_at, modified_by)
SELECT row_number() OVER (ORDER BY n.ncr_id), format('QH-%s-%s', to_char(n.opened_at AT TIME ZONE 'UTC', 'YYYY'),
    lpad((row_number() OVER (ORDER BY n.ncr_id))::text, 6, '0')),
  n.ncr_id, n.item_type, n.product_id, n.material_id, n.lot_number, n.factory_id,
  (n.factory_id - 1) * 2 + CASE WHEN n.item_type = 'material' THEN 1 ELSE 2 END,
  greatest(n.qty_affected, 1), 'Quarantine pending ' || n.ncr_number, n.opened_at, n.raised_by_employee_id,
  CASE WHEN n.status IN ('closed', 'cancelled') THEN n.closed_at END,
  CASE WHEN n.status = 'cancelled' THEN 'released'
       WHEN n.status <> 'closed' THEN 'active'
       WHEN n.disposition = 'scrap' THEN 'scrapped'
       WHEN n.disposition = 'return_to_supplier' THEN 'returned'
       ELSE 'released' END,
  n.opened_at, coalesce(n.closed_at, n.opened_at), n.modified_by
FROM non_conformances n
WHERE n.source IN ('incoming', 'in_process', 'final') AND pg_temp.rnd_bool('qh.has', n.ncr_id, 0.85);

-- Audits --------------------------------------------------------------------------------

INSERT INTO quality_audits (audit_id, audit_number, audit_type, standard, factory_id, scope,
  lead_auditor_employee_id, auditee_department, planned_date, conducted_date, status, score, result, report,
  created_at, updated_at, modified_by)
SELECT id, format('QA-%s-%s', to_char(planned, 'YYYY'), lpad(id::text, 5, '0')), atype,
  CASE atype WHEN 'certification' THEN 'IATF 16949' WHEN 'system' THEN 'ISO 9001' WHEN 'customer' THEN 'VDA 6.3' END,
  f, scope, auditor, dept, planned,
  CASE WHEN status IN ('completed', 'in_progress') THEN planned END, status,
  CASE WHEN status = 'completed' THEN score END,
  CASE WHEN status = 'completed' THEN CASE WHEN score >= 85 THEN 'conforming' WHEN score >= 70 THEN 'minor_nc' ELSE 'major_nc' END END,
  CASE WHEN status = 'completed' THEN 'Audit of ' || scope || ' at factory ' || f || '. Score ' || score
    || '. Evidence sampled: control plans, work instructions, training records, calibration status, NCR log.' END,
  (planned - 30 + time '09:00') AT TIME ZONE 'UTC',
  CASE status WHEN 'completed' THEN (planned + 1 + time '17:00') AT TIME ZONE 'UTC'
              WHEN 'in_progress' THEN (planned + time '09:00') AT TIME ZONE 'UTC'
              ELSE (planned - 30 + time '09:00') AT TIME ZONE 'UTC' END,
  'user' || auditor
FROM (
  SELECT x.*, row_number() OVER (ORDER BY x.key) AS id,
    CASE WHEN pg_temp.rnd_bool('qa.cancel', x.key, 0.03) THEN 'cancelled'
         WHEN x.planned > :'end_date'::date THEN 'planned'
         WHEN x.planned >= :'end_date'::date - 1 THEN 'in_progress'
         ELSE 'completed' END AS status
  FROM (
    SELECT d * 100 + f AS key, f, :'start_date'::date + d AS planned,
      pg_temp.rnd_pick('qa.type', d * 100 + f, ARRAY['process', 'process', 'layered', 'product', 'system', 'customer', 'certification']) AS atype,
      pg_temp.rnd_pick('qa.scope', d * 100 + f, ARRAY['Stamping line', 'Injection molding', 'Final assembly', 'Incoming inspection',
        'Warehouse and shipping', 'Maintenance and calibration', 'Quality management system']) AS scope,
      pg_temp.rnd_pick('qa.dept', d * 100 + f, ARRAY['Production', 'Quality Assurance', 'Maintenance', 'Procurement']) AS dept,
      pg_temp.rnd_num('qa.score', d * 100 + f, 60, 98, 1) AS score,
      (SELECT st.ids[1 + floor(pg_temp.rnd('qa.aud', d * 100 + f) * cardinality(st.ids))::int]
       FROM staff st WHERE st.factory_id = f AND st.role = 1) AS auditor
    FROM generate_series(0, :days + 29) d, generate_series(1, :n_factories) f
    WHERE pg_temp.rnd_bool('qa.exists', d * 100 + f, 0.067)
  ) x
  OFFSET 0
) a;

INSERT INTO audit_findings (finding_id, audit_id, finding_no, clause, severity, description, due_date, status,
  closed_at, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY audit_id, k), audit_id, k, clause, sev,
  'Finding ' || k || ' against ' || clause || ': ' || pg_temp.rnd_pick('af.txt', key, ARRAY[
    'records incomplete for the sampled period', 'process parameters differ from the control plan',
    'nonconforming parts not segregated', 'operator not qualified for the station', 'reaction plan not applied']),
  due, fstatus, CASE WHEN fstatus IN ('closed', 'verified') THEN closed END,
  (conducted + 1 + time '17:00') AT TIME ZONE 'UTC',
  CASE WHEN fstatus IN ('closed', 'verified') THEN closed ELSE (conducted + 1 + time '17:00') AT TIME ZONE 'UTC' END,
  modified_by
FROM (
  SELECT a.audit_id, a.conducted_date AS conducted, a.modified_by, k, a.audit_id * 10 + k AS key,
    pg_temp.rnd_pick('af.clause', a.audit_id * 10 + k, ARRAY['7.1.5 Monitoring and measuring resources', '7.2 Competence',
      '8.4 Control of externally provided processes', '8.5.1 Control of production', '8.7 Control of nonconforming outputs',
      '9.1.3 Analysis and evaluation', '10.2 Nonconformity and corrective action']) AS clause,
    CASE WHEN k = 1 AND a.result = 'major_nc' THEN 'major'
         WHEN pg_temp.rnd('af.sev', a.audit_id * 10 + k) < 0.3 THEN 'observation'
         WHEN pg_temp.rnd('af.sev', a.audit_id * 10 + k) < 0.45 THEN 'opportunity'
         WHEN pg_temp.rnd('af.sev', a.audit_id * 10 + k) < 0.9 THEN 'minor' ELSE 'major' END AS sev,
    a.conducted_date + 45 AS due,
    (a.conducted_date + pg_temp.rnd_int('af.close', a.audit_id * 10 + k, 7, 60)::int + time '12:00') AT TIME ZONE 'UTC' AS closed,
    CASE WHEN a.conducted_date + pg_temp.rnd_int('af.close', a.audit_id * 10 + k, 7, 60)::int < :'end_date'::date
         THEN CASE WHEN pg_temp.rnd_bool('af.ver', a.audit_id * 10 + k, 0.5) THEN 'verified' ELSE 'closed' END
         WHEN pg_temp.rnd_bool('af.prog', a.audit_id * 10 + k, 0.5) THEN 'in_progress' ELSE 'open' END AS fstatus
  FROM quality_audits a, generate_series(1, 6) k
  WHERE a.status = 'completed'
    AND k <= CASE a.result WHEN 'conforming' THEN pg_temp.rnd_int('af.n', a.audit_id, 0, 2)
                           WHEN 'minor_nc' THEN pg_temp.rnd_int('af.n', a.audit_id, 1, 4)
                           ELSE pg_temp.rnd_int('af.n', a.audit_id, 2, 6) END
  OFFSET 0
) f;

UPDATE quality_audits a SET findings_count = t.n
FROM (SELECT audit_id, count(*) AS n FROM audit_findings GROUP BY audit_id) t
WHERE t.audit_id = a.audit_id;

-- CAPA: every critical NCR, 40% of major ones, every major audit finding, 30% of minor ones.
INSERT INTO corrective_actions (capa_id, capa_number, ncr_id, audit_finding_id, action_type, root_cause_method,
  root_cause, action_plan, owner_employee_id, opened_at, due_date, status, implemented_at, closed_at,
  effectiveness, verified_by_employee_id, cost, created_at, updated_at, modified_by)
SELECT id, format('CAPA-%s-%s', to_char(opened AT TIME ZONE 'UTC', 'YYYY'), lpad(id::text, 6, '0')),
  ncr_id, finding_id, CASE WHEN pg_temp.rnd_bool('ca.prev', key, 0.15) THEN 'preventive' ELSE 'corrective' END,
  CASE WHEN status <> 'open' THEN pg_temp.rnd_pick('ca.method', key, ARRAY['5_why', '5_why', 'fishbone', '8d', 'fault_tree', 'pareto']) END,
  CASE WHEN status <> 'open' THEN pg_temp.rnd_pick('ca.rc', key, ARRAY[
    'Tool wear not detected: tool-life limit set too high.', 'Work instruction ambiguous after engineering change.',
    'Fixture clamping force drifted; no periodic check defined.', 'Supplier changed raw material source without notice.',
    'New operator not trained on the reaction plan.']) END,
  pg_temp.rnd_pick('ca.plan', key, ARRAY['Update control plan and PFMEA; add poka-yoke sensor; retrain shift crews.',
    'Reduce tool-life limit by 20% and add SPC on the critical dimension.',
    'Introduce layered process audit for the station for 3 months.',
    'Require supplier PPAP resubmission and 100% inspection of the next 5 lots.']),
  owner, opened, due, status,
  CASE WHEN status IN ('implemented', 'verified', 'closed') THEN least(closed - interval '7 days', asof - interval '1 day') END,
  CASE WHEN status = 'closed' THEN closed END,
  CASE WHEN status = 'closed' THEN CASE WHEN pg_temp.rnd('ca.eff', key) < 0.75 THEN 'effective'
                                        WHEN pg_temp.rnd('ca.eff', key) < 0.93 THEN 'partially_effective'
                                        ELSE 'not_effective' END
       ELSE 'pending' END,
  CASE WHEN status IN ('verified', 'closed') THEN verifier END,
  pg_temp.rnd_num('ca.cost', key, 200, 15000, 2),
  opened,
  CASE WHEN status = 'closed' THEN closed WHEN status = 'open' THEN opened
       ELSE least(opened + interval '10 days', asof - interval '1 hour') END,
  'user' || owner
FROM (
  SELECT x.*, row_number() OVER (ORDER BY x.opened, x.key) AS id,
    CASE WHEN x.closed < x.asof THEN 'closed'
         WHEN x.opened + interval '10 days' < x.asof THEN
           CASE WHEN pg_temp.rnd_bool('ca.impl', x.key, 0.3) THEN 'implemented' ELSE 'in_progress' END
         ELSE 'open' END AS status
  FROM (
    SELECT s.*, (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' AS asof,
      s.opened + make_interval(days => pg_temp.rnd_int('ca.close', s.key, 15, 70)::int) AS closed,
      (s.opened AT TIME ZONE 'UTC')::date + CASE WHEN s.sev = 'critical' THEN 30 ELSE 45 END AS due,
      (SELECT st.ids[1 + floor(pg_temp.rnd('ca.owner', s.key) * cardinality(st.ids))::int]
       FROM staff st WHERE st.factory_id = s.factory_id AND st.role = 3) AS owner,
      (SELECT st.ids[1 + floor(pg_temp.rnd('ca.ver', s.key) * cardinality(st.ids))::int]
       FROM staff st WHERE st.factory_id = s.factory_id AND st.role = 1) AS verifier
    FROM (
      SELECT n.ncr_id * 2 AS key, n.ncr_id, NULL::bigint AS finding_id, n.severity AS sev, n.factory_id,
        n.opened_at + interval '1 day' AS opened
      FROM non_conformances n
      WHERE n.status <> 'cancelled'
        AND (n.severity = 'critical' OR (n.severity = 'major' AND pg_temp.rnd_bool('ca.major', n.ncr_id, 0.4)))
      UNION ALL
      SELECT f.finding_id * 2 + 1, NULL, f.finding_id, f.severity, a.factory_id, f.created_at + interval '1 day'
      FROM audit_findings f JOIN quality_audits a ON a.audit_id = f.audit_id
      WHERE f.severity = 'major' OR (f.severity = 'minor' AND pg_temp.rnd_bool('ca.minor', f.finding_id, 0.3))
    ) s
    OFFSET 0
  ) x
  WHERE x.opened < x.asof
  OFFSET 0
) c;

-- Identities continue after the generated ids -------------------------------------------

SELECT setval(pg_get_serial_sequence('defect_codes', 'defect_code_id'), coalesce(max(defect_code_id), 1), max(defect_code_id) IS NOT NULL) FROM defect_codes;
SELECT setval(pg_get_serial_sequence('inspection_plans', 'plan_id'), coalesce(max(plan_id), 1), max(plan_id) IS NOT NULL) FROM inspection_plans;
SELECT setval(pg_get_serial_sequence('inspection_characteristics', 'characteristic_id'), coalesce(max(characteristic_id), 1), max(characteristic_id) IS NOT NULL) FROM inspection_characteristics;
SELECT setval(pg_get_serial_sequence('gauges', 'gauge_id'), coalesce(max(gauge_id), 1), max(gauge_id) IS NOT NULL) FROM gauges;
SELECT setval(pg_get_serial_sequence('calibration_records', 'calibration_id'), coalesce(max(calibration_id), 1), max(calibration_id) IS NOT NULL) FROM calibration_records;
SELECT setval(pg_get_serial_sequence('inspections', 'inspection_id'), coalesce(max(inspection_id), 1), max(inspection_id) IS NOT NULL) FROM inspections;
SELECT setval(pg_get_serial_sequence('inspection_results', 'result_id'), coalesce(max(result_id), 1), max(result_id) IS NOT NULL) FROM inspection_results;
SELECT setval(pg_get_serial_sequence('inspection_defects', 'inspection_defect_id'), coalesce(max(inspection_defect_id), 1), max(inspection_defect_id) IS NOT NULL) FROM inspection_defects;
SELECT setval(pg_get_serial_sequence('customer_complaints', 'complaint_id'), coalesce(max(complaint_id), 1), max(complaint_id) IS NOT NULL) FROM customer_complaints;
SELECT setval(pg_get_serial_sequence('non_conformances', 'ncr_id'), coalesce(max(ncr_id), 1), max(ncr_id) IS NOT NULL) FROM non_conformances;
SELECT setval(pg_get_serial_sequence('quality_holds', 'hold_id'), coalesce(max(hold_id), 1), max(hold_id) IS NOT NULL) FROM quality_holds;
SELECT setval(pg_get_serial_sequence('quality_audits', 'audit_id'), coalesce(max(audit_id), 1), max(audit_id) IS NOT NULL) FROM quality_audits;
SELECT setval(pg_get_serial_sequence('audit_findings', 'finding_id'), coalesce(max(finding_id), 1), max(finding_id) IS NOT NULL) FROM audit_findings;
SELECT setval(pg_get_serial_sequence('corrective_actions', 'capa_id'), coalesce(max(capa_id), 1), max(capa_id) IS NOT NULL) FROM corrective_actions;
SELECT setval(pg_get_serial_sequence('spc_samples', 'sample_id'), coalesce(max(sample_id), 1), max(sample_id) IS NOT NULL) FROM spc_samples;
