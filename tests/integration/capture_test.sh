#!/usr/bin/env bash
# genims-cdc run against the 13 databases under the workload: every committed transaction
# lands in the spool exactly once, whole and in commit order, across kill -9 of the
# connector, pg_terminate_backend of its walsenders and a PostgreSQL restart. Ground truth is
# a shadow wal2json slot per database created at the same point as genims-cdc's slots and
# read with the SQL interface. Also: an idle database's slot keeps moving while the others
# work, status agrees with pg_replication_slots, and /metrics passes promtool and a real
# Prometheus scrape.
source "$(dirname "$0")/lib.sh"
: "${GENIMS_BUILD_DIR:?the test fixture sets GENIMS_BUILD_DIR}"
cdc="$GENIMS_BUILD_DIR/connector/genims-cdc"
dump="$GENIMS_BUILD_DIR/tests/spool_dump"
work=$(mktemp -d)
export CDC_STATE_DIR="$work/state"
export CDC_HEARTBEAT_INTERVAL=1
export DATA_SYNC_RETRY_DELAY=1
# Capture only: this test compares the spool itself, which the sinks would trim.
export MYSQL_AUDIT_HOST= MYSQL_REPORTING_HOST=
daemon_pid=""
prometheus_pid=""
cleanup() {
  [ -z "$daemon_pid" ] || kill -9 "$daemon_pid" 2>/dev/null
  [ -z "$prometheus_pid" ] || kill "$prometheus_pid" 2>/dev/null
  cleanup_slots
  if [ -n "${CAPTURE_TEST_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

start_daemon() {
  "$cdc" --env-file "$STACK_ENV" run 2>>"$work/daemon.log" &
  daemon_pid=$!
}
kill9_daemon() {
  kill -9 "$daemon_pid" 2>/dev/null
  wait "$daemon_pid" 2>/dev/null
  daemon_pid=""
}
# Waits (up to 120 s) until every database is spooled up to LSN $1.
wait_spooled() {
  local target=$1 waited=0 behind
  while :; do
    behind=$("$cdc" --env-file "$STACK_ENV" status 2>/dev/null | awk 'NR > 1 && $1 ~ /^genims_/ {print $5}' |
      while read -r spooled; do
        [[ "$spooled" == */* ]] || { echo never; continue; }
        [ "$(pg postgres "SELECT '$spooled'::pg_lsn >= '$target'::pg_lsn")" = t ] || echo "$spooled"
      done | wc -l)
    [ "$behind" -eq 0 ] && return 0
    waited=$((waited + 1))
    [ $waited -lt 240 ] || return 1
    sleep 0.5
  done
}

# Leftovers of an interrupted run would make the shadow slots start earlier than ours.
cleanup_slots() {
  "$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1
  for db in $(genims_databases); do
    pg "$db" "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
              WHERE slot_name = 'shadow_$db'" >/dev/null 2>&1
  done
}
cleanup_slots
check "slots create" bash -c "'$cdc' --env-file '$STACK_ENV' slots create >'$work/created.txt'"
# Both sides are compared from the later of the two slots' consistent points on.
declare -A compare_from
for db in $(genims_databases); do
  shadow_start=$(pg "$db" "SELECT lsn FROM pg_create_logical_replication_slot('shadow_$db', 'wal2json')")
  check "shadow slot for $db at $shadow_start" test -n "$shadow_start"
  ours=$(awk -v db="$db" '$3 == db {print $NF}' "$work/created.txt")
  compare_from[$db]=$(( $(lsn_number "$shadow_start") > $(lsn_number "${ours:-0/0}") ?
                        $(lsn_number "$shadow_start") : $(lsn_number "${ours:-0/0}") ))
done

# Phase 1: the workload runs while the connector is killed three times and its walsenders
# are terminated once.
"$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds 30 --rate 130 --seed 11 \
  >"$work/workload1.log" 2>&1 &
workload_pid=$!
for round in 1 2 3; do
  start_daemon
  sleep $((2 + RANDOM % 4)).$((RANDOM % 10))
  kill9_daemon
done
start_daemon
for _ in $(seq 1 30); do  # until its 13 walsenders stream
  [ "$(pg postgres "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'genims-cdc'")" -ge 13 ] && break
  sleep 0.5
done
terminated=$(pg postgres "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_replication
                          WHERE application_name = 'genims-cdc'")
check "walsenders of genims-cdc were terminated ($terminated)" test "$terminated" -ge 13
check "workload phase 1 ran without a failure" wait "$workload_pid"

# Phase 2: PostgreSQL restarts under the running connector, then more work.
pg_home=$(sed -n 's/^PG_HOME=//p' "$GENIMS_STACK_DIR/stack.state")
check "PostgreSQL fast restart" runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pg_home/data" -m fast -w restart -l "$pg_home/postgresql.log" -o ""
check "workload phase 2 after the restart" \
  "$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds 8 --rate 130 --seed 12
start_daemon_if_dead() { kill -0 "$daemon_pid" 2>/dev/null || start_daemon; }
start_daemon_if_dead
target=$(pg postgres "SELECT pg_current_wal_lsn()")
check "every database spooled up to $target" wait_spooled "$target"

# Metrics while running: promtool, then a real Prometheus scrape.
metrics_port=${CDC_METRICS_LISTEN##*:}
curl -fsS "http://127.0.0.1:$metrics_port/metrics" >"$work/metrics.txt"
check "promtool check metrics accepts /metrics" promtool check metrics <"$work/metrics.txt"
check_eq "/healthz is 200" 200 "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$metrics_port/healthz")"
prometheus_port=$(( (metrics_port + 1000) % 65536 ))
cat >"$work/prometheus.yml" <<YAML
global: {scrape_interval: 1s}
scrape_configs:
  - job_name: genims-cdc
    static_configs: [{targets: ['127.0.0.1:$metrics_port']}]
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
scraped=""
for _ in $(seq 1 60); do
  scraped=$(curl -fsS "http://127.0.0.1:$prometheus_port/api/v1/query?query=sum(genims_cdc_transactions_total)" 2>/dev/null |
    sed -n 's/.*"value":\[[0-9.]*,"\([0-9.e+]*\)"\].*/\1/p')
  [ -n "$scraped" ] && break
  sleep 0.5
done
check "Prometheus scraped genims_cdc_transactions_total ($scraped)" test -n "$scraped"
kill "$prometheus_pid"; wait "$prometheus_pid" 2>/dev/null; prometheus_pid=""

# Idle database: the other 12 work and write 64 MB of WAL; genims_planning_db's slot must
# follow (keepalives and heartbeats), so it does not retain that WAL.
idle_before=$(pg postgres "SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = 'genims_cdc_planning'")
busy=$(genims_databases | grep -v genims_planning_db | paste -sd,)
"$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds 8 --rate 120 --seed 13 --databases "$busy" >/dev/null
pg genims_master_db "CREATE TABLE capture_test_wal AS SELECT g, repeat('x', 200) AS pad FROM generate_series(1, 250000) g;
                     DROP TABLE capture_test_wal" >/dev/null
wal_end=$(pg postgres "SELECT pg_current_wal_lsn()")
# The slot's restart LSN moves when the walsender decodes a running-transactions record
# (written every 15 s), so give it up to 45 s.
for _ in $(seq 1 90); do
  read -r idle_after idle_retained <<<"$(pg postgres "SELECT confirmed_flush_lsn, pg_current_wal_lsn() - restart_lsn
    FROM pg_replication_slots WHERE slot_name = 'genims_cdc_planning'" | tr '|' ' ')"
  [ "$(pg postgres "SELECT '$idle_after'::pg_lsn >= '$wal_end'::pg_lsn")" = t ] &&
    [ "${idle_retained%.*}" -lt 16777216 ] && break
  sleep 0.5
done
check "the idle database's confirmed_flush_lsn advanced ($idle_before -> $idle_after)" \
  test "$(pg postgres "SELECT '$idle_after'::pg_lsn >= '$wal_end'::pg_lsn")" = t
check "the idle database's slot retains less than 16 MB ($idle_retained bytes)" test "${idle_retained%.*}" -lt 16777216

# /metrics agrees with pg_replication_slots: the flush LSN the connector reports is the one
# the server holds for each slot (once both are idle, they settle within a few seconds).
metrics_match_slots() {
  local db short metric slot mismatches
  for _ in $(seq 1 40); do
    mismatches=0
    curl -fsS "http://127.0.0.1:$metrics_port/metrics" >"$work/metrics2.txt" || return 1
    for db in $(genims_databases); do
      short=${db#genims_}
      metric=$(awk -v m="genims_cdc_confirmed_flush_lsn{database=\"$db\"}" '$1 == m {printf "%.0f", $2}' "$work/metrics2.txt")
      slot=$(pg postgres "SELECT confirmed_flush_lsn - '0/0' FROM pg_replication_slots WHERE slot_name = 'genims_cdc_${short%_db}'")
      [ "$metric" = "${slot%.*}" ] || mismatches=$((mismatches + 1))
    done
    [ "$mismatches" -eq 0 ] && return 0
    sleep 0.5
  done
  echo "$mismatches databases differ"
  return 1
}
check "/metrics confirmed flush LSNs equal pg_replication_slots" metrics_match_slots

check "SIGTERM drains and exits 0" bash -c "kill -TERM $daemon_pid; wait $daemon_pid 2>/dev/null; exit 0"
wait "$daemon_pid" 2>/dev/null
daemon_pid=""
check "the log has no gap or data loss" bash -c "! grep -Eiq 'gap|lost|out of sequence' '$work/daemon.log'"

# status agrees with pg_replication_slots after the orderly stop.
"$cdc" --env-file "$STACK_ENV" status >"$work/status.txt"
for db in $(genims_databases); do
  short=${db#genims_}
  slot_confirmed=$(pg postgres "SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = 'genims_cdc_${short%_db}'")
  read -r status_confirmed status_spooled <<<"$(awk -v db="$db" '$1 == db {print $4, $5}' "$work/status.txt")"
  check_eq "$db: status shows the slot's confirmed_flush_lsn" "$slot_confirmed" "$status_confirmed"
  check_eq "$db: after a drain everything spooled is confirmed" "$status_spooled" "$status_confirmed"
done

# Exactly once and in order: the spool against the shadow slots, transaction by transaction.
check "spool_dump reads a well-formed spool" bash -c "'$dump' '$CDC_STATE_DIR' >'$work/spool.txt'"
in_commit_order() {  # the spool's transactions, across databases, by ascending commit LSN
  local lsn previous=-1 number
  while read -r _ lsn _; do
    number=$(lsn_number "$lsn")
    [ "$number" -gt "$previous" ] || return 1
    previous=$number
  done <"$work/spool.txt"
}
check "the spool is in commit order across databases" in_commit_order
for db in $(genims_databases); do
  pg "$db" "
    WITH c AS (
      SELECT data::json AS j FROM pg_logical_slot_peek_changes('shadow_$db', '$target'::pg_lsn, NULL,
        'format-version', '2', 'include-xids', '1', 'include-lsn', '1', 'include-types', '0',
        'add-msg-prefixes', 'genims.audit,genims.heartbeat'))
    SELECT '$db', b.j->>'lsn', count(*) FILTER (WHERE x.j->>'action' IN ('I', 'U', 'D', 'T'))
    FROM c b JOIN c x ON x.j->>'xid' = b.j->>'xid'
    WHERE b.j->>'action' = 'B' AND (b.j->>'lsn')::pg_lsn < '$target'::pg_lsn
    GROUP BY 1, 2" | tr '|' ' '
done >"$work/truth_all.txt"
# Transactions committed from the later consistent point up to the target, on both sides.
in_window() {
  local target_number db lsn changes number
  target_number=$(lsn_number "$target")
  while read -r db lsn changes _; do
    number=$(lsn_number "$lsn")
    [ "$number" -ge "${compare_from[$db]}" ] && [ "$number" -lt "$target_number" ] &&
      echo "$db $lsn $changes"
  done
}
in_window <"$work/truth_all.txt" | sort >"$work/truth.txt"
in_window <"$work/spool.txt" | sort >"$work/spooled.txt"
transactions=$(wc -l <"$work/truth.txt")
check "the shadow slots saw the workload ($transactions transactions)" test "$transactions" -gt 1000
check "every transaction is in the spool exactly once with all its changes" \
  diff "$work/truth.txt" "$work/spooled.txt"
finish
