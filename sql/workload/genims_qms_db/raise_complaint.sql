-- Customer service logs a complaint about a delivered product.
\set cust random(1, :n_customers)
\set p random(1, :n_products)
\set sev random(1, 100)
\set q random(1, 500)
\set so random(1, 999999)
BEGIN;
SELECT nextval(pg_get_serial_sequence('customer_complaints', 'complaint_id')) AS cid \gset
INSERT INTO customer_complaints (complaint_id, complaint_number, customer_id, product_id, sales_order_number, received_at,
  channel, category, severity, description, qty_affected, claimed_amount, response_due, status, owner_employee_id,
  created_at, updated_at, modified_by)
VALUES (:cid, 'CC-' || to_char(now(), 'YYYY') || '-' || lpad(':cid', 6, '0'), :cust, :p,
  'SO-' || to_char(now(), 'YYYY') || '-' || lpad(':so', 6, '0'), now(),
  CASE WHEN :sev % 3 = 0 THEN 'email' WHEN :sev % 3 = 1 THEN 'portal' ELSE 'phone' END,
  CASE WHEN :sev <= 60 THEN 'quality' WHEN :sev <= 80 THEN 'delivery' ELSE 'packaging' END,
  CASE WHEN :sev <= 30 THEN 'low' WHEN :sev <= 75 THEN 'medium' WHEN :sev <= 95 THEN 'high' ELSE 'critical' END,
  'Customer reports parts out of specification at their incoming inspection: :q units affected.', :q, :q * 25,
  now() + CASE WHEN :sev > 95 THEN interval '24 hours' WHEN :sev > 75 THEN interval '48 hours' ELSE interval '72 hours' END,
  'open', 20 * ((:p - 1) % ((:n_employees - 1) / 20 + 1)) + 1, now(), now(), 'customer_service');
COMMIT;
