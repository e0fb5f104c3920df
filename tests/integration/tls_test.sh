#!/usr/bin/env bash
# TLS: with PG_MASTER_SSLMODE=verify-full and MYSQL_AUDIT_SSL_CA, every connection of
# genims-cdc is encrypted and the servers' certificates are verified against the stack's test
# CA. Proof: the walsenders serving it show ssl in pg_stat_ssl; the audit sink writes through
# a MariaDB account that exists only with REQUIRE SSL (and is refused without TLS). A wrong CA
# is refused with a clear error for both servers.
source "$(dirname "$0")/lib.sh"
: "${GENIMS_BUILD_DIR:?the test fixture sets GENIMS_BUILD_DIR}"
cdc="$GENIMS_BUILD_DIR/connector/genims-cdc"
work=$(mktemp -d)
tls_password="tls-$RANDOM-$RANDOM"
export CDC_STATE_DIR="$work/state" CDC_DATABASES=genims_crm_db MYSQL_REPORTING_HOST= \
  CDC_HEARTBEAT_INTERVAL=1 DATA_SYNC_RETRY_DELAY=1
export CDC_METRICS_LISTEN="127.0.0.1:$(( ${CDC_METRICS_LISTEN##*:} + 404 ))"
# TLS, verified: TCP (no Unix socket), the stack's CA, and a TLS-only MariaDB account.
export CDC_PG_SOCKET_DIR= PG_MASTER_SSLMODE=verify-full PG_MASTER_SSLROOTCERT="$GENIMS_TLS_CA"
daemon_pid=""
cleanup() {
  [ -z "$daemon_pid" ] || { kill -9 "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null; }
  "$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1
  mysql_admin -e "DROP USER IF EXISTS 'genims_tls'@'127.0.0.1'" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
"$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1

check "the stack has a test CA" test -s "$GENIMS_TLS_CA"
check "a MariaDB account that may connect only over TLS" mysql_admin -e "
  CREATE DATABASE IF NOT EXISTS genims_audit_db;
  DROP USER IF EXISTS 'genims_tls'@'127.0.0.1';
  CREATE USER 'genims_tls'@'127.0.0.1' IDENTIFIED BY '$tls_password' REQUIRE SSL;
  GRANT ALL PRIVILEGES ON genims_audit_db.* TO 'genims_tls'@'127.0.0.1'"
export MYSQL_AUDIT_USER=genims_tls MYSQL_AUDIT_PASSWORD="$tls_password"

# Wrong CAs first: refused, with the reason in one line.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=not the stack's CA" \
  -keyout "$work/other.key" -out "$work/other.pem" >/dev/null 2>&1
PG_MASTER_SSLROOTCERT="$work/other.pem" "$cdc" --env-file "$STACK_ENV" slots list >"$work/out" 2>&1
check_eq "PostgreSQL with a wrong CA: exit 1" 1 $?
check "... saying the certificate failed verification" grep -q "certificate verify failed" "$work/out"
MYSQL_AUDIT_SSL_CA="$work/other.pem" "$cdc" --env-file "$STACK_ENV" verify audit >"$work/out" 2>&1
check_eq "MariaDB with a wrong CA: exit 1" 1 $?
check "... saying TLS failed, naming the CA" grep -q "TLS, CA $work/other.pem.*TLS/SSL error" "$work/out"
MYSQL_AUDIT_SSL_CA= "$cdc" --env-file "$STACK_ENV" verify audit >"$work/out" 2>&1
check_eq "the TLS-only account without TLS: exit 1" 1 $?
check "... access denied" grep -qi "access denied" "$work/out"

export MYSQL_AUDIT_SSL_CA="$GENIMS_TLS_CA"
check "setup over TLS" bash -c "'$cdc' --env-file '$STACK_ENV' setup >'$work/setup.txt' 2>&1"
"$cdc" --env-file "$STACK_ENV" run 2>"$work/daemon.log" &
daemon_pid=$!
for _ in $(seq 1 60); do
  [ "$(pg postgres "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'walsender'
                    AND application_name = 'genims-cdc' AND datname = 'genims_crm_db'")" -ge 1 ] && break
  sleep 0.5
done
check_eq "the walsender serving genims-cdc is encrypted" t "$(pg postgres "
  SELECT bool_and(s.ssl) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
  WHERE a.backend_type = 'walsender' AND a.application_name = 'genims-cdc'")"
check "with a real cipher" test -n "$(pg postgres "
  SELECT min(s.cipher) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
  WHERE a.backend_type = 'walsender' AND a.application_name = 'genims-cdc'")"
before=$(mysql_admin --database=genims_audit_db -e "SELECT COUNT(*) FROM data_change_audit")
"$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds 3 --databases genims_crm_db >/dev/null
for _ in $(seq 1 60); do
  after=$(mysql_admin --database=genims_audit_db -e "SELECT COUNT(*) FROM data_change_audit")
  [ "$after" -gt "$before" ] && break
  sleep 0.5
done
check "audit rows arrive through the TLS-only account ($before -> $after)" test "$after" -gt "$before"
kill -TERM "$daemon_pid"
wait "$daemon_pid"
check_eq "SIGTERM: exit 0" 0 $?
daemon_pid=""
finish
