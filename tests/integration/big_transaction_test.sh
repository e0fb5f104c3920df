#!/usr/bin/env bash
# One transaction of 1,000,000 rows streams through the connector in bounded memory: the
# whole transaction reaches the spool (one BEGIN, a million changes, one COMMIT) while the
# connector's peak RSS stays under 256 MB.
source "$(dirname "$0")/lib.sh"
: "${GENIMS_BUILD_DIR:?the test fixture sets GENIMS_BUILD_DIR}"
cdc="$GENIMS_BUILD_DIR/connector/genims-cdc"
rows=${BIG_TRANSACTION_ROWS:-1000000}
db=capture_big_txn
work=$(mktemp -d)
# Capture only (the spool is inspected; the sinks would trim it).
export CDC_STATE_DIR="$work/state" CDC_DATABASES=$db CDC_HEARTBEAT_INTERVAL=1 MYSQL_AUDIT_HOST= \
  MYSQL_REPORTING_HOST=
daemon_pid=""
drop_leftovers() {
  "$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1
  pg postgres "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
}
cleanup() {
  [ -z "$daemon_pid" ] || kill -9 "$daemon_pid" 2>/dev/null
  drop_leftovers
  rm -rf "$work"
}
trap cleanup EXIT
drop_leftovers

pg postgres "CREATE DATABASE $db" >/dev/null
pg $db "CREATE TABLE big (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL, note text);
        ALTER TABLE big REPLICA IDENTITY FULL" >/dev/null
check "slots create" "$cdc" --env-file "$STACK_ENV" slots create
check "one transaction of $rows rows" pg $db "INSERT INTO big
  SELECT g, g * 1.25, 'row ' || g || ' of a single large transaction' FROM generate_series(1, $rows) g"
target=$(pg postgres "SELECT pg_current_wal_lsn()")

started=$(date +%s)
"$cdc" --env-file "$STACK_ENV" run 2>"$work/daemon.log" &
daemon_pid=$!
spooled=""
for _ in $(seq 1 600); do
  kill -0 "$daemon_pid" 2>/dev/null || { echo "the connector died:"; cat "$work/daemon.log"; break; }
  spooled=$("$cdc" --env-file "$STACK_ENV" status 2>/dev/null | awk -v db=$db '$1 == db {print $5}')
  [[ "$spooled" == */* ]] && [ "$(pg postgres "SELECT '$spooled'::pg_lsn >= '$target'::pg_lsn")" = t ] && break
  sleep 0.5
done
elapsed=$(($(date +%s) - started))
peak_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$daemon_pid/status")
echo "spooled $rows rows in ${elapsed} s; connector peak RSS $((peak_kb / 1024)) MB"
check "the transaction reached the spool (spooled $spooled, target $target)" \
  test "$(pg postgres "SELECT '${spooled:-0/0}'::pg_lsn >= '$target'::pg_lsn")" = t
check "peak RSS under 256 MB ($((peak_kb / 1024)) MB)" test "$peak_kb" -lt 262144
kill -TERM "$daemon_pid"
check "SIGTERM exits 0" wait "$daemon_pid"
daemon_pid=""
check_eq "the spool holds it whole: one transaction, $rows changes, $((rows + 2)) events" \
  "$db $rows $((rows + 2))" \
  "$("$GENIMS_BUILD_DIR/tests/spool_dump" "$CDC_STATE_DIR" | awk '$3 > 0 {print $1, $3, $4}')"
finish
