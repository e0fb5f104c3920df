-- Generator of genims_mes_db: work centers, routings and instructions from the master formulas,
-- then the work orders of the shared production plan (_shop_floor_plan.sql) with their
-- operations, labour, material issues, lots, genealogy, defects, inspections, holds and shift
-- handovers. Volume: about 4*F*:volume work orders per working day.
\ir _prelude.sql
TRUNCATE work_centers, routings, routing_operations, work_instructions, defect_codes, work_orders,
  work_order_operations, work_order_status_history, work_order_holds, labor_transactions,
  material_consumption, production_lots, lot_genealogy, defects, quality_inspections, shift_handovers
  RESTART IDENTITY CASCADE;

\ir _master_dims.sql
\ir _shop_floor_plan.sql

INSERT INTO work_centers (work_center_id, work_center_code, name, machine_id, line_id, factory_id,
                          labor_rate_per_hour, overhead_rate_per_hour, capacity_hours_per_day, efficiency_pct,
                          status, created_at, updated_at, modified_by)
SELECT m.machine_id,
       'WC-F' || lpad(m.factory_id::text, 2, '0') || '-L' || ((m.line_id - 1) % 4 + 1) || '-M' || m.line_position,
       t.name || ' F' || lpad(m.factory_id::text, 2, '0') || '-L' || ((m.line_id - 1) % 4 + 1) || '/' || m.line_position,
       m.machine_id, m.line_id, m.factory_id,
       m.labor_rate_per_hour, m.overhead_rate_per_hour, 22.5,
       pg_temp.rnd_num('wc.efficiency', m.machine_id, 85, 98, 2),
       'active', c.ts, c.ts, 'mes_admin'
FROM dim_machines AS m
JOIN dim_machine_types AS t USING (machine_type_id)
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('wc.created', m.machine_id, :'start_date', 400, 700) AS ts) AS c;

INSERT INTO routings (routing_id, routing_code, product_id, revision, status, effective_from, created_at,
                      updated_at, modified_by)
SELECT p.product_id, 'RT-' || lpad(p.product_id::text, 6, '0'), p.product_id,
       pg_temp.rnd_pick('routing.revision', p.product_id, '{A,A,B,C}'), 'released', c.ts::date, c.ts, c.ts,
       'user' || coalesce(pg_temp.pick_employee(p.factory_id, 'planner', pg_temp.rnd('routing.author', p.product_id)), 0)
FROM dim_products AS p
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('routing.created', p.product_id, :'start_date', 60, 1500) AS ts) AS c;

INSERT INTO routing_operations (routing_operation_id, routing_id, op_seq, work_center_id, operation_name,
                                setup_minutes, run_seconds_per_unit, inspection_required, created_at,
                                updated_at, modified_by)
SELECT row_number() OVER (ORDER BY r.product_id, r.op_no), r.product_id, r.op_no * 10, r.machine_id,
       (ARRAY['Mill and drill', 'Turn', 'Deburr', 'Wash and dry', 'Dimensional inspection (CMM)', 'Injection mold',
              'Degate and trim', 'Ultrasonic weld', 'Vision inspection', 'Stamp and form', 'Robot weld',
              'Powder coat and cure', 'Assemble', 'Screw fasten', 'End-of-line test', 'Label', 'Pack'])[m.machine_type_id],
       pg_temp.rnd_int('rop.setup', r.product_id * 8 + r.op_no, 10, 40),
       r.ideal_cycle_time_seconds,
       m.category = 'inspection',
       ro.created_at, ro.created_at, ro.modified_by
FROM dim_routing AS r
JOIN dim_machines AS m USING (machine_id)
JOIN routings AS ro ON ro.routing_id = r.product_id;

-- Instructions of 1.5-6 kB: numbered steps assembled from templates.
INSERT INTO work_instructions (instruction_id, routing_operation_id, document_number, title, revision, status,
                               content, content_sha256, attachments, approved_by, approved_at, created_at,
                               updated_at, modified_by)
SELECT x.routing_operation_id, x.routing_operation_id, x.doc, x.title, x.revision, x.status,
       x.content, sha256(convert_to(x.content, 'UTF8')),
       ARRAY[x.doc || '-fig1.png', x.doc || '-fig2.png']
         || CASE WHEN x.revision > 1 THEN ARRAY[x.doc || '-changes.pdf'] ELSE '{}'::text[] END,
       CASE WHEN x.status <> 'draft' THEN x.approver END,
       CASE WHEN x.status <> 'draft' THEN x.ts + interval '2 days' END,
       x.ts, CASE WHEN x.status <> 'draft' THEN x.ts + interval '2 days' ELSE x.ts END,
       'user' || coalesce(x.approver, 0)
