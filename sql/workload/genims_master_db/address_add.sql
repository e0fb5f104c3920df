-- A customer opens a new delivery location.
\set c random(1, :n_customers)
\set no random(1, 2500)
\set zip random(10000, 99999)
\set k random(0, (:n_employees - 20) / 20)
\set rep 20 * :k + 20
BEGIN;
INSERT INTO customer_addresses (customer_id, address_type, line1, city, postal_code, country_code, location, is_default,
                                delivery_instructions, modified_by)
SELECT customer_id, 'ship_to', :no || ' Distribution Park', city, :zip::text, country_code,
       point(location[0] + (:zip % 100) / 1000.0, location[1] - (:no % 100) / 1000.0), false,
       'New site: call receiving 30 min before arrival', 'user' || :rep
FROM customer_addresses
WHERE customer_id = :c AND address_type = 'bill_to'
ORDER BY address_id
LIMIT 1;
COMMIT;
