-- genims_crm_db generator: one account per master customer (account_id = customer_id) with
-- contacts and addresses, territories, campaigns, leads, the opportunity pipeline (lines, stage
-- history, quotes), sales activities, rep quotas and support cases. Every value is a function
-- of :seed and the row id.
\ir _prelude.sql

-- The row expressions below are large; JIT compiling them costs far more than running them.
-- UTC makes date/text conversions of timestamps independent of the client's time zone.
SET jit = off;
SET TimeZone = 'UTC';

SELECT to_char(:'end_date'::date - :days + 1, 'YYYY-MM-DD') AS d0,
       to_char(:'end_date'::date - :days + 1, 'YYYY-MM-DD') || ' 00:00:00+00' AS t0,
       to_char(:'end_date'::date + 1, 'YYYY-MM-DD') || ' 00:00:00+00' AS t_end,
       :days * 86400 AS span_s,
       greatest(:n_employees / 20, 1) AS n_reps,
       3 * :n_customers AS n_contacts,
       ceil(:days / 10.0)::int + 2 AS n_campaigns,
       ceil(:days * :volume * 4)::int AS n_leads,
       -- the pipeline already holds deals opened up to 60 days before the window
       ceil((:days + 60) * :volume * 4)::int AS n_opp_direct,
       ceil(:days * :volume * 35)::int AS n_activities,
       ceil(:days * :volume * 8)::int AS n_cases
\gset

TRUNCATE territories, sla_policies, competitors, campaigns, accounts, account_addresses, contacts,
  leads, campaign_members, opportunities, opportunity_lines, opportunity_stage_history, quotes,
  quote_lines, activities, cases, case_comments, sales_rep_quotas
  RESTART IDENTITY CASCADE;

-- Countries customers are billed in, with the territory that covers them.
CREATE TEMP TABLE geo (gi int PRIMARY KEY, country text, territory_id int, city text,
                       legal_suffix text, phone_prefix text, tld text, lat numeric, lon numeric,
                       vat numeric);
INSERT INTO geo VALUES
  (1, 'US', 1, 'Boston', 'Inc.', '+1', 'com', 42.36, -71.06, 0),
  (2, 'US', 2, 'San Jose', 'Inc.', '+1', 'com', 37.34, -121.89, 0),
  (3, 'CA', 1, 'Toronto', 'Ltd.', '+1', 'ca', 43.65, -79.38, 0),
  (4, 'US', 2, 'Denver', 'LLC', '+1', 'com', 39.74, -104.99, 0),
  (5, 'MX', 3, 'Monterrey', 'S.A. de C.V.', '+52', 'mx', 25.69, -100.32, 0),
  (6, 'BR', 3, 'São Paulo', 'Ltda.', '+55', 'com.br', -23.55, -46.63, 0),
  (7, 'DE', 4, 'Stuttgart', 'GmbH', '+49', 'de', 48.78, 9.18, 0.19),
  (8, 'NL', 4, 'Eindhoven', 'B.V.', '+31', 'nl', 51.44, 5.48, 0.21),
  (9, 'SE', 4, 'Göteborg', 'AB', '+46', 'se', 57.71, 11.97, 0.25),
  (10, 'FR', 5, 'Lyon', 'S.A.S.', '+33', 'fr', 45.76, 4.84, 0.20),
  (11, 'IT', 5, 'Torino', 'S.p.A.', '+39', 'it', 45.07, 7.69, 0.22),
  (12, 'ES', 5, 'Bilbao', 'S.L.', '+34', 'es', 43.26, -2.93, 0.21),
  (13, 'GB', 6, 'Birmingham', 'Ltd', '+44', 'co.uk', 52.49, -1.89, 0.20),
  (14, 'IE', 6, 'Cork', 'Ltd', '+353', 'ie', 51.90, -8.47, 0.23),
  (15, 'JP', 7, 'Nagoya', 'K.K.', '+81', 'jp', 35.18, 136.91, 0),
  (16, 'KR', 7, 'Ulsan', 'Co., Ltd.', '+82', 'kr', 35.54, 129.31, 0),
  (17, 'CN', 7, 'Suzhou', 'Co., Ltd.', '+86', 'cn', 31.30, 120.58, 0),
  (18, 'IN', 8, 'Pune', 'Pvt. Ltd.', '+91', 'in', 18.52, 73.86, 0),
  (19, 'AU', 8, 'Melbourne', 'Pty Ltd', '+61', 'com.au', -37.81, 144.96, 0),
  (20, 'SG', 8, 'Singapore', 'Pte. Ltd.', '+65', 'sg', 1.35, 103.82, 0);

-- Sales reps are master employees e = 20k; rep k covers territory (k - 1) % 8 + 1.
CREATE TEMP TABLE reps AS
SELECT k, 20 * k AS e, (k - 1) % 8 + 1 AS territory_id,
       row_number() OVER (PARTITION BY (k - 1) % 8 ORDER BY k) AS rn_t,
       count(*) OVER (PARTITION BY (k - 1) % 8) AS cnt_t
FROM generate_series(1, :n_reps) k;

-- Name parts shared by accounts and leads.
CREATE TEMP TABLE words AS
SELECT ARRAY['Apex', 'Borealis', 'Cobalt', 'Delta', 'Everest', 'Falcon', 'Granite', 'Helix',
             'Ironwood', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nordic', 'Orion', 'Pioneer',
             'Quantum', 'Riverside', 'Summit', 'Titan', 'Unity', 'Vertex', 'Westfield', 'Zenith',
             'Atlas', 'Beacon', 'Crescent', 'Dynamo', 'Eastgate', 'Frontier'] AS a,
       ARRAY['Industrial', 'Manufacturing', 'Systems', 'Automation', 'Components',
             'Engineering', 'Tools', 'Fabrication', 'Motors', 'Dynamics', 'Machinery',
             'Technologies'] AS b,
       ARRAY['James', 'Maria', 'Wei', 'Anna', 'Lukas', 'Sofia', 'Hiroshi', 'Priya', 'Carlos',
             'Emma', 'Ahmed', 'Olga', 'José', 'Zoë', 'Łukasz', 'Søren', 'Chloé', 'Mateo', 'Aiko',
             'Ravi', 'Fatima', 'Jonas', 'Elena', 'Noah', 'Isabel', 'Tomás', 'Ingrid', 'Kenji',
             'Amara', 'Liam'] AS first_names,
       ARRAY['Smith', 'Müller', 'Wang', 'Garcia', 'Rossi', 'Kowalski', 'Tanaka', 'Patel',
             'Johansson', 'Dubois', 'O''Brien', 'Nguyễn', 'Silva', 'Schmidt', 'Kim', 'Novak',
             'Fernández', 'Jensen', 'Ivanova', 'Costa', 'Brown', 'Suzuki', 'Singh', 'Martin',
             'Lopez', 'Weber', 'Chen', 'Haddad', 'Nowak', 'Andersen'] AS last_names;

INSERT INTO territories (territory_id, territory_code, name, region, country_codes,
                         manager_employee_id, created_at, updated_at, modified_by)
SELECT t, code, name, region, cc,
       coalesce((SELECT e FROM reps r WHERE r.territory_id = t AND r.rn_t = 1), 20),
       :'t0'::timestamptz - interval '700 days', :'t0'::timestamptz - interval '700 days', 'admin'
