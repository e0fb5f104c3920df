-- genims_service_db generator: installed base (3 products per master customer), contracts,
-- warranties, service tickets with comments/status history, field visits with parts and
-- charges, warranty claims, RMAs with inspections, surveys, van stock and knowledge base.
-- Every value is a function of :seed and the row id.
\ir _prelude.sql

-- The row expressions below are large; JIT compiling them costs far more than running them.
-- UTC makes date/text conversions of timestamps independent of the client's time zone.
SET jit = off;
SET TimeZone = 'UTC';

SELECT to_char(:'end_date'::date - :days + 1, 'YYYY-MM-DD') AS d0,
       to_char(:'end_date'::date - :days + 1, 'YYYY-MM-DD') || ' 00:00:00+00' AS t0,
       to_char(:'end_date'::date + 1, 'YYYY-MM-DD') || ' 00:00:00+00' AS t_end,
       :days * 86400 AS span_s,
       (:n_employees - 2) / 20 + 1 AS n_techs,
       (:n_employees - 1) / 20 + 1 AS n_inspectors,
       3 * :n_customers AS n_ip,
       ceil(:days * :volume * 12)::int AS n_tickets,
       ceil(:days * :volume * 4)::int AS n_rmas
\gset

TRUNCATE service_failure_codes, knowledge_articles, service_contracts, installed_products,
  warranties, service_tickets, ticket_comments, ticket_status_history, field_service_visits,
  visit_parts_used, warranty_claims, rmas, return_inspections, customer_surveys,
  technician_van_stock, service_charges
  RESTART IDENTITY CASCADE;

INSERT INTO service_failure_codes (failure_code_id, code, category, description,
                                   covered_by_warranty, created_at, updated_at, modified_by)
SELECT id, code, cat, descr, cov,
       :'t0'::timestamptz - interval '900 days', :'t0'::timestamptz - interval '900 days', 'admin'
FROM (VALUES
  (1, 'MEC-01', 'mechanical', 'Bearing or shaft wear', true),
  (2, 'MEC-02', 'mechanical', 'Seal leak', true),
  (3, 'MEC-03', 'mechanical', 'Broken housing', true),
  (4, 'MEC-04', 'mechanical', 'Gear noise', true),
  (5, 'ELE-01', 'electrical', 'Motor failure', true),
  (6, 'ELE-02', 'electrical', 'Wiring fault', true),
  (7, 'ELE-03', 'electrical', 'Power supply failure', true),
  (8, 'ELN-01', 'electronic', 'Controller board failure', true),
  (9, 'ELN-02', 'electronic', 'Sensor drift', true),
  (10, 'ELN-03', 'electronic', 'Display failure', true),
  (11, 'SW-01', 'software', 'Firmware crash', true),
  (12, 'SW-02', 'software', 'Configuration lost after power loss', true),
  (13, 'MAT-01', 'material', 'Corrosion', true),
  (14, 'MAT-02', 'material', 'Crack in casting', true),
  (15, 'ASM-01', 'assembly', 'Loose connection from assembly', true),
  (16, 'ASM-02', 'assembly', 'Missing component', true),
  (17, 'ASM-03', 'assembly', 'Fastener torque out of specification', true),
  (18, 'COS-01', 'cosmetic', 'Paint damage', false),
  (19, 'COS-02', 'cosmetic', 'Scratches on cover', false),
  (20, 'TRN-01', 'transport_damage', 'Damaged in transit', false),
  (21, 'TRN-02', 'transport_damage', 'Crushed packaging, content bent', false),
  (22, 'MIS-01', 'misuse', 'Overload beyond rating', false),
  (23, 'MIS-02', 'misuse', 'Unauthorised modification', false),
  (24, 'MIS-03', 'misuse', 'Wrong supply voltage', false)
) v(id, code, cat, descr, cov);

INSERT INTO knowledge_articles (article_id, article_number, title, body, product_category_id, tags,
                                status, view_count, helpful_votes, author_employee_id,
                                published_at, created_at, updated_at, modified_by)
SELECT 3 * (c - 1) + j, 'KB-' || lpad((3 * (c - 1) + j)::text, greatest(length((3 * (c - 1) + j)::text), 5), '0'),
       (ARRAY['How to reset the controller after a power loss',
              'Troubleshooting abnormal noise and vibration',
              'Recommended maintenance intervals and spare parts'])[j]
         || ' (category ' || c || ')',
       -- articles are long: steps, warnings and a parameter table
       (SELECT string_agg('Step ' || s || ': ' || (ARRAY[
                 'Switch the unit off at the main isolator and wait two minutes for capacitors to discharge.',
                 'Check the status LEDs on the controller and note the error code shown on the display.',
                 'Inspect connectors and cables for damage, corrosion or loose terminals.',
                 'Measure the supply voltage at the terminal block; it must be within 10 percent of nominal.',
                 'Verify the configuration parameters against the commissioning sheet and restore from backup.',
                 'Run the built-in self test and record the result in the service report.',
                 'If the fault persists, replace the controller board and update the firmware to the latest release.',
                 'Warning: never bypass safety interlocks. Lockout/tagout applies to all work inside the enclosure.'])
                 [(s + j + c) % 8 + 1], E'\n' ORDER BY s)
        FROM generate_series(1, 12 + 2 * j) s),
       c, ARRAY['category-' || c, (ARRAY['reset', 'noise', 'maintenance'])[j]],
       st, pg_temp.rnd_int('kb.views', 3 * c + j, 0, 5000), pg_temp.rnd_int('kb.votes', 3 * c + j, 0, 300),
       20 * pg_temp.rnd_int('kb.author', 3 * c + j, 0, :n_techs - 1) + 2,
       CASE WHEN st <> 'draft' THEN :'t0'::timestamptz - make_interval(days => pg_temp.rnd_int('kb.pub', 3 * c + j, 10, 700)::int) END,
       :'t0'::timestamptz - make_interval(days => pg_temp.rnd_int('kb.pub', 3 * c + j, 10, 700)::int + 5),
       :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('kb.upd', 3 * c + j) * :span_s),
       'user' || 20 * pg_temp.rnd_int('kb.author', 3 * c + j, 0, :n_techs - 1) + 2
FROM generate_series(1, 12) c
CROSS JOIN generate_series(1, 3) j
CROSS JOIN LATERAL (
  SELECT CASE WHEN pg_temp.rnd('kb.st', 3 * c + j) < 0.85 THEN 'published'
              WHEN pg_temp.rnd('kb.st', 3 * c + j) < 0.93 THEN 'draft' ELSE 'archived' END AS st
) s;

