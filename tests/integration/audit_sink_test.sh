#!/usr/bin/env bash
# The audit sink end to end: a mixed workload over the 13 databases (deploy/workload plus
# scripted special cases: every column type, NULLs, escapes and unicode, numeric(38,18)
# extremes, NaN and ±Infinity, a 1 MB TOASTed text updated through another column, a
# primary key update, TRUNCATE, a rolled-back savepoint, a rolled-back transaction, two-phase
# commit, attributed transactions, a sensitive column), with kill -9 of the connector and a
# MariaDB restart during the run; then data_change_audit is compared value by value with a
# ground truth taken inside PostgreSQL by triggers (audit/truth.sql): nothing missing, nothing
# extra, nothing altered, no duplicate, rolled-back work absent, the user stamped. NaN and
# ±Infinity, which wal2json 2.5 sends as null, are the one expected difference (null, and
# listed in lost_values when the column is NOT NULL). Then `verify audit` passes, fails naming
# the row after a tamper, and passes again once the row is restored.
source "$(dirname "$0")/lib.sh"
: "${GENIMS_BUILD_DIR:?the test fixture sets GENIMS_BUILD_DIR}"
cdc="$GENIMS_BUILD_DIR/connector/genims-cdc"
here="$(cd "$(dirname "$0")" && pwd)/audit"
audit_schema="$GENIMS_ROOT/sql/audit/genims_audit_db.sql"
work=$(mktemp -d)
scratch=audit_sink_test
types_dbs="genims_mes_db genims_erp_db genims_planning_db"  # the ones with public.cdc_types

