-- The meter sync job copies the latest readings of one asset onto its meters and the asset.
\set asset random(1, 20 * :n_factories)
BEGIN;
UPDATE asset_meters m
SET current_value = r.value::numeric(14,3), last_read_at = r.read_at, updated_at = now(),
    modified_by = 'meter_sync'
FROM (SELECT DISTINCT ON (meter_id) meter_id, read_at, value
      FROM meter_readings WHERE asset_id = :asset
      ORDER BY meter_id, read_at DESC, reading_id DESC) r
WHERE m.meter_id = r.meter_id AND m.last_read_at IS DISTINCT FROM r.read_at;
UPDATE assets a
SET running_hours = m.current_value, updated_at = now(), modified_by = 'meter_sync'
FROM asset_meters m
WHERE a.asset_id = :asset AND m.asset_id = a.asset_id AND m.meter_type = 'running_hours'
  AND a.running_hours <> m.current_value;
COMMIT;