FROM (
  SELECT ro.routing_operation_id,
         'WI-' || lpad(ro.routing_operation_id::text, 6, '0') AS doc,
         ro.operation_name || ' - ' || rt.routing_code || ' op ' || ro.op_seq AS title,
         pg_temp.rnd_int('wi.revision', ro.routing_operation_id, 1, 4)::int AS revision,
         CASE WHEN pg_temp.rnd_bool('wi.status', ro.routing_operation_id, 0.9) THEN 'approved'
              ELSE pg_temp.rnd_pick('wi.status2', ro.routing_operation_id, '{draft,draft,obsolete}') END AS status,
         pg_temp.pick_employee(wc.factory_id, 'supervisor', pg_temp.rnd('wi.approver', ro.routing_operation_id)) AS approver,
         ro.created_at + interval '1 day' AS ts,
         'WORK INSTRUCTION ' || 'WI-' || lpad(ro.routing_operation_id::text, 6, '0') || E'\n'
           || 'Operation ' || ro.op_seq || ': ' || ro.operation_name || ' on ' || wc.name || E'\n'
           || 'Standard run time ' || ro.run_seconds_per_unit || ' s per unit, setup ' || ro.setup_minutes || E' min.\n\n'
           || steps.body AS content
  FROM routing_operations AS ro
  JOIN routings AS rt USING (routing_id)
  JOIN work_centers AS wc USING (work_center_id)
  CROSS JOIN LATERAL (
    SELECT string_agg(j || '. ' || format(t.tmpl, pg_temp.rnd_int('wi.n', ro.routing_operation_id * 64 + j, 2, 95)),
                      E'\n' ORDER BY j) AS body
    FROM generate_series(1, pg_temp.rnd_int('wi.steps', ro.routing_operation_id, 12, 40)::int) AS j
    JOIN (SELECT i, tmpl FROM unnest(ARRAY[
            'Verify the work order number, part number and revision on the traveller against the MES screen; quantity to build is shown in field %s.',
            'Check that the fixture is clean and the locating pins are undamaged; replace pins after %s thousand cycles.',
            'Load the program from the DNC server and confirm the checksum; the program number ends in %s.',
            'Put on safety glasses and cut-resistant gloves (level %s) before handling parts.',
            'Measure the first part with the gauge listed on the control plan and record the result; tolerance band %s microns.',
            'If a measurement is out of tolerance, stop the machine, tag the parts red and call the shift supervisor within %s minutes.',
            'Clean chips and coolant from the part with compressed air at no more than %s psi.',
            'Place finished parts in the returnable container, maximum %s parts per layer with separators.',
            'Scan the container label to book the quantity to the next operation; partial containers need a count of %s.',
            'Every %s parts check the tool wear indicator and log the counter value in the tool life sheet.',
            'Torque values must be verified with the calibrated wrench set to %s Nm before the first part.',
            'Perform the visual check under the lamp for scratches, burrs and discoloration; reject limit is %s mm scratch length.',
            'At the end of the batch return unused material to the kanban rack and close the operation in MES within %s minutes.',
            'Lock out the machine before reaching into the work area; padlock number %s is assigned to this station.',
            'Report any abnormal noise, vibration or leak as a maintenance request; machine vibration alarm is set to %s mm/s.'
          ]) WITH ORDINALITY AS u (tmpl, i)) AS t
      ON t.i = pg_temp.rnd_int('wi.tmpl', ro.routing_operation_id * 64 + j, 1, 15)
  ) AS steps
) AS x;

INSERT INTO defect_codes (defect_code_id, code, name, category, default_severity, description, active, created_at,
                          updated_at, modified_by)
SELECT v.id, v.code, v.name, v.cat, v.sev, v.descr, true, c.ts, c.ts, 'quality_admin'
FROM (VALUES
  (1, 'DIM-OOT', 'Dimension out of tolerance', 'dimensional', 'major', 'A controlled dimension is outside its drawing tolerance'),
  (2, 'DIM-POS', 'Position error', 'dimensional', 'major', 'Hole or feature position outside the true position tolerance'),
  (3, 'DIM-FLT', 'Flatness deviation', 'dimensional', 'minor', 'Sealing face flatness exceeds specification'),
  (4, 'SRF-SCR', 'Scratch', 'surface', 'minor', 'Visible scratch on a class A surface'),
  (5, 'SRF-BUR', 'Burr', 'surface', 'minor', 'Residual burr on edge or bore'),
  (6, 'SRF-POR', 'Porosity', 'surface', 'major', 'Pores or voids visible after machining or coating'),
  (7, 'SRF-COR', 'Corrosion', 'surface', 'major', 'Rust or white corrosion on the part'),
  (8, 'MLD-SHT', 'Short shot', 'material', 'major', 'Incomplete filling of the mold cavity'),
  (9, 'MLD-FLS', 'Flash', 'cosmetic', 'minor', 'Excess material at the parting line'),
  (10, 'MLD-SNK', 'Sink mark', 'cosmetic', 'minor', 'Depression on the surface over thick sections'),
  (11, 'MLD-BRN', 'Burn mark', 'cosmetic', 'minor', 'Dark streaks from trapped air or overheating'),
  (12, 'WLD-CRK', 'Weld crack', 'material', 'critical', 'Crack in the weld seam or heat affected zone'),
  (13, 'WLD-SPT', 'Spatter', 'cosmetic', 'minor', 'Weld spatter on functional or visible surfaces'),
  (14, 'WLD-LOF', 'Lack of fusion', 'material', 'critical', 'Weld did not fuse with the base material'),
  (15, 'PNT-THN', 'Coating too thin', 'surface', 'major', 'Dry film thickness below minimum'),
  (16, 'PNT-RUN', 'Runs and sags', 'cosmetic', 'minor', 'Coating runs on vertical surfaces'),
  (17, 'ASM-MIS', 'Missing component', 'assembly', 'critical', 'A BOM component is not fitted'),
  (18, 'ASM-TRQ', 'Torque out of range', 'assembly', 'major', 'Fastener torque outside the specified window'),
  (19, 'ASM-WRG', 'Wrong component', 'assembly', 'critical', 'A component of the wrong part number is fitted'),
  (20, 'FNC-TST', 'Functional test failed', 'functional', 'major', 'Unit failed the end-of-line functional test'),
  (21, 'FNC-LEK', 'Leak test failed', 'functional', 'major', 'Leak rate above the limit at test pressure'),
  (22, 'FNC-ELC', 'Electrical fault', 'functional', 'critical', 'Short circuit, open circuit or insulation failure'),
  (23, 'MAT-DEF', 'Material defect', 'material', 'major', 'Defect traced to incoming material'),
  (24, 'LBL-ERR', 'Label error', 'cosmetic', 'minor', 'Missing, illegible or wrong label')) AS v (id, code, name, cat, sev, descr)
