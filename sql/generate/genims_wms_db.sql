-- genims_wms_db generator: zones and bins of every master warehouse, lots, on-hand inventory,
-- inbound receipts and putaway, outbound waves, picks and packing, replenishment, cycle counts,
-- dock appointments, the inventory transaction ledger and RF scans for :days ending at
-- :end_date.
--
-- Receipts and pick tasks follow the ERP purchase and sales orders: _order_kernels.sql is
-- shared with genims_erp_db.sql, so receiving_receipts.po_number and
-- picking_tasks.order_number name orders that exist there, with the same dates, lines and
-- quantities (receipt number RCV-nnnnnnn = genims_erp_db.goods_receipts.wms_receipt_number).
-- _shipment_kernel.sql (carrier and truck load of each order) is shared with genims_tms_db.sql.
-- Raw materials live in warehouse 2f-1, finished goods in 2f; item k of a warehouse is
-- material/product f + F*k, with a fixed home bin in bulk storage and, for products, a pick face.
\ir _prelude.sql

-- JIT compilation would cost more than these short set-based statements take to run.
SET jit = off;

TRUNCATE warehouse_zones, storage_locations, lots, inventory, receiving_receipts, receipt_lines,
  putaway_tasks, waves, picking_tasks, pick_lines, pack_containers, inventory_transactions,
  cycle_counts, replenishment_rules, replenishment_tasks, item_classifications,
  dock_appointments, rf_scan_events
  RESTART IDENTITY CASCADE;

-- A UTC timestamp `secs` seconds after midnight of `d`, whatever the session TimeZone.
CREATE FUNCTION pg_temp.ts(d date, secs double precision) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
  SELECT (d + round(secs)::int * interval '1 second') AT TIME ZONE 'UTC'
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

-- Product weight (kg per unit), shared with genims_tms_db.sql.
CREATE TEMP TABLE prod_w AS
SELECT pr AS product_id, round((0.2 + 24.8 * pg_temp.rnd('product.weight', pr) ^ 2)::numeric, 3) AS unit_kg
FROM prm p, generate_series(1, p.np) pr;
ALTER TABLE prod_w ADD PRIMARY KEY (product_id);

-- Unit costs: material standard prices and the active product standard cost, the same roll-up
-- genims_erp_db.sql stores in standard_costs (streams erp.mat.price and sc.*), so inventory
-- value agrees with the ERP.
CREATE TEMP TABLE mat AS
SELECT m AS material_id, round((0.5 + 45 * pg_temp.rnd('erp.mat.price', m) ^ 2)::numeric, 4) AS price
FROM prm p, generate_series(1, p.nm) m;
ALTER TABLE mat ADD PRIMARY KEY (material_id);
CREATE TEMP TABLE prod_cost AS
WITH mc AS (
  SELECT pr AS product_id,
         sum(round(pg_temp.rnd_num('sc.qty', pr * 8 + k, 0.2, 12, 3) * round(mat.price * 1.00, 4), 4))
           AS material_cost
  FROM prm p, generate_series(1, p.np) pr,
       LATERAL generate_series(1, pg_temp.rnd_int('sc.ncomp', pr, 2, 5)::int) k, mat
  WHERE mat.material_id = ((pr - 1) % p.nf + 1)
          + p.nf * floor(((p.nm - ((pr - 1) % p.nf + 1)) / p.nf + 1)
                         * pg_temp.rnd('sc.material', pr * 8 + k))::int
  GROUP BY pr
), lab AS (
  SELECT product_id, material_cost,
         pg_temp.rnd_num('sc.hours', product_id, 0.05, 2.5, 3) AS hours,
         material_cost * pg_temp.rnd_num('sc.labor', product_id, 0.20, 0.45, 4) AS labor_cost,
         pg_temp.rnd_num('sc.ovh', product_id, 0.6, 1.3, 4) AS ovh_ratio
  FROM mc
)
SELECT product_id,
       material_cost + round(round(labor_cost / hours, 4) * hours, 4)
         + round(labor_cost * ovh_ratio, 4) AS unit_cost
FROM lab;
ALTER TABLE prod_cost ADD PRIMARY KEY (product_id);

-- Zones and locations ----------------------------------------------------------------------
CREATE TEMP TABLE wh AS
SELECT w AS warehouse_id, (w - 1) / 2 + 1 AS factory_id,
       CASE WHEN w % 2 = 1 THEN 'material' ELSE 'product' END AS item_type,
       CASE WHEN w % 2 = 1 THEN (p.nm - ((w - 1) / 2 + 1)) / p.nf + 1
            ELSE (p.np - ((w - 1) / 2 + 1)) / p.nf + 1 END AS n_items
FROM prm p, generate_series(1, 2 * p.nf) w;

INSERT INTO warehouse_zones (zone_id, warehouse_id, zone_code, name, zone_type,
                             is_temperature_controlled, min_temp_c, max_temp_c, capacity_pallets,
                             created_at, updated_at, modified_by)
SELECT (w.warehouse_id - 1) * 5 + z.k, w.warehouse_id,
       'W' || lpad(w.warehouse_id::text, 2, '0') || '-' || z.abbr,
       'Warehouse ' || w.warehouse_id || ' ' || z.label, z.zone_type, t.tc,
       CASE WHEN t.tc THEN 15 END, CASE WHEN t.tc THEN 25 END,
       z.cap * (1 + pg_temp.rnd_int('zone.cap', (w.warehouse_id - 1) * 5 + z.k, 0, 3)),
       pg_temp.ts(p.d0 - 800, 36000), pg_temp.ts(p.d0 - 800, 36000), 'system'
FROM prm p, wh w,
     (VALUES (1, 'RCV', 'receiving', 'receiving', 40), (2, 'STO', 'bulk storage', 'storage', 1200),
             (3, 'PCK', 'forward picking', 'picking', 300), (4, 'SHP', 'shipping', 'shipping', 60),
             (5, 'QAR', 'quarantine', 'quarantine', 40)) z(k, abbr, label, zone_type, cap),
     LATERAL (SELECT z.zone_type = 'storage' AND w.item_type = 'material'
                     AND pg_temp.rnd_bool('zone.temp', w.warehouse_id, 0.3) AS tc) t;

CREATE TEMP TABLE loc_plan AS
SELECT w.warehouse_id, z.k AS zone_k, s.seq,
       CASE z.k WHEN 1 THEN 'dock' WHEN 4 THEN 'staging' WHEN 5 THEN 'quarantine'
                WHEN 3 THEN 'shelf'
                ELSE CASE WHEN w.item_type = 'material' THEN 'rack' ELSE 'bulk' END END AS location_type
FROM wh w,
     LATERAL (VALUES (1, 4), (2, ceil(w.n_items * 1.2)::int),
                     (3, CASE WHEN w.item_type = 'product' THEN ceil(w.n_items * 1.1)::int ELSE 10 END),
                     (4, 4), (5, 5)) z(k, n),
     LATERAL generate_series(0, z.n - 1) s(seq);

CREATE TEMP TABLE loc AS
SELECT warehouse_id, zone_k, seq,
       row_number() OVER (ORDER BY warehouse_id, zone_k, seq) AS location_id
FROM loc_plan;
CREATE UNIQUE INDEX ON loc (warehouse_id, zone_k, seq);

INSERT INTO storage_locations (location_id, warehouse_id, zone_id, location_code, aisle, rack,
                               level, bin, location_type, max_weight_kg, max_volume_m3,
                               is_active, is_blocked, attributes, created_at, updated_at,
                               modified_by)
