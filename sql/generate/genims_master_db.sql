-- Generator of genims_master_db: the shared dimensions with dense ids 1..n (sql/README.md),
-- their satellites (contacts, addresses, BOMs, price lists, approved sources), daily exchange
-- rates over the history window and the system parameters. Attributes other databases must
-- agree on come from _master_dims.sql. Master data is not scaled by :volume, only by n_*.
\ir _prelude.sql
TRUNCATE factories, production_lines, machine_types, machines, shifts, warehouses, units_of_measure,
  uom_conversions, product_categories, suppliers, products, materials, supplier_materials, carriers,
  employees, customers, customer_contacts, customer_addresses, currencies, exchange_rates,
  price_lists, price_list_items, bom_headers, bom_lines, system_parameters
  RESTART IDENTITY CASCADE;

\ir _master_dims.sql

-- Places customers and suppliers are drawn from.
CREATE TEMP TABLE geo (geo_id int PRIMARY KEY, country_code char(2), city text, region text,
                       currency char(3), company_suffix text, phone_prefix text, lon float8, lat float8);
INSERT INTO geo VALUES
  (1, 'US', 'Chicago', 'AMER', 'USD', 'Inc.', '+1 312', -87.63, 41.88),
  (2, 'US', 'Houston', 'AMER', 'USD', 'LLC', '+1 713', -95.37, 29.76),
  (3, 'US', 'Atlanta', 'AMER', 'USD', 'Corp.', '+1 404', -84.39, 33.75),
  (4, 'US', 'Columbus', 'AMER', 'USD', 'Inc.', '+1 614', -83.00, 39.96),
  (5, 'CA', 'Toronto', 'AMER', 'USD', 'Ltd.', '+1 416', -79.38, 43.65),
  (6, 'MX', 'Monterrey', 'AMER', 'MXN', 'S.A. de C.V.', '+52 81', -100.32, 25.69),
  (7, 'BR', 'Campinas', 'AMER', 'BRL', 'Ltda.', '+55 19', -47.06, -22.91),
  (8, 'DE', 'Stuttgart', 'EMEA', 'EUR', 'GmbH', '+49 711', 9.18, 48.78),
  (9, 'DE', 'Hamburg', 'EMEA', 'EUR', 'GmbH & Co. KG', '+49 40', 9.99, 53.55),
  (10, 'FR', 'Lyon', 'EMEA', 'EUR', 'S.A.S.', '+33 4', 4.84, 45.76),
  (11, 'IT', 'Turin', 'EMEA', 'EUR', 'S.p.A.', '+39 011', 7.69, 45.07),
  (12, 'ES', 'Valencia', 'EMEA', 'EUR', 'S.L.', '+34 96', -0.38, 39.47),
  (13, 'NL', 'Eindhoven', 'EMEA', 'EUR', 'B.V.', '+31 40', 5.47, 51.44),
  (14, 'GB', 'Birmingham', 'EMEA', 'GBP', 'Ltd', '+44 121', -1.89, 52.49),
  (15, 'PL', 'Wroclaw', 'EMEA', 'PLN', 'Sp. z o.o.', '+48 71', 17.04, 51.11),
  (16, 'CZ', 'Brno', 'EMEA', 'CZK', 's.r.o.', '+420 5', 16.61, 49.20),
  (17, 'SE', 'Gothenburg', 'EMEA', 'EUR', 'AB', '+46 31', 11.97, 57.71),
  (18, 'CN', 'Shenzhen', 'APAC', 'CNY', 'Co., Ltd.', '+86 755', 114.06, 22.54),
  (19, 'CN', 'Ningbo', 'APAC', 'CNY', 'Co., Ltd.', '+86 574', 121.55, 29.87),
  (20, 'JP', 'Osaka', 'APAC', 'JPY', 'K.K.', '+81 6', 135.50, 34.69),
  (21, 'KR', 'Ulsan', 'APAC', 'KRW', 'Co., Ltd.', '+82 52', 129.31, 35.54),
  (22, 'IN', 'Chennai', 'APAC', 'INR', 'Pvt. Ltd.', '+91 44', 80.27, 13.08),
  (23, 'TH', 'Rayong', 'APAC', 'USD', 'Co., Ltd.', '+66 38', 101.25, 12.68),
  (24, 'AU', 'Melbourne', 'APAC', 'USD', 'Pty Ltd', '+61 3', 144.96, -37.81);

CREATE TEMP TABLE person_names AS
SELECT '{Anna,James,Maria,Wei,Lukas,Sofia,Mohammed,Emma,Hiroshi,Priya,Carlos,Olga,Daniel,Chen,Fatima,Jan,Laura,Ahmed,Yuki,Pedro,Elena,Marco,Aisha,Tomasz,Grace,Rahul,Ines,Kenji,Julia,Omar,Sara,Mateo,Hannah,Ravi,Lea,Diego,Mei,Pavel,Chloe,Arjun}'::text[] AS first_names,
       '{Schmidt,Smith,Garcia,Wang,Muller,Rossi,Khan,Johnson,Tanaka,Patel,Hernandez,Ivanova,Brown,Li,Nowak,Novak,Dubois,Kim,Silva,Martin,Fischer,Lopez,Sato,Kowalski,Nguyen,Singh,Moreau,Yamamoto,Weber,Costa,Andersson,Jensen,Murphy,Reddy,Bauer,Ortiz,Zhang,Horvat,Clarke,Gupta}'::text[] AS last_names;

-- Company names: prefix + trade word + legal suffix of the country.
CREATE TEMP TABLE company_words AS
SELECT '{Nordic,Pacific,Summit,Atlas,Vertex,Pioneer,Sterling,Horizon,Keystone,Meridian,Apex,Crescent,Falcon,Granite,Harbor,Liberty,Orion,Redwood,Silverline,Titan,United,Vanguard,Zenith,Allied}'::text[] AS prefixes,
       '{Industrial Supply,Motion Systems,Automotive Parts,Machinery,Equipment,Components,Fluid Power,Electrical,Distribution,Engineering,Mobility,Appliances,Agritech,Energy Systems,Building Products,Rail Systems,Marine,Tooling}'::text[] AS customer_words,
       '{Metals,Polymers,Steel,Alloys,Fasteners,Bearings,Electronics,Packaging,Logistics Services,Maintenance Services,Coatings,Castings,Springs,Cables,Plastics,Chemicals,Precision Parts,Sensors}'::text[] AS supplier_words;

INSERT INTO factories (factory_id, factory_code, name, city, country_code, region, timezone, address,
                       opened_on, floor_area_m2, status, created_at, updated_at, modified_by)
SELECT f, 'F' || lpad(f::text, 2, '0'),
       t.name || CASE WHEN f > 12 THEN ' ' || ((f - 1) / 12 + 1) ELSE '' END,
       t.city, t.cc, t.region, t.tz,
       pg_temp.rnd_int('factory.street_no', f, 1, 899) || ' ' || t.street || ', ' || t.city,
       date '1978-01-01' + pg_temp.rnd_int('factory.opened', f, 0, 14000)::int,
       pg_temp.rnd_num('factory.area', f, 18000, 95000, 3),
       'active', c.created_at, c.created_at, 'mdm_import'
