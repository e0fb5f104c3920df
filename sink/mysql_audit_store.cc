#include "sink/mysql_audit_store.h"

#include <algorithm>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "checkpoint/status_macros.h"
#include "sink/audit_hash.h"

namespace genims {
namespace {

constexpr size_t kStatementCeiling = 8 << 20;  // Even when max_allowed_packet allows more.

// Builds multi-row INSERTs of one table, running each when the next tuple would make it too
// long for the server.
class InsertWriter {
 public:
  InsertWriter(MySqlSession* session, std::string head, size_t max_bytes,
               absl::FunctionRef<absl::Status(const std::string&)> run)
      : session_(session), head_(std::move(head)), max_bytes_(max_bytes), run_(run) {}

  // Starts a tuple; append its values with Value()/Null()/Number(), then End().
  absl::Status Begin() {
    if (rows_ > 0 && statement_.size() >= max_bytes_) GENIMS_RETURN_IF_ERROR(Finish());
    if (rows_ == 0) {
      statement_ = head_;
    } else {
      statement_.push_back(',');
    }
    statement_.push_back('(');
    first_value_ = true;
    return absl::OkStatus();
  }
  void Value(absl::string_view text) {
    Separator();
    session_->AppendQuoted(text, &statement_);
  }
  void Optional(const std::optional<std::string>& text) {
    if (text) {
      Value(*text);
    } else {
      Null();
    }
  }
  void Null() {
    Separator();
    statement_.append("NULL");
  }
  void Number(uint64_t value) {
    Separator();
    absl::StrAppend(&statement_, value);
  }
  void End() {
    statement_.push_back(')');
    ++rows_;
  }
  absl::Status Finish() {
    if (rows_ == 0) return absl::OkStatus();
    rows_ = 0;
    return run_(statement_);
  }

 private:
  void Separator() {
    if (!first_value_) statement_.push_back(',');
    first_value_ = false;
  }

  MySqlSession* const session_;
  const std::string head_;
  const size_t max_bytes_;
  absl::FunctionRef<absl::Status(const std::string&)> run_;
  std::string statement_;
  size_t rows_ = 0;
  bool first_value_ = true;
};

// One field of a LOAD DATA row (FIELDS TERMINATED BY '\t' ESCAPED BY '\\', LINES TERMINATED
// BY '\n'): NULL as \N, the separators and the escape character escaped.
void AppendTsvField(const std::optional<absl::string_view>& value, std::string* out) {
  if (!value) {
    out->append("\\N");
    return;
  }
  // Runs without a character to escape are copied whole (values are mostly such runs).
  absl::string_view rest = *value;
  static constexpr absl::string_view kSpecial("\\\t\n\r\0", 5);
  for (size_t special; (special = rest.find_first_of(kSpecial)) != absl::string_view::npos;) {
    out->append(rest.data(), special);
    switch (rest[special]) {
      case '\\':
        out->append("\\\\");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      default:
        out->append("\\0");
    }
    rest.remove_prefix(special + 1);
  }
  out->append(rest.data(), rest.size());
}

std::optional<absl::string_view> View(const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  return absl::string_view(*value);
}

constexpr char kChangeColumns[] =
    "source_db, source_schema, source_table, operation, primary_key, old_values, new_values, "
    "changed_columns, transaction_id, commit_lsn, event_seq, commit_time, user_id, user_source, "
    "masked_columns, lost_values, row_hash, prev_hash";

}  // namespace

MySqlAuditStore::MySqlAuditStore(MySqlTarget target, std::string sink_name, std::string instance_id)
    : target_(std::move(target)),
      sink_name_(std::move(sink_name)),
      instance_id_(std::move(instance_id)) {}

absl::Status MySqlAuditStore::Connect() {
  if (session_ != nullptr) return absl::OkStatus();
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<MySqlSession> session, MySqlSession::Connect(target_));
  GENIMS_ASSIGN_OR_RETURN(std::vector<MySqlRow> rows,
                          session->Query("SELECT @@max_allowed_packet"));
  uint64_t max_packet = 0;
  if (!rows.empty() && rows[0][0] && absl::SimpleAtoi(*rows[0][0], &max_packet)) {
    // Leave room for the statement around the tuples and for one more tuple's overshoot.
    max_statement_bytes_ = std::clamp<uint64_t>(max_packet / 2, 64 << 10, kStatementCeiling);
  }
  session_ = std::move(session);
  return absl::OkStatus();
}

absl::Status MySqlAuditStore::Run(const std::string& statement) {
  absl::StatusOr<uint64_t> result = session_->Execute(statement);
  if (!result.ok()) {
    session_.reset();  // Whatever state it is in, a fresh connection starts clean.
    return result.status();
  }
  return absl::OkStatus();
}

