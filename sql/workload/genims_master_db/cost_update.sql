-- Purchasing updates a material's standard cost after a new supplier quote.
\set m random(1, :n_materials)
\set pct random(-4, 6)
\set k random(0, (:n_employees - 5) / 20)
\set buyer 20 * :k + 5
BEGIN;
UPDATE supplier_materials
SET unit_price = round(unit_price * (1 + :pct / 100.0), 4), updated_at = now(), modified_by = 'user' || :buyer
WHERE material_id = :m AND is_preferred;
UPDATE materials
SET standard_cost = round(standard_cost * (1 + :pct / 100.0), 4), updated_at = now(), modified_by = 'user' || :buyer
WHERE material_id = :m;
COMMIT;