FROM generate_series(1, :n_factories) AS f
JOIN (VALUES (1, 'Detroit Stamping and Assembly', 'Detroit', 'US', 'AMER', 'America/Detroit', 'Industrial Hwy'),
             (2, 'Stuttgart Precision Works', 'Stuttgart', 'DE', 'EMEA', 'Europe/Berlin', 'Industriestrasse'),
             (3, 'Suzhou Components Plant', 'Suzhou', 'CN', 'APAC', 'Asia/Shanghai', 'Xinghu Street'),
             (4, 'Monterrey Molding Plant', 'Monterrey', 'MX', 'AMER', 'America/Monterrey', 'Av. Industrial'),
             (5, 'Pune Machining Plant', 'Pune', 'IN', 'APAC', 'Asia/Kolkata', 'MIDC Road'),
             (6, 'Brno Electronics Assembly', 'Brno', 'CZ', 'EMEA', 'Europe/Prague', 'Vidensk'),
             (7, 'Nagoya Drivetrain Plant', 'Nagoya', 'JP', 'APAC', 'Asia/Tokyo', 'Minato-ku'),
             (8, 'Sao Paulo Fabrication', 'Sao Paulo', 'BR', 'AMER', 'America/Sao_Paulo', 'Rodovia Anhanguera'),
             (9, 'Lyon Surface Technologies', 'Lyon', 'FR', 'EMEA', 'Europe/Paris', 'Rue de l''Industrie'),
             (10, 'Greenville Packaging Plant', 'Greenville', 'US', 'AMER', 'America/New_York', 'Perimeter Rd'),
             (11, 'Gdansk Welding Works', 'Gdansk', 'PL', 'EMEA', 'Europe/Warsaw', 'ul. Przemyslowa'),
             (12, 'Busan Casting Plant', 'Busan', 'KR', 'APAC', 'Asia/Seoul', 'Noksan Industrial-ro'))
  AS t (i, name, city, cc, region, tz, street) ON t.i = (f - 1) % 12 + 1
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('factory.created', f, :'start_date', 1500, 2500) AS created_at) AS c;

INSERT INTO production_lines (line_id, factory_id, line_code, name, line_type, takt_time_seconds,
                              commissioned_on, status, created_at, updated_at, modified_by)
SELECT l, (l - 1) / 4 + 1,
       'F' || lpad(((l - 1) / 4 + 1)::text, 2, '0') || '-L' || ((l - 1) % 4 + 1),
       (ARRAY['CNC Machining Line', 'Injection Molding Line', 'Sheet Metal Fabrication Line', 'Final Assembly Line'])[(l - 1) % 4 + 1]
         || ' ' || ((l - 1) % 4 + 1),
       (ARRAY['machining', 'molding', 'fabrication', 'assembly'])[(l - 1) % 4 + 1],
       round(b.bottleneck * 1.10, 2),
       fa.opened_on + pg_temp.rnd_int('line.commissioned', l, 30, 2000)::int,
       'active', c.created_at, c.created_at, 'mdm_import'
FROM generate_series(1, 4 * :n_factories) AS l
JOIN factories AS fa ON fa.factory_id = (l - 1) / 4 + 1
JOIN (SELECT line_id, max(ideal_cycle_time_seconds) AS bottleneck FROM dim_machines GROUP BY line_id) AS b
  ON b.line_id = l
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('line.created', l, :'start_date', 1000, 1400) AS created_at) AS c;

INSERT INTO machine_types (machine_type_id, type_code, name, category, base_cycle_time_seconds,
                           rated_power_kw, maintenance_interval_hours, created_at, updated_at, modified_by)
SELECT machine_type_id, type_code, name, category, base_cycle_seconds, rated_power_kw,
       maintenance_interval_hours, c.created_at, c.created_at, 'mdm_import'
FROM dim_machine_types
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('mtype.created', machine_type_id, :'start_date', 1400, 1500) AS created_at) AS c;

INSERT INTO machines (machine_id, machine_code, name, factory_id, line_id, line_position, machine_type_id,
                      manufacturer, model, serial_number, ideal_cycle_time_seconds, rated_capacity_per_hour,
                      rated_power_kw, install_date, status, specs, tags, created_at, updated_at, modified_by)
SELECT m.machine_id,
       pl.line_code || '-M' || m.line_position,
       t.name || ' ' || pl.line_code || '/' || m.line_position,
       m.factory_id, m.line_id, m.line_position, m.machine_type_id,
       mf.manufacturer,
       upper(left(mf.manufacturer, 3)) || '-' || t.type_code || ' ' || pg_temp.rnd_int('machine.model', m.machine_id, 100, 990),
       'SN' || upper(lpad(to_hex(pg_temp.rnd_int('machine.serial', m.machine_id, 0, 4294967295)), 8, '0')),
       m.ideal_cycle_time_seconds,
       round(3600 / m.ideal_cycle_time_seconds, 3),
       m.rated_power_kw,
       pl.commissioned_on + pg_temp.rnd_int('machine.installed', m.machine_id, 0, 900)::int,
       CASE WHEN pg_temp.rnd_bool('machine.status', m.machine_id, 0.95) THEN 'active'
            ELSE pg_temp.rnd_pick('machine.status.other', m.machine_id, '{maintenance,maintenance,idle}') END,
       jsonb_build_object(
         'controller', pg_temp.rnd_pick('machine.controller', m.machine_id,
                                        '{Siemens Sinumerik 840D,Fanuc 31i,Heidenhain TNC 640,Allen-Bradley ControlLogix,Beckhoff CX5140,Mitsubishi M80}'),
         'voltage_v', 400,
         'air_pressure_bar', 6,
         'footprint_m', jsonb_build_array(pg_temp.rnd_num('machine.len', m.machine_id, 1.5, 9, 1),
                                          pg_temp.rnd_num('machine.wid', m.machine_id, 1.2, 4, 1)),
         'weight_kg', pg_temp.rnd_int('machine.weight', m.machine_id, 800, 42000),
         'safety_category', pg_temp.rnd_pick('machine.safety', m.machine_id, '{PL d,PL e,PL c}')),
       ARRAY[lower(t.type_code), m.category]
         || CASE WHEN m.line_position = 1 THEN '{line_head}'::text[] ELSE '{}' END
         || CASE WHEN pg_temp.rnd_bool('machine.critical', m.machine_id, 0.25) THEN '{critical}'::text[] ELSE '{}' END,
       c.created_at, c.created_at + (pg_temp.rnd('machine.updated', m.machine_id) * interval '300 days'),
       CASE WHEN pg_temp.rnd_bool('machine.edited', m.machine_id, 0.4)
            THEN 'user' || pg_temp.pick_employee(m.factory_id, 'maintenance_technician', pg_temp.rnd('machine.editor', m.machine_id))
            ELSE 'mdm_import' END
FROM dim_machines AS m
JOIN dim_machine_types AS t USING (machine_type_id)
JOIN production_lines AS pl ON pl.line_id = m.line_id
CROSS JOIN LATERAL (SELECT t.manufacturers[1 + floor(pg_temp.rnd('machine.maker', m.machine_id)
                                                     * array_length(t.manufacturers, 1))::int] AS manufacturer) AS mf
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('machine.created', m.machine_id, :'start_date', 700, 1000) AS created_at) AS c;

INSERT INTO shifts (shift_id, factory_id, shift_number, name, start_time, end_time, duration, break_minutes,
                    crosses_midnight, created_at, updated_at, modified_by)
SELECT s, (s - 1) / 3 + 1, (s - 1) % 3 + 1,
       (ARRAY['Early', 'Late', 'Night'])[(s - 1) % 3 + 1],
       (ARRAY[time '06:00', time '14:00', time '22:00'])[(s - 1) % 3 + 1],
       (ARRAY[time '14:00', time '22:00', time '06:00'])[(s - 1) % 3 + 1],
       interval '8 hours', 30, (s - 1) % 3 = 2,
       f.created_at, f.created_at, 'mdm_import'