SELECT l.location_id, l.warehouse_id, (l.warehouse_id - 1) * 5 + l.zone_k,
       'W' || lpad(l.warehouse_id::text, 2, '0') || '-'
         || CASE l.zone_k WHEN 1 THEN 'DOCK-' || lpad((l.seq + 1)::text, 2, '0')
                          WHEN 4 THEN 'STG-' || lpad((l.seq + 1)::text, 2, '0')
                          WHEN 5 THEN 'QAR-' || lpad((l.seq + 1)::text, 2, '0')
                          ELSE CASE l.zone_k WHEN 2 THEN 'STO-' ELSE 'PCK-' END || a.aisle || '-'
                               || lpad(a.rack::text, 2, '0') || '-' || a.level || a.bin END,
       CASE WHEN l.zone_k IN (2, 3) THEN a.aisle END,
       CASE WHEN l.zone_k IN (2, 3) THEN a.rack END,
       CASE WHEN l.zone_k IN (2, 3) THEN a.level END,
       CASE WHEN l.zone_k IN (2, 3) THEN a.bin END,
       lp.location_type,
       CASE lp.location_type WHEN 'dock' THEN 20000 WHEN 'staging' THEN 10000 WHEN 'bulk' THEN 1500
                            WHEN 'rack' THEN 1000 WHEN 'shelf' THEN 250 ELSE 1500 END,
       CASE lp.location_type WHEN 'dock' THEN 80 WHEN 'staging' THEN 60 WHEN 'bulk' THEN 2.0
                            WHEN 'rack' THEN 1.5 WHEN 'shelf' THEN 0.4 ELSE 2.0 END,
       true,
       pg_temp.rnd_bool('loc.blocked', l.warehouse_id * 100000 + l.zone_k * 10000 + l.seq, 0.005)
         AND l.zone_k = 2 AND l.seq >= (SELECT n_items FROM wh WHERE wh.warehouse_id = l.warehouse_id),
       jsonb_build_object('pick_sequence', l.seq + 1,
                          'hazmat', pg_temp.rnd_bool('loc.hazmat', l.warehouse_id * 100000 + l.zone_k * 10000 + l.seq, 0.05),
                          'rfid', l.zone_k IN (1, 4)),
       pg_temp.ts(p.d0 - 800, 39600), pg_temp.ts(p.d0 - 800, 39600), 'system'
FROM loc l CROSS JOIN prm p JOIN loc_plan lp USING (warehouse_id, zone_k, seq),
     LATERAL (SELECT chr(65 + (l.seq / 120) / 26) || chr(65 + (l.seq / 120) % 26) AS aisle,
                     (l.seq % 120) / 12 + 1 AS rack, (l.seq % 12) / 3 + 1 AS level,
                     chr(65 + l.seq % 3) AS bin) a;


-- Items of each warehouse with their home bin (and pick face for products).
CREATE TEMP TABLE item AS
SELECT w.warehouse_id, w.factory_id, w.item_type, k AS item_idx, w.factory_id + p.nf * k AS item_id,
       CASE WHEN w.item_type = 'material' THEN m.price ELSE round(pc.unit_cost, 4) END AS unit_cost,
       st.location_id AS store_loc, pk.location_id AS pick_loc
FROM wh w CROSS JOIN prm p
CROSS JOIN LATERAL generate_series(0, w.n_items - 1) k
LEFT JOIN mat m ON w.item_type = 'material' AND m.material_id = w.factory_id + p.nf * k
LEFT JOIN prod_cost pc ON w.item_type = 'product' AND pc.product_id = w.factory_id + p.nf * k
JOIN loc st ON st.warehouse_id = w.warehouse_id AND st.zone_k = 2 AND st.seq = k
LEFT JOIN loc pk ON w.item_type = 'product' AND pk.warehouse_id = w.warehouse_id
                    AND pk.zone_k = 3 AND pk.seq = k;
CREATE UNIQUE INDEX ON item (warehouse_id, item_idx);
CREATE UNIQUE INDEX ON item (warehouse_id, item_id);

-- Receiving ---------------------------------------------------------------------------------
-- POs with a receipt, plus POs still expected within a week (ASN known, nothing arrived).
CREATE TEMP TABLE rc AS
SELECT row_number() OVER (ORDER BY k.po_no) AS receipt_id, k.*,
       'PO-' || to_char(k.order_date, 'YYYY') || '-' || lpad(k.po_no::text, 6, '0') AS po_number,
       2 * k.factory_id - 1 AS warehouse_id,
       CASE WHEN k.status IN ('partially_received', 'received') THEN
         CASE WHEN k.received_date = p.e AND pg_temp.rnd_bool('rcv.inprogress', k.po_no, 0.5)
              THEN 'receiving' ELSE 'completed' END
         ELSE 'expected' END AS rstatus,
       pg_temp.ts(CASE WHEN k.status IN ('partially_received', 'received') THEN k.received_date
                       ELSE k.expected_date END,
                  25200 + 3600 * (k.po_no % 8)) AS slot_ts,
       pg_temp.ts(k.received_date, 25200 + 3600 * (k.po_no % 8)
                                   + 2400 * pg_temp.rnd('rcv.arrive', k.po_no)) AS arrived_ts,
       1 + (k.supplier_id * 3 + k.po_no % 2) % p.ncar AS carrier_id,
       pg_temp.pick_emp(k.factory_id, 6, pg_temp.rnd('rcv.clerk', k.po_no)) AS clerk
FROM k_po k CROSS JOIN prm p
WHERE k.status IN ('partially_received', 'received')
   OR (k.status IN ('sent', 'approved') AND k.expected_date <= p.e + 7);
ALTER TABLE rc ADD PRIMARY KEY (po_no);

INSERT INTO receiving_receipts (receipt_id, receipt_number, asn_number, po_number, supplier_id,
                                carrier_id, warehouse_id, dock_location_id, expected_at,
                                arrived_at, completed_at, status, received_by_employee_id, notes,
                                created_at, updated_at, modified_by)
SELECT r.receipt_id, 'RCV-' || lpad(r.po_no::text, 7, '0'),
       'ASN-' || lpad(r.supplier_id::text, 4, '0') || '-' || lpad(r.po_no::text, 7, '0'),
       r.po_number, r.supplier_id, r.carrier_id, r.warehouse_id, d.location_id,
       pg_temp.ts(r.expected_date, 25200 + 3600 * (r.po_no % 8)),
       CASE WHEN r.rstatus <> 'expected' THEN r.arrived_ts END,
       CASE WHEN r.rstatus = 'completed'
            THEN r.arrived_ts + (45 + 120 * pg_temp.rnd('rcv.dur', r.po_no)) * interval '1 minute' END,
       r.rstatus, CASE WHEN r.rstatus <> 'expected' THEN r.clerk END,
       CASE WHEN pg_temp.rnd_bool('rcv.note', r.po_no, 0.08)
            THEN pg_temp.rnd_pick('rcv.notetext', r.po_no,
                                  ARRAY['Pallets re-stacked, two cartons crushed.',
                                        'Truck arrived without appointment, unloaded at door 4.',
                                        'Packing list missing, matched against ASN.',
                                        'Seal number differs from ASN; supplier informed.']) END,
       pg_temp.ts(r.order_date, 36000 + 3600 * pg_temp.rnd('rcv.asn', r.po_no)),
       CASE WHEN r.rstatus = 'completed'
            THEN r.arrived_ts + (45 + 120 * pg_temp.rnd('rcv.dur', r.po_no)) * interval '1 minute'
            WHEN r.rstatus = 'receiving' THEN r.arrived_ts
            ELSE pg_temp.ts(r.order_date, 36000 + 3600 * pg_temp.rnd('rcv.asn', r.po_no)) END,
       CASE WHEN r.rstatus = 'expected' THEN 'edi_asn' ELSE 'user' || r.clerk END
