CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive_numeric AS numeric CHECK (VALUE > 0 OR VALUE = 'NaN');
CREATE SCHEMA "Odd Schema";
CREATE TYPE "Odd Schema"."Mood" AS ENUM ('a', 'b');

-- Every type edge; REPLICA IDENTITY FULL so UPDATE/DELETE carry the whole old row.
CREATE TABLE edge_full (
  id integer PRIMARY KEY,
  t text,
  vc varchar(10),
  ch char(3),
  n numeric,
  n_nn numeric NOT NULL DEFAULT 0,
  n_scaled numeric(10,2),
  r real,
  r_nn real NOT NULL DEFAULT 0,
  d double precision,
  d_nn double precision NOT NULL DEFAULT 0,
  i2 smallint,
  i8 bigint,
  o oid,
  b boolean,
  by bytea,
  j jsonb,
  js json,
  arr text[],
  iarr integer[],
  tstz timestamptz,
  ts timestamp,
  dt date,
  iv interval,
  u uuid,
  m money,
  e mood,
  dom positive_numeric,
  ip inet,
  bits bit varying(8),
  pt point,
  x xml
);
ALTER TABLE edge_full REPLICA IDENTITY FULL;

-- REPLICA IDENTITY DEFAULT with a composite primary key.
CREATE TABLE edge_default (
  k1 integer,
  k2 text,
  payload text,
  big text,
  PRIMARY KEY (k1, k2)
);

-- TOAST: a large incompressible value stored out of line, updated without changing it.
CREATE TABLE toast_full (id integer PRIMARY KEY, big text, other integer NOT NULL);
ALTER TABLE toast_full ALTER COLUMN big SET STORAGE EXTERNAL;
ALTER TABLE toast_full REPLICA IDENTITY FULL;
CREATE TABLE toast_default (id integer PRIMARY KEY, big text, other integer NOT NULL);
ALTER TABLE toast_default ALTER COLUMN big SET STORAGE EXTERNAL;

-- No primary key, REPLICA IDENTITY FULL: "pk" is empty.
CREATE TABLE no_pk (a integer, b text);
ALTER TABLE no_pk REPLICA IDENTITY FULL;

-- Awkward identifiers: quotes, spaces, unicode in schema, table and column names.
CREATE TABLE "Odd Schema"."Wéird ""Table""" ("Col ""1""" integer PRIMARY KEY, "ünï\cöde" text);
-- A type whose name format_type() quotes and schema-qualifies: wal2json 2.5 prints it unescaped.
CREATE TABLE odd_type (id integer PRIMARY KEY, m "Odd Schema"."Mood");

-- Dropped column and a stored generated column.
CREATE TABLE shape (id integer PRIMARY KEY, gone text, kept text, doubled integer GENERATED ALWAYS AS (id * 2) STORED);
ALTER TABLE shape DROP COLUMN gone;

CREATE TABLE trunc_a (id integer PRIMARY KEY);
CREATE TABLE trunc_b (id integer PRIMARY KEY);