-- About a third of the customers hold a service contract (contract_id dense by customer).
INSERT INTO service_contracts (contract_id, contract_number, customer_id, contract_level,
  start_date, end_date, response_hours, resolution_hours, onsite_included, parts_included,
  annual_fee, billing_frequency, status, auto_renew, coverage, terms, signed_at,
  signature_sha256, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY c), 'SC-' || lpad(c::text, greatest(length(c::text), 6), '0'), c, lvl, sd, ed,
       (ARRAY[8, 4, 2, 1])[li], (ARRAY[72, 48, 24, 8])[li], li >= 2, li >= 3,
       pg_temp.rnd_num('sc.fee', c, (ARRAY[2000, 6000, 15000, 40000])[li], (ARRAY[6000, 15000, 40000, 120000])[li], 2),
       pg_temp.rnd_pick('sc.bill', c, ARRAY['annual', 'quarterly', 'monthly']),
       CASE WHEN pg_temp.rnd('sc.cancel', c) < 0.03 THEN 'cancelled'
            WHEN ed < :'end_date'::date THEN 'expired' ELSE 'active' END,
       pg_temp.rnd('sc.renew', c) < 0.6,
       jsonb_build_object('hours', CASE WHEN li >= 3 THEN '24x7' ELSE 'business' END,
                          'onsite', li >= 2, 'parts', li >= 3, 'preventive_visits_per_year', li - 1),
       'Service level ' || lvl || ': response within ' || (ARRAY[8, 4, 2, 1])[li]
         || ' h, resolution target ' || (ARRAY[72, 48, 24, 8])[li]
         || ' h. Excludes damage by misuse, unauthorised modification and consumables.',
       (sd - 7)::timestamp AT TIME ZONE 'UTC',
       sha256(convert_to('SC-' || c || ':' || pg_temp.rnd('sc.sig', c), 'UTF8')),
       (sd - 10)::timestamp AT TIME ZONE 'UTC',
       (least(sd, :'end_date'::date) + interval '9 hours') AT TIME ZONE 'UTC',
       'contracts_desk'
FROM generate_series(1, :n_customers) c
CROSS JOIN LATERAL (
  SELECT pg_temp.rnd_int('sc.level', c, 1, 10)::int AS r,
         :'end_date'::date - pg_temp.rnd_int('sc.start', c, 30, 900)::int AS sd
) x
CROSS JOIN LATERAL (
  SELECT CASE WHEN r <= 3 THEN 1 WHEN r <= 7 THEN 2 WHEN r <= 9 THEN 3 ELSE 4 END AS li,
         sd + CASE WHEN pg_temp.rnd('sc.term', c) < 0.7 THEN 365 ELSE 1095 END AS ed
) y
CROSS JOIN LATERAL (SELECT (ARRAY['basic', 'standard', 'premium', 'platinum'])[li] AS lvl) z
WHERE pg_temp.rnd('sc.has', c) < 0.35;

-- Installed base: three serial-numbered products per customer, all installed before the window.
INSERT INTO installed_products (installed_product_id, customer_id, product_id, serial_number,
  contract_id, install_date, site_name, site_country, status, operating_hours, firmware_version,
  attributes, created_at, updated_at, modified_by)
SELECT i, c, p, 'SN' || lpad(p::text, greatest(length(p::text), 5), '0') || '-' || lpad(i::text, greatest(length(i::text), 7), '0'),
       sc.contract_id, inst,
       'Plant ' || pg_temp.rnd_pick('ip.site', c, ARRAY['North', 'South', 'East', 'West', 'Central']),
       pg_temp.rnd_pick('ip.country', c, ARRAY['US', 'CA', 'MX', 'BR', 'DE', 'NL', 'SE', 'FR', 'IT',
                                                'ES', 'GB', 'IE', 'JP', 'KR', 'CN', 'IN', 'AU', 'SG']),
       CASE WHEN pg_temp.rnd('ip.st', i) < 0.95 THEN 'active'
            WHEN pg_temp.rnd('ip.st', i) < 0.99 THEN 'decommissioned' ELSE 'returned' END,
       round((:'end_date'::date - inst) * pg_temp.rnd_num('ip.hours', i, 4, 20, 3), 3),
       'v' || pg_temp.rnd_int('ip.fw1', i, 1, 4) || '.' || pg_temp.rnd_int('ip.fw2', i, 0, 12) || '.'
         || pg_temp.rnd_int('ip.fw3', i, 0, 30),
       jsonb_build_object('supply_voltage', pg_temp.rnd_pick('ip.volt', i, ARRAY['230V', '400V', '480V']),
                          'mounting', pg_temp.rnd_pick('ip.mount', i, ARRAY['floor', 'wall', 'inline']),
                          'options', jsonb_build_array('remote_monitoring')),
       (inst + interval '9 hours') AT TIME ZONE 'UTC',
       greatest((inst + interval '9 hours') AT TIME ZONE 'UTC',
                :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('ip.upd', i) * :span_s)),
       'installer'
FROM generate_series(1, :n_ip) i
CROSS JOIN LATERAL (
  SELECT (i - 1) / 3 + 1 AS c,
         pg_temp.rnd_int('ip.prod', i, 1, :n_products) AS p,
         :'d0'::date - pg_temp.rnd_int('ip.inst', i, 30, 1800)::int AS inst
) x
LEFT JOIN service_contracts sc ON sc.customer_id = x.c AND sc.status = 'active';

-- Two years of standard warranty from installation (warranty_id = installed_product_id); a fifth
-- of the products got three more years of extended cover, starting the day after.
INSERT INTO warranties (warranty_id, warranty_number, installed_product_id, customer_id, product_id,
  serial_number, warranty_type, start_date, end_date, max_claim_amount, price_paid, coverage,
  status, created_at, updated_at, modified_by)
SELECT ip.installed_product_id, 'WTY-' || lpad(ip.installed_product_id::text, greatest(length(ip.installed_product_id::text), 7), '0'),
       ip.installed_product_id, ip.customer_id, ip.product_id, ip.serial_number, 'standard',
       ip.install_date, ip.install_date + 730, 5000, 0,
       'Parts and labour for manufacturing and material defects.',
       CASE WHEN ip.install_date + 730 < :'end_date'::date THEN 'expired' ELSE 'active' END,
       ip.created_at, ip.created_at, 'installer'
FROM installed_products ip;

INSERT INTO warranties (warranty_id, warranty_number, installed_product_id, customer_id, product_id,
  serial_number, warranty_type, start_date, end_date, max_claim_amount, price_paid, coverage,
  status, created_at, updated_at, modified_by)
