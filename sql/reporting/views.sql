-- genims_reporting_db: views over the incrementally maintained reporting tables.
--
-- Rankings are not incrementally maintainable (a change to one group moves the rank of
-- others), so they are computed on read from the stored sums; the tables are small
-- (a few thousand groups), the window functions take milliseconds. MariaDB 10.11.

-- ABC classification of the items of each warehouse and year by usage value
-- (abc_analysis: issues to production of materials, shipments of products).
-- Items are ranked by usage value, largest first (ties by item_id); cumulative_pct is the
-- share of the partition's value up to and including the item. The class is the band in
-- which the item's cumulative share starts (the share of the items ranked before it):
-- A below 80 %, B below 95 %, C the rest; so the item that crosses 80 % is still A and a
-- single dominant item is A, not B or C. Items without positive value are C.
CREATE OR REPLACE VIEW abc_classes AS
SELECT
  r.year,
  r.warehouse_id,
  r.item_type,
  r.item_id,
  r.movements,
  r.usage_qty,
  r.usage_value,
  r.value_rank,
  r.items_in_partition,
  100 * r.usage_value / NULLIF(r.total_value, 0) AS value_pct,
  100 * r.cumulative_value / NULLIF(r.total_value, 0) AS cumulative_pct,
  CASE
    WHEN r.usage_value > 0 AND r.cumulative_value - r.usage_value < 0.80 * r.total_value THEN 'A'
    WHEN r.usage_value > 0 AND r.cumulative_value - r.usage_value < 0.95 * r.total_value THEN 'B'
    ELSE 'C'
  END AS abc_class
FROM (
  SELECT
    a.year,
    a.warehouse_id,
    a.item_type,
    a.item_id,
    a.movements,
    a.usage_qty,
    a.usage_value,
    ROW_NUMBER() OVER w AS value_rank,
    COUNT(*) OVER p AS items_in_partition,
    SUM(a.usage_value) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_value,
    SUM(a.usage_value) OVER p AS total_value
  FROM abc_analysis a
  WINDOW p AS (PARTITION BY a.year, a.warehouse_id, a.item_type),
         w AS (PARTITION BY a.year, a.warehouse_id, a.item_type
               ORDER BY a.usage_value DESC, a.item_id)
) r;
