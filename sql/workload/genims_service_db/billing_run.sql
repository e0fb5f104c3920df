-- The billing run invoices the oldest pending service charges (ERP invoice reference); a pending
-- travel charge for a short trip (under 25 km, not chargeable) is voided.
\set inv random(1, 999999)
BEGIN;
DELETE FROM service_charges c
USING field_service_visits v
WHERE c.charge_id = (SELECT max(c2.charge_id) FROM service_charges c2
                     JOIN field_service_visits v2 ON v2.visit_id = c2.visit_id
                     WHERE c2.status = 'pending' AND c2.charge_type = 'travel'
                       AND v2.travel_km < 25)
  AND v.visit_id = c.visit_id;
UPDATE service_charges
SET status = 'invoiced', invoiced_at = now(),
    erp_invoice_ref = 'INV-' || to_char(now(), 'YYYY') || '-' || lpad(:inv::text, 6, '0'),
    updated_at = now(), modified_by = 'billing'
WHERE charge_id IN (SELECT charge_id FROM service_charges WHERE status = 'pending'
                    ORDER BY charge_id LIMIT 3);
COMMIT;
