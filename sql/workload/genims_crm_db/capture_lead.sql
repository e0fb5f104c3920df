-- A prospect fills in the web form; the lead goes to a rep of a random territory with a
-- follow-up task.
\set fn random(1, 10)
\set ln random(1, 10)
\set co random(1, 12)
\set score random(5, 90)
\set prod random(1, :n_products)
\set rep 20 * random(1, :n_employees / 20)
\set src random(1, 4)
BEGIN;
WITH ins AS (
  INSERT INTO leads (lead_id, lead_number, first_name, last_name, company_name, job_title, email,
                     phone, country_code, source, campaign_id, status, score, owner_rep_id,
                     product_interest_id, estimated_value, notes, created_at, updated_at,
                     modified_by)
  SELECT s.n, 'LD-' || to_char(now(), 'YYYY') || '-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), x.fn, x.ln,
         x.co || ' GmbH', 'Buyer',
         lower(x.fn) || '.' || lower(x.ln) || '@' || lower(replace(x.co, ' ', '')) || '.de',
         '+49 ' || (100000000 + s.n * 7919 % 899999999), 'DE',
         (ARRAY['web', 'webinar', 'campaign', 'referral'])[:src],
         CASE WHEN :src IN (2, 3)
              THEN (SELECT max(campaign_id) FROM campaigns WHERE status = 'active') END,
         'new', :score, :rep, :prod, 1000 * :score,
         'Web form: asked for a quotation and lead times.', now(), now(), 'web_form'
  FROM (SELECT (ARRAY['Anna', 'Lukas', 'Sofia', 'Jonas', 'Emma', 'Noah', 'Mia', 'Felix', 'Lea', 'Paul'])[:fn] AS fn,
               (ARRAY['Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Wolf', 'Klein', 'Neumann', 'Braun', 'Zimmermann'])[:ln] AS ln,
               (ARRAY['Rhein Stahl', 'Alpen Mechanik', 'Nord Antriebe', 'Elbe Gusswerk', 'Main Hydraulik',
                      'Isar Elektronik', 'Ruhr Metall', 'Harz Werkzeug', 'Mosel Kunststoff', 'Saar Technik',
                      'Spree Robotik', 'Weser Pumpen'])[:co] AS co) x
  CROSS JOIN LATERAL (SELECT nextval(pg_get_serial_sequence('leads', 'lead_id')) AS n) s
  RETURNING lead_id, owner_rep_id
)
INSERT INTO activities (activity_type, subject, lead_id, owner_rep_id, status, scheduled_at,
                        created_at, updated_at, modified_by)
SELECT 'task', 'Call back new web lead', lead_id, owner_rep_id, 'planned',
       now() + interval '1 day', now(), now(), 'web_form'
FROM ins;
COMMIT;