CROSS JOIN (SELECT pg_temp.rnd_ts_before('defect_code.created', 1, :'start_date', 900, 900) AS ts) AS c;

-- Per work order: actual times and quantities from its runs.
CREATE TEMP TABLE wo_actuals AS
SELECT r.work_order_id,
       min(r.start_time) AS actual_start,
       max(r.end_time) AS last_end,
       sum(r.scrap_count) AS scrapped_qty,
       coalesce(max(r.total_count - r.scrap_count) FILTER (WHERE r.op_no = r.n_ops), 0) AS completed_qty,
       (array_agg(r.operator_id ORDER BY r.op_no DESC))[1] AS last_operator_id,
       (array_agg(r.operator_id ORDER BY r.op_no))[1] AS first_operator_id
FROM plan_runs AS r
GROUP BY r.work_order_id;
CREATE UNIQUE INDEX ON wo_actuals (work_order_id);
ANALYZE wo_actuals;

INSERT INTO work_orders (work_order_id, work_order_number, product_id, routing_id, factory_id, line_id, shift_id,
                         planned_qty, completed_qty, scrapped_qty, status, priority, planned_start, planned_end,
                         actual_start, actual_end, due_date, unit_standard_cost, standard_cost, planner_employee_id,
                         notes, created_at, updated_at, modified_by)
SELECT w.work_order_id, 'WO-' || lpad(w.work_order_id::text, 6, '0'), w.product_id, w.product_id, w.factory_id,
       w.line_id, w.shift_id, w.planned_qty,
       CASE WHEN w.status IN ('completed', 'in_progress') THEN a.completed_qty ELSE 0 END,
       CASE WHEN w.status IN ('completed', 'in_progress') THEN a.scrapped_qty ELSE 0 END,
       w.status, w.priority, w.window_start, w.window_start + w.window_seconds * interval '1 second',
       a.actual_start,
       CASE WHEN w.status = 'completed' THEN a.last_end END,
       w.due_date, p.standard_cost, round(p.standard_cost * w.planned_qty, 2), w.planner_id,
       CASE WHEN w.priority = 'urgent' THEN 'Expedite: customer line-down risk, ship same day if possible.'
            WHEN w.status = 'cancelled' THEN 'Cancelled by planning after demand change.'
            WHEN pg_temp.rnd_bool('wo.note', w.slot_key, 0.05) THEN 'Use material from lot with oldest date code first (FIFO).' END,
       w.created_at,
       CASE w.status WHEN 'completed' THEN a.last_end
                     WHEN 'in_progress' THEN a.actual_start
                     WHEN 'cancelled' THEN w.cancelled_at
                     WHEN 'released' THEN w.released_at
                     ELSE w.created_at END,
       CASE WHEN w.status IN ('completed', 'in_progress') THEN 'user' || a.last_operator_id
            ELSE 'user' || w.planner_id END
FROM plan_work_orders AS w
JOIN dim_products AS p USING (product_id)
LEFT JOIN wo_actuals AS a USING (work_order_id);

INSERT INTO work_order_operations (wo_operation_id, work_order_id, routing_operation_id, op_seq, work_center_id,
                                   machine_id, status, planned_qty, completed_qty, scrapped_qty, planned_setup_minutes,
                                   planned_run_minutes, actual_setup_minutes, actual_run_minutes, actual_start,
                                   actual_end, operator_employee_id, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY w.work_order_id, ro.op_seq), w.work_order_id, ro.routing_operation_id, ro.op_seq,
       ro.work_center_id, ro.work_center_id,
       CASE WHEN r.status = 'completed' THEN 'completed' WHEN r.status = 'running' THEN 'in_progress'
            WHEN w.status = 'cancelled' THEN 'skipped' ELSE 'pending' END,
       w.planned_qty,
       coalesce(r.total_count - r.scrap_count, 0), coalesce(r.scrap_count, 0),
       ro.setup_minutes, round(w.planned_qty * ro.run_seconds_per_unit / 60, 2),
       round(r.setup_seconds / 60.0, 2), round(r.run_seconds / 60.0, 2),
       r.start_time, r.end_time, r.operator_id,
       w.created_at, coalesce(r.end_time, r.start_time, w.created_at),
       coalesce('user' || r.operator_id, 'user' || w.planner_id)
