-- A technician finishes a visit: parts from the van, travel and labor costed, the customer
-- signs, and billable work is charged.
\set off random(0, 3)
\set km random(5, 180)
\set mins random(45, 360)
\set nparts random(0, 2)
\set qty random(1, 2)
\set salt random(1, 96)
\set h random(1, 2000000000)
BEGIN;
SELECT coalesce((SELECT visit_id FROM field_service_visits
                 WHERE status IN ('scheduled', 'en_route', 'on_site')
                 ORDER BY visit_id LIMIT 1 OFFSET :off FOR UPDATE), 0) AS v \gset
INSERT INTO visit_parts_used (visit_id, material_id, part_number, description, quantity,
                              unit_cost, total_cost, from_van_stock, created_at, updated_at,
                              modified_by)
SELECT v.visit_id, vs.material_id, vs.part_number, 'Replacement part from van stock', :qty,
       c.uc, round(:qty * c.uc, 2), true, now(), now(), 'user' || v.technician_id
FROM field_service_visits v
JOIN technician_van_stock vs ON vs.technician_id = v.technician_id AND vs.qty_on_hand >= :qty
CROSS JOIN LATERAL (SELECT round(5 + (vs.material_id * 104729 % 79500) / 100.0, 4) AS uc) c
WHERE v.visit_id = :v
ORDER BY (vs.van_stock_id * :salt) % 97, vs.van_stock_id
LIMIT :nparts;
UPDATE technician_van_stock vs
SET qty_on_hand = vs.qty_on_hand - u.quantity, updated_at = now(), modified_by = u.modified_by
FROM visit_parts_used u
JOIN field_service_visits v ON v.visit_id = u.visit_id
WHERE u.visit_id = :v AND u.created_at = now()
  AND vs.technician_id = v.technician_id AND vs.material_id = u.material_id;
UPDATE field_service_visits v
SET status = 'completed',
    arrived_at = coalesce(v.arrived_at, now() - :mins * interval '1 minute'),
    completed_at = greatest(now(), v.arrived_at),
    travel_km = :km, travel_cost = round(:km * 0.55 + 35, 2),
    labor_hours = round(:mins / 60.0, 3),
    labor_cost = round(:mins / 60.0 * (85 + v.technician_id % 25), 2),
    parts_cost = p.cost,
    total_cost = round(:km * 0.55 + 35, 2) + round(:mins / 60.0 * (85 + v.technician_id % 25), 2) + p.cost,
    work_performed = 'Diagnosed fault, replaced defective parts, tested in all operating modes.',
    customer_signature_sha256 = sha256(convert_to(v.visit_number || ':' || :h, 'UTF8')),
    gps_checkin = jsonb_build_object('lat', 48 + (:h % 1000) / 1000.0, 'lon', 9 + (:h % 997) / 1000.0,
                                     'accuracy_m', 3 + :h % 30),
    updated_at = now(), modified_by = 'user' || v.technician_id
FROM (SELECT coalesce(sum(total_cost), 0) AS cost FROM visit_parts_used WHERE visit_id = :v) p
WHERE v.visit_id = :v;
INSERT INTO service_charges (charge_id, charge_number, ticket_id, visit_id, customer_id,
                             contract_id, charge_type, description, amount, status,
                             created_at, updated_at, modified_by)
SELECT c.n, 'SVC-' || lpad(c.n::text, greatest(length(c.n::text), 7), '0'), c.ticket_id, c.visit_id, c.customer_id,
       c.contract_id, c.kind, initcap(c.kind) || ' for visit ' || c.visit_number, c.amount,
       'pending', now(), now(), 'billing'
FROM (SELECT nextval(pg_get_serial_sequence('service_charges', 'charge_id')) AS n, v.ticket_id,
             v.visit_id, v.visit_number, t.customer_id, t.contract_id, k.kind, k.amount
      FROM field_service_visits v
      JOIN service_tickets t ON t.ticket_id = v.ticket_id
      CROSS JOIN LATERAL (VALUES (1, 'labor', v.labor_cost), (2, 'travel', v.travel_cost),
                                 (3, 'parts', v.parts_cost)) k(kind_no, kind, amount)
      WHERE v.visit_id = :v AND v.billable AND v.status = 'completed' AND k.amount > 0
      ORDER BY k.kind_no) c;
COMMIT;
