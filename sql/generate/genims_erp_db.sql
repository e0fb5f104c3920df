-- genims_erp_db generator: chart of accounts, cost centers, periods, budgets, FX rates, terms,
-- customer/supplier accounts, standard costs, and :days of order-to-cash, procure-to-pay and
-- general-ledger history ending at :end_date. Every posted document has its balanced journal
-- entry, so P&L, cash flow and AR/AP aging can be recomputed from journal_lines alone.
--
-- Sales orders and purchase orders are drawn by _order_kernels.sql, which genims_wms_db.sql
-- and genims_tms_db.sql include too, so picking tasks, receipts and shipments there carry
-- order numbers that exist here (SO-YYYY-nnnnnn, PO-YYYY-nnnnnn).
-- Conventions shared with them: finished goods ship from warehouse 2f, raw materials are
-- received into warehouse 2f-1; material m is bought for factory (m-1) % F + 1.
\ir _prelude.sql

-- JIT compilation would cost more than these short set-based statements take to run.
SET jit = off;

TRUNCATE ledgers, gl_accounts, cost_centers, fiscal_periods, budgets, exchange_rates,
  payment_terms, tax_codes, customer_accounts, supplier_accounts, standard_costs,
  standard_cost_components, sales_orders, sales_order_lines, customer_invoices,
  customer_invoice_lines, customer_payments, purchase_orders, purchase_order_lines,
  goods_receipts, goods_receipt_lines, supplier_invoices, supplier_payments, journal_entries,
  journal_lines, cost_variances
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
       greatest(1, round(:days * (:volume)::numeric * 8))::int AS n_so,
       greatest(1, round(:days * (:volume)::numeric * 5))::int AS n_po;

\ir _order_kernels.sql
-- ---------------------------------------------------------------------------------------------

INSERT INTO ledgers (ledger_id, ledger_code, name, ledger_type, base_currency, description,
                     created_at, updated_at, modified_by)
SELECT v.id, v.code, v.name, v.t, v.cur, v.descr, pg_temp.ts(p.d0 - 900, 32400),
       pg_temp.ts(p.d0 - 900, 32400), 'system'
FROM prm p, (VALUES
  (1, 'GL-PRIMARY', 'Primary ledger', 'primary', 'USD',
   'Books of record in USD (US GAAP); every subledger posts here.'),
  (2, 'GL-STAT-EU', 'EU statutory ledger', 'statutory', 'EUR',
   'Statutory reporting of the European sales entities (local GAAP).'),
  (3, 'GL-MGMT', 'Management ledger', 'management', 'USD',
   'Management adjustments and allocations for internal reporting.')) v(id, code, name, t, cur, descr);

INSERT INTO gl_accounts (gl_account_id, account_number, name, account_type, parent_account_id,
                         normal_balance, is_postable, description, created_at, updated_at,
                         modified_by)
SELECT v.id, v.num, v.name, v.t, v.parent, v.nb, v.parent IS NOT NULL,
       CASE WHEN v.parent IS NULL THEN 'Summary account: ' || v.name || ' (not postable).' END,
       pg_temp.ts(p.d0 - 900, 36000), pg_temp.ts(p.d0 - 900, 36000), 'system'
FROM prm p, (VALUES
  (1, '1000', 'Assets', 'asset', NULL, 'debit'),
  (2, '1010', 'Cash - operating account', 'asset', 1, 'debit'),
  (3, '1020', 'Cash - payroll account', 'asset', 1, 'debit'),
  (4, '1200', 'Trade accounts receivable', 'asset', 1, 'debit'),
  (5, '1210', 'Allowance for doubtful accounts', 'asset', 1, 'credit'),
  (6, '1300', 'Raw materials inventory', 'asset', 1, 'debit'),
  (7, '1310', 'Work in process', 'asset', 1, 'debit'),
  (8, '1320', 'Finished goods inventory', 'asset', 1, 'debit'),
  (9, '1500', 'Property, plant and equipment', 'asset', 1, 'debit'),
  (10, '1590', 'Accumulated depreciation', 'asset', 1, 'credit'),
  (11, '2000', 'Liabilities', 'liability', NULL, 'credit'),
  (12, '2010', 'Trade accounts payable', 'liability', 11, 'credit'),
  (13, '2050', 'Goods received not invoiced', 'liability', 11, 'credit'),
  (14, '2100', 'Accrued payroll', 'liability', 11, 'credit'),
  (15, '2150', 'Accrued expenses', 'liability', 11, 'credit'),
  (16, '2300', 'Sales tax and VAT payable', 'liability', 11, 'credit'),
  (17, '3000', 'Equity', 'equity', NULL, 'credit'),
  (18, '3100', 'Share capital', 'equity', 17, 'credit'),
  (19, '3900', 'Retained earnings', 'equity', 17, 'credit'),
  (20, '4000', 'Revenue', 'revenue', NULL, 'credit'),
  (21, '4010', 'Product sales', 'revenue', 20, 'credit'),
  (22, '4020', 'Service revenue', 'revenue', 20, 'credit'),
  (23, '4050', 'Sales discounts', 'revenue', 20, 'debit'),
  (24, '4900', 'Other operating income', 'revenue', 20, 'credit'),
  (25, '5000', 'Cost of goods sold', 'cogs', NULL, 'debit'),
  (26, '5010', 'Cost of goods sold - standard', 'cogs', 25, 'debit'),
  (27, '5100', 'Purchase price variance', 'cogs', 25, 'debit'),
  (28, '5110', 'Material usage variance', 'cogs', 25, 'debit'),
  (29, '5120', 'Labor efficiency variance', 'cogs', 25, 'debit'),
  (30, '5130', 'Overhead spending variance', 'cogs', 25, 'debit'),
  (31, '5200', 'Freight out', 'cogs', 25, 'debit'),
  (32, '6000', 'Operating expenses', 'expense', NULL, 'debit'),
  (33, '6010', 'Salaries and wages', 'expense', 32, 'debit'),
  (34, '6020', 'Employee benefits', 'expense', 32, 'debit'),
  (35, '6100', 'Utilities', 'expense', 32, 'debit'),
  (36, '6200', 'Repairs and maintenance', 'expense', 32, 'debit'),
  (37, '6300', 'Quality and testing', 'expense', 32, 'debit'),
  (38, '6400', 'Depreciation', 'expense', 32, 'debit'),
  (39, '6500', 'Sales and marketing', 'expense', 32, 'debit'),
  (40, '6600', 'IT and software', 'expense', 32, 'debit'),
  (41, '6700', 'Office and administration', 'expense', 32, 'debit'),
  (42, '6800', 'Travel', 'expense', 32, 'debit'),
  (43, '6900', 'Bank fees and FX differences', 'expense', 32, 'debit')
) v(id, num, name, t, parent, nb);
CREATE TEMP TABLE acct AS SELECT account_number AS num, gl_account_id AS id FROM gl_accounts;

-- Cost centers: six per factory, then six corporate ones (ids fixed by n_factories).
CREATE TEMP TABLE cc_kind (k int, kind text, abbr text, label text, corporate boolean);
INSERT INTO cc_kind VALUES
  (1, 'production', 'PRD', 'Production', false), (2, 'maintenance', 'MNT', 'Maintenance', false),
  (3, 'quality', 'QA', 'Quality assurance', false),
  (4, 'logistics', 'LOG', 'Warehouse and logistics', false),
  (5, 'plant_admin', 'ADM', 'Plant administration', false),
  (6, 'engineering', 'ENG', 'Manufacturing engineering', false),
  (1, 'sales', 'SLS', 'Sales', true), (2, 'finance', 'FIN', 'Finance and controlling', true),
  (3, 'hr', 'HR', 'Human resources', true), (4, 'it', 'IT', 'Information technology', true),
  (5, 'rnd', 'RND', 'Research and development', true),
  (6, 'executive', 'EXE', 'Executive management', true);

INSERT INTO cost_centers (cost_center_id, code, name, cost_center_type, factory_id,
                          parent_cost_center_id, manager_employee_id, valid_from, created_at,
                          updated_at, modified_by)
SELECT c.id, c.code, c.name, c.kind, c.factory_id, c.parent,
       pg_temp.pick_emp(coalesce(c.factory_id, 1), 3, (c.k - 0.5) / 6.0),
       p.d0 - 900, pg_temp.ts(p.d0 - 900, 39600), pg_temp.ts(p.d0 - 900, 39600), 'system'
FROM prm p, LATERAL (
  SELECT (f - 1) * 6 + k.k AS id, 'CC-F' || lpad(f::text, 2, '0') || '-' || k.abbr AS code,
         'Factory ' || f || ' ' || k.label AS name, k.kind, f AS factory_id, k.k,
         CASE WHEN k.kind = 'plant_admin' THEN p.nf * 6 + 6 ELSE (f - 1) * 6 + 5 END AS parent
  FROM generate_series(1, p.nf) f, cc_kind k WHERE NOT k.corporate
  UNION ALL
  SELECT p.nf * 6 + k.k, 'CC-CORP-' || k.abbr, 'Corporate ' || k.label, k.kind, NULL, k.k,
         CASE WHEN k.kind = 'executive' THEN NULL ELSE p.nf * 6 + 6 END
  FROM cc_kind k WHERE k.corporate) c;

-- Fiscal periods: calendar months of every year the history touches.
INSERT INTO fiscal_periods (fiscal_period_id, fiscal_year, period_number, period_name, start_date,
                            end_date, status, closed_at, closed_by, created_at, updated_at,
                            modified_by)