FROM plan_work_orders AS w
JOIN routing_operations AS ro ON ro.routing_id = w.product_id
LEFT JOIN plan_runs AS r ON r.work_order_id = w.work_order_id AND r.op_no * 10 = ro.op_seq;

INSERT INTO work_order_status_history (history_id, work_order_id, from_status, to_status, changed_at, changed_by, reason)
SELECT row_number() OVER (ORDER BY h.changed_at, h.work_order_id, h.step), h.work_order_id, h.from_status,
       h.to_status, h.changed_at, h.changed_by, h.reason
FROM (
  SELECT w.work_order_id, 1 AS step, 'planned' AS from_status, 'released' AS to_status, w.released_at AS changed_at,
         'user' || w.planner_id AS changed_by, NULL AS reason
  FROM plan_work_orders AS w WHERE w.status IN ('released', 'in_progress', 'completed')
  UNION ALL
  SELECT w.work_order_id, 2, 'released', 'in_progress', a.actual_start, 'user' || a.first_operator_id, NULL
  FROM plan_work_orders AS w JOIN wo_actuals AS a USING (work_order_id)
  WHERE w.status IN ('in_progress', 'completed')
  UNION ALL
  SELECT w.work_order_id, 3, 'in_progress', 'completed', a.last_end, 'user' || a.last_operator_id, NULL
  FROM plan_work_orders AS w JOIN wo_actuals AS a USING (work_order_id)
  WHERE w.status = 'completed'
  UNION ALL
  SELECT w.work_order_id, 1, 'planned', 'cancelled', w.cancelled_at, 'user' || w.planner_id,
         pg_temp.rnd_pick('wo.cancel_reason', w.slot_key,
                          '{Customer order cancelled,Demand moved to another plant,Material shortage,Engineering change pending,Duplicate order}')
  FROM plan_work_orders AS w WHERE w.status = 'cancelled'
) AS h;

INSERT INTO labor_transactions (labor_id, work_order_id, wo_operation_id, employee_id, labor_type, clock_in, clock_out,
                                hours, labor_rate, labor_cost, approved, created_at, updated_at, modified_by)
SELECT r.run_id, r.work_order_id, o.wo_operation_id, r.operator_id, 'run', r.start_time, r.end_time,
       x.hours, m.labor_rate_per_hour, round(x.hours * m.labor_rate_per_hour, 2),
       r.status = 'completed' AND r.work_date < :'end_date'::date - 1,
       r.start_time, coalesce(r.end_time, r.start_time),
       CASE WHEN r.status = 'completed' AND r.work_date < :'end_date'::date - 1
            THEN 'user' || coalesce(pg_temp.pick_employee(r.factory_id, 'supervisor', pg_temp.rnd('labor.approver', r.run_key)), 0)
            ELSE 'user' || r.operator_id END
FROM plan_runs AS r
JOIN work_order_operations AS o ON o.work_order_id = r.work_order_id AND o.op_seq = r.op_no * 10
JOIN dim_machines AS m ON m.machine_id = r.machine_id
CROSS JOIN LATERAL (
  SELECT CASE WHEN r.status = 'completed'
              THEN round((r.setup_seconds + r.run_seconds + r.downtime_seconds) / 3600.0, 3) ELSE 0 END AS hours
) AS x;

-- Materials are kitted before the first operation starts.
INSERT INTO material_consumption (consumption_id, work_order_id, material_id, bom_line_no, warehouse_id,
                                  material_lot_number, transaction_type, planned_qty, actual_qty, uom_code,
                                  standard_unit_cost, actual_unit_cost, total_cost, issued_at, issued_by,
                                  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY w.work_order_id, b.line_no), w.work_order_id, b.material_id, b.line_no,
       2 * w.factory_id - 1,
       'ML' || lpad(b.material_id::text, 6, '0') || '-'
         || to_char(w.work_date - pg_temp.rnd_int('mc.lot_age', w.slot_key * 8 + b.line_no, 3, 40)::int, 'YYMMDD'),
       'issue',
       round(w.planned_qty * b.qty_per, 3), q.actual_qty, mt.uom_code, mt.standard_cost, c.actual_unit_cost,
       round(q.actual_qty * c.actual_unit_cost, 2),
       i.issued_at, i.issued_by, i.issued_at, i.issued_at, 'user' || i.issued_by
