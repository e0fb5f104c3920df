# Shared by the integration tests (sourced). Each test runs against the stack that the ctest
# fixture started (deploy/local-stack, GENIMS_STACK_DIR) and counts its checks: a test that
# ends having checked nothing fails, so a silently skipped test cannot pass.
# No -e: a failing command shows up as a failed check (its output is compared), and the
# script goes on to report every other check.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../deploy/lib/common.sh"

: "${GENIMS_STACK_DIR:?the stack fixture sets GENIMS_STACK_DIR}"
STACK_ENV="$GENIMS_STACK_DIR/genims.env"
CHECKS=0
FAILURES=0

load_env_file "$STACK_ENV"
export PGOPTIONS="-c client_min_messages=warning"
use_pg_master

check() {  # check "description" command...
  local description=$1
  shift
  CHECKS=$((CHECKS + 1))
  if "$@"; then
    echo "ok   $description"
  else
    echo "FAIL $description"
    FAILURES=$((FAILURES + 1))
  fi
}

check_eq() {  # check_eq "description" expected actual
  CHECKS=$((CHECKS + 1))
  if [ "$2" == "$3" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1: expected [$2], got [$3]"
    FAILURES=$((FAILURES + 1))
  fi
}

finish() {
  echo "$(basename "$0"): $CHECKS checks, $FAILURES failed"
  [ "$CHECKS" -gt 0 ] || { echo "no check ran"; exit 1; }
  [ "$FAILURES" -eq 0 ]
}

pg() {  # pg DATABASE SQL: one value per line, fields separated by '|'
  "$PG_BIN/psql" -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}

lsn_number() {  # lsn_number X/Y: the LSN as a decimal number
  echo $((16#${1%/*} * 4294967296 + 16#${1#*/}))
}

mysql_admin() {
  mariadb -h "$MYSQL_AUDIT_HOST" -P "$MYSQL_AUDIT_PORT" -u "$MYSQL_AUDIT_USER" \
    --password="$MYSQL_AUDIT_PASSWORD" -N -B "$@"
}

# Checks the logical references to master data listed in sql/references.tsv (no foreign key
# is possible across databases): every id must exist in its master table.
check_master_references() {
  local ids_dir db table column master_table master_column ids missing
  ids_dir=$(mktemp -d)
  while IFS=$'\t' read -r db table column master_table master_column; do
    [[ -z "$db" || "$db" == \#* ]] && continue
    ids="$ids_dir/$master_table.$master_column"
    [ -f "$ids" ] || pg genims_master_db "SELECT $master_column FROM $master_table" >"$ids"
    missing=$("$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$db" <<SQL
CREATE TEMP TABLE master_ids (id bigint PRIMARY KEY);
\copy master_ids FROM '$ids'
SELECT count(*) FROM $table t WHERE t.$column IS NOT NULL
  AND NOT EXISTS (SELECT FROM master_ids m WHERE m.id = t.$column);
SQL
)
    check_eq "$db.$table.$column references $master_table" 0 "$missing"
  done <"$GENIMS_ROOT/sql/references.tsv"
  rm -rf "$ids_dir"
}