SELECT row_number() OVER (ORDER BY m), extract(year FROM m)::int, extract(month FROM m)::int,
       to_char(m, 'YYYY-MM'), m::date, (m + interval '1 month')::date - 1,
       CASE WHEN (m + interval '1 month')::date + 4 <= p.e THEN 'closed'
            WHEN m::date <= p.e THEN 'open' ELSE 'future' END,
       CASE WHEN (m + interval '1 month')::date + 4 <= p.e
            THEN pg_temp.ts((m + interval '1 month')::date + 4, 64800) END,
       CASE WHEN (m + interval '1 month')::date + 4 <= p.e
            THEN 'user' || (SELECT manager_employee_id FROM cost_centers
                            WHERE cost_center_id = p.nf * 6 + 2) END,
       pg_temp.ts(make_date(extract(year FROM m)::int, 1, 1) - 40, 36000),
       CASE WHEN (m + interval '1 month')::date + 4 <= p.e
            THEN pg_temp.ts((m + interval '1 month')::date + 4, 64800)
            ELSE pg_temp.ts(make_date(extract(year FROM m)::int, 1, 1) - 40, 36000) END,
       CASE WHEN (m + interval '1 month')::date + 4 <= p.e
            THEN 'user' || (SELECT manager_employee_id FROM cost_centers
                            WHERE cost_center_id = p.nf * 6 + 2) ELSE 'system' END
FROM prm p,
     generate_series(make_date(extract(year FROM p.d0)::int, 1, 1)::timestamp,
                     make_date(extract(year FROM p.e)::int, 12, 1)::timestamp,
                     interval '1 month') m;

INSERT INTO exchange_rates (exchange_rate_id, currency_code, rate_date, units_per_usd,
                            usd_per_unit, source, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY c.code, r.rate_date), c.code, r.rate_date, r.upu,
       1 / r.upu::double precision,
       CASE WHEN extract(isodow FROM r.rate_date) >= 6 THEN 'treasury' ELSE 'central_bank' END,
       pg_temp.ts(r.rate_date, 61200), pg_temp.ts(r.rate_date, 61200), 'fx_feed'
FROM prm p,
     (VALUES ('EUR', 0.92, 1), ('GBP', 0.79, 2), ('CAD', 1.36, 3), ('MXN', 17.80, 4),
             ('JPY', 151.00, 5)) c(code, base, k),
     LATERAL generate_series(0, p.d + 6) g,
     LATERAL (SELECT p.d0 - 7 + g AS rate_date,
                     round(c.base * (1 + 0.035 * sin((p.d0 - 7 + g - date '2000-01-01') / 60.0 + c.k)
                                     + 0.004 * (pg_temp.rnd('fx.' || c.code,
                                                            p.d0 - 7 + g - date '2000-01-01') - 0.5))::numeric,
                           4) AS upu) r;

CREATE TEMP TABLE fx AS
SELECT currency_code AS cur, rate_date, units_per_usd AS upu FROM exchange_rates
UNION ALL
SELECT 'USD', p.d0 - 7 + g, 1 FROM prm p, generate_series(0, p.d + 6) g;
CREATE UNIQUE INDEX ON fx (cur, rate_date);

INSERT INTO payment_terms (payment_term_id, code, description, net_days, discount_days,
                           discount_pct, grace_period, created_at, updated_at, modified_by)
SELECT v.*, pg_temp.ts(p.d0 - 900, 36000), pg_temp.ts(p.d0 - 900, 36000), 'system'
FROM prm p, (VALUES
  (1, 'NET30', 'Net 30 days', 30, 0, 0.00, interval '5 days'),
  (2, 'NET45', 'Net 45 days', 45, 0, 0.00, interval '5 days'),
  (3, 'NET60', 'Net 60 days', 60, 0, 0.00, interval '7 days'),
  (4, '2/10NET30', '2% discount within 10 days, net 30 days', 30, 10, 2.00, interval '3 days'),
  (5, 'NET15', 'Net 15 days', 15, 0, 0.00, interval '2 days'),
  (6, 'COD', 'Cash on delivery', 0, 0, 0.00, interval '0 days')
) v(id, code, descr, net, ddays, dpct, grace);

INSERT INTO tax_codes (tax_code_id, code, country, description, rate_pct, gl_account_id,
                       valid_from, created_at, updated_at, modified_by)
SELECT v.id, v.code, v.country, v.descr, v.rate, (SELECT id FROM acct WHERE num = '2300'),
       date '2020-01-01', pg_temp.ts(p.d0 - 900, 36000), pg_temp.ts(p.d0 - 900, 36000), 'system'
FROM prm p, (VALUES
  (1, 'US-ST', 'US', 'US state sales tax (blended rate)', 7.250),
  (2, 'CA-HST', 'CA', 'Canada GST/HST', 13.000),
  (3, 'MX-IVA', 'MX', 'Mexico IVA', 16.000),
  (4, 'DE-VAT', 'DE', 'Germany VAT standard rate', 19.000),
  (5, 'FR-TVA', 'FR', 'France TVA standard rate', 20.000),
  (6, 'NL-BTW', 'NL', 'Netherlands BTW standard rate', 21.000),
  (7, 'IT-IVA', 'IT', 'Italy IVA standard rate', 22.000),
  (8, 'GB-VAT', 'GB', 'United Kingdom VAT standard rate', 20.000),
  (9, 'JP-CT', 'JP', 'Japan consumption tax', 10.000),
  (10, 'EXEMPT', 'US', 'Exempt: resale certificate on file', 0.000)
) v(id, code, country, descr, rate);

INSERT INTO customer_accounts (customer_account_id, customer_id, account_number, currency,
                               payment_term_id, tax_code_id, credit_limit, credit_status,
                               risk_score, billing_country, billing_city, sales_rep_employee_id,
                               attributes, created_at, updated_at, modified_by)
SELECT c, c, 'CA-' || lpad(c::text, 6, '0'), l.currency,
       (ARRAY[1, 1, 1, 2, 3, 4, 5])[pg_temp.rnd_int('cust.terms', c, 1, 7)::int],
       CASE WHEN pg_temp.rnd_bool('cust.exempt', c, 0.12) THEN 10
            ELSE (SELECT tax_code_id FROM tax_codes t WHERE t.country = l.country
                  ORDER BY tax_code_id LIMIT 1) END,
       5000 * pg_temp.rnd_int('cust.credit', c, 10, 400),
       CASE WHEN pg_temp.rnd('cust.status', c) < 0.86 THEN 'good'
            WHEN pg_temp.rnd('cust.status', c) < 0.95 THEN 'watch'
            WHEN pg_temp.rnd('cust.status', c) < 0.99 THEN 'hold' ELSE 'blocked' END,
       round((pg_temp.rnd('cust.status', c) ^ 3)::numeric, 3)::real,
       l.country, l.city, 20 * (1 + (c - 1) % greatest(1, p.ne / 20)),
       jsonb_build_object(
         'segment', pg_temp.rnd_pick('cust.segment', c, ARRAY['OEM', 'distributor', 'tier1', 'aftermarket']),
         'industry', pg_temp.rnd_pick('cust.industry', c,
                                      ARRAY['automotive', 'aerospace', 'industrial', 'energy', 'medical', 'agriculture']),
         'edi_enabled', pg_temp.rnd_bool('cust.edi', c, 0.4),
         'statement_email', 'ap' || c || '@customer.example'),
       pg_temp.ts(p.d0 - pg_temp.rnd_int('cust.since', c, 60, 1500)::int, 36000),
       pg_temp.ts(p.d0 - pg_temp.rnd_int('cust.upd', c, 1, 50)::int, 50400),
       'user' || 20 * (1 + (c - 1) % greatest(1, p.ne / 20))
FROM prm p, generate_series(1, p.nc) c JOIN k_loc l ON l.slot = c % 20;

INSERT INTO supplier_accounts (supplier_account_id, supplier_id, vendor_number, currency,
                               payment_term_id, bank_name, bank_account_iban, bank_swift,
                               on_time_rate, status, attributes, created_at, updated_at,
                               modified_by)
SELECT s, s, 'V-' || lpad(s::text, 6, '0'), x.cur,
       (ARRAY[1, 2, 2, 3, 4])[pg_temp.rnd_int('sup.terms', s, 1, 5)::int],
       x.bank,
       CASE x.cur WHEN 'USD' THEN 'US' WHEN 'EUR' THEN 'DE' WHEN 'MXN' THEN 'MX'
                  WHEN 'CAD' THEN 'CA' ELSE 'JP' END
         || lpad(pg_temp.rnd_int('sup.iban.check', s, 2, 98)::text, 2, '0')
         || lpad(pg_temp.rnd_int('sup.iban.a', s, 0, 999999999)::text, 9, '0')
         || lpad(pg_temp.rnd_int('sup.iban.b', s, 0, 999999999)::text, 9, '0'),
       upper(left(replace(x.bank, ' ', ''), 4)) || 'XX' || lpad((s % 100)::text, 2, '0'),
       0.72 + 0.27 * pg_temp.rnd('sup.ontime', s),
       CASE WHEN pg_temp.rnd('sup.status', s) < 0.95 THEN 'active'
            WHEN pg_temp.rnd('sup.status', s) < 0.99 THEN 'on_hold' ELSE 'blocked' END,
       jsonb_build_object(
         'category', pg_temp.rnd_pick('sup.cat', s, ARRAY['steel', 'resins', 'electronics', 'fasteners', 'castings', 'packaging', 'chemicals']),
         'iso9001', pg_temp.rnd_bool('sup.iso', s, 0.8),
         'lead_time_days', pg_temp.rnd_int('sup.lead', s, 5, 45)),
       pg_temp.ts(p.d0 - pg_temp.rnd_int('sup.since', s, 90, 2000)::int, 36000),
       pg_temp.ts(p.d0 - pg_temp.rnd_int('sup.upd', s, 1, 80)::int, 46800),
       'user' || (20 * pg_temp.rnd_int('sup.buyer', s, 0, greatest(0, (p.ne - 5) / 20)) + 5)
