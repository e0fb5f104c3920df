#!/usr/bin/env bash
# The local stack gives what DESIGN and the connector need: logical decoding with wal2json
# allowed, loopback-only servers, a Unix socket, an env file with every variable, MariaDB,
# and a stop/start cycle that keeps the data.
source "$(dirname "$0")/lib.sh"
stack="$GENIMS_ROOT/deploy/local-stack"

check "status reports both servers running" "$stack" status
for var in PG_MASTER_HOST PG_MASTER_PORT PG_MASTER_USER PG_MASTER_PASSWORD \
  MYSQL_REPORTING_HOST MYSQL_REPORTING_PORT MYSQL_REPORTING_DB MYSQL_REPORTING_USER \
  MYSQL_REPORTING_PASSWORD MYSQL_AUDIT_HOST MYSQL_AUDIT_PORT MYSQL_AUDIT_DB MYSQL_AUDIT_USER \
  MYSQL_AUDIT_PASSWORD ETL_BATCH_SIZE ETL_ERROR_THRESHOLD DATA_SYNC_RETRY_COUNT \
  DATA_SYNC_RETRY_DELAY DATA_SYNC_TIMEOUT CDC_STATE_DIR CDC_METRICS_LISTEN; do
  check "env file sets $var" grep -q "^$var=." "$STACK_ENV"
done
check_eq "env file is private" 600 "$(stat -c %a "$STACK_ENV")"

check_eq "wal_level" logical "$(pg postgres 'SHOW wal_level')"
check "at least 13 slots + tests" test "$(pg postgres 'SHOW max_replication_slots')" -ge 32
check "at least 13 walsenders + tests" test "$(pg postgres 'SHOW max_wal_senders')" -ge 32
check_eq "listens on loopback only" 127.0.0.1 "$(pg postgres 'SHOW listen_addresses')"
check "connects over the Unix socket" test -S "$CDC_PG_SOCKET_DIR/.s.PGSQL.$PG_MASTER_PORT"
check_eq "connects over TCP with the env file's password" 1 \
  "$(PGHOST=127.0.0.1 "$PG_BIN/psql" -X -At -d postgres -c 'SELECT 1')"
check_eq "the application role replicates but is no superuser" "t|f" \
  "$(pg postgres "SELECT rolreplication, rolsuper FROM pg_roles WHERE rolname = current_user")"
check_eq "all 13 GenIMS databases exist" 13 \
  "$(pg postgres "SELECT count(*) FROM pg_database WHERE datname ~ '^genims_.*_db$'")"

# wal2json decodes (proves the plugin is installed and allowed by output_plugin_libraries).
slot="stack_test_$$"
pg genims_master_db "SELECT pg_create_logical_replication_slot('$slot', 'wal2json')" >/dev/null
pg genims_master_db "SELECT pg_logical_emit_message(true, 'genims.test', 'hello')" >/dev/null
decoded=$(pg genims_master_db "SELECT data FROM pg_logical_slot_get_changes('$slot', NULL, NULL, 'format-version', '2')")
pg genims_master_db "SELECT pg_drop_replication_slot('$slot')" >/dev/null
check "wal2json format-version 2 decodes a message" grep -q '"prefix":"genims.test"' <<<"$decoded"

check_eq "MariaDB is 10.11 and answers with the env file's account" 10.11 \
  "$(mysql_admin -e 'SELECT SUBSTRING_INDEX(VERSION(), ".", 2)')"
check_eq "MariaDB listens on loopback only" 127.0.0.1 "$(mysql_admin -e 'SELECT @@bind_address')"
check_eq "MariaDB session time zone is UTC" +00:00 "$(mysql_admin -e 'SELECT @@time_zone')"

# A stop/start cycle keeps the data and gives the same env file.
pg genims_master_db "CREATE TABLE IF NOT EXISTS stack_test_marker (id int PRIMARY KEY)" >/dev/null
env_before=$(md5sum <"$STACK_ENV")
check "stop" "$stack" stop
check "status is non-zero when stopped" bash -c "! '$stack' status >/dev/null"
check "start again" "$stack" start
check_eq "data survives a restart" 0 "$(pg genims_master_db 'SELECT count(*) FROM stack_test_marker')"
check_eq "env file unchanged by a restart" "$env_before" "$(md5sum <"$STACK_ENV")"
pg genims_master_db "DROP TABLE stack_test_marker" >/dev/null
finish