SELECT :n_ip + row_number() OVER (ORDER BY ip.installed_product_id),
       'WTY-' || lpad((:n_ip + row_number() OVER (ORDER BY ip.installed_product_id))::text, greatest(length((:n_ip + row_number() OVER (ORDER BY ip.installed_product_id))::text), 7), '0'),
       ip.installed_product_id, ip.customer_id, ip.product_id, ip.serial_number, 'extended',
       ip.install_date + 731, ip.install_date + 731 + 1095, 8000,
       pg_temp.rnd_num('wty.price', ip.installed_product_id, 300, 3000, 2),
       'Extended cover: parts and labour, excluding wear parts and consumables.',
       CASE WHEN ip.install_date + 731 + 1095 < :'end_date'::date THEN 'expired' ELSE 'active' END,
       ip.created_at + interval '30 days', ip.created_at + interval '30 days', 'sales_desk'
FROM installed_products ip
WHERE pg_temp.rnd('wty.ext', ip.installed_product_id) < 0.2;

-- Ticket timeline, kept for the child tables: SLA from the contract (or defaults by priority),
-- first response and resolution mostly within target; the status is where the timeline is at
-- end_date.
CREATE TEMP TABLE tk AS
SELECT i AS ticket_id, ip.installed_product_id, ip.customer_id, ip.product_id, ip.serial_number,
       sc.contract_id, sc.onsite_included, w.warranty_id, prio, cat, opened, resp_h, res_h,
       fr_ts, res_ts, fr_ts + (res_ts - fr_ts) * 0.3 AS ip_ts, fr_ts + (res_ts - fr_ts) * 0.5 AS wait_ts,
       cat IN ('breakdown', 'malfunction', 'installation', 'maintenance_request')
         AND pg_temp.rnd('tk.onsite', i) < 0.6 AS onsite,
       20 * pg_temp.rnd_int('tk.tech', i, 0, :n_techs - 1) + 2 AS tech
FROM generate_series(1, :n_tickets) i
JOIN installed_products ip ON ip.installed_product_id = pg_temp.rnd_int('tk.ip', i, 1, :n_ip)
CROSS JOIN LATERAL (
  SELECT :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('tk.at', i) * :span_s) AS opened,
         pg_temp.rnd_pick('tk.prio', i, ARRAY['low', 'low', 'medium', 'medium', 'medium', 'medium',
                                              'high', 'high', 'high', 'critical']) AS prio,
         pg_temp.rnd_pick('tk.cat', i, ARRAY['breakdown', 'breakdown', 'malfunction', 'malfunction',
           'malfunction', 'installation', 'maintenance_request', 'maintenance_request', 'question',
           'question', 'question', 'question', 'question', 'complaint', 'complaint']) AS cat
) x
LEFT JOIN service_contracts sc ON sc.contract_id = ip.contract_id
  AND (opened AT TIME ZONE 'UTC')::date BETWEEN sc.start_date AND sc.end_date
LEFT JOIN warranties w ON w.installed_product_id = ip.installed_product_id
  AND (opened AT TIME ZONE 'UTC')::date BETWEEN w.start_date AND w.end_date
CROSS JOIN LATERAL (
  SELECT coalesce(sc.response_hours, CASE prio WHEN 'low' THEN 24 WHEN 'medium' THEN 8 WHEN 'high' THEN 4 ELSE 2 END)
           * CASE WHEN prio = 'low' AND sc.contract_id IS NOT NULL THEN 2 ELSE 1 END AS resp_h,
         coalesce(sc.resolution_hours, CASE prio WHEN 'low' THEN 120 WHEN 'medium' THEN 72 WHEN 'high' THEN 48 ELSE 24 END)
           * CASE WHEN prio = 'low' AND sc.contract_id IS NOT NULL THEN 2 ELSE 1 END AS res_h
) h
CROSS JOIN LATERAL (
  SELECT opened + resp_h * pg_temp.rnd_num('tk.fr', i, 0.05, 1.15, 3) * interval '1 hour' AS fr_ts,
         opened + greatest(res_h * pg_temp.rnd_num('tk.res', i, 0.15, 1.15, 3),
                           resp_h * 1.15 + 1) * interval '1 hour' AS res_ts
) t;

INSERT INTO service_tickets (ticket_id, ticket_number, customer_id, product_id,
  installed_product_id, serial_number, contract_id, warranty_id, priority, channel, category,
  subject, description, status, technician_id, opened_at, first_response_at, resolved_at,
  closed_at, sla_response_due, sla_resolution_due, response_breached, resolution_breached,
  resolution_code, customer_satisfaction, created_at, updated_at, modified_by)
SELECT k.ticket_id, 'TKT-' || to_char(k.opened, 'YYYY') || '-' || lpad(k.ticket_id::text, greatest(length(k.ticket_id::text), 6), '0'),
       k.customer_id, k.product_id, k.installed_product_id, k.serial_number, k.contract_id,
       k.warranty_id, k.prio,
       pg_temp.rnd_pick('tk.chan', k.ticket_id, ARRAY['phone', 'phone', 'email', 'web', 'portal', 'portal', 'field', 'chat']),
       k.cat,
       CASE k.cat WHEN 'breakdown' THEN 'Unit stopped - '
                  WHEN 'malfunction' THEN 'Intermittent fault - '
                  WHEN 'installation' THEN 'Installation support - '
                  WHEN 'maintenance_request' THEN 'Maintenance visit requested - '
                  WHEN 'question' THEN 'Question about '
                  ELSE 'Complaint about ' END || k.serial_number,
       CASE k.cat WHEN 'breakdown' THEN 'The unit stopped during production and does not restart. Error code E'
                                        || pg_temp.rnd_int('tk.err', k.ticket_id, 100, 999) || ' on the display.'
                  WHEN 'malfunction' THEN 'The unit trips a few times per shift; resets clear it for a while.'
                  WHEN 'installation' THEN 'Please support the relocation and recommissioning of the unit.'
                  WHEN 'maintenance_request' THEN 'Annual inspection due; please schedule a technician.'
                  WHEN 'question' THEN 'How do we change the operating parameters described in the manual?'
                  ELSE 'Response to our last request was too slow; we expect faster support.' END,
       st,
       CASE WHEN st NOT IN ('open', 'cancelled') THEN k.tech END,
       k.opened,
       CASE WHEN st NOT IN ('open', 'cancelled') THEN k.fr_ts END,
       CASE WHEN st IN ('resolved', 'closed') THEN k.res_ts END,
       CASE WHEN st = 'closed' THEN k.res_ts + interval '48 hours' END,
       k.opened + k.resp_h * interval '1 hour', k.opened + k.res_h * interval '1 hour',
       st <> 'cancelled' AND CASE WHEN st = 'open' THEN :'t_end'::timestamptz ELSE k.fr_ts END
                             > k.opened + k.resp_h * interval '1 hour',
       st <> 'cancelled' AND CASE WHEN st IN ('resolved', 'closed') THEN k.res_ts ELSE :'t_end'::timestamptz END
                             > k.opened + k.res_h * interval '1 hour',
       CASE WHEN st NOT IN ('resolved', 'closed') THEN NULL
            WHEN pg_temp.rnd('tk.rma', k.ticket_id) < 0.05 THEN 'rma'
            WHEN k.onsite THEN pg_temp.rnd_pick('tk.rc', k.ticket_id, ARRAY['repaired', 'repaired', 'replaced'])
            ELSE pg_temp.rnd_pick('tk.rc', k.ticket_id, ARRAY['remote_fix', 'advice', 'advice', 'no_fault_found']) END,
       CASE WHEN st = 'closed' AND pg_temp.rnd('tk.csat', k.ticket_id) < 0.55
            THEN (ARRAY[5, 5, 5, 4, 4, 4, 3, 2, 1])[pg_temp.rnd_int('tk.csatv', k.ticket_id, 1, 9)] END,
       k.opened,
       CASE st WHEN 'closed' THEN k.res_ts + interval '48 hours' WHEN 'resolved' THEN k.res_ts
               WHEN 'in_progress' THEN k.ip_ts WHEN 'assigned' THEN k.fr_ts
               WHEN 'cancelled' THEN k.opened + interval '2 hours' WHEN 'open' THEN k.opened
               ELSE k.wait_ts END,
       CASE WHEN st IN ('open', 'cancelled') THEN 'portal' ELSE 'user' || k.tech END