FROM prm p, generate_series(1, p.ns) s,
     LATERAL (SELECT CASE WHEN pg_temp.rnd('sup.cur', s) < 0.60 THEN 'USD'
                          WHEN pg_temp.rnd('sup.cur', s) < 0.80 THEN 'EUR'
                          WHEN pg_temp.rnd('sup.cur', s) < 0.88 THEN 'MXN'
                          WHEN pg_temp.rnd('sup.cur', s) < 0.95 THEN 'CAD' ELSE 'JPY' END AS cur,
                     pg_temp.rnd_pick('sup.bank', s, ARRAY['First Continental Bank', 'Rhein Handelsbank',
                                                          'Banco del Norte', 'Maple Commerce Bank',
                                                          'Kansai Trust Bank', 'Great Lakes National'])
                       AS bank) x;

-- Standard costs: an active version per product (plus superseded and draft versions for
-- some), rolled up from material, labor and overhead components. Material m costs
-- mat.price USD per unit; purchase orders buy around that price.
CREATE TEMP TABLE mat AS
SELECT m AS material_id, round((0.5 + 45 * pg_temp.rnd('erp.mat.price', m) ^ 2)::numeric, 4) AS price
FROM prm p, generate_series(1, p.nm) m;
ALTER TABLE mat ADD PRIMARY KEY (material_id);

CREATE TEMP TABLE sc_hdr AS
WITH v AS (
  SELECT pr AS product_id, (pr - 1) % p.nf + 1 AS factory_id, 1 AS version_no, 1.00 AS factor,
         p.d0 - pg_temp.rnd_int('sc.eff', pr, 10, 120)::int AS effective_from, 'active' AS status
  FROM prm p, generate_series(1, p.np) pr
)
SELECT * FROM v
UNION ALL
SELECT product_id, factory_id, 0, 0.96, effective_from - 365, 'superseded'
FROM v WHERE pg_temp.rnd_bool('sc.old', product_id, 0.35)
UNION ALL
SELECT product_id, factory_id, 2, 1.03, (SELECT e FROM prm) + pg_temp.rnd_int('sc.next', product_id, 5, 40)::int, 'draft'
FROM v WHERE pg_temp.rnd_bool('sc.draft', product_id, 0.05);
ALTER TABLE sc_hdr ADD COLUMN standard_cost_id bigint;
UPDATE sc_hdr h SET standard_cost_id = r.rn
FROM (SELECT product_id, version_no, row_number() OVER (ORDER BY product_id, version_no) AS rn
      FROM sc_hdr) r
WHERE r.product_id = h.product_id AND r.version_no = h.version_no;

CREATE TEMP TABLE sc_comp AS
WITH mc AS (
  SELECT h.standard_cost_id, h.product_id, h.version_no, k AS comp_no,
         h.factory_id + p.nf * floor(((p.nm - h.factory_id) / p.nf + 1)
                                     * pg_temp.rnd('sc.material', h.product_id * 8 + k))::int
           AS material_id,
         pg_temp.rnd_num('sc.qty', h.product_id * 8 + k, 0.2, 12, 3) AS quantity,
         h.factor
  FROM sc_hdr h CROSS JOIN prm p
       CROSS JOIN LATERAL generate_series(1, pg_temp.rnd_int('sc.ncomp', h.product_id, 2, 5)::int) k
), m AS (
  SELECT mc.standard_cost_id, mc.product_id, mc.comp_no, 'material' AS component_type,
         mc.material_id, 'Material ' || mc.material_id AS description, mc.quantity,
         round(mat.price * mc.factor, 4) AS unit_cost
  FROM mc JOIN mat USING (material_id)
), msum AS (
  SELECT standard_cost_id, product_id, sum(round(quantity * unit_cost, 4)) AS material_cost
  FROM m GROUP BY 1, 2
), lab AS (
  SELECT s.standard_cost_id, s.product_id,
         pg_temp.rnd_num('sc.hours', s.product_id, 0.05, 2.5, 3) AS hours,
         s.material_cost * pg_temp.rnd_num('sc.labor', s.product_id, 0.20, 0.45, 4) AS labor_cost,
         pg_temp.rnd_num('sc.ovh', s.product_id, 0.6, 1.3, 4) AS ovh_ratio
  FROM msum s
)
SELECT standard_cost_id, product_id, comp_no, component_type, material_id, description, quantity,
       unit_cost, round(quantity * unit_cost, 4) AS extended_cost
FROM m
UNION ALL
SELECT standard_cost_id, product_id, 10, 'labor', NULL, 'Direct labor (standard hours)', hours,
       round(labor_cost / hours, 4), round(round(labor_cost / hours, 4) * hours, 4)
FROM lab
UNION ALL
SELECT standard_cost_id, product_id, 11, 'overhead', NULL, 'Manufacturing overhead absorption',
       1, round(labor_cost * ovh_ratio, 4), round(labor_cost * ovh_ratio, 4)
FROM lab;

INSERT INTO standard_costs (standard_cost_id, product_id, factory_id, cost_version, effective_from,
                            effective_to, material_cost, labor_cost, overhead_cost, total_cost,
                            list_price, status, approved_by_employee_id, notes, created_at,
                            updated_at, modified_by)
SELECT h.standard_cost_id, h.product_id, h.factory_id,
       'STD-' || to_char(h.effective_from, 'YYYY-MM'), h.effective_from,
       CASE WHEN h.version_no = 0 THEN act.effective_from - 1 END,
       c.mat, c.lab, c.ovh, c.mat + c.lab + c.ovh,
       round((c.mat + c.lab + c.ovh) / pg_temp.rnd_num('sc.margin', h.product_id, 0.55, 0.74, 4), 2),
       h.status,
       CASE WHEN h.status <> 'draft' THEN pg_temp.pick_emp(h.factory_id, 4, pg_temp.rnd('sc.appr', h.product_id)) END,
       CASE WHEN h.status = 'draft' THEN 'Pending approval: supplier price increase on ' ||
            'purchased components, effective next cost run.' END,
       pg_temp.ts(h.effective_from - 7, 39600),
       CASE WHEN h.version_no = 0 THEN pg_temp.ts(act.effective_from, 3600)
            ELSE pg_temp.ts(h.effective_from - 7, 39600) END,
       'user' || pg_temp.pick_emp(h.factory_id, 4, pg_temp.rnd('sc.appr', h.product_id))
FROM sc_hdr h
JOIN sc_hdr act ON act.product_id = h.product_id AND act.version_no = 1
JOIN (SELECT standard_cost_id,
             sum(extended_cost) FILTER (WHERE component_type = 'material') AS mat,
             sum(extended_cost) FILTER (WHERE component_type = 'labor') AS lab,
             sum(extended_cost) FILTER (WHERE component_type = 'overhead') AS ovh
      FROM sc_comp GROUP BY 1) c ON c.standard_cost_id = h.standard_cost_id;

INSERT INTO standard_cost_components (component_id, standard_cost_id, component_type, material_id,
                                      description, quantity, unit_cost, extended_cost, created_at,
                                      updated_at, modified_by)
SELECT row_number() OVER (ORDER BY c.standard_cost_id, c.comp_no), c.standard_cost_id,
       c.component_type, c.material_id, c.description, c.quantity, c.unit_cost, c.extended_cost,
       s.created_at, s.created_at, s.modified_by
FROM sc_comp c JOIN standard_costs s USING (standard_cost_id);

ANALYZE k_so; ANALYZE k_sol; ANALYZE k_po; ANALYZE k_pol; ANALYZE k_rcv; ANALYZE mat;
ANALYZE customer_accounts; ANALYZE supplier_accounts; ANALYZE standard_costs;
ANALYZE fiscal_periods; ANALYZE gl_accounts; ANALYZE cost_centers; ANALYZE exchange_rates;

CREATE TEMP TABLE prod AS
SELECT product_id, factory_id, (product_id - 1) % 12 + 1 AS category_id, list_price, total_cost
FROM standard_costs WHERE status = 'active';
ALTER TABLE prod ADD PRIMARY KEY (product_id);

-- Sales orders ------------------------------------------------------------------------------
CREATE TEMP TABLE so_x AS
SELECT k.*, ca.customer_account_id, ca.payment_term_id, ca.sales_rep_employee_id,
       t.rate_pct, pt.net_days, fx.upu,
       0.92 + 0.13 * pg_temp.rnd('cust.pricefactor', k.customer_id) AS price_factor,
       pg_temp.ts(k.order_date, 25200 + 39600 * pg_temp.rnd('so.ts', k.so_no)) AS created_ts