FROM rc r JOIN loc d ON d.warehouse_id = r.warehouse_id AND d.zone_k = 1 AND d.seq = r.po_no % 4;

CREATE TEMP TABLE rl AS
SELECT row_number() OVER (ORDER BY r.receipt_id, l.line_no) AS receipt_line_id, r.receipt_id,
       r.po_no, l.line_no, l.material_id, l.quantity AS qty_expected,
       coalesce(x.qty_received, 0) AS qty_received, coalesce(x.qty_rejected, 0) AS qty_damaged,
       r.rstatus, r.received_date, r.arrived_ts, r.warehouse_id, r.supplier_id, r.clerk,
       r.po_number, r.factory_id
FROM rc r JOIN k_pol l USING (po_no) LEFT JOIN k_rcv x USING (po_no, line_no);

-- Lots: an opening lot per item (received before the window), one per received receipt line,
-- and finished-goods lots from production during the window.
CREATE TEMP TABLE prod_lot AS
SELECT p.d0 + g AS made_date, w.warehouse_id, w.factory_id, j,
       i.item_id AS product_id, i.item_idx, i.store_loc, i.unit_cost,
       5 * pg_temp.rnd_int('prod.qty', (g * 100 + w.factory_id) * 100 + j, 10, 100) AS qty,
       pg_temp.ts(p.d0 + g, 21600 + 57600 * pg_temp.rnd('prod.ts', (g * 100 + w.factory_id) * 100 + j)) AS made_ts,
       (g * 100 + w.factory_id) * 100 + j AS k
FROM prm p, generate_series(0, p.d - 1) g, wh w,
     LATERAL generate_series(1, greatest(1, round(2 * p.vol))::int) j,
     LATERAL (SELECT * FROM item
              WHERE item.warehouse_id = w.warehouse_id
                AND item.item_idx = floor(w.n_items * pg_temp.rnd('prod.item', (g * 100 + w.factory_id) * 100 + j) ^ 1.5)::int) i
WHERE w.item_type = 'product';

CREATE TEMP TABLE lot_x AS
WITH u AS (
  SELECT 1 AS kind, i.warehouse_id::bigint * 1000000 + i.item_idx AS k, i.item_type, i.item_id,
         CASE WHEN i.item_type = 'material'
              THEN 1 + (i.item_id * 7) % (SELECT ns FROM prm) END AS supplier_id,
         p.d0 - pg_temp.rnd_int('lot.open', i.warehouse_id * 1000000 + i.item_idx, 5, 60)::int AS received_date
  FROM item i CROSS JOIN prm p
  UNION ALL
  SELECT 2, po_no * 8 + line_no, 'material', material_id, supplier_id, received_date
  FROM rl WHERE qty_received > 0
  UNION ALL
  SELECT 3, k, 'product', product_id, NULL, made_date FROM prod_lot
)
SELECT row_number() OVER (ORDER BY received_date, kind, k) AS lot_id, u.* FROM u;
CREATE UNIQUE INDEX ON lot_x (kind, k);

INSERT INTO lots (lot_id, lot_number, item_type, item_id, supplier_id, supplier_lot,
                  manufactured_date, received_date, expiry_date, status, certificate, created_at,
                  updated_at, modified_by)
SELECT x.lot_id, 'L' || to_char(x.received_date, 'YYMMDD') || '-' || lpad(x.lot_id::text, 7, '0'),
       x.item_type, x.item_id, x.supplier_id,
       CASE WHEN x.item_type = 'material'
            THEN 'S' || x.supplier_id || '-' || upper(left(md5('slot' || x.kind || x.k), 8)) END,
       x.received_date - CASE WHEN x.item_type = 'material'
                              THEN pg_temp.rnd_int('lot.mfg', x.lot_id, 5, 60)::int ELSE 0 END,
       x.received_date,
       CASE WHEN x.item_type = 'material' AND x.item_id % 5 = 0 THEN x.received_date + 540 END,
       CASE WHEN x.kind = 2 AND x.received_date <= p.e - 30 THEN 'consumed'
            WHEN x.kind = 3 AND x.received_date <= p.e - 20 THEN 'consumed'
            WHEN x.kind = 2 AND x.received_date >= p.e - 2
                 AND (SELECT qty_damaged FROM rl WHERE rl.po_no * 8 + rl.line_no = x.k) > 0 THEN 'quarantine'
            ELSE 'released' END,
       CASE WHEN x.item_type = 'material'
            THEN jsonb_build_object('coa', true, 'heat_number', 'H' || (100000 + x.lot_id),
                                    'tensile_mpa', 400 + (x.lot_id % 90))
            ELSE jsonb_build_object('work_center', 'WC-F' || ((x.item_id - 1) % p.nf + 1),
                                    'inspected', true) END,
       pg_temp.ts(x.received_date, 43200), pg_temp.ts(x.received_date, 43200),
       CASE x.kind WHEN 3 THEN 'mes_interface' ELSE 'receiving' END
FROM lot_x x CROSS JOIN prm p;

INSERT INTO receipt_lines (receipt_line_id, receipt_id, line_number, po_line_number, material_id,
                           lot_id, qty_expected, qty_received, qty_damaged, uom, status,
                           inspection_required, created_at, updated_at, modified_by)
SELECT r.receipt_line_id, r.receipt_id, r.line_no, r.line_no, r.material_id, x.lot_id,
       r.qty_expected, r.qty_received, r.qty_damaged, 'EA',
       CASE WHEN r.rstatus = 'expected' THEN 'pending'
            WHEN r.qty_damaged > 0 THEN 'damaged'
            WHEN r.qty_received < r.qty_expected THEN 'short' ELSE 'received' END,
       r.material_id % 5 = 0,
       rr.created_at, rr.updated_at, rr.modified_by
FROM rl r JOIN receiving_receipts rr USING (receipt_id)
LEFT JOIN lot_x x ON x.kind = 2 AND x.k = r.po_no * 8 + r.line_no;

-- Putaway of received material lots and of produced finished-goods lots.
CREATE TEMP TABLE pa AS
WITH u AS (
  SELECT 1 AS kind, r.po_no * 8 + r.line_no AS k, r.receipt_line_id, r.warehouse_id, 'material' AS item_type,
         r.material_id AS item_id, x.lot_id, r.qty_received - r.qty_damaged AS quantity,
         rr.dock_location_id AS from_loc, i.store_loc AS to_loc, r.factory_id,
         coalesce(rr.completed_at, r.arrived_ts) AS ready_ts,
         CASE WHEN r.rstatus = 'receiving' THEN 'open' ELSE 'completed' END AS pstatus
  FROM rl r JOIN receiving_receipts rr USING (receipt_id)
  JOIN lot_x x ON x.kind = 2 AND x.k = r.po_no * 8 + r.line_no
  JOIN item i ON i.warehouse_id = r.warehouse_id AND i.item_id = r.material_id
  WHERE r.qty_received > r.qty_damaged
  UNION ALL
  SELECT 2, pl.k, NULL, pl.warehouse_id, 'product', pl.product_id, x.lot_id, pl.qty,
         d.location_id, pl.store_loc, pl.factory_id, pl.made_ts,
         CASE WHEN pl.made_ts + interval '4 hours' > pg_temp.ts(p.e, 86399) THEN 'assigned'
              ELSE 'completed' END
  FROM prod_lot pl CROSS JOIN prm p
  JOIN lot_x x ON x.kind = 3 AND x.k = pl.k
  JOIN loc d ON d.warehouse_id = pl.warehouse_id AND d.zone_k = 1 AND d.seq = 0
)
SELECT row_number() OVER (ORDER BY ready_ts, kind, k) AS putaway_task_id, u.*,
       pg_temp.pick_emp(u.factory_id, 6, pg_temp.rnd('pa.emp', u.kind * 100000000 + u.k)) AS emp,
       u.ready_ts + (20 + 200 * pg_temp.rnd('pa.wait', u.kind * 100000000 + u.k)) * interval '1 minute' AS start_ts
