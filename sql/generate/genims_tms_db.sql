-- genims_tms_db generator: carrier contracts and lane rates, fuel surcharges, vehicles and
-- drivers, and :days of loads, routes, shipments, tracking, proof of delivery, exceptions,
-- freight invoices and GPS pings ending at :end_date.
--
-- Shipments follow the ERP sales orders: _order_kernels.sql is shared with genims_erp_db.sql
-- and _shipment_kernel.sql with genims_wms_db.sql, so every shipment carries
-- the order number, customer, ship date, promised date, products and quantities of an ERP
-- order, and travels in the load whose outbound dock appointment genims_wms_db books
-- (reference LD-nnnnnnn).
\ir _prelude.sql

-- JIT compilation would cost more than these short set-based statements take to run.
SET jit = off;

TRUNCATE carrier_contracts, carrier_rates, fuel_surcharges, vehicles, drivers, loads, routes,
  shipments, shipment_lines, shipment_packages, route_stops, tracking_events, proof_of_delivery,
  delivery_exceptions, freight_invoices, freight_invoice_lines, gps_pings
  RESTART IDENTITY CASCADE;

-- A UTC timestamp `secs` seconds after midnight of `d`, whatever the session TimeZone.
CREATE FUNCTION pg_temp.ts(d date, secs double precision) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
  SELECT (d + round(secs)::int * interval '1 second') AT TIME ZONE 'UTC'
$$;

