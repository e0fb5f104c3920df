#include "connector/reporting_load.h"

#include <unistd.h>

#include <map>
#include <memory>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "checkpoint/status_macros.h"
#include "connector/pg_connection.h"
#include "sink/report_sql.h"

namespace genims {
namespace {

constexpr int kFetchRows = 20000;
constexpr size_t kStateFlushEntries = 50000;

// One database read at its exported snapshot. The replication connection holds the temporary
// slot, and with it the snapshot, until destroyed.
struct Snapshot {
  std::unique_ptr<PgConnection> replication;
  std::unique_ptr<PgConnection> reader;
  Lsn load_point;
};

absl::StatusOr<Snapshot> OpenSnapshot(const Config& config, const std::string& database) {
  Snapshot snapshot;
  GENIMS_ASSIGN_OR_RETURN(snapshot.replication,
                          PgConnection::Connect(config.primary, config.pg_socket_dir, database,
                                                ConnectionKind::kReplication));
  const std::string slot =
      absl::StrCat("genims_load_", getpid(), "_", absl::ToUnixMicros(absl::Now()) % 1000000);
  GENIMS_ASSIGN_OR_RETURN(PgRows rows, snapshot.replication->Query(absl::StrCat(
                                           "CREATE_REPLICATION_SLOT ", slot,
                                           " TEMPORARY LOGICAL pgoutput EXPORT_SNAPSHOT")));
  const int point = rows.Column("consistent_point");
  const int name = rows.Column("snapshot_name");
  if (rows.size() != 1 || point < 0 || name < 0) {
    return absl::InternalError("CREATE_REPLICATION_SLOT: unexpected answer");
  }
  GENIMS_ASSIGN_OR_RETURN(snapshot.load_point, Lsn::Parse(rows.Get(0, point)));
  const std::string snapshot_name(rows.Get(0, name));
  GENIMS_ASSIGN_OR_RETURN(snapshot.reader,
                          PgConnection::Connect(config.primary, config.pg_socket_dir, database,
                                                ConnectionKind::kNormal));
  GENIMS_RETURN_IF_ERROR(
      snapshot.reader->Query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY").status());
  GENIMS_RETURN_IF_ERROR(
      snapshot.reader->Query(absl::StrCat("SET TRANSACTION SNAPSHOT '", snapshot_name, "'"))
          .status());
  return snapshot;
}

// Runs `sql` through a cursor, calling `row(rows, i)` for each result row.
absl::Status ForEachRow(PgConnection& connection, const std::string& sql,
                        const std::function<absl::Status(const PgRows&, int)>& row) {
  GENIMS_RETURN_IF_ERROR(
      connection.Query(absl::StrCat("DECLARE genims_load NO SCROLL CURSOR FOR ", sql)).status());
  for (;;) {
    GENIMS_ASSIGN_OR_RETURN(PgRows rows, connection.Query(absl::StrCat("FETCH FORWARD ", kFetchRows,
                                                                       " FROM genims_load")));
    for (int i = 0; i < rows.size(); ++i) GENIMS_RETURN_IF_ERROR(row(rows, i));
    if (rows.size() < kFetchRows) break;
  }
  return connection.Query("CLOSE genims_load").status();
}

std::string PgText(absl::string_view column) {
  return absl::StrCat("CASE WHEN \"", column, "\" IS NULL THEN NULL ELSE format('%s', \"", column,
                      "\") END");
}

Values RowValues(const PgRows& rows, int row, int first, int count) {
  Values values;
  for (int c = first; c < first + count; ++c) {
    if (rows.IsNull(row, c)) {
      values.emplace_back();
    } else {
      values.emplace_back(std::string(rows.Get(row, c)));
    }
  }
  return values;
}

}  // namespace

PgReportingLoader::PgReportingLoader(const Config* config, Spool* spool,
                                     std::vector<DatabaseId> captured,
                                     std::function<void(const std::string&)> log)
    : config_(config), spool_(spool), captured_(std::move(captured)), log_(std::move(log)) {}

absl::Status PgReportingLoader::Load(ReportingEngine& engine, ReportingStore& store) {
  const absl::Time start = absl::Now();
  const std::vector<ReportPlan>& plans = engine.plans();
  GENIMS_RETURN_IF_ERROR(spool_->DeleteStatePrefix("R"));
  // The stream resumes from here; keep the spool from being trimmed past it meanwhile.
  GENIMS_ASSIGN_OR_RETURN(auto databases, spool_->Databases());
  if (databases.empty() || captured_.empty()) {
    return absl::FailedPreconditionError("reporting load: no captured database in the spool");
  }
  const Lsn below = spool_->Watermark(captured_);
  const ReportingPosition position{Lsn::FromRaw(below.raw() > 0 ? below.raw() - 1 : 0),
                                   databases.front().first, UINT32_MAX};
  GENIMS_RETURN_IF_ERROR(spool_->SetSinkCursor(
      "reporting", EventKey{position.commit_lsn, databases.front().second, position.seq}));

  std::set<std::string> needed;
  for (const ReportPlan& plan : plans) {
    needed.insert(plan.definition().database);
    for (const ReportLookup& lookup : plan.definition().lookups) needed.insert(lookup.database);
  }
  std::map<std::string, Snapshot> snapshots;
  for (const std::string& database : needed) {
    absl::StatusOr<Snapshot> snapshot = OpenSnapshot(*config_, database);
    if (!snapshot.ok()) {
      return absl::Status(snapshot.status().code(),
                          absl::StrCat("reporting load: snapshot of ", database, ": ",
                                       snapshot.status().message()));
    }
    snapshots.emplace(database, std::move(*snapshot));
  }

  StateView state(spool_);
  auto maybe_flush = [&]() -> absl::Status {
    if (state.pending().size() < kStateFlushEntries) return absl::OkStatus();
    GENIMS_RETURN_IF_ERROR(spool_->WriteState(state.pending(), /*sync=*/false));
    state.Clear();
    return absl::OkStatus();
  };
  uint64_t dimension_rows = 0;
  for (size_t r = 0; r < plans.size(); ++r) {
    const ReportDefinition& definition = plans[r].definition();
    for (size_t l = 0; l < definition.lookups.size(); ++l) {
      const ReportLookup& lookup = definition.lookups[l];
      GENIMS_RETURN_IF_ERROR(ForEachRow(
          *snapshots.at(lookup.database).reader, LookupSql(lookup),
          [&](const PgRows& rows, int i) -> absl::Status {
            if (rows.IsNull(i, 0)) return absl::OkStatus();
            ++dimension_rows;
            GENIMS_RETURN_IF_ERROR(engine.LoadDimension(
                r, l, std::string(rows.Get(i, 0)),
                RowValues(rows, i, 1, static_cast<int>(lookup.attributes.size())), &state));
            return maybe_flush();
          }));
    }
  }
  ReportDeltas deltas;
  uint64_t facts = 0;
  for (size_t r = 0; r < plans.size(); ++r) {
    const ReportDefinition& definition = plans[r].definition();
    PgConnection& reader = *snapshots.at(definition.database).reader;
    const std::string table =
        absl::StrCat("\"", definition.schema, "\".\"", definition.table, "\"");
    GENIMS_ASSIGN_OR_RETURN(PgRows key_rows,
                            reader.Query("SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                                         "ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                                         "WHERE i.indrelid = $1::regclass AND i.indisprimary "
                                         "ORDER BY array_position(i.indkey::int2[], a.attnum)",
                                         {table}));
    if (key_rows.size() == 0) {
      return absl::FailedPreconditionError(absl::StrCat(
          "report ", definition.name, ": ", table, " has no primary key to follow its rows by"));
    }
    std::vector<std::string> select;
    for (int k = 0; k < key_rows.size(); ++k) select.push_back(PgText(key_rows.Get(k, 0)));
    const int key_count = key_rows.size();
    for (const std::string& column : plans[r].fact_columns()) select.push_back(PgText(column));
    const int column_count = static_cast<int>(plans[r].fact_columns().size());
    GENIMS_RETURN_IF_ERROR(ForEachRow(
        reader, absl::StrCat("SELECT ", absl::StrJoin(select, ", "), " FROM ", table),
        [&](const PgRows& rows, int i) -> absl::Status {
          std::string fact_key;
          for (int k = 0; k < key_count; ++k) {
            if (k > 0) fact_key.push_back('\0');
            fact_key.append(rows.Get(i, k).data(), rows.Get(i, k).size());
          }
          ++facts;
          GENIMS_RETURN_IF_ERROR(engine.LoadFact(
              r, fact_key, RowValues(rows, i, key_count, column_count), &state, &deltas));
          return maybe_flush();
        }));
  }
  GENIMS_RETURN_IF_ERROR(store.Apply(deltas, position, /*replace=*/true));
  std::map<std::string, std::optional<std::string>> changes = state.pending();
  changes[ReportingSink::kPositionKey] = ReportingSink::EncodePosition(position);
  for (const auto& [database, snapshot] : snapshots) {
    changes[ReportingSink::LoadPointKey(database)] = absl::StrCat(snapshot.load_point.raw());
  }
  GENIMS_RETURN_IF_ERROR(spool_->WriteState(changes, /*sync=*/true));
  if (log_) {
    log_(absl::StrCat(
        "reporting load: ", plans.size(), " tables from ", facts, " facts and ", dimension_rows,
        " dimension rows of ", snapshots.size(), " database snapshots in ",
        absl::FormatDuration(absl::Trunc(absl::Now() - start, absl::Milliseconds(1)))));
  }
  return absl::OkStatus();
}

}  // namespace genims