FROM k_so k
JOIN customer_accounts ca ON ca.customer_id = k.customer_id
JOIN tax_codes t ON t.tax_code_id = ca.tax_code_id
JOIN payment_terms pt ON pt.payment_term_id = ca.payment_term_id
JOIN fx ON fx.cur = k.currency AND fx.rate_date = k.order_date;
ALTER TABLE so_x ADD PRIMARY KEY (so_no);

CREATE TEMP TABLE sol_x AS
WITH l AS (
  SELECT k.so_no, k.line_no, k.product_id, k.quantity, s.status AS order_status, s.rate_pct,
         s.upu, round(pr.list_price * s.upu * s.price_factor::numeric, 4) AS unit_price,
         round(pr.total_cost * s.upu, 4) AS unit_cost,
         CASE WHEN k.quantity >= 150 THEN 7.50 WHEN k.quantity >= 100 THEN 5.00
              WHEN k.quantity >= 50 THEN 2.00 ELSE 0.00 END AS discount_pct
  FROM k_sol k JOIN so_x s USING (so_no) JOIN prod pr USING (product_id)
)
SELECT row_number() OVER (ORDER BY so_no, line_no) AS sales_order_line_id, l.*,
       round(quantity * unit_price, 2) AS gross_amount,
       round(quantity * unit_price * (1 - discount_pct / 100), 2) AS line_amount,
       round(round(quantity * unit_price * (1 - discount_pct / 100), 2) * rate_pct / 100, 2) AS tax_amount,
       round(quantity * unit_cost, 2) AS cost_amount
FROM l;

ANALYZE sol_x;

CREATE TEMP TABLE so_tot AS
SELECT so_no, sum(gross_amount) AS subtotal, sum(gross_amount - line_amount) AS discount_amount,
       sum(tax_amount) AS tax_amount, sum(cost_amount) AS total_cost
FROM sol_x GROUP BY so_no;
ALTER TABLE so_tot ADD PRIMARY KEY (so_no);

INSERT INTO sales_orders (sales_order_id, order_number, customer_id, customer_account_id,
                          sales_rep_employee_id, factory_id, ship_from_warehouse_id, order_date,
                          requested_date, promised_date, ship_date, status, currency,
                          units_per_usd, payment_term_id, subtotal, discount_amount, tax_amount,
                          total_amount, total_cost, ship_to_country, ship_to_city,
                          customer_po_number, priority, tags, notes, confirmed_at, shipped_at,
                          invoiced_at, cancelled_at, cancel_reason, created_at, updated_at,
                          modified_by)
SELECT s.so_no, 'SO-' || to_char(s.order_date, 'YYYY') || '-' || lpad(s.so_no::text, 6, '0'),
       s.customer_id, s.customer_account_id, s.sales_rep_employee_id, s.factory_id,
       2 * s.factory_id, s.order_date,
       s.promised_date - pg_temp.rnd_int('so.req', s.so_no, 0, 3)::int, s.promised_date,
       CASE WHEN s.status IN ('shipped', 'invoiced') THEN s.ship_date END,
       s.status, s.currency, s.upu, s.payment_term_id, t.subtotal, t.discount_amount,
       t.tax_amount, t.subtotal - t.discount_amount + t.tax_amount, t.total_cost, s.country,
       s.city,
       CASE WHEN pg_temp.rnd_bool('so.custpo', s.so_no, 0.8)
            THEN 'PO' || lpad(pg_temp.rnd_int('so.custpo.n', s.so_no, 1, 9999999)::text, 7, '0') END,
       CASE WHEN s.lead_days <= 6 THEN 1 ELSE pg_temp.rnd_int('so.prio', s.so_no, 2, 5)::int END,
       array_remove(ARRAY[CASE WHEN s.country <> 'US' THEN 'export' END,
                          CASE WHEN s.customer_id <= greatest(1, (SELECT nc FROM prm) / 10) THEN 'key_account' END,
                          CASE WHEN s.lead_days <= 6 THEN 'rush' END], NULL),
       CASE WHEN pg_temp.rnd_bool('so.longnote', s.so_no, 0.03)
            THEN repeat('Customer quality agreement applies: ship with certificate of conformance, '
                        || 'lot traceability labels on every carton, no mixed lots per pallet, '
                        || 'advance ship notice by EDI 856 before departure. ', 12)
            WHEN pg_temp.rnd_bool('so.note', s.so_no, 0.15)
            THEN pg_temp.rnd_pick('so.notetext', s.so_no,
                                  ARRAY['Deliver to dock 4, appointment required.',
                                        'Partial shipments not accepted.',
                                        'Call buyer before delivery.',
                                        'Use customer freight account on file.',
                                        'Price per frame agreement, see contract annex B.']) END,
       CASE WHEN s.status IN ('confirmed', 'shipped', 'invoiced')
            THEN s.created_ts + (0.5 + 3 * pg_temp.rnd('so.confirm', s.so_no)) * interval '1 hour' END,
       CASE WHEN s.status IN ('shipped', 'invoiced')
            THEN pg_temp.ts(s.ship_date, 46800 + 21600 * pg_temp.rnd('so.shipts', s.so_no)) END,
       CASE WHEN s.status = 'invoiced' THEN pg_temp.ts(s.invoice_date, 72000) END,
       CASE WHEN s.status = 'cancelled'
            THEN least(s.created_ts + (2 + 60 * pg_temp.rnd('so.cancelts', s.so_no)) * interval '1 hour',
                       pg_temp.ts((SELECT e FROM prm), 86399)) END,
       CASE WHEN s.status = 'cancelled'
            THEN pg_temp.rnd_pick('so.cancelwhy', s.so_no,
                                  ARRAY['Customer request', 'Credit hold', 'Duplicate order',
                                        'Lead time not acceptable']) END,
       s.created_ts,
       CASE s.status
         WHEN 'draft' THEN s.created_ts
         WHEN 'confirmed' THEN s.created_ts + (0.5 + 3 * pg_temp.rnd('so.confirm', s.so_no)) * interval '1 hour'
         WHEN 'shipped' THEN pg_temp.ts(s.ship_date, 46800 + 21600 * pg_temp.rnd('so.shipts', s.so_no))
         WHEN 'invoiced' THEN pg_temp.ts(s.invoice_date, 72000)
         ELSE least(s.created_ts + (2 + 60 * pg_temp.rnd('so.cancelts', s.so_no)) * interval '1 hour',
                    pg_temp.ts((SELECT e FROM prm), 86399)) END,
       CASE WHEN s.status = 'invoiced' THEN 'billing_run' ELSE 'user' || s.sales_rep_employee_id END
FROM so_x s JOIN so_tot t USING (so_no);

INSERT INTO sales_order_lines (sales_order_line_id, sales_order_id, line_number, product_id,
                               quantity, qty_shipped, unit_price, unit_cost, discount_pct,
                               line_amount, status, created_at, updated_at, modified_by)
SELECT l.sales_order_line_id, l.so_no, l.line_no, l.product_id, l.quantity,
       CASE WHEN l.order_status IN ('shipped', 'invoiced') THEN l.quantity ELSE 0 END,
       l.unit_price, l.unit_cost, l.discount_pct, l.line_amount,
       CASE l.order_status WHEN 'draft' THEN 'open' WHEN 'confirmed' THEN 'allocated'
                           ELSE l.order_status END,
       o.created_at, o.updated_at, o.modified_by
FROM sol_x l JOIN sales_orders o ON o.sales_order_id = l.so_no;

-- Customer invoices, payments ---------------------------------------------------------------
CREATE TEMP TABLE inv_x AS
WITH i AS (
  SELECT row_number() OVER (ORDER BY s.so_no) AS customer_invoice_id, s.*,
         s.invoice_date + s.net_days AS due_date,
         pg_temp.rnd_bool('inv.bad', s.so_no, 0.04) AS bad,
         pg_temp.rnd_bool('inv.partial', s.so_no, 0.05) AS partial,
         greatest(s.invoice_date + 1,
                  s.invoice_date + s.net_days + pg_temp.rnd_int('inv.paydelay', s.so_no, -10, 18)::int)
           AS pay_date
  FROM so_x s WHERE s.status = 'invoiced'
)
SELECT i.*, o.subtotal, o.discount_amount, o.tax_amount, o.total_amount,
       'INV-' || to_char(i.invoice_date, 'YYYY') || '-' || lpad(i.customer_invoice_id::text, 6, '0')
         AS invoice_number,
       CASE WHEN NOT i.bad AND i.pay_date <= p.e THEN CASE WHEN i.partial THEN 'partially_paid' ELSE 'paid' END
            WHEN i.due_date < p.e THEN 'overdue' ELSE 'open' END AS inv_status
FROM i JOIN sales_orders o ON o.sales_order_id = i.so_no, prm p;

INSERT INTO customer_invoices (customer_invoice_id, invoice_number, sales_order_id, customer_id,
                               customer_account_id, invoice_date, due_date, currency,
                               units_per_usd, subtotal, discount_amount, tax_amount, total_amount,
                               amount_paid, status, paid_date, sent_at, document_sha256, notes,
                               created_at, updated_at, modified_by)
