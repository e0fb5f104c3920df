-- A newly delivered product is commissioned at a customer site: installed base entry, covered by
-- the customer's active contract, with a two-year standard warranty.
\set cust random(1, :n_customers)
\set prod random(1, :n_products)
BEGIN;
WITH ip AS (
  INSERT INTO installed_products (installed_product_id, customer_id, product_id, serial_number,
    contract_id, install_date, site_name, site_country, status, firmware_version, attributes,
    created_at, updated_at, modified_by)
  SELECT s.n, :cust, :prod, 'SN' || lpad(:prod::text, greatest(length(:prod::text), 5), '0') || '-' || lpad(s.n::text, greatest(length(s.n::text), 7), '0'),
         (SELECT max(contract_id) FROM service_contracts
          WHERE customer_id = :cust AND status = 'active'),
         current_date, 'Plant Central',
         (ARRAY['US', 'CA', 'MX', 'BR', 'DE', 'NL', 'SE', 'FR', 'IT', 'ES', 'GB', 'IE', 'JP', 'KR',
                'CN', 'IN', 'AU', 'SG'])[:cust % 18 + 1],
         'active', 'v4.2.0', '{"supply_voltage": "400V", "mounting": "floor"}',
         now(), now(), 'installer'
  FROM (SELECT nextval(pg_get_serial_sequence('installed_products', 'installed_product_id')) AS n) s
  RETURNING installed_product_id, customer_id, product_id, serial_number
)
INSERT INTO warranties (warranty_id, warranty_number, installed_product_id, customer_id,
                        product_id, serial_number, warranty_type, start_date, end_date,
                        max_claim_amount, coverage, status, created_at, updated_at, modified_by)
SELECT w.n, 'WTY-' || lpad(w.n::text, greatest(length(w.n::text), 7), '0'), ip.installed_product_id, ip.customer_id,
       ip.product_id, ip.serial_number, 'standard', current_date, current_date + 730, 5000,
       'Parts and labour for manufacturing and material defects.', 'active', now(), now(),
       'installer'
FROM ip
CROSS JOIN LATERAL (SELECT nextval(pg_get_serial_sequence('warranties', 'warranty_id')) AS n) w;
COMMIT;