FROM tk k
CROSS JOIN LATERAL (
  SELECT CASE
    WHEN pg_temp.rnd('tk.cancel', k.ticket_id) < 0.02 AND k.opened + interval '2 hours' < :'t_end'::timestamptz THEN 'cancelled'
    WHEN k.res_ts + interval '48 hours' < :'t_end'::timestamptz THEN 'closed'
    WHEN k.res_ts < :'t_end'::timestamptz THEN 'resolved'
    WHEN k.wait_ts < :'t_end'::timestamptz
      THEN pg_temp.rnd_pick('tk.wait', k.ticket_id, ARRAY['in_progress', 'in_progress', 'waiting_customer', 'waiting_parts'])
    WHEN k.ip_ts < :'t_end'::timestamptz THEN 'in_progress'
    WHEN k.fr_ts < :'t_end'::timestamptz THEN 'assigned'
    ELSE 'open' END AS st
) s;

-- The status path each ticket went through to reach its current status.
INSERT INTO ticket_status_history (history_id, ticket_id, from_status, to_status, changed_at,
                                   created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY t.ticket_id, p.seq), t.ticket_id,
       lag(p.status) OVER (PARTITION BY t.ticket_id ORDER BY p.seq), p.status, p.ts, p.ts, p.ts,
       CASE WHEN p.seq = 1 THEN 'portal' ELSE t.modified_by END
FROM service_tickets t
JOIN tk k ON k.ticket_id = t.ticket_id
CROSS JOIN LATERAL (
  VALUES (1, 'open', k.opened), (2, 'assigned', k.fr_ts), (3, 'in_progress', k.ip_ts),
         (4, 'waiting', k.wait_ts), (5, 'resolved', k.res_ts),
         (6, 'closed', k.res_ts + interval '48 hours'), (7, 'cancelled', k.opened + interval '2 hours')
) p0(seq, step, ts0)
CROSS JOIN LATERAL (
  SELECT p0.seq, CASE WHEN p0.step = 'waiting' THEN t.status ELSE p0.step END AS status, p0.ts0 AS ts
) p
WHERE CASE t.status
        WHEN 'cancelled' THEN p.seq IN (1, 7)
        WHEN 'open' THEN p.seq = 1
        WHEN 'assigned' THEN p.seq <= 2
        WHEN 'in_progress' THEN p.seq <= 3
        WHEN 'waiting_customer' THEN p.seq <= 4
        WHEN 'waiting_parts' THEN p.seq <= 4
        WHEN 'resolved' THEN p.seq IN (1, 2, 3, 5)
        ELSE p.seq IN (1, 2, 3, 5, 6) END;

-- Conversation: the customer's request, the first answer, then updates up to the resolution.
INSERT INTO ticket_comments (comment_id, ticket_id, author_type, author_employee_id, body,
                             is_internal, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY t.ticket_id, n), t.ticket_id,
       CASE WHEN n = 1 OR n % 2 = 1 THEN 'customer' WHEN n = 2 THEN 'agent' ELSE 'technician' END,
       CASE WHEN n % 2 = 0 THEN t.technician_id END,
       CASE WHEN n = 1 THEN t.description
            WHEN n = 2 THEN 'Ticket ' || t.ticket_number || ' received. Technician ' || t.technician_id
                            || ' is assigned and will contact you.'
            WHEN n % 2 = 0 THEN pg_temp.rnd_pick('tc.tech', t.ticket_id * 10 + n,
                   ARRAY['Remote session done, parameters restored from backup.',
                         'Internal: spare part ordered from central stock, ETA two days.',
                         'Visit scheduled, please make the unit accessible.',
                         'Replaced the faulty module, unit running normally.'])
            WHEN pg_temp.rnd('tc.log', t.ticket_id * 10 + n) < 0.05
            THEN E'Event log exported from the unit:\n'
                 || (SELECT string_agg(lpad(to_hex(pg_temp.rnd_int('tc.logw', t.ticket_id * 10000 + n * 1000 + w, 0, 2147483647)::int), 8, '0'),
                                       CASE WHEN w % 8 = 0 THEN E'\n' ELSE ' ' END ORDER BY w)
                     FROM generate_series(1, 420) w)
            ELSE pg_temp.rnd_pick('tc.cust', t.ticket_id * 10 + n,
                   ARRAY['When can someone come on site?', 'The problem is back since this morning.',
                         'Thank you, the unit works again.', 'Attached photos of the nameplate.'])
       END,
       n % 2 = 0 AND n > 2 AND pg_temp.rnd('tc.internal', t.ticket_id * 10 + n) < 0.3,
       ts, ts,
       CASE WHEN n % 2 = 0 THEN 'user' || t.technician_id ELSE 'portal' END
