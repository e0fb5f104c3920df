-- Telematics retention: the oldest GPS positions are purged.
BEGIN;
DELETE FROM gps_pings WHERE ping_id IN (SELECT ping_id FROM gps_pings ORDER BY ping_id LIMIT 4);
COMMIT;
