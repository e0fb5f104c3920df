-- The order is cancelled before loading: the newest planned shipment without a load is
-- deleted with its lines, packages and events.
BEGIN;
SELECT coalesce(max(shipment_id), 0) AS sid
FROM shipments WHERE status = 'planned' AND load_id IS NULL \gset
DELETE FROM tracking_events WHERE shipment_id = :sid;
DELETE FROM shipment_packages WHERE shipment_id = :sid;
DELETE FROM shipment_lines WHERE shipment_id = :sid;
DELETE FROM shipments WHERE shipment_id = :sid AND status = 'planned' AND load_id IS NULL;
COMMIT;