FROM generate_series(1, 3 * :n_factories) AS s
JOIN factories AS f ON f.factory_id = (s - 1) / 3 + 1;

INSERT INTO warehouses (warehouse_id, warehouse_code, name, factory_id, warehouse_type, capacity_pallets,
                        is_bonded, created_at, updated_at, modified_by)
SELECT w, f.factory_code || CASE WHEN w % 2 = 1 THEN '-RM' ELSE '-FG' END,
       f.city || CASE WHEN w % 2 = 1 THEN ' Raw Materials Store' ELSE ' Finished Goods Warehouse' END,
       f.factory_id,
       CASE WHEN w % 2 = 1 THEN 'raw_materials' ELSE 'finished_goods' END,
       pg_temp.rnd_int('warehouse.capacity', w, 8, 60)::int * 100,
       pg_temp.rnd_bool('warehouse.bonded', w, 0.2),
       f.created_at, f.created_at, 'mdm_import'
FROM generate_series(1, 2 * :n_factories) AS w
JOIN factories AS f ON f.factory_id = (w - 1) / 2 + 1;

INSERT INTO units_of_measure (uom_id, uom_code, name, dimension, decimals, created_at, updated_at, modified_by)
SELECT u.id, u.code, u.name, u.dim, u.dec, c.ts, c.ts, 'mdm_import'
FROM (VALUES (1, 'EA', 'Each', 'count', 0), (2, 'KG', 'Kilogram', 'mass', 3), (3, 'G', 'Gram', 'mass', 1),
             (4, 'T', 'Metric ton', 'mass', 3), (5, 'L', 'Litre', 'volume', 3), (6, 'ML', 'Millilitre', 'volume', 0),
             (7, 'M', 'Metre', 'length', 3), (8, 'MM', 'Millimetre', 'length', 1), (9, 'M2', 'Square metre', 'area', 3),
             (10, 'M3', 'Cubic metre', 'volume', 3), (11, 'BOX', 'Box', 'count', 0), (12, 'PAL', 'Pallet', 'count', 0),
             (13, 'ROLL', 'Roll', 'count', 0), (14, 'SET', 'Set', 'count', 0), (15, 'H', 'Hour', 'time', 2))
  AS u (id, code, name, dim, dec)
CROSS JOIN (SELECT pg_temp.rnd_ts_before('uom.created', 1, :'start_date', 2600, 2600) AS ts) AS c;

INSERT INTO uom_conversions (conversion_id, from_uom_id, to_uom_id, factor, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY v.f, v.t), v.f, v.t, v.factor, c.ts, c.ts, 'mdm_import'
FROM (VALUES (2, 3, 1000), (3, 2, 0.001), (4, 2, 1000), (2, 4, 0.001), (3, 4, 0.000001), (5, 6, 1000),
             (6, 5, 0.001), (10, 5, 1000), (5, 10, 0.001), (7, 8, 1000), (8, 7, 0.001)) AS v (f, t, factor)
CROSS JOIN (SELECT pg_temp.rnd_ts_before('uom.created', 1, :'start_date', 2600, 2600) AS ts) AS c;

CREATE TEMP TABLE category_templates (category_id int PRIMARY KEY, code text, name text, description text,
                                      warranty int, item_names text[], weight_lo numeric, weight_hi numeric);
INSERT INTO category_templates VALUES
  (1, 'SHF', 'Precision Shafts', 'Ground and hardened drive, output and spline shafts', 24,
   '{Drive Shaft,Output Shaft,Spline Shaft,Pinion Shaft,Eccentric Shaft}', 0.4, 12),
  (2, 'HSG', 'Machined Housings', 'Aluminium and cast-iron housings machined to IT7', 24,
   '{Gearbox Housing,Pump Housing,Bearing Housing,Valve Body,Motor End Shield}', 0.8, 25),
  (3, 'HYD', 'Hydraulic Fittings', 'Fittings, adaptors and manifolds for 350 bar systems', 36,
   '{Straight Adaptor,Elbow Fitting,Tee Fitting,Manifold Block,Banjo Fitting}', 0.05, 3),
  (4, 'ENC', 'Molded Enclosures', 'Injection-molded enclosures and covers, IP65 to IP68', 12,
   '{Junction Box,Sensor Housing,Battery Cover,Control Enclosure,Display Bezel}', 0.05, 2),
  (5, 'CON', 'Plastic Connectors', 'Automotive-grade multi-pin connectors and clips', 12,
   '{2-Pin Connector,8-Pin Connector,Harness Clip,Locking Connector,Sealed Connector}', 0.005, 0.2),
  (6, 'SEL', 'Seals and Gaskets', 'Elastomer seals, gaskets and o-ring kits', 12,
   '{Shaft Seal,Flat Gasket,O-Ring Kit,Lip Seal,Valve Seal}', 0.005, 0.5),
  (7, 'BRK', 'Sheet Metal Brackets', 'Stamped and formed steel brackets and clips', 24,
   '{Mounting Bracket,L-Bracket,Support Strap,Heat Shield,Reinforcement Plate}', 0.05, 4),
  (8, 'FRM', 'Welded Frames', 'Robot-welded steel frames and subframes', 36,
   '{Machine Frame,Seat Frame,Battery Tray,Subframe,Cab Frame}', 4, 80),
  (9, 'PNL', 'Painted Panels', 'Powder-coated access panels and doors', 24,
   '{Access Panel,Side Door,Front Cover,Service Hatch,Roof Panel}', 1, 18),
  (10, 'ECU', 'Electronic Control Units', 'Assembled and end-of-line tested control units', 24,
   '{Motor Controller,Gateway ECU,Pump Controller,Lighting Module,Charger Unit}', 0.2, 3),
  (11, 'SNS', 'Sensor Assemblies', 'Calibrated pressure, speed and position sensors', 24,
   '{Pressure Sensor,Speed Sensor,Position Sensor,Level Sensor,Temperature Probe}', 0.05, 1),
  (12, 'KIT', 'Power Tool Kits', 'Boxed kits of tools, batteries and accessories', 12,
   '{Drill Kit,Impact Driver Kit,Grinder Kit,Saw Kit,Combo Kit}', 1.5, 9);

INSERT INTO product_categories (category_id, category_code, name, description, default_warranty_months,
                                created_at, updated_at, modified_by)
SELECT category_id, code, name, description, warranty, c.ts, c.ts, 'mdm_import'
FROM category_templates
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('category.created', category_id, :'start_date', 2000, 2400) AS ts) AS c;

INSERT INTO suppliers (supplier_id, supplier_code, name, country_code, category, payment_terms_days, currency,
                       rating, email, phone, iso9001_certified, status, onboarded_on, created_at, updated_at, modified_by)
SELECT s, 'SUP-' || lpad(s::text, 5, '0'), x.name, g.country_code,
       (ARRAY['raw_materials', 'components', 'packaging', 'services', 'mro'])[(s - 1) % 5 + 1],
       pg_temp.rnd_pick('supplier.terms', s, '{30,45,60,60,90}')::int,
       g.currency,
       pg_temp.rnd_num('supplier.rating', s, 2.2, 5, 2),
       'orders@' || lower(regexp_replace(x.name, '[^A-Za-z]+', '', 'g')) || '.example',
       g.phone_prefix || ' ' || pg_temp.rnd_int('supplier.phone', s, 1000000, 9999999),
       pg_temp.rnd_bool('supplier.iso', s, 0.8),
       CASE WHEN pg_temp.rnd_bool('supplier.status', s, 0.92) THEN 'approved'
            WHEN pg_temp.rnd_bool('supplier.status2', s, 0.7) THEN 'probation' ELSE 'blocked' END,
       c.ts::date, c.ts, c.ts + pg_temp.rnd('supplier.updated', s) * (:'start_date'::timestamptz - c.ts),
       CASE WHEN pg_temp.rnd_bool('supplier.edited', s, 0.5)
            THEN 'user' || pg_temp.pick_employee(NULL, 'buyer', pg_temp.rnd('supplier.editor', s)) ELSE 'mdm_import' END
