#!/usr/bin/env bash
# genims-cdc's command-line contract: exit status 2 and one line naming the problem for bad
# usage or configuration; --env-file before or after the command; passwords never printed.
set -uo pipefail
cdc=${1:?usage: cli_test.sh path/to/genims-cdc}
checks=0
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

expect() {  # expect "description" want_status want_stderr_regex -- command...
  local description=$1 want_status=$2 want_err=$3
  shift 4
  local err status
  err=$("$@" 2>&1 >/dev/null)
  status=$?
  checks=$((checks + 1))
  if [ "$status" -eq "$want_status" ] && grep -qE -- "$want_err" <<<"$err" &&
    [ "$(printf '%s' "$err" | grep -c '')" -le 1 ]; then
    echo "ok   $description"
  else
    echo "FAIL $description: status $status, stderr [$err]"
    failures=$((failures + 1))
  fi
}

cat >"$work/good.env" <<ENV
PG_MASTER_HOST=127.0.0.1
PG_MASTER_USER=genims
PG_MASTER_PASSWORD=TopSecret-pg-1
MYSQL_AUDIT_HOST=127.0.0.1
MYSQL_AUDIT_DB=genims_audit_db
MYSQL_AUDIT_USER=genims
MYSQL_AUDIT_PASSWORD=TopSecret-my-2
ETL_BATCH_SIZE=1000                  # Rows per insert
ENV
printf 'PG_MASTER_HOST=h\nPG_MASTER_USER=u\nETL_BATCH_SIZE=lots\nPG_MASTER_PASSWORD=TopSecret-3\n' >"$work/bad.env"

clean_env=(env -i PATH="$PATH")
expect "no command is a usage error" 2 "no command given" -- "${clean_env[@]}" "$cdc"
expect "unknown command" 2 'unknown command "frobnicate"' -- "${clean_env[@]}" "$cdc" --env-file "$work/good.env" frobnicate
expect "missing env file" 2 "cannot read env file .*missing.env" -- "${clean_env[@]}" "$cdc" --env-file "$work/missing.env" config
expect "--env-file without a value" 2 "needs a file name" -- "${clean_env[@]}" "$cdc" config --env-file
expect "missing required variable" 2 "^genims-cdc: PG_MASTER_HOST: is required" -- "${clean_env[@]}" "$cdc" config
expect "malformed value names the variable" 2 "ETL_BATCH_SIZE: expected an integer" -- "${clean_env[@]}" "$cdc" --env-file "$work/bad.env" config
expect "slots without a command" 2 "^genims-cdc: slots: expected check, create, list or drop" -- "${clean_env[@]}" "$cdc" --env-file "$work/good.env" slots
expect "slots drop needs --db or --all" 2 "^genims-cdc: slots: drop needs --db NAME or --all" -- "${clean_env[@]}" "$cdc" --env-file "$work/good.env" slots drop
expect "slots create of an unconfigured database" 2 "create --db genims_nope_db: not in CDC_DATABASES" -- "${clean_env[@]}" "$cdc" --env-file "$work/good.env" slots create --db genims_nope_db
expect "slots list with an unknown option" 2 'unexpected "--force"' -- "${clean_env[@]}" "$cdc" slots list --force --env-file "$work/good.env"
expect "env file before the command" 0 "^$" -- "${clean_env[@]}" "$cdc" --env-file "$work/good.env" config
expect "env file after the command" 0 "^$" -- "${clean_env[@]}" "$cdc" config --env-file "$work/good.env"

checks=$((checks + 1))
out=$("${clean_env[@]}" "$cdc" --env-file "$work/good.env" config 2>&1; "${clean_env[@]}" "$cdc" --env-file "$work/bad.env" config 2>&1)
if grep -q TopSecret <<<"$out"; then
  echo "FAIL a password was printed"
  failures=$((failures + 1))
else
  echo "ok   passwords never printed"
fi
checks=$((checks + 1))
if "${clean_env[@]}" PG_MASTER_PORT=6000 "$cdc" --env-file "$work/good.env" config | grep -q ':6000 '; then
  echo "ok   the environment wins over the env file"
else
  echo "FAIL the environment did not win over the env file"
  failures=$((failures + 1))
fi

echo "cli_test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
