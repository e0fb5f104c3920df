-- The scratch database's tables that tests/integration/audit_sink_test.sh loads (see compare.sql).
CREATE TABLE truth (db text, xid bigint, n int, seq bigint, schema_name text, table_name text,
  op text, old jsonb, new jsonb);
CREATE TABLE msgs (db text, xid bigint, before int, user_id text);
CREATE TABLE cols (db text, table_name text, column_name text, special boolean, not_null boolean,
  in_identity boolean, full_identity boolean);
CREATE TABLE audit_raw (audit_id bigint, db text, xid bigint, n int, schema_name text,
  table_name text, op text, old_hex text, new_hex text, user_hex text, lost_hex text,
  changed_hex text);