FROM generate_series(1, :n_suppliers) AS s
CROSS JOIN company_words AS w
JOIN geo AS g ON g.geo_id = pg_temp.rnd_int('supplier.geo', s, 1, 24)
CROSS JOIN LATERAL (SELECT w.prefixes[pg_temp.rnd_int('supplier.prefix', s, 1, 24)] || ' '
                             || w.supplier_words[pg_temp.rnd_int('supplier.word', s, 1, 18)] || ' '
                             || g.company_suffix AS name) AS x
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('supplier.created', s, :'start_date', 60, 3000) AS ts) AS c;

INSERT INTO materials (material_id, material_code, name, material_type, uom_id, standard_cost, currency,
                       lead_time_days, min_order_qty, preferred_supplier_id, hazardous, specs, status,
                       created_at, updated_at, modified_by)
SELECT m.material_id,
       'MAT-' || lpad(m.material_id::text, 6, '0'),
       m.base_name || ' ' || upper(left(m.material_type, 1)) || lpad(m.material_id::text, 5, '0'),
       m.material_type, m.uom_id, m.standard_cost, 'USD',
       CASE m.material_type WHEN 'raw' THEN pg_temp.rnd_int('material.lead', m.material_id, 14, 60)
                            WHEN 'component' THEN pg_temp.rnd_int('material.lead', m.material_id, 7, 45)
                            ELSE pg_temp.rnd_int('material.lead', m.material_id, 3, 14) END,
       (ARRAY[25, 50, 100, 250, 500, 1000])[pg_temp.rnd_int('material.moq', m.material_id, 1, 6)],
       s.supplier_id,
       m.base_name IN ('Hydraulic oil HLP 46', 'Solder paste SAC305', 'Li-ion battery pack 18V', 'Epoxy powder coat'),
       jsonb_build_object('spec_revision', pg_temp.rnd_pick('material.rev', m.material_id, '{A,B,C,D}'),
                          'rohs', pg_temp.rnd_bool('material.rohs', m.material_id, 0.9),
                          'reach_svhc', pg_temp.rnd_bool('material.svhc', m.material_id, 0.05),
                          'country_of_origin', g.country_code),
       CASE WHEN pg_temp.rnd_bool('material.status', m.material_id, 0.97) THEN 'active' ELSE 'blocked' END,
       c.ts, c.ts + pg_temp.rnd('material.updated', m.material_id) * (:'start_date'::timestamptz - c.ts),
       CASE WHEN pg_temp.rnd_bool('material.edited', m.material_id, 0.5)
            THEN 'user' || pg_temp.pick_employee(NULL, 'buyer', pg_temp.rnd('material.editor', m.material_id))
            ELSE 'mdm_import' END
FROM dim_materials AS m
JOIN geo AS g ON g.geo_id = pg_temp.rnd_int('material.origin', m.material_id, 1, 24)
-- preferred supplier: one whose category matches the material type (suppliers 5k+1, 5k+2, 5k+3)
LEFT JOIN suppliers AS s
  ON s.supplier_id = 5 * pg_temp.rnd_int('material.supplier', m.material_id, 0,
                                         greatest((:n_suppliers - CASE m.material_type WHEN 'raw' THEN 1
                                                   WHEN 'component' THEN 2 ELSE 3 END) / 5, 0))
                     + CASE m.material_type WHEN 'raw' THEN 1 WHEN 'component' THEN 2 ELSE 3 END
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('material.created', m.material_id, :'start_date', 30, 2500) AS ts) AS c;

-- Approved sources: the preferred supplier, and for half the materials a second one.
INSERT INTO supplier_materials (supplier_material_id, supplier_id, material_id, supplier_part_number, unit_price,
                                currency, lead_time_days, min_order_qty, is_preferred, valid_from, valid_to,
                                created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY x.material_id, x.is_preferred DESC),
       x.supplier_id, x.material_id,
       upper(left(regexp_replace(s.name, '[^A-Za-z]+', '', 'g'), 3)) || '-' || lpad(pg_temp.rnd_int('sm.partno', x.material_id * 2 + x.src, 1, 999999)::text, 6, '0'),
       round(x.standard_cost * pg_temp.rnd_num('sm.price', x.material_id * 2 + x.src, 0.92, 1.10, 4), 4),
       'USD', x.lead_time_days + pg_temp.rnd_int('sm.lead', x.material_id * 2 + x.src, -3, 10)::int,
       x.min_order_qty, x.is_preferred,
       x.created_at::date, NULL, x.created_at, x.created_at, x.modified_by
FROM (SELECT m.material_id, m.standard_cost, m.lead_time_days, m.min_order_qty, m.created_at, m.modified_by,
             0 AS src, true AS is_preferred, m.preferred_supplier_id AS supplier_id
      FROM materials AS m WHERE m.preferred_supplier_id IS NOT NULL
      UNION ALL
      SELECT m.material_id, m.standard_cost, m.lead_time_days, m.min_order_qty, m.created_at, m.modified_by,
             1, false, m.preferred_supplier_id + 5 * (1 + pg_temp.rnd_int('sm.second', m.material_id, 0, 3))
      FROM materials AS m
      WHERE m.preferred_supplier_id IS NOT NULL AND pg_temp.rnd_bool('sm.has_second', m.material_id, 0.5)) AS x
JOIN suppliers AS s ON s.supplier_id = x.supplier_id;

INSERT INTO carriers (carrier_id, carrier_code, name, mode, rate_per_kg, min_charge, currency, on_time_target_pct,
                      contact_email, phone, active, created_at, updated_at, modified_by)
SELECT k, x.code, x.name, x.mode,
       CASE x.mode WHEN 'road' THEN pg_temp.rnd_num('carrier.rate', k, 0.08, 0.25, 4)
                   WHEN 'rail' THEN pg_temp.rnd_num('carrier.rate', k, 0.04, 0.10, 4)
                   WHEN 'air' THEN pg_temp.rnd_num('carrier.rate', k, 2.50, 6.00, 4)
                   ELSE pg_temp.rnd_num('carrier.rate', k, 0.02, 0.06, 4) END,
       CASE x.mode WHEN 'air' THEN 150 WHEN 'sea' THEN 400 ELSE 75 END,
       'USD', pg_temp.rnd_num('carrier.otd', k, 90, 98, 1),
       'dispatch@' || lower(regexp_replace(x.name, '[^A-Za-z]+', '', 'g')) || '.example',
       '+1 800 ' || pg_temp.rnd_int('carrier.phone', k, 1000000, 9999999),
       pg_temp.rnd_bool('carrier.active', k, 0.95),
       c.ts, c.ts, 'mdm_import'
