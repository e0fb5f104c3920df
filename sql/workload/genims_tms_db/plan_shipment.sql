-- Order release to transport: a planned shipment of one to three products from a factory's
-- finished-goods warehouse, rated on the carrier's active contract.
\set fac random(1, :n_factories)
\set cust random_exponential(1, :n_customers, 3.0)
\set car 1 + (:fac * 7 + random(0, 2)) % :n_carriers
\set nl random(1, 3)
\set p1 :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set p2 :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set p3 :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set q1 5 * random(1, 40)
\set q2 5 * random(1, 40)
\set q3 5 * random(1, 40)
\set lead random(1, 3)
BEGIN;
SELECT nextval(pg_get_serial_sequence('shipments', 'shipment_id')) AS sid \gset
INSERT INTO shipments (shipment_id, shipment_number, sales_order_number, customer_id,
                       origin_warehouse_id, carrier_id, service_level, ship_date, promised_date,
                       planned_delivery_date, status, weight_kg, currency, destination_country,
                       destination_city, destination_postal_code, attributes, created_at,
                       updated_at, modified_by)
SELECT :sid, 'SHP-' || lpad(:sid::text, 8, '0'),
       'SO-' || to_char(current_date, 'YYYY') || '-T' || lpad(:sid::text, 6, '0'), :cust,
       2 * :fac, :car,
       coalesce((SELECT service_level FROM carrier_contracts
                 WHERE carrier_id = :car AND status = 'active' ORDER BY contract_id LIMIT 1), 'ltl'),
       current_date + :lead, current_date + :lead + 2 + coalesce(d.transit, 3),
       current_date + :lead + coalesce(d.transit, 3), 'planned', 0, 'USD',
       coalesce(d.country, 'US'), coalesce(d.city, 'Chicago'), d.postal,
       jsonb_build_object('hazmat', false, 'customs_required', coalesce(d.country, 'US') <> 'US'),
       now(), now(), 'tms'
FROM (SELECT (SELECT destination_country FROM shipments WHERE customer_id = :cust
              ORDER BY shipment_id DESC LIMIT 1) AS country,
             (SELECT destination_city FROM shipments WHERE customer_id = :cust
              ORDER BY shipment_id DESC LIMIT 1) AS city,
             (SELECT destination_postal_code FROM shipments WHERE customer_id = :cust
              ORDER BY shipment_id DESC LIMIT 1) AS postal,
             (SELECT planned_delivery_date - ship_date FROM shipments WHERE customer_id = :cust
              ORDER BY shipment_id DESC LIMIT 1) AS transit) d;
INSERT INTO shipment_lines (shipment_id, line_number, sales_order_line_number, product_id,
                            quantity, weight_kg, created_at, updated_at, modified_by)
SELECT :sid, v.n, v.n, v.p, v.q,
       round(v.q * coalesce((SELECT l.weight_kg / l.quantity FROM shipment_lines l
                             WHERE l.product_id = v.p ORDER BY l.shipment_line_id DESC LIMIT 1), 5), 3),
       now(), now(), 'tms'
FROM (VALUES (1, :p1, :q1), (2, :p2, :q2), (3, :p3, :q3)) v(n, p, q)
WHERE v.n <= :nl;
UPDATE shipments s
SET weight_kg = w.kg, volume_m3 = round(w.kg / 180, 3),
    package_count = least(4, 1 + floor(w.kg / 1000))::int,
    freight_cost = coalesce(r.cost, 0),
    fuel_surcharge = round(coalesce(r.cost, 0) * coalesce(
      (SELECT surcharge_pct FROM fuel_surcharges
       WHERE region = CASE WHEN s.destination_country IN ('US', 'CA', 'MX') THEN 'NA'
                           WHEN s.destination_country = 'JP' THEN 'APAC' ELSE 'EU' END
       ORDER BY week_start DESC LIMIT 1), 0) / 100, 2),
    updated_at = now()
FROM (SELECT coalesce(sum(weight_kg), 0) * 1.04 + 2 AS kg FROM shipment_lines WHERE shipment_id = :sid) w
LEFT JOIN LATERAL (
  SELECT greatest(cr.minimum_charge, round(w.kg * cr.rate_per_kg, 2)) AS cost
  FROM carrier_rates cr JOIN carrier_contracts c ON c.contract_id = cr.contract_id
  WHERE c.carrier_id = :car AND c.status = 'active' AND cr.origin_warehouse_id = 2 * :fac
    AND cr.destination_country = (SELECT destination_country FROM shipments WHERE shipment_id = :sid)
    AND w.kg >= cr.weight_break_min_kg AND w.kg < cr.weight_break_max_kg
  ORDER BY cr.rate_id LIMIT 1) r ON true
WHERE s.shipment_id = :sid;
INSERT INTO shipment_packages (shipment_id, package_number, package_type, weight_kg,
                               dimensions_cm, created_at, updated_at, modified_by)
SELECT s.shipment_id, 'PKG' || lpad(s.shipment_id::text, 8, '0') || '-' || j,
       CASE WHEN s.weight_kg > 250 THEN 'pallet' ELSE 'carton' END,
       round(s.weight_kg / s.package_count, 3),
       CASE WHEN s.weight_kg > 250 THEN ARRAY[120, 80, 120] ELSE ARRAY[60, 40, 40] END,
       now(), now(), 'tms'
FROM shipments s CROSS JOIN LATERAL generate_series(1, s.package_count) j
WHERE s.shipment_id = :sid;
INSERT INTO tracking_events (shipment_id, event_type, event_ts, description, source, created_at,
                             updated_at, modified_by)
VALUES (:sid, 'created', now(), 'Shipment created, label printed', 'manual', now(), now(), 'tms');
COMMIT;