FROM service_tickets t
CROSS JOIN LATERAL (SELECT pg_temp.rnd_int('tc.n', t.ticket_id, 2, 5)::int AS nc) c
CROSS JOIN LATERAL generate_series(1, c.nc) n
CROSS JOIN LATERAL (
  SELECT CASE WHEN n = 1 THEN t.opened_at
              ELSE t.first_response_at
                   + (coalesce(t.resolved_at, :'t_end'::timestamptz) - t.first_response_at) * (n - 2) / c.nc END AS ts
) x
WHERE n = 1 OR t.first_response_at IS NOT NULL;

-- On-site visits for tickets that needed one and got that far; billable unless under warranty
-- or a contract with on-site cover.
INSERT INTO field_service_visits (visit_id, visit_number, ticket_id, technician_id, status,
  scheduled_start, scheduled_end, arrived_at, completed_at, travel_km, travel_cost, labor_hours,
  labor_cost, billable, work_performed, customer_signature_sha256, gps_checkin,
  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY t.ticket_id),
       'FSV-' || lpad((row_number() OVER (ORDER BY t.ticket_id))::text, greatest(length((row_number() OVER (ORDER BY t.ticket_id))::text), 7), '0'),
       t.ticket_id, t.technician_id, vs, k.ip_ts, k.ip_ts + interval '4 hours',
       CASE WHEN vs IN ('on_site', 'completed', 'no_access') THEN arrived END,
       CASE WHEN vs = 'completed' THEN done END,
       km, round(km * 0.55 + 35, 2),
       CASE WHEN vs = 'completed' THEN round((extract(epoch FROM done - arrived) / 3600)::numeric, 3) ELSE 0 END,
       CASE WHEN vs = 'completed'
            THEN round((extract(epoch FROM done - arrived) / 3600)::numeric * (85 + t.technician_id % 25), 2) ELSE 0 END,
       t.warranty_id IS NULL AND NOT coalesce(k.onsite_included, false),
       CASE WHEN vs = 'completed' THEN 'Diagnosed fault, replaced defective parts, tested in all operating modes.'
            WHEN vs = 'no_access' THEN 'Site closed on arrival, customer informed.' END,
       CASE WHEN vs = 'completed'
            THEN sha256(convert_to(t.ticket_number || ':' || pg_temp.rnd('fsv.sig', t.ticket_id), 'UTF8')) END,
       CASE WHEN vs IN ('on_site', 'completed', 'no_access')
            THEN jsonb_build_object('lat', pg_temp.rnd_num('fsv.lat', t.ticket_id, -40, 60, 5),
                                    'lon', pg_temp.rnd_num('fsv.lon', t.ticket_id, -120, 140, 5),
                                    'accuracy_m', pg_temp.rnd_int('fsv.acc', t.ticket_id, 3, 40)) END,
       k.ip_ts - interval '1 hour',
       CASE vs WHEN 'completed' THEN done WHEN 'scheduled' THEN k.ip_ts - interval '1 hour'
               WHEN 'en_route' THEN k.ip_ts ELSE arrived END,
       'user' || t.technician_id
FROM service_tickets t
JOIN tk k ON k.ticket_id = t.ticket_id
CROSS JOIN LATERAL (
  SELECT k.ip_ts + (k.res_ts - k.ip_ts) * 0.1 AS arrived,
         k.ip_ts + (k.res_ts - k.ip_ts) * 0.1
           + least(pg_temp.rnd_num('fsv.hours', t.ticket_id, 1, 6, 3) * interval '1 hour',
                   (k.res_ts - k.ip_ts) * 0.8) AS done,
         pg_temp.rnd_num('fsv.km', t.ticket_id, 5, 180, 3) AS km
) v
CROSS JOIN LATERAL (
  SELECT CASE WHEN pg_temp.rnd('fsv.noaccess', t.ticket_id) < 0.04 AND arrived < :'t_end'::timestamptz THEN 'no_access'
              WHEN done < :'t_end'::timestamptz THEN 'completed'
              WHEN arrived < :'t_end'::timestamptz THEN 'on_site'
              ELSE 'en_route' END AS vs
) s
WHERE k.onsite AND t.status IN ('in_progress', 'waiting_customer', 'waiting_parts', 'resolved', 'closed');

INSERT INTO visit_parts_used (usage_id, visit_id, material_id, part_number, description, quantity,
                              unit_cost, total_cost, from_van_stock, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY v.visit_id, n), v.visit_id, m, 'MAT-' || lpad(m::text, greatest(length(m::text), 6), '0'),
       'Replacement part for ' || t.serial_number, q, uc, round(q * uc, 2),
       pg_temp.rnd('vp.van', v.visit_id * 10 + n) < 0.7,
       coalesce(v.completed_at, v.arrived_at), coalesce(v.completed_at, v.arrived_at), v.modified_by
FROM field_service_visits v
JOIN service_tickets t ON t.ticket_id = v.ticket_id
CROSS JOIN LATERAL generate_series(1, pg_temp.rnd_int('vp.n', v.visit_id, 0, 3)::int) n
CROSS JOIN LATERAL (
  SELECT pg_temp.rnd_int('vp.mat', v.visit_id * 10 + n, 1, :n_materials) AS m,
         pg_temp.rnd_int('vp.qty', v.visit_id * 10 + n, 1, 3)::numeric AS q
) x
-- a material's cost is a property of the material (the workload prices it the same way)
CROSS JOIN LATERAL (SELECT round(5 + (m * 104729 % 79500) / 100.0, 4) AS uc) y
WHERE v.status IN ('on_site', 'completed');

UPDATE field_service_visits v
SET parts_cost = coalesce(p.cost, 0), total_cost = v.travel_cost + v.labor_cost + coalesce(p.cost, 0)
FROM (SELECT v2.visit_id, sum(u.total_cost) AS cost
      FROM field_service_visits v2 LEFT JOIN visit_parts_used u ON u.visit_id = v2.visit_id
      GROUP BY v2.visit_id) p
WHERE p.visit_id = v.visit_id;

INSERT INTO service_charges (charge_id, charge_number, ticket_id, visit_id, customer_id,
  contract_id, charge_type, description, amount, status, invoiced_at, paid_at, erp_invoice_ref,
  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY v.visit_id, c.kind_no),
       'SVC-' || lpad((row_number() OVER (ORDER BY v.visit_id, c.kind_no))::text, greatest(length((row_number() OVER (ORDER BY v.visit_id, c.kind_no))::text), 7), '0'),
       v.ticket_id, v.visit_id, t.customer_id, t.contract_id, c.kind,
       initcap(c.kind) || ' for visit ' || v.visit_number, c.amount, cs,
       CASE WHEN cs IN ('invoiced', 'paid') THEN v.completed_at + interval '2 days' END,
       CASE WHEN cs = 'paid' THEN v.completed_at + interval '32 days' END,
       CASE WHEN cs IN ('invoiced', 'paid') THEN 'INV-' || to_char(v.completed_at, 'YYYY') || '-' || lpad(v.visit_id::text, greatest(length(v.visit_id::text), 6), '0') END,
       v.completed_at,
       CASE cs WHEN 'paid' THEN v.completed_at + interval '32 days'
               WHEN 'invoiced' THEN v.completed_at + interval '2 days' ELSE v.completed_at END,
       'billing'
