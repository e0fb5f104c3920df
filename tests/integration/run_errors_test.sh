#!/usr/bin/env bash
# genims-cdc run meets bad input: each case ends with one clear line on stderr naming the
# problem and exit status 1 (2 for bad configuration), and never confirms what it did not
# spool.
source "$(dirname "$0")/lib.sh"
: "${GENIMS_BUILD_DIR:?the test fixture sets GENIMS_BUILD_DIR}"
cdc="$GENIMS_BUILD_DIR/connector/genims-cdc"
db=run_errors_db
work=$(mktemp -d)
export CDC_STATE_DIR="$work/state" CDC_DATABASES=$db DATA_SYNC_RETRY_DELAY=1 \
  DATA_SYNC_RETRY_COUNT=2 DATA_SYNC_TIMEOUT=3 CDC_HEARTBEAT_INTERVAL=1 MYSQL_AUDIT_HOST= MYSQL_REPORTING_HOST=
holder_pid=""
cleanup() {
  [ -z "$holder_pid" ] || kill "$holder_pid" 2>/dev/null
  "$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1
  pg postgres "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
"$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1
pg postgres "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
pg postgres "CREATE DATABASE $db" >/dev/null
pg $db "CREATE TABLE t (id int PRIMARY KEY, v text); ALTER TABLE t REPLICA IDENTITY FULL" >/dev/null

# expect_run "description" status "stderr regex" [VAR=value ...]: runs `run` (60 s at most).
expect_run() {
  local description=$1 want_status=$2 want=$3
  shift 3
  local status
  env "$@" timeout 60 "$cdc" --env-file "$STACK_ENV" run 2>"$work/stderr" >/dev/null
  status=$?
  local last
  last=$(tail -1 "$work/stderr")
  CHECKS=$((CHECKS + 1))
  if [ "$status" -eq "$want_status" ] && grep -Eq -- "$want" <<<"$last"; then
    echo "ok   $description: $last"
  else
    echo "FAIL $description: status $status, last line [$last]"
    FAILURES=$((FAILURES + 1))
  fi
}

expect_run "slot missing" 1 "slot genims_cdc_run_errors_db does not exist: create it with genims-cdc slots create"
expect_run "state directory not writable" 1 "CDC_STATE_DIR|spool" CDC_STATE_DIR=/proc/genims-not-writable
expect_run "unreachable server" 1 "connecting to .*(Connection refused|No such file).*gave up" \
  PG_MASTER_PORT=1 CDC_PG_SOCKET_DIR=
expect_run "bad configuration is exit 2" 2 "DATA_SYNC_TIMEOUT: expected an integer" DATA_SYNC_TIMEOUT=soon

check "slots create" "$cdc" --env-file "$STACK_ENV" slots create

# Another client holds the slot.
PGPASSWORD=$PG_MASTER_PASSWORD "$PG_BIN/pg_recvlogical" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" \
  -d $db --slot genims_cdc_run_errors_db --start -f /dev/null 2>/dev/null &
holder_pid=$!
sleep 1
expect_run "slot in use by another process" 1 "slot genims_cdc_run_errors_db is in use by process [0-9]+"
kill "$holder_pid"; wait "$holder_pid" 2>/dev/null; holder_pid=""

# The metrics port is taken.
metrics_port=${CDC_METRICS_LISTEN##*:}
python3 -c "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $metrics_port)); s.listen(); time.sleep(30)" &
holder_pid=$!
sleep 0.5
expect_run "metrics port in use" 1 "CDC_METRICS_LISTEN 127.0.0.1:$metrics_port: cannot listen there"
kill "$holder_pid"; wait "$holder_pid" 2>/dev/null; holder_pid=""

# The slot is dropped under a running connector: a gap, reported, never papered over.
"$cdc" --env-file "$STACK_ENV" run 2>"$work/stderr" >/dev/null &
daemon=$!
pg $db "INSERT INTO t VALUES (1, 'a')" >/dev/null
sleep 2
pg postgres "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = 'genims_cdc_run_errors_db'" >/dev/null
pg postgres "SELECT pg_drop_replication_slot('genims_cdc_run_errors_db')" >/dev/null
timeout 30 tail --pid=$daemon -f /dev/null
wait $daemon
status=$?
check_eq "a dropped slot stops run with exit 1" 1 "$status"
check "and names the gap: $(tail -1 "$work/stderr")" grep -q "slot genims_cdc_run_errors_db no longer exists, but the spool holds this database up to" "$work/stderr"
finish
