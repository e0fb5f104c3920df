-- A delivery location closed: drop the newest non-default ship-to address.
\set c random(1, :n_customers)
BEGIN;
DELETE FROM customer_addresses
WHERE address_id = (SELECT address_id FROM customer_addresses
                    WHERE customer_id = :c AND address_type = 'ship_to' AND NOT is_default
                    ORDER BY address_id DESC LIMIT 1);
COMMIT;
