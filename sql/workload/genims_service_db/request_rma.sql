-- A customer asks to return goods from an order.
\set cust random(1, :n_customers)
\set prod random(1, :n_products)
\set qty random(1, 20)
\set reason random(1, 5)
\set carrier random(1, :n_carriers)
\set so random(1, 99999)
BEGIN;
INSERT INTO rmas (rma_id, rma_number, customer_id, product_id, sales_order_ref, quantity,
                  unit_price, reason, status, requested_at, warehouse_id, carrier_id,
                  customer_notes, created_at, updated_at, modified_by)
SELECT s.n, 'RMA-' || to_char(now(), 'YYYY') || '-' || lpad(s.n::text, greatest(length(s.n::text), 6), '0'), :cust, :prod,
       'SO-' || to_char(now(), 'YYYY') || '-' || lpad(:so::text, 6, '0'),
       CASE WHEN :reason = 1 THEN 1 ELSE :qty END,
       round(8 + (:prod * 7919 % 89200) / 100.0, 2),
       (ARRAY['defective', 'damaged_in_transit', 'wrong_item', 'not_as_ordered',
              'no_longer_needed'])[:reason],
       'requested', now(), 2 * ((:prod - 1) % :n_factories + 1), :carrier,
       (ARRAY['Unit failed in operation.', 'Pallet arrived damaged.',
              'We received a different part number than ordered.',
              'Dimensions differ from the drawing we ordered.',
              'Project cancelled, please take the goods back.'])[:reason],
       now(), now(), 'customer_portal'
FROM (SELECT nextval(pg_get_serial_sequence('rmas', 'rma_id')) AS n) s;
COMMIT;
