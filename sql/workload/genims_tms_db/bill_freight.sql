-- A carrier bills its delivered, not yet invoiced shipments (linehaul and fuel per shipment).
\set car random(1, :n_carriers)
BEGIN;
SELECT nextval(pg_get_serial_sequence('freight_invoices', 'freight_invoice_id')) AS fid \gset
INSERT INTO freight_invoices (freight_invoice_id, carrier_id, contract_id, invoice_number,
                              invoice_date, due_date, period_start, period_end, amount,
                              tax_amount, total_amount, currency, status, created_at, updated_at,
                              modified_by)
SELECT :fid, :car, c.contract_id, 'FB' || lpad(:car::text, 3, '0') || '-T' || :fid, current_date,
       current_date + c.payment_terms_days, x.first_day, x.last_day, x.amount, 0, x.amount, 'USD',
       'received', now(), now(), 'freight_audit'
FROM (SELECT min(s.ship_date) AS first_day, max(s.ship_date) AS last_day,
             sum(s.freight_cost + s.fuel_surcharge) AS amount
      FROM shipments s
      WHERE s.carrier_id = :car AND s.status = 'delivered'
        AND NOT EXISTS (SELECT 1 FROM freight_invoice_lines l WHERE l.shipment_id = s.shipment_id)) x
CROSS JOIN LATERAL (SELECT contract_id, payment_terms_days FROM carrier_contracts
                    WHERE carrier_id = :car AND status = 'active' ORDER BY contract_id LIMIT 1) c
WHERE x.amount > 0;
INSERT INTO freight_invoice_lines (freight_invoice_id, shipment_id, charge_type, billed_weight_kg,
                                   amount, created_at, updated_at, modified_by)
SELECT :fid, s.shipment_id, v.charge_type, CASE WHEN v.k = 1 THEN s.weight_kg END,
       CASE WHEN v.k = 1 THEN s.freight_cost ELSE s.fuel_surcharge END, now(), now(), 'freight_audit'
FROM shipments s CROSS JOIN (VALUES (1, 'linehaul'), (2, 'fuel')) v(k, charge_type)
WHERE EXISTS (SELECT 1 FROM freight_invoices WHERE freight_invoice_id = :fid)
  AND s.carrier_id = :car AND s.status = 'delivered'
  AND NOT EXISTS (SELECT 1 FROM freight_invoice_lines l WHERE l.shipment_id = s.shipment_id)
  AND (v.k = 1 OR s.fuel_surcharge > 0);
COMMIT;