FROM (VALUES
  (1, 'NAE', 'North America East', 'Americas', ARRAY['US', 'CA']),
  (2, 'NAW', 'North America West', 'Americas', ARRAY['US']),
  (3, 'LAT', 'Latin America', 'Americas', ARRAY['MX', 'BR']),
  (4, 'EMN', 'EMEA North', 'EMEA', ARRAY['DE', 'NL', 'SE']),
  (5, 'EMS', 'EMEA South', 'EMEA', ARRAY['FR', 'IT', 'ES']),
  (6, 'UKI', 'UK and Ireland', 'EMEA', ARRAY['GB', 'IE']),
  (7, 'APN', 'APAC North', 'APAC', ARRAY['JP', 'KR', 'CN']),
  (8, 'APS', 'APAC South', 'APAC', ARRAY['IN', 'AU', 'SG'])
) v(t, code, name, region, cc);

INSERT INTO sla_policies (sla_policy_id, tier, priority, name, first_response_hours,
                          resolution_hours, business_hours_only, created_at, updated_at, modified_by)
SELECT id, tier, prio, initcap(tier) || ' ' || prio, fr, res, bh,
       :'t0'::timestamptz - interval '700 days', :'t0'::timestamptz - interval '700 days', 'admin'
FROM (VALUES
  (1, 'standard', 'low', 24, 120, true), (2, 'standard', 'medium', 8, 72, true),
  (3, 'standard', 'high', 4, 24, false), (4, 'standard', 'urgent', 1, 8, false),
  (5, 'premium', 'low', 8, 72, true), (6, 'premium', 'medium', 4, 48, false),
  (7, 'premium', 'high', 2, 12, false), (8, 'premium', 'urgent', 0.5, 4, false)
) v(id, tier, prio, fr, res, bh);

INSERT INTO competitors (competitor_id, name, website, hq_country, strengths, weaknesses,
                         created_at, updated_at, modified_by)
SELECT id, name, 'https://www.' || lower(replace(name, ' ', '')) || '.com', cc, s, w,
       :'t0'::timestamptz - interval '700 days', :'t0'::timestamptz - interval '700 days', 'admin'
FROM (VALUES
  (1, 'Precision Parts Group', 'US', 'Broad catalogue, strong distributor network.', 'Long lead times on custom parts.'),
  (2, 'Rheinmetall Komponenten', 'DE', 'Engineering depth, automotive approvals.', 'High price level.'),
  (3, 'Shenzhen Forge Works', 'CN', 'Aggressive pricing.', 'Quality escapes, limited local support.'),
  (4, 'Nippon Kikai', 'JP', 'Quality reputation, lean delivery.', 'Rigid commercial terms.'),
  (5, 'Atlantic Fabricators', 'GB', 'Flexible small batches.', 'Limited capacity.'),
  (6, 'Lombardia Meccanica', 'IT', 'Design flexibility.', 'Inconsistent delivery performance.'),
  (7, 'Monterrey Industrial', 'MX', 'Nearshore cost advantage for US customers.', 'Narrow product range.'),
  (8, 'Nordic Drive Systems', 'SE', 'Energy-efficient drives.', 'Small service footprint outside Europe.'),
  (9, 'Pune Engineering Works', 'IN', 'Low cost engineering services.', 'Long logistics chain.'),
  (10, 'Great Lakes Components', 'US', 'Incumbent at many US accounts.', 'Ageing product line.')
) v(id, name, cc, s, w);

INSERT INTO campaigns (campaign_id, campaign_code, name, campaign_type, status, start_date,
                       end_date, budget, actual_cost, expected_revenue, target_segment,
                       owner_employee_id, description, created_at, updated_at, modified_by)
SELECT j, 'CMP-' || to_char(sd, 'YYYY') || '-' || lpad(j::text, greatest(length(j::text), 3), '0'),
       to_char(sd, 'Mon YYYY') || ' ' || theme, ctype, st, sd, ed, budget,
       CASE st WHEN 'completed' THEN round(budget * pg_temp.rnd_num('cmp.costf', j, 0.8, 1.1, 3), 2)
               WHEN 'active' THEN round(budget * (:'end_date'::date - sd) / greatest(ed - sd, 1) * 0.9, 2)
               ELSE 0 END,
       round(budget * pg_temp.rnd_num('cmp.roi', j, 5, 15, 2), 2),
       pg_temp.rnd_pick('cmp.seg', j, ARRAY['enterprise', 'mid_market', 'smb', 'all']),
       20 * pg_temp.rnd_int('cmp.owner', j, 1, :n_reps),
       theme || ' campaign (' || ctype || ') targeting plant managers and buyers; follow-up by territory reps within five business days.',
       (sd - 30)::timestamp AT TIME ZONE 'UTC',
       CASE WHEN sd <= :'end_date'::date THEN (least(ed, :'end_date'::date) + interval '17 hours') AT TIME ZONE 'UTC'
            ELSE (sd - 30)::timestamp AT TIME ZONE 'UTC' END,
       'user' || 20 * pg_temp.rnd_int('cmp.owner', j, 1, :n_reps)
FROM generate_series(1, :n_campaigns) j
CROSS JOIN LATERAL (
  SELECT :'d0'::date + 10 * (j - 2) AS sd,
         pg_temp.rnd_pick('cmp.type', j, ARRAY['email', 'webinar', 'trade_show', 'advertising',
                                               'direct_mail', 'partner']) AS ctype,
         pg_temp.rnd_pick('cmp.theme', j, ARRAY['Spring Automation Days', 'Predictive Maintenance Webinar',
                          'Hannover Messe', 'Lean Supply Roadshow', 'Energy Efficiency Offer',
                          'Partner Summit', 'New Product Launch', 'Year-end Stock Clearance']) AS theme,
         pg_temp.rnd_int('cmp.budget', j, 1, 24) * 5000 AS budget
) s
CROSS JOIN LATERAL (SELECT sd + pg_temp.rnd_int('cmp.len', j, 20, 40)::int AS ed) e
CROSS JOIN LATERAL (
  SELECT CASE WHEN sd > :'end_date'::date
              THEN CASE WHEN pg_temp.rnd('cmp.cancel', j) < 0.1 THEN 'cancelled' ELSE 'planned' END
              WHEN ed < :'end_date'::date THEN 'completed'
              ELSE 'active' END AS st
) t;

INSERT INTO accounts (account_id, account_number, customer_id, account_name, industry, segment,
                      tier, territory_id, owner_rep_id, account_status, annual_revenue,
                      employee_count, website, phone, billing_country, credit_limit,
                      payment_terms, customer_since, tags, attributes, description,
                      created_at, updated_at, modified_by)