FROM field_service_visits v
JOIN service_tickets t ON t.ticket_id = v.ticket_id
CROSS JOIN LATERAL (
  VALUES (1, 'labor', v.labor_cost), (2, 'travel', v.travel_cost), (3, 'parts', v.parts_cost)
) c(kind_no, kind, amount)
CROSS JOIN LATERAL (
  SELECT CASE WHEN pg_temp.rnd('chg.waive', v.visit_id) < 0.03 THEN 'waived'
              WHEN v.completed_at + interval '32 days' < :'t_end'::timestamptz
                   AND pg_temp.rnd('chg.paid', v.visit_id) < 0.85 THEN 'paid'
              WHEN v.completed_at + interval '2 days' < :'t_end'::timestamptz THEN 'invoiced'
              ELSE 'pending' END AS cs
) s
WHERE v.billable AND v.status = 'completed' AND c.amount > 0;

-- Warranty claims for resolved repairs under warranty: claimed at cost, decided, paid.
INSERT INTO warranty_claims (claim_id, claim_number, warranty_id, ticket_id, customer_id,
  product_id, serial_number, failure_code_id, failure_date, labor_amount, parts_amount,
  claim_amount, approved_amount, supplier_recovery_amount, status, submitted_at, decided_at,
  paid_at, rejection_reason, description, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY t.ticket_id),
       'WC-' || to_char(t.resolved_at, 'YYYY') || '-' || lpad((row_number() OVER (ORDER BY t.ticket_id))::text, greatest(length((row_number() OVER (ORDER BY t.ticket_id))::text), 6), '0'),
       t.warranty_id, t.ticket_id, t.customer_id, t.product_id, t.serial_number, fc.failure_code_id,
       (t.opened_at AT TIME ZONE 'UTC')::date, la, pa, la + pa,
       CASE WHEN cst IN ('approved', 'paid') AND NOT partial THEN la + pa
            WHEN cst IN ('partially_approved', 'paid') THEN round((la + pa) * pg_temp.rnd_num('wc.part', t.ticket_id, 0.5, 0.9, 3), 2)
            WHEN cst = 'rejected' THEN 0 END,
       CASE WHEN cst = 'paid' AND fc.category IN ('material', 'assembly') THEN round((la + pa) * 0.3, 2) ELSE 0 END,
       cst,
       CASE WHEN cst <> 'draft' THEN submitted END,
       CASE WHEN cst IN ('approved', 'partially_approved', 'rejected', 'paid') THEN decided END,
       CASE WHEN cst = 'paid' THEN decided + interval '10 days' END,
       CASE WHEN cst = 'rejected' THEN 'Failure not covered: ' || fc.description END,
       'Warranty repair on ' || t.serial_number || ': ' || fc.description || '.',
       t.resolved_at,
       CASE cst WHEN 'draft' THEN t.resolved_at WHEN 'submitted' THEN submitted
                WHEN 'under_review' THEN submitted + least(interval '1 day', (:'t_end'::timestamptz - submitted) / 2)
                WHEN 'paid' THEN decided + interval '10 days' ELSE decided END,
       'warranty_desk'
FROM service_tickets t
LEFT JOIN (SELECT ticket_id, sum(labor_cost) AS labor, sum(parts_cost) AS parts
           FROM field_service_visits GROUP BY ticket_id) v ON v.ticket_id = t.ticket_id
JOIN service_failure_codes fc ON fc.failure_code_id =
  CASE WHEN pg_temp.rnd('wc.cov', t.ticket_id) < 0.85 THEN pg_temp.rnd_int('wc.fc', t.ticket_id, 1, 17)
       ELSE pg_temp.rnd_int('wc.fc', t.ticket_id, 18, 24) END
CROSS JOIN LATERAL (
  SELECT coalesce(v.labor, pg_temp.rnd_num('wc.labor', t.ticket_id, 80, 600, 2)) AS la,
         coalesce(v.parts, pg_temp.rnd_num('wc.parts', t.ticket_id, 20, 1500, 2)) AS pa,
         t.resolved_at + interval '1 day' AS submitted,
         t.resolved_at + interval '1 day' + pg_temp.rnd_int('wc.days', t.ticket_id, 3, 20) * interval '1 day' AS decided,
         pg_temp.rnd('wc.partial', t.ticket_id) < 0.25 AS partial
) x
CROSS JOIN LATERAL (
  SELECT CASE WHEN submitted >= :'t_end'::timestamptz THEN 'draft'
              WHEN decided >= :'t_end'::timestamptz
                THEN CASE WHEN pg_temp.rnd('wc.rev', t.ticket_id) < 0.4 THEN 'submitted' ELSE 'under_review' END
              WHEN NOT fc.covered_by_warranty THEN 'rejected'
              WHEN decided + interval '10 days' < :'t_end'::timestamptz THEN 'paid'
              WHEN partial THEN 'partially_approved'
              ELSE 'approved' END AS cst
) s
WHERE t.warranty_id IS NOT NULL AND t.status IN ('resolved', 'closed')
  AND t.resolution_code IN ('repaired', 'replaced', 'rma')
  AND pg_temp.rnd('wc.has', t.ticket_id) < 0.8;

-- Returns: some follow a ticket (defects), the rest are commercial returns.
INSERT INTO rmas (rma_id, rma_number, customer_id, product_id, ticket_id, serial_number,
  sales_order_ref, quantity, unit_price, reason, status, requested_at, authorized_at,
  received_date, refund_amount, restocking_fee, disposition, warehouse_id, carrier_id,
  tracking_number, customer_notes, created_at, updated_at, modified_by)
