#!/usr/bin/env bash
# Every sql/source/<database>.sql loads into an empty database with the contract's command
# and gives real tables: a primary key on each, replica identity FULL unless the file marks
# the table as append-only telemetry, an index behind every foreign key, a comment on each
# table, the tables the seed names (sql/seed_tables.tsv), and nothing but tables.
source "$(dirname "$0")/lib.sh"

for db in $(genims_databases); do
  scratch="schema_check_${db#genims_}"
  pg postgres "DROP DATABASE IF EXISTS $scratch" >/dev/null
  pg postgres "CREATE DATABASE $scratch" >/dev/null
  check "$db.sql loads into an empty database" \
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$scratch" -f "$GENIMS_ROOT/sql/source/$db.sql" -o /dev/null

  tables=$(pg "$scratch" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
  check "$db has at least 10 tables ($tables)" test "$tables" -ge 10
  check_eq "$db: every table has a primary key" "" "$(pg "$scratch" "
    SELECT string_agg(c.relname, ',') FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
      AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')")"

  # Tables that keep REPLICA IDENTITY DEFAULT must be declared so in the file.
  marked=$(grep -A3 -- '-- replica identity: DEFAULT' "$GENIMS_ROOT/sql/source/$db.sql" |
    sed -nE 's/^CREATE TABLE (IF NOT EXISTS )?([a-z_0-9.]+).*/\2/p' | sed 's/^public\.//' | sort | paste -sd, -)
  check_eq "$db: replica identity DEFAULT exactly on the tables marked append-only" "$marked" \
    "$(pg "$scratch" "SELECT coalesce(string_agg(relname, ',' ORDER BY relname), '') FROM pg_class
                     WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
                       AND relreplident = 'd'")"
  check_eq "$db: every other table has replica identity FULL" "" "$(pg "$scratch" "
    SELECT string_agg(relname, ',') FROM pg_class
    WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relreplident NOT IN ('d', 'f')")"

  check_eq "$db: every foreign key is backed by an index" "" "$(pg "$scratch" "
    SELECT string_agg(k.conrelid::regclass || '(' || k.conname || ')', ',') FROM pg_constraint k
    WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = k.conrelid
                      AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] @> k.conkey)")"
  check_eq "$db: every table has a comment" "" "$(pg "$scratch" "
    SELECT string_agg(relname, ',') FROM pg_class
    WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
      AND obj_description(oid, 'pg_class') IS NULL")"
  check_eq "$db: no triggers, functions or non-public schemas" "0|0|0" "$(pg "$scratch" "
    SELECT (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal),
           (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace),
           (SELECT count(*) FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema')
              AND nspname NOT LIKE 'pg\_%')")"

  # The seed's tables that live in this database (its own, or shared ones it owns).
  while IFS=$'\t' read -r seed_db seed_name table owner; do
    [ "${owner:-$seed_db}" = "$db" ] || continue
    check_eq "$seed_db: the seed's '$seed_name' is $db.$table" 1 \
      "$(pg "$scratch" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '$table'")"
  done < <(grep -v '^#' "$GENIMS_ROOT/sql/seed_tables.tsv")
  pg postgres "DROP DATABASE $scratch" >/dev/null
done
check_eq "sql/seed_tables.tsv covers all 13 databases" 13 \
  "$(grep -v '^#' "$GENIMS_ROOT/sql/seed_tables.tsv" | awk '{print $1}' | sort -u | wc -l)"
finish
