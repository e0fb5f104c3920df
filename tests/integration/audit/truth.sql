-- Ground truth for tests/integration/audit_sink_test.sh (test only; never in a real database).
-- Installs, in the database it runs in, the schema audit_truth: a table with one row per row
-- change of every table of schema public (and one per TRUNCATE of such a table), written by
-- triggers inside the changing transaction, so what is rolled back is absent from it too.
-- Values are hstore(record): each column's PostgreSQL text output, under the fixed settings
-- of the replication connection (the function's SET clauses), so they compare with
-- data_change_audit value by value. The connector runs with CDC_EXCLUDE_TABLES='audit_truth.*'.
--
-- Trigger order: a table's AFTER triggers fire by name (byte order); "A_audit_truth" sorts
-- before PostgreSQL's "RI_ConstraintTrigger_…", so a row is recorded before the changes an
-- ON DELETE CASCADE makes for it, as in the WAL.
CREATE SCHEMA IF NOT EXISTS audit_truth;
CREATE EXTENSION IF NOT EXISTS hstore SCHEMA audit_truth;

CREATE TABLE IF NOT EXISTS audit_truth.changes (
  seq bigserial PRIMARY KEY,
  xid bigint NOT NULL DEFAULT txid_current(),
  schema_name text NOT NULL,
  table_name text NOT NULL,
  op text NOT NULL,
  old audit_truth.hstore,
  new audit_truth.hstore);

CREATE OR REPLACE FUNCTION audit_truth.record_row() RETURNS trigger LANGUAGE plpgsql
  SET search_path = audit_truth, pg_catalog
  SET TimeZone = 'UTC' SET DateStyle = 'ISO' SET IntervalStyle = 'postgres'
  SET extra_float_digits = 3 SET bytea_output = 'hex'
AS $$
BEGIN
  INSERT INTO audit_truth.changes (schema_name, table_name, op, old, new)
  VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP,
          CASE WHEN TG_OP <> 'INSERT' THEN audit_truth.hstore(OLD) END,
          CASE WHEN TG_OP <> 'DELETE' THEN audit_truth.hstore(NEW) END);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION audit_truth.record_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_truth.changes (schema_name, table_name, op)
  VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME, 'TRUNCATE');
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS "A_audit_truth" ON %s', t);
    EXECUTE format('CREATE TRIGGER "A_audit_truth" AFTER INSERT OR UPDATE OR DELETE ON %s
                    FOR EACH ROW EXECUTE FUNCTION audit_truth.record_row()', t);
    EXECUTE format('DROP TRIGGER IF EXISTS "A_audit_truth_truncate" ON %s', t);
    EXECUTE format('CREATE TRIGGER "A_audit_truth_truncate" AFTER TRUNCATE ON %s
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_truth.record_truncate()', t);
  END LOOP;
END
$$;
