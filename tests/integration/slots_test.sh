#!/usr/bin/env bash
# genims-cdc slots check | create | list | drop against the stack: the preflight passes on a
# well-configured server and names the fix where one is not; create makes the 13 wal2json
# slots and is idempotent; list agrees with pg_replication_slots; drop refuses an active slot
# and removes the others. Leaves no slot, role or database behind.
source "$(dirname "$0")/lib.sh"
: "${GENIMS_BUILD_DIR:?the test registration sets GENIMS_BUILD_DIR}"
cdc="$GENIMS_BUILD_DIR/connector/genims-cdc"
work=$(mktemp -d)
norepl_role=slots_test_norepl
scratch_db=slots_test_scratch
reader_pid=
plugins_changed=

pg_super() {  # pg_super DATABASE SQL: as the stack's superuser (roles are not genims' to make)
  local password
  password=$(sed -n 's/^PG_SUPERUSER_PASSWORD=//p' "$GENIMS_STACK_DIR/stack.state")
  PGUSER=postgres PGPASSWORD=$password pg "$@"
}

# Sets output_plugin_libraries (ALTER SYSTEM; empty: back to the stack's own setting) and
# waits until new sessions see it.
set_plugin_libraries() {
  if [ -z "$1" ]; then
    pg_super postgres "ALTER SYSTEM RESET output_plugin_libraries" >/dev/null
  else
    pg_super postgres "ALTER SYSTEM SET output_plugin_libraries = '$1'" >/dev/null
  fi
  pg_super postgres "SELECT pg_reload_conf()" >/dev/null
  local want=${1:-pgoutput, test_decoding, wal2json}
  for _ in $(seq 1 50); do
    [ "$(pg_super postgres 'SHOW output_plugin_libraries')" = "$want" ] && return 0
    sleep 0.1
  done
  return 1
}

