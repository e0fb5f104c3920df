#!/bin/sh
# Re-captures the wal2json format-version 2 samples of decoder/testdata from a real server.
#
#   decoder/testdata/capture/capture.sh OUT_DIR     (PGHOST, PGPORT, PGUSER as for psql)
#
# Creates the database decoder_samples (it must not exist), runs schema.sql, creates three
# wal2json slots, runs workload.sql plus the statements below, captures with pg_recvlogical
# and pg_logical_slot_peek_changes, then drops the slots and the database. XIDs, LSNs and
# commit times differ from run to run: compare shapes, not numbers, with the committed files.
set -eu
out=${1:?usage: capture.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
db=decoder_samples
mkdir -p "$out"
# The replication connection's settings, as the connector sets them.
session="-c extra_float_digits=3 -c timezone=UTC -c datestyle=ISO -c bytea_output=hex"

cleanup() {
  for slot in s s_notypes s_tz; do
    psql -d "$db" -Atqc "SELECT pg_drop_replication_slot('$slot') FROM pg_replication_slots
                         WHERE slot_name = '$slot'" >/dev/null 2>&1 || true
  done
  dropdb --if-exists "$db"
}
trap cleanup EXIT

createdb "$db"
psql -v ON_ERROR_STOP=1 -q -d "$db" -f "$here/schema.sql"
for slot in s s_notypes s_tz; do
  pg_recvlogical -d "$db" --slot "$slot" --create-slot -P wal2json
done
psql -v ON_ERROR_STOP=1 -q -d "$db" -f "$here/workload.sql" >/dev/null
# Known wal2json 2.5 faults: a quoted, schema-qualified type name is printed as invalid JSON;
# message content is printed byte for byte (invalid UTF-8 here) and cut at the first NUL.
psql -v ON_ERROR_STOP=1 -q -d "$db" \
  -c "INSERT INTO odd_type VALUES (1, 'a')" \
  -c "SELECT pg_logical_emit_message(true, 'genims.binary', '\xff00fe'::bytea)" \
  -c "SELECT pg_logical_emit_message(true, 'genims.after', 'still flowing')" \
  -c "INSERT INTO edge_full (id, r, d, d_nn, n) VALUES (5, '-0'::real, '-0'::float8, '-1e-300', '-0.000')" \
  >/dev/null
end=$(psql -d "$db" -Atqc "SELECT pg_current_wal_lsn()")

PGOPTIONS="$session" pg_recvlogical -d "$db" --slot s --start -o format-version=2 \
  -o include-xids=1 -o include-timestamp=1 -o include-lsn=1 -o include-pk=1 \
  -o include-type-oids=1 -o include-not-null=1 -f "$out/all_options.jsonl" --endpos "$end"
PGOPTIONS="$session" pg_recvlogical -d "$db" --slot s_notypes --start -o format-version=2 \
  -o include-xids=1 -o include-timestamp=1 -o include-lsn=1 -o include-types=0 \
  -f "$out/no_types.jsonl" --endpos "$end"

# Commit times under other time zones (the walsender honours TimeZone like any session).
: >"$out/time_zones.jsonl"
for tz in Asia/Kolkata America/Los_Angeles America/St_Johns Australia/Eucla; do
  psql -d "$db" -Atq -c "SET timezone = '$tz'" -c "SELECT data FROM
    pg_logical_slot_peek_changes('s_tz', NULL, NULL, 'format-version', '2', 'include-xids', '1',
      'include-timestamp', '1', 'include-lsn', '1')
    WHERE data LIKE '{\"action\":\"B\"%' OR data LIKE '{\"action\":\"C\"%' LIMIT 2" \
    >>"$out/time_zones.jsonl"
done

# bytea_output=escape: wal2json cuts two characters off the escape form.
psql -d "$db" -Atq -c "SET bytea_output = 'escape'" -c "SELECT data FROM
  pg_logical_slot_peek_changes('s_tz', NULL, NULL, 'format-version', '2', 'include-xids', '1',
    'include-timestamp', '1', 'include-lsn', '1', 'include-type-oids', '1')
  WHERE data LIKE '{\"action\":\"U\"%edge_full%'" >"$out/bytea_escape.jsonl"
echo "captured into $out"