absl::StatusOr<std::map<std::string, AuditPosition>> MySqlAuditStore::LoadPositions() {
  GENIMS_RETURN_IF_ERROR(Connect());
  absl::StatusOr<std::vector<MySqlRow>> rows =
      session_->Query(absl::StrCat("SELECT source_db, commit_lsn, event_seq, last_row_hash "
                                   "FROM sink_positions WHERE sink_name = ",
                                   session_->Quote(sink_name_)));
  if (!rows.ok()) {
    session_.reset();
    return rows.status();
  }
  std::map<std::string, AuditPosition> positions;
  for (const MySqlRow& row : *rows) {
    AuditPosition position;
    uint64_t commit_lsn = 0;
    if (!row[0] || !row[1] || !row[2] || !absl::SimpleAtoi(*row[1], &commit_lsn) ||
        !absl::SimpleAtoi(*row[2], &position.event_seq) || !row[3] || row[3]->size() != 64) {
      return absl::DataLossError("audit: malformed row in sink_positions");
    }
    position.commit_lsn = Lsn::FromRaw(commit_lsn);
    position.last_row_hash = *row[3];
    positions[*row[0]] = std::move(position);
  }
  return positions;
}

absl::Status MySqlAuditStore::Apply(const AuditBatch& batch) {
  GENIMS_RETURN_IF_ERROR(Connect());
  absl::Status status = ApplyInTransaction(batch);
  if (!status.ok() && session_ != nullptr) {
    session_->Rollback();
    session_.reset();
  }
  if (status.code() == absl::StatusCode::kAlreadyExists) {
    // A row at a position sink_positions says is not yet written: someone restored or edited
    // one without the other. Never overwrite audit rows; stop for an operator.
    return absl::FailedPreconditionError(
        absl::StrCat("audit: ", status.message(),
                     " -- data_change_audit already holds a row sink_positions says is unwritten"));
  }
  return status;
}