FROM plan_work_orders AS w
JOIN wo_actuals AS a USING (work_order_id)
JOIN dim_bom AS b USING (product_id)
JOIN dim_materials AS mt USING (material_id)
CROSS JOIN LATERAL (
  SELECT CASE WHEN b.material_type = 'packaging' AND w.status = 'completed'
              THEN round(a.completed_qty * b.qty_per, 3)
              ELSE round(w.planned_qty * b.qty_per
                         * pg_temp.rnd_num('mc.usage', w.slot_key * 8 + b.line_no, 0.99, 1.04, 4), 3) END AS actual_qty
) AS q
CROSS JOIN LATERAL (
  SELECT round(mt.standard_cost * pg_temp.rnd_num('mc.price', w.slot_key * 8 + b.line_no, 0.97, 1.06, 4), 4)
           AS actual_unit_cost
) AS c
CROSS JOIN LATERAL (
  SELECT a.actual_start - (10 + 50 * pg_temp.rnd('mc.issued', w.slot_key * 8 + b.line_no)) * interval '1 minute' AS issued_at,
         pg_temp.pick_employee(w.factory_id, 'operator', pg_temp.rnd('mc.issuer', w.slot_key * 8 + b.line_no)) AS issued_by
) AS i
WHERE w.status IN ('completed', 'in_progress');

-- Final inspection of every completed work order (sampling per ISO 2859-1, acceptance number Ac).
CREATE TEMP TABLE plan_inspections AS
SELECT w.work_order_id, w.slot_key, w.factory_id, w.product_id, a.completed_qty, a.last_end,
       s.sample_size, s.ac,
       d.defects_found,
       CASE WHEN a.last_end + i.delay > :'now_ts'::timestamptz THEN 'pending'
            WHEN d.defects_found > s.ac THEN 'fail' ELSE 'pass' END AS result,
       CASE WHEN a.last_end + i.delay <= :'now_ts'::timestamptz THEN a.last_end + i.delay END AS inspected_at,
       pg_temp.pick_employee(w.factory_id, 'quality_inspector', pg_temp.rnd('qi.inspector', w.slot_key)) AS inspector_id
FROM plan_work_orders AS w
JOIN wo_actuals AS a USING (work_order_id)
CROSS JOIN LATERAL (
  SELECT CASE WHEN a.completed_qty <= 150 THEN 20 WHEN a.completed_qty <= 500 THEN 32 ELSE 50 END AS sample_size,
         CASE WHEN a.completed_qty <= 150 THEN 1 WHEN a.completed_qty <= 500 THEN 2 ELSE 3 END AS ac
) AS s
CROSS JOIN LATERAL (
  SELECT CASE WHEN pg_temp.rnd_bool('qi.clean', w.slot_key, 0.9) THEN 0
              ELSE pg_temp.rnd_int('qi.defects', w.slot_key, 1, 5)::int END AS defects_found
) AS d
CROSS JOIN LATERAL (SELECT (5 + 40 * pg_temp.rnd('qi.delay', w.slot_key)) * interval '1 minute' AS delay) AS i
WHERE w.status = 'completed' AND a.completed_qty > 0;
CREATE UNIQUE INDEX ON plan_inspections (work_order_id);

INSERT INTO production_lots (lot_id, lot_number, work_order_id, product_id, factory_id, warehouse_id, quantity,
                             manufactured_at, expiry_date, status, attributes, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY i.work_order_id), 'LOT-' || to_char(w.work_date, 'YYMMDD') || '-' || lpad(i.work_order_id::text, 6, '0'),
       i.work_order_id, i.product_id, i.factory_id, 2 * i.factory_id, i.completed_qty, i.last_end,
       CASE WHEN p.category_id = 6 THEN (i.last_end + interval '720 days')::date END,
       s.status,
       jsonb_build_object('line_id', w.line_id, 'shift_number', w.shift_number, 'work_date', w.work_date,
                          'inspection', i.result, 'containers', ceil(i.completed_qty / 50.0)),
       i.last_end, coalesce(i.inspected_at, i.last_end),
       'user' || coalesce(CASE WHEN i.result = 'pending' THEN NULL ELSE i.inspector_id END, w.planner_id)
FROM plan_inspections AS i
JOIN plan_work_orders AS w USING (work_order_id)
JOIN dim_products AS p ON p.product_id = i.product_id
CROSS JOIN LATERAL (
  SELECT CASE WHEN i.result = 'pass'
              THEN CASE WHEN i.last_end < :'now_ts'::timestamptz - interval '10 days'
                          AND pg_temp.rnd_bool('lot.shipped', i.slot_key, 0.6) THEN 'shipped' ELSE 'released' END
              WHEN i.result = 'fail'
              THEN CASE WHEN pg_temp.rnd_bool('lot.rejected', i.slot_key, 0.3) THEN 'rejected' ELSE 'quarantine' END
              ELSE 'quarantine' END AS status
) AS s;

