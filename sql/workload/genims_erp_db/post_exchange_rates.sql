-- The treasury feed publishes today's closing rates (re-published rates overwrite).
\set bp random(-40, 40)
BEGIN;
INSERT INTO exchange_rates (currency_code, rate_date, units_per_usd, usd_per_unit, source,
                            created_at, updated_at, modified_by)
SELECT DISTINCT ON (r.currency_code) r.currency_code, current_date,
       round(r.units_per_usd * (10000 + :bp) / 10000, 4),
       1 / round(r.units_per_usd * (10000 + :bp) / 10000, 4)::double precision, 'treasury', now(),
       now(), 'fx_feed'
FROM exchange_rates r
ORDER BY r.currency_code, r.rate_date DESC
ON CONFLICT (currency_code, rate_date) DO UPDATE
SET units_per_usd = EXCLUDED.units_per_usd, usd_per_unit = EXCLUDED.usd_per_unit,
    updated_at = now(), modified_by = EXCLUDED.modified_by;
COMMIT;
