-- The shipment kernel shared by genims_wms_db.sql and genims_tms_db.sql (included with \ir
-- after _order_kernels.sql): which orders leave a finished-goods warehouse, their carrier and
-- their truck load, so WMS dock appointments and TMS loads agree. Temp objects only.

-- Shipment kernel (identical in genims_wms_db.sql and genims_tms_db.sql): the orders that
-- leave a finished-goods warehouse (shipped, or confirmed to ship within two days), the
-- carrier of each, and the truck load it travels in (one per ship date, factory and carrier).
CREATE TEMP TABLE k_shp AS
SELECT s.so_no, s.factory_id, 2 * s.factory_id AS warehouse_id, s.customer_id, s.ship_date,
       s.status AS order_status,
       1 + (s.factory_id * 7 + pg_temp.rnd_int('shp.carrier', s.so_no, 0, 2)::int) % p.ncar AS carrier_id,
       'SO-' || to_char(s.order_date, 'YYYY') || '-' || lpad(s.so_no::text, 6, '0') AS order_number
FROM k_so s CROSS JOIN prm p
WHERE s.status IN ('shipped', 'invoiced') OR (s.status = 'confirmed' AND s.ship_date <= p.e + 2);
ALTER TABLE k_shp ADD PRIMARY KEY (so_no);
ALTER TABLE k_shp ADD COLUMN load_no bigint;
UPDATE k_shp k SET load_no = r.load_no
FROM (SELECT so_no, dense_rank() OVER (ORDER BY ship_date, factory_id, carrier_id) AS load_no
      FROM k_shp) r
WHERE r.so_no = k.so_no;
-- End of shipment kernel.
