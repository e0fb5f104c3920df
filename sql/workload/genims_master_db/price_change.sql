-- Pricing changes a product's list price: new price-list item from today, the old one expires.
\set p random(1, :n_products)
\set pct random(-5, 8)
\set pl random(1, 4)
\set k random(0, (:n_employees - 4) / 20)
\set planner 20 * :k + 4
BEGIN;
UPDATE products
SET list_price = round(list_price * (1 + :pct / 100.0), 2), updated_at = now(), modified_by = 'user' || :planner
WHERE product_id = :p;
UPDATE price_list_items
SET valid_to = current_date - 1, updated_at = now(), modified_by = 'user' || :planner
WHERE price_list_id = :pl AND product_id = :p AND valid_to IS NULL AND valid_from < current_date;
INSERT INTO price_list_items (price_list_id, product_id, unit_price, min_qty, discount_pct, valid_from, modified_by)
SELECT i.price_list_id, i.product_id, round(i.unit_price * (1 + :pct / 100.0), 2), i.min_qty, i.discount_pct,
       current_date, 'user' || :planner
FROM price_list_items AS i
WHERE i.price_list_id = :pl AND i.product_id = :p
ORDER BY i.valid_from DESC
LIMIT 1
ON CONFLICT (price_list_id, product_id, valid_from)
  DO UPDATE SET unit_price = EXCLUDED.unit_price, updated_at = now(), modified_by = EXCLUDED.modified_by;
COMMIT;
