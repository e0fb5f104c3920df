#!/usr/bin/env bash
# sql/audit: the genims_audit_db schema loads twice (idempotent) into a scratch database, has
# the seed's 30 tables and DESIGN's data_change_audit columns, partitions the growing tables
# by year, enforces the idempotency key, refuses UPDATE and DELETE by trigger, and grants.sql
# gives an account INSERT/SELECT (UPDATE on sink_positions only) and nothing more.
source "$(dirname "$0")/lib.sh"
schema="$GENIMS_ROOT/sql/audit/genims_audit_db.sql"
grants="$GENIMS_ROOT/sql/audit/grants.sql"
db=audit_schema_test
user=audit_schema_test
password="pw_$$_$RANDOM$RANDOM"

cleanup() {
  mysql_admin -e "DROP DATABASE IF EXISTS $db; DROP USER IF EXISTS '$user'@'127.0.0.1'" >/dev/null
}
trap cleanup EXIT
cleanup

adb() { mysql_admin --database="$db" "$@" | tr '\t' '|'; }  # columns joined by |
as_user() {  # as_user SQL: runs as the granted test account; stdout+stderr
  mariadb -h "$MYSQL_AUDIT_HOST" -P "$MYSQL_AUDIT_PORT" -u "$user" --password="$password" \
    -N -B --database="$db" -e "$1" 2>&1
}

check "create the scratch database" mysql_admin -e "CREATE DATABASE $db"
check "schema loads" adb <"$schema"
check "schema loads again (idempotent)" adb <"$schema"

check_eq "30 tables" 30 "$(adb -e "SELECT count(*) FROM information_schema.tables
  WHERE table_schema = '$db' AND table_type = 'BASE TABLE'")"
for t in system_audit_log user_activity_log login_audit api_audit data_change_audit \
  bulk_operation_audit sensitive_change_log config_change_audit sink_positions sla_compliance \
  gdpr_requests legal_holds retention_policy; do
  check_eq "table $t" 1 "$(adb -e "SELECT count(*) FROM information_schema.tables
    WHERE table_schema = '$db' AND table_name = '$t'")"
done

columns=$(adb -e "SELECT column_name FROM information_schema.columns
  WHERE table_schema = '$db' AND table_name = 'data_change_audit'")
for c in audit_id source_db source_schema source_table operation primary_key old_values \
  new_values changed_columns transaction_id commit_lsn event_seq commit_time captured_at \
  user_id row_hash prev_hash lost_values; do
  check "data_change_audit has $c" grep -qx "$c" <<<"$columns"
done
check_eq "operation values" "enum('INSERT','UPDATE','DELETE','TRUNCATE')" \
  "$(adb -e "SELECT column_type FROM information_schema.columns WHERE table_schema = '$db'
    AND table_name = 'data_change_audit' AND column_name = 'operation'")"
check_eq "commit_time keeps microseconds" "datetime(6)" \
  "$(adb -e "SELECT column_type FROM information_schema.columns WHERE table_schema = '$db'
    AND table_name = 'data_change_audit' AND column_name = 'commit_time'")"
check_eq "idempotency key" "source_db,commit_lsn,event_seq,commit_time" \
  "$(adb -e "SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index) FROM information_schema.statistics
    WHERE table_schema = '$db' AND table_name = 'data_change_audit'
    AND index_name = 'uk_data_change_position' AND non_unique = 0")"

for t in system_audit_log user_activity_log login_audit api_audit data_change_audit \
  bulk_operation_audit sensitive_change_log config_change_audit sla_compliance; do
  check_eq "$t is partitioned by year" "RANGE|1" "$(adb -e "SELECT partition_method,
      count(*) >= 10 AND SUM(partition_description = 'MAXVALUE') = 1
    FROM information_schema.partitions WHERE table_schema = '$db' AND table_name = '$t'
    GROUP BY partition_method")"
done
check_eq "sink_positions is not partitioned" 0 "$(adb -e "SELECT count(partition_method)
  FROM information_schema.partitions WHERE table_schema = '$db' AND table_name = 'sink_positions'")"

# Every table but sink_positions refuses UPDATE and DELETE by trigger.
check_eq "58 append-only triggers (29 tables x UPDATE, DELETE)" "58|29|0" "$(adb -e "
  SELECT count(*), count(DISTINCT event_object_table), SUM(event_object_table = 'sink_positions')
  FROM information_schema.triggers WHERE trigger_schema = '$db'
  AND action_timing = 'BEFORE' AND event_manipulation IN ('UPDATE', 'DELETE')")"

insert_into() {  # insert_into SOURCE_DB: one data_change_audit row at LSN 0/16B3748, seq 1
  echo "INSERT INTO data_change_audit (source_db, source_schema, source_table, operation,
  primary_key, old_values, new_values, changed_columns, transaction_id, commit_lsn, event_seq,
  commit_time, row_hash, prev_hash) VALUES ('$1', 'public', 'work_orders', 'UPDATE', '{\"id\": 7}', '{\"id\": 7, \"qty\": 1.50}',
  '{\"id\": 7, \"qty\": 2.50}', '[\"qty\"]', 1234, 23803720, 1, '2026-03-01 10:11:12.123456',
  REPEAT('a', 64), REPEAT('0', 64))"
}
insert=$(insert_into genims_mes_db)
check "INSERT into data_change_audit" adb -e "$insert"
check_eq "the row reads back with its LSN in PostgreSQL's form" "0/16B3748|2026-03-01 10:11:12.123456|2.50" \
  "$(adb -e "SELECT commit_lsn_text, commit_time, JSON_UNQUOTE(JSON_EXTRACT(new_values, '$.qty'))
    FROM data_change_audit")"