SELECT i, 'RMA-' || to_char(req, 'YYYY') || '-' || lpad(i::text, greatest(length(i::text), 6), '0'), cust, prod, tid, sn,
       'SO-' || to_char(req - interval '30 days', 'YYYY') || '-' || lpad(pg_temp.rnd_int('rma.so', i, 1, 99999)::text, 6, '0'),
       qty, price, reason, rs, req,
       CASE WHEN rs <> 'requested' THEN req + interval '1 day' END,
       CASE WHEN rs IN ('received', 'inspected', 'refunded', 'replaced') THEN (recv AT TIME ZONE 'UTC')::date END,
       CASE WHEN rs = 'refunded' THEN qty * price - fee ELSE 0 END,
       CASE WHEN rs = 'refunded' THEN fee ELSE 0 END,
       CASE WHEN rs IN ('inspected', 'refunded', 'replaced')
            THEN CASE WHEN reason IN ('defective', 'warranty_replacement')
                      THEN pg_temp.rnd_pick('rma.disp', i, ARRAY['scrap', 'repair', 'return_to_supplier'])
                      WHEN reason = 'damaged_in_transit' THEN 'scrap' ELSE 'restock' END END,
       2 * ((prod - 1) % :n_factories + 1),
       pg_temp.rnd_int('rma.carrier', i, 1, :n_carriers),
       CASE WHEN rs IN ('in_transit', 'received', 'inspected', 'refunded', 'replaced')
            THEN '1Z' || lpad(pg_temp.rnd_int('rma.track', i, 0, 999999999)::text, 9, '0') END,
       CASE reason WHEN 'wrong_item' THEN 'We received a different part number than ordered.'
                   WHEN 'no_longer_needed' THEN 'Project cancelled, please take the goods back.'
                   WHEN 'damaged_in_transit' THEN 'Pallet arrived damaged, see delivery note remark.'
                   ELSE 'Unit failed in operation.' END,
       req,
       CASE rs WHEN 'requested' THEN req WHEN 'authorized' THEN req + interval '1 day'
               WHEN 'rejected' THEN req + interval '1 day' WHEN 'in_transit' THEN req + interval '2 days'
               WHEN 'received' THEN recv WHEN 'inspected' THEN recv + interval '2 days'
               ELSE recv + interval '5 days' END,
       'returns_desk'
FROM generate_series(1, :n_rmas) i
CROSS JOIN LATERAL (SELECT pg_temp.rnd('rma.link', i) < 0.4 AS linked) l
LEFT JOIN service_tickets t ON linked AND t.ticket_id = pg_temp.rnd_int('rma.ticket', i, 1, :n_tickets)
CROSS JOIN LATERAL (
  SELECT coalesce(t.customer_id, pg_temp.rnd_int('rma.cust', i, 1, :n_customers)) AS cust,
         coalesce(t.product_id, pg_temp.rnd_int('rma.prod', i, 1, :n_products)) AS prod,
         t.ticket_id AS tid, t.serial_number AS sn,
         CASE WHEN t.ticket_id IS NOT NULL
              THEN t.opened_at + (:'t_end'::timestamptz - t.opened_at) * pg_temp.rnd_num('rma.lag', i, 0.05, 0.5, 3)
              ELSE :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('rma.at', i) * :span_s) END AS req,
         CASE WHEN t.ticket_id IS NOT NULL
              THEN CASE WHEN t.warranty_id IS NOT NULL THEN 'warranty_replacement' ELSE 'defective' END
              ELSE pg_temp.rnd_pick('rma.reason', i, ARRAY['defective', 'damaged_in_transit', 'wrong_item',
                                                          'not_as_ordered', 'no_longer_needed']) END AS reason
) x
CROSS JOIN LATERAL (
  SELECT CASE WHEN reason IN ('defective', 'warranty_replacement') THEN 1
              ELSE pg_temp.rnd_int('rma.qty', i, 1, 50) END::numeric AS qty,
         round(8 + (prod * 7919 % 89200) / 100.0, 2) AS price,
         req + pg_temp.rnd_int('rma.days', i, 5, 10) * interval '1 day' AS recv
) y
CROSS JOIN LATERAL (
  SELECT CASE WHEN reason = 'no_longer_needed' THEN round(qty * price * 0.15, 2) ELSE 0 END AS fee,
         CASE
           WHEN pg_temp.rnd('rma.reject', i) < 0.05 AND req + interval '1 day' < :'t_end'::timestamptz THEN 'rejected'
           WHEN recv + interval '5 days' < :'t_end'::timestamptz
             THEN CASE WHEN reason IN ('defective', 'warranty_replacement', 'damaged_in_transit')
                            AND pg_temp.rnd('rma.repl', i) < 0.6 THEN 'replaced' ELSE 'refunded' END
           WHEN recv + interval '2 days' < :'t_end'::timestamptz THEN 'inspected'
           WHEN recv < :'t_end'::timestamptz THEN 'received'
           WHEN req + interval '2 days' < :'t_end'::timestamptz THEN 'in_transit'
           WHEN req + interval '1 day' < :'t_end'::timestamptz THEN 'authorized'
           ELSE 'requested' END AS rs
) z;

INSERT INTO return_inspections (inspection_id, rma_id, inspector_id, inspected_at, result,
  failure_code_id, defect_description, photo_hashes, measurements, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY r.rma_id), r.rma_id, insp, at, res,
       CASE res WHEN 'confirmed_defect' THEN
                  CASE WHEN r.reason = 'damaged_in_transit' THEN pg_temp.rnd_int('ri.fc', r.rma_id, 20, 21)
                       ELSE pg_temp.rnd_int('ri.fc', r.rma_id, 1, 17) END
                WHEN 'customer_damage' THEN pg_temp.rnd_int('ri.fc', r.rma_id, 22, 24) END,
       CASE res WHEN 'confirmed_defect' THEN 'Defect reproduced on the test bench.'
                WHEN 'no_fault_found' THEN 'Unit passed all functional tests.'
                WHEN 'customer_damage' THEN 'Evidence of overload and modification.'
                ELSE 'Goods as described on the RMA, resaleable.' END,
       (SELECT array_agg(sha256(convert_to(r.rma_number || '/photo' || ph || ':' || pg_temp.rnd('ri.photo', r.rma_id), 'UTF8')) ORDER BY ph)
        FROM generate_series(1, pg_temp.rnd_int('ri.nph', r.rma_id, 1, 3)::int) ph),
       jsonb_build_object('insulation_mohm', pg_temp.rnd_int('ri.ins', r.rma_id, 20, 500),
                          'leak_test', CASE WHEN res = 'confirmed_defect' THEN 'fail' ELSE 'pass' END),
       at, at, 'user' || insp
