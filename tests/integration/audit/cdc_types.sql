-- A test table with one column of each type the source schemas use (sql/source/*.sql), plus
-- the values wal2json 2.5 handles specially (numeric NaN and ±Infinity in a NOT NULL and in a
-- nullable column, real/double Infinity), numeric(38,18), json, a TOASTed text and a column
-- name that needs escaping. For tests/integration/audit_sink_test.sh only.
CREATE TABLE IF NOT EXISTS public.cdc_types (
  id bigint PRIMARY KEY,
  c_int integer,
  c_small smallint,
  c_num numeric(14,2),
  c_num38 numeric(38,18),
  c_nan numeric NOT NULL DEFAULT 0,       -- NaN here is lost and listed in lost_values
  c_nan_nullable numeric,                 -- NaN here cannot be told from NULL
  c_real real NOT NULL DEFAULT 0,
  c_double double precision,
  c_bool boolean,
  c_char char(3),
  c_text text,
  c_big text,
  c_bytea bytea,
  c_bytea_arr bytea[],
  c_text_arr text[],
  c_int_arr integer[],
  c_double_arr double precision[],
  c_jsonb jsonb,
  c_json json,
  c_ts timestamptz,
  c_date date,
  c_time time,
  c_interval interval,
  c_uuid uuid,
  c_inet inet,
  c_macaddr macaddr,
  c_point point,
  "Mixed ""Case"" ✓" text,
  note text,
  modified_by text);
-- Out of line and uncompressed: a 1 MB value is TOASTed for sure.
ALTER TABLE public.cdc_types ALTER COLUMN c_big SET STORAGE EXTERNAL;
ALTER TABLE public.cdc_types REPLICA IDENTITY FULL;
