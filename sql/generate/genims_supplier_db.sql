-- genims_supplier_db generator: portal accounts of every master supplier, approved sources,
-- contracts, and :days of RFQs, quotes, deliveries, invoices, scorecards and audits ending at
-- :end_date (deliveries and audits also run up to two weeks / a month ahead as scheduled).
-- Deterministic in :seed (only pg_temp.rnd* draws, no clock).
--
-- Sources: material m has 2-3 approved suppliers; the rank-k source (k = 0, 1, 2) is
-- supplier ((m - 1 + k * greatest(1, S/3)) % S) + 1, so supplier s is the first source of
-- materials s, s+S, s+2S, ... Buyers are employees with e%20 = 5 (of the rfq's factory when
-- one exists), auditors e%20 = 1. Warehouse of a receipt: (f-1)*2 + 1 (raw material store).
\ir _prelude.sql

-- These statements are large expression trees over modest row counts: JIT compilation
-- would cost seconds and save nothing. (Likewise the OFFSET 0 in derived tables: it keeps
-- the planner from inlining a derived column at every reference, so each draw runs once.)
SET jit = off;
-- Date arithmetic on timestamptz (month series, date casts) then never depends on the
-- server's TimeZone.
SET TIME ZONE 'UTC';

SELECT (:'end_date'::date - (:days - 1)) AS start_date,
  greatest(1, :n_suppliers / 3) AS src_step \gset

TRUNCATE supplier_portal_accounts, supplier_contacts, supplier_certifications, approved_sources,
  rfqs, rfq_lines, rfq_invitations, supplier_quotes, supplier_quote_lines, contracts,
  contract_items, supplier_deliveries, supplier_invoices, supplier_scorecards, supplier_audits,
  supplier_audit_findings, supplier_scars RESTART IDENTITY CASCADE;

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

-- Suppliers on the portal ---------------------------------------------------------------

INSERT INTO supplier_portal_accounts (supplier_id, portal_username, onboarding_status, tier, categories,
  tax_id, duns_number, preferred_currency, payment_terms_days, edi_enabled, settings, last_login_at,
  created_at, updated_at, modified_by)