FROM u;

INSERT INTO putaway_tasks (putaway_task_id, task_number, warehouse_id, receipt_line_id, item_type,
                           item_id, lot_id, quantity, from_location_id, to_location_id,
                           assigned_employee_id, status, started_at, completed_at, created_at,
                           updated_at, modified_by)
SELECT a.putaway_task_id, 'PA-' || lpad(a.putaway_task_id::text, 8, '0'), a.warehouse_id,
       a.receipt_line_id, a.item_type, a.item_id, a.lot_id, a.quantity, a.from_loc, a.to_loc,
       CASE WHEN a.pstatus <> 'open' THEN a.emp END, a.pstatus,
       CASE WHEN a.pstatus = 'completed' THEN a.start_ts END,
       CASE WHEN a.pstatus = 'completed' THEN a.start_ts + interval '12 minutes' END,
       a.ready_ts,
       CASE WHEN a.pstatus = 'completed' THEN a.start_ts + interval '12 minutes' ELSE a.ready_ts END,
       CASE WHEN a.pstatus = 'open' THEN 'wms' ELSE 'user' || a.emp END
FROM pa a;

-- Outbound: pick tasks for the orders leaving the finished-goods warehouses ----------------
CREATE TEMP TABLE pt AS
WITH t AS (
  SELECT s.so_no, s.order_number, s.warehouse_id, s.factory_id, s.customer_id, s.ship_date,
         s.order_status, k.lead_days, k.n_lines,
         CASE WHEN s.order_status IN ('shipped', 'invoiced') THEN 'shipped'
              WHEN s.ship_date = p.e + 1 THEN
                CASE WHEN pg_temp.rnd('pick.state', s.so_no) < 0.4 THEN 'picked'
                     WHEN pg_temp.rnd('pick.state', s.so_no) < 0.7 THEN 'in_progress'
                     ELSE 'released' END
              ELSE CASE WHEN pg_temp.rnd('pick.state', s.so_no) < 0.5 THEN 'released'
                        ELSE 'pending' END END AS tstatus,
         CASE WHEN s.order_status IN ('shipped', 'invoiced')
              THEN s.ship_date - CASE WHEN pg_temp.rnd('pick.day', s.so_no) < 0.6 THEN 1 ELSE 0 END
              ELSE p.e END AS pick_day,
         pg_temp.pick_emp(s.factory_id, 6, pg_temp.rnd('pick.picker', s.so_no)) AS picker
  FROM k_shp s JOIN k_so k USING (so_no) CROSS JOIN prm p
)
SELECT row_number() OVER (ORDER BY t.so_no) AS picking_task_id, t.*,
       1 + t.so_no % 3 AS wave_slot,
       pg_temp.ts(t.pick_day, 21600 + 3600 * 2.5 * (t.so_no % 3)
                              + 5400 * pg_temp.rnd('pick.start', t.so_no)) AS start_ts,
       (10 + 80 * pg_temp.rnd('pick.dur', t.so_no)) * interval '1 minute' AS dur
FROM t;
ALTER TABLE pt ADD PRIMARY KEY (so_no);

CREATE TEMP TABLE wv AS
SELECT dense_rank() OVER (ORDER BY pick_day, warehouse_id, wave_slot) AS wave_id,
       pick_day, warehouse_id, wave_slot
FROM (SELECT DISTINCT pick_day, warehouse_id, wave_slot FROM pt WHERE tstatus <> 'pending') x;

INSERT INTO waves (wave_id, wave_number, warehouse_id, wave_type, planned_release_at, released_at,
                   completed_at, status, order_count, line_count, created_at, updated_at,
                   modified_by)
SELECT w.wave_id,
       'WV-' || lpad(w.warehouse_id::text, 2, '0') || '-' || to_char(w.pick_day, 'YYMMDD') || '-' || w.wave_slot,
       w.warehouse_id, CASE w.wave_slot WHEN 1 THEN 'standard' WHEN 2 THEN 'export' ELSE 'rush' END,
       pg_temp.ts(w.pick_day, 19800 + 9000 * (w.wave_slot - 1)),
       pg_temp.ts(w.pick_day, 19800 + 9000 * (w.wave_slot - 1)) + interval '10 minutes',
       CASE WHEN a.open_tasks = 0 THEN a.last_done END,
       CASE WHEN a.open_tasks = 0 THEN 'completed' WHEN a.started > 0 THEN 'in_progress'
            ELSE 'released' END,
       a.orders, a.lines,
       pg_temp.ts(w.pick_day, 18000 + 9000 * (w.wave_slot - 1)),
       coalesce(CASE WHEN a.open_tasks = 0 THEN a.last_done END,
                pg_temp.ts(w.pick_day, 19800 + 9000 * (w.wave_slot - 1)) + interval '10 minutes'),
       'wave_planner'
FROM wv w
JOIN (SELECT t.pick_day, t.warehouse_id, t.wave_slot, count(*) AS orders,
             sum(t.n_lines) AS lines,
             count(*) FILTER (WHERE t.tstatus IN ('released', 'in_progress')) AS open_tasks,
             count(*) FILTER (WHERE t.tstatus <> 'released') AS started,
             max(t.start_ts + t.dur) AS last_done
      FROM pt t WHERE t.tstatus <> 'pending' GROUP BY 1, 2, 3) a
  USING (pick_day, warehouse_id, wave_slot);

INSERT INTO picking_tasks (picking_task_id, task_number, wave_id, warehouse_id, order_number,
                           customer_id, priority, picker_employee_id, status, due_at, started_at,
                           completed_at, created_at, updated_at, modified_by)
SELECT t.picking_task_id, 'PK-' || lpad(t.picking_task_id::text, 8, '0'), w.wave_id,
       t.warehouse_id, t.order_number, t.customer_id,
       CASE WHEN t.lead_days <= 6 THEN 1 ELSE pg_temp.rnd_int('so.prio', t.so_no, 2, 5)::int END,
       CASE WHEN t.tstatus NOT IN ('pending', 'released') THEN t.picker END, t.tstatus,
       pg_temp.ts(t.ship_date, 43200),
       CASE WHEN t.tstatus NOT IN ('pending', 'released') THEN t.start_ts END,
       CASE WHEN t.tstatus IN ('picked', 'shipped') THEN t.start_ts + t.dur END,
       pg_temp.ts(t.pick_day - 1, 64800),
       CASE WHEN t.tstatus = 'shipped'
            THEN pg_temp.ts(t.ship_date, 46800 + 21600 * pg_temp.rnd('so.shipts', t.so_no))
            WHEN t.tstatus = 'picked' THEN t.start_ts + t.dur
            WHEN t.tstatus = 'in_progress' THEN t.start_ts
            ELSE pg_temp.ts(t.pick_day - 1, 64800) END,
       CASE WHEN t.tstatus IN ('pending', 'released') THEN 'wave_planner'
            WHEN t.tstatus = 'shipped' THEN 'shipping' ELSE 'user' || t.picker END
FROM pt t LEFT JOIN wv w ON t.tstatus <> 'pending' AND w.pick_day = t.pick_day
                           AND w.warehouse_id = t.warehouse_id AND w.wave_slot = t.wave_slot;