INSERT INTO quality_inspections (inspection_id, inspection_number, work_order_id, lot_id, product_id, factory_id,
                                 inspection_type, inspector_employee_id, sample_size, defects_found, result,
                                 inspected_at, measurements, notes, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY i.work_order_id), 'QI-' || lpad(i.work_order_id::text, 7, '0'),
       i.work_order_id, l.lot_id, i.product_id, i.factory_id, 'final', i.inspector_id, i.sample_size,
       CASE WHEN i.result = 'pending' THEN 0 ELSE i.defects_found END, i.result, i.inspected_at,
       CASE WHEN i.result = 'pending' THEN '{}'::jsonb
            ELSE jsonb_build_object(
                   'gauge', 'G-' || lpad((i.factory_id * 100 + pg_temp.rnd_int('qi.gauge', i.slot_key, 1, 40))::text, 5, '0'),
                   'characteristics', jsonb_build_array(
                     jsonb_build_object('name', 'critical_dimension_mm', 'nominal', 25.0, 'lsl', 24.95, 'usl', 25.05,
                                        'mean', round(25 + (pg_temp.rnd('qi.m1', i.slot_key) - 0.5)::numeric * 0.04, 4),
                                        'stdev', pg_temp.rnd_num('qi.s1', i.slot_key, 0.003, 0.012, 4)),
                     jsonb_build_object('name', 'mass_g', 'nominal', 180, 'lsl', 176, 'usl', 184,
                                        'mean', pg_temp.rnd_num('qi.m2', i.slot_key, 178, 182, 2)))) END,
       CASE WHEN i.result = 'fail' THEN 'Lot quarantined: ' || i.defects_found || ' defects in sample of ' || i.sample_size
                                        || ' exceed Ac=' || i.ac || '. NCR raised, 100% sorting required.' END,
       i.last_end, coalesce(i.inspected_at, i.last_end),
       'user' || i.inspector_id
FROM plan_inspections AS i
JOIN production_lots AS l USING (work_order_id);

INSERT INTO lot_genealogy (genealogy_id, lot_id, consumption_id, material_id, material_lot_number, qty_used, created_at)
SELECT row_number() OVER (ORDER BY l.lot_id, mc.bom_line_no), l.lot_id, mc.consumption_id, mc.material_id,
       mc.material_lot_number, mc.actual_qty, l.manufactured_at
FROM production_lots AS l
JOIN material_consumption AS mc USING (work_order_id)
JOIN dim_materials AS m USING (material_id)
WHERE m.material_type <> 'packaging';

INSERT INTO defects (defect_id, work_order_id, wo_operation_id, defect_code_id, product_id, factory_id, machine_id, qty,
                     severity, disposition, cost_of_defect, detected_at, detected_by, status, root_cause, image_sha256,
                     created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY x.detected_at, x.run_id), x.work_order_id, x.wo_operation_id, x.defect_code_id,
       x.product_id, x.factory_id, x.machine_id, x.scrap_count, x.severity, x.disposition,
       round(x.scrap_count * p.standard_cost * CASE WHEN x.disposition = 'rework' THEN 0.15
                                                    WHEN x.disposition = 'use_as_is' THEN 0
                                                    ELSE x.op_no::numeric / x.n_ops END, 2),
       x.detected_at, x.operator_id,
       CASE WHEN x.detected_at < :'now_ts'::timestamptz - interval '2 days' THEN 'closed' ELSE 'open' END,
       CASE WHEN x.detected_at < :'now_ts'::timestamptz - interval '2 days'
            THEN pg_temp.rnd_pick('defect.cause', x.run_key,
                                  '{Worn cutting tool,Fixture clamp pressure low,Material batch out of spec,Operator skipped check after setup,Program offset not updated after tool change,Mold temperature drift,Weld wire feed unstable,Component supplier mix-up}') END,
       CASE WHEN pg_temp.rnd_bool('defect.photo', x.run_key, 0.3)
            THEN sha256(convert_to('IMG-' || x.run_key || '-' || pg_temp.rnd('defect.photo.id', x.run_key), 'UTF8')) END,
       x.detected_at,
       CASE WHEN x.detected_at < :'now_ts'::timestamptz - interval '2 days' THEN x.detected_at + interval '2 days'
            ELSE x.detected_at END,
       'user' || x.operator_id
FROM (
  SELECT r.*, o.wo_operation_id, dc.defect_code_id, dc.default_severity AS severity,
         CASE WHEN pg_temp.rnd_bool('defect.scrap', r.run_key, 0.8) THEN 'scrap'
              WHEN pg_temp.rnd_bool('defect.rework', r.run_key, 0.75) THEN 'rework' ELSE 'use_as_is' END AS disposition,
         r.start_time + (r.setup_seconds + pg_temp.rnd('defect.at', r.run_key) * greatest(r.run_seconds, 1))
                        * interval '1 second' AS detected_at
  FROM plan_runs AS r
  JOIN work_order_operations AS o ON o.work_order_id = r.work_order_id AND o.op_seq = r.op_no * 10
  JOIN defect_codes AS dc ON dc.defect_code_id = pg_temp.rnd_int('defect.code', r.run_key, 1, 24)
  WHERE r.scrap_count > 0
) AS x
JOIN dim_products AS p USING (product_id);

