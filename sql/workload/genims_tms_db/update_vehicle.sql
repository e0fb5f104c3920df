-- Fleet data from the carrier: a vehicle's odometer and service status change.
\set v random(1, 4 * :n_carriers)
\set km random(50, 900)
\set shop random(1, 25)
BEGIN;
UPDATE vehicles
SET odometer_km = odometer_km + :km,
    status = CASE WHEN :shop = 1 THEN 'maintenance' WHEN status = 'maintenance' THEN 'in_service' ELSE status END,
    updated_at = now(), modified_by = 'carrier_edi'
WHERE vehicle_id = :v;
COMMIT;
