-- The order kernels shared by genims_erp_db.sql, genims_wms_db.sql and genims_tms_db.sql
-- (included with \ir after each defines its temp table prm): employees by factory and role,
-- customer locations, and the draws of every sales and purchase order, so that picking tasks,
-- receipts and shipments name orders that exist in ERP with the same customer, dates and
-- quantities. Temp objects only; never run on its own.

-- Employees by factory and role (role = e % 20, 6 = any operator). pick_emp(f, role, u) draws
-- one of that role in factory f; with an even factory count some roles exist only in
-- factories of one parity (role and factory are both fixed by e), so the pool falls back to
-- the whole company.
CREATE TEMP TABLE emp_arr AS
SELECT f AS factory_id, r AS role,
       coalesce((SELECT array_agg(x ORDER BY x) FROM generate_series(1, p.ne) x
                 WHERE (x - 1) % p.nf + 1 = f AND least(x % 20, 6) = r),
                (SELECT array_agg(x ORDER BY x) FROM generate_series(1, p.ne) x
                 WHERE least(x % 20, 6) = r)) AS ids
FROM prm p, generate_series(1, p.nf) f, generate_series(0, 6) r;

CREATE FUNCTION pg_temp.pick_emp(f bigint, r int, u double precision) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT ids[1 + floor(cardinality(ids) * u)::int] FROM emp_arr WHERE factory_id = f AND role = r
$$;

-- ---------------------------------------------------------------------------------------------
-- Sales-order kernel (identical in genims_erp_db.sql, genims_wms_db.sql, genims_tms_db.sql).
-- Customer c is located at k_loc.slot = c % 20.
CREATE TEMP TABLE k_loc (slot int PRIMARY KEY, country char(2), city text, currency char(3),
                         transit_days int);
INSERT INTO k_loc VALUES
  (0, 'US', 'Chicago', 'USD', 2), (1, 'US', 'Houston', 'USD', 3), (2, 'US', 'Atlanta', 'USD', 2),
  (3, 'US', 'Detroit', 'USD', 1), (4, 'DE', 'Stuttgart', 'EUR', 6),
  (5, 'US', 'Los Angeles', 'USD', 3), (6, 'CA', 'Toronto', 'CAD', 2),
  (7, 'MX', 'Monterrey', 'MXN', 4), (8, 'US', 'Newark', 'USD', 2),
  (9, 'GB', 'Birmingham', 'GBP', 6), (10, 'US', 'Seattle', 'USD', 4), (11, 'FR', 'Lyon', 'EUR', 6),
  (12, 'US', 'Dallas', 'USD', 2), (13, 'CA', 'Montreal', 'CAD', 3),
  (14, 'US', 'Charlotte', 'USD', 2), (15, 'NL', 'Rotterdam', 'EUR', 5),
  (16, 'JP', 'Nagoya', 'JPY', 9), (17, 'MX', 'Guadalajara', 'MXN', 5), (18, 'IT', 'Milan', 'EUR', 6),
  (19, 'US', 'Cleveland', 'USD', 1);

CREATE TEMP TABLE k_so AS
WITH o AS (
  SELECT i AS so_no,
         p.d0 + ((i - 1) * p.d / p.n_so) AS order_date,
         1 + floor(p.nc * pg_temp.rnd('so.customer', i) ^ 2)::int AS customer_id,
         pg_temp.rnd_int('so.factory', i, 1, p.nf)::int AS factory_id,
         pg_temp.rnd_int('so.lead', i, 5, 16)::int AS lead_days,
         pg_temp.rnd_bool('so.cancel', i, 0.04) AS cancelled,
         pg_temp.rnd_bool('so.draft', i, 0.5) AS draft_draw,
         CASE WHEN pg_temp.rnd('so.late', i) < 0.92 THEN 0
              ELSE pg_temp.rnd_int('so.delay', i, 1, 4)::int END AS ship_delay,
         pg_temp.rnd_int('so.invlag', i, 0, 2)::int AS invoice_lag,
         pg_temp.rnd_int('so.nlines', i, 1, 5)::int AS n_lines,
         p.e
  FROM prm p, generate_series(1, p.n_so) i
), s AS (
  SELECT o.*, l.country, l.city, l.currency, l.transit_days,
         o.order_date + greatest(o.lead_days, l.transit_days + 2) AS promised_date,
         o.order_date + greatest(o.lead_days, l.transit_days + 2) - l.transit_days
           + o.ship_delay AS ship_date
  FROM o JOIN k_loc l ON l.slot = o.customer_id % 20
)
SELECT so_no, order_date, customer_id, factory_id, lead_days, country, city, currency,
       transit_days, promised_date, ship_date, ship_date + invoice_lag AS invoice_date, n_lines,
       CASE WHEN cancelled THEN 'cancelled'
            WHEN order_date >= e - 1 AND draft_draw THEN 'draft'
            WHEN ship_date > e THEN 'confirmed'
            WHEN ship_date + invoice_lag > e THEN 'shipped'
            ELSE 'invoiced' END AS status