absl::Status MySqlAuditStore::ApplyInTransaction(const AuditBatch& batch) {
  GENIMS_RETURN_IF_ERROR(Run("START TRANSACTION"));
  auto run = [this](const std::string& statement) { return Run(statement); };
  auto change_columns = [](absl::string_view table, bool hashed) {
    return absl::StrCat(
        "INSERT INTO ", table,
        " (source_db, source_schema, source_table, operation, primary_key, old_values, "
        "new_values, changed_columns, transaction_id, commit_lsn, event_seq, commit_time, "
        "user_id",
        hashed ? ", user_source, masked_columns, lost_values, row_hash, prev_hash" : "",
        ") VALUES ");
  };
  // data_change_audit, the bulk of a batch: LOAD DATA LOCAL from memory when the server
  // allows it (MariaDB parses it ~1.5x cheaper than INSERT, FACTS.md), else multi-row INSERT.
  bool changes_loaded = false;
  if (load_data_ && !batch.changes.empty()) {
    std::string data;
    data.reserve(batch.payload_bytes + batch.changes.size() * 256);
    for (const AuditRow& row : batch.changes) {
      const std::string transaction_id = absl::StrCat(row.transaction_id);
      const std::string commit_lsn = absl::StrCat(row.commit_lsn.raw());
      const std::string event_seq = absl::StrCat(row.event_seq);
      const std::string commit_time = FormatCommitTime(row.commit_time_us);
      const std::optional<absl::string_view> fields[] = {row.source_db,
                                                         row.source_schema,
                                                         row.source_table,
                                                         row.operation,
                                                         View(row.primary_key),
                                                         View(row.old_values),
                                                         View(row.new_values),
                                                         View(row.changed_columns),
                                                         transaction_id,
                                                         commit_lsn,
                                                         event_seq,
                                                         commit_time,
                                                         View(row.user_id),
                                                         View(row.user_source),
                                                         View(row.masked_columns),
                                                         View(row.lost_values),
                                                         row.row_hash,
                                                         row.prev_hash};
      for (size_t f = 0; f < std::size(fields); ++f) {
        if (f > 0) data.push_back('\t');
        AppendTsvField(fields[f], &data);
      }
      data.push_back('\n');
    }
    unsigned int warnings = 0;
    absl::StatusOr<uint64_t> loaded = session_->LoadData(
        absl::StrCat("LOAD DATA LOCAL INFILE 'genims-cdc-batch' INTO TABLE data_change_audit "
                     "CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' "
                     "LINES TERMINATED BY '\\n' (",
                     kChangeColumns, ")"),
        data, &warnings);
    if (loaded.ok()) {
      if (*loaded != batch.changes.size()) {
        // LOCAL turns duplicate keys into skipped rows: a row was already there.
        return absl::AlreadyExistsError(
            absl::StrCat("LOAD DATA took ", *loaded, " of ", batch.changes.size(), " rows"));
      }
      if (warnings > 0) {
        // A value the server converted instead of refusing: never in an audit trail.
        return absl::InternalError(absl::StrCat("LOAD DATA into data_change_audit reported ",
                                                warnings,
                                                " warnings (a value would "
                                                "have been altered); the batch is rolled back"));
      }
      changes_loaded = true;
    } else if (absl::IsFailedPrecondition(loaded.status())) {
      load_data_ = false;  // local_infile is off on this server: INSERT from now on.
    } else {
      session_.reset();
      return loaded.status();
    }
  }
  InsertWriter changes(session_.get(), change_columns("data_change_audit", true),
                       max_statement_bytes_, run);
  InsertWriter configs(session_.get(), change_columns("config_change_audit", false),
                       max_statement_bytes_, run);
  for (const AuditRow& row : batch.changes) {
    for (InsertWriter* writer : {&changes, &configs}) {
      const bool hashed = writer == &changes;
      if (hashed && changes_loaded) continue;
      if (!hashed && !row.config_table) continue;
      GENIMS_RETURN_IF_ERROR(writer->Begin());
      writer->Value(row.source_db);
      writer->Value(row.source_schema);
      writer->Value(row.source_table);
      writer->Value(row.operation);
      writer->Optional(row.primary_key);
      writer->Optional(row.old_values);
      writer->Optional(row.new_values);
      writer->Optional(row.changed_columns);
      writer->Number(row.transaction_id);
      writer->Number(row.commit_lsn.raw());
      writer->Number(row.event_seq);
      writer->Value(FormatCommitTime(row.commit_time_us));
      writer->Optional(row.user_id);
      if (hashed) {
        writer->Optional(row.user_source);
        writer->Optional(row.masked_columns);
        writer->Optional(row.lost_values);
        writer->Value(row.row_hash);
        writer->Value(row.prev_hash);
      }
      writer->End();
    }
  }
  GENIMS_RETURN_IF_ERROR(changes.Finish());
  GENIMS_RETURN_IF_ERROR(configs.Finish());

  InsertWriter sensitive(
      session_.get(),
      "INSERT INTO sensitive_change_log (source_db, source_schema, source_table, column_name, "
      "operation, primary_key, old_value_masked, new_value_masked, transaction_id, commit_lsn, "
      "event_seq, commit_time, user_id) VALUES ",
      max_statement_bytes_, run);
  for (const SensitiveChange& entry : batch.sensitive_changes) {
    GENIMS_RETURN_IF_ERROR(sensitive.Begin());
    sensitive.Value(entry.source_db);
    sensitive.Value(entry.source_schema);
    sensitive.Value(entry.source_table);
    sensitive.Value(entry.column_name);
    sensitive.Value(entry.operation);
    sensitive.Value(entry.primary_key);
    sensitive.Optional(entry.old_value_masked);
    sensitive.Optional(entry.new_value_masked);
    sensitive.Number(entry.transaction_id);
    sensitive.Number(entry.commit_lsn.raw());
    sensitive.Number(entry.event_seq);
    sensitive.Value(FormatCommitTime(entry.commit_time_us));
    sensitive.Optional(entry.user_id);
    sensitive.End();
  }
  GENIMS_RETURN_IF_ERROR(sensitive.Finish());

  InsertWriter bulk(session_.get(),
                    "INSERT INTO bulk_operation_audit (source_db, transaction_id, commit_lsn, "
                    "event_seq, commit_time, operation_kind, tables_affected, row_count, "
                    "user_id) VALUES ",
                    max_statement_bytes_, run);
  for (const BulkOperation& entry : batch.bulk_operations) {
    GENIMS_RETURN_IF_ERROR(bulk.Begin());
    bulk.Value(entry.source_db);
    bulk.Number(entry.transaction_id);
    bulk.Number(entry.commit_lsn.raw());
    bulk.Number(entry.event_seq);
    bulk.Value(FormatCommitTime(entry.commit_time_us));
    bulk.Value(entry.operation_kind);
    bulk.Value(entry.tables_affected);
    bulk.Number(entry.row_count);
    bulk.Optional(entry.user_id);
    bulk.End();
  }
  GENIMS_RETURN_IF_ERROR(bulk.Finish());

  if (!batch.positions.empty()) {
    std::string statement =
        "INSERT INTO sink_positions (sink_name, source_db, commit_lsn, event_seq, "
        "last_row_hash, updated_at) VALUES ";
    bool first = true;
    for (const auto& [database, position] : batch.positions) {
      absl::StrAppend(&statement, first ? "" : ",", "(", session_->Quote(sink_name_), ",",
                      session_->Quote(database), ",", position.commit_lsn.raw(), ",",
                      position.event_seq, ",", session_->Quote(position.last_row_hash),
                      ",UTC_TIMESTAMP(6))");
      first = false;
    }
    statement.append(
        " ON DUPLICATE KEY UPDATE commit_lsn = VALUES(commit_lsn), "
        "event_seq = VALUES(event_seq), last_row_hash = VALUES(last_row_hash), "
        "updated_at = VALUES(updated_at)");
    GENIMS_RETURN_IF_ERROR(Run(statement));
  }
  return Run("COMMIT");
}

absl::Status MySqlAuditStore::RecordEvent(const SystemEvent& event) {
  GENIMS_RETURN_IF_ERROR(Connect());
  return Run(absl::StrCat(
      "INSERT INTO system_audit_log (component, instance_id, event_type, severity, source_db, "
      "message) VALUES ('genims-cdc', ",
      session_->Quote(instance_id_), ",", session_->Quote(event.event_type), ",",
      session_->Quote(event.severity), ",",
      event.source_db.empty() ? "NULL" : session_->Quote(event.source_db), ",",
      session_->Quote(event.message), ")"));
}

}  // namespace genims