CREATE TEMP TABLE pln AS
SELECT row_number() OVER (ORDER BY t.picking_task_id, l.line_no) AS pick_line_id,
       t.picking_task_id, t.so_no, t.order_number, t.warehouse_id, t.factory_id, t.tstatus,
       t.picker, t.ship_date, l.line_no, l.product_id, l.quantity, i.pick_loc, i.unit_cost,
       ox.lot_id,
       CASE WHEN t.tstatus IN ('picked', 'shipped')
                 OR (t.tstatus = 'in_progress' AND l.line_no <= 2) THEN true ELSE false END AS is_picked,
       t.start_ts + t.dur * l.line_no / t.n_lines AS picked_ts
FROM pt t JOIN k_sol l USING (so_no)
JOIN item i ON i.warehouse_id = t.warehouse_id AND i.item_id = l.product_id
JOIN lot_x ox ON ox.kind = 1 AND ox.k = i.warehouse_id::bigint * 1000000 + i.item_idx;

INSERT INTO pick_lines (pick_line_id, picking_task_id, line_number, product_id, lot_id,
                        location_id, qty_requested, qty_picked, status, picked_at, created_at,
                        updated_at, modified_by)
SELECT l.pick_line_id, l.picking_task_id, l.line_no, l.product_id, l.lot_id, l.pick_loc,
       l.quantity, CASE WHEN l.is_picked THEN l.quantity ELSE 0 END,
       CASE WHEN l.is_picked THEN 'picked' ELSE 'open' END,
       CASE WHEN l.is_picked THEN l.picked_ts END,
       t.created_at, CASE WHEN l.is_picked THEN l.picked_ts ELSE t.created_at END,
       CASE WHEN l.is_picked THEN 'user' || l.picker ELSE 'wave_planner' END
FROM pln l JOIN picking_tasks t USING (picking_task_id);

INSERT INTO pack_containers (container_id, lpn, picking_task_id, container_type, gross_weight_kg,
                             dimensions_cm, packed_by_employee_id, packed_at, status, created_at,
                             updated_at, modified_by)
WITH tw AS (
  SELECT l.picking_task_id, sum(l.quantity * w.unit_kg) AS kg
  FROM pln l JOIN prod_w w USING (product_id) GROUP BY 1
), c AS (
  SELECT t.picking_task_id, t.tstatus, t.picker, t.start_ts + t.dur AS done_ts, tw.kg,
         least(4, 1 + floor(tw.kg / 1000))::int AS n, tw.kg > 250 AS pallet, t.ship_date
  FROM pt t JOIN tw USING (picking_task_id)
  WHERE t.tstatus IN ('picked', 'shipped')
)
SELECT row_number() OVER (ORDER BY c.picking_task_id, j),
       'LPN' || lpad((row_number() OVER (ORDER BY c.picking_task_id, j))::text, 9, '0'),
       c.picking_task_id, CASE WHEN c.pallet THEN 'pallet' ELSE 'carton' END,
       round(c.kg / c.n + CASE WHEN c.pallet THEN 25 ELSE 0.8 END, 3),
       CASE WHEN c.pallet THEN ARRAY[120, 80, 60 + (c.picking_task_id % 8) * 10]
            ELSE ARRAY[60, 40, 20 + (c.picking_task_id % 5) * 5] END,
       c.picker, c.done_ts + interval '15 minutes',
       CASE WHEN c.tstatus = 'shipped' THEN 'shipped' ELSE 'closed' END,
       c.done_ts, c.done_ts + interval '15 minutes', 'user' || c.picker
FROM c, generate_series(1, c.n) j;

-- Replenishment of pick faces ----------------------------------------------------------------
INSERT INTO replenishment_rules (rule_id, warehouse_id, location_id, source_zone_id, product_id,
                                 min_qty, max_qty, reorder_qty, is_active, created_at,
                                 updated_at, modified_by)
SELECT row_number() OVER (ORDER BY i.warehouse_id, i.item_idx), i.warehouse_id, i.pick_loc,
       (i.warehouse_id - 1) * 5 + 2, i.item_id, r.mn, r.mn * r.mult, r.mn * (r.mult - 1),
       NOT pg_temp.rnd_bool('rr.inactive', i.item_id, 0.02),
       pg_temp.ts(p.d0 - 200, 36000), pg_temp.ts(p.d0 - 200, 36000), 'system'
FROM item i CROSS JOIN prm p,
     LATERAL (SELECT 5 * pg_temp.rnd_int('rr.min', i.item_id, 4, 12) AS mn,
                     pg_temp.rnd_int('rr.mult', i.item_id, 3, 6) AS mult) r
WHERE i.item_type = 'product';

INSERT INTO replenishment_tasks (replenishment_task_id, rule_id, from_location_id, to_location_id,
                                 quantity, status, assigned_employee_id, completed_at, created_at,
                                 updated_at, modified_by)
WITH t AS (
  SELECT p.d0 + g AS day, w.warehouse_id, w.factory_id, j, (g * 100 + w.warehouse_id) * 100 + j AS k,
         floor(w.n_items * pg_temp.rnd('rp.item', (g * 100 + w.warehouse_id) * 100 + j))::int AS item_idx
  FROM prm p, generate_series(0, p.d - 1) g, wh w,
       LATERAL generate_series(1, greatest(1, round(2 * p.vol))::int) j
  WHERE w.item_type = 'product'
)
SELECT row_number() OVER (ORDER BY t.day, t.warehouse_id, t.j), r.rule_id, i.store_loc, i.pick_loc,
       r.reorder_qty,
       CASE WHEN t.day = p.e AND pg_temp.rnd_bool('rp.open', t.k, 0.5) THEN 'open' ELSE 'completed' END,
       pg_temp.pick_emp(t.factory_id, 6, pg_temp.rnd('rp.emp', t.k)),
       CASE WHEN NOT (t.day = p.e AND pg_temp.rnd_bool('rp.open', t.k, 0.5))
            THEN pg_temp.ts(t.day, 25200 + 43200 * pg_temp.rnd('rp.ts', t.k)) + interval '25 minutes' END,
       pg_temp.ts(t.day, 25200 + 43200 * pg_temp.rnd('rp.ts', t.k)),
       pg_temp.ts(t.day, 25200 + 43200 * pg_temp.rnd('rp.ts', t.k)) + interval '25 minutes',
       'wms'
FROM t CROSS JOIN prm p
JOIN item i ON i.warehouse_id = t.warehouse_id AND i.item_idx = t.item_idx
JOIN replenishment_rules r ON r.location_id = i.pick_loc AND r.product_id = i.item_id;

-- Inventory on hand ---------------------------------------------------------------------------
INSERT INTO inventory (inventory_id, warehouse_id, location_id, item_type, item_id, lot_id,
                       qty_on_hand, qty_reserved, uom, unit_cost, status, last_movement_at,
                       created_at, updated_at, modified_by)
