-- Compares data_change_audit with the ground truth, value by value, in a scratch database
-- (tests/integration/audit_sink_test.sh loads the tables of schema.sql first):
--   truth:     audit_truth.changes of the 13 databases, values as hstore_to_jsonb
--   msgs:      the genims.audit messages (from a messages-only shadow slot): user and the
--              number of row changes of its transaction before it
--   cols:      the columns of every public table: numeric/real/double? NOT NULL? in the
--              replica identity? (the whole row when the table is REPLICA IDENTITY FULL, the
--              primary key for DEFAULT: sql/source keeps DEFAULT on append-only telemetry)
--   audit_raw: data_change_audit as exported from MariaDB, JSON and user_id hex-encoded
-- Leaves: expected, audit, mismatches, duplicates, changed_mismatches.

-- Text from MariaDB's hex; JSON that does not parse becomes {"__invalid_json__": text}.
CREATE FUNCTION from_hex(h text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN h = '-' THEN NULL ELSE convert_from(decode(h, 'hex'), 'UTF8') END
$$;
CREATE FUNCTION json_from_hex(h text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN from_hex(h)::jsonb;
EXCEPTION WHEN others THEN
  RETURN jsonb_build_object('__invalid_json__', from_hex(h));
END
$$;
CREATE FUNCTION is_special(p_db text, p_table text, p_column text, v jsonb) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(v #>> '{}' IN ('NaN', 'Infinity', '-Infinity') AND EXISTS (
    SELECT FROM cols c WHERE c.db = p_db AND c.table_name = p_table AND c.column_name = p_column
      AND c.special), false)
$$;
-- The row as the sink can write it: NaN/±Infinity of numeric/real/double become null.
CREATE FUNCTION carried(p_db text, p_table text, r jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_object_agg(e.key, CASE WHEN is_special(p_db, p_table, e.key, e.value)
                                      THEN 'null'::jsonb ELSE e.value END)
  FROM jsonb_each(r) e
$$;
-- The part of an old row the WAL carries: the replica identity's columns.
CREATE FUNCTION identity_part(p_db text, p_table text, r jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_object_agg(e.key, e.value)
  FROM jsonb_each(r) e JOIN cols c ON c.db = p_db AND c.table_name = p_table AND c.column_name = e.key
  WHERE c.in_identity
$$;
CREATE FUNCTION full_identity(p_db text, p_table text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(bool_and(full_identity), false) FROM cols WHERE db = p_db AND table_name = p_table
$$;
-- The NOT NULL columns of a row whose value wal2json 2.5 cannot carry, sorted.
CREATE FUNCTION lost(p_db text, p_table text, r jsonb) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(e.key ORDER BY e.key), '{}')
  FROM jsonb_each(r) e JOIN cols c ON c.db = p_db AND c.table_name = p_table AND c.column_name = e.key
  WHERE c.not_null AND is_special(p_db, p_table, e.key, e.value)
$$;
CREATE FUNCTION sorted(a jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(x ORDER BY x), '{}')
  FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(a) = 'array' THEN a ELSE '[]' END) x
$$;
-- "key: truth | audit" for the keys whose values differ (for the failure report).
CREATE FUNCTION jdiff(t jsonb, a jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN t IS NULL OR a IS NULL THEN left(coalesce(t::text, 'NULL'), 200) || ' | ' ||
                                               left(coalesce(a::text, 'NULL'), 200)
         ELSE string_agg(k || ': ' || left(coalesce(t -> k, 'null')::text, 120) || ' | ' ||
                         left(coalesce((a -> k)::text, '(absent)'), 120), '; ' ORDER BY k) END
  FROM (SELECT jsonb_object_keys(t) UNION SELECT jsonb_object_keys(a)) keys(k)
  WHERE t IS NULL OR a IS NULL OR (t -> k) IS DISTINCT FROM (a -> k)
$$;

CREATE TABLE truth_wal AS  -- the truth as the WAL can carry it: old rows cut to the identity
SELECT db, xid, n, seq, schema_name, table_name, op,
  CASE WHEN full_identity(db, table_name) THEN old ELSE identity_part(db, table_name, old) END AS old,
  new, full_identity(db, table_name) AS full_identity
FROM truth;

CREATE TABLE expected AS
SELECT t.db, t.xid, t.n, t.schema_name, t.table_name, t.op,
  carried(t.db, t.table_name, t.old) AS old, carried(t.db, t.table_name, t.new) AS new,
  CASE WHEN t.old IS NULL THEN '{}' ELSE lost(t.db, t.table_name, t.old) END AS lost_old,
  CASE WHEN t.new IS NULL THEN '{}' ELSE lost(t.db, t.table_name, t.new) END AS lost_new,
  coalesce(m.user_id, CASE WHEN t.op IN ('INSERT', 'UPDATE')
    THEN coalesce(nullif(t.new ->> 'modified_by', ''), nullif(t.new ->> 'updated_by', '')) END) AS user_id,
  CASE WHEN t.op = 'UPDATE' AND t.full_identity THEN (
    SELECT coalesce(array_agg(e.key ORDER BY e.key), '{}') FROM jsonb_each(t.new) e
    WHERE e.value IS DISTINCT FROM t.old -> e.key
      AND NOT is_special(t.db, t.table_name, e.key, e.value)
      AND NOT is_special(t.db, t.table_name, e.key, t.old -> e.key)) END AS changed,
  CASE WHEN t.op = 'UPDATE' THEN (
    SELECT coalesce(array_agg(e.key), '{}') FROM jsonb_each(t.new) e
    WHERE is_special(t.db, t.table_name, e.key, e.value)
       OR is_special(t.db, t.table_name, e.key, t.old -> e.key)) END AS changed_unknowable,
  (SELECT count(*) FROM jsonb_each(coalesce(t.old, '{}')) e
   WHERE is_special(t.db, t.table_name, e.key, e.value)) +
  (SELECT count(*) FROM jsonb_each(coalesce(t.new, '{}')) e
   WHERE is_special(t.db, t.table_name, e.key, e.value)) AS specials
FROM truth_wal t
LEFT JOIN LATERAL (SELECT m.user_id FROM msgs m WHERE m.db = t.db AND m.xid = t.xid
                   AND m.before < t.n ORDER BY m.before DESC LIMIT 1) m ON true;

CREATE TABLE audit AS
SELECT audit_id, db, xid, n, schema_name, table_name, op,
  json_from_hex(old_hex) AS old, json_from_hex(new_hex) AS new, from_hex(user_hex) AS user_id,
  sorted(json_from_hex(lost_hex) -> 'old') AS lost_old,
  sorted(json_from_hex(lost_hex) -> 'new') AS lost_new,
  json_from_hex(lost_hex) AS lost_values,
  json_from_hex(changed_hex) AS changed_columns
FROM audit_raw;

CREATE TABLE duplicates AS
SELECT db, xid, n, count(*) AS copies, string_agg(audit_id::text, ',') AS audit_ids
FROM audit GROUP BY db, xid, n HAVING count(*) > 1;

CREATE TABLE mismatches AS
SELECT coalesce(e.db, a.db) AS db, coalesce(e.xid, a.xid) AS xid, coalesce(e.n, a.n) AS n,
  a.audit_id,
  CASE WHEN a.db IS NULL THEN 'missing' WHEN e.db IS NULL THEN 'extra' ELSE 'altered' END AS kind,
  coalesce(e.schema_name || '.' || e.table_name || ' ' || e.op,
           a.schema_name || '.' || a.table_name || ' ' || a.op) AS what,
  concat_ws('; ',
    CASE WHEN (e.schema_name, e.table_name, e.op) IS DISTINCT FROM (a.schema_name, a.table_name, a.op)
      THEN format('table/op %s.%s %s | %s.%s %s', e.schema_name, e.table_name, e.op,
                  a.schema_name, a.table_name, a.op) END,
    CASE WHEN e.new IS DISTINCT FROM a.new THEN 'new {' || jdiff(e.new, a.new) || '}' END,
    CASE WHEN e.old IS DISTINCT FROM a.old THEN 'old {' || jdiff(e.old, a.old) || '}' END,
    CASE WHEN e.user_id IS DISTINCT FROM a.user_id
      THEN format('user_id %s | %s', coalesce(e.user_id, 'NULL'), coalesce(a.user_id, 'NULL')) END,
    CASE WHEN (e.lost_old, e.lost_new) IS DISTINCT FROM (a.lost_old, a.lost_new)
      THEN format('lost_values old %s new %s | %s', e.lost_old, e.lost_new,
                  coalesce(a.lost_values::text, 'NULL')) END) AS detail
FROM expected e FULL JOIN audit a ON a.db = e.db AND a.xid = e.xid AND a.n = e.n
WHERE a.db IS NULL OR e.db IS NULL
   OR (e.schema_name, e.table_name, e.op, e.old, e.new, e.user_id, e.lost_old, e.lost_new)
      IS DISTINCT FROM (a.schema_name, a.table_name, a.op, a.old, a.new, a.user_id, a.lost_old, a.lost_new);

-- changed_columns of an UPDATE: the columns whose text differs (a TOASTed column that did not
-- change is not listed); columns with a NaN/±Infinity on either side are left out of it.
-- Only where the old row is whole (REPLICA IDENTITY FULL).
CREATE TABLE changed_mismatches AS
SELECT e.db, e.xid, e.n, a.audit_id, e.table_name, e.changed AS expected,
  a.changed_columns AS audit
FROM expected e JOIN audit a ON a.db = e.db AND a.xid = e.xid AND a.n = e.n
WHERE e.op = 'UPDATE' AND a.op = 'UPDATE' AND e.changed IS NOT NULL
  AND e.changed IS DISTINCT FROM (SELECT coalesce(array_agg(x ORDER BY x), '{}')
                                  FROM unnest(sorted(a.changed_columns)) x
                                  WHERE x <> ALL (e.changed_unknowable));