# Every client session prints values as the replication connection does (the truth
# triggers also set these themselves).
export PGOPTIONS="-c client_min_messages=warning -c TimeZone=UTC -c DateStyle=ISO -c extra_float_digits=3 -c bytea_output=hex"
export CDC_STATE_DIR="$GENIMS_STACK_DIR/audit-sink-test-state"
export DATA_SYNC_RETRY_DELAY=1
export CDC_HEARTBEAT_INTERVAL=1
export CDC_EXCLUDE_TABLES='audit_truth.*'
export CDC_AUDIT_MASK_CHANGES=false  # data_change_audit keeps exact values
export MYSQL_REPORTING_HOST=  # the audit sink alone (integration.reporting has the other)
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
metrics_port=${AUDIT_SINK_TEST_METRICS_PORT:-$(( ${CDC_METRICS_LISTEN##*:} + 101 ))}
while port_in_use "$metrics_port"; do metrics_port=$((metrics_port + 1)); done
export CDC_METRICS_LISTEN="127.0.0.1:$metrics_port"

daemon_pid=""
workload_pid=""
cleanup() {
  [ -z "$daemon_pid" ] || { kill -9 "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null; }
  [ -z "$workload_pid" ] || wait "$workload_pid" 2>/dev/null
  leftovers
  if [ -n "${AUDIT_SINK_TEST_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work" "$CDC_STATE_DIR"; fi
}
trap cleanup EXIT

# What a run (also an interrupted one) leaves behind: prepared transactions, slots, the
# truth schema and test tables, the scratch database.
leftovers() {
  local db short gid
  "$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1
  for db in $(genims_databases); do
    short=${db#genims_}
    for gid in $(pg "$db" "SELECT gid FROM pg_prepared_xacts WHERE gid LIKE 'audit_sink_test%'
                          AND database = current_database()" 2>/dev/null); do
      pg "$db" "ROLLBACK PREPARED '$gid'" >/dev/null 2>&1
    done
    pg "$db" "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
              WHERE slot_name = 'audit_msgs_${short%_db}'" >/dev/null 2>&1
    "$PG_BIN/psql" -X -q -d "$db" -f "$here/uninstall.sql" >/dev/null 2>&1
  done
  pg postgres "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1
  rm -rf "$CDC_STATE_DIR"  # positions of slots that are gone
}

psql_file() {  # psql_file DATABASE: runs stdin, unaligned, tuples only, stops at the first error
  "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$1"
}
adb() { mysql_admin --database=genims_audit_db --max-allowed-packet=512M "$@"; }
start_daemon() {
  "$cdc" --env-file "$STACK_ENV" run >>"$work/daemon.log" 2>&1 &
  daemon_pid=$!
}
kill9_daemon() {
  kill -9 "$daemon_pid" 2>/dev/null
  wait "$daemon_pid" 2>/dev/null
  daemon_pid=""
}
declare -A xid  # label -> xid of a scripted transaction
remember_xids() {  # reads "xid|label|value" lines from psql output, echoes the rest
  local line
  while IFS= read -r line; do
    if [[ "$line" == xid\|* ]]; then
      IFS='|' read -r _ label value <<<"$line"
      xid[$label]=$value
    else
      echo "$line"
    fi
  done
}

leftovers
check "PostgreSQL allows two-phase commit (max_prepared_transactions > 0)" \
  test "$(pg postgres "SHOW max_prepared_transactions")" -gt 0

# Ground truth: test tables, then the triggers on every public table of the 13 databases.
for db in $types_dbs; do
  check "$db: public.cdc_types created" psql_file "$db" <"$here/cdc_types.sql"
done
for db in $(genims_databases); do
  check "$db: audit_truth installed" psql_file "$db" <"$here/truth.sql"
done
check_eq "truth triggers on every public table" 0 "$(for db in $(genims_databases); do
  pg "$db" "SELECT count(*) FROM pg_tables t WHERE schemaname = 'public' AND NOT EXISTS (
    SELECT FROM pg_trigger WHERE tgrelid = format('public.%I', t.tablename)::regclass
    AND tgname = 'A_audit_truth')"; done | awk '{ s += $1 } END { print s + 0 }')"

# setup: genims_audit_db's schema and the slots. Without it nothing below means anything.
"$cdc" --env-file "$STACK_ENV" setup >"$work/setup.txt" 2>&1
setup_status=$?
check_eq "genims-cdc setup exits 0" 0 "$setup_status"
if [ "$setup_status" -ne 0 ]; then
  sed 's/^/  setup: /' "$work/setup.txt" | head -20
  finish
  exit 1
fi
check_eq "setup created a slot per database" 13 "$(pg postgres "SELECT count(*) FROM pg_replication_slots
  WHERE slot_name LIKE '${CDC_SLOT_PREFIX:-genims_cdc_}%'")"
baseline=$(adb -e "SELECT COALESCE(MAX(audit_id), 0) FROM data_change_audit")
check "data_change_audit is readable (rows before this run: up to audit_id $baseline)" \
  test -n "$baseline"
# The genims.audit messages, for the expected user_id: a shadow slot per database that
# decodes nothing but them and the number of row changes before them.
for db in $(genims_databases); do
  short=${db#genims_}
  check "$db: messages shadow slot" test -n "$(pg "$db" \
    "SELECT lsn FROM pg_create_logical_replication_slot('audit_msgs_${short%_db}', 'wal2json')")"
done
check "no truth recorded yet" test "$(for db in $(genims_databases); do
  pg "$db" "SELECT count(*) FROM audit_truth.changes"; done | sort -u)" = 0

# The run: the workload in the background, the special cases in between, a kill -9 of the
# connector at about 6 s and 26 s, a MariaDB restart at about 15 s.
start_daemon
"$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds 36 --seed 21 \
  >"$work/workload.log" 2>&1 &
workload_pid=$!
started=$SECONDS
at() { local wait=$(($1 - (SECONDS - started))); [ $wait -le 0 ] || sleep $wait; }

# Phase 1: the cdc_types rows, a 1 MB TOASTed text, the sensitive column, attribution.
for db in $types_dbs; do
  check "$db: cdc_types rows" psql_file "$db" <"$here/rows.sql"
done
psql_file genims_mes_db >"$work/big.txt" 2>&1 <<'SQL'
INSERT INTO cdc_types (id, c_big, note)
SELECT 5, string_agg(md5(i::text), ''), 'big' FROM generate_series(1, 32768) i;
BEGIN;
SELECT 'xid|toast_update|' || txid_current() % 4294967296;
UPDATE cdc_types SET note = 'big, noted', modified_by = 'toaster' WHERE id = 5;
COMMIT;
SQL
check "mes: 1 MB row inserted and updated through another column" test $? -eq 0
remember_xids <"$work/big.txt" >/dev/null
big_length=$(pg genims_mes_db "SELECT length(c_big) FROM cdc_types WHERE id = 5")
check_eq "the big value is 1 MB" 1048576 "$big_length"
check "the big value lives in the TOAST table" test "$(pg genims_mes_db "SELECT pg_relation_size(reltoastrelid)
  FROM pg_class WHERE oid = 'cdc_types'::regclass")" -gt 1000000

employee=$(pg genims_hcm_db "SELECT min(employee_id) FROM employee_profiles")
salary_before=$(pg genims_hcm_db "SELECT salary FROM employee_profiles WHERE employee_id = $employee")
out=$(psql_file genims_hcm_db <<SQL
BEGIN;
SELECT 'xid|salary|' || txid_current() % 4294967296;
UPDATE employee_profiles SET salary = salary + 1234.56 WHERE employee_id = $employee RETURNING salary;
COMMIT;
SQL
)
check "hcm: salary update" test $? -eq 0
remember_xids <<<"$out" >"$work/salary.txt"
salary_after=$(cat "$work/salary.txt")

# Attribution: the message stamps the changes after it; before it and without it, the
# modified_by column counts.
read -r cmms_table cmms_key <<<"$(pg genims_cmms_db "SELECT c.table_name, k.column_name
  FROM information_schema.columns c JOIN information_schema.columns k
    ON k.table_schema = 'public' AND k.table_name = c.table_name AND k.ordinal_position = 1
  WHERE c.table_schema = 'public' AND c.column_name = 'modified_by' ORDER BY 1 LIMIT 1" | tr '|' ' ')"
cmms_row="$cmms_key = (SELECT min($cmms_key) FROM $cmms_table)"
out=$(psql_file genims_cmms_db <<SQL
BEGIN;
SELECT 'xid|attributed|' || txid_current() % 4294967296;
UPDATE $cmms_table SET modified_by = 'before-message' WHERE $cmms_row;
SELECT pg_logical_emit_message(true, 'genims.audit', '{"user_id":"alice"}') IS NOT NULL;
UPDATE $cmms_table SET modified_by = 'bob' WHERE $cmms_row;
UPDATE $cmms_table SET modified_by = NULL WHERE $cmms_row;
COMMIT;
BEGIN;
SELECT 'xid|column_user|' || txid_current() % 4294967296;
UPDATE $cmms_table SET modified_by = 'carol' WHERE $cmms_row;
COMMIT;
SQL
)
check "cmms: attributed transaction on $cmms_table" test $? -eq 0
remember_xids <<<"$out" >/dev/null
out=$(psql_file genims_mes_db <<'SQL'
BEGIN;
SELECT pg_logical_emit_message(true, 'genims.audit', '{"user_id":"zoë \"z\" 😀"}') IS NOT NULL;
SELECT 'xid|attributed_delete|' || txid_current() % 4294967296;
DELETE FROM cdc_types WHERE id = 4;
COMMIT;
SQL
)
check "mes: attributed DELETE" test $? -eq 0
remember_xids <<<"$out" >/dev/null

at 6
kill9_daemon
start_daemon

# Phase 2: one row of every table of every database updated to itself (every real column
# type through the pipeline), each in its own transaction so the workload cannot deadlock
# with it; a primary key update; savepoints.
for db in $(genims_databases); do
  pg "$db" "SELECT format('UPDATE public.%I SET %I = %I WHERE ctid = (SELECT ctid FROM public.%I LIMIT 1);',
      c.relname, a.attname, a.attname, c.relname)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1
    WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname" >"$work/touch.sql"
  check "$db: every table touched" psql_file "$db" <"$work/touch.sql"
done
out=$(psql_file genims_mes_db <<'SQL'
BEGIN;
SELECT 'xid|pk_update|' || txid_current() % 4294967296;
UPDATE cdc_types SET id = 102 WHERE id = 2;
UPDATE cdc_types SET c_int = c_int + 1, c_nan = c_nan WHERE id = 3;
COMMIT;
SQL
)
check "mes: primary key update" test $? -eq 0
remember_xids <<<"$out" >/dev/null
out=$(psql_file genims_erp_db <<'SQL'
BEGIN;
SELECT 'xid|savepoint|' || txid_current() % 4294967296;
INSERT INTO cdc_types (id, note) VALUES (10, 'savepoint kept 1');
SAVEPOINT s1;
INSERT INTO cdc_types (id, note) VALUES (11, 'ROLLED-BACK-MARKER savepoint');
UPDATE cdc_types SET note = 'ROLLED-BACK-MARKER savepoint' WHERE id = 1;
ROLLBACK TO SAVEPOINT s1;
UPDATE cdc_types SET note = 'savepoint kept 2' WHERE id = 10;
SAVEPOINT s2;
INSERT INTO cdc_types (id, note) VALUES (12, 'savepoint released');
RELEASE SAVEPOINT s2;
COMMIT;
BEGIN;
SELECT 'xid|rolled_back|' || txid_current() % 4294967296;
INSERT INTO cdc_types (id, note) VALUES (20, 'ROLLED-BACK-MARKER transaction');
UPDATE cdc_types SET note = 'ROLLED-BACK-MARKER transaction' WHERE id = 3;
DELETE FROM cdc_types WHERE id = 1;
ROLLBACK;
SQL
)
check "erp: savepoints and a rolled-back transaction" test $? -eq 0
remember_xids <<<"$out" >/dev/null

at 15
check "MariaDB restarted under the connector" \
  bash -c "'$GENIMS_ROOT/deploy/local-stack' restart-mariadb >'$work/restart.txt' 2>&1"

# Phase 3 (MariaDB just came back): two-phase commit, TRUNCATE, the DELETE of the big row.
out=$(psql_file genims_planning_db <<'SQL'
BEGIN;
SELECT 'xid|two_phase|' || txid_current() % 4294967296;
INSERT INTO cdc_types (id, note) VALUES (30, 'two-phase');
UPDATE cdc_types SET c_num = 1.00 WHERE id = 1;
PREPARE TRANSACTION 'audit_sink_test_2pc';
COMMIT PREPARED 'audit_sink_test_2pc';
BEGIN;
SELECT 'xid|two_phase_rolled_back|' || txid_current() % 4294967296;
INSERT INTO cdc_types (id, note) VALUES (31, 'ROLLED-BACK-MARKER two-phase');
PREPARE TRANSACTION 'audit_sink_test_2pc_rollback';
ROLLBACK PREPARED 'audit_sink_test_2pc_rollback';
BEGIN;
SELECT 'xid|truncate|' || txid_current() % 4294967296;
INSERT INTO cdc_types (id, note) VALUES (40, 'before truncate');
TRUNCATE cdc_types;
INSERT INTO cdc_types (id, note) VALUES (41, 'after truncate');
COMMIT;
SQL
)
check "planning: two-phase commit, rolled-back two-phase, TRUNCATE" test $? -eq 0
remember_xids <<<"$out" >/dev/null
out=$(psql_file genims_mes_db <<'SQL'
BEGIN;
SELECT 'xid|big_delete|' || txid_current() % 4294967296;
DELETE FROM cdc_types WHERE id IN (1, 5);
COMMIT;
SQL
)
check "mes: DELETE of the 1 MB row" test $? -eq 0
remember_xids <<<"$out" >/dev/null

at 26
kill9_daemon
sleep 2
start_daemon
check "the workload ran without a failure" wait "$workload_pid"
workload_pid=""
grep '^workload' "$work/workload.log" | tail -3

# Rolled-back work never reached the truth.
check_eq "the truth has no rolled-back work" 0 "$(for db in $(genims_databases); do
  pg "$db" "SELECT count(*) FROM audit_truth.changes WHERE new::text LIKE '%ROLLED-BACK-MARKER%'
    OR xid % 4294967296 IN (${xid[rolled_back]:-0}, ${xid[two_phase_rolled_back]:-0})"
  done | awk '{ s += $1 } END { print s + 0 }')"

# Caught up: the audit rows stop changing at the truth's count (at most 120 s).
truth_count=$(for db in $(genims_databases); do pg "$db" "SELECT count(*) FROM audit_truth.changes"; done |
  awk '{ s += $1 } END { print s + 0 }')
databases_in=$(genims_databases | sed "s/.*/'&'/" | paste -sd,)
count_audit() {
  adb -e "SELECT count(*) FROM data_change_audit WHERE audit_id > $baseline AND source_db IN ($databases_in)"
}
previous=-1
for _ in $(seq 1 60); do
  audited=$(count_audit)
  [ "$audited" = "$truth_count" ] && [ "$audited" = "$previous" ] && break
  kill -0 "$daemon_pid" 2>/dev/null || break
  previous=$audited
  sleep 2
done
check_eq "data_change_audit caught up with the truth" "$truth_count" "$audited"
check "the truth saw a real workload ($truth_count changes)" test "$truth_count" -gt 1000
check "the connector is still running" kill -0 "$daemon_pid"
kill -TERM "$daemon_pid"
wait "$daemon_pid"
check_eq "genims-cdc run drains and exits 0 on SIGTERM" 0 "$?"
daemon_pid=""

# The comparison, in a scratch database: the truth, the messages, the columns, the audit.
check "scratch database" pg postgres "CREATE DATABASE $scratch"
check "scratch tables" psql_file "$scratch" <"$here/schema.sql"
for db in $(genims_databases); do
  short=${db#genims_}
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" -c "COPY (
    SELECT current_database(), xid % 4294967296,
      row_number() OVER (PARTITION BY xid ORDER BY seq), seq, schema_name, table_name, op,
      audit_truth.hstore_to_jsonb(old), audit_truth.hstore_to_jsonb(new)
    FROM audit_truth.changes) TO STDOUT" >"$work/truth.$db"
  check "$db: truth exported" test $? -eq 0
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" -c "COPY (
    WITH c AS (
      SELECT o, xid::text::bigint AS xid, data::jsonb AS j
      FROM pg_logical_slot_peek_changes('audit_msgs_${short%_db}', NULL, NULL,
        'format-version', '2', 'include-xids', '1', 'include-types', '0',
        'filter-tables', 'audit_truth.*', 'add-msg-prefixes', 'genims.audit') WITH ORDINALITY p(l, xid, data, o))
    SELECT current_database(), m.xid,
      (SELECT count(*) FROM c x WHERE x.xid = m.xid AND x.o < m.o AND x.j->>'action' IN ('I', 'U', 'D', 'T')),
      (m.j->>'content')::jsonb->>'user_id'
    FROM c m WHERE m.j->>'action' = 'M' AND (m.j->>'transactional')::boolean) TO STDOUT" >"$work/msgs.$db"
  check "$db: messages exported" test $? -eq 0
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" -c "COPY (
    SELECT current_database(), c.relname, a.attname,
      a.atttypid IN ('numeric'::regtype, 'real'::regtype, 'double precision'::regtype), a.attnotnull,
      CASE c.relreplident WHEN 'f' THEN true WHEN 'n' THEN false
        ELSE EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND a.attnum = ANY (i.indkey::int2[])
          AND CASE c.relreplident WHEN 'd' THEN i.indisprimary ELSE i.indisreplident END) END,
      c.relreplident = 'f'
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped) TO STDOUT" \
    >"$work/cols.$db"
  check "$db: columns exported" test $? -eq 0
done
cat "$work"/truth.genims_* | "$PG_BIN/psql" -X -q -d "$scratch" -c "COPY truth FROM STDIN"
cat "$work"/msgs.genims_* | "$PG_BIN/psql" -X -q -d "$scratch" -c "COPY msgs FROM STDIN"
cat "$work"/cols.genims_* | "$PG_BIN/psql" -X -q -d "$scratch" -c "COPY cols FROM STDIN"
check_eq "truth rows in the scratch database" "$truth_count" "$(pg "$scratch" "SELECT count(*) FROM truth")"
check "the messages include the workload's and ours" \
  test "$(pg "$scratch" "SELECT count(DISTINCT user_id) FROM msgs")" -ge 2
# MariaDB to PostgreSQL: JSON and user_id travel as hex, so no escaping can alter them.
adb -e "SELECT audit_id, source_db, transaction_id, event_seq, source_schema, source_table,
    operation, IFNULL(HEX(old_values), '-'), IFNULL(HEX(new_values), '-'), IFNULL(HEX(user_id), '-'),
    IFNULL(HEX(lost_values), '-'), IFNULL(HEX(changed_columns), '-')
  FROM data_change_audit WHERE audit_id > $baseline AND source_db IN ($databases_in)" >"$work/audit.tsv"
check "data_change_audit exported" test $? -eq 0
"$PG_BIN/psql" -X -q -d "$scratch" -c "COPY audit_raw FROM STDIN" <"$work/audit.tsv"
check_eq "audit rows in the scratch database" "$audited" "$(pg "$scratch" "SELECT count(*) FROM audit_raw")"
check "comparison" psql_file "$scratch" <"$here/compare.sql"

report() {  # report TABLE COLUMNS: the first rows of a result table, indented
  pg "$scratch" "SELECT $2 FROM $1 ORDER BY 1, 2, 3 LIMIT 8" | sed 's/^/    /'
}
read -r missing extra altered <<<"$(pg "$scratch" "SELECT count(*) FILTER (WHERE kind = 'missing'),
  count(*) FILTER (WHERE kind = 'extra'), count(*) FILTER (WHERE kind = 'altered') FROM mismatches" | tr '|' ' ')"
check_eq "nothing missing from data_change_audit" 0 "$missing"
check_eq "nothing extra in data_change_audit" 0 "$extra"
check_eq "nothing altered in data_change_audit" 0 "$altered"
[ "$((missing + extra + altered))" -eq 0 ] || report mismatches "db, xid, n, kind, audit_id, what, left(detail, 600)"
duplicates=$(pg "$scratch" "SELECT count(*) FROM duplicates")
check_eq "no change recorded twice" 0 "$duplicates"
[ "$duplicates" -eq 0 ] || report duplicates "db, xid, n, copies, audit_ids"
changed=$(pg "$scratch" "SELECT count(*) FROM changed_mismatches")
check_eq "changed_columns of every UPDATE are the columns that changed" 0 "$changed"
[ "$changed" -eq 0 ] || report changed_mismatches "db, xid, n, audit_id, table_name, expected, audit"
read -r specials lost_expected <<<"$(pg "$scratch" "SELECT sum(specials),
  sum(cardinality(lost_old) + cardinality(lost_new)) FROM expected" | tr '|' ' ')"
echo "     ($specials NaN/±Infinity values arrived as null as documented; $lost_expected of them NOT NULL, listed in lost_values)"
check "NaN/±Infinity in nullable columns were exercised" test "${specials:-0}" -gt "${lost_expected:-0}"
check "NaN/±Infinity in NOT NULL columns were exercised" test "${lost_expected:-0}" -gt 0
check_eq "every operation is in the comparison" "DELETE,INSERT,TRUNCATE,UPDATE" \
  "$(pg "$scratch" "SELECT string_agg(DISTINCT op, ',' ORDER BY op) FROM expected")"
check_eq "all 13 databases are in the comparison" 13 "$(pg "$scratch" "SELECT count(DISTINCT db) FROM audit")"

# The transport itself: the escape row's text, extracted by MariaDB, has PostgreSQL's bytes.
for db in $types_dbs; do
  check_eq "$db: the escape row's text reads back byte for byte in MariaDB" \
    "$(pg "$scratch" "SELECT upper(encode(convert_to(concat_ws('|', new->>'c_text', new->>'c_char',
        new->>'c_jsonb'), 'UTF8'), 'hex')) FROM truth WHERE db = '$db' AND table_name = 'cdc_types'
        AND op = 'INSERT' AND new->>'id' = '3'")" \
    "$(adb -e "SELECT HEX(CONCAT_WS('|', JSON_UNQUOTE(JSON_EXTRACT(new_values, '$.c_text')),
        JSON_UNQUOTE(JSON_EXTRACT(new_values, '$.c_char')), JSON_UNQUOTE(JSON_EXTRACT(new_values, '$.c_jsonb'))))
      FROM data_change_audit WHERE audit_id > $baseline AND source_db = '$db' AND source_table = 'cdc_types'
        AND operation = 'INSERT' AND JSON_UNQUOTE(JSON_EXTRACT(new_values, '$.id')) = '3'")"
done

# The special cases, one by one (the comparison covers their values).
audit_rows() {  # audit_rows DB LABEL [CONDITION]: rows of a scripted transaction
  adb -e "SELECT count(*) FROM data_change_audit WHERE audit_id > $baseline AND source_db = '$1'
    AND transaction_id = ${xid[$2]:-0} ${3:+AND $3}"
}
check_eq "rolled-back transaction absent" 0 "$(audit_rows genims_erp_db rolled_back)"
check_eq "rolled-back two-phase transaction absent" 0 "$(audit_rows genims_planning_db two_phase_rolled_back)"
check_eq "no rolled-back marker anywhere in data_change_audit" 0 \
  "$(adb -e "SELECT count(*) FROM data_change_audit WHERE audit_id > $baseline
    AND (new_values LIKE '%ROLLED-BACK-MARKER%' OR old_values LIKE '%ROLLED-BACK-MARKER%')")"
check_eq "savepoint: the kept changes, numbered 1..3" "1:INSERT,2:UPDATE,3:INSERT" \
  "$(adb -e "SELECT GROUP_CONCAT(CONCAT(event_seq, ':', operation) ORDER BY event_seq)
    FROM data_change_audit WHERE audit_id > $baseline AND source_db = 'genims_erp_db'
    AND transaction_id = ${xid[savepoint]:-0}")"
check_eq "two-phase commit recorded (INSERT, UPDATE)" 2 "$(audit_rows genims_planning_db two_phase)"
check_eq "TRUNCATE between two INSERTs" "1:INSERT,2:TRUNCATE,3:INSERT" \
  "$(adb -e "SELECT GROUP_CONCAT(CONCAT(event_seq, ':', operation) ORDER BY event_seq)
    FROM data_change_audit WHERE audit_id > $baseline AND source_db = 'genims_planning_db'
    AND transaction_id = ${xid[truncate]:-0}")"
check_eq "TRUNCATE has neither old nor new values" 1 \
  "$(audit_rows genims_planning_db truncate "operation = 'TRUNCATE' AND old_values IS NULL AND new_values IS NULL")"
check_eq "TRUNCATE in bulk_operation_audit" 1 "$(adb -e "SELECT count(*) FROM bulk_operation_audit
  WHERE source_db = 'genims_planning_db' AND transaction_id = ${xid[truncate]:-0} AND operation_kind = 'TRUNCATE'")"
check_eq "primary key update: one UPDATE from id 2 to 102" "2|102" "$(adb -e "SELECT
  JSON_UNQUOTE(JSON_EXTRACT(old_values, '$.id')), JSON_UNQUOTE(JSON_EXTRACT(new_values, '$.id'))
  FROM data_change_audit WHERE audit_id > $baseline AND source_db = 'genims_mes_db'
  AND transaction_id = ${xid[pk_update]:-0} AND event_seq = 1" | tr '\t' '|')"
check_eq "TOAST: the unchanged 1 MB column is whole in the UPDATE's new row, and not changed" \
  "1048576|1048576|0" "$(adb -e "SELECT CHAR_LENGTH(JSON_UNQUOTE(JSON_EXTRACT(new_values, '$.c_big'))),
    CHAR_LENGTH(JSON_UNQUOTE(JSON_EXTRACT(old_values, '$.c_big'))),
    JSON_CONTAINS(changed_columns, '\"c_big\"')
  FROM data_change_audit WHERE audit_id > $baseline AND source_db = 'genims_mes_db'
  AND transaction_id = ${xid[toast_update]:-0}" | tr '\t' '|')"
check_eq "the 1 MB row's DELETE keeps it in old_values" 1048576 "$(adb -e "SELECT
  CHAR_LENGTH(JSON_UNQUOTE(JSON_EXTRACT(old_values, '$.c_big'))) FROM data_change_audit
  WHERE audit_id > $baseline AND source_db = 'genims_mes_db' AND transaction_id = ${xid[big_delete]:-0}
  AND JSON_UNQUOTE(JSON_EXTRACT(old_values, '$.id')) = '5'")"
check_eq "attribution: column before the message, alice after it, carol by column" \
  "before-message,alice,alice|carol" "$(adb -e "SELECT
    (SELECT GROUP_CONCAT(IFNULL(user_id, 'NULL') ORDER BY event_seq) FROM data_change_audit
     WHERE audit_id > $baseline AND source_db = 'genims_cmms_db' AND transaction_id = ${xid[attributed]:-0}),
    (SELECT GROUP_CONCAT(IFNULL(user_id, 'NULL')) FROM data_change_audit
     WHERE audit_id > $baseline AND source_db = 'genims_cmms_db' AND transaction_id = ${xid[column_user]:-0})" | tr '\t' '|')"

# Sensitive: the salary change is in sensitive_change_log, masked.
read -r s_rows s_old s_new <<<"$(adb -e "SELECT count(*), IFNULL(MAX(old_value_masked), 'NULL'),
    IFNULL(MAX(new_value_masked), 'NULL') FROM sensitive_change_log
  WHERE source_db = 'genims_hcm_db' AND source_table = 'employee_profiles' AND column_name = 'salary'
  AND transaction_id = ${xid[salary]:-0}")"
check_eq "sensitive_change_log has the salary change" 1 "$s_rows"
check "its values are masked ($s_old -> $s_new, really $salary_before -> $salary_after)" \
  test -n "$salary_after" -a "$s_old" != "$salary_before" -a "$s_new" != "$salary_after" -a "$s_new" != NULL
check "salary is exact in data_change_audit (CDC_AUDIT_MASK_CHANGES=false)" test "$(adb -e "SELECT
  JSON_UNQUOTE(JSON_EXTRACT(new_values, '$.salary')) FROM data_change_audit WHERE audit_id > $baseline
  AND source_db = 'genims_hcm_db' AND transaction_id = ${xid[salary]:-0}")" = "$salary_after"

check "the connector log has no gap or data loss" bash -c "! grep -Eiq 'gap|data loss|out of sequence' '$work/daemon.log'"

# verify audit: passes; fails naming a tampered row; passes again once it is restored.
"$cdc" --env-file "$STACK_ENV" verify audit >"$work/verify1.txt" 2>&1
check_eq "verify audit passes" 0 "$?"
victim=$(adb -e "SELECT audit_id FROM data_change_audit WHERE audit_id > $baseline
  AND source_db = 'genims_erp_db' AND source_table = 'cdc_types' AND operation = 'INSERT'
  AND JSON_UNQUOTE(JSON_EXTRACT(new_values, '$.id')) = '3'")
original=$(adb -e "SELECT HEX(new_values) FROM data_change_audit WHERE audit_id = ${victim:-0}")
trigger=$(sed -n '/^CREATE TRIGGER data_change_audit_no_update /,/;$/p' "$audit_schema")
check "the append-only trigger's definition is in the schema file" grep -q SIGNAL <<<"$trigger"
tamper() {  # tamper NEW_VALUES_EXPRESSION: as the admin, around the append-only trigger
  adb -e "DROP TRIGGER data_change_audit_no_update;
    UPDATE data_change_audit SET new_values = $1 WHERE audit_id = ${victim:-0};
    $trigger"
}
check "tamper with audit row $victim as the admin" tamper "JSON_SET(new_values, '$.c_int', '-1')"
check_eq "the trigger is back" 1 "$(adb -e "SELECT count(*) FROM information_schema.triggers
  WHERE trigger_schema = 'genims_audit_db' AND trigger_name = 'data_change_audit_no_update'")"
"$cdc" --env-file "$STACK_ENV" verify audit >"$work/verify2.txt" 2>&1
check_eq "verify audit exits 1 after the tamper" 1 "$?"
check "and names audit_id $victim" grep -qw -- "$victim" "$work/verify2.txt"
sed 's/^/    verify: /' "$work/verify2.txt" | head -5
check "restore the row" tamper "CONVERT(UNHEX('$original') USING utf8mb4)"
"$cdc" --env-file "$STACK_ENV" verify audit >"$work/verify3.txt" 2>&1
check_eq "verify audit passes again once restored" 0 "$?"

if [ "$FAILURES" -gt 0 ]; then
  echo "--- connector log (last 30 lines)"
  tail -30 "$work/daemon.log"
fi
finish
