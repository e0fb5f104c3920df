-- The central warehouse refills a technician's van where stock fell below the minimum, and
-- re-profiles the van: an empty slot is dropped and another material is carried instead.
\set k random(0, (:n_employees - 2) / 20)
\set mat random(1, :n_materials)
BEGIN;
UPDATE technician_van_stock
SET qty_on_hand = qty_on_hand + 2 * min_qty + 2, last_replenished_at = now(),
    updated_at = now(), modified_by = 'warehouse'
WHERE technician_id = 20 * :k + 2 AND qty_on_hand < min_qty AND qty_on_hand > 0;
WITH dropped AS (
  DELETE FROM technician_van_stock
  WHERE van_stock_id = (SELECT min(van_stock_id) FROM technician_van_stock
                        WHERE technician_id = 20 * :k + 2 AND qty_on_hand = 0)
  RETURNING technician_id
)
INSERT INTO technician_van_stock (technician_id, material_id, part_number, qty_on_hand, min_qty,
                                  last_replenished_at, created_at, updated_at, modified_by)
SELECT technician_id, :mat, 'MAT-' || lpad(:mat::text, greatest(length(:mat::text), 6), '0'), 6, 2, now(), now(), now(),
       'warehouse'
FROM dropped
ON CONFLICT (technician_id, material_id) DO NOTHING;
COMMIT;
