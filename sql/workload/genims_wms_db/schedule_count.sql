-- The counting plan schedules tomorrow's count of a stocked location.
BEGIN;
SELECT coalesce(max(inventory_id), 1) AS max_inv FROM inventory \gset
\set r random(1, :max_inv)
SELECT nextval(pg_get_serial_sequence('cycle_counts', 'cycle_count_id')) AS cid \gset
INSERT INTO cycle_counts (cycle_count_id, count_number, warehouse_id, location_id, inventory_id,
                          item_type, item_id, lot_id, count_type, scheduled_date, system_qty,
                          unit_cost, status, created_at, updated_at, modified_by)
SELECT :cid, 'CC-' || lpad(i.warehouse_id::text, 2, '0') || '-' || to_char(current_date + 1, 'YYMMDD') || '-W' || :cid,
       i.warehouse_id, i.location_id, i.inventory_id, i.item_type, i.item_id, i.lot_id,
       CASE WHEN :r % 3 = 0 THEN 'random' ELSE 'abc' END, current_date + 1, i.qty_on_hand,
       i.unit_cost, 'scheduled', now(), now(), 'wms'
FROM inventory i
WHERE i.inventory_id = (SELECT min(inventory_id) FROM inventory
                        WHERE inventory_id >= :r AND qty_on_hand > 0);
COMMIT;