FROM generate_series(1, :n_carriers) AS k
CROSS JOIN LATERAL (
  SELECT mode,
         (ARRAY['Swift', 'Blue Line', 'Continental', 'Express', 'Trans', 'Global', 'Coastal', 'Rapid', 'Prime', 'Euro'])
           [pg_temp.rnd_int('carrier.name1', k, 1, 10)]
         || ' ' || CASE mode WHEN 'road' THEN 'Trucking' WHEN 'rail' THEN 'Rail Freight' WHEN 'air' THEN 'Air Cargo'
                             ELSE 'Ocean Lines' END
         || CASE WHEN k > 10 THEN ' ' || k ELSE '' END AS name,
         -- two seeded letters + two from k: unique for up to 676 carriers
         chr(65 + pg_temp.rnd_int('carrier.code1', k, 0, 25)::int) || chr(65 + pg_temp.rnd_int('carrier.code2', k, 0, 25)::int)
           || chr(65 + (k / 26) % 26) || chr(65 + k % 26) AS code
  FROM (SELECT pg_temp.rnd_pick('carrier.mode', k, '{road,road,road,road,road,rail,rail,air,air,sea,sea}') AS mode) AS mm
) AS x
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('carrier.created', k, :'start_date', 100, 2000) AS ts) AS c;

INSERT INTO employees (employee_id, employee_number, first_name, last_name, email, phone, factory_id, role, job_title,
                       manager_id, default_shift_id, hire_date, status, created_at, updated_at, modified_by)
SELECT e.employee_id,
       'E' || lpad(e.employee_id::text, 6, '0'),
       n.first_name, n.last_name,
       lower(n.first_name || '.' || n.last_name) || e.employee_id || '@genims.example',
       '+1 555 ' || lpad(pg_temp.rnd_int('employee.phone', e.employee_id, 0, 9999999)::text, 7, '0'),
       e.factory_id, e.role,
       CASE e.role
         WHEN 'operator' THEN pg_temp.rnd_pick('employee.title', e.employee_id,
                                               '{Machine Operator,Machine Operator,Senior Machine Operator,Line Operator,Setter-Operator}')
         WHEN 'supervisor' THEN 'Shift Supervisor'
         WHEN 'quality_inspector' THEN pg_temp.rnd_pick('employee.title', e.employee_id, '{Quality Inspector,Senior Quality Inspector}')
         WHEN 'maintenance_technician' THEN pg_temp.rnd_pick('employee.title', e.employee_id,
                                                             '{Maintenance Technician,Electrical Technician,Mechanical Technician}')
         WHEN 'planner' THEN 'Production Planner'
         WHEN 'buyer' THEN pg_temp.rnd_pick('employee.title', e.employee_id, '{Buyer,Senior Buyer,Commodity Manager}')
         ELSE pg_temp.rnd_pick('employee.title', e.employee_id, '{Sales Representative,Account Manager,Key Account Manager}')
       END,
       CASE WHEN e.role IN ('operator', 'quality_inspector', 'maintenance_technician')
            THEN pg_temp.pick_employee(e.factory_id, 'supervisor', pg_temp.rnd('employee.manager', e.employee_id)) END,
       CASE WHEN e.role IN ('operator', 'supervisor', 'quality_inspector', 'maintenance_technician')
            THEN (e.factory_id - 1) * 3 + ((e.employee_id - 1) / :n_factories) % 3 + 1 END,
       h.hire_date,
       CASE WHEN pg_temp.rnd_bool('employee.leave', e.employee_id, 0.03) THEN 'on_leave' ELSE 'active' END,
       c.ts, c.ts + pg_temp.rnd('employee.updated', e.employee_id) * (:'start_date'::timestamptz - c.ts),
       'hr_sync'
FROM dim_employees AS e
CROSS JOIN person_names AS pn
CROSS JOIN LATERAL (SELECT pn.first_names[pg_temp.rnd_int('employee.first', e.employee_id, 1, 40)] AS first_name,
                           pn.last_names[pg_temp.rnd_int('employee.last', e.employee_id, 1, 40)] AS last_name) AS n
CROSS JOIN LATERAL (SELECT :'start_date'::date - pg_temp.rnd_int('employee.hired', e.employee_id, 20, 9000)::int AS hire_date) AS h
CROSS JOIN LATERAL (SELECT pg_temp.day_ts(h.hire_date - 7, 32400 + 3600 * pg_temp.rnd('employee.created', e.employee_id)) AS ts) AS c;

INSERT INTO customers (customer_id, customer_code, name, segment, region, country_code, city, credit_limit,
                       payment_terms_days, currency, email, phone, tax_id, sales_rep_employee_id, status,
                       customer_since, created_at, updated_at, modified_by)
SELECT k, 'CUST-' || lpad(k::text, 6, '0'), x.name, x.segment, g.region, g.country_code, g.city,
       round(CASE x.segment WHEN 'oem' THEN pg_temp.rnd_num('customer.credit', k, 250000, 2000000, 0)
                            WHEN 'distributor' THEN pg_temp.rnd_num('customer.credit', k, 100000, 800000, 0)
                            WHEN 'retail' THEN pg_temp.rnd_num('customer.credit', k, 20000, 150000, 0)
                            WHEN 'aftermarket' THEN pg_temp.rnd_num('customer.credit', k, 50000, 400000, 0)
                            ELSE pg_temp.rnd_num('customer.credit', k, 100000, 1000000, 0) END, -3),
       CASE WHEN x.segment = 'government' THEN pg_temp.rnd_pick('customer.terms', k, '{60,90}')::int
            ELSE pg_temp.rnd_pick('customer.terms', k, '{30,30,45,60,90}')::int END,
       g.currency,
       'purchasing@' || lower(regexp_replace(x.name, '[^A-Za-z]+', '', 'g')) || '.example',
       g.phone_prefix || ' ' || pg_temp.rnd_int('customer.phone', k, 1000000, 9999999),
       g.country_code || lpad(pg_temp.rnd_int('customer.tax', k, 0, 999999999)::text, 9, '0'),
       pg_temp.pick_employee(NULL, 'sales_representative', pg_temp.rnd('customer.rep', k)),
       CASE WHEN pg_temp.rnd_bool('customer.status', k, 0.92) THEN 'active'
            WHEN pg_temp.rnd_bool('customer.status2', k, 0.6) THEN 'on_hold' ELSE 'inactive' END,
       c.ts::date, c.ts, c.ts + pg_temp.rnd('customer.updated', k) * (:'start_date'::timestamptz - c.ts),
       CASE WHEN pg_temp.rnd_bool('customer.edited', k, 0.5)
            THEN 'user' || pg_temp.pick_employee(NULL, 'sales_representative', pg_temp.rnd('customer.editor', k))
            ELSE 'mdm_import' END
FROM generate_series(1, :n_customers) AS k
CROSS JOIN company_words AS w
JOIN geo AS g ON g.geo_id = pg_temp.rnd_int('customer.geo', k, 1, 24)
CROSS JOIN LATERAL (SELECT w.prefixes[pg_temp.rnd_int('customer.prefix', k, 1, 24)] || ' '
                             || w.customer_words[pg_temp.rnd_int('customer.word', k, 1, 18)] || ' '
                             || g.company_suffix AS name,
                           pg_temp.rnd_pick('customer.segment', k,
                                            '{oem,oem,oem,distributor,distributor,distributor,retail,aftermarket,aftermarket,government}') AS segment) AS x
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('customer.created', k, :'start_date', 30, 4000) AS ts) AS c;

INSERT INTO customer_contacts (contact_id, customer_id, first_name, last_name, job_title, email, phone, is_primary,
                               marketing_consent, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY cu.customer_id, j), cu.customer_id, n.first_name, n.last_name,
       CASE WHEN j = 1 THEN 'Purchasing Manager'
            ELSE pg_temp.rnd_pick('contact.title', cu.customer_id * 4 + j,
                                  '{Buyer,Accounts Payable Clerk,Quality Manager,Logistics Coordinator,Plant Manager,Engineering Lead}') END,
       lower(n.first_name || '.' || n.last_name) || '@' || split_part(cu.email, '@', 2),
       left(cu.phone, length(cu.phone) - 3) || lpad(pg_temp.rnd_int('contact.ext', cu.customer_id * 4 + j, 0, 999)::text, 3, '0'),
       j = 1,
       pg_temp.rnd_bool('contact.consent', cu.customer_id * 4 + j, 0.4),
       cu.created_at + (j - 1) * interval '45 days', cu.created_at + (j - 1) * interval '45 days', cu.modified_by
