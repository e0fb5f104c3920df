#!/usr/bin/env bash
# deploy/workload runs the steady workload on all 13 databases without a failed
# transaction, writes inserts, updates and deletes, and keeps every reference intact.
source "$(dirname "$0")/lib.sh"

# Row changes per database so far (pg_stat counters are flushed when pgbench's sessions end).
changes() {
  local db
  for db in $(genims_databases); do
    echo "$db $(pg "$db" "SELECT coalesce(sum(n_tup_ins), 0) || ' ' || coalesce(sum(n_tup_upd), 0) || ' ' ||
                          coalesce(sum(n_tup_del), 0) FROM pg_stat_user_tables")"
  done
}

before=$(changes)
check "workload runs 20 s at 65 tx/s without a failure" \
  "$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds 20 --rate 65 --seed 3
sleep 1
after=$(changes)

totals=$(paste -d' ' <(echo "$before") <(echo "$after") |
  awk '{ ins += $6 - $2; upd += $7 - $3; del += $8 - $4;
         if ($6 - $2 + $7 - $3 + $8 - $4 == 0) idle = idle " " $1 }
       END { print ins, upd, del, (idle == "" ? "none" : idle) }')
read -r inserted updated deleted idle <<<"$totals"
echo "workload changed rows: $inserted inserted, $updated updated, $deleted deleted"
check_eq "every database received changes" none "$idle"
check "inserts happened" test "$inserted" -gt 0
check "updates happened" test "$updated" -gt 0
check "deletes happened" test "$deleted" -gt 0
check "inserts are the larger share (realistic mix)" test "$inserted" -gt "$deleted"

check_master_references

check_eq "a bad --seconds is a usage error (exit 2)" 2 \
  "$("$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds abc >/dev/null 2>&1; echo $?)"
finish