SELECT c, 'ACC-' || lpad(c::text, greatest(length(c::text), 6), '0'), c,
       w.a[ai] || ' ' || w.b[bi] || ' ' || g.legal_suffix,
       pg_temp.rnd_pick('acct.ind', c, ARRAY['automotive', 'aerospace', 'industrial_equipment',
         'electronics', 'construction', 'energy', 'medical_devices', 'consumer_goods',
         'agriculture', 'rail']),
       seg, CASE WHEN seg = 'enterprise' OR (seg = 'mid_market' AND pg_temp.rnd('acct.tier', c) < 0.3)
                 THEN 'premium' ELSE 'standard' END,
       g.territory_id,
       coalesce((SELECT r.e FROM reps r WHERE r.territory_id = g.territory_id
                   AND r.rn_t = 1 + floor(pg_temp.rnd('acct.rep', c) * r.cnt_t)),
                20 * pg_temp.rnd_int('acct.rep_any', c, 1, :n_reps)),
       st,
       CASE seg WHEN 'enterprise' THEN pg_temp.rnd_num('acct.rev', c, 500e6, 9e9, 2)
                WHEN 'mid_market' THEN pg_temp.rnd_num('acct.rev', c, 50e6, 500e6, 2)
                ELSE pg_temp.rnd_num('acct.rev', c, 2e6, 50e6, 2) END,
       CASE seg WHEN 'enterprise' THEN pg_temp.rnd_int('acct.emp', c, 2000, 80000)
                WHEN 'mid_market' THEN pg_temp.rnd_int('acct.emp', c, 250, 2000)
                ELSE pg_temp.rnd_int('acct.emp', c, 10, 250) END,
       'https://www.' || dom, g.phone_prefix || ' ' || pg_temp.rnd_int('acct.phone', c, 100000000, 999999999),
       g.country,
       CASE seg WHEN 'enterprise' THEN 2000000 WHEN 'mid_market' THEN 500000 ELSE 100000 END
         * pg_temp.rnd_int('acct.credit', c, 1, 4),
       CASE WHEN st = 'prospect' THEN 'PREPAID'
            ELSE pg_temp.rnd_pick('acct.terms', c, ARRAY['NET30', 'NET30', 'NET45', 'NET60']) END,
       CASE WHEN st <> 'prospect' THEN since END,
       ARRAY[seg, lower(g.country)]
         || CASE WHEN seg = 'enterprise' THEN ARRAY['key-account'] ELSE ARRAY[]::text[] END,
       jsonb_build_object('preferred_incoterm', pg_temp.rnd_pick('acct.inco', c, ARRAY['EXW', 'FCA', 'DAP', 'DDP']),
                          'duns', lpad(pg_temp.rnd_int('acct.duns', c, 0, 999999999)::text, 9, '0'),
                          'edi_enabled', pg_temp.rnd('acct.edi', c) < 0.4,
                          'price_list', CASE seg WHEN 'enterprise' THEN 'KEY' ELSE 'STD' END),
       'Customer ' || c || ' in ' || g.city || ' (' || g.country || '). '
         || CASE seg WHEN 'enterprise' THEN 'Framework agreement with yearly volume commitments.'
                     WHEN 'mid_market' THEN 'Regular orders against blanket POs.'
                     ELSE 'Spot buyer, orders through the web portal.' END,
       least(since, :'d0'::date - 1)::timestamp AT TIME ZONE 'UTC',
       :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('acct.upd', c) * :span_s),
       'user' || 20 * pg_temp.rnd_int('acct.rep_any', c, 1, :n_reps)
FROM generate_series(1, :n_customers) c
CROSS JOIN words w
CROSS JOIN LATERAL (
  SELECT pg_temp.rnd_int('acct.geo', c, 1, 20) AS gi,
         pg_temp.rnd_int('acct.a', c, 1, 30)::int AS ai,
         pg_temp.rnd_int('acct.b', c, 1, 12)::int AS bi,
         CASE WHEN pg_temp.rnd('acct.seg', c) < 0.15 THEN 'enterprise'
              WHEN pg_temp.rnd('acct.seg', c) < 0.5 THEN 'mid_market' ELSE 'smb' END AS seg,
         CASE WHEN pg_temp.rnd('acct.st', c) < 0.85 THEN 'active'
              WHEN pg_temp.rnd('acct.st', c) < 0.93 THEN 'inactive'
              WHEN pg_temp.rnd('acct.st', c) < 0.97 THEN 'churned' ELSE 'prospect' END AS st,
         :'d0'::date - pg_temp.rnd_int('acct.since', c, 30, 4000)::int AS since
) x
JOIN geo g ON g.gi = x.gi
CROSS JOIN LATERAL (SELECT lower(w.a[ai] || w.b[bi]) || '.' || g.tld AS dom) d;

INSERT INTO account_addresses (address_id, account_id, address_type, line1, line2, city,
                               postal_code, country_code, latitude, longitude, is_default,
                               created_at, updated_at, modified_by)
SELECT 2 * (a.account_id - 1) + j, a.account_id, CASE j WHEN 1 THEN 'billing' ELSE 'shipping' END,
       pg_temp.rnd_int('addr.no', 2 * a.account_id + j, 1, 999) || ' '
         || pg_temp.rnd_pick('addr.street', 2 * a.account_id + j,
              ARRAY['Industrial Park Road', 'Harbour Street', 'Innovation Drive', 'Mill Lane',
                    'Station Avenue', 'Commerce Boulevard', 'Foundry Way', 'Canal Street']),
       CASE WHEN j = 2 THEN 'Dock ' || pg_temp.rnd_int('addr.dock', a.account_id, 1, 12) END,
       g.city, lpad(pg_temp.rnd_int('addr.zip', 2 * a.account_id + j, 1000, 99999)::text, 5, '0'),
       g.country,
       (g.lat + pg_temp.rnd_num('addr.lat', 2 * a.account_id + j, -0.2, 0.2, 5))::double precision,
       (g.lon + pg_temp.rnd_num('addr.lon', 2 * a.account_id + j, -0.2, 0.2, 5))::double precision,
       true, a.created_at, a.created_at, a.modified_by
FROM accounts a
JOIN geo g ON g.country = a.billing_country
  AND g.gi = pg_temp.rnd_int('acct.geo', a.account_id, 1, 20)
CROSS JOIN generate_series(1, 2) j;

-- Three contacts per account: contact_id = 3 * (account_id - 1) + j, j = 1 is the buyer.
INSERT INTO contacts (contact_id, account_id, first_name, last_name, job_title, department, email,
                      phone, mobile, is_primary, preferred_channel, marketing_consent,
                      consent_updated_at, status, notes, created_at, updated_at, modified_by)