FROM customers AS cu
CROSS JOIN person_names AS pn
CROSS JOIN LATERAL generate_series(1, pg_temp.rnd_int('contact.count', cu.customer_id, 1, 3)::int) AS j
CROSS JOIN LATERAL (SELECT pn.first_names[pg_temp.rnd_int('contact.first', cu.customer_id * 4 + j, 1, 40)] AS first_name,
                           pn.last_names[pg_temp.rnd_int('contact.last', cu.customer_id * 4 + j, 1, 40)] AS last_name) AS n;

INSERT INTO customer_addresses (address_id, customer_id, address_type, line1, city, postal_code, country_code,
                                location, is_default, delivery_instructions, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY cu.customer_id, j), cu.customer_id,
       CASE WHEN j = 1 THEN 'bill_to' ELSE 'ship_to' END,
       pg_temp.rnd_int('address.no', cu.customer_id * 4 + j, 1, 2500) || ' '
         || pg_temp.rnd_pick('address.street', cu.customer_id * 4 + j,
                             '{Commerce Drive,Harbour Road,Industrial Park,Logistics Way,Main Street,Factory Lane,Technology Blvd}'),
       g.city,
       lpad(pg_temp.rnd_int('address.zip', cu.customer_id * 4 + j, 1000, 99999)::text, 5, '0'),
       g.country_code,
       point(round((g.lon + pg_temp.rnd('address.lon', cu.customer_id * 4 + j) * 0.4 - 0.2)::numeric, 5)::float8,
             round((g.lat + pg_temp.rnd('address.lat', cu.customer_id * 4 + j) * 0.4 - 0.2)::numeric, 5)::float8),
       j <= 2,
       CASE WHEN j > 1 AND pg_temp.rnd_bool('address.instr', cu.customer_id * 4 + j, 0.4)
            THEN pg_temp.rnd_pick('address.instr.text', cu.customer_id * 4 + j,
                                  '{Dock 4 only; trucks over 12 m must call ahead,Deliveries Mon-Fri 07:00-15:00,Forklift unloading available; pallets max 1.2 m high,Security check at gate B: show delivery note,Call receiving 30 min before arrival}') END,
       cu.created_at, cu.created_at, cu.modified_by
FROM customers AS cu
JOIN geo AS g ON g.city = cu.city AND g.country_code = cu.country_code
CROSS JOIN LATERAL generate_series(1, pg_temp.rnd_int('address.count', cu.customer_id, 2, 3)::int) AS j;

INSERT INTO currencies (currency_id, currency_code, name, symbol, decimals, created_at, updated_at, modified_by)
SELECT v.id, v.code, v.name, v.symbol, v.dec, c.ts, c.ts, 'mdm_import'
FROM (VALUES (1, 'USD', 'US Dollar', '$', 2), (2, 'EUR', 'Euro', '€', 2), (3, 'GBP', 'Pound Sterling', '£', 2),
             (4, 'CNY', 'Yuan Renminbi', '¥', 2), (5, 'JPY', 'Yen', '¥', 0), (6, 'INR', 'Indian Rupee', '₹', 2),
             (7, 'MXN', 'Mexican Peso', '$', 2), (8, 'BRL', 'Brazilian Real', 'R$', 2), (9, 'CZK', 'Czech Koruna', 'Kč', 2),
             (10, 'PLN', 'Zloty', 'zł', 2), (11, 'KRW', 'Won', '₩', 0)) AS v (id, code, name, symbol, dec)
CROSS JOIN (SELECT pg_temp.rnd_ts_before('currency.created', 1, :'start_date', 2600, 2600) AS ts) AS c;

-- Business-day rates as a seeded random walk around a base rate.
INSERT INTO exchange_rates (rate_id, currency_id, rate_date, units_per_usd, source, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY d, cu.currency_id), cu.currency_id, d,
       CASE WHEN cu.currency_id = 1 THEN 1
            ELSE round((b.base * exp(sum((pg_temp.rnd('fx.step', cu.currency_id * 100000 + (d - date '2000-01-01')) - 0.5) * 0.012)
                                      OVER (PARTITION BY cu.currency_id ORDER BY d)))::numeric, 6) END,
       'ECB reference',
       pg_temp.day_ts(d, 58500), pg_temp.day_ts(d, 58500), 'fx_feed'
FROM currencies AS cu
JOIN (VALUES (1, 1.0), (2, 0.92), (3, 0.79), (4, 7.20), (5, 151.0), (6, 83.5), (7, 17.1), (8, 5.0), (9, 23.1),
             (10, 4.0), (11, 1350.0)) AS b (currency_id, base) USING (currency_id)
CROSS JOIN generate_series(:'start_date'::date, :'end_date'::date, interval '1 day') AS g (dd)
CROSS JOIN LATERAL (SELECT g.dd::date AS d) AS x
WHERE extract(isodow FROM d) < 6;

INSERT INTO price_lists (price_list_id, price_list_code, name, currency_id, customer_segment, valid_from, valid_to,
                         status, created_at, updated_at, modified_by)
SELECT v.id, v.code, v.name, v.cur, v.seg, :'start_date'::date - 120, NULL, 'active', c.ts, c.ts, 'pricing_admin'
FROM (VALUES (1, 'PL-USD-STD', 'Standard list price USD', 1, NULL),
             (2, 'PL-EUR-STD', 'Standard list price EUR', 2, NULL),
             (3, 'PL-USD-DIST', 'Distributor net price USD', 1, 'distributor'),
             (4, 'PL-USD-OEM', 'OEM contract price USD', 1, 'oem')) AS v (id, code, name, cur, seg)
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('price_list.created', v.id, :'start_date', 121, 180) AS ts) AS c;

INSERT INTO products (product_id, sku, name, category_id, uom_id, factory_id, line_id, list_price, standard_cost,
                      currency, weight_kg, gtin, lifecycle_status, abc_class, launch_date, shelf_life_days,
                      attributes, tags, description, created_at, updated_at, modified_by)