FROM rmas r
CROSS JOIN LATERAL (
  SELECT 20 * pg_temp.rnd_int('ri.insp', r.rma_id, 0, :n_inspectors - 1) + 1 AS insp,
         (r.received_date + interval '2 days 10 hours') AT TIME ZONE 'UTC' AS at,
         CASE WHEN r.reason IN ('defective', 'warranty_replacement')
              THEN CASE WHEN pg_temp.rnd('ri.res', r.rma_id) < 0.75 THEN 'confirmed_defect'
                        WHEN pg_temp.rnd('ri.res', r.rma_id) < 0.92 THEN 'no_fault_found'
                        ELSE 'customer_damage' END
              WHEN r.reason = 'damaged_in_transit' THEN 'confirmed_defect'
              ELSE 'as_described' END AS res
) x
WHERE r.status IN ('inspected', 'refunded', 'replaced');

INSERT INTO customer_surveys (survey_id, ticket_id, customer_id, sent_at, responded_at, nps_score,
                              csat_score, comments, created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY t.ticket_id), t.ticket_id, t.customer_id, t.closed_at,
       CASE WHEN answered THEN resp END,
       CASE WHEN answered THEN (ARRAY[10, 10, 9, 9, 9, 8, 8, 7, 6, 5, 3, 0])[pg_temp.rnd_int('sv.nps', t.ticket_id, 1, 12)] END,
       CASE WHEN answered THEN coalesce(t.customer_satisfaction, pg_temp.rnd_int('sv.csat', t.ticket_id, 2, 5)) END,
       CASE WHEN answered AND pg_temp.rnd('sv.comment', t.ticket_id) < 0.4
            THEN pg_temp.rnd_pick('sv.text', t.ticket_id, ARRAY['Technician was competent and friendly.',
                   'Took too long to get a first answer.', 'Problem solved at the first visit.',
                   'Spare part availability must improve.']) END,
       t.closed_at, CASE WHEN answered THEN resp ELSE t.closed_at END, 'survey_tool'
FROM service_tickets t
CROSS JOIN LATERAL (
  SELECT t.closed_at + pg_temp.rnd_num('sv.lag', t.ticket_id, 1, 48, 3) * interval '1 hour' AS resp
) r
CROSS JOIN LATERAL (
  SELECT pg_temp.rnd('sv.answer', t.ticket_id) < 0.55 AND resp < :'t_end'::timestamptz AS answered
) a
WHERE t.status = 'closed' AND pg_temp.rnd('sv.sent', t.ticket_id) < 0.45;

INSERT INTO technician_van_stock (van_stock_id, technician_id, material_id, part_number,
                                  qty_on_hand, min_qty, last_replenished_at,
                                  created_at, updated_at, modified_by)
SELECT row_number() OVER (ORDER BY k, j), 20 * k + 2, m, 'MAT-' || lpad(m::text, greatest(length(m::text), 6), '0'),
       pg_temp.rnd_int('van.qty', k * 10 + j, 0, 12), pg_temp.rnd_int('van.min', k * 10 + j, 1, 4),
       :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('van.repl', k * 10 + j) * :span_s),
       :'t0'::timestamptz - interval '90 days',
       :'t0'::timestamptz + make_interval(secs => pg_temp.rnd('van.repl', k * 10 + j) * :span_s),
       'user' || 20 * k + 2
FROM generate_series(0, :n_techs - 1) k
CROSS JOIN generate_series(1, 8) j
-- consecutive multiples of a prime stay distinct modulo n_materials: no duplicate per van
CROSS JOIN LATERAL (
  SELECT (pg_temp.rnd_int('van.off', k, 0, :n_materials - 1) + j * 7919) % :n_materials + 1 AS m
) x;

SELECT setval(pg_get_serial_sequence('service_failure_codes', 'failure_code_id'), coalesce(max(failure_code_id), 1), max(failure_code_id) IS NOT NULL) FROM service_failure_codes;
SELECT setval(pg_get_serial_sequence('knowledge_articles', 'article_id'), coalesce(max(article_id), 1), max(article_id) IS NOT NULL) FROM knowledge_articles;
SELECT setval(pg_get_serial_sequence('service_contracts', 'contract_id'), coalesce(max(contract_id), 1), max(contract_id) IS NOT NULL) FROM service_contracts;
SELECT setval(pg_get_serial_sequence('installed_products', 'installed_product_id'), coalesce(max(installed_product_id), 1), max(installed_product_id) IS NOT NULL) FROM installed_products;
SELECT setval(pg_get_serial_sequence('warranties', 'warranty_id'), coalesce(max(warranty_id), 1), max(warranty_id) IS NOT NULL) FROM warranties;
SELECT setval(pg_get_serial_sequence('service_tickets', 'ticket_id'), coalesce(max(ticket_id), 1), max(ticket_id) IS NOT NULL) FROM service_tickets;
SELECT setval(pg_get_serial_sequence('ticket_comments', 'comment_id'), coalesce(max(comment_id), 1), max(comment_id) IS NOT NULL) FROM ticket_comments;
SELECT setval(pg_get_serial_sequence('ticket_status_history', 'history_id'), coalesce(max(history_id), 1), max(history_id) IS NOT NULL) FROM ticket_status_history;
SELECT setval(pg_get_serial_sequence('field_service_visits', 'visit_id'), coalesce(max(visit_id), 1), max(visit_id) IS NOT NULL) FROM field_service_visits;
SELECT setval(pg_get_serial_sequence('visit_parts_used', 'usage_id'), coalesce(max(usage_id), 1), max(usage_id) IS NOT NULL) FROM visit_parts_used;
SELECT setval(pg_get_serial_sequence('warranty_claims', 'claim_id'), coalesce(max(claim_id), 1), max(claim_id) IS NOT NULL) FROM warranty_claims;
SELECT setval(pg_get_serial_sequence('rmas', 'rma_id'), coalesce(max(rma_id), 1), max(rma_id) IS NOT NULL) FROM rmas;
SELECT setval(pg_get_serial_sequence('return_inspections', 'inspection_id'), coalesce(max(inspection_id), 1), max(inspection_id) IS NOT NULL) FROM return_inspections;
SELECT setval(pg_get_serial_sequence('customer_surveys', 'survey_id'), coalesce(max(survey_id), 1), max(survey_id) IS NOT NULL) FROM customer_surveys;
SELECT setval(pg_get_serial_sequence('technician_van_stock', 'van_stock_id'), coalesce(max(van_stock_id), 1), max(van_stock_id) IS NOT NULL) FROM technician_van_stock;
SELECT setval(pg_get_serial_sequence('service_charges', 'charge_id'), coalesce(max(charge_id), 1), max(charge_id) IS NOT NULL) FROM service_charges;

DROP TABLE tk;

-- Fresh statistics, so the workload that follows gets good plans from its first statement.
ANALYZE;
