-- A buyer raises a draft purchase order for one to three raw materials used by a factory,
-- at the last price paid for each material.
\set sup random_exponential(1, :n_suppliers, 2.0)
\set fac random(1, :n_factories)
\set buyer 20 * random(0, (:n_employees - 5) / 20) + 5
\set nl random(1, 3)
\set m1 :fac + :n_factories * random(0, (:n_materials - :fac) / :n_factories)
\set m2 :fac + :n_factories * random(0, (:n_materials - :fac) / :n_factories)
\set m3 :fac + :n_factories * random(0, (:n_materials - :fac) / :n_factories)
\set q1 10 * random(5, 100)
\set q2 10 * random(5, 100)
\set q3 10 * random(5, 100)
\set lead random(7, 28)
BEGIN;
SELECT nextval(pg_get_serial_sequence('purchase_orders', 'purchase_order_id')) AS po_id \gset
INSERT INTO purchase_orders (purchase_order_id, po_number, supplier_id, supplier_account_id,
                             buyer_employee_id, factory_id, ship_to_warehouse_id, order_date,
                             expected_date, status, currency, units_per_usd, payment_term_id,
                             created_at, updated_at, modified_by)
SELECT :po_id, 'PO-' || to_char(current_date, 'YYYY') || '-' || lpad(:po_id::text, 6, '0'),
       sa.supplier_id, sa.supplier_account_id, :buyer, :fac, 2 * :fac - 1, current_date,
       current_date + :lead, 'draft', sa.currency,
       coalesce((SELECT r.units_per_usd FROM exchange_rates r WHERE r.currency_code = sa.currency
                 ORDER BY r.rate_date DESC LIMIT 1), 1),
       sa.payment_term_id, now(), now(), 'user' || :buyer
FROM supplier_accounts sa
WHERE sa.supplier_id = :sup;
INSERT INTO purchase_order_lines (purchase_order_id, line_number, material_id, quantity,
                                  unit_price, line_amount, expected_date, status, created_at,
                                  updated_at, modified_by)
SELECT o.purchase_order_id, v.line_no, v.material_id, v.qty, pr.price, round(v.qty * pr.price, 2),
       o.expected_date, 'open', now(), now(), o.modified_by
FROM purchase_orders o
CROSS JOIN (VALUES (1, :m1, :q1), (2, :m2, :q2), (3, :m3, :q3)) v(line_no, material_id, qty)
CROSS JOIN LATERAL (
  SELECT round(coalesce(
           (SELECT l.unit_price / po.units_per_usd FROM purchase_order_lines l
            JOIN purchase_orders po ON po.purchase_order_id = l.purchase_order_id
            WHERE l.material_id = v.material_id
            ORDER BY l.purchase_order_line_id DESC LIMIT 1),
           (SELECT c.unit_cost FROM standard_cost_components c
            WHERE c.material_id = v.material_id ORDER BY c.component_id DESC LIMIT 1),
           12.5) * o.units_per_usd, 4) AS price) pr
WHERE o.purchase_order_id = :po_id AND v.line_no <= :nl;
UPDATE purchase_orders o
SET total_amount = t.amount, updated_at = now()
FROM (SELECT purchase_order_id, sum(line_amount) AS amount FROM purchase_order_lines
      WHERE purchase_order_id = :po_id GROUP BY 1) t
WHERE o.purchase_order_id = t.purchase_order_id;
COMMIT;
