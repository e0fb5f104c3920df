#!/usr/bin/env bash
# Audit retention with a fake clock: ten years of chained history (2020-2028 and 2030) for one
# source database in a scratch audit database, a legal hold on 2024 and a released hold on
# 2021. Judged at 2036-06-01 with the default 7 years, retention drops exactly the partitions
# of 2020-2023 and 2025-2028, keeps 2024 (held) and 2030 (not expired), records each drop's
# chain anchor first, and verify audit still passes, the chain restarting from the anchors.
# A kill -9 after the intent is logged leaves the partition and an intact chain; the next run
# completes the drop.
source "$(dirname "$0")/lib.sh"
: "${GENIMS_BUILD_DIR:?the test fixture sets GENIMS_BUILD_DIR}"
cdc="$GENIMS_BUILD_DIR/connector/genims-cdc"
fixture="$GENIMS_BUILD_DIR/tests/audit_fixture"
work=$(mktemp -d)
scratch=genims_audit_retention_test
export MYSQL_AUDIT_DB=$scratch MYSQL_REPORTING_HOST=
trap 'mysql_admin -e "DROP DATABASE IF EXISTS $scratch" 2>/dev/null; rm -rf "$work"' EXIT
adb() { mysql_admin --database=$scratch "$@"; }
partitions() {
  adb -e "SELECT GROUP_CONCAT(PARTITION_NAME ORDER BY PARTITION_ORDINAL_POSITION) FROM
          information_schema.PARTITIONS WHERE TABLE_SCHEMA = '$scratch' AND TABLE_NAME = 'data_change_audit'"
}

mysql_admin -e "DROP DATABASE IF EXISTS $scratch"
check "ten years of chained history" "$fixture" "$MYSQL_AUDIT_HOST" "$MYSQL_AUDIT_PORT" \
  "$MYSQL_AUDIT_USER" "$MYSQL_AUDIT_PASSWORD" $scratch retention_test_db 5 \
  2020 2021 2022 2023 2024 2025 2026 2027 2028 2030
check "verify audit passes on the history" "$cdc" --env-file "$STACK_ENV" verify audit
check "a legal hold on 2024 and a released one on 2021" adb -e "
  INSERT INTO legal_holds (hold_name, matter_ref, placed_by, covers_from, covers_to, scope, reason)
  VALUES ('matter-42', 'M-42', 'legal@genims', '2024-01-01', '2024-12-31 23:59:59',
          '{\"tables\": [\"data_change_audit\"], \"source_dbs\": []}', 'litigation'),
         ('matter-7', 'M-7', 'legal@genims', '2021-01-01', '2021-12-31 23:59:59',
          '{\"tables\": [], \"source_dbs\": []}', 'settled');
  INSERT INTO legal_hold_releases (hold_id, released_by, reason)
  SELECT hold_id, 'legal@genims', 'matter settled' FROM legal_holds WHERE hold_name = 'matter-7'"

"$cdc" --env-file "$STACK_ENV" audit retention --as-of 2036-06-01 >"$work/dry.txt" 2>&1
check_eq "dry run: exit 0" 0 $?
check_eq "dry run: data_change_audit partitions it would drop" \
  "p_before_2020 p2020 p2021 p2022 p2023 p2025 p2026 p2027 p2028" \
  "$(awk '$1 == "data_change_audit" && /would drop/ {print $2}' "$work/dry.txt" | paste -sd' ')"
check "dry run: 2024 kept by the hold" grep -Eq "^data_change_audit +p2024 +5 rows +kept: legal hold" "$work/dry.txt"
check_eq "dry run: every partition still there" 18 "$(partitions | tr ',' '\n' | wc -l)"

# A kill -9 right after the first intent is logged: the partition is still there, the chain too.
GENIMS_TEST_CRASH_AT=retention_after_intent "$cdc" --env-file "$STACK_ENV" audit retention \
  --as-of 2036-06-01 --apply >"$work/crash.txt" 2>&1
check_eq "killed after the intent (exit 137)" 137 $?
check_eq "the intent is on record" 1 "$(adb -e "SELECT COUNT(*) FROM system_audit_log WHERE event_type = 'retention_drop'")"
check_eq "no partition is gone" 18 "$(partitions | tr ',' '\n' | wc -l)"
check "verify audit passes after the crash" "$cdc" --env-file "$STACK_ENV" verify audit

