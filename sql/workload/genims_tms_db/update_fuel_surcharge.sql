-- The weekly fuel index is published (re-published figures overwrite the week's row).
\set bp random(-30, 30)
BEGIN;
INSERT INTO fuel_surcharges (region, week_start, diesel_price_per_liter, surcharge_pct, created_at,
                             updated_at, modified_by)
SELECT DISTINCT ON (region) region, date_trunc('week', now())::date,
       round(diesel_price_per_liter * (1000 + :bp) / 1000, 4),
       round(surcharge_pct * (1000 + :bp) / 1000, 3), now(), now(), 'fuel_index_feed'
FROM fuel_surcharges
ORDER BY region, week_start DESC
ON CONFLICT (region, week_start) DO UPDATE
SET diesel_price_per_liter = EXCLUDED.diesel_price_per_liter,
    surcharge_pct = EXCLUDED.surcharge_pct, updated_at = now(), modified_by = EXCLUDED.modified_by;
COMMIT;
