#!/usr/bin/env bash
# The audit sink through a MariaDB outage: while MariaDB is down the connector keeps
# capturing (the slots keep being confirmed, PostgreSQL's retained WAL stays flat), the sink
# retries with backoff, and after ETL_ERROR_THRESHOLD consecutive failures /healthz answers
# 503, genims_cdc_sink_healthy is 0, `status` and the log say so. Once MariaDB is back the
# sink catches up: every row change a shadow wal2json slot saw is in data_change_audit once,
# the outage is recorded in system_audit_log, /healthz is 200 again and verify audit passes.
source "$(dirname "$0")/lib.sh"
: "${GENIMS_BUILD_DIR:?the test fixture sets GENIMS_BUILD_DIR}"
cdc="$GENIMS_BUILD_DIR/connector/genims-cdc"
stack="$GENIMS_ROOT/deploy/local-stack"
work=$(mktemp -d)
dbs="genims_crm_db genims_wms_db"
export CDC_STATE_DIR="$work/state" CDC_DATABASES=genims_crm_db,genims_wms_db
export DATA_SYNC_RETRY_DELAY=1 ETL_ERROR_THRESHOLD=3 CDC_HEARTBEAT_INTERVAL=1
export MYSQL_REPORTING_HOST=  # the audit sink alone
metrics_port=$(( ${CDC_METRICS_LISTEN##*:} + 202 ))
export CDC_METRICS_LISTEN="127.0.0.1:$metrics_port"
daemon_pid=""
cleanup() {
  [ -z "$daemon_pid" ] || { kill -9 "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null; }
  "$stack" start-mariadb >/dev/null 2>&1
  "$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1
  for db in $dbs; do
    pg "$db" "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
              WHERE slot_name = 'outage_shadow_$db'" >/dev/null 2>&1
  done
  if [ -n "${AUDIT_OUTAGE_TEST_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
cleanup_leftovers() { cleanup; work=$(mktemp -d); export CDC_STATE_DIR="$work/state"; }
cleanup_leftovers

audit_count() {  # rows of our databases written after the baseline audit_id
  mysql_admin --database=genims_audit_db -e "SELECT COUNT(*) FROM data_change_audit
    WHERE audit_id > $baseline AND source_db IN ('genims_crm_db', 'genims_wms_db')"
}
health() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$metrics_port/healthz"; }
metric() { curl -s "http://127.0.0.1:$metrics_port/metrics" | awk -v m="$1" '$1 == m {print $2}'; }
retained() {  # the larger WAL distance of our slots' confirmed position from the server's end
  pg genims_crm_db "SELECT max(pg_current_wal_lsn() - confirmed_flush_lsn)::bigint
                    FROM pg_replication_slots WHERE slot_name LIKE 'genims_cdc_%'
                    AND database IN ('genims_crm_db', 'genims_wms_db')"
}

check "setup" bash -c "'$cdc' --env-file '$STACK_ENV' setup >'$work/setup.txt'"
for db in $dbs; do  # the ground truth: created with ours, before anything is written
  check "shadow slot for $db" pg "$db" \
    "SELECT lsn FROM pg_create_logical_replication_slot('outage_shadow_$db', 'wal2json')"
done
baseline=$(mysql_admin --database=genims_audit_db -e "SELECT COALESCE(MAX(audit_id), 0) FROM data_change_audit")
"$cdc" --env-file "$STACK_ENV" run 2>"$work/daemon.log" &
daemon_pid=$!
"$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds 5 --rate 60 --seed 31 \
  --databases genims_crm_db,genims_wms_db >/dev/null
check_eq "/healthz is 200 before the outage" 200 "$(health)"
# setup's validation report, with the daemon running: a probe flows end to end.
check "setup again: exit 0 with its report" bash -c \
  "'$cdc' --env-file '$STACK_ENV' setup --report-json '$work/report.json' >'$work/setup2.txt' 2>&1"
check_eq "the JSON report says ok" true "$(jq -r .ok "$work/report.json")"
check_eq "the probe reached data_change_audit" ok \
  "$(jq -r '.checks[] | select(.name | startswith("audit end to end")) | .status' "$work/report.json")"
check "the text report gives the probe's latency" grep -Eq "probe [0-9]+ of genims_crm_db.* after [0-9.]+(ms|us|s)" "$work/setup2.txt"
check_eq "verify audit in the report" ok \
  "$(jq -r '.checks[] | select(.name == "verify audit") | .status' "$work/report.json")"

check "MariaDB stops" "$stack" stop-mariadb
outage_start=$(date +%s)
"$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds 10 --rate 60 --seed 32 \
  --databases genims_crm_db,genims_wms_db >/dev/null
for _ in $(seq 1 60); do [ "$(health)" = 503 ] && break; sleep 0.5; done
check_eq "/healthz is 503 after ETL_ERROR_THRESHOLD failures" 503 "$(health)"
check_eq "genims_cdc_sink_healthy is 0" 0 "$(metric 'genims_cdc_sink_healthy{sink="audit"}')"
failures=$(metric 'genims_cdc_sink_consecutive_failures{sink="audit"}')
check "consecutive failures >= 3 (got $failures)" test "${failures:-0}" -ge 3
"$cdc" --env-file "$STACK_ENV" status >"$work/status.txt" 2>&1
check "status says the sink is unhealthy" grep -q "daemon: UNHEALTHY: sink audit" "$work/status.txt"
check "status says the positions are unavailable" grep -q "positions unavailable" "$work/status.txt"
check "the log says the sink is unhealthy" grep -q "audit sink UNHEALTHY: 3 consecutive failures" "$work/daemon.log"
sleep 3  # idle progress is confirmed within a second or so
wal_behind=$(retained)
check "capture goes on: slots confirmed within 64 KiB of the WAL end (got $wal_behind)" \
  test "${wal_behind:-999999999}" -lt 65536
check_eq "/healthz still answers while MariaDB is down" 503 "$(health)"
"$cdc" --env-file "$STACK_ENV" setup --report-json "$work/report-down.json" >"$work/setup-down.txt" 2>&1
check_eq "setup exits 1 while MariaDB is down" 1 $?
check_eq "its report names the failed phase" failed \
  "$(jq -r '.phases[] | select(.name == "audit") | .status' "$work/report-down.json")"

check "MariaDB starts" "$stack" start-mariadb
echo "outage lasted $(( $(date +%s) - outage_start )) s"
expected=0
for db in $dbs; do
  n=$(pg "$db" "SELECT count(*) FROM pg_logical_slot_peek_changes('outage_shadow_$db', NULL, NULL,
                'format-version', '2') WHERE data::json->>'action' IN ('I', 'U', 'D', 'T')")
  expected=$((expected + n))
done
check "the workload made changes ($expected)" test "$expected" -gt 100
for _ in $(seq 1 120); do [ "$(audit_count)" -ge "$expected" ] && break; sleep 0.5; done
check_eq "every change is in data_change_audit once" "$expected" "$(audit_count)"
for _ in $(seq 1 20); do [ "$(health)" = 200 ] && break; sleep 0.5; done
check_eq "/healthz is 200 again" 200 "$(health)"
check_eq "genims_cdc_sink_healthy is 1 again" 1 "$(metric 'genims_cdc_sink_healthy{sink="audit"}')"
check "the log says the sink recovered" grep -q "audit sink recovered after" "$work/daemon.log"
check "system_audit_log records the outage" test "$(mysql_admin --database=genims_audit_db -e \
  "SELECT COUNT(*) FROM system_audit_log WHERE event_type = 'error' AND message LIKE
   'audit sink failed % times in a row before recovering%' AND event_time > UTC_TIMESTAMP() - INTERVAL 10 MINUTE")" -ge 1
kill -TERM "$daemon_pid"
wait "$daemon_pid"
check_eq "SIGTERM: exit 0" 0 $?
daemon_pid=""
check "verify audit passes" bash -c "'$cdc' --env-file '$STACK_ENV' verify audit >'$work/verify.txt'"
finish
