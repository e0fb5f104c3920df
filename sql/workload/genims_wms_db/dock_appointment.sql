-- Yard management books an inbound or outbound slot for tomorrow and closes the oldest
-- appointment whose slot has passed (the truck came and went, or did not show).
\set wh random(1, 2 * :n_factories)
\set car random(1, :n_carriers)
\set hour random(6, 18)
\set door random(1, 8)
\set noshow random(1, 15)
BEGIN;
INSERT INTO dock_appointments (warehouse_id, dock_door, direction, carrier_id, reference_number,
                               trailer_number, scheduled_start, scheduled_end, status, created_at,
                               updated_at, modified_by)
VALUES (:wh, 'D' || lpad(:door::text, 2, '0'),
        CASE WHEN :wh % 2 = 1 THEN 'inbound' ELSE 'outbound' END, :car, NULL,
        'TR-' || lpad((:car * 1000 + :hour * 10 + :door)::text, 6, '0'),
        date_trunc('day', now()) + interval '1 day' + :hour * interval '1 hour',
        date_trunc('day', now()) + interval '1 day' + (:hour + 1) * interval '1 hour',
        'scheduled', now(), now(), 'yard_mgmt');
UPDATE dock_appointments
SET status = CASE WHEN :noshow = 1 THEN 'no_show' ELSE 'completed' END,
    actual_arrival = CASE WHEN :noshow = 1 THEN NULL ELSE scheduled_start + interval '7 minutes' END,
    actual_departure = CASE WHEN :noshow = 1 THEN NULL ELSE scheduled_start + interval '58 minutes' END,
    updated_at = now(), modified_by = 'yard_mgmt'
WHERE appointment_id = (SELECT min(appointment_id) FROM dock_appointments
                        WHERE status IN ('scheduled', 'checked_in', 'loading', 'unloading')
                          AND scheduled_start < now());
COMMIT;
