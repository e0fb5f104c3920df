-- The FX feed publishes (or corrects) today's rate of one currency.
\set cur random(2, 11)
\set bp random(-60, 60)
BEGIN;
INSERT INTO exchange_rates (currency_id, rate_date, units_per_usd, source, modified_by)
SELECT currency_id, current_date, round(units_per_usd * (1 + :bp / 10000.0), 6), 'ECB reference', 'fx_feed'
FROM exchange_rates
WHERE currency_id = :cur
ORDER BY rate_date DESC
LIMIT 1
ON CONFLICT (currency_id, rate_date)
  DO UPDATE SET units_per_usd = EXCLUDED.units_per_usd, updated_at = now(), modified_by = EXCLUDED.modified_by;
COMMIT;