SELECT p.product_id,
       'SKU-' || ct.code || '-' || lpad(p.product_id::text, 6, '0'),
       x.item_name || ' ' || x.series,
       p.category_id, CASE WHEN p.category_id = 12 THEN 14 ELSE 1 END,
       p.factory_id, p.line_id, p.list_price, p.standard_cost, 'USD',
       pg_temp.rnd_num('product.weight', p.product_id, ct.weight_lo, ct.weight_hi, 3),
       '40' || lpad(pg_temp.rnd_int('product.gtin', p.product_id, 0, 99999999999)::text, 11, '0'),
       x.lifecycle,
       pg_temp.rnd_pick('product.abc', p.product_id, '{A,A,B,B,B,C,C,C,C,C}'),
       :'start_date'::date - pg_temp.rnd_int('product.launch', p.product_id, 60, 3000)::int,
       CASE WHEN p.category_id = 6 THEN 720 END,
       jsonb_build_object(
         'material', pg_temp.rnd_pick('product.material', p.product_id, '{aluminium,steel,stainless,PA66-GF30,ABS,PC,EPDM,mixed}'),
         'color', pg_temp.rnd_pick('product.color', p.product_id, '{natural,black,RAL 7035,RAL 5015,silver,yellow}'),
         'dimensions_mm', jsonb_build_array(pg_temp.rnd_int('product.dx', p.product_id, 10, 900),
                                            pg_temp.rnd_int('product.dy', p.product_id, 10, 600),
                                            pg_temp.rnd_int('product.dz', p.product_id, 5, 400)),
         'rohs_compliant', pg_temp.rnd_bool('product.rohs', p.product_id, 0.92),
         'customs_tariff_code', lpad(pg_temp.rnd_int('product.hs', p.product_id, 84000000, 85999999)::text, 8, '0'),
         'routing_operations', (SELECT count(*) FROM dim_routing AS r WHERE r.product_id = p.product_id)),
       ARRAY[lower(replace(ct.name, ' ', '_'))]
         || CASE WHEN pg_temp.rnd_bool('product.mto', p.product_id, 0.3) THEN '{make_to_order}'::text[] ELSE '{make_to_stock}' END
         || CASE WHEN pg_temp.rnd_bool('product.export', p.product_id, 0.4) THEN '{export}'::text[] ELSE '{}' END,
       d.description,
       c.ts, c.ts + pg_temp.rnd('product.updated', p.product_id) * (:'start_date'::timestamptz - c.ts),
       CASE WHEN pg_temp.rnd_bool('product.edited', p.product_id, 0.6)
            THEN 'user' || pg_temp.pick_employee(p.factory_id, 'planner', pg_temp.rnd('product.editor', p.product_id))
            ELSE 'mdm_import' END
FROM dim_products AS p
JOIN category_templates AS ct USING (category_id)
CROSS JOIN LATERAL (
  SELECT ct.item_names[pg_temp.rnd_int('product.item', p.product_id, 1, 5)] AS item_name,
         upper(left(ct.code, 1)) || chr(65 + pg_temp.rnd_int('product.series', p.product_id, 0, 25)::int) || '-'
           || pg_temp.rnd_int('product.series_no', p.product_id, 100, 999) AS series,
         CASE WHEN pg_temp.rnd_bool('product.lifecycle', p.product_id, 0.88) THEN 'active'
              ELSE pg_temp.rnd_pick('product.lifecycle2', p.product_id, '{development,phase_out,phase_out,obsolete}') END AS lifecycle
) AS x
-- A technical datasheet of 1-4 kB: long enough to be stored out of line.
CROSS JOIN LATERAL (
  SELECT ct.name || ' ' || x.item_name || ' ' || x.series || E'.\n\n'
         || string_agg(format(s.tmpl, pg_temp.rnd_int('product.desc.n', p.product_id * 100 + j, 2, 950)),
                       ' ' ORDER BY j) AS description
  FROM generate_series(1, pg_temp.rnd_int('product.desc.len', p.product_id, 8, 24)::int) AS j
  JOIN (SELECT i, t AS tmpl
        FROM unnest(ARRAY[
          'Manufactured under IATF 16949 with full traceability of every lot to raw material heat numbers; batch size %s.',
          'Dimensional tolerances are held to ISO 2768-mK unless stated otherwise on drawing revision %s.',
          'Surface treatment per customer specification with a salt spray resistance of %s hours to ISO 9227.',
          'Operating temperature range from -40 to +%s degrees Celsius under continuous load.',
          'Each unit is marked with a DataMatrix code carrying part number, lot and a serial number range of %s digits.',
          'Packaging: VCI bag inside a corrugated carton, %s units per carton, cartons stacked on EUR pallets.',
          'First article inspection report and PPAP level 3 documentation available on request (reference %s).',
          'Recommended tightening torque for mounting screws is %s cNm; do not exceed the stated value.',
          'The part is free of substances listed in REACH Annex XIV; declaration number %s is kept on file.',
          'Service life verified by endurance testing over %s thousand cycles at rated load.',
          'Changes to material, process or sub-supplier are notified at least %s days in advance per the PCN procedure.',
          'Storage conditions: dry, 5 to 35 degrees Celsius, protected from UV; maximum storage %s days before use.'
        ]) WITH ORDINALITY AS u (t, i)) AS s
    ON s.i = pg_temp.rnd_int('product.desc.tmpl', p.product_id * 100 + j, 1, 12)
) AS d
CROSS JOIN LATERAL (SELECT pg_temp.rnd_ts_before('product.created', p.product_id, :'start_date', 30, 3000) AS ts) AS c;

INSERT INTO price_list_items (item_id, price_list_id, product_id, unit_price, min_qty, discount_pct, valid_from,
                              valid_to, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY p.product_id, pl.price_list_id), pl.price_list_id, p.product_id,
       CASE pl.price_list_id WHEN 1 THEN p.list_price
                             WHEN 2 THEN round(p.list_price * 0.92, 2)
                             WHEN 3 THEN round(p.list_price * 0.85, 2)
                             ELSE round(p.list_price * 0.80, 2) END,
       CASE pl.price_list_id WHEN 4 THEN 100 WHEN 3 THEN 10 ELSE 1 END,
       CASE WHEN pl.price_list_id = 3 THEN pg_temp.rnd_num('pli.discount', p.product_id, 0, 5, 1) ELSE 0 END,
       pl.valid_from, NULL, pl.created_at, pl.created_at, 'pricing_admin'
FROM products AS p
CROSS JOIN price_lists AS pl
WHERE p.lifecycle_status <> 'development';

INSERT INTO bom_headers (bom_id, product_id, revision, status, base_qty, effective_from, notes, created_at,
                         updated_at, modified_by)
SELECT p.product_id, p.product_id, pg_temp.rnd_pick('bom.revision', p.product_id, '{A,B,B,C,D}'), 'released', 1,
       p.launch_date,
       CASE WHEN pg_temp.rnd_bool('bom.has_note', p.product_id, 0.3)
            THEN 'Alternate packaging approved for export orders; see ECN-' || pg_temp.rnd_int('bom.ecn', p.product_id, 1000, 9999) END,
       p.created_at, p.created_at, p.modified_by
FROM products AS p;

INSERT INTO bom_lines (bom_line_id, bom_id, line_no, material_id, qty_per, scrap_factor_pct, created_at, updated_at,
                       modified_by)
SELECT row_number() OVER (ORDER BY b.product_id, b.line_no), b.product_id, b.line_no, b.material_id, b.qty_per,
       CASE WHEN b.material_type = 'raw' THEN pg_temp.rnd_num('bom.scrap', b.product_id * 10 + b.line_no, 0.5, 3, 2) ELSE 0 END,
       h.created_at, h.created_at, h.modified_by
FROM dim_bom AS b
JOIN bom_headers AS h ON h.bom_id = b.product_id;

INSERT INTO system_parameters (parameter_id, factory_id, param_key, param_value, value_type, description,
                               created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY x.factory_id NULLS FIRST, x.param_key), x.factory_id, x.param_key, x.param_value,
       x.value_type, x.description, x.ts, x.ts, x.modified_by