SELECT i.customer_invoice_id, i.invoice_number, i.so_no, i.customer_id, i.customer_account_id,
       i.invoice_date, i.due_date, i.currency, i.upu, i.subtotal, i.discount_amount, i.tax_amount,
       i.total_amount,
       CASE i.inv_status WHEN 'paid' THEN i.total_amount
                         WHEN 'partially_paid' THEN round(i.total_amount / 2, 2) ELSE 0 END,
       i.inv_status, CASE WHEN i.inv_status = 'paid' THEN i.pay_date END,
       pg_temp.ts(i.invoice_date, 72600),
       sha256(convert_to(i.invoice_number || '|' || i.customer_id || '|' || i.total_amount, 'UTF8')),
       CASE WHEN i.inv_status = 'overdue' AND pg_temp.rnd_bool('inv.dunning', i.so_no, 0.5)
            THEN 'Dunning letter 1 sent; customer promised payment.' END,
       pg_temp.ts(i.invoice_date, 72000),
       CASE WHEN i.inv_status IN ('paid', 'partially_paid') THEN pg_temp.ts(i.pay_date, 57600)
            ELSE pg_temp.ts(i.invoice_date, 72600) END,
       CASE WHEN i.inv_status IN ('paid', 'partially_paid') THEN 'cash_app' ELSE 'billing_run' END
FROM inv_x i;

INSERT INTO customer_invoice_lines (invoice_line_id, customer_invoice_id, sales_order_line_id,
                                    line_number, product_id, quantity, unit_price, discount_pct,
                                    line_amount, tax_code_id, tax_amount, created_at, updated_at,
                                    modified_by)
SELECT row_number() OVER (ORDER BY i.customer_invoice_id, l.line_no), i.customer_invoice_id,
       l.sales_order_line_id, l.line_no, l.product_id, l.quantity, l.unit_price, l.discount_pct,
       l.line_amount, ca.tax_code_id, l.tax_amount, pg_temp.ts(i.invoice_date, 72000),
       pg_temp.ts(i.invoice_date, 72000), 'billing_run'
FROM inv_x i JOIN sol_x l USING (so_no)
JOIN customer_accounts ca ON ca.customer_account_id = i.customer_account_id;

INSERT INTO customer_payments (customer_payment_id, payment_number, customer_id,
                               customer_invoice_id, received_date, amount, currency,
                               units_per_usd, method, bank_reference, status, created_at,
                               updated_at, modified_by)
SELECT row_number() OVER (ORDER BY i.customer_invoice_id),
       'RCPT-' || to_char(i.pay_date, 'YYYY') || '-'
         || lpad((row_number() OVER (ORDER BY i.customer_invoice_id))::text, 6, '0'),
       i.customer_id, i.customer_invoice_id, i.pay_date,
       CASE WHEN i.inv_status = 'paid' THEN i.total_amount ELSE round(i.total_amount / 2, 2) END,
       i.currency, i.upu,
       CASE WHEN i.currency = 'EUR' THEN 'sepa'
            WHEN i.currency = 'USD' THEN pg_temp.rnd_pick('pay.method', i.so_no, ARRAY['ach', 'ach', 'wire', 'check', 'card'])
            ELSE 'wire' END,
       'BR' || upper(left(md5('rcpt' || i.so_no), 12)), 'applied',
       pg_temp.ts(i.pay_date, 57600), pg_temp.ts(i.pay_date, 57600), 'cash_app'
FROM inv_x i WHERE i.inv_status IN ('paid', 'partially_paid');

-- Purchase orders, receipts, supplier invoices and payments ---------------------------------
ANALYZE inv_x; ANALYZE sales_orders; ANALYZE sales_order_lines; ANALYZE customer_invoices;

CREATE TEMP TABLE po_x AS
SELECT k.*, sa.currency, sa.payment_term_id, pt.net_days, fx.upu,
       pg_temp.pick_emp(k.factory_id, 5, pg_temp.rnd('po.buyer', k.po_no)) AS buyer,
       pg_temp.ts(k.order_date, 28800 + 32400 * pg_temp.rnd('po.ts', k.po_no)) AS created_ts
FROM k_po k
JOIN supplier_accounts sa ON sa.supplier_id = k.supplier_id
JOIN payment_terms pt ON pt.payment_term_id = sa.payment_term_id
JOIN fx ON fx.cur = sa.currency AND fx.rate_date = k.order_date;
ALTER TABLE po_x ADD PRIMARY KEY (po_no);

CREATE TEMP TABLE pol_x AS
SELECT row_number() OVER (ORDER BY l.po_no, l.line_no) AS purchase_order_line_id, l.po_no,
       l.line_no, l.material_id, l.quantity,
       round(m.price * o.upu * pg_temp.rnd_num('pol.price', l.po_no * 8 + l.line_no, 0.95, 1.06, 4), 4)
         AS unit_price,
       coalesce(r.qty_received, 0) AS qty_received, coalesce(r.qty_rejected, 0) AS qty_rejected,
       o.expected_date, o.status AS po_status
FROM k_pol l JOIN po_x o USING (po_no) JOIN mat m USING (material_id)
LEFT JOIN k_rcv r USING (po_no, line_no);

ANALYZE po_x; ANALYZE pol_x;

CREATE TEMP TABLE si_x AS
WITH r AS (
  SELECT o.*, sum(round((l.qty_received - l.qty_rejected) * l.unit_price, 2)) AS receipt_value,
         o.received_date + pg_temp.rnd_int('si.lag', o.po_no, 0, 6)::int AS invoice_date
  FROM po_x o JOIN pol_x l USING (po_no)
  WHERE o.status IN ('partially_received', 'received')
  GROUP BY o.po_no
), v AS (
  SELECT r.*, r.invoice_date + pg_temp.rnd_int('si.mail', r.po_no, 1, 4)::int AS ap_received,
         pg_temp.rnd_bool('si.pv', r.po_no, 0.06) AS price_var,
         r.invoice_date + r.net_days AS due_date
  FROM r
)
SELECT row_number() OVER (ORDER BY v.po_no) AS supplier_invoice_id, v.*,
       CASE WHEN v.price_var
            THEN round(v.receipt_value * pg_temp.rnd_num('si.pvpct', v.po_no, 1.005, 1.04, 4), 2)
            ELSE v.receipt_value END AS net_amount,
       -- About one invoice in seven is paid early, inside a cash-discount window; the rest
       -- a few days before the due date.
       greatest(v.ap_received,
                CASE WHEN pg_temp.rnd_bool('si.earlypay', v.po_no, 0.15)
                     THEN v.ap_received + pg_temp.rnd_int('si.earlydays', v.po_no, 3, 9)::int
                     ELSE v.due_date - pg_temp.rnd_int('si.early', v.po_no, 0, 4)::int END) AS pay_date,
       v.price_var AND pg_temp.rnd_bool('si.dispute', v.po_no, 0.5) AS disputed
FROM v, prm p
WHERE v.ap_received <= p.e;
ALTER TABLE si_x ADD COLUMN si_status text;
UPDATE si_x SET si_status = CASE WHEN NOT disputed AND pay_date <= p.e THEN 'paid'
                                 WHEN disputed THEN 'disputed'
                                 WHEN ap_received >= p.e - 2 THEN 'received'
                                 ELSE 'approved' END
FROM prm p;

INSERT INTO purchase_orders (purchase_order_id, po_number, supplier_id, supplier_account_id,
                             buyer_employee_id, factory_id, ship_to_warehouse_id, order_date,
                             expected_date, status, currency, units_per_usd, payment_term_id,
                             total_amount, incoterm, approved_at, sent_at, closed_at, notes,
                             created_at, updated_at, modified_by)
SELECT o.po_no, 'PO-' || to_char(o.order_date, 'YYYY') || '-' || lpad(o.po_no::text, 6, '0'),
       o.supplier_id, o.supplier_id, o.buyer, o.factory_id, 2 * o.factory_id - 1, o.order_date,
       o.expected_date,
       CASE WHEN o.status = 'received' AND si.si_status = 'paid' THEN 'closed' ELSE o.status END,
       o.currency, o.upu, o.payment_term_id,
       tot.amount,
       pg_temp.rnd_pick('po.incoterm', o.po_no, ARRAY['FCA', 'FCA', 'DAP', 'DDP', 'EXW', 'CIF']),
       CASE WHEN o.status NOT IN ('draft', 'cancelled') THEN o.created_ts + interval '3 hours' END,
       CASE WHEN o.status NOT IN ('draft', 'cancelled', 'approved') THEN o.created_ts + interval '5 hours' END,
       CASE WHEN o.status = 'received' AND si.si_status = 'paid' THEN pg_temp.ts(si.pay_date, 61200) END,
       CASE WHEN pg_temp.rnd_bool('po.note', o.po_no, 0.1)
            THEN 'Confirm delivery slot with receiving 24h in advance; mill certificates required.' END,
       o.created_ts,
       CASE WHEN o.status = 'received' AND si.si_status = 'paid' THEN pg_temp.ts(si.pay_date, 61200)
            WHEN o.status IN ('received', 'partially_received') THEN pg_temp.ts(o.received_date, 43200)
            WHEN o.status IN ('sent') THEN o.created_ts + interval '5 hours'
            WHEN o.status = 'approved' THEN o.created_ts + interval '3 hours'
            ELSE o.created_ts END,
       'user' || o.buyer
FROM po_x o LEFT JOIN si_x si USING (po_no)
JOIN (SELECT po_no, sum(round(quantity * unit_price, 2)) AS amount FROM pol_x GROUP BY po_no) tot
  USING (po_no);

INSERT INTO purchase_order_lines (purchase_order_line_id, purchase_order_id, line_number,
                                  material_id, quantity, unit_price, line_amount, expected_date,
                                  qty_received, status, created_at, updated_at, modified_by)