WITH u AS (
  -- opening lot in the home bin, and for products a second share on the pick face
  SELECT i.warehouse_id, i.store_loc AS location_id, i.item_type, i.item_id, x.lot_id,
         CASE WHEN i.item_type = 'material' THEN 10 ELSE 5 END
           * pg_temp.rnd_int('inv.open', x.lot_id, 20, 400) AS qty,
         i.unit_cost, pg_temp.ts(x.received_date, 50400) AS moved_ts, 'released' AS lot_status
  FROM item i JOIN lot_x x ON x.kind = 1 AND x.k = i.warehouse_id::bigint * 1000000 + i.item_idx
  UNION ALL
  SELECT i.warehouse_id, i.pick_loc, i.item_type, i.item_id, x.lot_id,
         5 * pg_temp.rnd_int('inv.pick', x.lot_id, 10, 80), i.unit_cost,
         pg_temp.ts(x.received_date, 54000), 'released'
  FROM item i JOIN lot_x x ON x.kind = 1 AND x.k = i.warehouse_id::bigint * 1000000 + i.item_idx
  WHERE i.item_type = 'product'
  UNION ALL
  -- recent lots still (partly) on hand: in the home bin once put away, else on the dock
  SELECT a.warehouse_id, CASE WHEN a.pstatus = 'completed' THEN a.to_loc ELSE a.from_loc END,
         a.item_type, a.item_id, a.lot_id,
         CASE WHEN a.pstatus = 'completed'
              THEN greatest(1, round(a.quantity * pg_temp.rnd_num('inv.left', a.lot_id, 0.2, 1.0, 3)))
              ELSE a.quantity END,
         i.unit_cost, a.start_ts, l.status
  FROM pa a JOIN lots l USING (lot_id)
  JOIN item i ON i.warehouse_id = a.warehouse_id AND i.item_id = a.item_id
  WHERE l.status <> 'consumed'
)
SELECT row_number() OVER (ORDER BY u.location_id, u.item_type, u.item_id, u.lot_id), u.warehouse_id,
       u.location_id, u.item_type, u.item_id, u.lot_id, u.qty, 0, 'EA', u.unit_cost,
       CASE WHEN u.lot_status = 'quarantine' THEN 'quarantine'
            WHEN pg_temp.rnd_bool('inv.hold', u.lot_id * 10 + (u.location_id % 10), 0.01) THEN 'hold'
            ELSE 'available' END,
       u.moved_ts, u.moved_ts, u.moved_ts, 'wms'
FROM u;

-- Open picks reserve stock on the pick face.
UPDATE inventory v
SET qty_reserved = least(v.qty_on_hand, r.qty)
FROM (SELECT pick_loc, lot_id, sum(quantity) AS qty FROM pln WHERE NOT is_picked GROUP BY 1, 2) r
WHERE v.location_id = r.pick_loc AND v.lot_id = r.lot_id;

-- Cycle counts ------------------------------------------------------------------------------
-- The day after end_date is already scheduled.
CREATE TEMP TABLE cc AS
WITH c AS (
  SELECT p.d0 + g AS day, w.warehouse_id, w.factory_id, j,
         (g * 100 + w.warehouse_id) * 100 + j AS k,
         floor(w.n_items * pg_temp.rnd('cc.item', (g * 100 + w.warehouse_id) * 100 + j))::int AS item_idx
  FROM prm p, generate_series(0, p.d) g, wh w,
       LATERAL generate_series(1, ceil(1.5 * p.vol)::int) j
)
SELECT row_number() OVER (ORDER BY c.day, c.warehouse_id, c.j) AS cycle_count_id, c.*,
       i.item_type, i.item_id, i.store_loc, i.unit_cost, v.inventory_id, v.lot_id,
       round(v.qty_on_hand * pg_temp.rnd_num('cc.sys', c.k, 0.7, 1.3, 3)) AS system_qty,
       CASE WHEN pg_temp.rnd('cc.var', c.k) < 0.78 THEN 0
            ELSE round(v.qty_on_hand * pg_temp.rnd_num('cc.varpct', c.k, -0.06, 0.03, 4)) END AS var_qty,
       pg_temp.ts(c.day, 28800 + 28800 * pg_temp.rnd('cc.ts', c.k)) AS counted_ts,
       pg_temp.pick_emp(c.factory_id, 6, pg_temp.rnd('cc.emp', c.k)) AS counter,
       pg_temp.pick_emp(c.factory_id, 3, pg_temp.rnd('cc.appr', c.k)) AS approver
FROM c
JOIN item i ON i.warehouse_id = c.warehouse_id AND i.item_idx = c.item_idx
JOIN lot_x x ON x.kind = 1 AND x.k = i.warehouse_id::bigint * 1000000 + i.item_idx
JOIN inventory v ON v.location_id = i.store_loc AND v.lot_id = x.lot_id;
ALTER TABLE cc ADD COLUMN cstatus text;
UPDATE cc SET cstatus = CASE WHEN cc.day > p.e THEN 'scheduled'
                             WHEN abs(cc.var_qty) > 0.05 * cc.system_qty AND cc.day >= p.e - 2 THEN 'recount'
                             WHEN cc.day = p.e AND pg_temp.rnd_bool('cc.open', cc.k, 0.5) THEN 'counted'
                             ELSE 'approved' END
FROM prm p;

INSERT INTO cycle_counts (cycle_count_id, count_number, warehouse_id, location_id, inventory_id,
                          item_type, item_id, lot_id, count_type, scheduled_date, system_qty,
                          counted_qty, variance_qty, unit_cost, variance_value, status,
                          counter_employee_id, counted_at, approved_by_employee_id, approved_at,
                          created_at, updated_at, modified_by)
SELECT c.cycle_count_id, 'CC-' || lpad(c.warehouse_id::text, 2, '0') || '-' || to_char(c.day, 'YYMMDD')
         || '-' || c.j,
       c.warehouse_id, c.store_loc, c.inventory_id, c.item_type, c.item_id, c.lot_id,
       pg_temp.rnd_pick('cc.type', c.k, ARRAY['abc', 'abc', 'random', 'blind', 'exception']),
       c.day, c.system_qty,
       CASE WHEN c.cstatus <> 'scheduled' THEN c.system_qty + c.var_qty END,
       CASE WHEN c.cstatus <> 'scheduled' THEN c.var_qty END, c.unit_cost,
       CASE WHEN c.cstatus <> 'scheduled' THEN round(c.var_qty * c.unit_cost, 2) END,
       c.cstatus,
       CASE WHEN c.cstatus <> 'scheduled' THEN c.counter END,
       CASE WHEN c.cstatus <> 'scheduled' THEN c.counted_ts END,
       CASE WHEN c.cstatus = 'approved' THEN c.approver END,
       CASE WHEN c.cstatus = 'approved' THEN c.counted_ts + interval '2 hours' END,
       pg_temp.ts(c.day - 1, 61200),
       CASE c.cstatus WHEN 'scheduled' THEN pg_temp.ts(c.day - 1, 61200)
                      WHEN 'approved' THEN c.counted_ts + interval '2 hours' ELSE c.counted_ts END,
       CASE c.cstatus WHEN 'scheduled' THEN 'wms' WHEN 'approved' THEN 'user' || c.approver
                      ELSE 'user' || c.counter END
FROM cc c;

UPDATE inventory v SET last_counted_at = c.ts
FROM (SELECT inventory_id, max(counted_ts) AS ts FROM cc WHERE cstatus <> 'scheduled' GROUP BY 1) c
WHERE v.inventory_id = c.inventory_id;

-- Inventory transaction ledger -------------------------------------------------------------
CREATE TEMP TABLE tx (
  rank int, k bigint, txn_type text, warehouse_id bigint, item_type text, item_id bigint,
  lot_id bigint, quantity numeric, unit_cost numeric, from_loc bigint, to_loc bigint,
  reference_type text, reference_number text, reason_code text, employee_id bigint,
  ts timestamptz
);
-- receipts onto the dock and putaway into storage
INSERT INTO tx
SELECT 1, r.receipt_line_id, 'receipt', r.warehouse_id, 'material', r.material_id, x.lot_id,
       r.qty_received, m.price, NULL, rr.dock_location_id, 'purchase_order', r.po_number,
       CASE WHEN r.qty_damaged > 0 THEN 'DAMAGED_PARTIAL' END, r.clerk,
       r.arrived_ts + r.line_no * interval '3 minutes'
