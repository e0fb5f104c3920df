-- Order entry: a sales rep keys a draft order with one to three lines of products made in the
-- fulfilling factory, priced from the active standard cost list price in the order currency.
\set cust random_exponential(1, :n_customers, 3.0)
\set fac random(1, :n_factories)
\set nl random(1, 3)
\set p1 :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set p2 :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set p3 :fac + :n_factories * random(0, (:n_products - :fac) / :n_factories)
\set q1 5 * random(1, 40)
\set q2 5 * random(1, 40)
\set q3 5 * random(1, 40)
\set lead random(5, 16)
BEGIN;
SELECT nextval(pg_get_serial_sequence('sales_orders', 'sales_order_id')) AS so_id \gset
INSERT INTO sales_orders (sales_order_id, order_number, customer_id, customer_account_id,
                          sales_rep_employee_id, factory_id, ship_from_warehouse_id, order_date,
                          requested_date, promised_date, status, currency, units_per_usd,
                          payment_term_id, ship_to_country, ship_to_city, priority, tags,
                          created_at, updated_at, modified_by)
SELECT :so_id, 'SO-' || to_char(current_date, 'YYYY') || '-' || lpad(:so_id::text, 6, '0'),
       ca.customer_id, ca.customer_account_id, ca.sales_rep_employee_id, :fac, 2 * :fac,
       current_date, current_date + :lead - 2, current_date + :lead, 'draft', ca.currency,
       coalesce((SELECT r.units_per_usd FROM exchange_rates r WHERE r.currency_code = ca.currency
                 ORDER BY r.rate_date DESC LIMIT 1), 1),
       ca.payment_term_id, ca.billing_country, ca.billing_city,
       CASE WHEN :lead <= 6 THEN 1 ELSE 3 END,
       CASE WHEN :lead <= 6 THEN ARRAY['rush'] ELSE '{}' END,
       now(), now(), 'user' || ca.sales_rep_employee_id
FROM customer_accounts ca
WHERE ca.customer_id = :cust;
INSERT INTO sales_order_lines (sales_order_id, line_number, product_id, quantity, unit_price,
                               unit_cost, discount_pct, line_amount, status, created_at,
                               updated_at, modified_by)
SELECT o.sales_order_id, v.line_no, v.product_id, v.qty, round(sc.list_price * o.units_per_usd, 4),
       round(sc.total_cost * o.units_per_usd, 4), d.pct,
       round(v.qty * round(sc.list_price * o.units_per_usd, 4) * (1 - d.pct / 100), 2), 'open',
       now(), now(), o.modified_by
FROM sales_orders o
CROSS JOIN (VALUES (1, :p1, :q1), (2, :p2, :q2), (3, :p3, :q3)) v(line_no, product_id, qty)
CROSS JOIN LATERAL (SELECT CASE WHEN v.qty >= 150 THEN 7.50 WHEN v.qty >= 100 THEN 5.00
                                WHEN v.qty >= 50 THEN 2.00 ELSE 0.00 END AS pct) d
JOIN standard_costs sc ON sc.product_id = v.product_id AND sc.status = 'active'
WHERE o.sales_order_id = :so_id AND v.line_no <= :nl;
UPDATE sales_orders o
SET subtotal = t.gross, discount_amount = t.gross - t.net, tax_amount = t.tax,
    total_amount = t.net + t.tax, total_cost = t.cost, updated_at = now()
FROM (SELECT l.sales_order_id, sum(round(l.quantity * l.unit_price, 2)) AS gross,
             sum(l.line_amount) AS net, sum(round(l.line_amount * tc.rate_pct / 100, 2)) AS tax,
             sum(round(l.quantity * l.unit_cost, 2)) AS cost
      FROM sales_order_lines l
      JOIN sales_orders so ON so.sales_order_id = l.sales_order_id
      JOIN customer_accounts ca ON ca.customer_account_id = so.customer_account_id
      JOIN tax_codes tc ON tc.tax_code_id = ca.tax_code_id
      WHERE l.sales_order_id = :so_id
      GROUP BY l.sales_order_id) t
WHERE o.sales_order_id = t.sales_order_id;
COMMIT;