FROM s;
ALTER TABLE k_so ADD PRIMARY KEY (so_no);

CREATE TEMP TABLE k_sol AS
SELECT s.so_no, k AS line_no,
       s.factory_id + p.nf * floor(((p.np - s.factory_id) / p.nf + 1)
                                   * pg_temp.rnd('sol.product', s.so_no * 8 + k) ^ 2)::int
         AS product_id,
       5 * pg_temp.rnd_int('sol.qty', s.so_no * 8 + k, 1, 40)::numeric AS quantity
FROM k_so s CROSS JOIN prm p CROSS JOIN LATERAL generate_series(1, s.n_lines) k;
ALTER TABLE k_sol ADD PRIMARY KEY (so_no, line_no);

-- Purchase-order kernel (identical in genims_erp_db.sql and genims_wms_db.sql).
CREATE TEMP TABLE k_po AS
WITH o AS (
  SELECT j AS po_no,
         p.d0 + ((j - 1) * p.d / p.n_po) AS order_date,
         1 + floor(p.ns * pg_temp.rnd('po.supplier', j) ^ 1.5)::int AS supplier_id,
         pg_temp.rnd_int('po.factory', j, 1, p.nf)::int AS factory_id,
         pg_temp.rnd_int('po.lead', j, 7, 28)::int AS lead_days,
         CASE WHEN pg_temp.rnd('po.late', j) < 0.72 THEN pg_temp.rnd_int('po.early', j, -2, 0)::int
              ELSE pg_temp.rnd_int('po.delay', j, 1, 8)::int END AS delay,
         pg_temp.rnd_bool('po.cancel', j, 0.03) AS cancelled,
         pg_temp.rnd_bool('po.draft', j, 0.4) AS draft_draw,
         pg_temp.rnd_bool('po.partial', j, 0.08) AS partial,
         pg_temp.rnd_int('po.nlines', j, 1, 4)::int AS n_lines,
         p.e
  FROM prm p, generate_series(1, p.n_po) j
)
SELECT po_no, order_date, supplier_id, factory_id, partial, n_lines,
       order_date + lead_days AS expected_date,
       greatest(order_date + 1, order_date + lead_days + delay) AS received_date,
       CASE WHEN cancelled THEN 'cancelled'
            WHEN order_date >= e - 2 AND draft_draw THEN 'draft'
            WHEN greatest(order_date + 1, order_date + lead_days + delay) > e
              THEN CASE WHEN order_date >= e - 1 THEN 'approved' ELSE 'sent' END
            WHEN partial AND order_date + lead_days + delay > e - 20 THEN 'partially_received'
            ELSE 'received' END AS status
FROM o;
ALTER TABLE k_po ADD PRIMARY KEY (po_no);

CREATE TEMP TABLE k_pol AS
SELECT o.po_no, k AS line_no,
       o.factory_id + p.nf * floor(((p.nm - o.factory_id) / p.nf + 1)
                                   * pg_temp.rnd('pol.material', o.po_no * 8 + k))::int
         AS material_id,
       10 * pg_temp.rnd_int('pol.qty', o.po_no * 8 + k, 5, 100)::numeric AS quantity,
       pg_temp.rnd_num('pol.partial', o.po_no * 8 + k, 0.4, 0.9, 2) AS partial_share,
       pg_temp.rnd_bool('pol.reject', o.po_no * 8 + k, 0.03) AS has_reject
FROM k_po o CROSS JOIN prm p CROSS JOIN LATERAL generate_series(1, o.n_lines) k;
ALTER TABLE k_pol ADD PRIMARY KEY (po_no, line_no);
-- received and rejected quantities, only for purchase orders with a receipt
CREATE TEMP TABLE k_rcv AS
SELECT l.po_no, l.line_no, l.material_id, l.quantity,
       CASE WHEN o.status = 'partially_received' THEN round(l.quantity * l.partial_share)
            ELSE l.quantity END AS qty_received,
       CASE WHEN l.has_reject THEN ceil(l.quantity * 0.05) ELSE 0 END AS qty_rejected
FROM k_pol l JOIN k_po o USING (po_no)
WHERE o.status IN ('partially_received', 'received');
-- End of kernels.
