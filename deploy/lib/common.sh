# Shared by the deploy/ scripts (sourced, not run).

GENIMS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
GENIMS_DATABASES_ORDER=(master operational mes erp wms tms cmms crm service hcm supplier qms planning)

die() {
  echo "$(basename "$0"): $*" >&2
  exit "${DIE_STATUS:-1}"
}

usage_error() {
  DIE_STATUS=2 die "$*"
}

# The 13 source databases, master first (the others' generators rely on its ids).
genims_databases() {
  local name
  for name in "${GENIMS_DATABASES_ORDER[@]}"; do echo "genims_${name}_db"; done
}

# Loads KEY=VALUE lines of a GenIMS env file into the environment without running it
# through a shell (seed files hold values such as <password> that a shell would misread).
# Same syntax as the connector's reader: comments, `export `, single/double quotes.
load_env_file() {
  local file=$1 line key value
  [ -r "$file" ] || usage_error "cannot read env file $file"
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line#"${line%%[![:space:]]*}"}
    [[ -z "$line" || "$line" == \#* ]] && continue
    line=${line#export }
    [[ "$line" == *=* ]] || usage_error "$file: expected KEY=VALUE: ${line%%=*}"
    key=${line%%=*}
    key=${key%"${key##*[![:space:]]}"}
    value=${line#*=}
    value=${value#"${value%%[![:space:]]*}"}
    if [[ "$value" == \"* ]]; then
      value=${value#\"}
      value=${value%%\"*}
    elif [[ "$value" == \'* ]]; then
      value=${value#\'}
      value=${value%%\'*}
    else
      value=$(sed -E 's/[[:space:]]+#.*$//; s/[[:space:]]+$//' <<<"$value")
    fi
    [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || usage_error "$file: bad variable name $key"
    # Variables already in the environment win, as in the connector.
    if [ -z "${!key+x}" ]; then export "$key=$value"; fi
  done <"$file"
}

# Points libpq's PG* variables at the primary from PG_MASTER_*.
use_pg_master() {
  : "${PG_MASTER_HOST:?PG_MASTER_HOST is not set}" "${PG_MASTER_USER:?PG_MASTER_USER is not set}"
  export PGHOST=${CDC_PG_SOCKET_DIR:-$PG_MASTER_HOST}
  export PGPORT=${PG_MASTER_PORT:-5432}
  export PGUSER=$PG_MASTER_USER
  export PGPASSWORD=${PG_MASTER_PASSWORD:-}
  export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}
  unset PGDATABASE
}