FROM rl r JOIN receiving_receipts rr USING (receipt_id) JOIN mat m USING (material_id)
JOIN lot_x x ON x.kind = 2 AND x.k = r.po_no * 8 + r.line_no
WHERE r.qty_received > 0;
INSERT INTO tx
SELECT 2, a.putaway_task_id, 'putaway', a.warehouse_id, a.item_type, a.item_id, a.lot_id,
       a.quantity, i.unit_cost, a.from_loc, a.to_loc, NULL, 'PA-' || lpad(a.putaway_task_id::text, 8, '0'),
       NULL, a.emp, a.start_ts + interval '12 minutes'
FROM pa a JOIN item i ON i.warehouse_id = a.warehouse_id AND i.item_id = a.item_id
WHERE a.pstatus = 'completed';
-- finished goods reported from production onto the receiving dock
INSERT INTO tx
SELECT 3, pl.k, 'production_receipt', pl.warehouse_id, 'product', pl.product_id, x.lot_id, pl.qty,
       pl.unit_cost, NULL, d.location_id, 'work_order',
       'PRD-F' || lpad(pl.factory_id::text, 2, '0') || '-' || to_char(pl.made_date, 'YYYYMMDD'),
       NULL, NULL, pl.made_ts
FROM prod_lot pl JOIN lot_x x ON x.kind = 3 AND x.k = pl.k
JOIN loc d ON d.warehouse_id = pl.warehouse_id AND d.zone_k = 1 AND d.seq = 0;
-- raw materials issued to production (kitting)
INSERT INTO tx
SELECT 4, t.k, 'issue', t.warehouse_id, 'material', i.item_id, x.lot_id, t.qty, i.unit_cost,
       i.store_loc, NULL, 'work_order',
       'KIT-F' || lpad(t.factory_id::text, 2, '0') || '-' || to_char(t.day, 'YYYYMMDD') || '-' || t.j,
       NULL, pg_temp.pick_emp(t.factory_id, 6, pg_temp.rnd('iss.emp', t.k)), t.ts
FROM (SELECT p.d0 + g AS day, w.warehouse_id, w.factory_id, j, (g * 100 + w.warehouse_id) * 100 + j AS k,
             floor(w.n_items * pg_temp.rnd('iss.item', (g * 100 + w.warehouse_id) * 100 + j))::int AS item_idx,
             10 * pg_temp.rnd_int('iss.qty', (g * 100 + w.warehouse_id) * 100 + j, 2, 60) AS qty,
             pg_temp.ts(p.d0 + g, 21600 + 57600 * pg_temp.rnd('iss.ts', (g * 100 + w.warehouse_id) * 100 + j)) AS ts
      FROM prm p, generate_series(0, p.d - 1) g, wh w,
           LATERAL generate_series(1, greatest(1, round(4 * p.vol))::int) j
      WHERE w.item_type = 'material') t
JOIN item i ON i.warehouse_id = t.warehouse_id AND i.item_idx = t.item_idx
JOIN lot_x x ON x.kind = 1 AND x.k = i.warehouse_id::bigint * 1000000 + i.item_idx;
-- picks to the shipping lane, then the truck leaves
INSERT INTO tx
SELECT 5, l.pick_line_id, 'pick', l.warehouse_id, 'product', l.product_id, l.lot_id, l.quantity,
       l.unit_cost, l.pick_loc, s.location_id, 'sales_order', l.order_number, NULL, l.picker,
       l.picked_ts
FROM pln l JOIN loc s ON s.warehouse_id = l.warehouse_id AND s.zone_k = 4 AND s.seq = l.so_no % 4
WHERE l.is_picked;
INSERT INTO tx
SELECT 6, l.pick_line_id, 'ship', l.warehouse_id, 'product', l.product_id, l.lot_id, l.quantity,
       l.unit_cost, s.location_id, NULL, 'sales_order', l.order_number, NULL, NULL,
       pg_temp.ts(l.ship_date, 46800 + 21600 * pg_temp.rnd('so.shipts', l.so_no))
FROM pln l JOIN loc s ON s.warehouse_id = l.warehouse_id AND s.zone_k = 4 AND s.seq = l.so_no % 4
WHERE l.tstatus = 'shipped';
-- pick-face replenishment from bulk
INSERT INTO tx
SELECT 7, t.replenishment_task_id, 'replenishment', r.warehouse_id, 'product', r.product_id,
       x.lot_id, t.quantity, i.unit_cost, t.from_location_id, t.to_location_id, 'replenishment',
       'RPL-' || t.replenishment_task_id, NULL, t.assigned_employee_id, t.completed_at
FROM replenishment_tasks t JOIN replenishment_rules r USING (rule_id)
JOIN item i ON i.warehouse_id = r.warehouse_id AND i.item_id = r.product_id
JOIN lot_x x ON x.kind = 1 AND x.k = i.warehouse_id::bigint * 1000000 + i.item_idx
WHERE t.status = 'completed';
-- count adjustments (negative quantity = stock loss)
INSERT INTO tx
SELECT 8, c.cycle_count_id, 'adjustment', c.warehouse_id, c.item_type, c.item_id, c.lot_id,
       c.var_qty, c.unit_cost, NULL, c.store_loc, 'cycle_count',
       'CC-' || lpad(c.warehouse_id::text, 2, '0') || '-' || to_char(c.day, 'YYMMDD') || '-' || c.j,
       CASE WHEN c.var_qty < 0 THEN 'COUNT_LOSS' ELSE 'COUNT_GAIN' END, c.approver,
       c.counted_ts + interval '2 hours'
FROM cc c WHERE c.cstatus = 'approved' AND c.var_qty <> 0;

INSERT INTO inventory_transactions (txn_id, txn_type, warehouse_id, item_type, item_id, lot_id,
                                    quantity, unit_cost, from_location_id, to_location_id,
                                    reference_type, reference_number, reason_code, employee_id,
                                    txn_ts, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY ts, rank, k), txn_type, warehouse_id, item_type, item_id,
       lot_id, quantity, unit_cost, from_loc, to_loc, reference_type, reference_number,
       reason_code, employee_id, ts, ts, ts,
       CASE WHEN employee_id IS NULL THEN 'wms' ELSE 'user' || employee_id END
FROM tx;

-- ABC/XYZ classification from the window's usage, annualised.
INSERT INTO item_classifications (classification_id, warehouse_id, item_type, item_id, abc_class,
                                  xyz_class, annual_usage_value, pick_frequency, velocity_rank,
                                  cumulative_value_pct, classified_on, created_at, updated_at,
                                  modified_by)