SELECT 3 * (a.account_id - 1) + j, a.account_id, fn, ln,
       (CASE j WHEN 1 THEN ARRAY['Purchasing Manager', 'Senior Buyer', 'Head of Procurement']
               WHEN 2 THEN ARRAY['Plant Manager', 'Quality Manager', 'Maintenance Manager']
               ELSE ARRAY['Accounts Payable Specialist', 'Design Engineer', 'Logistics Coordinator'] END)
         [pg_temp.rnd_int('ct.title', cid, 1, 3)],
       CASE j WHEN 1 THEN 'Procurement' WHEN 2 THEN 'Operations' ELSE 'Finance' END,
       translate(lower(replace(fn, '''', '')), 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿłśšžźżễ',
                 'aaaaaaceeeeiiiinoooooouuuuyylsszzze')
         || '.' || translate(lower(replace(ln, '''', '')), 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿłśšžźżễ',
                             'aaaaaaceeeeiiiinoooooouuuuyylsszzze')
         || '@' || substr(a.website, 13),
       a.phone || '-' || (100 + j),
       CASE WHEN pg_temp.rnd('ct.mobile', cid) < 0.7
            THEN split_part(a.phone, ' ', 1) || ' ' || pg_temp.rnd_int('ct.mob', cid, 100000000, 999999999) END,
       j = 1,
       pg_temp.rnd_pick('ct.chan', cid, ARRAY['email', 'email', 'phone', 'mobile', 'none']),
       consent,
       CASE WHEN consent THEN a.created_at + interval '3 days' END,
       CASE WHEN pg_temp.rnd('ct.left', cid) < 0.05 THEN 'left_company' ELSE 'active' END,
       CASE WHEN pg_temp.rnd('ct.note', cid) < 0.2 THEN 'Prefers calls before 10:00 local time; speaks '
            || pg_temp.rnd_pick('ct.lang', cid, ARRAY['English', 'German', 'Spanish', 'Japanese', 'French']) || '.' END,
       a.created_at, a.updated_at, a.modified_by
FROM accounts a
CROSS JOIN words w
CROSS JOIN generate_series(1, 3) j
CROSS JOIN LATERAL (
  SELECT 3 * (a.account_id - 1) + j AS cid,
         w.first_names[pg_temp.rnd_int('ct.fn', 3 * (a.account_id - 1) + j, 1, 30)] AS fn,
         w.last_names[pg_temp.rnd_int('ct.ln', 3 * (a.account_id - 1) + j, 1, 30)] AS ln,
         pg_temp.rnd('ct.consent', 3 * (a.account_id - 1) + j) < 0.6 AS consent
) x;

-- Leads age through new -> contacted -> qualified/unqualified/converted. A converted lead is an
-- existing master customer buying something new; its campaign is the one running that week.
INSERT INTO leads (lead_id, lead_number, first_name, last_name, company_name, job_title, email,
                   phone, country_code, source, campaign_id, status, score, owner_rep_id,
                   product_interest_id, estimated_value, converted_account_id,
                   converted_contact_id, converted_at, disqualified_reason, notes,
                   created_at, updated_at, modified_by)
SELECT i, 'LD-' || to_char(created, 'YYYY') || '-' || lpad(i::text, greatest(length(i::text), 6), '0'),
       fn, ln, CASE WHEN st = 'converted' THEN acc.account_name ELSE w.a[ai] || ' ' || w.b[bi] || ' ' || g.legal_suffix END,
       pg_temp.rnd_pick('lead.title', i, ARRAY['Buyer', 'Engineering Manager', 'Operations Director',
                                                'Plant Manager', 'CEO']),
       translate(lower(replace(fn, '''', '')), 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿłśšžźżễ',
                 'aaaaaaceeeeiiiinoooooouuuuyylsszzze')
         || '.' || translate(lower(replace(ln, '''', '')), 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿłśšžźżễ',
                             'aaaaaaceeeeiiiinoooooouuuuyylsszzze')
         || '@' || lower(w.a[ai] || w.b[bi]) || '.' || g.tld,
       g.phone_prefix || ' ' || pg_temp.rnd_int('lead.phone', i, 100000000, 999999999),
       g.country, src,
       CASE WHEN src IN ('campaign', 'webinar', 'trade_show')
            THEN least(:n_campaigns, floor(extract(epoch FROM created - :'t0'::timestamptz) / 86400)::int / 10 + 2) END,
       st,
       CASE st WHEN 'converted' THEN pg_temp.rnd_int('lead.score', i, 60, 100)
               WHEN 'qualified' THEN pg_temp.rnd_int('lead.score', i, 50, 95)
               WHEN 'unqualified' THEN pg_temp.rnd_int('lead.score', i, 0, 45)
               ELSE pg_temp.rnd_int('lead.score', i, 10, 80) END,
       coalesce((SELECT r.e FROM reps r WHERE r.territory_id = g.territory_id
                   AND r.rn_t = 1 + floor(pg_temp.rnd('lead.rep', i) * r.cnt_t)),
                20 * pg_temp.rnd_int('lead.rep_any', i, 1, :n_reps)),
       CASE WHEN pg_temp.rnd('lead.prod', i) < 0.7 THEN pg_temp.rnd_int('lead.prodid', i, 1, :n_products) END,
       pg_temp.rnd_int('lead.value', i, 2, 200) * 1000,
       CASE WHEN st = 'converted' THEN acc.account_id END,
       CASE WHEN st = 'converted' THEN 3 * (acc.account_id - 1) + 1 END,
       CASE WHEN st = 'converted' THEN conv_at END,
       CASE WHEN st = 'unqualified' THEN pg_temp.rnd_pick('lead.dq', i,
              ARRAY['No budget this year', 'Student / research enquiry', 'Outside served markets',
                    'Duplicate of existing account', 'No response after three attempts']) END,
       'Enquiry via ' || src || ': '
         || pg_temp.rnd_pick('lead.note', i, ARRAY['asked for a quotation on machined housings.',
              'interested in a second source for castings.', 'needs short lead times for a new line.',
              'evaluating suppliers for a multi-year contract.', 'wants samples and a plant audit.']),
       created,
       CASE st WHEN 'new' THEN created WHEN 'converted' THEN conv_at
               ELSE created + (:'t_end'::timestamptz - created) * 0.4 END,
       CASE WHEN st = 'new' THEN 'web_form' ELSE 'user' || coalesce(
         (SELECT r.e FROM reps r WHERE r.territory_id = g.territory_id
            AND r.rn_t = 1 + floor(pg_temp.rnd('lead.rep', i) * r.cnt_t)),
         20 * pg_temp.rnd_int('lead.rep_any', i, 1, :n_reps)) END
FROM generate_series(1, :n_leads) i
CROSS JOIN words w
CROSS JOIN LATERAL (
  SELECT :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('lead.at', i) * :span_s) AS created,
         pg_temp.rnd_int('lead.geo', i, 1, 20) AS gi,
         pg_temp.rnd_int('lead.a', i, 1, 30)::int AS ai,
         pg_temp.rnd_int('lead.b', i, 1, 12)::int AS bi,
         w.first_names[pg_temp.rnd_int('lead.fn', i, 1, 30)] AS fn,
         w.last_names[pg_temp.rnd_int('lead.ln', i, 1, 30)] AS ln,
         pg_temp.rnd_pick('lead.src', i, ARRAY['web', 'web', 'web', 'trade_show', 'referral',
           'cold_call', 'partner', 'campaign', 'campaign', 'webinar']) AS src
) x
JOIN geo g ON g.gi = x.gi
JOIN accounts acc ON acc.account_id = pg_temp.rnd_int('lead.acct', i, 1, :n_customers)
CROSS JOIN LATERAL (
  SELECT extract(epoch FROM :'t_end'::timestamptz - created) / 86400 AS age_d,
         pg_temp.rnd('lead.st', i) AS rs
) y
CROSS JOIN LATERAL (
  SELECT CASE WHEN age_d < 1 THEN 'new'
              WHEN age_d < 5 THEN CASE WHEN rs < 0.7 THEN 'contacted' ELSE 'new' END
              WHEN rs < 0.28 THEN 'converted'
              WHEN rs < 0.6 THEN 'unqualified'
              WHEN rs < 0.78 THEN 'qualified'
              ELSE 'contacted' END AS st,
         created + (:'t_end'::timestamptz - created) * pg_temp.rnd_num('lead.conv', i, 0.2, 0.8, 3) AS conv_at
) z;

-- Opportunities: first those opened from converted leads, then the reps' own deals with
-- existing accounts, opened from 60 days before the window on so the pipeline is mature. The
-- stage follows from how far the sales cycle has run by end_date.
SELECT count(*) AS n_conv FROM leads WHERE status = 'converted' \gset

CREATE TEMP TABLE opp_src AS
SELECT row_number() OVER (ORDER BY l.lead_id) AS id, l.converted_account_id AS account_id,
       l.converted_at AS created, l.lead_id, l.campaign_id, l.product_interest_id
FROM leads l WHERE l.status = 'converted'
UNION ALL
SELECT :n_conv + i, pg_temp.rnd_int('opp.acct', i, 1, :n_customers),
       :'t0'::timestamptz - interval '60 days'
         + make_interval(secs => pg_temp.rnd('opp.at', i) * (:span_s + 60 * 86400)),
       NULL, NULL, NULL
FROM generate_series(1, :n_opp_direct) i;

INSERT INTO opportunities (opportunity_id, opportunity_number, account_id, customer_id, name,
  stage, probability, forecast_category, currency, expected_close_date, closed_at, owner_rep_id,
  lead_id, campaign_id, primary_product_id, competitor_id, lost_reason, next_step, description,
  created_at, updated_at, modified_by)
SELECT o.id, 'OPP-' || to_char(o.created, 'YYYY') || '-' || lpad(o.id::text, greatest(length(o.id::text), 6), '0'),
       a.account_id, a.customer_id,
       split_part(a.account_name, ' ', 1) || ' - ' || pg_temp.rnd_pick('opp.name', o.id,
         ARRAY['Annual supply agreement', 'Line expansion', 'New product introduction',
               'Second source qualification', 'Spare parts framework', 'Retrofit program']),
       stage,
       CASE stage WHEN 'prospect' THEN 10 WHEN 'qualify' THEN 20 WHEN 'proposal' THEN 50
                  WHEN 'negotiation' THEN 75 WHEN 'won' THEN 100 ELSE 0 END,
       CASE stage WHEN 'prospect' THEN 'pipeline' WHEN 'qualify' THEN 'pipeline'
                  WHEN 'proposal' THEN 'best_case' WHEN 'negotiation' THEN 'commit'
                  WHEN 'won' THEN 'closed' ELSE 'omitted' END,
       'USD', (close_ts AT TIME ZONE 'UTC')::date,
       CASE WHEN stage IN ('won', 'lost') THEN close_ts END,
       rep, o.lead_id, o.campaign_id,
       coalesce(o.product_interest_id, pg_temp.rnd_int('ol.prod', o.id * 10 + 1, 1, :n_products)),
       CASE WHEN pg_temp.rnd('opp.comp', o.id) < 0.6 THEN pg_temp.rnd_int('opp.compid', o.id, 1, 10) END,
       CASE WHEN stage = 'lost' THEN pg_temp.rnd_pick('opp.lost', o.id, ARRAY['price', 'price',
              'lead_time', 'specification', 'competitor_relationship', 'no_decision', 'budget_cut']) END,
       CASE WHEN stage NOT IN ('won', 'lost') THEN pg_temp.rnd_pick('opp.next', o.id,
              ARRAY['Send revised quote', 'Schedule plant visit', 'Technical review with engineering',
                    'Negotiate payment terms', 'Confirm volumes with purchasing']) END,
       'Customer needs ' || pg_temp.rnd_pick('opp.need', o.id, ARRAY['capacity for a new platform',
         'a cost-down on current parts', 'a qualified second source', 'shorter lead times']) || '.',
       o.created,
       CASE WHEN stage IN ('won', 'lost') THEN close_ts
            ELSE o.created + (close_ts - o.created) * (idx - 1) / 4.0 END,
       'user' || rep
FROM opp_src o
JOIN accounts a ON a.account_id = o.account_id
CROSS JOIN LATERAL (
  SELECT o.created + pg_temp.rnd_num('opp.cycle', o.id, 15, 100, 3) * interval '1 day' AS close_ts,
         CASE WHEN pg_temp.rnd('opp.rep', o.id) < 0.9 THEN a.owner_rep_id
              ELSE 20 * pg_temp.rnd_int('opp.rep_any', o.id, 1, :n_reps) END AS rep
) c
CROSS JOIN LATERAL (
  SELECT CASE WHEN close_ts < :'t_end'::timestamptz
              THEN CASE WHEN pg_temp.rnd('opp.win', o.id) < 0.38 THEN 'won' ELSE 'lost' END END AS outcome,
         least(4, floor(4 * extract(epoch FROM :'t_end'::timestamptz - o.created)
                          / extract(epoch FROM close_ts - o.created))::int + 1) AS idx
) p
CROSS JOIN LATERAL (
  SELECT coalesce(outcome, (ARRAY['prospect', 'qualify', 'proposal', 'negotiation'])[idx]) AS stage
) s;

SELECT count(*) AS n_opp FROM opportunities \gset

UPDATE leads l SET converted_opportunity_id = o.opportunity_id
FROM opportunities o WHERE o.lead_id = l.lead_id;

INSERT INTO opportunity_lines (line_id, opportunity_id, line_no, product_id, quantity, unit_price,
                               discount_pct, line_amount, requested_delivery_date,
                               created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY o.opportunity_id, n), o.opportunity_id, n, prod, qty, price,
       disc, round(qty * price * (1 - disc / 100), 2), o.expected_close_date + 30 + 7 * n,
       o.created_at, o.created_at, o.modified_by
FROM opportunities o
JOIN accounts a ON a.account_id = o.account_id
CROSS JOIN LATERAL generate_series(1, pg_temp.rnd_int('ol.n', o.opportunity_id, 1, 4)::int) n
CROSS JOIN LATERAL (
  SELECT CASE WHEN n = 1 THEN o.primary_product_id
              ELSE pg_temp.rnd_int('ol.prod', o.opportunity_id * 10 + n, 1, :n_products) END AS prod
) p
CROSS JOIN LATERAL (
  SELECT (pg_temp.rnd_int('ol.qty', o.opportunity_id * 10 + n, 1, 40)
          * CASE a.segment WHEN 'enterprise' THEN 50 WHEN 'mid_market' THEN 20 ELSE 5 END)::numeric AS qty,
         -- list price is a property of the product (the workload prices new lines the same way)
         round(8 + (prod * 7919 % 89200) / 100.0, 2) AS price,
         pg_temp.rnd_int('ol.disc', o.opportunity_id * 10 + n, 0, 15)::numeric AS disc
) q;

UPDATE opportunities o SET amount = l.total
FROM (SELECT opportunity_id, sum(line_amount) AS total FROM opportunity_lines GROUP BY opportunity_id) l
WHERE l.opportunity_id = o.opportunity_id;

-- Stage path: prospect .. current stage for open deals; all four then won; up to the stage where
-- it was lost, then lost.
INSERT INTO opportunity_stage_history (history_id, opportunity_id, from_stage, to_stage, changed_at,
                                       changed_by, amount, probability,
                                       created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY o.opportunity_id, s), o.opportunity_id,
       CASE WHEN s > 1 THEN stages[s - 1] END,
       CASE WHEN s <= reached THEN stages[s] ELSE o.stage END,
       ts, o.owner_rep_id, o.amount,
       CASE WHEN s <= reached THEN (ARRAY[10, 20, 50, 75])[s] WHEN o.stage = 'won' THEN 100 ELSE 0 END,
       ts, ts, 'user' || o.owner_rep_id
FROM opportunities o
CROSS JOIN LATERAL (
  SELECT ARRAY['prospect', 'qualify', 'proposal', 'negotiation'] AS stages,
         o.created_at + pg_temp.rnd_num('opp.cycle', o.opportunity_id, 15, 100, 3) * interval '1 day' AS close_ts,
         CASE o.stage WHEN 'won' THEN 4
                      WHEN 'lost' THEN pg_temp.rnd_int('opp.lostat', o.opportunity_id, 1, 4)::int
                      ELSE array_position(ARRAY['prospect', 'qualify', 'proposal', 'negotiation'], o.stage) END AS reached
) r
CROSS JOIN LATERAL generate_series(1, reached + CASE WHEN o.stage IN ('won', 'lost') THEN 1 ELSE 0 END) s
CROSS JOIN LATERAL (
  SELECT CASE WHEN s <= reached THEN o.created_at + (close_ts - o.created_at) * (s - 1) / 4.0
              ELSE o.closed_at END AS ts
) t;

-- Quotes once a deal reaches proposal: sometimes a second version; the last one carries the
-- outcome, earlier ones are superseded.
INSERT INTO quotes (quote_id, quote_number, opportunity_id, account_id, version, status, issued_at,
                    valid_until, currency, payment_terms, incoterms, terms_text, signed_at,
                    signature_sha256, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY o.opportunity_id, v), 
       'QT-' || to_char(issued, 'YYYY') || '-' || lpad(o.opportunity_id::text, greatest(length(o.opportunity_id::text), 6), '0') || '-' || v,
       o.opportunity_id, o.account_id, v, qs,
       CASE WHEN qs <> 'draft' THEN issued END,
       CASE WHEN qs <> 'draft' THEN (issued AT TIME ZONE 'UTC')::date + 30 END,
       o.currency, a.payment_terms, a.attributes ->> 'preferred_incoterm',
       'Prices valid for the quantities stated. Delivery ' || (a.attributes ->> 'preferred_incoterm')
         || ' per Incoterms 2020. Payment ' || a.payment_terms || ' from invoice date. '
         || 'Tooling charges are invoiced separately and amortised over the first 10,000 pieces. '
         || 'Our general terms and conditions of sale apply; purchaser terms are excluded.',
       CASE WHEN qs = 'accepted' THEN o.closed_at END,
       CASE WHEN qs = 'accepted'
            THEN sha256(convert_to(o.opportunity_number || ':' || pg_temp.rnd('quote.sig', o.opportunity_id), 'UTF8')) END,
       issued, CASE WHEN qs = 'accepted' THEN o.closed_at ELSE issued END, o.modified_by
FROM opportunities o
JOIN accounts a ON a.account_id = o.account_id
CROSS JOIN LATERAL (
  SELECT o.created_at + pg_temp.rnd_num('opp.cycle', o.opportunity_id, 15, 100, 3) * interval '1 day' AS close_ts,
         CASE WHEN pg_temp.rnd('quote.v2', o.opportunity_id) < 0.35 THEN 2 ELSE 1 END AS nv
) c
CROSS JOIN LATERAL generate_series(1, nv) v
CROSS JOIN LATERAL (
  SELECT o.created_at + (close_ts - o.created_at) * (0.5 + 0.15 * (v - 1)) AS issued,
         o.created_at + (close_ts - o.created_at) * (0.5 + 0.15 * (nv - 1)) AS last_issued
) i
CROSS JOIN LATERAL (
  SELECT CASE WHEN v < nv AND last_issued < :'t_end'::timestamptz THEN 'superseded'
              WHEN o.stage = 'won' THEN 'accepted'
              WHEN o.stage = 'lost' THEN 'rejected'
              WHEN issued + interval '30 days' < :'t_end'::timestamptz THEN 'expired'
              WHEN pg_temp.rnd('quote.draft', o.opportunity_id) < 0.1 THEN 'draft'
              ELSE 'sent' END AS qs
) s
WHERE (o.stage IN ('proposal', 'negotiation', 'won')
       OR (o.stage = 'lost' AND pg_temp.rnd_int('opp.lostat', o.opportunity_id, 1, 4) >= 3))
  AND issued < :'t_end'::timestamptz
  AND (v = 1 OR last_issued < :'t_end'::timestamptz);

INSERT INTO quote_lines (quote_line_id, quote_id, line_no, product_id, description, quantity,
                         unit_price, discount_pct, line_total, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY q.quote_id, l.line_no), q.quote_id, l.line_no, l.product_id,
       'Product ' || l.product_id || ', delivery from ' || to_char(l.requested_delivery_date, 'YYYY-MM-DD'),
       l.quantity, l.unit_price, d.disc,
       round(l.quantity * l.unit_price * (1 - d.disc / 100), 2),
       q.created_at, q.created_at, q.modified_by
FROM quotes q
JOIN opportunity_lines l ON l.opportunity_id = q.opportunity_id
-- a second version usually gives a little more discount
CROSS JOIN LATERAL (SELECT least(l.discount_pct + 2 * (q.version - 1), 30)::numeric(5,2) AS disc) d;

UPDATE quotes q
SET subtotal = t.gross, discount_amount = t.gross - t.net,
    tax_amount = round(t.net * g.vat, 2), total_amount = t.net + round(t.net * g.vat, 2)
FROM (SELECT quote_id, round(sum(quantity * unit_price), 2) AS gross, sum(line_total) AS net
      FROM quote_lines GROUP BY quote_id) t,
     accounts a, geo g
WHERE t.quote_id = q.quote_id AND a.account_id = q.account_id
  AND g.gi = pg_temp.rnd_int('acct.geo', a.account_id, 1, 20);

-- Activities: about half on an open or past deal (inside its life), some on leads, the rest
-- account care; those after end_date are still planned.
INSERT INTO activities (activity_id, activity_type, subject, notes, account_id, contact_id,
                        opportunity_id, lead_id, owner_rep_id, status, scheduled_at, completed_at,
                        duration_minutes, outcome, created_at, updated_at, modified_by)
SELECT i, atype,
       CASE atype WHEN 'call' THEN 'Call with ' WHEN 'meeting' THEN 'Meeting with '
                  WHEN 'email' THEN 'E-mail to ' WHEN 'demo' THEN 'Product demo for '
                  WHEN 'site_visit' THEN 'Plant visit at ' ELSE 'Follow-up for ' END
         || coalesce(ac.account_name, l.company_name),
       CASE WHEN ast = 'completed' THEN pg_temp.rnd_pick('act.notes', i,
              ARRAY['Discussed forecast volumes for next quarter.', 'Customer raised concerns about lead time.',
                    'Agreed to send samples and a revised quote.', 'Introduced new product range.',
                    'Reviewed open quality issues and corrective actions.']) END,
       ac.account_id,
       CASE WHEN ac.account_id IS NOT NULL
            THEN 3 * (ac.account_id - 1) + pg_temp.rnd_int('act.contact', i, 1, 3) END,
       o.opportunity_id, l.lead_id,
       coalesce(o.owner_rep_id, l.owner_rep_id, ac.owner_rep_id),
       ast, sched, CASE WHEN ast = 'completed' THEN sched + dur * interval '1 minute' END,
       CASE WHEN ast = 'completed' THEN dur END,
       CASE WHEN ast <> 'completed' THEN NULL
            WHEN atype IN ('call') THEN pg_temp.rnd_pick('act.out', i, ARRAY['connected', 'connected', 'no_answer', 'left_voicemail'])
            WHEN atype IN ('meeting', 'demo', 'site_visit') THEN pg_temp.rnd_pick('act.out', i, ARRAY['positive', 'positive', 'neutral', 'negative'])
            END,
       least(sched, :'t_end'::timestamptz) - interval '2 days',
       CASE WHEN ast = 'completed' THEN sched + dur * interval '1 minute'
            ELSE least(sched, :'t_end'::timestamptz) - interval '2 days' END,
       'user' || coalesce(o.owner_rep_id, l.owner_rep_id, ac.owner_rep_id)
FROM generate_series(1, :n_activities) i
CROSS JOIN LATERAL (
  SELECT pg_temp.rnd('act.kind', i) AS rk,
         pg_temp.rnd_pick('act.type', i, ARRAY['call', 'call', 'call', 'email', 'email', 'meeting',
                                              'meeting', 'demo', 'site_visit', 'task']) AS atype,
         CASE WHEN pg_temp.rnd_pick('act.type', i, ARRAY['call', 'call', 'call', 'email', 'email', 'meeting',
                                              'meeting', 'demo', 'site_visit', 'task']) IN ('site_visit', 'demo', 'meeting')
              THEN pg_temp.rnd_int('act.dur', i, 30, 240) ELSE pg_temp.rnd_int('act.dur', i, 5, 45) END::int AS dur
) k
LEFT JOIN opportunities o ON rk < 0.45 AND o.opportunity_id = pg_temp.rnd_int('act.opp', i, 1, :n_opp)
LEFT JOIN leads l ON rk >= 0.45 AND rk < 0.57 AND l.lead_id = pg_temp.rnd_int('act.lead', i, 1, :n_leads)
LEFT JOIN accounts ac ON ac.account_id = CASE WHEN rk < 0.45 THEN o.account_id
                                              WHEN rk >= 0.57 THEN pg_temp.rnd_int('act.acct', i, 1, :n_customers) END
CROSS JOIN LATERAL (
  SELECT CASE WHEN o.opportunity_id IS NOT NULL
              THEN o.created_at + (coalesce(o.closed_at, :'t_end'::timestamptz + interval '7 days') - o.created_at)
                                  * pg_temp.rnd('act.at', i)
              WHEN l.lead_id IS NOT NULL
              THEN l.created_at + pg_temp.rnd('act.at', i) * interval '4 days'
              ELSE :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('act.at', i) * (:span_s + 14 * 86400)) END AS sched
) s
CROSS JOIN LATERAL (
  SELECT CASE WHEN sched + dur * interval '1 minute' >= :'t_end'::timestamptz THEN 'planned'
              WHEN pg_temp.rnd('act.cancel', i) < 0.08 THEN 'cancelled'
              ELSE 'completed' END AS ast
) st;

-- Support cases: SLA targets from the account tier and priority; most answered and resolved
-- within target, recent ones still open.
INSERT INTO cases (case_id, case_number, account_id, contact_id, product_id, sla_policy_id,
                   subject, description, category, priority, origin, status, owner_employee_id,
                   opened_at, first_response_due_at, first_response_at, sla_due_at, resolved_at,
                   closed_at, sla_breached, escalation_level, satisfaction_score, sales_order_ref,
                   resolution, created_at, updated_at, modified_by)
SELECT i, 'CS-' || to_char(opened, 'YYYY') || '-' || lpad(i::text, greatest(length(i::text), 6), '0'),
       a.account_id, 3 * (a.account_id - 1) + pg_temp.rnd_int('case.contact', i, 1, 3),
       CASE WHEN pg_temp.rnd('case.hasprod', i) < 0.7 THEN pg_temp.rnd_int('case.prod', i, 1, :n_products) END,
       sp.sla_policy_id,
       (ARRAY['Invoice does not match PO price', 'Shipment arrived late', 'Parts out of tolerance',
              'Question on technical specification', 'Missing certificate of conformity',
              'General enquiry'])[ci],
       (ARRAY['The invoiced unit price differs from the agreed price on our purchase order.',
              'Delivery arrived after the confirmed date and stopped our assembly line for one shift.',
              'Incoming inspection found dimensions outside the drawing tolerance on a sample of the lot.',
              'Our engineering team needs clarification on material grade and surface treatment.',
              'The shipment came without the 3.1 material certificate required by our quality system.',
              'Please advise on the status of our account and open items.'])[ci],
       (ARRAY['billing', 'delivery', 'quality', 'technical', 'documentation', 'other'])[ci],
       prio, pg_temp.rnd_pick('case.origin', i, ARRAY['phone', 'email', 'email', 'web', 'portal', 'sales_rep']),
       cst, a.owner_rep_id, opened, opened + sp.first_response_hours * interval '1 hour',
       CASE WHEN fr_ts < :'t_end'::timestamptz THEN fr_ts END,
       opened + sp.resolution_hours * interval '1 hour',
       CASE WHEN cst IN ('resolved', 'closed') THEN res_ts END,
       CASE WHEN cst = 'closed' THEN res_ts + interval '72 hours' END,
       least(res_ts, :'t_end'::timestamptz) > opened + sp.resolution_hours * interval '1 hour'
         OR least(fr_ts, :'t_end'::timestamptz) > opened + sp.first_response_hours * interval '1 hour',
       CASE WHEN cst = 'escalated' THEN pg_temp.rnd_int('case.esc', i, 1, 2)
            WHEN least(res_ts, :'t_end'::timestamptz) > opened + sp.resolution_hours * interval '1 hour' THEN 1
            ELSE 0 END,
       CASE WHEN cst = 'closed' AND pg_temp.rnd('case.csat', i) < 0.7
            THEN (ARRAY[5, 5, 5, 4, 4, 4, 3, 2, 1])[pg_temp.rnd_int('case.csatv', i, 1, 9)] END,
       CASE WHEN ci IN (1, 2, 5) THEN 'SO-' || to_char(opened, 'YYYY') || '-'
            || lpad(pg_temp.rnd_int('case.so', i, 1, 99999)::text, 6, '0') END,
       CASE WHEN cst IN ('resolved', 'closed') THEN (ARRAY['Credit note issued for the price difference.',
              'Root cause at carrier; expedited replacement shipment.', 'Lot replaced; 8D report sent.',
              'Specification clarified by application engineering.', 'Certificate sent by e-mail.',
              'Answered by account manager.'])[ci] END,
       opened,
       CASE cst WHEN 'closed' THEN res_ts + interval '72 hours' WHEN 'resolved' THEN res_ts
                WHEN 'new' THEN opened ELSE fr_ts END,
       CASE WHEN cst = 'new' THEN 'portal' ELSE 'user' || a.owner_rep_id END
FROM generate_series(1, :n_cases) i
JOIN accounts a ON a.account_id = pg_temp.rnd_int('case.acct', i, 1, :n_customers)
CROSS JOIN LATERAL (
  SELECT pg_temp.rnd_int('case.cat', i, 1, 6)::int AS ci,
         pg_temp.rnd_pick('case.prio', i, ARRAY['low', 'low', 'low', 'medium', 'medium', 'medium',
                                                'medium', 'high', 'high', 'urgent']) AS prio,
         :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('case.at', i) * :span_s) AS opened
) x
JOIN sla_policies sp ON sp.tier = a.tier AND sp.priority = x.prio
CROSS JOIN LATERAL (
  SELECT opened + sp.first_response_hours * pg_temp.rnd_num('case.fr', i, 0.05, 1.1, 3) * interval '1 hour' AS fr_ts,
         opened + greatest(sp.resolution_hours * pg_temp.rnd_num('case.res', i, 0.15, 1.15, 3),
                           sp.first_response_hours * 1.1 + 0.5) * interval '1 hour' AS res_ts
) t
CROSS JOIN LATERAL (
  SELECT CASE WHEN res_ts + interval '72 hours' < :'t_end'::timestamptz THEN 'closed'
              WHEN res_ts < :'t_end'::timestamptz THEN 'resolved'
              WHEN fr_ts < :'t_end'::timestamptz
                THEN pg_temp.rnd_pick('case.open', i, ARRAY['open', 'open', 'open', 'pending_customer', 'escalated'])
              ELSE 'new' END AS cst
) s;

-- The conversation: the customer's message, the first response, then exchanges up to the
-- resolution (or end_date). Some customers paste machine logs.
INSERT INTO case_comments (comment_id, case_id, author_type, author_employee_id, body, is_public,
                           created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY c.case_id, n), c.case_id,
       CASE WHEN n = 1 OR n % 2 = 1 THEN 'customer' ELSE 'agent' END,
       CASE WHEN n > 1 AND n % 2 = 0 THEN c.owner_employee_id END,
       CASE WHEN n = 1 THEN c.description
            WHEN n % 2 = 0 AND n = 2 THEN 'Thank you for contacting us. We have logged case '
                 || c.case_number || ' and are looking into it.'
            WHEN n % 2 = 0 THEN pg_temp.rnd_pick('cc.agent', c.case_id * 10 + n,
                   ARRAY['We have asked the plant for details and will update you tomorrow.',
                         'Internal note: checked with logistics, carrier confirms delay.',
                         'Please find the corrected document attached.',
                         'Our quality engineer will call you to agree the containment actions.'])
            WHEN pg_temp.rnd('cc.log', c.case_id * 10 + n) < 0.05
            THEN E'Please see the controller log from our line below:\n'
                 || (SELECT string_agg(lpad(to_hex(pg_temp.rnd_int('cc.logw', c.case_id * 10000 + n * 1000 + k, 0, 2147483647)::int), 8, '0'),
                                       CASE WHEN k % 8 = 0 THEN E'\n' ELSE ' ' END ORDER BY k)
                     FROM generate_series(1, 420) k)
            ELSE pg_temp.rnd_pick('cc.cust', c.case_id * 10 + n,
                   ARRAY['Any update on this? Our line is waiting.', 'Thanks, that answers our question.',
                         'We still see the issue on the latest delivery.', 'Please escalate, this is urgent for us.'])
       END,
       NOT (n % 2 = 0 AND n > 2 AND pg_temp.rnd('cc.internal', c.case_id * 10 + n) < 0.2),
       ts, ts,
       CASE WHEN n % 2 = 0 THEN 'user' || c.owner_employee_id ELSE 'portal' END
FROM cases c
CROSS JOIN LATERAL (SELECT pg_temp.rnd_int('cc.n', c.case_id, 2, 5)::int AS nc) k
CROSS JOIN LATERAL generate_series(1, k.nc) n
CROSS JOIN LATERAL (
  SELECT CASE WHEN n = 1 THEN c.opened_at
              ELSE c.first_response_at
                   + (coalesce(c.resolved_at, :'t_end'::timestamptz) - c.first_response_at) * (n - 2) / k.nc END AS ts
) t
WHERE n = 1 OR c.first_response_at IS NOT NULL;

-- Campaign audiences: distinct contacts per campaign (a stride through the contact list).
INSERT INTO campaign_members (member_id, campaign_id, contact_id, status, sent_at, responded_at,
                              created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY cp.campaign_id, m), cp.campaign_id,
       (pg_temp.rnd_int('cm.start', cp.campaign_id, 0, :n_contacts - 1) + m * 104729) % :n_contacts + 1,
       ms, sent,
       CASE WHEN ms IN ('clicked', 'responded', 'registered', 'attended') THEN resp END,
       sent, CASE WHEN ms IN ('clicked', 'responded', 'registered', 'attended') THEN resp ELSE sent END,
       cp.modified_by
FROM campaigns cp
CROSS JOIN generate_series(1, least(40 * :volume, :n_contacts)) m
CROSS JOIN LATERAL (
  SELECT cp.start_date::timestamp AT TIME ZONE 'UTC'
         + (least(:'t_end'::timestamptz, cp.start_date::timestamp AT TIME ZONE 'UTC' + interval '5 days')
            - cp.start_date::timestamp AT TIME ZONE 'UTC') * pg_temp.rnd('cm.sent', cp.campaign_id * 1000 + m) AS sent
) s
CROSS JOIN LATERAL (
  SELECT sent + (:'t_end'::timestamptz - sent) * least(1, pg_temp.rnd_num('cm.resp', cp.campaign_id * 1000 + m, 0.001, 0.3, 3)) AS resp,
         CASE WHEN cp.campaign_type IN ('webinar', 'trade_show')
              THEN pg_temp.rnd_pick('cm.st', cp.campaign_id * 1000 + m, ARRAY['sent', 'sent', 'opened', 'registered', 'registered', 'attended', 'unsubscribed'])
              ELSE pg_temp.rnd_pick('cm.st', cp.campaign_id * 1000 + m, ARRAY['sent', 'sent', 'sent', 'opened', 'opened', 'clicked', 'responded', 'unsubscribed']) END AS ms
) r
WHERE cp.start_date <= :'end_date'::date AND cp.status <> 'cancelled';

INSERT INTO sales_rep_quotas (quota_id, employee_id, territory_id, period_start, period_end,
                              quota_amount, new_logo_target, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY r.k, m), r.e, r.territory_id, m::date,
       (m + interval '1 month')::date - 1,
       pg_temp.rnd_int('quota.amt', r.k * 1000 + (m::date - date '2000-01-01') / 28, 8, 80) * 5000,
       pg_temp.rnd_int('quota.logo', r.k * 1000 + (m::date - date '2000-01-01') / 28, 0, 3),
       (m - interval '20 days') AT TIME ZONE 'UTC', (m - interval '20 days') AT TIME ZONE 'UTC',
       'sales_ops'
FROM reps r
CROSS JOIN generate_series(date_trunc('month', :'d0'::timestamp),
                           date_trunc('month', :'end_date'::timestamp) + interval '1 month',
                           interval '1 month') m;

SELECT setval(pg_get_serial_sequence('territories', 'territory_id'), coalesce(max(territory_id), 1), max(territory_id) IS NOT NULL) FROM territories;
SELECT setval(pg_get_serial_sequence('sla_policies', 'sla_policy_id'), coalesce(max(sla_policy_id), 1), max(sla_policy_id) IS NOT NULL) FROM sla_policies;
SELECT setval(pg_get_serial_sequence('competitors', 'competitor_id'), coalesce(max(competitor_id), 1), max(competitor_id) IS NOT NULL) FROM competitors;
SELECT setval(pg_get_serial_sequence('campaigns', 'campaign_id'), coalesce(max(campaign_id), 1), max(campaign_id) IS NOT NULL) FROM campaigns;
SELECT setval(pg_get_serial_sequence('accounts', 'account_id'), coalesce(max(account_id), 1), max(account_id) IS NOT NULL) FROM accounts;
SELECT setval(pg_get_serial_sequence('account_addresses', 'address_id'), coalesce(max(address_id), 1), max(address_id) IS NOT NULL) FROM account_addresses;
SELECT setval(pg_get_serial_sequence('contacts', 'contact_id'), coalesce(max(contact_id), 1), max(contact_id) IS NOT NULL) FROM contacts;
SELECT setval(pg_get_serial_sequence('leads', 'lead_id'), coalesce(max(lead_id), 1), max(lead_id) IS NOT NULL) FROM leads;
SELECT setval(pg_get_serial_sequence('campaign_members', 'member_id'), coalesce(max(member_id), 1), max(member_id) IS NOT NULL) FROM campaign_members;
SELECT setval(pg_get_serial_sequence('opportunities', 'opportunity_id'), coalesce(max(opportunity_id), 1), max(opportunity_id) IS NOT NULL) FROM opportunities;
SELECT setval(pg_get_serial_sequence('opportunity_lines', 'line_id'), coalesce(max(line_id), 1), max(line_id) IS NOT NULL) FROM opportunity_lines;
SELECT setval(pg_get_serial_sequence('opportunity_stage_history', 'history_id'), coalesce(max(history_id), 1), max(history_id) IS NOT NULL) FROM opportunity_stage_history;
SELECT setval(pg_get_serial_sequence('quotes', 'quote_id'), coalesce(max(quote_id), 1), max(quote_id) IS NOT NULL) FROM quotes;
SELECT setval(pg_get_serial_sequence('quote_lines', 'quote_line_id'), coalesce(max(quote_line_id), 1), max(quote_line_id) IS NOT NULL) FROM quote_lines;
SELECT setval(pg_get_serial_sequence('activities', 'activity_id'), coalesce(max(activity_id), 1), max(activity_id) IS NOT NULL) FROM activities;
SELECT setval(pg_get_serial_sequence('cases', 'case_id'), coalesce(max(case_id), 1), max(case_id) IS NOT NULL) FROM cases;
SELECT setval(pg_get_serial_sequence('case_comments', 'comment_id'), coalesce(max(comment_id), 1), max(comment_id) IS NOT NULL) FROM case_comments;
SELECT setval(pg_get_serial_sequence('sales_rep_quotas', 'quota_id'), coalesce(max(quota_id), 1), max(quota_id) IS NOT NULL) FROM sales_rep_quotas;

DROP TABLE geo, reps, words, opp_src;

-- Fresh statistics, so the workload that follows gets good plans from its first statement.
ANALYZE;
