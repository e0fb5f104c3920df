#include "sink/reporting_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checkpoint/status_macros.h"
#include "sink/report_sql.h"

namespace genims {
namespace {

constexpr size_t kStatementBytes = 4 << 20;
constexpr char kPositionTable[] =
    "CREATE TABLE IF NOT EXISTS reporting_position (\n"
    "  sink_name VARCHAR(64) NOT NULL PRIMARY KEY,\n"
    "  commit_lsn BIGINT UNSIGNED NOT NULL COMMENT 'spool position of the last applied event',\n"
    "  source_db VARCHAR(64) NOT NULL,\n"
    "  event_seq INT UNSIGNED NOT NULL,\n"
    "  updated_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))\n"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

std::string Quoted(absl::string_view name) { return absl::StrCat("`", name, "`"); }

}  // namespace

ReportingStore::ReportingStore(MySqlTarget target, const std::vector<ReportPlan>* plans)
    : target_(std::move(target)), plans_(plans) {}

absl::Status ReportingStore::Connect(bool with_database) {
  if (session_ != nullptr) return absl::OkStatus();
  MySqlTarget target = target_;
  if (!with_database) target.database.clear();
  GENIMS_ASSIGN_OR_RETURN(session_, MySqlSession::Connect(target));
  return absl::OkStatus();
}

absl::Status ReportingStore::Run(const std::string& statement) {
  absl::StatusOr<uint64_t> result = session_->Execute(statement);
  if (!result.ok()) {
    session_.reset();
    return result.status();
  }
  return absl::OkStatus();
}

absl::StatusOr<int> ReportingStore::InstallSchema(const std::string& views_sql,
                                                  std::string* views_note) {
  session_.reset();
  GENIMS_RETURN_IF_ERROR(Connect(/*with_database=*/false));
  GENIMS_RETURN_IF_ERROR(
      Run(absl::StrCat("CREATE DATABASE IF NOT EXISTS ", Quoted(target_.database),
                       " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")));
  GENIMS_RETURN_IF_ERROR(Run(absl::StrCat("USE ", Quoted(target_.database))));
  GENIMS_RETURN_IF_ERROR(Run(kPositionTable));
  for (const ReportPlan& plan : *plans_) {
    GENIMS_RETURN_IF_ERROR(Run(ReportTableDdl(plan.definition())));
  }
  if (!views_sql.empty()) {
    absl::Status status = session_->ExecuteScript(views_sql);
    if (absl::IsFailedPrecondition(status)) {
      *views_note = absl::StrCat("views not created: ", status.message());
    } else if (!status.ok()) {
      session_.reset();
      return status;
    }
  }
  session_.reset();
  return static_cast<int>(plans_->size());
}

absl::StatusOr<std::optional<ReportingPosition>> ReportingStore::LoadPosition() {
  GENIMS_RETURN_IF_ERROR(Connect(true));
  absl::StatusOr<std::vector<MySqlRow>> rows = session_->Query(
      "SELECT commit_lsn, source_db, event_seq FROM reporting_position "
      "WHERE sink_name = 'reporting'");
  if (!rows.ok()) {
    session_.reset();
    return rows.status();
  }
  if (rows->empty()) return std::optional<ReportingPosition>();
  const MySqlRow& row = rows->front();
  uint64_t lsn = 0;
  ReportingPosition position;
  if (!row[0] || !absl::SimpleAtoi(*row[0], &lsn) || !row[1] || !row[2] ||
      !absl::SimpleAtoi(*row[2], &position.seq)) {
    return absl::DataLossError("malformed row in reporting_position");
  }
  position.commit_lsn = Lsn::FromRaw(lsn);
  position.source_db = *row[1];
  return std::optional<ReportingPosition>(position);
}

absl::Status ReportingStore::RequestRebuild() {
  GENIMS_RETURN_IF_ERROR(Connect(true));
  return Run("DELETE FROM reporting_position WHERE sink_name = 'reporting'");
}

absl::Status ReportingStore::Apply(const ReportDeltas& deltas, const ReportingPosition& position,
                                   bool replace, const std::optional<ReportingPosition>& previous) {
  GENIMS_RETURN_IF_ERROR(Connect(true));
  absl::Status status = ApplyInTransaction(deltas, position, replace, previous);
  if (!status.ok() && session_ != nullptr) {
    session_->Rollback();
    session_.reset();
  }
  return status;
}

absl::Status ReportingStore::ApplyInTransaction(const ReportDeltas& deltas,
                                                const ReportingPosition& position, bool replace,
                                                const std::optional<ReportingPosition>& previous) {
  GENIMS_RETURN_IF_ERROR(Run("START TRANSACTION"));
  if (!replace) {
    absl::StatusOr<std::vector<MySqlRow>> rows = session_->Query(
        "SELECT commit_lsn, source_db, event_seq FROM reporting_position "
        "WHERE sink_name = 'reporting' FOR UPDATE");
    if (!rows.ok()) {
      session_.reset();
      return rows.status();
    }
    const bool same = previous && rows->size() == 1 && (*rows)[0][0] &&
                      *(*rows)[0][0] == absl::StrCat(previous->commit_lsn.raw()) &&
                      (*rows)[0][1] == previous->source_db &&
                      (*rows)[0][2] == absl::StrCat(previous->seq);
    if (!same) {
      return absl::AbortedError(
          "reporting_position changed under this sink (a rebuild was requested, or another "
          "instance writes the same reporting database)");
    }
  }
  if (replace) {
    for (const ReportPlan& plan : *plans_) {
      GENIMS_RETURN_IF_ERROR(Run(absl::StrCat("DELETE FROM ", Quoted(plan.definition().name))));
    }
  }
  auto it = deltas.begin();
  while (it != deltas.end()) {
    const size_t report = it->first.first;
    const ReportDefinition& definition = (*plans_)[report].definition();
    std::vector<std::string> columns;
    for (const ReportKey& key : definition.keys) columns.push_back(Quoted(key.name));
    std::vector<std::string> updates = {"`fact_count` = `fact_count` + VALUES(`fact_count`)"};
    for (const ReportMeasure& measure : definition.measures) {
      updates.push_back(absl::StrCat(Quoted(measure.name), " = ", Quoted(measure.name),
                                     " + VALUES(", Quoted(measure.name), ")"));
    }
    updates.push_back("`updated_at` = VALUES(`updated_at`)");
    const std::string head = absl::StrCat(
        "INSERT INTO ", Quoted(definition.name), " (", absl::StrJoin(columns, ", "),
        ", `fact_count`", definition.measures.empty() ? "" : ", ",
        absl::StrJoin(
            definition.measures, ", ",
            [](std::string* out, const ReportMeasure& m) { out->append(Quoted(m.name)); }),
        ", `updated_at`) VALUES ");
    const std::string tail =
        absl::StrCat(" ON DUPLICATE KEY UPDATE ", absl::StrJoin(updates, ", "));
    std::string statement;
    std::vector<std::string> emptied;  // Key tuples whose fact_count went down.
    for (; it != deltas.end() && it->first.first == report; ++it) {
      const std::vector<Decimal6>& values = it->second;
      bool all_zero = true;
      for (const Decimal6& value : values) all_zero = all_zero && value.is_zero();
      if (all_zero) continue;
      std::string tuple = "(";
      std::vector<std::string> key_values;
      for (const std::string& key : it->first.second) {
        std::string quoted;
        session_->AppendQuoted(key, &quoted);
        key_values.push_back(std::move(quoted));
      }
      absl::StrAppend(&tuple, absl::StrJoin(key_values, ","));
      for (size_t v = 0; v < values.size(); ++v) {
        const bool integral =
            v == 0 || definition.measures[v - 1].kind != ReportMeasure::Kind::kSum;
        const std::string text = values[v].ToString();
        absl::StrAppend(&tuple, ",", integral ? text.substr(0, text.find('.')) : text);
      }
      absl::StrAppend(&tuple, ",UTC_TIMESTAMP(6))");
      if (values[0].millionths() < 0) {
        emptied.push_back(absl::StrCat("(", absl::StrJoin(key_values, ","), ")"));
      }
      if (!statement.empty() && statement.size() + tuple.size() > kStatementBytes) {
        GENIMS_RETURN_IF_ERROR(Run(absl::StrCat(statement, tail)));
        statement.clear();
      }
      absl::StrAppend(&statement, statement.empty() ? head : ",", tuple);
    }
    if (!statement.empty()) GENIMS_RETURN_IF_ERROR(Run(absl::StrCat(statement, tail)));
    for (size_t start = 0; start < emptied.size(); start += 500) {
      const size_t end = std::min(emptied.size(), start + 500);
      GENIMS_RETURN_IF_ERROR(Run(
          absl::StrCat("DELETE FROM ", Quoted(definition.name), " WHERE `fact_count` <= 0 AND (",
                       absl::StrJoin(columns, ", "), ") IN (",
                       absl::StrJoin(emptied.begin() + start, emptied.begin() + end, ","), ")")));
    }
  }
  GENIMS_RETURN_IF_ERROR(Run(absl::StrCat(
      "INSERT INTO reporting_position (sink_name, commit_lsn, source_db, event_seq, updated_at) "
      "VALUES ('reporting', ",
      position.commit_lsn.raw(), ", ", session_->Quote(position.source_db), ", ", position.seq,
      ", UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE commit_lsn = VALUES(commit_lsn), "
      "source_db = VALUES(source_db), event_seq = VALUES(event_seq), "
      "updated_at = VALUES(updated_at)")));
  return Run("COMMIT");
}

absl::StatusOr<std::vector<MySqlRow>> ReportingStore::ReadTable(const ReportPlan& plan) {
  GENIMS_RETURN_IF_ERROR(Connect(true));
  std::vector<std::string> columns;
  for (const ReportKey& key : plan.definition().keys) columns.push_back(Quoted(key.name));
  columns.push_back("`fact_count`");
  for (const ReportMeasure& measure : plan.definition().measures) {
    columns.push_back(Quoted(measure.name));
  }
  absl::StatusOr<std::vector<MySqlRow>> rows = session_->Query(absl::StrCat(
      "SELECT ", absl::StrJoin(columns, ", "), " FROM ", Quoted(plan.definition().name)));
  if (!rows.ok()) session_.reset();
  return rows;
}

}  // namespace genims