INSERT INTO work_order_holds (hold_id, work_order_id, hold_type, reason, status, placed_at, placed_by, released_at,
                              released_by, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY h.placed_at, h.work_order_id), h.work_order_id, h.hold_type, h.reason,
       CASE WHEN h.released_at <= :'now_ts'::timestamptz THEN 'released' ELSE 'active' END,
       h.placed_at, h.placed_by,
       CASE WHEN h.released_at <= :'now_ts'::timestamptz THEN h.released_at END,
       CASE WHEN h.released_at <= :'now_ts'::timestamptz THEN h.placed_by END,
       h.placed_at, least(h.released_at, :'now_ts'::timestamptz - interval '1 minute'), 'user' || h.placed_by
FROM (
  SELECT w.work_order_id, t.hold_type,
         CASE t.hold_type WHEN 'quality' THEN 'Dimensional drift on first-off parts; waiting for quality release'
                          WHEN 'material' THEN 'Component shortage at line side; waiting for replenishment'
                          ELSE 'Drawing revision change pending engineering approval' END AS reason,
         a.actual_start + (20 + 100 * pg_temp.rnd('hold.at', w.slot_key)) * interval '1 minute' AS placed_at,
         a.actual_start + (20 + 100 * pg_temp.rnd('hold.at', w.slot_key) + 30 + 210 * pg_temp.rnd('hold.len', w.slot_key))
                          * interval '1 minute' AS released_at,
         CASE t.hold_type WHEN 'quality' THEN pg_temp.pick_employee(w.factory_id, 'quality_inspector', pg_temp.rnd('hold.by', w.slot_key))
                          ELSE w.planner_id END AS placed_by
  FROM plan_work_orders AS w
  JOIN wo_actuals AS a USING (work_order_id)
  CROSS JOIN LATERAL (SELECT pg_temp.rnd_pick('hold.type', w.slot_key, '{quality,quality,material,engineering}') AS hold_type) AS t
  WHERE w.status IN ('completed', 'in_progress') AND pg_temp.rnd_bool('hold.has', w.slot_key, 0.03)
) AS h
WHERE h.placed_at < :'now_ts'::timestamptz;

-- One handover per factory, shift and working day, once the shift has ended.
INSERT INTO shift_handovers (handover_id, factory_id, shift_id, shift_date, outgoing_supervisor_id,
                             incoming_supervisor_id, work_orders_completed, produced_qty, scrapped_qty,
                             safety_incidents, notes, open_issues, acknowledged_at, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY s.shift_end, s.factory_id), s.factory_id, s.shift_id, s.shift_date,
       s.outgoing, s.incoming, coalesce(p.wo_completed, 0), coalesce(p.produced, 0), coalesce(p.scrapped, 0),
       s.incidents,
       'Shift ' || s.shift_number || ' on ' || s.shift_date || ': ' || coalesce(p.wo_completed, 0)
         || ' work orders completed, ' || coalesce(p.produced, 0) || ' good units, ' || coalesce(p.scrapped, 0)
         || E' scrapped.\n' || n.body,
       o.issues,
       s.shift_end + (5 + 25 * pg_temp.rnd('ho.ack', s.key)) * interval '1 minute',
       s.shift_end - interval '15 minutes',
       s.shift_end + (5 + 25 * pg_temp.rnd('ho.ack', s.key)) * interval '1 minute',
       'user' || coalesce(s.incoming, 0)
