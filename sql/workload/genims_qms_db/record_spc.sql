-- A line records an X-bar/R subgroup of five parts for the critical characteristic of a
-- product made in that line's factory.
\set l random(1, 4 * :n_factories)
\set k random(0, (:n_products - 1) / :n_factories)
\set a random(-100, 100)
\set b random(-100, 100)
\set c random(-100, 100)
\set d random(-100, 100)
\set e random(-100, 100)
\set mach random(1, 5)
BEGIN;
INSERT INTO spc_samples (characteristic_id, product_id, factory_id, line_id, machine_id, sampled_at, subgroup_size,
  measurements, mean, range_value, std_dev, center_line, ucl, lcl, out_of_control, rule_violations, recorded_at)
SELECT x.characteristic_id, x.product_id, x.f, :l, (:l - 1) * 5 + :mach, now(), 5, x.vals, s.mean, s.rng, s.sd,
  x.center, x.center + 3 * x.sigma / sqrt(5), x.center - 3 * x.sigma / sqrt(5),
  s.mean NOT BETWEEN x.center - 3 * x.sigma / sqrt(5) AND x.center + 3 * x.sigma / sqrt(5),
  CASE WHEN s.mean NOT BETWEEN x.center - 3 * x.sigma / sqrt(5) AND x.center + 3 * x.sigma / sqrt(5)
       THEN ARRAY['rule_1_beyond_3_sigma'] ELSE '{}'::text[] END,
  now()
FROM (
  SELECT c.characteristic_id, p.product_id, p.f, ((c.lsl + c.usl) / 2)::double precision AS center,
    ((c.usl - c.lsl) / 8)::double precision AS sigma,
    ARRAY[((c.lsl + c.usl) / 2 + (c.usl - c.lsl) / 8 * :a / 50.0)::double precision,
          ((c.lsl + c.usl) / 2 + (c.usl - c.lsl) / 8 * :b / 50.0)::double precision,
          ((c.lsl + c.usl) / 2 + (c.usl - c.lsl) / 8 * :c / 50.0)::double precision,
          ((c.lsl + c.usl) / 2 + (c.usl - c.lsl) / 8 * :d / 50.0)::double precision,
          ((c.lsl + c.usl) / 2 + (c.usl - c.lsl) / 8 * :e / 50.0)::double precision] AS vals
  FROM (SELECT (:l - 1) / 4 + 1 AS f, (:l - 1) / 4 + 1 + :n_factories * :k AS product_id) p
  JOIN inspection_characteristics c ON c.plan_id = p.product_id AND c.seq = 1
  WHERE p.product_id <= :n_products
) x
CROSS JOIN LATERAL (SELECT avg(v) AS mean, max(v) - min(v) AS rng, stddev_samp(v) AS sd FROM unnest(x.vals) v) s;
COMMIT;