cleanup() {
  [ -z "$reader_pid" ] || kill "$reader_pid" 2>/dev/null || true
  [ -z "$plugins_changed" ] || set_plugin_libraries "" >/dev/null 2>&1 || true
  pg_super postgres "DROP ROLE IF EXISTS $norepl_role" >/dev/null 2>&1 || true
  pg postgres "DROP DATABASE IF EXISTS $scratch_db" >/dev/null 2>&1 || true
  pg postgres "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
               WHERE slot_name LIKE 'genims\_cdc\_%' AND NOT active" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# run NAME ARGS...: genims-cdc ARGS with the stack's env file; stdout, stderr and the exit
# status land in $work/NAME.{out,err,status}.
run() {
  local name=$1
  shift
  local status=0
  "$cdc" --env-file "$STACK_ENV" "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
  echo "$status" >"$work/$name.status"
}
status_of() { cat "$work/$1.status"; }
lines_of() { grep -c '' "$work/$1.$2" || true; }
# The slot_name|database pairs genims-cdc's slots have on the server.
server_slots() {
  pg postgres "SELECT slot_name || '|' || database || '|' || plugin FROM pg_replication_slots
               WHERE slot_name LIKE 'genims\_cdc\_%' ORDER BY 1"
}
expected_slots() {
  local db
  for db in $(genims_databases); do
    short=${db#genims_}
    echo "genims_cdc_${short%_db}|$db|wal2json"
  done | sort
}
# The cell of column N (1-based) of the `slots list` row of SLOT, split on runs of 2+ spaces.
list_cell() {
  awk -F '  +' -v slot="$2" -v n="$3" '$1 == slot { print $n }' "$work/$1.out"
}
exact_bytes() {  # "1.5 KiB (1536)" -> 1536, "512 B" -> 512
  sed -E 's/.*\(([0-9]+)\)$/\1/; s/^([0-9]+) B$/\1/' <<<"$1"
}

# Slots left by an earlier, failed run would make "created" read "exists".
leftover=$(pg postgres "SELECT count(*) FROM (SELECT pg_drop_replication_slot(slot_name)
                        FROM pg_replication_slots WHERE slot_name LIKE 'genims\_cdc\_%' AND NOT active) d")
[ "$leftover" = 0 ] || echo "note: dropped $leftover genims_cdc_* slots left by an earlier run"

# ---- check on the stack --------------------------------------------------------------
run check slots check
check_eq "check passes on the stack" 0 "$(status_of check)"
check_eq "check: one line per check (8 server checks + 3 for each of 13 databases)" 47 \
  "$(lines_of check out)"
check_eq "check: every line is ok/warn/FAIL, then the check's name" "" \
  "$(grep -vE '^(ok   |warn |FAIL )[A-Za-z_]' "$work/check.out" || true)"
check_eq "check: no FAIL and no warn on the stack" "" "$(grep -E '^(FAIL|warn)' "$work/check.out" || true)"
check "check: wal2json proven installed and allowed" \
  grep -qE '^ok   wal2json +installed and allowed' "$work/check.out"
check "check: max_slot_wal_keep_size is the stack's 8GB" \
  grep -qE '^ok   max_slot_wal_keep_size +8GB' "$work/check.out"
check "check: replica identity counted for genims_erp_db" \
  grep -qE '^ok   replica identity genims_erp_db +[0-9]+ captured tables: ' "$work/check.out"
# Where the detail starts: after the marker, the name (which may hold single spaces) and 2+ spaces.
check_eq "check: the details start in one column" 1 \
  "$(awk '{ s = substr($0, 6); i = index(s, "  "); match(substr(s, i), /[^ ]/); print i + RSTART }' \
      "$work/check.out" | sort -u | wc -l)"
check "check: creating its test slot left no slot behind" \
  test "$(pg postgres "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'genims\_cdc\_check\_%'")" = 0

# ---- create ---------------------------------------------------------------------------
run create slots create
check_eq "create exits 0" 0 "$(status_of create)"
check_eq "create: 13 created lines" 13 "$(grep -c '^created  genims_cdc_' "$work/create.out")"
check_eq "create: the 13 slots are on the server, wal2json, each in its database" \
  "$(expected_slots)" "$(server_slots)"
# Nothing reads the slots yet: each consistent point is the slot's confirmed_flush_lsn.
consistent=$(awk '{ print $2 "|" $NF }' "$work/create.out" | sort)
check_eq "create: consistent points are the slots' confirmed_flush_lsn" \
  "$(pg postgres "SELECT slot_name || '|' || confirmed_flush_lsn FROM pg_replication_slots
                  WHERE slot_name LIKE 'genims\_cdc\_%' ORDER BY 1")" "$consistent"

run create_again slots create
check_eq "create again exits 0" 0 "$(status_of create_again)"
check_eq "create again: 13 exists lines, nothing created" "13 0" \
  "$(grep -c '^exists   genims_cdc_' "$work/create_again.out") $(grep -c '^created' "$work/create_again.out" || true)"
check_eq "create again: still the same 13 slots" "$(expected_slots)" "$(server_slots)"

# ---- list -----------------------------------------------------------------------------
run list slots list
check_eq "list exits 0" 0 "$(status_of list)"
check_eq "list: header, 13 slots, WAL end" 15 "$(lines_of list out)"
check_eq "list: header" "slot|database|plugin|active|restart_lsn|confirmed_flush_lsn|retained_wal|lag|wal_status|safe_wal_size" \
  "$(head -1 "$work/list.out" | awk -F '  +' -v OFS='|' '{ $1 = $1; print }')"
wal_end=$(sed -nE 's/^server WAL end ([0-9A-F]+\/[0-9A-F]+) .*/\1/p' "$work/list.out")
check "list: prints the server's WAL end" test -n "$wal_end"
mismatches=0
while IFS='|' read -r slot database restart confirmed retained lag; do
  [ "$(list_cell list "$slot" 2)" = "$database" ] || { echo "  $slot: database"; mismatches=$((mismatches + 1)); }
  [ "$(list_cell list "$slot" 3)" = wal2json ] || { echo "  $slot: plugin"; mismatches=$((mismatches + 1)); }
  [ "$(list_cell list "$slot" 4)" = no ] || { echo "  $slot: active"; mismatches=$((mismatches + 1)); }
  [ "$(list_cell list "$slot" 5)" = "$restart" ] || { echo "  $slot: restart_lsn"; mismatches=$((mismatches + 1)); }
  [ "$(list_cell list "$slot" 6)" = "$confirmed" ] || { echo "  $slot: confirmed_flush_lsn"; mismatches=$((mismatches + 1)); }
  [ "$(exact_bytes "$(list_cell list "$slot" 7)")" = "$retained" ] || { echo "  $slot: retained"; mismatches=$((mismatches + 1)); }
  [ "$(exact_bytes "$(list_cell list "$slot" 8)")" = "$lag" ] || { echo "  $slot: lag"; mismatches=$((mismatches + 1)); }
  [[ "$(list_cell list "$slot" 10)" =~ ^[0-9.]+\ GiB\ \([0-9]+\)$ ]] ||
    { echo "  $slot: safe_wal_size (max_slot_wal_keep_size = 8GB)"; mismatches=$((mismatches + 1)); }
done < <(pg postgres "SELECT slot_name, database, restart_lsn, confirmed_flush_lsn,
                             ('$wal_end'::pg_lsn - restart_lsn)::bigint,
                             greatest('$wal_end'::pg_lsn - confirmed_flush_lsn, 0)::bigint
                      FROM pg_replication_slots WHERE slot_name LIKE 'genims\_cdc\_%'")
check_eq "list: database, plugin, active, LSNs and byte counts agree with pg_replication_slots" \
  0 "$mismatches"
check_eq "list: wal_status of every slot is reserved" "reserved" \
  "$(awk -F '  +' 'NR > 1 && $1 ~ /^genims_cdc_/ { print $9 }' "$work/list.out" | sort -u)"

# ---- drop -----------------------------------------------------------------------------
run drop_one slots drop --db genims_erp_db
check_eq "drop --db exits 0" 0 "$(status_of drop_one)"
check "drop --db: says dropped" grep -qE '^dropped  genims_cdc_erp +genims_erp_db$' "$work/drop_one.out"
check_eq "drop --db: genims_cdc_erp is gone, 12 remain" "0 12" \
  "$(pg postgres "SELECT count(*) FILTER (WHERE slot_name = 'genims_cdc_erp'), count(*)
                  FROM pg_replication_slots WHERE slot_name LIKE 'genims\_cdc\_%'" | tr '|' ' ')"
run drop_absent slots drop --db genims_erp_db
check_eq "drop of an absent slot exits 0" 0 "$(status_of drop_absent)"
check "drop of an absent slot says absent" grep -qE '^absent   genims_cdc_erp' "$work/drop_absent.out"
run list_missing slots list
check_eq "list: the database without a slot shows missing" "missing" \
  "$(list_cell list_missing genims_cdc_erp 4)"

# An active slot is not dropped; the error names the pid that holds it.
"$PG_BIN/pg_recvlogical" -d genims_master_db -S genims_cdc_master --start -f /dev/null \
  -o format-version=2 2>"$work/recvlogical.err" &
reader_pid=$!
active_pid=
for _ in $(seq 1 50); do
  active_pid=$(pg postgres "SELECT active_pid FROM pg_replication_slots WHERE slot_name = 'genims_cdc_master' AND active")
  [ -z "$active_pid" ] || break
  sleep 0.2
done
check "a reader holds genims_cdc_master" test -n "$active_pid"
run drop_active slots drop --db genims_master_db
check_eq "drop of an active slot exits 1" 1 "$(status_of drop_active)"
check_eq "drop of an active slot: one error line" 1 "$(lines_of drop_active err)"
check "drop of an active slot: the error names the pid holding it" \
  grep -q "active, held by pid $active_pid" "$work/drop_active.err"
check_eq "drop of an active slot: the slot stays" 1 \
  "$(pg postgres "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'genims_cdc_master'")"
run list_active slots list --db genims_master_db
check_eq "list shows the active slot and its pid" "yes (pid $active_pid)" \
  "$(list_cell list_active genims_cdc_master 4)"
kill "$reader_pid"
wait "$reader_pid" 2>/dev/null || true
reader_pid=
for _ in $(seq 1 50); do
  [ "$(pg postgres "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'genims_cdc_master' AND active")" = 0 ] && break
  sleep 0.2
done

run drop_all slots drop --all
check_eq "drop --all exits 0" 0 "$(status_of drop_all)"
check_eq "drop --all: 12 dropped, 1 absent" "12 1" \
  "$(grep -c '^dropped' "$work/drop_all.out") $(grep -c '^absent' "$work/drop_all.out")"
check_eq "drop --all: no genims-cdc slot left" 0 \
  "$(pg postgres "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'genims\_cdc\_%'")"

# ---- a role without REPLICATION ------------------------------------------------------
norepl_password=$(head -c 12 /dev/urandom | base64 | tr -d '+/=')
pg_super postgres "CREATE ROLE $norepl_role LOGIN PASSWORD '$norepl_password'" >/dev/null
PG_MASTER_USER=$norepl_role PG_MASTER_PASSWORD=$norepl_password run norepl_check slots check
check_eq "check without REPLICATION exits 1" 1 "$(status_of norepl_check)"
check "check without REPLICATION: FAIL line with the fix" grep -qE \
  "^FAIL REPLICATION privilege +$norepl_role lacks REPLICATION; fix: as a superuser, ALTER ROLE $norepl_role REPLICATION$" \
  "$work/norepl_check.out"
check_eq "check without REPLICATION: still one line per check" 47 "$(lines_of norepl_check out)"
PG_MASTER_USER=$norepl_role PG_MASTER_PASSWORD=$norepl_password run norepl_create slots create
check_eq "create without REPLICATION exits 1" 1 "$(status_of norepl_create)"
check_eq "create without REPLICATION: one error line" 1 "$(lines_of norepl_create err)"
check "create without REPLICATION: the line says why and the fix" grep -qE \
  "must be superuser or replication role.*; fix: as a superuser, ALTER ROLE $norepl_role REPLICATION$" \
  "$work/norepl_create.err"
check_eq "create without REPLICATION: no slot made" 0 \
  "$(pg postgres "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'genims\_cdc\_%'")"
pg_super postgres "DROP ROLE $norepl_role" >/dev/null

# ---- wal2json missing from output_plugin_libraries (PostgreSQL 15.19+) -----------------
plugins_changed=1
check "output_plugin_libraries without wal2json takes effect" set_plugin_libraries "pgoutput"
run plugin_check slots check
check_eq "check with wal2json not allowed exits 1" 1 "$(status_of plugin_check)"
# genims may not read the setting: the fix line starts from the server's default list.
check "check with wal2json not allowed: FAIL line with the line to add" grep -qF \
  "not visible to genims (superuser or pg_read_all_settings only); installed or not shows once allowed); fix: add to postgresql.conf output_plugin_libraries = 'pgoutput, test_decoding, wal2json' (the default list; keep any plugin already listed) and reload" \
  "$work/plugin_check.out"
check_eq "check with wal2json not allowed: only that check fails" "FAIL wal2json" \
  "$(grep '^FAIL' "$work/plugin_check.out" | cut -c1-13)"
# A role that may read the setting gets the current list in the fix.
super_password=$(sed -n 's/^PG_SUPERUSER_PASSWORD=//p' "$GENIMS_STACK_DIR/stack.state")
PG_MASTER_USER=postgres PG_MASTER_PASSWORD=$super_password run plugin_check_super slots check
check "check as superuser: the fix extends the current list" grep -qF \
  "fix: add to postgresql.conf output_plugin_libraries = 'pgoutput, wal2json' and reload" \
  "$work/plugin_check_super.out"
run plugin_create slots create
check_eq "create with wal2json not allowed exits 1" 1 "$(status_of plugin_create)"
check_eq "create with wal2json not allowed: one error line" 1 "$(lines_of plugin_create err)"
check "create with wal2json not allowed: the server's reason and the line to add" grep -qF \
  "may not be used as an output plugin; fix: add to postgresql.conf output_plugin_libraries = 'pgoutput, test_decoding, wal2json'" \
  "$work/plugin_create.err"
check_eq "create with wal2json not allowed: no slot made" 0 \
  "$(pg postgres "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'genims\_cdc\_%'")"
check "output_plugin_libraries restored" set_plugin_libraries ""
plugins_changed=

# ---- REPLICA IDENTITY NOTHING in a scratch copy --------------------------------------
pg postgres "DROP DATABASE IF EXISTS $scratch_db" >/dev/null 2>&1
pg postgres "CREATE DATABASE $scratch_db" >/dev/null
"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$scratch_db" -1 \
  -f "$GENIMS_ROOT/sql/source/genims_erp_db.sql" -o /dev/null
victim=$(pg "$scratch_db" "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace
                           AND relkind = 'r' ORDER BY relname LIMIT 1")
pg "$scratch_db" "ALTER TABLE public.$victim REPLICA IDENTITY NOTHING" >/dev/null
CDC_DATABASES=$scratch_db run nothing_check slots check
check_eq "check with a NOTHING table exits 1" 1 "$(status_of nothing_check)"
check "check names the NOTHING table and the fix" grep -qE \
  "^FAIL replica identity $scratch_db +1 of [0-9]+ captured tables lose UPDATEs and DELETEs in wal2json: public\.$victim \(NOTHING\); fix: ALTER TABLE public\.$victim REPLICA IDENTITY FULL$" \
  "$work/nothing_check.out"
check_eq "check with a NOTHING table: only that check fails" 1 \
  "$(grep -c '^FAIL' "$work/nothing_check.out")"
CDC_DATABASES=$scratch_db CDC_EXCLUDE_TABLES="public.$victim" run nothing_excluded slots check
check_eq "check passes once CDC_EXCLUDE_TABLES leaves the table out" 0 \
  "$(status_of nothing_excluded)"
pg postgres "DROP DATABASE $scratch_db" >/dev/null

# ---- an unreachable server -----------------------------------------------------------
PG_MASTER_PORT=1 run down_check slots check
check_eq "check of an unreachable server exits 1" 1 "$(status_of down_check)"
check_eq "check of an unreachable server: one line" 1 "$(lines_of down_check out)"
check "check of an unreachable server: FAIL server reachable, with the fix" \
  grep -qE '^FAIL server reachable .*; fix: start PostgreSQL' "$work/down_check.out"
for command in create list "drop --all"; do
  # shellcheck disable=SC2086
  PG_MASTER_PORT=1 run down slots $command
  check_eq "$command on an unreachable server: exit 1 and one error line, nothing else" "1 1 0" \
    "$(status_of down) $(lines_of down err) $(lines_of down out)"
done

check_eq "no genims-cdc slot is left behind" 0 \
  "$(pg postgres "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'genims\_cdc\_%'")"
finish