SELECT s, 'sup' || lpad(s::text, 5, '0'),
  CASE WHEN pg_temp.rnd('spa.onb', s) < 0.92 THEN 'approved' WHEN pg_temp.rnd('spa.onb', s) < 0.96 THEN 'in_progress'
       WHEN pg_temp.rnd('spa.onb', s) < 0.98 THEN 'suspended' ELSE 'invited' END,
  CASE WHEN pg_temp.rnd('spa.tier', s) < 0.10 THEN 'strategic' WHEN pg_temp.rnd('spa.tier', s) < 0.35 THEN 'preferred'
       WHEN pg_temp.rnd('spa.tier', s) < 0.90 THEN 'approved' ELSE 'conditional' END,
  ARRAY[pg_temp.rnd_pick('spa.cat1', s, ARRAY['steel', 'aluminium', 'plastics', 'electronics', 'castings']),
        pg_temp.rnd_pick('spa.cat2', s, ARRAY['packaging', 'chemicals', 'fasteners', 'rubber', 'machining'])],
  'VAT' || lpad(pg_temp.rnd_int('spa.vat', s, 0, 999999999)::text, 9, '0'),
  lpad(pg_temp.rnd_int('spa.duns', s, 0, 999999999)::text, 9, '0'),
  CASE WHEN pg_temp.rnd_bool('spa.usd', s, 0.2) THEN 'USD' ELSE 'EUR' END,
  (ARRAY[30, 45, 60, 90])[pg_temp.rnd_int('spa.terms', s, 1, 4)],
  pg_temp.rnd_bool('spa.edi', s, 0.4),
  jsonb_build_object('language', pg_temp.rnd_pick('spa.lang', s, ARRAY['en', 'de', 'pl', 'es', 'cs']),
                     'notify_email', pg_temp.rnd_bool('spa.ntf', s, 0.9),
                     'asn_required', true,
                     'label_format', pg_temp.rnd_pick('spa.lbl', s, ARRAY['GS1-128', 'VDA 4902', 'Odette'])),
  (:'end_date'::date + time '18:00') AT TIME ZONE 'UTC' - make_interval(hours => pg_temp.rnd_int('spa.login', s, 1, 900)::int),
  (:'start_date'::date - pg_temp.rnd_int('spa.since', s, 100, 2000)::int + time '09:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - pg_temp.rnd_int('spa.upd', s, 1, 90)::int + time '09:00') AT TIME ZONE 'UTC',
  'sup' || lpad(s::text, 5, '0')
FROM generate_series(1, :n_suppliers) s;

INSERT INTO supplier_contacts (contact_id, supplier_id, first_name, last_name, email, phone, contact_role,
  is_primary, status, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY s, k), s, fn, ln,
  lower(fn || '.' || ln) || '@supplier' || s || '.example',
  format('+%s %s %s', pg_temp.rnd_int('sc.cc', s * 10 + k, 30, 49), pg_temp.rnd_int('sc.a', s * 10 + k, 100, 999),
         lpad(pg_temp.rnd_int('sc.b', s * 10 + k, 0, 9999999)::text, 7, '0')),
  (ARRAY['sales', 'quality', 'logistics', 'finance', 'executive'])[k], k = 1,
  CASE WHEN pg_temp.rnd_bool('sc.inact', s * 10 + k, 0.05) THEN 'inactive' ELSE 'active' END,
  (:'start_date'::date - pg_temp.rnd_int('sc.since', s * 10 + k, 30, 1500)::int + time '10:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - pg_temp.rnd_int('sc.upd', s * 10 + k, 0, 29)::int + time '10:00') AT TIME ZONE 'UTC',
  'sup' || lpad(s::text, 5, '0')
FROM (
  SELECT s, k,
    pg_temp.rnd_pick('sc.fn', s * 10 + k, ARRAY['Anna', 'Jan', 'Petra', 'Luis', 'Mei', 'Tomasz', 'Sofia', 'Ravi',
      'Claire', 'Marco', 'Hana', 'Peter']) AS fn,
    pg_temp.rnd_pick('sc.ln', s * 10 + k, ARRAY['Nowak', 'Weber', 'Garcia', 'Chen', 'Dvorak', 'Rossi', 'Kumar',
      'Martin', 'Fischer', 'Lopez', 'Novak', 'Meyer']) AS ln
  FROM generate_series(1, :n_suppliers) s, generate_series(1, 5) k
  WHERE k <= 3 OR (k = 4 AND pg_temp.rnd_bool('sc.fin', s, 0.5)) OR (k = 5 AND pg_temp.rnd_bool('sc.exec', s, 0.2))
  OFFSET 0
) c;

INSERT INTO supplier_certifications (certification_id, supplier_id, standard, certificate_number,
  certifying_body, issued_on, expires_on, status, scope, document_sha256, created_at, updated_at, modified_by)
SELECT id, s, std, format('%s-%s-%s', upper(left(replace(body, ' ', ''), 3)), replace(std, ' ', ''), lpad(id::text, 7, '0')),
  body, issued, issued + 1095,
  CASE WHEN pg_temp.rnd_bool('cert.susp', id, 0.01) THEN 'suspended'
       WHEN issued + 1095 < :'end_date'::date THEN 'expired'
       WHEN issued + 1095 < :'end_date'::date + 90 THEN 'expiring' ELSE 'valid' END,
  'Design and manufacture of ' || pg_temp.rnd_pick('cert.scope', id, ARRAY['machined components', 'stamped parts',
    'injection-molded parts', 'electronic assemblies', 'packaging materials', 'cast parts']),
  CASE WHEN pg_temp.rnd_bool('cert.doc', id, 0.85)
       THEN sha256(convert_to(format('ISO|%s|%s|%s', s, std, pg_temp.rnd_int('cert.h', id, 0, 1000000000)), 'UTF8')) END,
  (issued + 5 + time '09:00') AT TIME ZONE 'UTC', (issued + 5 + time '09:00') AT TIME ZONE 'UTC',
  'sup' || lpad(s::text, 5, '0')
FROM (
  SELECT row_number() OVER (ORDER BY s, k) AS id, s, std,
    pg_temp.rnd_pick('cert.body', s * 10 + k, ARRAY['TUV SUD', 'DNV', 'Bureau Veritas', 'SGS', 'DEKRA', 'Lloyds Register']) AS body,
    :'end_date'::date - pg_temp.rnd_int('cert.issued', s * 10 + k, 10, 1200)::int AS issued
  FROM generate_series(1, :n_suppliers) s,
    (VALUES (1, 'ISO 9001', 0.9), (2, 'ISO 14001', 0.5), (3, 'IATF 16949', 0.3), (4, 'ISO 45001', 0.25),
            (5, 'ISO 50001', 0.1), (6, 'AS9100', 0.05)) v(k, std, p)
  WHERE pg_temp.rnd_bool('cert.has', s * 10 + k, p)
  OFFSET 0
) c;

-- Approved sources: 2 per material, a third for 30% of them.
INSERT INTO approved_sources (source_id, supplier_id, material_id, source_rank, supplier_part_number,
  approval_status, lead_time_days, min_order_qty, last_price, currency, allocation_pct, approved_on,
  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY m, k), s, m, k + 1,
  format('S%s-%s', s, lpad(pg_temp.rnd_int('as.pn', m * 10 + k, 0, 999999)::text, 6, '0')),
  CASE WHEN pg_temp.rnd('as.appr', m * 10 + k) < 0.93 THEN 'approved'
       WHEN pg_temp.rnd('as.appr', m * 10 + k) < 0.97 THEN 'conditional'
       WHEN pg_temp.rnd('as.appr', m * 10 + k) < 0.99 THEN 'pending' ELSE 'blocked' END,
  pg_temp.rnd_int('as.lead', m * 10 + k, 5, 60),
  (ARRAY[10, 50, 100, 250, 500, 1000])[pg_temp.rnd_int('as.moq', m * 10 + k, 1, 6)],
  round(base * (0.92 + 0.18 * pg_temp.rnd('as.price', m * 10 + k))::numeric, 4), 'EUR',
  CASE WHEN nsrc = 2 THEN (ARRAY[70, 30])[k + 1] ELSE (ARRAY[60, 30, 10])[k + 1] END,
  :'start_date'::date - pg_temp.rnd_int('as.since', m * 10 + k, 60, 1800)::int,
  (:'start_date'::date - pg_temp.rnd_int('as.since', m * 10 + k, 60, 1800)::int + time '11:00') AT TIME ZONE 'UTC',
  (:'start_date'::date - pg_temp.rnd_int('as.upd', m * 10 + k, 0, 50)::int + time '11:00') AT TIME ZONE 'UTC',
  'user' || (20 * pg_temp.rnd_int('as.buyer', m, 0, (:n_employees - 5) / 20) + 5)
FROM (
  SELECT m, k, ((m - 1 + k * :src_step) % :n_suppliers) + 1 AS s,
    CASE WHEN pg_temp.rnd_bool('as.third', m, 0.3) AND :n_suppliers >= 3 THEN 3 ELSE least(2, :n_suppliers) END AS nsrc,
    round(exp(ln(0.5) + (ln(250) - ln(0.5)) * pg_temp.rnd('mat.price', m))::numeric, 4) AS base
  FROM generate_series(1, :n_materials) m, generate_series(0, 2) k
  OFFSET 0
) x
WHERE k < nsrc;

-- Contracts: a current agreement for 80% of suppliers, the one it renewed for half of
-- those, and a few drafts for next year.
INSERT INTO contracts (contract_id, contract_number, supplier_id, contract_type, start_date, end_date, status,
  total_value, currency, payment_terms_days, terms, auto_renew, owner_employee_id, signed_at,
  signature_sha256, notes, created_at, updated_at, modified_by)
SELECT id, format('CT-%s-%s', to_char(start_d, 'YYYY'), lpad(id::text, 6, '0')), s, ctype, start_d, end_d, status,
  round(pg_temp.rnd_num('ct.value', id, 50000, 5000000, 0), -3), 'EUR', spa.payment_terms_days,
  jsonb_build_object('incoterms', pg_temp.rnd_pick('ct.inco', id, ARRAY['DAP', 'FCA', 'DDP', 'EXW']),
                     'price_adjustment', pg_temp.rnd_pick('ct.padj', id, ARRAY['fixed', 'steel index quarterly',
                        'aluminium LME monthly', 'annual negotiation']),
                     'warranty_months', pg_temp.rnd_pick('ct.warr', id, ARRAY['12', '24', '36'])::int,
                     'late_penalty_pct_per_week', pg_temp.rnd_num('ct.pen', id, 0, 2, 1),
                     'volume_rebates', jsonb_build_array(
                        jsonb_build_object('above', 100000, 'pct', 1.0),
                        jsonb_build_object('above', 500000, 'pct', 2.5))),
  pg_temp.rnd_bool('ct.renew', id, 0.4), buyer,
  CASE WHEN status <> 'draft' THEN (start_d - pg_temp.rnd_int('ct.sign', id, 3, 30)::int + time '14:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status <> 'draft' THEN sha256(convert_to(format('SIGN|%s|%s|%s', id, s, pg_temp.rnd_int('ct.sig', id, 0, 1000000000)), 'UTF8')) END,
  CASE WHEN pg_temp.rnd_bool('ct.note', id, 0.3) THEN 'Negotiated in ' || to_char(start_d, 'Mon YYYY')
       || '. Supplier commits to safety stock of two weeks for all contracted items and to quarterly business reviews.' END,
  (least(start_d - 40, :'end_date'::date - 1) + time '09:00') AT TIME ZONE 'UTC',
  (CASE WHEN status IN ('expired', 'renewed') THEN end_d ELSE least(start_d, :'end_date'::date) END + time '09:00') AT TIME ZONE 'UTC',
  'user' || buyer
FROM (
  SELECT row_number() OVER (ORDER BY s, k) AS id, s, k, start_d, end_d,
    CASE WHEN k = 3 THEN 'draft'
         WHEN k = 2 THEN CASE WHEN pg_temp.rnd_bool('ct.prevst', s, 0.7) THEN 'renewed' ELSE 'expired' END
         WHEN end_d < :'end_date'::date THEN 'expired'
         WHEN pg_temp.rnd_bool('ct.term', s, 0.02) THEN 'terminated'
         ELSE 'active' END AS status,
    CASE WHEN pg_temp.rnd('ct.type', s * 10 + k) < 0.7 THEN 'framework' WHEN pg_temp.rnd('ct.type', s * 10 + k) < 0.8 THEN 'consignment'
         WHEN pg_temp.rnd('ct.type', s * 10 + k) < 0.9 THEN 'spot' ELSE 'service' END AS ctype,
    20 * pg_temp.rnd_int('ct.buyer', s, 0, (:n_employees - 5) / 20) + 5 AS buyer
  FROM (
    SELECT s, k,
      CASE k WHEN 1 THEN cur_start
             WHEN 2 THEN cur_start - 365 * pg_temp.rnd_int('ct.prevlen', s, 1, 2)::int
             ELSE :'end_date'::date + pg_temp.rnd_int('ct.draft', s, 10, 60)::int END AS start_d,
      CASE k WHEN 1 THEN cur_start + 365 * pg_temp.rnd_int('ct.len', s, 1, 3)::int - 1
             WHEN 2 THEN cur_start - 1
             ELSE :'end_date'::date + pg_temp.rnd_int('ct.draft', s, 10, 60)::int + 729 END AS end_d
    FROM (
      SELECT s, :'end_date'::date - pg_temp.rnd_int('ct.start', s, 30, 700)::int AS cur_start,
        pg_temp.rnd_bool('ct.has', s, 0.8) AS has_cur
      FROM generate_series(1, :n_suppliers) s
      OFFSET 0
    ) c, generate_series(1, 3) k
    WHERE (k = 1 AND has_cur) OR (k = 2 AND has_cur AND pg_temp.rnd_bool('ct.prev', s, 0.5))
       OR (k = 3 AND pg_temp.rnd_bool('ct.draftp', s, 0.03))
    OFFSET 0
  ) d
  OFFSET 0
) x
JOIN supplier_portal_accounts spa ON spa.supplier_id = x.s;

-- Contract items: the materials the supplier is first source of (at most 8).
INSERT INTO contract_items (contract_item_id, contract_id, material_id, agreed_price, min_qty, max_qty,
  price_breaks, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY c.contract_id, a.material_id), c.contract_id, a.material_id,
  round(a.last_price * 0.97, 4), a.min_order_qty * 10, a.min_order_qty * 400,
  jsonb_build_array(jsonb_build_object('min_qty', a.min_order_qty * 50, 'price', round(a.last_price * 0.95, 4)),
                    jsonb_build_object('min_qty', a.min_order_qty * 200, 'price', round(a.last_price * 0.93, 4))),
  c.created_at, c.created_at, c.modified_by
FROM contracts c
JOIN approved_sources a ON a.supplier_id = c.supplier_id AND a.source_rank = 1
WHERE c.contract_type <> 'spot' AND a.material_id <= c.supplier_id + 7 * :n_suppliers;

-- RFQs ----------------------------------------------------------------------------------

INSERT INTO rfqs (rfq_id, rfq_number, factory_id, buyer_employee_id, title, issued_at, response_due,
  awarded_at, status, currency, notes, created_at, updated_at, modified_by)
SELECT id, format('RFQ-%s-%s', to_char(day, 'YYYY'), lpad(id::text, 6, '0')), f, buyer,
  pg_temp.rnd_pick('rfq.title', id, ARRAY['Annual volume', 'New product launch', 'Second source',
    'Spot buy', 'Cost reduction re-quote']) || ': material ' || m1 || CASE WHEN nlines > 1 THEN ' and ' || (nlines - 1) || ' more' ELSE '' END,
  CASE WHEN status <> 'draft' THEN issued END, issued + interval '10 days',
  CASE WHEN status = 'awarded' THEN awarded END, status, 'EUR',
  CASE WHEN pg_temp.rnd_bool('rfq.note', id, 0.25) THEN 'Please quote incl. packaging per VDA standard and state capacity per month.' END,
  issued - interval '1 day',
  CASE status WHEN 'awarded' THEN awarded WHEN 'draft' THEN issued - interval '1 day'
              WHEN 'issued' THEN issued ELSE issued + interval '10 days' END,
  'user' || buyer
FROM (
  SELECT r.*,
    r.issued + interval '10 days' + make_interval(days => pg_temp.rnd_int('rfq.award', r.id, 1, 7)::int) AS awarded,
    CASE WHEN r.day > :'end_date'::date - 2 AND pg_temp.rnd_bool('rfq.draft', r.id, 0.3) THEN 'draft'
         WHEN r.issued + interval '10 days' > (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' THEN 'issued'
         WHEN pg_temp.rnd_bool('rfq.cancel', r.id, 0.1) THEN 'cancelled'
         WHEN r.issued + interval '10 days' + make_interval(days => pg_temp.rnd_int('rfq.award', r.id, 1, 7)::int)
              > (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' THEN 'evaluating'
         WHEN pg_temp.rnd_bool('rfq.closed', r.id, 0.15) THEN 'closed'
         ELSE 'awarded' END AS status
  FROM (
    SELECT id, f, day,
      (day + time '08:00') AT TIME ZONE 'UTC' + make_interval(mins => pg_temp.rnd_int('rfq.at', id, 0, 540)::int) AS issued,
      pg_temp.rnd_int('rfq.m1', id, 1, :n_materials) AS m1,
      pg_temp.rnd_int('rfq.nl', id, 1, 4) AS nlines,
      (SELECT st.ids[1 + floor(pg_temp.rnd('rfq.buyer', id) * cardinality(st.ids))::int]
       FROM staff st WHERE st.factory_id = f AND st.role = 5) AS buyer
    FROM (
      SELECT (d * :n_factories + f - 1) * :volume + j + 1 AS id, f, :'start_date'::date + d AS day
      FROM generate_series(0, :days - 1) d, generate_series(1, :n_factories) f, generate_series(0, :volume - 1) j
    ) z
    OFFSET 0
  ) r
  OFFSET 0
) q;

INSERT INTO rfq_lines (rfq_line_id, rfq_id, line_no, material_id, quantity, uom, required_by, target_price,
  specs, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY r.rfq_id, r.line_no), r.rfq_id, r.line_no, r.material_id,
  round(pg_temp.rnd_num('rl.qty', key, 50, 20000, 0), -1),
  pg_temp.rnd_pick('rl.uom', r.material_id, ARRAY['kg', 'pcs', 'pcs', 'm', 'l']),
  (issued + make_interval(days => pg_temp.rnd_int('rl.req', key, 30, 90)::int))::date,
  CASE WHEN pg_temp.rnd_bool('rl.tgt', key, 0.6) THEN a.last_price * 0.95 END,
  jsonb_build_object('grade', pg_temp.rnd_pick('rl.grade', r.material_id, ARRAY['S235', 'S355', 'AlMg3', 'PA6-GF30', 'FR-4', 'standard']),
                     'tolerance_mm', pg_temp.rnd_pick('rl.tol', key, ARRAY['0.05', '0.1', '0.2'])::numeric,
                     'drawing_rev', chr(65 + pg_temp.rnd_int('rl.rev', key, 0, 5)::int)),
  r.created_at, r.created_at, r.modified_by
FROM (
  SELECT r.rfq_id, r.created_at, r.modified_by, coalesce(r.issued_at, r.created_at + interval '1 day') AS issued,
    i AS line_no, r.rfq_id * 10 + i AS key,
    CASE WHEN i = 1 THEN pg_temp.rnd_int('rfq.m1', r.rfq_id, 1, :n_materials)
         ELSE pg_temp.rnd_int('rl.m', r.rfq_id * 10 + i, 1, :n_materials) END AS material_id
  FROM rfqs r, generate_series(1, 4) i
  WHERE i <= pg_temp.rnd_int('rfq.nl', r.rfq_id, 1, 4)
  OFFSET 0
) r
LEFT JOIN approved_sources a ON a.material_id = r.material_id AND a.source_rank = 1;

-- Invitations go to the approved sources of the first line's material.
INSERT INTO rfq_invitations (invitation_id, rfq_id, supplier_id, invited_at, viewed_at, response_status,
  decline_reason, created_at, updated_at, modified_by)
SELECT id, rfq_id, supplier_id, issued_at,
  CASE WHEN resp IN ('quoted', 'declined') THEN least(viewed, answered)
       WHEN viewed < asof AND pg_temp.rnd_bool('inv.view', id, 0.85) THEN viewed END,
  resp,
  CASE WHEN resp = 'declined' THEN pg_temp.rnd_pick('inv.decl', id, ARRAY['No capacity in requested period',
    'Material outside our portfolio', 'Target price not achievable']) END,
  issued_at,
  CASE WHEN resp IN ('quoted', 'declined') THEN answered
       WHEN viewed < asof AND pg_temp.rnd_bool('inv.view', id, 0.85) THEN viewed ELSE issued_at END,
  CASE WHEN resp IN ('quoted', 'declined') THEN 'sup' || lpad(supplier_id::text, 5, '0') ELSE 'rfq_engine' END
FROM (
  SELECT y.*,
    CASE WHEN y.answered <= least(y.response_due, y.asof) AND y.u < 0.72 THEN 'quoted'
         WHEN y.answered <= least(y.response_due, y.asof) AND y.u < 0.82 THEN 'declined'
         WHEN y.response_due > y.asof AND y.rfq_status NOT IN ('cancelled') THEN 'pending'
         ELSE 'no_response' END AS resp
  FROM (
    SELECT row_number() OVER (ORDER BY r.rfq_id, k) AS id, r.rfq_id, r.issued_at, r.response_due,
      r.status AS rfq_status, (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' AS asof,
      ((l.material_id - 1 + k * :src_step) % :n_suppliers) + 1 AS supplier_id,
      r.issued_at + make_interval(hours => pg_temp.rnd_int('inv.viewh', r.rfq_id * 10 + k, 1, 48)::int) AS viewed,
      r.issued_at + make_interval(hours => pg_temp.rnd_int('inv.ansh', r.rfq_id * 10 + k, 12, 230)::int) AS answered,
      pg_temp.rnd('inv.resp', r.rfq_id * 10 + k) AS u
    FROM rfqs r
    JOIN rfq_lines l ON l.rfq_id = r.rfq_id AND l.line_no = 1
    CROSS JOIN generate_series(0, least(2, :n_suppliers - 1)) k
    WHERE r.status <> 'draft'
    OFFSET 0
  ) y
  OFFSET 0
) z;

INSERT INTO supplier_quotes (quote_id, quote_number, rfq_id, invitation_id, supplier_id, submitted_at,
  valid_until, status, currency, payment_terms_days, incoterms, notes, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY i.invitation_id), format('Q-%s-%s', i.supplier_id, lpad(i.invitation_id::text, 7, '0')),
  i.rfq_id, i.invitation_id, i.supplier_id, i.updated_at, (i.updated_at AT TIME ZONE 'UTC')::date + 60,
  CASE r.status WHEN 'issued' THEN 'submitted' WHEN 'evaluating' THEN 'under_review'
                WHEN 'cancelled' THEN 'expired' ELSE 'rejected' END,
  'EUR', spa.payment_terms_days, pg_temp.rnd_pick('q.inco', i.invitation_id, ARRAY['FCA', 'DAP', 'DAP', 'DDP', 'EXW']),
  CASE WHEN pg_temp.rnd_bool('q.note', i.invitation_id, 0.2) THEN 'Price valid for the quoted volume; tooling amortised over 24 months.' END,
  i.updated_at,
  CASE WHEN r.status IN ('awarded', 'closed', 'cancelled') THEN r.updated_at ELSE i.updated_at END,
  'sup' || lpad(i.supplier_id::text, 5, '0')
FROM rfq_invitations i
JOIN rfqs r ON r.rfq_id = i.rfq_id
JOIN supplier_portal_accounts spa ON spa.supplier_id = i.supplier_id
WHERE i.response_status = 'quoted';

INSERT INTO supplier_quote_lines (quote_line_id, quote_id, rfq_line_id, material_id, quantity, unit_price,
  line_amount, lead_time_days, min_order_qty, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY q.quote_id, l.line_no), q.quote_id, l.rfq_line_id, l.material_id, l.quantity,
  price, round(price * l.quantity, 2),
  coalesce(a.lead_time_days, pg_temp.rnd_int('ql.lead', q.quote_id * 10 + l.line_no, 10, 70)::int),
  a.min_order_qty, q.created_at, q.created_at, q.modified_by
FROM supplier_quotes q
JOIN rfq_lines l ON l.rfq_id = q.rfq_id
LEFT JOIN approved_sources a ON a.material_id = l.material_id AND a.supplier_id = q.supplier_id
CROSS JOIN LATERAL (
  SELECT round(coalesce(a.last_price, (SELECT min(last_price) FROM approved_sources a1 WHERE a1.material_id = l.material_id))
               * (0.9 + 0.25 * pg_temp.rnd('ql.price', q.quote_id * 10 + l.line_no))::numeric, 4) AS price
) p;

UPDATE supplier_quotes q SET total_amount = t.total
FROM (SELECT quote_id, sum(line_amount) AS total FROM supplier_quote_lines GROUP BY quote_id) t
WHERE t.quote_id = q.quote_id;

-- The cheapest quote wins an awarded RFQ; an RFQ nobody quoted could not be awarded.
UPDATE supplier_quotes q SET status = 'accepted'
FROM (
  SELECT DISTINCT ON (q1.rfq_id) q1.quote_id
  FROM supplier_quotes q1 JOIN rfqs r ON r.rfq_id = q1.rfq_id
  WHERE r.status = 'awarded'
  ORDER BY q1.rfq_id, q1.total_amount, q1.quote_id
) w
WHERE w.quote_id = q.quote_id;

UPDATE rfqs r SET status = 'closed', awarded_at = NULL
WHERE r.status = 'awarded' AND NOT EXISTS (SELECT 1 FROM supplier_quotes q WHERE q.rfq_id = r.rfq_id);

-- Deliveries ----------------------------------------------------------------------------
-- 10*volume ASNs per factory and promised day, from two weeks before the window to two
-- weeks after it; what is not yet received at end_date is scheduled or in transit.
INSERT INTO supplier_deliveries (delivery_id, asn_number, po_number, po_line_no, supplier_id, contract_id,
  material_id, factory_id, warehouse_id, carrier_id, ordered_on, promised_date, shipped_at, received_at,
  qty_ordered, qty_shipped, qty_received, qty_rejected, unit_price, currency, status, reject_reason,
  tracking_number, created_at, updated_at, modified_by)
SELECT id, format('ASN-%s-%s', supplier_id, lpad(id::text, 8, '0')),
  format('PO-%s-%s', to_char(ordered_on, 'YYYY'), lpad(((id * 7919) % 1000000)::text, 6, '0')),
  pg_temp.rnd_int('dl.poline', id, 1, 5), supplier_id,
  (SELECT c.contract_id FROM contracts c
   WHERE c.supplier_id = z.supplier_id AND c.contract_type <> 'spot' AND c.status <> 'draft'
     AND z.promised_date BETWEEN c.start_date AND c.end_date
   ORDER BY c.contract_id LIMIT 1),
  material_id, f, (f - 1) * 2 + 1, carrier_id, ordered_on, promised_date,
  CASE WHEN status NOT IN ('scheduled', 'cancelled') THEN shipped_at END,
  CASE WHEN status IN ('received', 'partially_received', 'rejected') THEN received_at END,
  qty_ordered,
  CASE WHEN status IN ('scheduled', 'cancelled') THEN 0 ELSE qty_shipped END,
  CASE WHEN status IN ('received', 'partially_received', 'rejected') THEN qty_shipped ELSE 0 END,
  CASE WHEN status IN ('received', 'partially_received', 'rejected') THEN qty_rejected ELSE 0 END,
  unit_price, 'EUR', status,
  CASE WHEN status IN ('received', 'partially_received', 'rejected') AND qty_rejected > 0 THEN
    pg_temp.rnd_pick('dl.rejwhy', id, ARRAY['Dimensions out of tolerance', 'Surface damage / corrosion',
      'Wrong material certificate', 'Packaging damaged in transit', 'Mixed parts in container']) END,
  CASE WHEN status NOT IN ('scheduled', 'cancelled') THEN 'TRK' || carrier_id || '-' || lpad(pg_temp.rnd_int('dl.trk', id, 0, 99999999)::text, 8, '0') END,
  (ordered_on + time '09:00') AT TIME ZONE 'UTC',
  CASE WHEN status IN ('received', 'partially_received', 'rejected') THEN received_at
       WHEN status = 'in_transit' THEN shipped_at
       WHEN status = 'cancelled' THEN (least(ordered_on + 2, :'end_date'::date) + time '09:00') AT TIME ZONE 'UTC'
       ELSE (ordered_on + time '09:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status IN ('received', 'partially_received', 'rejected') THEN 'wms_receiving'
       WHEN edi THEN 'edi_gateway' ELSE 'sup' || lpad(supplier_id::text, 5, '0') END
FROM (
  SELECT y.*, sq.qty_shipped, rq.qty_rejected,
    CASE WHEN pg_temp.rnd_bool('dl.cancel', y.id, 0.01) THEN 'cancelled'
         WHEN y.received_at >= y.asof THEN CASE WHEN y.shipped_at < y.asof THEN 'in_transit' ELSE 'scheduled' END
         WHEN rq.qty_rejected = sq.qty_shipped THEN 'rejected'
         WHEN sq.qty_shipped < y.qty_ordered THEN 'partially_received'
         ELSE 'received' END AS status
  FROM (
    SELECT x.*, a.last_price, spa.edi_enabled AS edi,
      x.promised_date - a.lead_time_days AS ordered_on,
      (x.promised_date + x.delta + time '06:00') AT TIME ZONE 'UTC'
        + make_interval(mins => pg_temp.rnd_int('dl.rcvm', x.id, 0, 720)::int) AS received_at,
      (x.promised_date + x.delta - pg_temp.rnd_int('dl.transit', x.id, 1, 2)::int + time '08:00') AT TIME ZONE 'UTC'
        + make_interval(mins => pg_temp.rnd_int('dl.shipm', x.id, 0, 600)::int) AS shipped_at,
      greatest(a.min_order_qty, round(pg_temp.rnd_num('dl.qty', x.id, 50, 5000, 0), -1)) AS qty_ordered,
      round(a.last_price * (0.98 + 0.07 * pg_temp.rnd('dl.price', x.id))::numeric, 4) AS unit_price
    FROM (
      SELECT w.*,
        ((w.material_id - 1 + w.k * :src_step) % :n_suppliers) + 1 AS supplier_id,
        CASE WHEN pg_temp.rnd('dl.ontime', w.id) < 0.6 + 0.38 * pg_temp.rnd('sup.rel', ((w.material_id - 1 + w.k * :src_step) % :n_suppliers) + 1)
             THEN -pg_temp.rnd_int('dl.early', w.id, 0, 2)::int
             ELSE pg_temp.rnd_int('dl.late', w.id, 1, 12)::int END AS delta
      FROM (
        SELECT v.*,
          CASE WHEN v.u < 0.70 THEN 0 WHEN v.u < 0.95 THEN 1
               WHEN pg_temp.rnd_bool('as.third', v.material_id, 0.3) AND :n_suppliers >= 3 THEN 2 ELSE 0 END AS k
        FROM (
          SELECT (dd * :n_factories + f - 1) * (10 * :volume) + j + 1 AS id, f,
            :'start_date'::date - 14 + dd AS promised_date,
            pg_temp.rnd_int('dl.mat', (dd * :n_factories + f - 1) * (10 * :volume) + j + 1, 1, :n_materials) AS material_id,
            pg_temp.rnd_int('dl.carrier', (dd * :n_factories + f - 1) * (10 * :volume) + j + 1, 1, :n_carriers) AS carrier_id,
            pg_temp.rnd('dl.src', (dd * :n_factories + f - 1) * (10 * :volume) + j + 1) AS u,
            (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC' AS asof
          FROM generate_series(0, :days + 27) dd, generate_series(1, :n_factories) f,
            generate_series(0, 10 * :volume - 1) j
        ) v
        OFFSET 0
      ) w
      OFFSET 0
    ) x
    JOIN approved_sources a ON a.material_id = x.material_id AND a.supplier_id = x.supplier_id
    JOIN supplier_portal_accounts spa ON spa.supplier_id = x.supplier_id
    -- Only orders already placed by end_date.
    WHERE x.promised_date - a.lead_time_days < :'end_date'::date
    OFFSET 0
  ) y
  CROSS JOIN LATERAL (
    SELECT CASE WHEN pg_temp.rnd_bool('dl.partial', y.id, 0.07)
                THEN round(y.qty_ordered * (0.7 + 0.29 * pg_temp.rnd('dl.partq', y.id))::numeric, 0)
                ELSE y.qty_ordered END AS qty_shipped
  ) sq
  CROSS JOIN LATERAL (
    SELECT CASE WHEN pg_temp.rnd_bool('dl.rejall', y.id, 0.005) THEN sq.qty_shipped
                WHEN pg_temp.rnd('dl.rej', y.id) < 0.02 + 0.15 * pg_temp.rnd('sup.qual', y.supplier_id)
                THEN greatest(1, round(sq.qty_shipped * (0.005 + 0.08 * pg_temp.rnd('dl.rejq', y.id))::numeric, 0))
                ELSE 0 END AS qty_rejected
  ) rq
  OFFSET 0
) z;

-- Contracts consume spend from received goods.
UPDATE contracts c SET spent_to_date = t.spent
FROM (SELECT contract_id, round(sum((qty_received - qty_rejected) * unit_price), 2) AS spent
      FROM supplier_deliveries WHERE contract_id IS NOT NULL GROUP BY contract_id) t
WHERE t.contract_id = c.contract_id;

-- Invoices: the supplier bills what it shipped; 8% carry a price above the order price.
INSERT INTO supplier_invoices (invoice_id, supplier_id, invoice_number, po_number, delivery_id, invoice_date,
  due_date, invoiced_qty, unit_price, net_amount, tax_amount, total_amount, currency, matching_status,
  price_variance_amount, status, approved_at, paid_at, payment_reference, attachment_sha256, created_at,
  updated_at, modified_by)
SELECT id, supplier_id, format('INV-%s-%s', supplier_id, lpad(id::text, 7, '0')), po_number, delivery_id,
  inv_date, inv_date + terms, qty, price, net, round(net * 0.19, 2), net + round(net * 0.19, 2), 'EUR',
  matching, round((price - order_price) * qty, 2), status,
  CASE WHEN status IN ('approved', 'paid') THEN (inv_date + 2 + time '11:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status = 'paid' THEN (inv_date + terms + time '10:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status = 'paid' THEN 'PAY-' || to_char(inv_date + terms, 'YYYYMMDD') || '-' || supplier_id END,
  CASE WHEN pg_temp.rnd_bool('si.pdf', id, 0.9)
       THEN sha256(convert_to(format('PDF|%s|%s|%s', supplier_id, id, pg_temp.rnd_int('si.h', id, 0, 1000000000)), 'UTF8')) END,
  (inv_date + time '12:00') AT TIME ZONE 'UTC',
  CASE status WHEN 'paid' THEN (inv_date + terms + time '10:00') AT TIME ZONE 'UTC'
              WHEN 'approved' THEN (inv_date + 2 + time '11:00') AT TIME ZONE 'UTC'
              WHEN 'submitted' THEN (inv_date + time '12:00') AT TIME ZONE 'UTC'
              ELSE (least(inv_date + 3, :'end_date'::date) + time '15:00') AT TIME ZONE 'UTC' END,
  CASE WHEN status IN ('approved', 'paid', 'on_hold', 'rejected') THEN 'ap_matching' ELSE 'sup' || lpad(supplier_id::text, 5, '0') END
FROM (
  SELECT y.*, round(y.qty * y.price, 2) AS net,
    CASE WHEN y.inv_date >= :'end_date'::date - 1 THEN 'unmatched'
         WHEN y.price <> y.order_price THEN 'price_variance'
         WHEN y.qty <> y.accepted_qty THEN 'qty_variance'
         ELSE 'three_way_matched' END AS matching,
    CASE WHEN y.inv_date >= :'end_date'::date - 1 THEN 'submitted'
         WHEN y.price <> y.order_price OR y.qty <> y.accepted_qty THEN
           CASE WHEN y.inv_date < :'end_date'::date - 30 AND pg_temp.rnd_bool('si.rej', y.id, 0.3) THEN 'rejected' ELSE 'on_hold' END
         WHEN y.inv_date + y.terms <= :'end_date'::date THEN 'paid'
         ELSE 'approved' END AS status
  FROM (
    SELECT row_number() OVER (ORDER BY d.delivery_id) AS id, d.delivery_id, d.supplier_id, d.po_number,
      (d.received_at AT TIME ZONE 'UTC')::date + pg_temp.rnd_int('si.lag', d.delivery_id, 0, 5)::int AS inv_date,
      spa.payment_terms_days AS terms, d.qty_shipped AS qty, d.qty_received - d.qty_rejected AS accepted_qty,
      d.unit_price AS order_price,
      CASE WHEN pg_temp.rnd_bool('si.pv', d.delivery_id, 0.08)
           THEN round(d.unit_price * (1.01 + 0.04 * pg_temp.rnd('si.pvq', d.delivery_id))::numeric, 4)
           ELSE d.unit_price END AS price
    FROM supplier_deliveries d
    JOIN supplier_portal_accounts spa ON spa.supplier_id = d.supplier_id
    WHERE d.status IN ('received', 'partially_received')
      AND (d.received_at AT TIME ZONE 'UTC')::date + pg_temp.rnd_int('si.lag', d.delivery_id, 0, 5)::int <= :'end_date'::date
      AND pg_temp.rnd_bool('si.has', d.delivery_id, 0.97)
    OFFSET 0
  ) y
  OFFSET 0
) z;

-- Scorecards: one per supplier and month with receipts, computed from the deliveries;
-- the running month stays a draft.
INSERT INTO supplier_scorecards (scorecard_id, supplier_id, period_start, period_end, deliveries_count,
  on_time_count, on_time_pct, qty_received, qty_rejected, quality_ppm, avg_lead_time_days,
  price_variance_pct, responsiveness_score, overall_score, grade, status, comments, created_at,
  updated_at, modified_by)
SELECT row_number() OVER (ORDER BY period_start, supplier_id), supplier_id, period_start, period_end, n, on_time,
  on_time_pct, qty_recv, qty_rej, ppm, lead, pv, resp, score,
  CASE WHEN score >= 90 THEN 'A' WHEN score >= 80 THEN 'B' WHEN score >= 70 THEN 'C' ELSE 'D' END,
  CASE WHEN period_end >= :'end_date'::date THEN 'draft'
       WHEN pg_temp.rnd_bool('scd.disp', supplier_id * 1000 + extract(month FROM period_start)::int, 0.04) THEN 'disputed'
       ELSE 'published' END,
  CASE WHEN score < 70 THEN 'Performance below target: improvement plan requested.' END,
  (least(period_end + 1, :'end_date'::date) + time '06:00') AT TIME ZONE 'UTC',
  (least(period_end + 3, :'end_date'::date) + time '06:00') AT TIME ZONE 'UTC',
  'scorecard_job'
FROM (
  SELECT t.*,
    round(0.4 * t.on_time_pct + 0.3 * greatest(0, 100 - t.ppm / 1000) + 0.2 * greatest(0, 100 - 10 * abs(t.pv))
          + 0.1 * t.resp, 2) AS score
  FROM (
    SELECT d.supplier_id, date_trunc('month', d.received_at AT TIME ZONE 'UTC')::date AS period_start,
      (date_trunc('month', d.received_at AT TIME ZONE 'UTC') + interval '1 month - 1 day')::date AS period_end,
      count(*) AS n,
      count(*) FILTER (WHERE (d.received_at AT TIME ZONE 'UTC')::date <= d.promised_date) AS on_time,
      round(100.0 * count(*) FILTER (WHERE (d.received_at AT TIME ZONE 'UTC')::date <= d.promised_date) / count(*), 2) AS on_time_pct,
      sum(d.qty_received) AS qty_recv, sum(d.qty_rejected) AS qty_rej,
      round(1000000 * sum(d.qty_rejected) / nullif(sum(d.qty_received), 0), 3) AS ppm,
      round(avg((d.received_at AT TIME ZONE 'UTC')::date - d.ordered_on), 3) AS lead,
      round(avg(100 * (d.unit_price - a.last_price) / a.last_price), 3) AS pv,
      pg_temp.rnd_num('scd.resp', d.supplier_id, 60, 100, 2) AS resp
    FROM supplier_deliveries d
    JOIN approved_sources a ON a.material_id = d.material_id AND a.supplier_id = d.supplier_id
    WHERE d.status IN ('received', 'partially_received', 'rejected')
      AND d.received_at >= :'start_date'::date::timestamp AT TIME ZONE 'UTC'
    GROUP BY 1, 2, 3
  ) t
) s;

-- Audits: scheduled through the window and a month ahead.
INSERT INTO supplier_audits (audit_id, audit_number, supplier_id, audit_type, scheduled_date, conducted_date,
  lead_auditor_employee_id, status, score, result, checklist, report, created_at, updated_at, modified_by)
SELECT id, format('SA-%s-%s', to_char(sched, 'YYYY'), lpad(id::text, 5, '0')), supplier_id, atype, sched,
  CASE WHEN status IN ('completed', 'in_progress') THEN sched END, auditor, status,
  CASE WHEN status = 'completed' THEN score END,
  CASE WHEN status = 'completed' THEN CASE WHEN score >= 80 THEN 'approved' WHEN score >= 65 THEN 'conditional' ELSE 'rejected' END END,
  CASE WHEN status IN ('completed', 'in_progress') THEN jsonb_build_object(
    'quality_system', least(100, score + pg_temp.rnd_int('sa.c1', id, -10, 10)),
    'process_control', least(100, score + pg_temp.rnd_int('sa.c2', id, -10, 10)),
    'traceability', least(100, score + pg_temp.rnd_int('sa.c3', id, -10, 10)),
    'ehs', least(100, score + pg_temp.rnd_int('sa.c4', id, -10, 10))) END,
  CASE WHEN status = 'completed' THEN
    'Audit of supplier ' || supplier_id || ' (' || atype || ') on ' || to_char(sched, 'YYYY-MM-DD') || '. '
    || 'Opening meeting with plant management, review of quality manual and control plans, shop floor walk '
    || 'through receiving, production and final inspection, sample traceability test from finished goods back '
    || 'to raw material heat numbers, review of calibration records and training matrix. '
    || CASE WHEN score >= 80 THEN 'The supplier demonstrates a mature quality system.'
            WHEN score >= 65 THEN 'Approval is conditional on closing the major findings within 60 days.'
            ELSE 'The supplier is not approved; a re-audit is required before new business.' END END,
  (least(sched - 21, :'end_date'::date - 1) + time '09:00') AT TIME ZONE 'UTC',
  CASE WHEN status = 'completed' THEN (least(sched + 2, :'end_date'::date) + time '16:00') AT TIME ZONE 'UTC'
       WHEN status = 'in_progress' THEN (sched + time '09:00') AT TIME ZONE 'UTC'
       WHEN status = 'cancelled' THEN (greatest(least(sched - 3, :'end_date'::date), least(sched - 21, :'end_date'::date - 1)) + time '09:00') AT TIME ZONE 'UTC'
       ELSE (least(sched - 21, :'end_date'::date - 1) + time '09:00') AT TIME ZONE 'UTC' END,
  'user' || auditor
FROM (
  SELECT x.*, row_number() OVER (ORDER BY x.key) AS id,
    pg_temp.rnd_num('sa.score', x.key, 55, 98, 0) AS score,
    CASE WHEN pg_temp.rnd_bool('sa.cancel', x.key, 0.04) THEN 'cancelled'
         WHEN x.sched > :'end_date'::date THEN 'planned'
         WHEN x.sched > :'end_date'::date - 3 THEN 'in_progress'
         ELSE 'completed' END AS status
  FROM (
    SELECT (d * 100 + j) AS key, :'start_date'::date + d AS sched,
      pg_temp.rnd_int('sa.sup', d * 100 + j, 1, :n_suppliers) AS supplier_id,
      pg_temp.rnd_pick('sa.type', d * 100 + j, ARRAY['periodic', 'periodic', 'process', 'product', 'for_cause', 'qualification']) AS atype,
      20 * pg_temp.rnd_int('sa.aud', d * 100 + j, 0, (:n_employees - 1) / 20) + 1 AS auditor
    FROM generate_series(0, :days + 29) d, generate_series(0, (:n_suppliers / 100 + 1) * :volume - 1) j
    WHERE pg_temp.rnd_bool('sa.exists', d * 100 + j, 0.1)
  ) x
  OFFSET 0
) a;

INSERT INTO supplier_audit_findings (finding_id, audit_id, finding_no, category, severity, description,
  corrective_action_due, status, closed_at, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY audit_id, k), audit_id, k, cat, sev,
  CASE cat
    WHEN 'documentation' THEN 'Control plan revision on the line does not match the released revision.'
    WHEN 'process_control' THEN 'Reaction plan for out-of-control SPC points not followed on station ' || k || '.'
    WHEN 'traceability' THEN 'Lot numbers of raw material not recorded on the traveller for two sampled batches.'
    WHEN 'calibration' THEN 'Gauge used in final inspection found past its calibration due date.'
    WHEN 'training' THEN 'Operator qualification matrix incomplete for the night shift.'
    WHEN 'housekeeping' THEN 'Non-conforming parts stored without red tag next to good parts.'
    ELSE 'Sub-supplier approval process lacks evidence of on-site assessment.' END,
  due, fstatus,
  CASE WHEN fstatus IN ('closed', 'verified') THEN closed END,
  (conducted + 2 + time '16:00') AT TIME ZONE 'UTC',
  CASE WHEN fstatus IN ('closed', 'verified') THEN closed ELSE (conducted + 2 + time '16:00') AT TIME ZONE 'UTC' END,
  modified_by
FROM (
  SELECT a.audit_id, a.conducted_date AS conducted, a.modified_by, k, a.audit_id * 10 + k AS key,
    pg_temp.rnd_pick('saf.cat', a.audit_id * 10 + k, ARRAY['documentation', 'process_control', 'traceability',
      'calibration', 'training', 'housekeeping', 'supplier_management']) AS cat,
    CASE WHEN pg_temp.rnd('saf.sev', a.audit_id * 10 + k) < 0.35 THEN 'observation'
         WHEN pg_temp.rnd('saf.sev', a.audit_id * 10 + k) < 0.80 THEN 'minor'
         WHEN pg_temp.rnd('saf.sev', a.audit_id * 10 + k) < 0.97 THEN 'major' ELSE 'critical' END AS sev,
    a.conducted_date + 60 AS due,
    (a.conducted_date + pg_temp.rnd_int('saf.close', a.audit_id * 10 + k, 10, 75)::int + time '10:00') AT TIME ZONE 'UTC' AS closed,
    CASE WHEN a.conducted_date + pg_temp.rnd_int('saf.close', a.audit_id * 10 + k, 10, 75)::int < :'end_date'::date
         THEN CASE WHEN pg_temp.rnd_bool('saf.ver', a.audit_id * 10 + k, 0.6) THEN 'verified' ELSE 'closed' END
         WHEN pg_temp.rnd_bool('saf.sub', a.audit_id * 10 + k, 0.4) THEN 'action_submitted'
         ELSE 'open' END AS fstatus
  FROM supplier_audits a, generate_series(1, 6) k
  WHERE a.status = 'completed' AND k <= pg_temp.rnd_int('saf.n', a.audit_id, 0, 6)
  OFFSET 0
) f;

UPDATE supplier_audits a SET findings_count = t.n, major_findings = t.major
FROM (SELECT audit_id, count(*) AS n, count(*) FILTER (WHERE severity IN ('major', 'critical')) AS major
      FROM supplier_audit_findings GROUP BY audit_id) t
WHERE t.audit_id = a.audit_id;

-- SCARs after about a third of the deliveries with rejects.
INSERT INTO supplier_scars (scar_id, scar_number, supplier_id, delivery_id, material_id, issued_by_employee_id,
  issued_at, due_date, defect_qty, problem_description, containment_action, root_cause, corrective_action,
  status, closed_at, cost_recovered, created_at, updated_at, modified_by)
SELECT id, format('SCAR-%s-%s', to_char(issued AT TIME ZONE 'UTC', 'YYYY'), lpad(id::text, 6, '0')),
  supplier_id, delivery_id, material_id, inspector, issued, (issued AT TIME ZONE 'UTC')::date + 30, qty_rejected,
  reject_reason || ' on ASN ' || asn_number || ': ' || qty_rejected || ' units rejected at incoming inspection.',
  CASE WHEN status <> 'issued' THEN 'Sorting of stock at supplier and in transit; certified shipments for 3 lots.' END,
  CASE WHEN status IN ('response_submitted', 'accepted', 'closed', 'rejected') THEN
    pg_temp.rnd_pick('scar.rc', id, ARRAY['Worn forming tool not detected by tool-life monitoring.',
      'Operator skipped first-article check after changeover.', 'Packaging specification not transferred to new shift.',
      'Raw material from unapproved sub-supplier.']) END,
  CASE WHEN status IN ('response_submitted', 'accepted', 'closed', 'rejected') THEN
    'Tool-life counter added to PLC, work instruction updated, operators retrained.' END,
  status, CASE WHEN status = 'closed' THEN closed END,
  CASE WHEN status = 'closed' THEN round(qty_rejected * unit_price * 0.5, 2) ELSE 0 END,
  issued,
  CASE WHEN status = 'closed' THEN closed
       ELSE greatest(issued, least(issued + interval '2 days', (:'end_date'::date + time '23:00') AT TIME ZONE 'UTC')) END,
  CASE WHEN status IN ('acknowledged', 'response_submitted') THEN 'sup' || lpad(supplier_id::text, 5, '0') ELSE 'user' || inspector END
FROM (
  SELECT row_number() OVER (ORDER BY d.delivery_id) AS id, d.delivery_id, d.supplier_id, d.material_id, d.qty_rejected,
    d.unit_price, d.reject_reason, d.asn_number,
    d.received_at + interval '1 day' AS issued,
    d.received_at + make_interval(days => pg_temp.rnd_int('scar.close', d.delivery_id, 10, 45)::int) AS closed,
    20 * pg_temp.rnd_int('scar.by', d.delivery_id, 0, (:n_employees - 1) / 20) + 1 AS inspector,
    CASE WHEN d.received_at + make_interval(days => pg_temp.rnd_int('scar.close', d.delivery_id, 10, 45)::int)
              < (:'end_date'::date)::timestamp AT TIME ZONE 'UTC'
         THEN CASE WHEN pg_temp.rnd_bool('scar.rej', d.delivery_id, 0.05) THEN 'rejected'
                   WHEN pg_temp.rnd_bool('scar.acc', d.delivery_id, 0.1) THEN 'accepted' ELSE 'closed' END
         ELSE pg_temp.rnd_pick('scar.open', d.delivery_id, ARRAY['issued', 'acknowledged', 'response_submitted']) END AS status
  FROM supplier_deliveries d
  WHERE d.qty_rejected > 0 AND pg_temp.rnd_bool('scar.has', d.delivery_id, 0.35)
    AND d.received_at + interval '1 day' < (:'end_date'::date + 1)::timestamp AT TIME ZONE 'UTC'
  OFFSET 0
) s;

-- Identities continue after the generated ids -------------------------------------------

SELECT setval(pg_get_serial_sequence('supplier_contacts', 'contact_id'), coalesce(max(contact_id), 1), max(contact_id) IS NOT NULL) FROM supplier_contacts;
SELECT setval(pg_get_serial_sequence('supplier_certifications', 'certification_id'), coalesce(max(certification_id), 1), max(certification_id) IS NOT NULL) FROM supplier_certifications;
SELECT setval(pg_get_serial_sequence('approved_sources', 'source_id'), coalesce(max(source_id), 1), max(source_id) IS NOT NULL) FROM approved_sources;
SELECT setval(pg_get_serial_sequence('rfqs', 'rfq_id'), coalesce(max(rfq_id), 1), max(rfq_id) IS NOT NULL) FROM rfqs;
SELECT setval(pg_get_serial_sequence('rfq_lines', 'rfq_line_id'), coalesce(max(rfq_line_id), 1), max(rfq_line_id) IS NOT NULL) FROM rfq_lines;
SELECT setval(pg_get_serial_sequence('rfq_invitations', 'invitation_id'), coalesce(max(invitation_id), 1), max(invitation_id) IS NOT NULL) FROM rfq_invitations;
SELECT setval(pg_get_serial_sequence('supplier_quotes', 'quote_id'), coalesce(max(quote_id), 1), max(quote_id) IS NOT NULL) FROM supplier_quotes;
SELECT setval(pg_get_serial_sequence('supplier_quote_lines', 'quote_line_id'), coalesce(max(quote_line_id), 1), max(quote_line_id) IS NOT NULL) FROM supplier_quote_lines;
SELECT setval(pg_get_serial_sequence('contracts', 'contract_id'), coalesce(max(contract_id), 1), max(contract_id) IS NOT NULL) FROM contracts;
SELECT setval(pg_get_serial_sequence('contract_items', 'contract_item_id'), coalesce(max(contract_item_id), 1), max(contract_item_id) IS NOT NULL) FROM contract_items;
SELECT setval(pg_get_serial_sequence('supplier_deliveries', 'delivery_id'), coalesce(max(delivery_id), 1), max(delivery_id) IS NOT NULL) FROM supplier_deliveries;
SELECT setval(pg_get_serial_sequence('supplier_invoices', 'invoice_id'), coalesce(max(invoice_id), 1), max(invoice_id) IS NOT NULL) FROM supplier_invoices;
SELECT setval(pg_get_serial_sequence('supplier_scorecards', 'scorecard_id'), coalesce(max(scorecard_id), 1), max(scorecard_id) IS NOT NULL) FROM supplier_scorecards;
SELECT setval(pg_get_serial_sequence('supplier_audits', 'audit_id'), coalesce(max(audit_id), 1), max(audit_id) IS NOT NULL) FROM supplier_audits;
SELECT setval(pg_get_serial_sequence('supplier_audit_findings', 'finding_id'), coalesce(max(finding_id), 1), max(finding_id) IS NOT NULL) FROM supplier_audit_findings;
SELECT setval(pg_get_serial_sequence('supplier_scars', 'scar_id'), coalesce(max(scar_id), 1), max(scar_id) IS NOT NULL) FROM supplier_scars;