FROM (
  SELECT f AS factory_id, (f - 1) * 3 + sn AS shift_id, sn AS shift_number, d::date AS shift_date,
         pg_temp.day_ts(d::date, (14 + 8 * (sn - 1)) * 3600) AS shift_end,
         ((d::date - date '2000-01-01') * 1000 + f) * 3 + sn AS key,
         pg_temp.pick_employee(f, 'supervisor', pg_temp.rnd('ho.out', ((d::date - date '2000-01-01') * 1000 + f) * 3 + sn)) AS outgoing,
         pg_temp.pick_employee(f, 'supervisor', pg_temp.rnd('ho.in', ((d::date - date '2000-01-01') * 1000 + f) * 3 + sn)) AS incoming,
         CASE WHEN pg_temp.rnd_bool('ho.incident', ((d::date - date '2000-01-01') * 1000 + f) * 3 + sn, 0.02) THEN 1 ELSE 0 END AS incidents
  FROM generate_series(1, :n_factories) AS f
  CROSS JOIN generate_series(1, 3) AS sn
  CROSS JOIN generate_series(:'start_date'::date, :'end_date'::date, interval '1 day') AS d
  WHERE extract(isodow FROM d) <> 7
) AS s
LEFT JOIN (
  SELECT w.shift_id, w.work_date, count(*) AS wo_completed, sum(a.completed_qty) AS produced, sum(a.scrapped_qty) AS scrapped
  FROM plan_work_orders AS w JOIN wo_actuals AS a USING (work_order_id)
  WHERE w.status = 'completed'
  GROUP BY w.shift_id, w.work_date
) AS p ON p.shift_id = s.shift_id AND p.work_date = s.shift_date
CROSS JOIN LATERAL (
  SELECT string_agg(format(t.tmpl, pg_temp.rnd_int('ho.n', s.key * 16 + j, 1, 4)), E'\n' ORDER BY j) AS body
  FROM generate_series(1, pg_temp.rnd_int('ho.len', s.key, 2, 7)::int) AS j
  JOIN (SELECT i, tmpl FROM unnest(ARRAY[
          'Line %s ran to plan; no open issues.',
          'Changeover on line %s took longer than standard because the fixture had to be re-shimmed.',
          'Coolant concentration topped up on line %s, next check due at the start of next shift.',
          'Quality asked for an extra first-off check on line %s after a dimensional drift; parts are segregated.',
          'Maintenance replaced a proximity sensor on line %s; machine released by the technician.',
          'Material for the next work order on line %s is kitted and waiting at line side.',
          'Two operators on line %s are in training; pair them with experienced colleagues.',
          'Forklift charging station fault reported to facilities, ticket raised, %s trucks affected.',
          'Housekeeping audit score for the shift was %s of 5 on the 5S board.',
          'Scrap bin on line %s emptied and weighed; figures entered in MES.'
        ]) WITH ORDINALITY AS u (tmpl, i)) AS t
    ON t.i = pg_temp.rnd_int('ho.tmpl', s.key * 16 + j, 1, 10)
) AS n
CROSS JOIN LATERAL (
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'line', pg_temp.rnd_int('ho.issue.line', s.key * 16 + j, 1, 4),
           'issue', pg_temp.rnd_pick('ho.issue', s.key * 16 + j,
                                     '{Hydraulic leak under press,Spindle warm-up alarm,Label printer ribbon low,Missing gauge calibration sticker,Air pressure fluctuating}'),
           'owner', pg_temp.rnd_pick('ho.owner', s.key * 16 + j, '{maintenance,quality,production,facilities}')) ORDER BY j),
           '[]'::jsonb) AS issues
  FROM generate_series(1, pg_temp.rnd_int('ho.issues', s.key, 0, 2)::int) AS j
) AS o
WHERE s.shift_end <= :'now_ts'::timestamptz;

SELECT setval(pg_get_serial_sequence('work_centers', 'work_center_id'), coalesce(max(work_center_id), 1), max(work_center_id) IS NOT NULL) FROM work_centers;
SELECT setval(pg_get_serial_sequence('routings', 'routing_id'), coalesce(max(routing_id), 1), max(routing_id) IS NOT NULL) FROM routings;
SELECT setval(pg_get_serial_sequence('routing_operations', 'routing_operation_id'), coalesce(max(routing_operation_id), 1), max(routing_operation_id) IS NOT NULL) FROM routing_operations;
SELECT setval(pg_get_serial_sequence('work_instructions', 'instruction_id'), coalesce(max(instruction_id), 1), max(instruction_id) IS NOT NULL) FROM work_instructions;
SELECT setval(pg_get_serial_sequence('defect_codes', 'defect_code_id'), coalesce(max(defect_code_id), 1), max(defect_code_id) IS NOT NULL) FROM defect_codes;
SELECT setval(pg_get_serial_sequence('work_orders', 'work_order_id'), coalesce(max(work_order_id), 1), max(work_order_id) IS NOT NULL) FROM work_orders;
SELECT setval(pg_get_serial_sequence('work_order_operations', 'wo_operation_id'), coalesce(max(wo_operation_id), 1), max(wo_operation_id) IS NOT NULL) FROM work_order_operations;
SELECT setval(pg_get_serial_sequence('work_order_status_history', 'history_id'), coalesce(max(history_id), 1), max(history_id) IS NOT NULL) FROM work_order_status_history;
SELECT setval(pg_get_serial_sequence('work_order_holds', 'hold_id'), coalesce(max(hold_id), 1), max(hold_id) IS NOT NULL) FROM work_order_holds;
SELECT setval(pg_get_serial_sequence('labor_transactions', 'labor_id'), coalesce(max(labor_id), 1), max(labor_id) IS NOT NULL) FROM labor_transactions;
SELECT setval(pg_get_serial_sequence('material_consumption', 'consumption_id'), coalesce(max(consumption_id), 1), max(consumption_id) IS NOT NULL) FROM material_consumption;
SELECT setval(pg_get_serial_sequence('production_lots', 'lot_id'), coalesce(max(lot_id), 1), max(lot_id) IS NOT NULL) FROM production_lots;
SELECT setval(pg_get_serial_sequence('lot_genealogy', 'genealogy_id'), coalesce(max(genealogy_id), 1), max(genealogy_id) IS NOT NULL) FROM lot_genealogy;
SELECT setval(pg_get_serial_sequence('defects', 'defect_id'), coalesce(max(defect_id), 1), max(defect_id) IS NOT NULL) FROM defects;
SELECT setval(pg_get_serial_sequence('quality_inspections', 'inspection_id'), coalesce(max(inspection_id), 1), max(inspection_id) IS NOT NULL) FROM quality_inspections;
SELECT setval(pg_get_serial_sequence('shift_handovers', 'handover_id'), coalesce(max(handover_id), 1), max(handover_id) IS NOT NULL) FROM shift_handovers;