WITH use AS (
  SELECT i.warehouse_id, i.item_type, i.item_id,
         coalesce(sum(abs(t.quantity) * t.unit_cost) FILTER (WHERE t.txn_type IN ('pick', 'issue')), 0)
           * 365.0 / p.d AS value,
         count(t.*) FILTER (WHERE t.txn_type IN ('pick', 'issue')) AS freq
  FROM item i CROSS JOIN prm p
  LEFT JOIN tx t ON t.warehouse_id = i.warehouse_id AND t.item_id = i.item_id
                AND t.txn_type IN ('pick', 'issue')
  GROUP BY i.warehouse_id, i.item_type, i.item_id, p.d
), r AS (
  SELECT u.*, row_number() OVER (PARTITION BY warehouse_id ORDER BY value DESC, item_id) AS rnk,
         sum(value) OVER (PARTITION BY warehouse_id ORDER BY value DESC, item_id
                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
           / nullif(sum(value) OVER (PARTITION BY warehouse_id), 0) AS cum
  FROM use u
)
SELECT row_number() OVER (ORDER BY r.warehouse_id, r.rnk), r.warehouse_id, r.item_type, r.item_id,
       CASE WHEN coalesce(r.cum, 1) <= 0.80 THEN 'A' WHEN coalesce(r.cum, 1) <= 0.95 THEN 'B' ELSE 'C' END,
       CASE WHEN r.freq >= 6 THEN 'X' WHEN r.freq >= 2 THEN 'Y' ELSE 'Z' END,
       round(r.value, 2), r.freq, r.rnk, coalesce(r.cum, 1)::double precision,
       date_trunc('month', p.e)::date, pg_temp.ts(date_trunc('month', p.e)::date, 7200),
       pg_temp.ts(date_trunc('month', p.e)::date, 7200), 'abc_job'
FROM r CROSS JOIN prm p;

-- Dock appointments: inbound trucks for receipts, outbound trucks for TMS loads.
INSERT INTO dock_appointments (appointment_id, warehouse_id, dock_door, direction, carrier_id,
                               reference_number, trailer_number, scheduled_start, scheduled_end,
                               actual_arrival, actual_departure, status, created_at, updated_at,
                               modified_by)
WITH a AS (
  SELECT 1 AS dir, r.po_no AS k, r.warehouse_id, 'D' || lpad((r.po_no % 4 + 1)::text, 2, '0') AS door,
         'inbound' AS direction, r.carrier_id, r.po_number AS ref, r.slot_ts AS sched,
         rr.arrived_at AS arr, rr.completed_at AS dep,
         CASE rr.status WHEN 'completed' THEN 'completed' WHEN 'receiving' THEN 'unloading'
                        ELSE 'scheduled' END AS astatus,
         pg_temp.ts(r.order_date, 40000) AS created_ts
  FROM rc r JOIN receiving_receipts rr USING (receipt_id)
  UNION ALL
  SELECT 2, l.load_no, l.warehouse_id, 'D' || lpad((5 + l.carrier_id % 4)::text, 2, '0'),
         'outbound', l.carrier_id, 'LD-' || lpad(l.load_no::text, 7, '0'),
         pg_temp.ts(l.ship_date, 32400 + 3600 * (l.carrier_id % 8)),
         CASE WHEN l.ship_date <= p.e
              THEN pg_temp.ts(l.ship_date, 32400 + 3600 * (l.carrier_id % 8) + 1800 * pg_temp.rnd('dock.out', l.load_no)) END,
         CASE WHEN l.ship_date < p.e
              THEN pg_temp.ts(l.ship_date, 32400 + 3600 * (l.carrier_id % 8) + 1800 * pg_temp.rnd('dock.out', l.load_no) + 3600) END,
         CASE WHEN l.ship_date < p.e THEN 'completed' WHEN l.ship_date = p.e THEN 'loading'
              ELSE 'scheduled' END,
         pg_temp.ts(l.ship_date - 2, 50000)
  FROM (SELECT DISTINCT load_no, warehouse_id, carrier_id, ship_date FROM k_shp) l CROSS JOIN prm p
)
SELECT row_number() OVER (ORDER BY a.sched, a.dir, a.k), a.warehouse_id, a.door, a.direction,
       a.carrier_id, a.ref, 'TR-' || lpad((a.carrier_id * 1000 + a.k % 1000)::text, 6, '0'),
       a.sched, a.sched + interval '1 hour', a.arr, a.dep, a.astatus, a.created_ts,
       coalesce(a.dep, a.arr, a.created_ts), 'yard_mgmt'
FROM a;

-- RF scans of pick confirmations and material putaways.
INSERT INTO rf_scan_events (scan_id, device_id, warehouse_id, employee_id, location_id, scan_type,
                            barcode, task_reference, scanned_at, signal_dbm, battery_pct)
WITH s AS (
  SELECT 1 AS kind, l.pick_line_id AS k, l.warehouse_id, l.picker AS emp, l.pick_loc AS location_id,
         'item' AS scan_type, 'P' || lpad(l.product_id::text, 8, '0') AS barcode,
         'PK-' || lpad(l.picking_task_id::text, 8, '0') AS ref, l.picked_ts AS ts
  FROM pln l WHERE l.is_picked
  UNION ALL
  SELECT 2, a.putaway_task_id, a.warehouse_id, a.emp, a.to_loc, 'lot',
         'L' || lpad(a.lot_id::text, 9, '0'), 'PA-' || lpad(a.putaway_task_id::text, 8, '0'),
         a.start_ts + interval '11 minutes'
  FROM pa a WHERE a.pstatus = 'completed' AND a.item_type = 'material'
)
SELECT row_number() OVER (ORDER BY s.ts, s.kind, s.k),
       'RF-' || lpad(s.warehouse_id::text, 2, '0') || '-' || lpad((coalesce(s.emp, 0) % 24)::text, 2, '0'),
       s.warehouse_id, s.emp, s.location_id, s.scan_type, s.barcode, s.ref, s.ts,
       (-40 - pg_temp.rnd_int('rf.sig', s.kind * 100000000 + s.k, 0, 45))::smallint,
       round((100 - 6 * (extract(hour FROM s.ts AT TIME ZONE 'UTC') - 5)
              - 5 * pg_temp.rnd('rf.bat', s.kind * 100000000 + s.k))::numeric, 1)::real
FROM s;

-- Identity sequences continue after the generated ids.
SELECT count(setval(pg_get_serial_sequence(t, c), coalesce(m, 1), m IS NOT NULL)) AS sequences_set
FROM (VALUES
  ('warehouse_zones', 'zone_id', (SELECT max(zone_id) FROM warehouse_zones)),
  ('storage_locations', 'location_id', (SELECT max(location_id) FROM storage_locations)),
  ('lots', 'lot_id', (SELECT max(lot_id) FROM lots)),
  ('inventory', 'inventory_id', (SELECT max(inventory_id) FROM inventory)),
  ('receiving_receipts', 'receipt_id', (SELECT max(receipt_id) FROM receiving_receipts)),
  ('receipt_lines', 'receipt_line_id', (SELECT max(receipt_line_id) FROM receipt_lines)),
  ('putaway_tasks', 'putaway_task_id', (SELECT max(putaway_task_id) FROM putaway_tasks)),
  ('waves', 'wave_id', (SELECT max(wave_id) FROM waves)),
  ('picking_tasks', 'picking_task_id', (SELECT max(picking_task_id) FROM picking_tasks)),
  ('pick_lines', 'pick_line_id', (SELECT max(pick_line_id) FROM pick_lines)),
  ('pack_containers', 'container_id', (SELECT max(container_id) FROM pack_containers)),
  ('inventory_transactions', 'txn_id', (SELECT max(txn_id) FROM inventory_transactions)),
  ('cycle_counts', 'cycle_count_id', (SELECT max(cycle_count_id) FROM cycle_counts)),
  ('replenishment_rules', 'rule_id', (SELECT max(rule_id) FROM replenishment_rules)),
  ('replenishment_tasks', 'replenishment_task_id', (SELECT max(replenishment_task_id) FROM replenishment_tasks)),
  ('item_classifications', 'classification_id', (SELECT max(classification_id) FROM item_classifications)),
  ('dock_appointments', 'appointment_id', (SELECT max(appointment_id) FROM dock_appointments)),
  ('rf_scan_events', 'scan_id', (SELECT max(scan_id) FROM rf_scan_events))
) s(t, c, m) \gset
