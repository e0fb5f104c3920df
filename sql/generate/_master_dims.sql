-- Master-data formulas shared by the generators of genims_master_db, genims_mes_db and
-- genims_operational_db (included with \ir right after _prelude.sql).
--
-- Every attribute that more than one database must agree on -- machine cycle times and power,
-- product lines, routings and BOMs, standard costs, employee roles -- is computed here once,
-- as temp tables, from the psql variables and the seed. Each generator therefore gets the same
-- values as genims_master_db without reading it (generators run in separate sessions).
--
-- Expects the generator variables (seed, end_date, days, volume, n_*). Defines the psql
-- variables :start_date (first day of history) and :now_ts (end of end_date, UTC): the
-- generated "present"; nothing generated as past happens after it.

SET TIME ZONE 'UTC';
-- Generator statements are one-shot and their row estimates (functions, generate_series) are
-- inflated: LLVM JIT would spend seconds compiling each of them.
SET jit = off;

SELECT (:'end_date'::date - (:days - 1))::text AS start_date,
       ((:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC')::text AS now_ts
\gset

-- Machine types and the station layout (base cycle times are balanced per line kind) of the four line kinds (0 machining, 1 molding,
-- 2 fabrication, 3 assembly): line l is of kind (l-1)%4, machine position p of a line of kind
-- k has type station_types[k*5 + p].
CREATE TEMP TABLE dim_machine_types (
  machine_type_id int PRIMARY KEY,
  type_code text NOT NULL,
  name text NOT NULL,
  category text NOT NULL,
  base_cycle_seconds numeric NOT NULL,
  rated_power_kw numeric NOT NULL,
  maintenance_interval_hours int NOT NULL,
  manufacturers text[] NOT NULL
);
INSERT INTO dim_machine_types VALUES
  (1, 'VMC', 'CNC Machining Center', 'machining', 48, 22, 500, '{DMG MORI,Haas,Mazak,Okuma}'),
  (2, 'LATHE', 'CNC Turning Center', 'machining', 44, 18, 500, '{Mazak,Okuma,DMG MORI,Doosan}'),
  (3, 'DEBURR', 'Robotic Deburring Cell', 'finishing', 36, 7.5, 750, '{ABB,Fanuc,KUKA}'),
  (4, 'WASH', 'Industrial Parts Washer', 'finishing', 32, 15, 1000, '{Durr Ecoclean,MTM Cleaning}'),
  (5, 'CMM', 'Coordinate Measuring Machine', 'inspection', 42, 3, 2000, '{Zeiss,Hexagon,Mitutoyo}'),
  (6, 'IMM', 'Injection Molding Machine', 'molding', 28, 45, 600, '{Engel,Arburg,KraussMaffei,Sumitomo Demag}'),
  (7, 'TRIM', 'Degating and Trimming Station', 'finishing', 22, 4, 1000, '{Geiss,Frimo}'),
  (8, 'USW', 'Ultrasonic Welder', 'joining', 20, 3, 1500, '{Branson,Herrmann,Dukane}'),
  (9, 'VIS', 'Vision Inspection System', 'inspection', 18, 1.5, 3000, '{Cognex,Keyence,Basler}'),
  (10, 'PRESS', 'Servo Stamping Press', 'forming', 24, 90, 400, '{Schuler,Aida,Komatsu}'),
  (11, 'WELD', 'Robotic Welding Cell', 'joining', 32, 25, 500, '{Fanuc,Yaskawa,KUKA}'),
  (12, 'PAINT', 'Powder Coating Line', 'finishing', 30, 60, 700, '{Durr,Eisenmann,Wagner}'),
  (13, 'ASSY', 'Manual Assembly Station', 'assembly', 55, 2, 4000, '{Bosch Rexroth,Festo,item}'),
  (14, 'SCREW', 'Screwdriving Robot', 'assembly', 45, 1.5, 2000, '{Atlas Copco,Desoutter,Deprag}'),
  (15, 'TEST', 'End-of-Line Test Bench', 'inspection', 48, 5, 2500, '{National Instruments,Chroma,Keysight}'),
  (16, 'LABEL', 'Print and Apply Labeler', 'packaging', 40, 2, 2500, '{Zebra,Weber,Domino}'),
  (17, 'PACK', 'Case Packing Machine', 'packaging', 42, 11, 1200, '{Bosch Packaging,Krones,Schubert}');

CREATE TEMP TABLE dim_machines AS
SELECT m AS machine_id,
       (m - 1) / 5 + 1 AS line_id,
       (m - 1) / 20 + 1 AS factory_id,
       (m - 1) % 5 + 1 AS line_position,
       ((m - 1) / 5) % 4 AS line_kind,
       t.machine_type_id,
       t.category,
       round(t.base_cycle_seconds * pg_temp.rnd_num('machine.cycle', m, 0.85, 1.15, 4), 2)
         AS ideal_cycle_time_seconds,
       round(t.rated_power_kw * pg_temp.rnd_num('machine.power', m, 0.9, 1.2, 4), 1) AS rated_power_kw,
       -- standard hourly rates of the machine's work center, used for standard costing
       pg_temp.rnd_num('wc.labor_rate', m, 28, 46, 2) AS labor_rate_per_hour,
       round(t.rated_power_kw * 0.45 + pg_temp.rnd_num('wc.overhead_rate', m, 15, 45, 2), 2)
         AS overhead_rate_per_hour
FROM generate_series(1, 20 * :n_factories) AS m
JOIN dim_machine_types AS t
  ON t.machine_type_id = ('{1,2,3,4,5, 6,6,7,8,9, 10,11,11,12,9, 13,14,15,16,17}'::int[])
                         [((m - 1) / 5) % 4 * 5 + (m - 1) % 5 + 1];
CREATE UNIQUE INDEX ON dim_machines (machine_id);

-- Material catalogue names and units (uom ids of genims_master_db.units_of_measure).
CREATE TEMP TABLE material_templates (material_type text, idx int, base_name text, uom_id int, uom_code text,
                                      PRIMARY KEY (material_type, idx));
INSERT INTO material_templates VALUES
  ('raw', 1, 'Aluminium 6061-T6 bar', 2, 'KG'), ('raw', 2, 'Steel S355 sheet', 2, 'KG'),
  ('raw', 3, 'Stainless 1.4301 coil', 2, 'KG'), ('raw', 4, 'Brass CW614N rod', 2, 'KG'),
  ('raw', 5, 'PA66-GF30 granulate', 2, 'KG'), ('raw', 6, 'ABS granulate', 2, 'KG'),
  ('raw', 7, 'Polycarbonate granulate', 2, 'KG'), ('raw', 8, 'Copper wire 1.5 mm2', 7, 'M'),
  ('raw', 9, 'Epoxy powder coat', 2, 'KG'), ('raw', 10, 'Hydraulic oil HLP 46', 5, 'L'),
  ('raw', 11, 'Steel tube 30x2', 7, 'M'), ('raw', 12, 'EPDM compound', 2, 'KG'),
  ('raw', 13, 'Cast iron EN-GJL-250 blank', 2, 'KG'), ('raw', 14, 'Solder paste SAC305', 2, 'KG'),
  ('raw', 15, 'Welding wire G3Si1', 2, 'KG'),
  ('component', 1, 'Hex bolt M6x20 8.8', 1, 'EA'), ('component', 2, 'Ball bearing 6204-2RS', 1, 'EA'),
  ('component', 3, 'O-ring NBR 32x2.5', 1, 'EA'), ('component', 4, 'PCB assembly', 1, 'EA'),
  ('component', 5, 'Stepper motor NEMA 17', 1, 'EA'), ('component', 6, 'Proximity sensor M12', 1, 'EA'),
  ('component', 7, 'Wire harness', 1, 'EA'), ('component', 8, 'Cable gland M20', 1, 'EA'),
  ('component', 9, 'Helical gear m1.5', 1, 'EA'), ('component', 10, 'Li-ion battery pack 18V', 1, 'EA'),
  ('component', 11, 'Shaft seal 25x40x7', 1, 'EA'), ('component', 12, 'Hall sensor IC', 1, 'EA'),
  ('packaging', 1, 'Corrugated carton', 1, 'EA'), ('packaging', 2, 'EUR pallet', 1, 'EA'),
  ('packaging', 3, 'Stretch film', 13, 'ROLL'), ('packaging', 4, 'PE foam insert', 1, 'EA'),
  ('packaging', 5, 'VCI polybag', 1, 'EA'), ('packaging', 6, 'Thermal label roll', 13, 'ROLL'),
  ('packaging', 7, 'Desiccant bag', 1, 'EA'), ('packaging', 8, 'Kraft paper', 9, 'M2');

-- Materials: type by (m-1)%10 (0-4 raw, 5-7 component, 8-9 packaging).
CREATE TEMP TABLE dim_materials AS
SELECT x.material_id, x.material_type, x.standard_cost, t.idx AS template_idx, t.base_name, t.uom_id, t.uom_code
FROM (
  SELECT m AS material_id,
         CASE WHEN (m - 1) % 10 < 5 THEN 'raw' WHEN (m - 1) % 10 < 8 THEN 'component' ELSE 'packaging' END
           AS material_type,
         CASE WHEN (m - 1) % 10 < 5 THEN pg_temp.rnd_num('material.cost', m, 1.20, 25, 4)
              WHEN (m - 1) % 10 < 8 THEN pg_temp.rnd_num('material.cost', m, 0.30, 45, 4)
              ELSE pg_temp.rnd_num('material.cost', m, 0.05, 2.50, 4) END AS standard_cost
  FROM generate_series(1, :n_materials) AS m
) AS x
JOIN material_templates AS t
  ON t.material_type = x.material_type
 AND t.idx = pg_temp.rnd_int('material.template', x.material_id, 1,
                             CASE x.material_type WHEN 'raw' THEN 15 WHEN 'component' THEN 12 ELSE 8 END);
CREATE UNIQUE INDEX ON dim_materials (material_id);

-- Numbered pools to draw a material of a kind uniformly: 'make' (raw or component), 'pack'.
CREATE TEMP TABLE dim_material_pool AS
SELECT CASE WHEN material_type = 'packaging' THEN 'pack' ELSE 'make' END AS pool,
       row_number() OVER (PARTITION BY material_type = 'packaging' ORDER BY material_id) AS rn,
       material_id
FROM dim_materials;
CREATE UNIQUE INDEX ON dim_material_pool (pool, rn);
CREATE TEMP TABLE dim_material_pool_count AS
SELECT pool, count(*)::int AS cnt FROM dim_material_pool GROUP BY pool;

-- Products: category and factory per sql/README.md; the home line is one of the factory's
-- four lines, so the line's kind is the product's process family.
CREATE TEMP TABLE dim_products AS
SELECT p AS product_id,
       (p - 1) % 12 + 1 AS category_id,
       (p - 1) % :n_factories + 1 AS factory_id,
       ((p - 1) % :n_factories) * 4 + ((p - 1) / :n_factories) % 4 + 1 AS line_id,
       pg_temp.rnd_int('product.routing', p, 1, 8)::int AS routing_pattern,
       pg_temp.rnd_int('product.bom_lines', p, 2, 4)::int AS bom_lines
FROM generate_series(1, :n_products) AS p;
CREATE UNIQUE INDEX ON dim_products (product_id);

-- Routing: which machine positions of the home line a product visits, in order.
CREATE TEMP TABLE dim_routing AS
SELECT p.product_id,
       o.op_no::int AS op_no,
       o.pos AS line_position,
       (p.line_id - 1) * 5 + o.pos AS machine_id,
       mc.ideal_cycle_time_seconds
FROM dim_products AS p
CROSS JOIN LATERAL unnest((ARRAY['{1,2,5}', '{1,3,5}', '{2,3,5}', '{2,4,5}', '{1,2,4,5}',
                                 '{1,2,3,5}', '{1,3,4,5}', '{1,5}'])[p.routing_pattern]::int[])
  WITH ORDINALITY AS o (pos, op_no)
JOIN dim_machines AS mc ON mc.machine_id = (p.line_id - 1) * 5 + o.pos;
CREATE UNIQUE INDEX ON dim_routing (product_id, op_no);

-- BOM: lines 1..n-1 draw distinct raw/component materials, line n is packaging.
CREATE TEMP TABLE dim_bom AS
SELECT p.product_id,
       k AS line_no,
       mp.material_id,
       mt.material_type,
       CASE mt.material_type
         WHEN 'raw' THEN pg_temp.rnd_num('bom.qty', p.product_id * 10 + k, 0.02, 2.5, 3)
         WHEN 'component' THEN pg_temp.rnd_int('bom.qty', p.product_id * 10 + k, 1, 6)::numeric
         ELSE 1 END AS qty_per
FROM dim_products AS p
CROSS JOIN LATERAL generate_series(1, p.bom_lines) AS k
CROSS JOIN dim_material_pool_count AS c
JOIN dim_material_pool AS mp
  ON mp.pool = c.pool
 AND mp.rn = CASE WHEN k < p.bom_lines
                  THEN (floor(pg_temp.rnd('bom.material', p.product_id) * c.cnt)::int
                        + (k - 1) * (c.cnt / 3 + 1)) % c.cnt + 1
                  ELSE floor(pg_temp.rnd('bom.packaging', p.product_id) * c.cnt)::int + 1 END
JOIN dim_materials AS mt ON mt.material_id = mp.material_id
WHERE c.pool = CASE WHEN k < p.bom_lines THEN 'make' ELSE 'pack' END;
CREATE UNIQUE INDEX ON dim_bom (product_id, line_no);

-- Standard cost = BOM material at standard + conversion at the work centers' standard rates.
ALTER TABLE dim_products
  ADD COLUMN bottleneck_cycle_seconds numeric,
  ADD COLUMN standard_cost numeric,
  ADD COLUMN list_price numeric;
UPDATE dim_products AS p
SET bottleneck_cycle_seconds = r.bottleneck,
    standard_cost = round(coalesce(b.material_cost, 0) + r.conversion_cost, 4),
    list_price = round((coalesce(b.material_cost, 0) + r.conversion_cost)
                       * pg_temp.rnd_num('product.markup', p.product_id, 1.35, 2.20, 4), 2)
FROM (SELECT dr.product_id,
             max(dr.ideal_cycle_time_seconds) AS bottleneck,
             sum(dr.ideal_cycle_time_seconds / 3600 * (m.labor_rate_per_hour + m.overhead_rate_per_hour))
               AS conversion_cost
      FROM dim_routing AS dr JOIN dim_machines AS m USING (machine_id)
      GROUP BY dr.product_id) AS r
LEFT JOIN (SELECT b.product_id, sum(b.qty_per * m.standard_cost) AS material_cost
           FROM dim_bom AS b JOIN dim_materials AS m USING (material_id)
           GROUP BY b.product_id) AS b USING (product_id)
WHERE r.product_id = p.product_id;

-- Products each line can run, numbered for uniform draws.
CREATE TEMP TABLE dim_line_products AS
SELECT line_id, row_number() OVER (PARTITION BY line_id ORDER BY product_id)::int AS rn, product_id
FROM dim_products;
CREATE UNIQUE INDEX ON dim_line_products (line_id, rn);
CREATE TEMP TABLE dim_line_product_count AS
SELECT line_id, count(*)::int AS cnt FROM dim_line_products GROUP BY line_id;
CREATE UNIQUE INDEX ON dim_line_product_count (line_id);

-- Employees: factory and role per sql/README.md.
CREATE TEMP TABLE dim_employees AS
SELECT e AS employee_id,
       (e - 1) % :n_factories + 1 AS factory_id,
       CASE e % 20 WHEN 0 THEN 'sales_representative' WHEN 1 THEN 'quality_inspector'
                   WHEN 2 THEN 'maintenance_technician' WHEN 3 THEN 'supervisor'
                   WHEN 4 THEN 'planner' WHEN 5 THEN 'buyer' ELSE 'operator' END AS role
FROM generate_series(1, :n_employees) AS e;
CREATE UNIQUE INDEX ON dim_employees (employee_id);

CREATE TEMP TABLE dim_emp_pool AS
SELECT factory_id, role, row_number() OVER (PARTITION BY factory_id, role ORDER BY employee_id)::int AS rn,
       employee_id
FROM dim_employees;
CREATE UNIQUE INDEX ON dim_emp_pool (factory_id, role, rn);
CREATE TEMP TABLE dim_emp_pool_count AS
SELECT factory_id, role, count(*)::int AS cnt FROM dim_emp_pool GROUP BY factory_id, role;
CREATE UNIQUE INDEX ON dim_emp_pool_count (factory_id, role);

CREATE TEMP TABLE dim_role_pool AS
SELECT role, row_number() OVER (PARTITION BY role ORDER BY employee_id)::int AS rn, employee_id
FROM dim_employees;
CREATE UNIQUE INDEX ON dim_role_pool (role, rn);
CREATE TEMP TABLE dim_role_count AS
SELECT role, count(*)::int AS cnt FROM dim_role_pool GROUP BY role;
CREATE UNIQUE INDEX ON dim_role_count (role);

ANALYZE dim_machines, dim_materials, dim_material_pool, dim_products, dim_routing, dim_bom,
  dim_line_products, dim_line_product_count, dim_employees, dim_emp_pool, dim_emp_pool_count,
  dim_role_pool, dim_role_count;

-- An employee of `role` in factory f, drawn by u in [0,1). With an even number of factories the
-- README's e % 20 rule leaves some roles absent from half the factories; then the draw falls
-- back to the role's company-wide pool (a visiting specialist), and NULL only if nobody has it.
CREATE FUNCTION pg_temp.pick_employee(f bigint, r text, u double precision) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT p.employee_id
     FROM pg_temp.dim_emp_pool_count AS c
     JOIN pg_temp.dim_emp_pool AS p
       ON p.factory_id = c.factory_id AND p.role = c.role AND p.rn = 1 + floor(u * c.cnt)::int
     WHERE c.factory_id = f AND c.role = r),
    (SELECT p.employee_id
     FROM pg_temp.dim_role_count AS c
     JOIN pg_temp.dim_role_pool AS p ON p.role = c.role AND p.rn = 1 + floor(u * c.cnt)::int
     WHERE c.role = r))
$$;

-- UTC timestamp `seconds` after midnight of day d (session time zone independent).
CREATE FUNCTION pg_temp.day_ts(d date, seconds double precision) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
  SELECT (d::timestamp AT TIME ZONE 'UTC') + seconds * interval '1 second'
$$;

-- A timestamp between lo_days and hi_days days before day d, at a random time of day.
CREATE FUNCTION pg_temp.rnd_ts_before(stream text, i bigint, d date, lo_days int, hi_days int)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT pg_temp.day_ts(d - pg_temp.rnd_int(stream, i, lo_days, hi_days)::int,
                        86400 * pg_temp.rnd(stream || '.time', i))
$$;

-- A timestamp uniformly between a and b.
CREATE FUNCTION pg_temp.rnd_ts_between(stream text, i bigint, a timestamptz, b timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT a + (b - a) * pg_temp.rnd(stream, i)
$$;

-- Electricity tariff per factory (the plant setting energy.tariff_per_kwh).
CREATE TEMP TABLE dim_factories AS
SELECT f AS factory_id,
       pg_temp.rnd_num('factory.tariff', f, 0.08, 0.24, 4) AS tariff_per_kwh
FROM generate_series(1, :n_factories) AS f;