SELECT l.purchase_order_line_id, l.po_no, l.line_no, l.material_id, l.quantity, l.unit_price,
       round(l.quantity * l.unit_price, 2), l.expected_date, l.qty_received,
       CASE WHEN l.po_status = 'cancelled' THEN 'cancelled'
            WHEN l.qty_received >= l.quantity THEN 'received'
            WHEN l.qty_received > 0 THEN 'partially_received' ELSE 'open' END,
       o.created_at, o.updated_at, o.modified_by
FROM pol_x l JOIN purchase_orders o ON o.purchase_order_id = l.po_no;

INSERT INTO goods_receipts (goods_receipt_id, gr_number, purchase_order_id, warehouse_id,
                            wms_receipt_number, receipt_date, received_by_employee_id, status,
                            created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY o.po_no),
       'GR-' || to_char(o.received_date, 'YYYY') || '-'
         || lpad((row_number() OVER (ORDER BY o.po_no))::text, 6, '0'),
       o.po_no, 2 * o.factory_id - 1, 'RCV-' || lpad(o.po_no::text, 7, '0'), o.received_date,
       pg_temp.pick_emp(o.factory_id, 6, pg_temp.rnd('rcv.clerk', o.po_no)),
       'posted', pg_temp.ts(o.received_date, 43200), pg_temp.ts(o.received_date, 43200), 'wms_interface'
FROM po_x o WHERE o.status IN ('partially_received', 'received');

INSERT INTO goods_receipt_lines (goods_receipt_line_id, goods_receipt_id, purchase_order_line_id,
                                 material_id, qty_received, qty_rejected, unit_price, amount,
                                 created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY g.goods_receipt_id, l.line_no), g.goods_receipt_id,
       l.purchase_order_line_id, l.material_id, l.qty_received, l.qty_rejected, l.unit_price,
       round((l.qty_received - l.qty_rejected) * l.unit_price, 2), g.created_at, g.created_at,
       g.modified_by
FROM goods_receipts g JOIN pol_x l ON l.po_no = g.purchase_order_id;

INSERT INTO supplier_invoices (supplier_invoice_id, document_number, supplier_invoice_number,
                               supplier_id, supplier_account_id, purchase_order_id, invoice_date,
                               received_date, due_date, currency, units_per_usd, net_amount,
                               tax_amount, total_amount, amount_paid, match_status, status,
                               paid_date, attachment_sha256, notes, created_at, updated_at,
                               modified_by)
SELECT s.supplier_invoice_id,
       'AP-' || to_char(s.ap_received, 'YYYY') || '-' || lpad(s.supplier_invoice_id::text, 6, '0'),
       (ARRAY['INV', 'RE', 'FA', 'BL'])[1 + s.supplier_id % 4] || '-' || (100000 + s.po_no),
       s.supplier_id, s.supplier_id, s.po_no, s.invoice_date, s.ap_received, s.due_date,
       s.currency, s.upu, s.net_amount, 0, s.net_amount,
       CASE WHEN s.si_status = 'paid' THEN s.net_amount ELSE 0 END,
       CASE WHEN s.price_var THEN 'price_variance' ELSE 'matched' END, s.si_status,
       CASE WHEN s.si_status = 'paid' THEN s.pay_date END,
       sha256(convert_to('supplier-invoice|' || s.supplier_id || '|' || s.po_no || '|' || s.net_amount, 'UTF8')),
       CASE WHEN s.disputed THEN 'Price above PO price; debit note requested from supplier.' END,
       pg_temp.ts(s.ap_received, 36000),
       CASE WHEN s.si_status = 'paid' THEN pg_temp.ts(s.pay_date, 61200)
            ELSE pg_temp.ts(s.ap_received, 36000) END,
       CASE WHEN s.si_status = 'paid' THEN 'payment_run' ELSE 'user' || s.buyer END
FROM si_x s;

INSERT INTO supplier_payments (supplier_payment_id, payment_number, supplier_id,
                               supplier_invoice_id, payment_date, amount, currency, units_per_usd,
                               method, status, bank_reference, created_at, updated_at,
                               modified_by)
SELECT row_number() OVER (ORDER BY s.supplier_invoice_id),
       'PAY-' || to_char(s.pay_date, 'YYYY') || '-'
         || lpad((row_number() OVER (ORDER BY s.supplier_invoice_id))::text, 6, '0'),
       s.supplier_id, s.supplier_invoice_id, s.pay_date, s.net_amount, s.currency, s.upu,
       CASE s.currency WHEN 'EUR' THEN 'sepa' WHEN 'USD' THEN
         pg_temp.rnd_pick('sp.method', s.po_no, ARRAY['ach', 'ach', 'wire', 'check']) ELSE 'wire' END,
       CASE WHEN s.pay_date <= p.e - 3 THEN 'cleared' ELSE 'sent' END,
       'PR' || upper(left(md5('pay' || s.po_no), 12)),
       pg_temp.ts(s.pay_date, 61200),
       CASE WHEN s.pay_date <= p.e - 3 THEN pg_temp.ts(s.pay_date + 2, 36000)
            ELSE pg_temp.ts(s.pay_date, 61200) END,
       'payment_run'
FROM si_x s, prm p WHERE s.si_status = 'paid';

ANALYZE purchase_orders; ANALYZE purchase_order_lines; ANALYZE goods_receipts;
ANALYZE goods_receipt_lines; ANALYZE supplier_invoices; ANALYZE supplier_payments;
ANALYZE customer_payments; ANALYZE si_x;

-- Monthly manufacturing variances per factory and product category, from the standard cost
-- of what shipped that month.
INSERT INTO cost_variances (cost_variance_id, fiscal_period_id, factory_id, product_category_id,
                            cost_center_id, variance_type, standard_amount, actual_amount,
                            variance_amount, variance_pct, is_favorable, status, explanation,
                            created_at, updated_at, modified_by)
WITH base AS (
  SELECT fp.fiscal_period_id, fp.end_date, fp.status AS period_status, s.factory_id,
         pr.category_id, sum(round(l.cost_amount / s.upu, 2)) AS std_usd
  FROM sol_x l JOIN so_x s USING (so_no) JOIN prod pr USING (product_id)
  JOIN fiscal_periods fp ON s.ship_date BETWEEN fp.start_date AND fp.end_date
  CROSS JOIN prm p
  WHERE s.status IN ('shipped', 'invoiced') AND fp.end_date < p.e
  GROUP BY 1, 2, 3, 4, 5
), v AS (
  SELECT b.*, t.vtype, t.k,
         round(b.std_usd * t.share, 2) AS standard_amount,
         round(b.std_usd * t.share * (1 + (pg_temp.rnd('cv.dev', b.fiscal_period_id * 10000
                                                                 + b.factory_id * 100
                                                                 + b.category_id * 4 + t.k)
                                           - 0.45)::numeric * 0.08), 2) AS actual_amount
  FROM base b,
       (VALUES ('material_price', 0.62, 0), ('material_usage', 0.62, 1),
               ('labor_efficiency', 0.22, 2), ('overhead_spending', 0.16, 3)) t(vtype, share, k)
)
SELECT row_number() OVER (ORDER BY fiscal_period_id, factory_id, category_id, k),
       fiscal_period_id, factory_id, category_id, (factory_id - 1) * 6 + 1, vtype,
       standard_amount, actual_amount, actual_amount - standard_amount,
       CASE WHEN standard_amount = 0 THEN 0
            ELSE round((actual_amount - standard_amount) / standard_amount * 100, 2) END::real,
       actual_amount < standard_amount,
       CASE WHEN period_status = 'closed' THEN 'posted' ELSE 'calculated' END,
       CASE WHEN abs(actual_amount - standard_amount) > 0.025 * standard_amount THEN
         CASE vtype
           WHEN 'material_price' THEN 'Spot buys above contract price during supplier shortage.'
           WHEN 'material_usage' THEN 'Scrap above standard after tooling change.'
           WHEN 'labor_efficiency' THEN 'Overtime and new operators on second shift.'
           ELSE 'Energy tariff differs from the rate in the standard.' END END,
       pg_temp.ts(end_date + 3, 36000),
       pg_temp.ts(end_date + 3, 36000),
       'cost_run'
FROM v;

-- General ledger ----------------------------------------------------------------------------
-- One row per posting line; entries are formed by (source_type, source_id) and numbered in
-- posting order. Amounts are converted to USD here; the AR/AP line absorbs rounding so every
-- entry balances.
CREATE TEMP TABLE jl_src (
  src_rank int, source_type text, source_id bigint, posting_date date, source_document text,
  description text, line_no int, account text, cost_center_id bigint, debit numeric,
  credit numeric, factory_id bigint, customer_id bigint, supplier_id bigint, ts timestamptz
);

-- customer invoices: AR / discounts against revenue and tax
INSERT INTO jl_src
SELECT 1, 'customer_invoice', i.customer_invoice_id, i.invoice_date, i.invoice_number,
       'Customer invoice ' || i.invoice_number, x.line_no, x.acct, x.cc, x.dr, x.cr, i.factory_id,
       i.customer_id, NULL, pg_temp.ts(i.invoice_date, 72000)
