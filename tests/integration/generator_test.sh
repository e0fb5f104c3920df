#!/usr/bin/env bash
# deploy/generate fills all 13 databases, keeps every foreign key (within a database, checked
# row by row, and across databases per sql/references.tsv), and is deterministic: the same
# seed gives identical tables, another seed different ones. Leaves the stack generated with
# seed 1 at demo scale for the tests that need data (fixture "generated").
source "$(dirname "$0")/lib.sh"
generate="$GENIMS_ROOT/deploy/generate"
end_date=2026-11-01

# One md5 per database over every table's rows (order-independent).
fingerprint() {
  local db
  for db in $(genims_databases); do
    pg "$db" "
      SELECT md5(string_agg(table_hash, '' ORDER BY tablename)) FROM (
        SELECT tablename, (xpath('/row/h/text()', query_to_xml(format(
          'SELECT md5(coalesce(string_agg(md5(t::text), '''' ORDER BY md5(t::text)), '''')) AS h FROM %I t',
          tablename), false, true, '')))[1]::text AS table_hash
        FROM pg_tables WHERE schemaname = 'public') hashes"
  done
}

check "generate --seed 7" "$generate" --env-file "$STACK_ENV" --seed 7 --scale demo --end-date $end_date
first=$(fingerprint)
check "generate --seed 7 again" "$generate" --env-file "$STACK_ENV" --seed 7 --scale demo --end-date $end_date
check_eq "the same seed gives identical tables in all 13 databases" "$first" "$(fingerprint)"
check "generate --seed 8" "$generate" --env-file "$STACK_ENV" --seed 8 --scale demo --end-date $end_date
second=$(fingerprint)
check "another seed changes every database" test "$(paste <(echo "$first") <(echo "$second") | awk '$1 == $2' | wc -l)" -eq 0

check "generate --seed 1 (left for the workload tests)" "$generate" --env-file "$STACK_ENV" --seed 1 --scale demo --end-date $end_date

for db in $(genims_databases); do
  check_eq "$db: every table has rows" "" "$(pg "$db" "
    SELECT string_agg(tablename, ',') FROM pg_tables
    WHERE schemaname = 'public'
      AND (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', tablename),
                                                  false, true, '')))[1]::text::bigint = 0")"
  check_eq "$db: no foreign key left unvalidated" 0 \
    "$(pg "$db" "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated")"
  # Re-check each foreign key row by row (a generator could have bypassed them with
  # session_replication_role): count child rows without a parent.
  orphans=$(pg "$db" "
    SELECT coalesce(string_agg(conname || '=' || orphans, ',') FILTER (WHERE orphans > 0), '')
    FROM (
      SELECT k.conname, (xpath('/row/n/text()', query_to_xml(format(
          'SELECT count(*) AS n FROM %s c WHERE (%s) IS NOT NULL AND NOT EXISTS (SELECT FROM %s p WHERE (%s) = (%s))',
          k.conrelid::regclass,
          (SELECT string_agg(format('c.%I', attname), ',') FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n),
          k.confrelid::regclass,
          (SELECT string_agg(format('p.%I', attname), ',' ORDER BY i) FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n),
          (SELECT string_agg(format('c.%I', attname), ',' ORDER BY i) FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n)),
        false, true, '')))[1]::text::bigint AS orphans
      FROM pg_constraint k WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace) checks")
  check_eq "$db: every foreign key holds row by row" "" "$orphans"
done

check_master_references
finish