dup=$(adb -e "$insert" 2>&1)
check "a duplicate (source_db, commit_lsn, event_seq) is rejected" grep -q "Duplicate entry" <<<"$dup"
check_eq "INSERT IGNORE of a duplicate adds nothing" "1" \
  "$(adb -e "${insert/INSERT INTO/INSERT IGNORE INTO}; SELECT count(*) FROM data_change_audit")"
check "the same position in another source_db is accepted" \
  adb -e "$(insert_into genims_erp_db)"

out=$(adb -e "UPDATE data_change_audit SET user_id = 'mallory'" 2>&1)
check "UPDATE is refused by the trigger" grep -q "data_change_audit is append-only: UPDATE refused" <<<"$out"
out=$(adb -e "DELETE FROM data_change_audit" 2>&1)
check "DELETE is refused by the trigger" grep -q "data_change_audit is append-only: DELETE refused" <<<"$out"
out=$(adb -e "INSERT INTO legal_holds (hold_name, matter_ref, placed_by, covers_from, scope, reason)
  VALUES ('h1', 'm1', 'legal', '2026-01-01', '{}', 'test'); UPDATE legal_holds SET reason = 'x'" 2>&1)
check "UPDATE is refused on a compliance table too" grep -q "legal_holds is append-only: UPDATE refused" <<<"$out"
check_eq "rows unchanged by the refused statements" "2|0" \
  "$(adb -e "SELECT count(*), SUM(user_id IS NOT NULL) FROM data_change_audit")"
check_eq "time defaults are UTC whatever the session time zone" 1 "$(adb -e "
  SET time_zone = '+05:00';
  INSERT INTO system_audit_log (component, event_type, message) VALUES ('test', 'start', 'tz');
  SELECT ABS(TIMESTAMPDIFF(SECOND, event_time, UTC_TIMESTAMP())) < 60 FROM system_audit_log")"
check "sink_positions accepts UPDATE" adb -e "INSERT INTO sink_positions (sink_name, source_db,
  commit_lsn, event_seq) VALUES ('audit', 'genims_mes_db', 1, 1);
  UPDATE sink_positions SET commit_lsn = 23803720, event_seq = 3 WHERE sink_name = 'audit'"

# grants.sql: the account may INSERT and SELECT, UPDATE only sink_positions, nothing more.
out=$(adb -e "source $grants" 2>&1)
check "grants.sql refuses to run without a password" grep -q "SET @cdc_audit_password first" <<<"$out"
check_eq "and creates no account then" 0 "$(mysql_admin -e "SELECT count(*) FROM mysql.user
  WHERE user = 'genims_cdc_audit'")"
check "grants.sql creates the account" adb -e "SET @cdc_audit_password = '$password',
  @cdc_audit_user = '$user', @cdc_audit_host = '127.0.0.1';
source $grants"
check "grants.sql runs again (idempotent)" adb -e "SET @cdc_audit_password = '$password',
  @cdc_audit_user = '$user', @cdc_audit_host = '127.0.0.1';
source $grants"
check "the account can INSERT" as_user "$(insert_into genims_crm_db)"
check_eq "the account can SELECT" 3 "$(as_user "SELECT count(*) FROM data_change_audit")"
check "the account can UPDATE sink_positions" as_user \
  "UPDATE sink_positions SET event_seq = 4 WHERE sink_name = 'audit'"
out=$(as_user "UPDATE data_change_audit SET user_id = 'mallory'")
check "the account cannot UPDATE data_change_audit" grep -q "command denied" <<<"$out"
out=$(as_user "DELETE FROM data_change_audit")
check "the account cannot DELETE" grep -q "command denied" <<<"$out"
out=$(as_user "DELETE FROM sink_positions")
check "the account cannot DELETE from sink_positions" grep -q "command denied" <<<"$out"
out=$(as_user "TRUNCATE TABLE data_change_audit")
check "the account cannot TRUNCATE" grep -q "command denied" <<<"$out"
out=$(as_user "DROP TABLE data_change_audit")
check "the account cannot DROP" grep -q "command denied" <<<"$out"
out=$(as_user "ALTER TABLE data_change_audit DROP PARTITION p2026")
check "the account cannot drop a partition" grep -q "command denied" <<<"$out"
out=$(as_user "DROP TRIGGER data_change_audit_no_update")
check "the account cannot drop a trigger" grep -qE "denied" <<<"$out"
check_eq "account privileges" "INSERT,SELECT|UPDATE:sink_positions" "$(adb -e "
  SELECT (SELECT GROUP_CONCAT(privilege_type ORDER BY privilege_type)
          FROM information_schema.schema_privileges
          WHERE grantee = \"'$user'@'127.0.0.1'\" AND table_schema = '$db'),
         (SELECT GROUP_CONCAT(CONCAT(privilege_type, ':', table_name))
          FROM information_schema.table_privileges
          WHERE grantee = \"'$user'@'127.0.0.1'\" AND table_schema = '$db')")"
check_eq "rows after the account's attempts" "3|0" \
  "$(adb -e "SELECT count(*), SUM(user_id IS NOT NULL) FROM data_change_audit")"

cleanup
check_eq "scratch database dropped" 0 "$(mysql_admin -e "SELECT count(*)
  FROM information_schema.schemata WHERE schema_name = '$db'")"
check_eq "test account dropped" 0 "$(mysql_admin -e "SELECT count(*) FROM mysql.user
  WHERE user = '$user'")"
finish