FROM inv_x i CROSS JOIN prm p,
     LATERAL (SELECT round(i.subtotal / i.upu, 2) AS sub, round(i.discount_amount / i.upu, 2) AS dis,
                     round(i.tax_amount / i.upu, 2) AS tax) u,
     LATERAL (VALUES (1, '1200', p.nf * 6 + 1, u.sub - u.dis + u.tax, 0),
                     (2, '4050', p.nf * 6 + 1, u.dis, 0),
                     (3, '4010', p.nf * 6 + 1, 0, u.sub),
                     (4, '2300', p.nf * 6 + 2, 0, u.tax)) x(line_no, acct, cc, dr, cr);

-- cost of goods sold at shipment, at standard
INSERT INTO jl_src
SELECT 3, 'shipment_cogs', s.so_no, s.ship_date,
       'SO-' || to_char(s.order_date, 'YYYY') || '-' || lpad(s.so_no::text, 6, '0'),
       'COGS for shipped order', x.line_no, x.acct, x.cc, x.dr, x.cr, s.factory_id,
       s.customer_id, NULL, pg_temp.ts(s.ship_date, 68400)
FROM so_x s JOIN so_tot t USING (so_no),
     LATERAL (SELECT round(t.total_cost / s.upu, 2) AS c) u,
     LATERAL (VALUES (1, '5010', (s.factory_id - 1) * 6 + 1, u.c, 0),
                     (2, '1320', (s.factory_id - 1) * 6 + 4, 0, u.c)) x(line_no, acct, cc, dr, cr)
WHERE s.status IN ('shipped', 'invoiced');

-- customer payments: cash against AR
INSERT INTO jl_src
SELECT 2, 'customer_payment', cp.customer_payment_id, cp.received_date, cp.payment_number,
       'Customer payment ' || cp.payment_number, x.line_no, x.acct, x.cc, x.dr, x.cr,
       NULL, cp.customer_id, NULL, cp.created_at
FROM customer_payments cp CROSS JOIN prm p,
     LATERAL (SELECT round(cp.amount / cp.units_per_usd, 2) AS a) u,
     LATERAL (VALUES (1, '1010', p.nf * 6 + 2, u.a, 0),
                     (2, '1200', p.nf * 6 + 1, 0, u.a)) x(line_no, acct, cc, dr, cr);

-- goods receipts: raw material inventory against GRNI
INSERT INTO jl_src
SELECT 4, 'goods_receipt', g.goods_receipt_id, g.receipt_date, g.gr_number,
       'Goods receipt ' || g.gr_number, x.line_no, x.acct, x.cc, x.dr, x.cr, o.factory_id, NULL,
       o.supplier_id, g.created_at
FROM goods_receipts g JOIN po_x o ON o.po_no = g.purchase_order_id
JOIN (SELECT goods_receipt_id, sum(amount) AS amount FROM goods_receipt_lines GROUP BY 1) a
  USING (goods_receipt_id),
     LATERAL (SELECT round(a.amount / o.upu, 2) AS v) u,
     LATERAL (VALUES (1, '1300', (o.factory_id - 1) * 6 + 4, u.v, 0),
                     (2, '2050', (o.factory_id - 1) * 6 + 4, 0, u.v)) x(line_no, acct, cc, dr, cr);

-- supplier invoices: clear GRNI, price variance, AP
INSERT INTO jl_src
SELECT 5, 'supplier_invoice', s.supplier_invoice_id, s.ap_received,
       'AP-' || to_char(s.ap_received, 'YYYY') || '-' || lpad(s.supplier_invoice_id::text, 6, '0'),
       'Supplier invoice for PO ' || s.po_no, x.line_no, x.acct, x.cc, x.dr, x.cr, s.factory_id,
       NULL, s.supplier_id, pg_temp.ts(s.ap_received, 36000)
FROM si_x s CROSS JOIN prm p,
     LATERAL (SELECT round(s.receipt_value / s.upu, 2) AS grni, round(s.net_amount / s.upu, 2) AS ap) u,
     LATERAL (VALUES (1, '2050', (s.factory_id - 1) * 6 + 4, u.grni, 0),
                     (2, '5100', (s.factory_id - 1) * 6 + 1, greatest(u.ap - u.grni, 0),
                      greatest(u.grni - u.ap, 0)),
                     (3, '2010', p.nf * 6 + 2, 0, u.ap)) x(line_no, acct, cc, dr, cr);

-- supplier payments: AP against cash
INSERT INTO jl_src
SELECT 6, 'supplier_payment', sp.supplier_payment_id, sp.payment_date, sp.payment_number,
       'Supplier payment ' || sp.payment_number, x.line_no, x.acct, x.cc, x.dr, x.cr, NULL, NULL,
       sp.supplier_id, sp.created_at
FROM supplier_payments sp CROSS JOIN prm p,
     LATERAL (SELECT round(sp.amount / sp.units_per_usd, 2) AS a) u,
     LATERAL (VALUES (1, '2010', p.nf * 6 + 2, u.a, 0),
                     (2, '1010', p.nf * 6 + 2, 0, u.a)) x(line_no, acct, cc, dr, cr);

-- daily accruals of plant and corporate operating expenses (weekends run at reduced cost)
INSERT INTO jl_src
WITH days AS (
  SELECT p.d0 + g AS day, g, CASE WHEN extract(isodow FROM p.d0 + g) >= 6 THEN 0.35 ELSE 1 END AS wf,
         p.vol, p.nf
  FROM prm p, generate_series(0, p.d - 1) g
), plant AS (
  SELECT dy.*, f, b.line_no, b.acct, (f - 1) * 6 + b.k AS cc,
         round(b.amount * dy.vol * dy.wf * pg_temp.rnd_num('acc.plant', (dy.g * 1000 + f) * 10 + b.line_no, 0.85, 1.15, 4), 2) AS amount
  FROM days dy, generate_series(1, dy.nf) f,
       (VALUES (1, '6010', 5, 16800), (2, '6100', 1, 12400), (3, '6200', 2, 10400),
               (4, '6300', 3, 6000), (5, '5200', 4, 8800)) b(line_no, acct, k, amount)
), corp AS (
  SELECT dy.*, 0 AS f, b.line_no, b.acct, dy.nf * 6 + b.k AS cc,
         round(b.amount * dy.vol * dy.nf / 3.0 * dy.wf * pg_temp.rnd_num('acc.corp', dy.g * 10 + b.line_no, 0.85, 1.15, 4), 2) AS amount
  FROM days dy,
       (VALUES (1, '6500', 1, 20800), (2, '6600', 4, 9600), (3, '6700', 2, 7200),
               (4, '6010', 3, 14400), (5, '6010', 5, 10000), (6, '6800', 6, 3600)) b(line_no, acct, k, amount)
), all_lines AS (
  SELECT day, g, f, line_no, acct, cc, amount FROM plant
  UNION ALL SELECT day, g, f, line_no, acct, cc, amount FROM corp
)
SELECT 7, 'accrual', g * 100 + f, day, 'ACR-' || to_char(day, 'YYYYMMDD') || '-' || lpad(f::text, 2, '0'),
       CASE WHEN f = 0 THEN 'Daily corporate expense accrual' ELSE 'Daily plant expense accrual, factory ' || f END,
       line_no, acct, cc, amount, 0, nullif(f, 0), NULL::bigint, NULL::bigint, pg_temp.ts(day, 82800)
FROM all_lines
UNION ALL
SELECT 7, 'accrual', g * 100 + f, day, 'ACR-' || to_char(day, 'YYYYMMDD') || '-' || lpad(f::text, 2, '0'),
       CASE WHEN f = 0 THEN 'Daily corporate expense accrual' ELSE 'Daily plant expense accrual, factory ' || f END,
       10 + CASE WHEN acct = '6010' THEN 0 ELSE 1 END, CASE WHEN acct = '6010' THEN '2100' ELSE '2150' END,
       CASE WHEN f = 0 THEN (SELECT nf FROM prm) * 6 + 2 ELSE (f - 1) * 6 + 5 END,
       0, sum(amount), nullif(f, 0), NULL, NULL, pg_temp.ts(day, 82800)
FROM all_lines
GROUP BY g, f, day, acct = '6010';

-- monthly depreciation per factory, at each month end inside the window
INSERT INTO jl_src
SELECT 8, 'depreciation', fp.fiscal_period_id * 100 + f, fp.end_date,
       'DEP-' || fp.period_name || '-' || lpad(f::text, 2, '0'),
       'Monthly depreciation, factory ' || f, x.line_no, x.acct, (f - 1) * 6 + 5, x.dr, x.cr, f,
       NULL, NULL, pg_temp.ts(fp.end_date, 79200)
FROM prm p JOIN fiscal_periods fp ON fp.end_date BETWEEN p.d0 AND p.e,
     generate_series(1, p.nf) f,
     LATERAL (VALUES (1, '6400', 42000.00 + 7000 * f, 0), (2, '1590', 0, 42000.00 + 7000 * f))
       x(line_no, acct, dr, cr);

-- posted manufacturing variances against work in process
INSERT INTO jl_src
SELECT 9, 'cost_variance', cv.cost_variance_id, fp.end_date,
       'VAR-' || fp.period_name || '-' || cv.cost_variance_id,
       'Manufacturing variance ' || cv.variance_type, x.line_no, x.acct, cv.cost_center_id, x.dr,
       x.cr, cv.factory_id, NULL, NULL, cv.created_at
