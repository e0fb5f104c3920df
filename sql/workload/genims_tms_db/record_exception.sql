-- Customer service logs an exception on a recent shipment (late, damaged, address issue or
-- weather); damage comes with a claim against the carrier.
\set r random(1, 1000000)
\set kind random(1, 4)
\set emp 20 * random(0, (:n_employees - 3) / 20) + 3
BEGIN;
SELECT coalesce((SELECT shipment_id FROM shipments WHERE status IN ('in_transit', 'delivered', 'out_for_delivery')
                 AND shipment_id >= (SELECT max(shipment_id) - 300 FROM shipments)
                 ORDER BY (shipment_id * 7919 + :r) % 100003 LIMIT 1), 0) AS sid \gset
INSERT INTO delivery_exceptions (shipment_id, exception_type, reported_at, status,
                                 responsible_party, claim_amount, reported_by_employee_id,
                                 description, created_at, updated_at, modified_by)
SELECT s.shipment_id, (ARRAY['late', 'damaged', 'address_issue', 'weather'])[:kind], now(), 'open',
       CASE :kind WHEN 3 THEN 'customer' WHEN 4 THEN 'other' ELSE 'carrier' END,
       CASE WHEN :kind = 2 THEN round(s.freight_cost * 3 + 150, 2) ELSE 0 END, :emp,
       CASE :kind WHEN 1 THEN 'Customer reports delivery later than promised'
                  WHEN 2 THEN 'Consignee noted damage on delivery receipt'
                  WHEN 3 THEN 'Consignee address incomplete, carrier requests correction'
                  ELSE 'Severe weather on lane, delivery delayed' END,
       now(), now(), 'user' || :emp
FROM shipments s WHERE s.shipment_id = :sid;
COMMIT;