FROM (
  SELECT NULL::bigint AS factory_id, v.k AS param_key, v.val AS param_value, v.t AS value_type, v.descr AS description,
         pg_temp.rnd_ts_before('param.created', v.i, :'start_date', 200, 900) AS ts, 'it_admin' AS modified_by
  FROM (VALUES
    (1, 'oee.target_pct', '85', 'decimal', 'Target OEE used to colour dashboards'),
    (2, 'oee.micro_stop_threshold_seconds', '120', 'int', 'Stops shorter than this count as speed loss, not downtime'),
    (3, 'quality.aql_level', '1.0', 'decimal', 'Acceptable quality limit for final inspection sampling (ISO 2859-1)'),
    (4, 'quality.hold_on_fail', 'true', 'bool', 'Quarantine produced lots when final inspection fails'),
    (5, 'mes.auto_release_horizon_days', '1', 'int', 'Planned work orders inside this horizon are released automatically'),
    (6, 'mes.backflush_materials', 'false', 'bool', 'Issue materials by backflush at operation completion'),
    (7, 'scada.default_sample_interval_ms', '1000', 'int', 'Sampling interval of new SCADA points'),
    (8, 'scada.historian_retention_days', '400', 'int', 'Sensor readings older than this are archived'),
    (9, 'energy.co2_kg_per_kwh', '0.38', 'decimal', 'Grid emission factor for energy reports'),
    (10, 'finance.reporting_currency', 'USD', 'text', 'Currency of consolidated reports'),
    (11, 'sales.credit_check_enabled', 'true', 'bool', 'Block order confirmation above the customer credit limit'),
    (12, 'sales.default_payment_terms_days', '30', 'int', 'Payment terms for new customers'),
    (13, 'inventory.cycle_count_interval_days', '{"A": 30, "B": 90, "C": 180}', 'json', 'Cycle count frequency by ABC class'),
    (14, 'planning.frozen_horizon_days', '3', 'int', 'Schedule changes inside this horizon need supervisor approval'),
    (15, 'audit.retention_years', '7', 'int', 'Retention of the audit trail in years'))
    AS v (i, k, val, t, descr)
  UNION ALL
  SELECT f.factory_id, v.k,
         CASE v.k WHEN 'energy.tariff_per_kwh' THEN df.tariff_per_kwh::text
                  WHEN 'oee.target_pct' THEN pg_temp.rnd_int('param.oee', f.factory_id, 78, 90)::text
                  WHEN 'shift.break_minutes' THEN '30'
                  WHEN 'maintenance.pm_window' THEN
                    jsonb_build_object('weekday', 'Sun', 'start', '06:00',
                                       'hours', pg_temp.rnd_int('param.pm_hours', f.factory_id, 4, 12))::text
                  ELSE pg_temp.rnd_pick('param.oven', f.factory_id, '{180,190,200}') END,
         v.t, v.descr,
         pg_temp.rnd_ts_before('param.created', f.factory_id * 100 + v.i, :'start_date', 30, 200),
         'user' || coalesce(pg_temp.pick_employee(f.factory_id, 'supervisor', pg_temp.rnd('param.editor', f.factory_id * 100 + v.i)), 1)
  FROM factories AS f
  JOIN dim_factories AS df USING (factory_id)
  CROSS JOIN (VALUES (1, 'energy.tariff_per_kwh', 'decimal', 'Electricity price per kWh for energy cost'),
                     (2, 'oee.target_pct', 'decimal', 'Plant OEE target overriding the company default'),
                     (3, 'shift.break_minutes', 'int', 'Paid break per shift excluded from planned production time'),
                     (4, 'maintenance.pm_window', 'json', 'Weekly preventive maintenance window'),
                     (5, 'process.cure_oven_setpoint_c', 'int', 'Powder coating cure oven setpoint'))
    AS v (i, k, t, descr)
) AS x;

SELECT setval(pg_get_serial_sequence('factories', 'factory_id'), coalesce(max(factory_id), 1), max(factory_id) IS NOT NULL) FROM factories;
SELECT setval(pg_get_serial_sequence('production_lines', 'line_id'), coalesce(max(line_id), 1), max(line_id) IS NOT NULL) FROM production_lines;
SELECT setval(pg_get_serial_sequence('machine_types', 'machine_type_id'), coalesce(max(machine_type_id), 1), max(machine_type_id) IS NOT NULL) FROM machine_types;
SELECT setval(pg_get_serial_sequence('machines', 'machine_id'), coalesce(max(machine_id), 1), max(machine_id) IS NOT NULL) FROM machines;
SELECT setval(pg_get_serial_sequence('shifts', 'shift_id'), coalesce(max(shift_id), 1), max(shift_id) IS NOT NULL) FROM shifts;
SELECT setval(pg_get_serial_sequence('warehouses', 'warehouse_id'), coalesce(max(warehouse_id), 1), max(warehouse_id) IS NOT NULL) FROM warehouses;
SELECT setval(pg_get_serial_sequence('units_of_measure', 'uom_id'), coalesce(max(uom_id), 1), max(uom_id) IS NOT NULL) FROM units_of_measure;
SELECT setval(pg_get_serial_sequence('uom_conversions', 'conversion_id'), coalesce(max(conversion_id), 1), max(conversion_id) IS NOT NULL) FROM uom_conversions;
SELECT setval(pg_get_serial_sequence('product_categories', 'category_id'), coalesce(max(category_id), 1), max(category_id) IS NOT NULL) FROM product_categories;
SELECT setval(pg_get_serial_sequence('suppliers', 'supplier_id'), coalesce(max(supplier_id), 1), max(supplier_id) IS NOT NULL) FROM suppliers;
SELECT setval(pg_get_serial_sequence('products', 'product_id'), coalesce(max(product_id), 1), max(product_id) IS NOT NULL) FROM products;
SELECT setval(pg_get_serial_sequence('materials', 'material_id'), coalesce(max(material_id), 1), max(material_id) IS NOT NULL) FROM materials;
SELECT setval(pg_get_serial_sequence('supplier_materials', 'supplier_material_id'), coalesce(max(supplier_material_id), 1), max(supplier_material_id) IS NOT NULL) FROM supplier_materials;
SELECT setval(pg_get_serial_sequence('carriers', 'carrier_id'), coalesce(max(carrier_id), 1), max(carrier_id) IS NOT NULL) FROM carriers;
SELECT setval(pg_get_serial_sequence('employees', 'employee_id'), coalesce(max(employee_id), 1), max(employee_id) IS NOT NULL) FROM employees;
SELECT setval(pg_get_serial_sequence('customers', 'customer_id'), coalesce(max(customer_id), 1), max(customer_id) IS NOT NULL) FROM customers;
SELECT setval(pg_get_serial_sequence('customer_contacts', 'contact_id'), coalesce(max(contact_id), 1), max(contact_id) IS NOT NULL) FROM customer_contacts;
SELECT setval(pg_get_serial_sequence('customer_addresses', 'address_id'), coalesce(max(address_id), 1), max(address_id) IS NOT NULL) FROM customer_addresses;
SELECT setval(pg_get_serial_sequence('currencies', 'currency_id'), coalesce(max(currency_id), 1), max(currency_id) IS NOT NULL) FROM currencies;
SELECT setval(pg_get_serial_sequence('exchange_rates', 'rate_id'), coalesce(max(rate_id), 1), max(rate_id) IS NOT NULL) FROM exchange_rates;
SELECT setval(pg_get_serial_sequence('price_lists', 'price_list_id'), coalesce(max(price_list_id), 1), max(price_list_id) IS NOT NULL) FROM price_lists;
SELECT setval(pg_get_serial_sequence('price_list_items', 'item_id'), coalesce(max(item_id), 1), max(item_id) IS NOT NULL) FROM price_list_items;
SELECT setval(pg_get_serial_sequence('bom_headers', 'bom_id'), coalesce(max(bom_id), 1), max(bom_id) IS NOT NULL) FROM bom_headers;
SELECT setval(pg_get_serial_sequence('bom_lines', 'bom_line_id'), coalesce(max(bom_line_id), 1), max(bom_line_id) IS NOT NULL) FROM bom_lines;
SELECT setval(pg_get_serial_sequence('system_parameters', 'parameter_id'), coalesce(max(parameter_id), 1), max(parameter_id) IS NOT NULL) FROM system_parameters;
