// audit_fixture: writes a hash-chained history of data_change_audit rows for one source
// database, spread over chosen years, through the sink's own store (as the audit sink would
// have written it in those years). For the retention test, which needs years of history.
//
//   audit_fixture HOST PORT USER PASSWORD DATABASE SOURCE_DB ROWS_PER_YEAR YEAR...
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "sink/audit_hash.h"
#include "sink/audit_schema.h"
#include "sink/mysql_audit_store.h"
#include "sink/mysql_session.h"

int main(int argc, char** argv) {
  if (argc < 9) {
    std::fprintf(stderr,
                 "usage: audit_fixture HOST PORT USER PASSWORD DATABASE SOURCE_DB ROWS_PER_YEAR "
                 "YEAR...\n");
    return 2;
  }
  genims::MySqlTarget target{argv[1], std::atoi(argv[2]), "", argv[3], argv[4], ""};
  const std::string database = argv[5];
  const std::string source_db = argv[6];
  const int rows_per_year = std::atoi(argv[7]);
  {
    absl::StatusOr<std::unique_ptr<genims::MySqlSession>> session =
        genims::MySqlSession::Connect(target);
    absl::StatusOr<int> tables =
        session.ok() ? genims::InstallAuditSchema(**session, database) : session.status();
    if (!tables.ok()) {
      std::fprintf(stderr, "audit_fixture: %s\n", std::string(tables.status().message()).c_str());
      return 1;
    }
  }
  target.database = database;
  genims::MySqlAuditStore store(target, "audit", "audit_fixture");
  absl::StatusOr<std::map<std::string, genims::AuditPosition>> positions = store.LoadPositions();
  if (!positions.ok()) return 1;
  genims::AuditPosition position;
  if (positions->count(source_db)) position = positions->at(source_db);
  uint64_t lsn = position.commit_lsn.raw() + 0x1000;
  for (int arg = 8; arg < argc; ++arg) {
    const int year = std::atoi(argv[arg]);
    genims::AuditBatch batch;
    for (int i = 0; i < rows_per_year; ++i) {
      genims::AuditRow row;
      row.source_db = source_db;
      row.source_schema = "public";
      row.source_table = "orders";
      row.operation = "INSERT";
      row.primary_key = absl::StrCat("{\"order_id\":\"", year * 1000 + i, "\"}");
      row.new_values =
          absl::StrCat("{\"order_id\":\"", year * 1000 + i, "\",\"year\":\"", year, "\"}");
      row.transaction_id = static_cast<uint32_t>(year * 1000 + i);
      row.commit_lsn = genims::Lsn::FromRaw(lsn += 0x100);
      row.event_seq = 1;
      row.commit_time_us = absl::ToUnixMicros(absl::FromCivil(
          absl::CivilSecond(year, 3, 1 + i % 27, 12, 0, i % 60), absl::UTCTimeZone()));
      row.prev_hash = position.last_row_hash;
      row.row_hash = genims::AuditRowHash(row);
      position = {row.commit_lsn, row.event_seq, row.row_hash};
      batch.changes.push_back(std::move(row));
    }
    batch.positions[source_db] = position;
    absl::Status status = store.Apply(batch);
    if (!status.ok()) {
      std::fprintf(stderr, "audit_fixture: %s\n", std::string(status.message()).c_str());
      return 1;
    }
  }
  std::printf("audit_fixture: %d rows per year for %d years into %s.data_change_audit\n",
              rows_per_year, argc - 8, database.c_str());
  return 0;
}