-- Great-circle distance in km.
CREATE FUNCTION pg_temp.km(lat1 double precision, lon1 double precision,
                           lat2 double precision, lon2 double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT 12742 * asin(sqrt(sin(radians(lat2 - lat1) / 2) ^ 2
                           + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2))
$$;

CREATE TEMP TABLE prm AS
SELECT :'end_date'::date AS e,
       :days::int AS d,
       :'end_date'::date - :days::int + 1 AS d0,
       (:volume)::numeric AS vol,
       :n_factories::int AS nf, :n_products::int AS np, :n_materials::int AS nm,
       :n_customers::int AS nc, :n_suppliers::int AS ns, :n_employees::int AS ne,
       :n_carriers::int AS ncar,
       greatest(1, round(:days * (:volume)::numeric * 8))::int AS n_so,
       greatest(1, round(:days * (:volume)::numeric * 5))::int AS n_po;

\ir _order_kernels.sql
-- ---------------------------------------------------------------------------------------------

\ir _shipment_kernel.sql

-- Product weight (kg per unit), shared with genims_wms_db.sql.
CREATE TEMP TABLE prod_w AS
SELECT pr AS product_id, round((0.2 + 24.8 * pg_temp.rnd('product.weight', pr) ^ 2)::numeric, 3) AS unit_kg
FROM prm p, generate_series(1, p.np) pr;
ALTER TABLE prod_w ADD PRIMARY KEY (product_id);

-- Coordinates of the customer locations (by k_loc.slot) and of the plants (factory f uses
-- plant_geo.k = (f-1) % 8).
CREATE TEMP TABLE geo (slot int PRIMARY KEY, lat double precision, lon double precision, postal text,
                       region text);
INSERT INTO geo VALUES
  (0, 41.8781, -87.6298, '60607', 'NA'), (1, 29.7604, -95.3698, '77002', 'NA'),
  (2, 33.7490, -84.3880, '30303', 'NA'), (3, 42.3314, -83.0458, '48226', 'NA'),
  (4, 48.7758, 9.1829, '70173', 'EU'), (5, 34.0522, -118.2437, '90012', 'NA'),
  (6, 43.6532, -79.3832, 'M5H 2N2', 'NA'), (7, 25.6866, -100.3161, '64000', 'NA'),
  (8, 40.7357, -74.1724, '07102', 'NA'), (9, 52.4862, -1.8904, 'B1 1BB', 'EU'),
  (10, 47.6062, -122.3321, '98101', 'NA'), (11, 45.7640, 4.8357, '69002', 'EU'),
  (12, 32.7767, -96.7970, '75201', 'NA'), (13, 45.5019, -73.5674, 'H2Y 1C6', 'NA'),
  (14, 35.2271, -80.8431, '28202', 'NA'), (15, 51.9244, 4.4777, '3011 AD', 'EU'),
  (16, 35.1815, 136.9066, '460-0008', 'APAC'), (17, 20.6597, -103.3496, '44100', 'NA'),
  (18, 45.4642, 9.1900, '20121', 'EU'), (19, 41.4993, -81.6944, '44113', 'NA');
CREATE TEMP TABLE plant_geo (k int PRIMARY KEY, city text, lat double precision, lon double precision);
INSERT INTO plant_geo VALUES
  (0, 'Indianapolis', 39.7684, -86.1581), (1, 'Columbus', 39.9612, -82.9988),
  (2, 'Louisville', 38.2527, -85.7585), (3, 'Nashville', 36.1627, -86.7816),
  (4, 'Greenville', 34.8526, -82.3940), (5, 'Toledo', 41.6528, -83.5379),
  (6, 'Grand Rapids', 42.9634, -85.6681), (7, 'Peoria', 40.6936, -89.5890);

-- Contracts, rates, surcharges -----------------------------------------------------------------
INSERT INTO carrier_contracts (contract_id, contract_number, carrier_id, service_level, valid_from,
                               valid_to, status, payment_terms_days, min_on_time_pct,
                               fuel_surcharge_applies, liability_limit, terms, document_sha256,
                               notes, created_at, updated_at, modified_by)
WITH c AS (
  SELECT c AS carrier_id, v AS version,
         (ARRAY['ltl', 'ftl', 'parcel', 'express', 'intermodal'])[1 + c % 5] AS service_level,
         p.d0 - 200 - 365 * v AS valid_from, p.e, p.d0
  FROM prm p, generate_series(1, p.ncar) c, generate_series(0, 1) v
  WHERE v = 0 OR pg_temp.rnd_bool('cc.old', c, 0.3)
)
SELECT row_number() OVER (ORDER BY carrier_id, version DESC),
       'CC-' || lpad(carrier_id::text, 4, '0') || '-' || to_char(valid_from, 'YYYY'),
       carrier_id, service_level, valid_from, valid_from + 364 + CASE WHEN version = 0 THEN 365 ELSE 0 END,
       CASE WHEN version = 0 THEN 'active' ELSE 'expired' END,
       (ARRAY[30, 45, 60])[1 + carrier_id % 3],
       (90 + 5 * pg_temp.rnd('cc.ontime', carrier_id))::real,
       service_level <> 'parcel', 25000 * (1 + carrier_id % 4),
       jsonb_build_object('detention_free_hours', 2, 'detention_rate_per_hour', 75,
                          'liftgate_fee', 75, 'claims_window_days', 9 + carrier_id % 3,
                          'modes', CASE WHEN service_level = 'intermodal' THEN jsonb_build_array('rail', 'truck')
                                        ELSE jsonb_build_array('truck') END),
       sha256(convert_to('contract|' || carrier_id || '|' || version, 'UTF8')),
       CASE WHEN version = 0 THEN 'Annual tender award; rates firm for the contract year, fuel indexed weekly.' END,
       pg_temp.ts(valid_from - 20, 36000), pg_temp.ts(valid_from - 20, 36000), 'procurement'
FROM c;

INSERT INTO carrier_rates (rate_id, contract_id, origin_warehouse_id, destination_country,
                           weight_break_min_kg, weight_break_max_kg, rate_per_kg, minimum_charge,
                           transit_days, created_at, updated_at, modified_by)
WITH dest AS (
  SELECT country, min(transit_days) AS transit_days FROM k_loc GROUP BY country
)
SELECT row_number() OVER (ORDER BY c.contract_id, f, d.country, b.k), c.contract_id, 2 * f, d.country,
       b.lo, b.hi,
       round((CASE WHEN d.country = 'US' THEN 0.18 WHEN d.country IN ('CA', 'MX') THEN 0.26
                   WHEN d.country = 'JP' THEN 1.30 ELSE 0.90 END
              * b.factor * (0.9 + 0.25 * pg_temp.rnd('rate.carrier', c.carrier_id)))::numeric, 4),
       CASE WHEN d.country = 'US' THEN 95 ELSE 240 END,
       d.transit_days + CASE WHEN c.service_level = 'express' THEN 0 ELSE 1 END,
       c.created_at, c.created_at, 'procurement'
FROM carrier_contracts c CROSS JOIN prm p CROSS JOIN dest d,
     generate_series(1, p.nf) f,
     (VALUES (1, 0, 500, 1.0), (2, 500, 5000, 0.7), (3, 5000, 100000, 0.45)) b(k, lo, hi, factor)
WHERE c.status = 'active';

INSERT INTO fuel_surcharges (fuel_surcharge_id, region, week_start, diesel_price_per_liter,
                             surcharge_pct, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY r.region, w), r.region, w, x.price,
       round(greatest(0, (x.price - r.base * 0.8) / (r.base * 0.8) * 40 + 8), 3),
       pg_temp.ts(w - 1, 61200), pg_temp.ts(w - 1, 61200), 'fuel_index_feed'
FROM prm p, (VALUES ('NA', 1.05, 1), ('EU', 1.65, 2), ('APAC', 1.30, 3)) r(region, base, k),
     LATERAL generate_series(0, p.d / 7 + 1) g,
     LATERAL (SELECT (p.d0 - extract(isodow FROM p.d0)::int + 1) + 7 * g AS w) ww(w),
     LATERAL (SELECT round((r.base * (1 + 0.08 * sin((w - date '2000-01-03') / 70.0 + r.k)
                                       + 0.02 * pg_temp.rnd('fuel.' || r.region, w - date '2000-01-03')))::numeric, 4) AS price) x;

-- Vehicles and drivers registered per carrier ---------------------------------------------------
INSERT INTO vehicles (vehicle_id, carrier_id, plate_number, vin, vehicle_type, capacity_kg,
                      capacity_pallets, model_year, fuel_type, odometer_km, status,
                      telematics_device, created_at, updated_at, modified_by)
SELECT (c - 1) * 4 + k, c,
       (ARRAY['IN', 'OH', 'KY', 'TN', 'SC', 'MI', 'IL'])[1 + (c + k) % 7] || '-' || lpad(((c * 7919 + k * 104729) % 100000)::text, 5, '0'),
       '1FUJ' || upper(left(md5('vin' || c || '-' || k), 13)),
       t.vtype, t.kg, t.pallets, 2016 + ((c + k) % 9),
       CASE WHEN (c + k) % 11 = 0 THEN 'lng' WHEN t.vtype = 'van' AND c % 4 = 0 THEN 'electric' ELSE 'diesel' END,
       round((80000 + 620000 * pg_temp.rnd('veh.odo', c * 10 + k))::numeric, 3),
       CASE WHEN pg_temp.rnd_bool('veh.maint', c * 10 + k, 0.05) THEN 'maintenance' ELSE 'in_service' END,
       'TLM-' || lpad((c * 10 + k)::text, 6, '0'),
       pg_temp.ts(p.d0 - 300, 36000), pg_temp.ts(p.d0 - 300, 36000), 'carrier_onboarding'
FROM prm p, generate_series(1, p.ncar) c, generate_series(1, 4) k,
     LATERAL (SELECT (ARRAY['tractor_trailer', 'tractor_trailer', 'box_truck', 'van', 'reefer', 'flatbed'])[1 + (c * 4 + k) % 6] AS vtype) v,
     LATERAL (SELECT v.vtype,
                     CASE v.vtype WHEN 'van' THEN 1500 WHEN 'box_truck' THEN 9000 ELSE 24000 END AS kg,
                     CASE v.vtype WHEN 'van' THEN 4 WHEN 'box_truck' THEN 12 ELSE 26 END AS pallets) t;

INSERT INTO drivers (driver_id, carrier_id, driver_code, full_name, license_number, license_class,
                     license_expiry, phone, hazmat_certified, status, created_at, updated_at,
                     modified_by)
SELECT (c - 1) * 5 + k, c, 'DRV-' || lpad(c::text, 3, '0') || '-' || k,
       pg_temp.rnd_pick('drv.first', c * 10 + k, ARRAY['James', 'Maria', 'Robert', 'Linda', 'Michael', 'Ana', 'David', 'Jennifer', 'Jose', 'Patricia', 'Daniel', 'Karen'])
         || ' ' || pg_temp.rnd_pick('drv.last', c * 10 + k, ARRAY['Smith', 'Garcia', 'Johnson', 'Miller', 'Brown', 'Martinez', 'Davis', 'Wilson', 'Lopez', 'Taylor', 'Anderson', 'Thomas']),
       'D' || lpad(pg_temp.rnd_int('drv.lic', c * 10 + k, 1000000, 9999999)::text, 9, '0'),
       CASE WHEN k = 5 THEN 'CDL-B' ELSE 'CDL-A' END,
       p.e + pg_temp.rnd_int('drv.exp', c * 10 + k, 30, 1400)::int,
       '+1-317-555-' || lpad(((c * 37 + k * 11) % 10000)::text, 4, '0'),
       pg_temp.rnd_bool('drv.hazmat', c * 10 + k, 0.3),
       CASE WHEN pg_temp.rnd_bool('drv.leave', c * 10 + k, 0.04) THEN 'on_leave' ELSE 'active' END,
       pg_temp.ts(p.d0 - 250, 36000), pg_temp.ts(p.d0 - 250, 36000), 'carrier_onboarding'
FROM prm p, generate_series(1, p.ncar) c, generate_series(1, 5) k;

-- Shipments ------------------------------------------------------------------------------------
CREATE TEMP TABLE sh AS
WITH s AS (
  SELECT k.so_no, k.order_number, k.customer_id, k.factory_id, k.warehouse_id, k.carrier_id,
         k.load_no, k.ship_date, k.order_status, so.promised_date, so.country, so.city,
         so.transit_days, g.lat, g.lon, g.postal, g.region, pg.city AS origin_city,
         pg.lat AS olat, pg.lon AS olon,
         CASE WHEN pg_temp.rnd('shp.transit', k.so_no) < 0.80 THEN 0
              WHEN pg_temp.rnd('shp.transit', k.so_no) < 0.92 THEN -1
              ELSE pg_temp.rnd_int('shp.late', k.so_no, 1, 3)::int END AS transit_dev,
         pg_temp.rnd_bool('shp.lost', k.so_no, 0.004) AS lost
  FROM k_shp k JOIN k_so so USING (so_no)
  JOIN geo g ON g.slot = k.customer_id % 20
  JOIN plant_geo pg ON pg.k = (k.factory_id - 1) % 8
), w AS (
  SELECT l.so_no, sum(l.quantity * pw.unit_kg) AS kg
  FROM k_sol l JOIN prod_w pw USING (product_id) GROUP BY l.so_no
)
SELECT row_number() OVER (ORDER BY s.so_no) AS shipment_id, s.*,
       round(w.kg * 1.04 + 2, 3) AS weight_kg,
       s.ship_date + s.transit_days AS planned_delivery_date,
       s.ship_date + greatest(1, s.transit_days + s.transit_dev) AS delivery_date,
       least(4, 1 + floor(w.kg / 1000))::int AS n_packages,
       pg_temp.km(s.olat, s.olon, s.lat, s.lon) AS km
FROM s JOIN w USING (so_no);
ALTER TABLE sh ADD PRIMARY KEY (so_no);

CREATE TEMP TABLE ld AS
SELECT s.load_no, min(s.carrier_id) AS carrier_id, min(s.warehouse_id) AS warehouse_id,
       min(s.factory_id) AS factory_id, min(s.ship_date) AS ship_date,
       min(s.origin_city) AS origin_city, min(s.olat) AS olat, min(s.olon) AS olon,
       bool_and(s.order_status = 'confirmed') AS planned,
       count(*) AS n_shipments, sum(s.weight_kg) AS kg, sum(s.n_packages) AS packages,
       max(s.km) AS max_km
FROM sh s GROUP BY s.load_no;
ALTER TABLE ld ADD PRIMARY KEY (load_no);
ALTER TABLE ld ADD COLUMN pickup_ts timestamptz;
-- same truck arrival as the WMS outbound dock appointment of this load
UPDATE ld SET pickup_ts = pg_temp.ts(ship_date, 32400 + 3600 * (carrier_id % 8)
                                                + 1800 * pg_temp.rnd('dock.out', load_no));

-- Freight: lane rate of the carrier's active contract for the shipment's weight break, at
-- least the minimum charge, plus the week's fuel surcharge of the destination region.
CREATE TEMP TABLE fr AS
SELECT s.so_no, c.contract_id, c.service_level,
       greatest(r.minimum_charge, round(s.weight_kg * r.rate_per_kg, 2)) AS linehaul,
       round(greatest(r.minimum_charge, round(s.weight_kg * r.rate_per_kg, 2))
             * coalesce(fs.surcharge_pct, 0) / 100, 2) AS fuel
FROM sh s
JOIN carrier_contracts c ON c.carrier_id = s.carrier_id AND c.status = 'active'
JOIN carrier_rates r ON r.contract_id = c.contract_id AND r.origin_warehouse_id = s.warehouse_id
                    AND r.destination_country = s.country
                    AND s.weight_kg >= r.weight_break_min_kg AND s.weight_kg < r.weight_break_max_kg
LEFT JOIN fuel_surcharges fs ON fs.region = s.region
                            AND s.ship_date BETWEEN fs.week_start AND fs.week_start + 6;
ALTER TABLE fr ADD PRIMARY KEY (so_no);

INSERT INTO loads (load_id, load_number, carrier_id, contract_id, vehicle_id, driver_id,
                   origin_warehouse_id, dispatcher_employee_id, planned_pickup_at,
                   actual_pickup_at, status, total_weight_kg, pallet_count, total_freight_cost,
                   tendered_at, accepted_at, created_at, updated_at, modified_by)
SELECT l.load_no, 'LD-' || lpad(l.load_no::text, 7, '0'), l.carrier_id,
       (SELECT contract_id FROM carrier_contracts c WHERE c.carrier_id = l.carrier_id AND c.status = 'active'),
       CASE WHEN NOT l.planned OR l.ship_date = p.e + 1 THEN (l.carrier_id - 1) * 4 + 1 + l.load_no % 4 END,
       CASE WHEN NOT l.planned OR l.ship_date = p.e + 1 THEN (l.carrier_id - 1) * 5 + 1 + l.load_no % 5 END,
       l.warehouse_id, pg_temp.pick_emp(l.factory_id, 4, pg_temp.rnd('ld.disp', l.load_no)),
       pg_temp.ts(l.ship_date, 32400 + 3600 * (l.carrier_id % 8)),
       CASE WHEN NOT l.planned THEN l.pickup_ts END,
       CASE WHEN l.planned THEN CASE WHEN l.ship_date = p.e + 1 THEN 'accepted' ELSE 'tendered' END
            WHEN x.undelivered > 0 THEN 'in_transit' ELSE 'delivered' END,
       l.kg, l.packages, x.cost,
       pg_temp.ts(l.ship_date - 2, 50400),
       CASE WHEN NOT l.planned OR l.ship_date = p.e + 1 THEN pg_temp.ts(l.ship_date - 2, 57600) END,
       pg_temp.ts(l.ship_date - 2, 50000),
       CASE WHEN l.planned THEN pg_temp.ts(l.ship_date - 2, 57600)
            WHEN x.undelivered > 0 THEN l.pickup_ts
            ELSE pg_temp.ts(x.last_delivery, 64800) END,
       CASE WHEN l.planned THEN 'user' || pg_temp.pick_emp(l.factory_id, 4, pg_temp.rnd('ld.disp', l.load_no))
            ELSE 'carrier_edi' END
FROM ld l CROSS JOIN prm p
JOIN (SELECT s.load_no, sum(f.linehaul + f.fuel) AS cost,
             count(*) FILTER (WHERE s.delivery_date > p.e OR s.lost) AS undelivered,
             max(s.delivery_date) AS last_delivery
      FROM sh s JOIN fr f USING (so_no) CROSS JOIN prm p GROUP BY s.load_no) x USING (load_no);

INSERT INTO routes (route_id, route_code, load_id, origin_warehouse_id, route_date,
                    planned_distance_km, actual_distance_km, planned_start_at, actual_start_at,
                    actual_end_at, status, stop_count, waypoints, created_at, updated_at,
                    modified_by)
SELECT l.load_id, 'RT-' || lpad(l.load_id::text, 7, '0'), l.load_id, l.origin_warehouse_id,
       (l.planned_pickup_at AT TIME ZONE 'UTC')::date,
       round((x.max_km * 1.18 + 25 * (x.n_shipments - 1))::numeric, 3),
       CASE WHEN l.status = 'delivered'
            THEN round((x.max_km * 1.18 + 25 * (x.n_shipments - 1))::numeric
                       * pg_temp.rnd_num('rt.actual', l.load_id, 0.98, 1.08, 4), 3) END,
       l.planned_pickup_at,
       CASE WHEN l.actual_pickup_at IS NOT NULL THEN l.actual_pickup_at + interval '45 minutes' END,
       CASE WHEN l.status = 'delivered' THEN x.last_delivered END,
       CASE l.status WHEN 'delivered' THEN 'completed' WHEN 'in_transit' THEN 'in_progress'
                     WHEN 'accepted' THEN 'dispatched' ELSE 'planned' END,
       x.n_shipments + 1,
       x.waypoints,
       l.created_at, l.updated_at, 'route_planner'
FROM loads l
JOIN (SELECT s.load_no, max(s.km) AS max_km, count(*) AS n_shipments,
             max(pg_temp.ts(s.delivery_date, 28800 + 32400 * pg_temp.rnd('shp.dlv', s.so_no))) AS last_delivered,
             jsonb_agg(jsonb_build_array(round(s.lat::numeric, 4), round(s.lon::numeric, 4))
                       ORDER BY s.km, s.so_no) AS waypoints
      FROM sh s GROUP BY s.load_no) x ON x.load_no = l.load_id;

INSERT INTO shipments (shipment_id, shipment_number, sales_order_number, customer_id,
                       origin_warehouse_id, carrier_id, load_id, service_level, ship_date,
                       promised_date, planned_delivery_date, shipped_at, delivered_at, status,
                       weight_kg, volume_m3, package_count, freight_cost, fuel_surcharge, currency,
                       destination_country, destination_city, destination_postal_code,
                       tracking_number, is_on_time, special_instructions, attributes, created_at,
                       updated_at, modified_by)
SELECT s.shipment_id, 'SHP-' || lpad(s.shipment_id::text, 8, '0'), s.order_number, s.customer_id,
       s.warehouse_id, s.carrier_id, s.load_no, f.service_level, s.ship_date, s.promised_date,
       s.planned_delivery_date, x.shipped_ts, CASE WHEN x.st = 'delivered' THEN x.delivered_ts END,
       x.st, s.weight_kg, round(s.weight_kg / 180, 3), s.n_packages, f.linehaul, f.fuel, 'USD',
       s.country, s.city, s.postal,
       CASE WHEN s.order_status <> 'confirmed'
            THEN 'TRK' || lpad(s.carrier_id::text, 3, '0') || lpad(s.shipment_id::text, 10, '0') END,
       CASE WHEN x.st = 'delivered' THEN s.delivery_date <= s.promised_date END,
       CASE WHEN pg_temp.rnd_bool('shp.longnote', s.so_no, 0.02)
            THEN repeat('Consignee receiving hours 07:00-15:00 Mon-Fri only. Call 30 minutes before '
                        || 'arrival. Driver must wear safety shoes and hi-vis vest on site; '
                        || 'forklift unloading by consignee staff only, no hand-bomb. ', 10)
            WHEN pg_temp.rnd_bool('shp.note', s.so_no, 0.1) THEN 'Liftgate required; no dock at consignee.' END,
       jsonb_build_object('hazmat', s.so_no % 23 = 0, 'incoterm', CASE WHEN s.country = 'US' THEN 'DAP' ELSE 'DDP' END,
                          'customs_required', s.country NOT IN ('US'),
                          'temperature_controlled', false, 'pallets', s.n_packages),
       pg_temp.ts(s.ship_date - 2, 50000),
       CASE x.st WHEN 'planned' THEN pg_temp.ts(s.ship_date - 2, 50000)
                 WHEN 'delivered' THEN x.delivered_ts ELSE x.shipped_ts END,
       CASE WHEN x.st = 'planned' THEN 'tms' ELSE 'carrier_edi' END
FROM sh s JOIN fr f USING (so_no) JOIN loads l ON l.load_id = s.load_no CROSS JOIN prm p,
     LATERAL (SELECT l.actual_pickup_at + interval '45 minutes' AS shipped_ts,
                     pg_temp.ts(s.delivery_date, 28800 + 32400 * pg_temp.rnd('shp.dlv', s.so_no)) AS delivered_ts,
                     CASE WHEN s.order_status = 'confirmed' THEN 'planned'
                          WHEN s.lost AND s.delivery_date <= p.e THEN 'exception'
                          WHEN s.delivery_date <= p.e THEN 'delivered'
                          WHEN s.ship_date = p.e THEN 'picked_up'
                          ELSE 'in_transit' END AS st) x;

INSERT INTO shipment_lines (shipment_line_id, shipment_id, line_number, sales_order_line_number,
                            product_id, quantity, weight_kg, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY s.shipment_id, l.line_no), s.shipment_id, l.line_no, l.line_no,
       l.product_id, l.quantity, round(l.quantity * pw.unit_kg, 3), sp.created_at, sp.created_at, 'tms'
FROM sh s JOIN k_sol l USING (so_no) JOIN prod_w pw USING (product_id)
JOIN shipments sp ON sp.shipment_id = s.shipment_id;

INSERT INTO shipment_packages (package_id, shipment_id, package_number, package_type, weight_kg,
                               dimensions_cm, is_hazmat, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY s.shipment_id, j), s.shipment_id,
       'PKG' || lpad(s.shipment_id::text, 8, '0') || '-' || j,
       CASE WHEN s.weight_kg > 250 THEN 'pallet' ELSE 'carton' END,
       round(s.weight_kg / s.n_packages, 3),
       CASE WHEN s.weight_kg > 250 THEN ARRAY[120, 80, 60 + (s.shipment_id % 8) * 10]
            ELSE ARRAY[60, 40, 20 + (s.shipment_id % 5) * 5] END,
       s.so_no % 23 = 0, sp.created_at, sp.created_at, 'tms'
FROM sh s JOIN shipments sp ON sp.shipment_id = s.shipment_id, generate_series(1, s.n_packages) j;

INSERT INTO route_stops (stop_id, route_id, stop_sequence, stop_type, shipment_id, country, city,
                         planned_arrival_at, actual_arrival_at, actual_departure_at, status,
                         created_at, updated_at, modified_by)
WITH st AS (
  SELECT r.route_id, 0 AS ord, 0::bigint AS so_no, 'pickup' AS stop_type, NULL::bigint AS shipment_id,
         'US'::char(2) AS country, ld.origin_city AS city, l.planned_pickup_at AS planned,
         l.actual_pickup_at AS arr, l.actual_pickup_at + interval '45 minutes' AS dep,
         CASE WHEN l.actual_pickup_at IS NOT NULL THEN 'completed' ELSE 'pending' END AS status,
         r.created_at
  FROM routes r JOIN loads l USING (load_id) JOIN ld ON ld.load_no = l.load_id
  UNION ALL
  SELECT r.route_id, 1, s.so_no, 'delivery', s.shipment_id, s.country, s.city,
         pg_temp.ts(s.planned_delivery_date, 36000),
         CASE WHEN sp.status = 'delivered' THEN sp.delivered_at - interval '10 minutes' END,
         CASE WHEN sp.status = 'delivered' THEN sp.delivered_at + interval '15 minutes' END,
         CASE WHEN sp.status = 'delivered' THEN 'completed'
              WHEN sp.status = 'exception' THEN 'skipped' ELSE 'pending' END,
         r.created_at
  FROM sh s JOIN shipments sp ON sp.shipment_id = s.shipment_id
  JOIN routes r ON r.load_id = s.load_no
)
SELECT row_number() OVER (ORDER BY route_id, ord, planned, so_no), route_id,
       row_number() OVER (PARTITION BY route_id ORDER BY ord, planned, so_no), stop_type,
       shipment_id, country, city, planned, arr, dep, status, created_at,
       coalesce(dep, arr, created_at), 'route_planner'
FROM st;

-- Tracking milestones up to the end of the history.
INSERT INTO tracking_events (tracking_event_id, shipment_id, event_type, event_ts, location_city,
                             location_country, latitude, longitude, description, source,
                             created_at, updated_at, modified_by)
WITH ev AS (
  SELECT s.shipment_id, s.so_no, e.k, e.event_type, e.ts, e.city, e.country, e.lat, e.lon, e.descr
  FROM sh s JOIN shipments sp ON sp.shipment_id = s.shipment_id CROSS JOIN prm p,
       LATERAL (VALUES
         (1, 'created', sp.created_at, s.origin_city, 'US'::char(2), s.olat, s.olon, 'Shipment created, label printed'),
         (2, 'picked_up', sp.shipped_at - interval '40 minutes', s.origin_city, 'US', s.olat, s.olon, 'Picked up at shipper'),
         (3, 'departed_facility', sp.shipped_at, s.origin_city, 'US', s.olat, s.olon, 'Departed origin'),
         (4, 'in_transit', sp.shipped_at + (s.delivery_date - s.ship_date) * interval '12 hours',
          NULL, NULL, (s.olat + s.lat) / 2, (s.olon + s.lon) / 2, 'In transit'),
         (5, 'delay', pg_temp.ts(s.planned_delivery_date, 57600), s.city, s.country, s.lat, s.lon,
          'Delivery rescheduled: ' || pg_temp.rnd_pick('trk.delay', s.so_no, ARRAY['weather', 'linehaul delay', 'missed connection', 'consignee closed'])),
         (6, 'arrived_facility', pg_temp.ts(s.delivery_date, 18000), s.city, s.country, s.lat, s.lon, 'Arrived at destination terminal'),
         (7, 'out_for_delivery', pg_temp.ts(s.delivery_date, 25200), s.city, s.country, s.lat, s.lon, 'Out for delivery'),
         (8, 'delivered', sp.delivered_at, s.city, s.country, s.lat, s.lon, 'Delivered'),
         (9, 'exception', pg_temp.ts(s.delivery_date, 43200), NULL, NULL, NULL, NULL, 'Shipment not located at destination terminal; trace opened')
       ) e(k, event_type, ts, city, country, lat, lon, descr)
  WHERE e.ts IS NOT NULL AND e.ts <= pg_temp.ts(p.e, 86399)
    AND (e.k <> 4 OR s.delivery_date - s.ship_date >= 2)
    AND (e.k <> 5 OR s.delivery_date > s.planned_delivery_date)
    AND (e.k NOT IN (6, 7) OR NOT s.lost)
    AND (e.k <> 9 OR s.lost)
    AND (sp.status <> 'planned' OR e.k = 1)
)
SELECT row_number() OVER (ORDER BY ts, shipment_id, k), shipment_id, event_type, ts, city, country,
       lat, lon, descr,
       CASE WHEN k = 1 THEN 'manual' WHEN k IN (2, 8) THEN 'driver_app'
            WHEN so_no % 3 = 0 THEN 'edi_214' ELSE 'carrier_api' END,
       ts + interval '2 minutes', ts + interval '2 minutes',
       CASE WHEN k = 1 THEN 'tms' ELSE 'carrier_edi' END
FROM ev;

INSERT INTO proof_of_delivery (pod_id, shipment_id, delivered_at, received_by_name, signature,
                               photo_sha256, condition, latitude, longitude, notes, created_at,
                               updated_at, modified_by)
SELECT row_number() OVER (ORDER BY sp.shipment_id), sp.shipment_id, sp.delivered_at,
       pg_temp.rnd_pick('pod.first', s.so_no, ARRAY['J.', 'M.', 'R.', 'L.', 'K.', 'A.', 'S.', 'T.'])
         || ' ' || pg_temp.rnd_pick('pod.last', s.so_no, ARRAY['Schmidt', 'Nguyen', 'Okafor', 'Rossi', 'Tanaka', 'Dubois', 'Kowalski', 'Hernandez', 'Clark', 'Patel']),
       decode('89504e470d0a1a0a', 'hex')
         || decode((SELECT string_agg(md5(s.so_no || ':' || g), '' ORDER BY g)
                    FROM generate_series(1, 24 + s.so_no % 24) g), 'hex'),
       sha256(convert_to('pod-photo|' || s.so_no, 'UTF8')),
       CASE WHEN pg_temp.rnd('pod.cond', s.so_no) < 0.97 THEN 'good'
            WHEN pg_temp.rnd('pod.cond', s.so_no) < 0.99 THEN 'damaged' ELSE 'partial' END,
       s.lat + 0.01 * (pg_temp.rnd('pod.lat', s.so_no) - 0.5),
       s.lon + 0.01 * (pg_temp.rnd('pod.lon', s.so_no) - 0.5),
       CASE WHEN pg_temp.rnd('pod.cond', s.so_no) >= 0.97 THEN 'Noted on delivery receipt: '
            || pg_temp.rnd_pick('pod.note', s.so_no, ARRAY['one pallet wrap torn', 'carton crushed', 'one carton short']) END,
       sp.delivered_at + interval '3 minutes', sp.delivered_at + interval '3 minutes', 'driver_app'
FROM shipments sp JOIN sh s ON s.shipment_id = sp.shipment_id
WHERE sp.status = 'delivered';

INSERT INTO delivery_exceptions (exception_id, shipment_id, exception_type, reported_at,
                                 resolved_at, status, responsible_party, claim_amount,
                                 reported_by_employee_id, description, created_at, updated_at,
                                 modified_by)
WITH x AS (
  SELECT sp.shipment_id, s.so_no, s.factory_id, 'late' AS etype, 'carrier' AS party, 0::numeric AS claim,
         pg_temp.ts(s.planned_delivery_date, 64800) AS reported, sp.delivered_at AS resolved,
         'Delivered ' || (s.delivery_date - s.promised_date) || ' day(s) after the promised date' AS descr
  FROM shipments sp JOIN sh s ON s.shipment_id = sp.shipment_id
  WHERE sp.status = 'delivered' AND s.delivery_date > s.promised_date
    AND pg_temp.rnd_bool('exc.late', s.so_no, 0.5)
  UNION ALL
  SELECT sp.shipment_id, s.so_no, s.factory_id,
         CASE pod.condition WHEN 'damaged' THEN 'damaged' ELSE 'refused' END, 'carrier',
         round(sp.freight_cost * 3 + 150, 2), pod.delivered_at + interval '1 hour',
         pod.delivered_at + (3 + s.so_no % 20) * interval '1 day', pod.notes
  FROM shipments sp JOIN sh s ON s.shipment_id = sp.shipment_id
  JOIN proof_of_delivery pod ON pod.shipment_id = sp.shipment_id
  WHERE pod.condition <> 'good'
  UNION ALL
  SELECT sp.shipment_id, s.so_no, s.factory_id, 'lost', 'carrier', round(sp.freight_cost * 8 + 500, 2),
         pg_temp.ts(s.delivery_date, 43200), NULL, 'Shipment not located at destination terminal; trace opened'
  FROM shipments sp JOIN sh s ON s.shipment_id = sp.shipment_id
  WHERE sp.status = 'exception'
)
SELECT row_number() OVER (ORDER BY x.reported, x.shipment_id, x.etype), x.shipment_id, x.etype, x.reported,
       CASE WHEN x.resolved <= pg_temp.ts(p.e, 86399) THEN x.resolved END,
       CASE WHEN x.resolved IS NULL OR x.resolved > pg_temp.ts(p.e, 86399)
            THEN CASE WHEN x.etype = 'lost' THEN 'investigating' ELSE 'open' END
            WHEN x.claim > 0 THEN 'claimed' ELSE 'resolved' END,
       x.party, x.claim, pg_temp.pick_emp(x.factory_id, 3, pg_temp.rnd('exc.emp', x.so_no)), x.descr,
       x.reported, coalesce(CASE WHEN x.resolved <= pg_temp.ts(p.e, 86399) THEN x.resolved END, x.reported),
       'user' || pg_temp.pick_emp(x.factory_id, 3, pg_temp.rnd('exc.emp', x.so_no))
FROM x CROSS JOIN prm p;

-- Weekly freight bills per carrier for shipments picked up that week.
CREATE TEMP TABLE fi AS
SELECT row_number() OVER (ORDER BY wk, s.carrier_id) AS freight_invoice_id, s.carrier_id, wk,
       min(f.contract_id) AS contract_id, sum(f.linehaul + f.fuel) AS amount,
       (SELECT payment_terms_days FROM carrier_contracts c WHERE c.contract_id = min(f.contract_id)) AS terms
FROM sh s JOIN fr f USING (so_no) JOIN shipments sp ON sp.shipment_id = s.shipment_id,
     LATERAL (SELECT s.ship_date - extract(isodow FROM s.ship_date)::int + 1 AS wk) w
CROSS JOIN prm p
WHERE sp.status <> 'planned' AND wk + 6 + 3 <= p.e
GROUP BY wk, s.carrier_id;

INSERT INTO freight_invoices (freight_invoice_id, carrier_id, contract_id, invoice_number,
                              invoice_date, due_date, period_start, period_end, amount, tax_amount,
                              total_amount, audited_amount, currency, status,
                              approved_by_employee_id, paid_date, created_at, updated_at,
                              modified_by)
SELECT i.freight_invoice_id, i.carrier_id, i.contract_id,
       'FB' || lpad(i.carrier_id::text, 3, '0') || '-' || to_char(i.wk, 'IYYY') || to_char(i.wk, 'IW'),
       i.wk + 9, i.wk + 9 + i.terms, i.wk, i.wk + 6, i.amount + x.acc, 0, i.amount + x.acc,
       CASE WHEN x.st <> 'received' THEN i.amount + CASE WHEN x.st = 'disputed' THEN 0 ELSE x.acc END END,
       'USD', x.st,
       CASE WHEN x.st IN ('approved', 'paid') THEN pg_temp.pick_emp(1, 4, pg_temp.rnd('fi.appr', i.freight_invoice_id)) END,
       CASE WHEN x.st = 'paid' THEN i.wk + 9 + i.terms - 2 END,
       pg_temp.ts(i.wk + 9, 36000),
       CASE WHEN x.st = 'paid' THEN pg_temp.ts(i.wk + 9 + i.terms - 2, 50400)
            WHEN x.st = 'received' THEN pg_temp.ts(i.wk + 9, 36000)
            ELSE pg_temp.ts(i.wk + 12, 43200) END,
       CASE WHEN x.st IN ('received', 'audited') THEN 'freight_audit' ELSE 'ap_clerk' END
FROM fi i CROSS JOIN prm p,
     LATERAL (SELECT CASE WHEN pg_temp.rnd_bool('fi.acc', i.freight_invoice_id, 0.3) THEN 75.00 ELSE 0 END AS acc,
                     CASE WHEN pg_temp.rnd_bool('fi.disp', i.freight_invoice_id, 0.04) THEN 'disputed'
                          WHEN i.wk + 9 + i.terms - 2 <= p.e THEN 'paid'
                          WHEN i.wk + 12 <= p.e THEN 'approved'
                          WHEN i.wk + 10 <= p.e THEN 'audited' ELSE 'received' END AS st) x;

INSERT INTO freight_invoice_lines (freight_invoice_line_id, freight_invoice_id, shipment_id,
                                   charge_type, billed_weight_kg, amount, created_at, updated_at,
                                   modified_by)
WITH l AS (
  SELECT i.freight_invoice_id, s.shipment_id, 1 AS k, 'linehaul' AS charge_type, s.weight_kg, f.linehaul AS amount
  FROM fi i JOIN sh s ON s.carrier_id = i.carrier_id
                     AND s.ship_date BETWEEN i.wk AND i.wk + 6
  JOIN fr f USING (so_no) JOIN shipments sp ON sp.shipment_id = s.shipment_id
  WHERE sp.status <> 'planned'
  UNION ALL
  SELECT i.freight_invoice_id, s.shipment_id, 2, 'fuel', NULL, f.fuel
  FROM fi i JOIN sh s ON s.carrier_id = i.carrier_id
                     AND s.ship_date BETWEEN i.wk AND i.wk + 6
  JOIN fr f USING (so_no) JOIN shipments sp ON sp.shipment_id = s.shipment_id
  WHERE sp.status <> 'planned' AND f.fuel > 0
  UNION ALL
  SELECT fv.freight_invoice_id, NULL, 3, 'accessorial', NULL, fv.amount - i.amount
  FROM freight_invoices fv JOIN fi i USING (freight_invoice_id)
  WHERE fv.amount > i.amount
)
SELECT row_number() OVER (ORDER BY l.freight_invoice_id, l.shipment_id NULLS LAST, l.k),
       l.freight_invoice_id, l.shipment_id, l.charge_type, l.weight_kg, l.amount,
       fv.created_at, fv.created_at, 'freight_audit'
FROM l JOIN freight_invoices fv USING (freight_invoice_id);

-- GPS positions every hour while a load is on the road (up to ten per route).
INSERT INTO gps_pings (ping_id, vehicle_id, route_id, recorded_at, latitude, longitude, speed_kmh,
                       heading_deg, odometer_km, engine_on)
WITH r AS (
  SELECT r.route_id, l.vehicle_id, r.actual_start_at AS t0,
         least(coalesce(r.actual_end_at, pg_temp.ts(p.e, 86399)), r.actual_start_at + interval '10 hours',
               pg_temp.ts(p.e, 86399)) AS t1,
         ld.olat, ld.olon,
         far.lat AS dlat, far.lon AS dlon, v.odometer_km
  FROM routes r JOIN loads l USING (load_id) JOIN ld ON ld.load_no = l.load_id
  JOIN (SELECT DISTINCT ON (load_no) load_no, lat, lon FROM sh ORDER BY load_no, km DESC, so_no) far
    ON far.load_no = l.load_id
  JOIN vehicles v ON v.vehicle_id = l.vehicle_id CROSS JOIN prm p
  WHERE r.actual_start_at IS NOT NULL
)
SELECT row_number() OVER (ORDER BY r.t0 + h * interval '1 hour', r.route_id), r.vehicle_id, r.route_id,
       r.t0 + h * interval '1 hour',
       r.olat + (r.dlat - r.olat) * least(1, h / 10.0) + 0.002 * (pg_temp.rnd('gps.lat', r.route_id * 100 + h) - 0.5),
       r.olon + (r.dlon - r.olon) * least(1, h / 10.0) + 0.002 * (pg_temp.rnd('gps.lon', r.route_id * 100 + h) - 0.5),
       CASE WHEN h = 0 THEN 0 ELSE round((55 + 45 * pg_temp.rnd('gps.speed', r.route_id * 100 + h))::numeric, 1) END::real,
       (degrees(atan2(r.dlon - r.olon, r.dlat - r.olat))::int + 360) % 360,
       r.odometer_km + round((h * 82.5)::numeric, 3), true
FROM r, generate_series(0, 9) h
WHERE r.t0 + h * interval '1 hour' <= r.t1;

-- Identity sequences continue after the generated ids.
SELECT count(setval(pg_get_serial_sequence(t, c), coalesce(m, 1), m IS NOT NULL)) AS sequences_set
FROM (VALUES
  ('carrier_contracts', 'contract_id', (SELECT max(contract_id) FROM carrier_contracts)),
  ('carrier_rates', 'rate_id', (SELECT max(rate_id) FROM carrier_rates)),
  ('fuel_surcharges', 'fuel_surcharge_id', (SELECT max(fuel_surcharge_id) FROM fuel_surcharges)),
  ('vehicles', 'vehicle_id', (SELECT max(vehicle_id) FROM vehicles)),
  ('drivers', 'driver_id', (SELECT max(driver_id) FROM drivers)),
  ('loads', 'load_id', (SELECT max(load_id) FROM loads)),
  ('routes', 'route_id', (SELECT max(route_id) FROM routes)),
  ('shipments', 'shipment_id', (SELECT max(shipment_id) FROM shipments)),
  ('shipment_lines', 'shipment_line_id', (SELECT max(shipment_line_id) FROM shipment_lines)),
  ('shipment_packages', 'package_id', (SELECT max(package_id) FROM shipment_packages)),
  ('route_stops', 'stop_id', (SELECT max(stop_id) FROM route_stops)),
  ('tracking_events', 'tracking_event_id', (SELECT max(tracking_event_id) FROM tracking_events)),
  ('proof_of_delivery', 'pod_id', (SELECT max(pod_id) FROM proof_of_delivery)),
  ('delivery_exceptions', 'exception_id', (SELECT max(exception_id) FROM delivery_exceptions)),
  ('freight_invoices', 'freight_invoice_id', (SELECT max(freight_invoice_id) FROM freight_invoices)),
  ('freight_invoice_lines', 'freight_invoice_line_id', (SELECT max(freight_invoice_line_id) FROM freight_invoice_lines)),
  ('gps_pings', 'ping_id', (SELECT max(ping_id) FROM gps_pings))
) s(t, c, m) \gset