"$cdc" --env-file "$STACK_ENV" audit retention --as-of 2036-06-01 --apply >"$work/apply.txt" 2>&1
check_eq "apply: exit 0" 0 $?
check_eq "exactly the eligible partitions are gone" \
  "p2024,p2029,p2030,p2031,p2032,p2033,p2034,p2035,p_future" "$(partitions)"
check_eq "the held year's rows are all there" 5 \
  "$(adb -e "SELECT COUNT(*) FROM data_change_audit WHERE YEAR(commit_time) = 2024")"
check_eq "the recent rows are all there" 5 \
  "$(adb -e "SELECT COUNT(*) FROM data_change_audit WHERE YEAR(commit_time) = 2030")"
check_eq "each data_change_audit drop recorded with its rows" 8 \
  "$(adb -e "SELECT COUNT(*) FROM retention_executions WHERE table_name = 'data_change_audit' AND action = 'DROPPED' AND rows_in_partition = 5")"
check_eq "the hold recorded" 1 "$(adb -e "SELECT COUNT(*) FROM retention_executions WHERE action = 'SKIPPED_LEGAL_HOLD' AND partition_name = 'p2024' AND table_name = 'data_change_audit'")"
check "the anchors name the chain heads" test "$(adb -e "SELECT COUNT(*) FROM system_audit_log s,
  JSON_TABLE(s.details, '\$.anchors[*]' COLUMNS (db VARCHAR(64) PATH '\$.source_db')) j
  WHERE s.event_type = 'retention_drop' AND j.db = 'retention_test_db'")" -ge 8
"$cdc" --env-file "$STACK_ENV" verify audit >"$work/verify.txt" 2>&1
check_eq "verify audit passes after retention" 0 $?
check "... the chain restarting from the recorded anchors" \
  grep -Eq "retention_test_db +10 rows +intact .*restarts from 2 retention anchors" "$work/verify.txt"
"$cdc" --env-file "$STACK_ENV" audit retention --as-of 2036-06-01 --apply >"$work/again.txt" 2>&1
check "idempotent: a second run drops nothing of data_change_audit" \
  bash -c "! grep -q '^data_change_audit .*dropped' '$work/again.txt'"

# The compliance report for the period matches counts taken directly with SQL.
"$cdc" --env-file "$STACK_ENV" report compliance --from 2024-01-01 --to 2030-12-31 --format json \
  >"$work/report.json" 2>"$work/report.err"
check_eq "report compliance: exit 0" 0 $?
check_eq "changes in the period: as counted with SQL" \
  "$(adb -e "SELECT COUNT(*) FROM data_change_audit WHERE commit_time >= '2024-01-01' AND commit_time < '2031-01-01'")" \
  "$(jq '[.sections[] | select(.title | startswith("Changes")) | .rows[].changes | tonumber] | add' "$work/report.json")"
check_eq "retention drops in the period: as counted with SQL" \
  "$(adb -e "SELECT COUNT(*) FROM retention_executions WHERE action = 'DROPPED' AND table_name = 'data_change_audit'")" \
  "$(jq -r '.sections[] | select(.title == "Retention actions") | .rows[] | select(.table_name == "data_change_audit" and .action == "DROPPED") | .partitions' "$work/report.json")"
check_eq "the held matter is active at the period's end" yes \
  "$(jq -r '.sections[] | select(.title == "Legal holds") | .rows[] | select(.hold_name == "matter-42") | .active_at_end' "$work/report.json")"
check_eq "the released matter is not" no \
  "$(jq -r '.sections[] | select(.title == "Legal holds") | .rows[] | select(.hold_name == "matter-7") | .active_at_end' "$work/report.json")"
check_eq "the report's verify section: the chain intact" intact \
  "$(jq -r '.sections[] | select(.title | startswith("verify")) | .rows[] | select(.source_db == "retention_test_db") | .status' "$work/report.json")"
"$cdc" --env-file "$STACK_ENV" report compliance --from 2024-01-01 --to 2030-12-31 >"$work/report.md"
check "the markdown report has its sections" bash -c "grep -q '^## Attribution coverage' '$work/report.md' &&
  grep -q '^## GDPR requests' '$work/report.md' && grep -q '^## Legal holds' '$work/report.md'"
finish