FROM cost_variances cv JOIN fiscal_periods fp USING (fiscal_period_id),
     LATERAL (VALUES
       (1, CASE cv.variance_type WHEN 'material_price' THEN '5100' WHEN 'material_usage' THEN '5110'
                                 WHEN 'labor_efficiency' THEN '5120' ELSE '5130' END,
        greatest(cv.variance_amount, 0), greatest(-cv.variance_amount, 0)),
       (2, '1310', greatest(-cv.variance_amount, 0), greatest(cv.variance_amount, 0))
     ) x(line_no, acct, dr, cr)
WHERE cv.status = 'posted' AND cv.variance_amount <> 0;

DELETE FROM jl_src WHERE debit = 0 AND credit = 0;
ANALYZE jl_src;

CREATE TEMP TABLE je_x AS
SELECT row_number() OVER (ORDER BY posting_date, src_rank, source_id) AS journal_entry_id, h.*
FROM (SELECT src_rank, source_type, source_id, min(posting_date) AS posting_date,
             min(source_document) AS source_document, min(description) AS description,
             sum(debit) AS total_debit, sum(credit) AS total_credit, max(ts) AS ts
      FROM jl_src GROUP BY src_rank, source_type, source_id) h;
CREATE INDEX ON je_x (source_type, source_id);
ANALYZE je_x;

INSERT INTO journal_entries (journal_entry_id, entry_number, ledger_id, fiscal_period_id,
                             posting_date, source_type, source_id, source_document, description,
                             status, total_debit, total_credit, batch_id, posted_at, created_at,
                             updated_at, modified_by)
SELECT j.journal_entry_id,
       'JE-' || to_char(j.posting_date, 'YYYY') || '-' || lpad(j.journal_entry_id::text, 7, '0'),
       1, fp.fiscal_period_id, j.posting_date, j.source_type, j.source_id, j.source_document,
       j.description, 'posted', j.total_debit, j.total_credit,
       md5('batch|' || j.posting_date || '|' || j.source_type)::uuid,
       j.ts + interval '10 minutes', j.ts, j.ts + interval '10 minutes',
       CASE j.source_type WHEN 'accrual' THEN 'accrual_job' WHEN 'depreciation' THEN 'fixed_assets'
                          ELSE 'gl_interface' END
FROM je_x j JOIN fiscal_periods fp ON j.posting_date BETWEEN fp.start_date AND fp.end_date;

INSERT INTO journal_lines (journal_line_id, journal_entry_id, line_number, gl_account_id,
                           cost_center_id, debit, credit, factory_id, customer_id, supplier_id,
                           description, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY j.journal_entry_id, l.line_no), j.journal_entry_id,
       row_number() OVER (PARTITION BY j.journal_entry_id ORDER BY l.line_no), a.id,
       l.cost_center_id, l.debit, l.credit, l.factory_id, l.customer_id, l.supplier_id,
       g.name, j.ts, j.ts + interval '10 minutes',
       CASE j.source_type WHEN 'accrual' THEN 'accrual_job' WHEN 'depreciation' THEN 'fixed_assets'
                          ELSE 'gl_interface' END
FROM jl_src l JOIN je_x j USING (source_type, source_id)
JOIN acct a ON a.num = l.account JOIN gl_accounts g ON g.gl_account_id = a.id;

-- Budgets: plant and corporate expense lines per month, and a product-sales budget for the
-- sales cost center derived from the average daily USD revenue of the window.
INSERT INTO budgets (budget_id, fiscal_period_id, cost_center_id, gl_account_id, budget_amount,
                     revised_amount, status, approved_by_employee_id, notes, created_at,
                     updated_at, modified_by)
WITH lines AS (
  SELECT (f - 1) * 6 + b.k AS cc, b.acct, b.daily * p.vol AS daily, f
  FROM prm p, generate_series(1, p.nf) f,
       (VALUES (5, '6010', 16800), (1, '6100', 12400), (2, '6200', 10400), (3, '6300', 6000),
               (4, '5200', 8800), (1, '6020', 3600), (6, '6010', 5600), (6, '6800', 600)) b(k, acct, daily)
  UNION ALL
  SELECT (f - 1) * 6 + 5, '6400', (42000.00 + 7000 * f) / 30.4, f FROM prm p, generate_series(1, p.nf) f
  UNION ALL
  SELECT p.nf * 6 + b.k, b.acct, b.daily * p.vol * p.nf / 3.0, 0
  FROM prm p,
       (VALUES (1, '6500', 20800), (4, '6600', 9600), (2, '6700', 7200), (3, '6010', 14400),
               (5, '6010', 10000), (6, '6800', 3600), (2, '6900', 1000), (3, '6020', 2800)) b(k, acct, daily)
  UNION ALL
  SELECT p.nf * 6 + 1, '4010',
         coalesce((SELECT sum(i.subtotal / i.upu) FROM inv_x i), 0) / p.d, 0
  FROM prm p
), b AS (
  SELECT fp.fiscal_period_id, fp.status AS period_status, fp.start_date, fp.end_date, l.*,
         row_number() OVER (ORDER BY fp.fiscal_period_id, l.cc, l.acct) AS id
  FROM fiscal_periods fp, lines l
)
SELECT b.id, b.fiscal_period_id, b.cc, a.id,
       round(b.daily * (b.end_date - b.start_date + 1) * pg_temp.rnd_num('bud.amt', b.id, 0.92, 1.08, 4), 2),
       CASE WHEN b.period_status <> 'closed' AND pg_temp.rnd_bool('bud.rev', b.id, 0.3)
            THEN round(b.daily * (b.end_date - b.start_date + 1) * pg_temp.rnd_num('bud.revamt', b.id, 0.95, 1.12, 4), 2) END,
       CASE b.period_status WHEN 'closed' THEN 'locked' ELSE 'approved' END,
       (SELECT manager_employee_id FROM cost_centers WHERE cost_center_id = p.nf * 6 + 2),
       CASE WHEN b.acct = '4010' THEN 'Top-down revenue target, allocated evenly by day.' END,
       pg_temp.ts(make_date(extract(year FROM b.start_date)::int, 1, 1) - 30, 36000),
       pg_temp.ts(make_date(extract(year FROM b.start_date)::int, 1, 1) - 30, 36000),
       'user' || (SELECT manager_employee_id FROM cost_centers WHERE cost_center_id = p.nf * 6 + 2)
FROM b JOIN acct a ON a.num = b.acct CROSS JOIN prm p;

-- Identity sequences continue after the generated ids.
SELECT count(setval(pg_get_serial_sequence(t, c), coalesce(m, 1), m IS NOT NULL)) AS sequences_set
FROM (VALUES
  ('ledgers', 'ledger_id', (SELECT max(ledger_id) FROM ledgers)),
  ('gl_accounts', 'gl_account_id', (SELECT max(gl_account_id) FROM gl_accounts)),
  ('cost_centers', 'cost_center_id', (SELECT max(cost_center_id) FROM cost_centers)),
  ('fiscal_periods', 'fiscal_period_id', (SELECT max(fiscal_period_id) FROM fiscal_periods)),
  ('budgets', 'budget_id', (SELECT max(budget_id) FROM budgets)),
  ('exchange_rates', 'exchange_rate_id', (SELECT max(exchange_rate_id) FROM exchange_rates)),
  ('payment_terms', 'payment_term_id', (SELECT max(payment_term_id) FROM payment_terms)),
  ('tax_codes', 'tax_code_id', (SELECT max(tax_code_id) FROM tax_codes)),
  ('customer_accounts', 'customer_account_id', (SELECT max(customer_account_id) FROM customer_accounts)),
  ('supplier_accounts', 'supplier_account_id', (SELECT max(supplier_account_id) FROM supplier_accounts)),
  ('standard_costs', 'standard_cost_id', (SELECT max(standard_cost_id) FROM standard_costs)),
  ('standard_cost_components', 'component_id', (SELECT max(component_id) FROM standard_cost_components)),
  ('sales_orders', 'sales_order_id', (SELECT max(sales_order_id) FROM sales_orders)),
  ('sales_order_lines', 'sales_order_line_id', (SELECT max(sales_order_line_id) FROM sales_order_lines)),
  ('customer_invoices', 'customer_invoice_id', (SELECT max(customer_invoice_id) FROM customer_invoices)),
  ('customer_invoice_lines', 'invoice_line_id', (SELECT max(invoice_line_id) FROM customer_invoice_lines)),
  ('customer_payments', 'customer_payment_id', (SELECT max(customer_payment_id) FROM customer_payments)),
  ('purchase_orders', 'purchase_order_id', (SELECT max(purchase_order_id) FROM purchase_orders)),
  ('purchase_order_lines', 'purchase_order_line_id', (SELECT max(purchase_order_line_id) FROM purchase_order_lines)),
  ('goods_receipts', 'goods_receipt_id', (SELECT max(goods_receipt_id) FROM goods_receipts)),
  ('goods_receipt_lines', 'goods_receipt_line_id', (SELECT max(goods_receipt_line_id) FROM goods_receipt_lines)),
  ('supplier_invoices', 'supplier_invoice_id', (SELECT max(supplier_invoice_id) FROM supplier_invoices)),
  ('supplier_payments', 'supplier_payment_id', (SELECT max(supplier_payment_id) FROM supplier_payments)),
  ('journal_entries', 'journal_entry_id', (SELECT max(journal_entry_id) FROM journal_entries)),
  ('journal_lines', 'journal_line_id', (SELECT max(journal_line_id) FROM journal_lines)),
  ('cost_variances', 'cost_variance_id', (SELECT max(cost_variance_id) FROM cost_variances))
) s(t, c, m) \gset
