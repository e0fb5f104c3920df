-- Deterministic pseudo-random helpers shared by every generator (included with \ir).
--
-- Every value is a pure function of (seed, stream, i): the output of a generator does not
-- depend on query plans, parallel workers, row order or the clock, so the same seed gives
-- the same rows on any run. `stream` names what is being drawn ('wo.qty', 'so.customer')
-- so that two columns of one row are independent draws.
--
-- The functions live in pg_temp: they vanish with the session and never become part of
-- a source database's schema (which the connector captures). Call them qualified:
-- pg_temp.rnd(...).
--
-- Expects the psql variable :seed (an integer).

SELECT set_config('genims.seed', :'seed', false) AS seed \gset

-- Generators are a few large INSERT ... SELECTs: JIT compilation costs seconds and saves nothing.
SET jit = off;

-- Uniform in [0, 1).
CREATE FUNCTION pg_temp.rnd(stream text, i bigint) RETURNS double precision
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (hashint8extended(i, current_setting('genims.seed')::bigint # hashtext(stream)::bigint)
          & 140737488355327)::double precision / 140737488355328.0
$$;

-- Uniform integer in [lo, hi].
CREATE FUNCTION pg_temp.rnd_int(stream text, i bigint, lo bigint, hi bigint) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT lo + floor(pg_temp.rnd(stream, i) * (hi - lo + 1))::bigint
$$;

-- Uniform numeric in [lo, hi), rounded to `digits` decimal places.
CREATE FUNCTION pg_temp.rnd_num(stream text, i bigint, lo numeric, hi numeric, digits int)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT round(lo + (hi - lo) * pg_temp.rnd(stream, i)::numeric, digits)
$$;

-- One element of `choices`, uniformly.
CREATE FUNCTION pg_temp.rnd_pick(stream text, i bigint, choices text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT choices[1 + floor(pg_temp.rnd(stream, i) * array_length(choices, 1))::int]
$$;

-- True with probability p.
CREATE FUNCTION pg_temp.rnd_bool(stream text, i bigint, p double precision) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT pg_temp.rnd(stream, i) < p
$$;
