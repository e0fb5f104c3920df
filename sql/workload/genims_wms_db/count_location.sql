-- A counter counts the oldest scheduled location; one count in five finds a difference, which
-- is booked as an adjustment and approved by a supervisor.
\set emp random(1, :n_employees)
\set sup 20 * random(0, (:n_employees - 3) / 20) + 3
\set hit random(1, 5)
\set diff random(-8, 4)
BEGIN;
SELECT coalesce(min(cycle_count_id), 0) AS cid FROM cycle_counts WHERE status = 'scheduled' \gset
UPDATE cycle_counts c
SET system_qty = coalesce(i.qty_on_hand, c.system_qty),
    counted_qty = greatest(0, coalesce(i.qty_on_hand, c.system_qty) + CASE WHEN :hit = 1 THEN :diff ELSE 0 END),
    variance_qty = greatest(0, coalesce(i.qty_on_hand, c.system_qty) + CASE WHEN :hit = 1 THEN :diff ELSE 0 END)
                   - coalesce(i.qty_on_hand, c.system_qty),
    variance_value = round((greatest(0, coalesce(i.qty_on_hand, c.system_qty) + CASE WHEN :hit = 1 THEN :diff ELSE 0 END)
                            - coalesce(i.qty_on_hand, c.system_qty)) * c.unit_cost, 2),
    status = 'approved', counter_employee_id = :emp, counted_at = now(),
    approved_by_employee_id = :sup, approved_at = now(), updated_at = now(),
    modified_by = 'user' || :sup
FROM cycle_counts c0 LEFT JOIN inventory i ON i.inventory_id = c0.inventory_id
WHERE c.cycle_count_id = :cid AND c0.cycle_count_id = :cid;
UPDATE inventory i
SET qty_on_hand = greatest(i.qty_reserved, c.counted_qty), last_counted_at = now(),
    last_movement_at = CASE WHEN c.variance_qty <> 0 THEN now() ELSE i.last_movement_at END,
    updated_at = now(), modified_by = 'user' || :sup
FROM cycle_counts c
WHERE c.cycle_count_id = :cid AND i.inventory_id = c.inventory_id;
INSERT INTO inventory_transactions (txn_type, warehouse_id, item_type, item_id, lot_id, quantity,
                                    unit_cost, to_location_id, reference_type, reference_number,
                                    reason_code, employee_id, txn_ts, created_at, updated_at,
                                    modified_by)
SELECT 'adjustment', c.warehouse_id, c.item_type, c.item_id, c.lot_id, c.variance_qty, c.unit_cost,
       c.location_id, 'cycle_count', c.count_number,
       CASE WHEN c.variance_qty < 0 THEN 'COUNT_LOSS' ELSE 'COUNT_GAIN' END, :sup, now(), now(),
       now(), 'user' || :sup
FROM cycle_counts c
WHERE c.cycle_count_id = :cid AND c.variance_qty <> 0;
INSERT INTO rf_scan_events (device_id, warehouse_id, employee_id, location_id, scan_type, barcode,
                            task_reference, scanned_at, signal_dbm, battery_pct)
SELECT 'RF-' || lpad(c.warehouse_id::text, 2, '0') || '-' || lpad((:emp % 24)::text, 2, '0'),
       c.warehouse_id, :emp, c.location_id, 'location', 'LOC' || lpad(c.location_id::text, 7, '0'),
       c.count_number, now(), -40 - :emp % 45, 100 - :emp % 60
FROM cycle_counts c
WHERE c.cycle_count_id = :cid;
COMMIT;
