#include "sink/audit_builder.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "simdjson.h"
#include "sink/audit_hash.h"
#include "sink/json_text.h"

namespace genims {
namespace {

constexpr size_t kMaxUserIdBytes = 128;  // data_change_audit.user_id is VARCHAR(128).

std::string JsonArray(const std::vector<absl::string_view>& names) {
  std::string json = "[";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) json.push_back(',');
    AppendJsonString(names[i], &json);
  }
  json.push_back(']');
  return json;
}

const ColumnValue* Find(const std::vector<ColumnValue>& columns, absl::string_view name) {
  for (const ColumnValue& column : columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

bool SameValue(const ColumnValue& a, const ColumnValue& b) {
  if (a.is_null || b.is_null) return a.is_null == b.is_null;
  return a.value == b.value;
}

const char* OperationName(ChangeOp op) {
  switch (op) {
    case ChangeOp::kInsert:
      return "INSERT";
    case ChangeOp::kUpdate:
      return "UPDATE";
    case ChangeOp::kDelete:
      return "DELETE";
  }
  return "INSERT";
}

// One column of the row as the audit records it.
struct AuditedColumn {
  const ColumnValue* column;
  bool lost;    // NULL that stands for a value wal2json could not carry.
  bool masked;  // Written masked.
};

std::string JsonObject(const std::vector<AuditedColumn>& columns) {
  std::string json = "{";
  bool first = true;
  for (const AuditedColumn& audited : columns) {
    if (!first) json.push_back(',');
    first = false;
    AppendJsonString(audited.column->name, &json);
    json.push_back(':');
    if (audited.column->is_null) {
      json.append("null");
    } else if (audited.masked) {
      AppendJsonString(AuditPolicy::Mask(audited.column->value), &json);
    } else {
      AppendJsonString(audited.column->value, &json);
    }
  }
  json.push_back('}');
  return json;
}

}  // namespace

AuditBuilder::AuditBuilder(const AuditPolicy* policy,
                           std::map<DatabaseId, std::string> database_names)
    : policy_(policy), database_names_(std::move(database_names)) {}

void AuditBuilder::Reset(std::map<std::string, AuditPosition> positions) {
  positions_ = std::move(positions);
  transaction_ = Transaction();
}

absl::Status AuditBuilder::Add(const EventKey& key, const ChangeEvent& event, AuditBatch* batch) {
  const auto out_of_order = [&key](absl::string_view what) {
    return absl::DataLossError(absl::StrCat("audit: spool events out of order at commit ",
                                            key.commit_lsn.ToString(), " seq ", key.seq, ": ",
                                            what));
  };
  if (event.kind == EventKind::kBegin) {
    if (transaction_.open) return out_of_order("BEGIN inside a transaction");
    auto name = database_names_.find(key.database);
    if (name == database_names_.end()) return out_of_order("unknown database id");
    if (!event.begin.commit_time_us) return out_of_order("BEGIN without a commit time");
    transaction_ = Transaction();
    transaction_.open = true;
    transaction_.database = name->second;
    transaction_.xid = event.begin.xid;
    transaction_.commit_lsn = key.commit_lsn;
    transaction_.commit_time_us = *event.begin.commit_time_us;
    auto position = positions_.find(name->second);
    if (position != positions_.end()) {
      if (key.commit_lsn < position->second.commit_lsn) {
        transaction_.skip_all = true;
      } else if (key.commit_lsn == position->second.commit_lsn) {
        transaction_.skip_through = position->second.event_seq;
      }
    }
    return absl::OkStatus();
  }
  if (!transaction_.open || key.commit_lsn != transaction_.commit_lsn) {
    return out_of_order("event outside its transaction");
  }
  switch (event.kind) {
    case EventKind::kBegin:
      break;
    case EventKind::kMessage:
      if (event.message.transactional && event.message.prefix == "genims.audit") {
        ReadAttribution(event.message.content);
      }
      break;
    case EventKind::kChange:
      AddChange(event.change, batch);
      break;
    case EventKind::kTruncate:
      AddTruncate(event.truncate, batch);
      break;
    case EventKind::kCommit:
      AddCommit(batch);
      break;
  }
  return absl::OkStatus();
}

void AuditBuilder::ReadAttribution(absl::string_view content) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(content.data(), content.size());
  simdjson::ondemand::document document;
  simdjson::ondemand::value user;
  if (parser.iterate(padded).get(document) != simdjson::SUCCESS ||
      document["user_id"].get(user) != simdjson::SUCCESS) {
    ++malformed_attributions_;
    return;
  }
  std::string user_id;
  simdjson::ondemand::json_type type;
  if (user.type().get(type) != simdjson::SUCCESS) {
    ++malformed_attributions_;
    return;
  }
  if (type == simdjson::ondemand::json_type::string) {
    std::string_view text;
    if (user.get_string().get(text) != simdjson::SUCCESS) {
      ++malformed_attributions_;
      return;
    }
    user_id.assign(text.data(), text.size());
  } else if (type == simdjson::ondemand::json_type::number) {
    std::string_view token = user.raw_json_token();
    while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\t' ||
                              token.back() == '\r')) {
      token.remove_suffix(1);
    }
    user_id.assign(token.data(), token.size());
  }
  if (user_id.empty() || user_id.size() > kMaxUserIdBytes) {
    ++malformed_attributions_;
    return;
  }
  transaction_.user_id = std::move(user_id);
}

void AuditBuilder::AddChange(const RowChange& change, AuditBatch* batch) {
  ++transaction_.ordinal;
  ++transaction_.changes;
  auto& counts = transaction_.table_counts[absl::StrCat(change.schema, ".", change.table)];
  ++counts[static_cast<size_t>(change.op)];
  if (transaction_.skip_all || transaction_.ordinal <= transaction_.skip_through) return;

  const bool masking = policy_->mask_changes();
  // The old row is whole (REPLICA IDENTITY FULL) when it has every column of the new one.
  bool old_is_whole = !change.old_columns.empty();
  for (const ColumnValue& column : change.new_columns) {
    if (old_is_whole && Find(change.old_columns, column.name) == nullptr) old_is_whole = false;
  }
  std::vector<absl::string_view> lost_new;
  std::vector<absl::string_view> lost_old;
  std::vector<absl::string_view> masked_names;
  auto sensitive = [&](absl::string_view name) {
    return policy_->IsSensitive(change.schema, change.table, name);
  };

  // The new row: its columns, and for an UPDATE under FULL identity the unchanged TOASTed
  // ones (absent from the new row) from the old row, in table order.
  std::vector<AuditedColumn> new_row;
  if (change.op != ChangeOp::kDelete) {
    const std::vector<ColumnValue>& order =
        change.op == ChangeOp::kUpdate && old_is_whole ? change.old_columns : change.new_columns;
    for (const ColumnValue& slot : order) {
      const ColumnValue* column = Find(change.new_columns, slot.name);
      if (column == nullptr) column = &slot;  // Unchanged TOAST: the old value.
      const bool lost = column->special_value_lost;
      if (lost) lost_new.push_back(column->name);
      new_row.push_back({column, lost, masking && sensitive(column->name)});
    }
  }
  std::vector<AuditedColumn> old_row;
  if (change.op != ChangeOp::kInsert) {
    for (const ColumnValue& column : change.old_columns) {
      // include-not-null describes new-row columns only: an UPDATE's old NULL in a column the
      // new row declares NOT NULL was a value wal2json could not carry as well.
      const ColumnValue* as_new = change.op == ChangeOp::kUpdate && column.is_null
                                      ? Find(change.new_columns, column.name)
                                      : nullptr;
      const bool lost = column.special_value_lost ||
                        (as_new != nullptr && as_new->not_null_declared == NotNullDeclared::kYes);
      if (lost) lost_old.push_back(column.name);
      old_row.push_back({&column, lost, masking && sensitive(column.name)});
    }
  }

  AuditRow row;
  row.source_db = transaction_.database;
  row.source_schema = std::string(change.schema);
  row.source_table = std::string(change.table);
  row.operation = OperationName(change.op);
  row.transaction_id = transaction_.xid;
  row.commit_lsn = transaction_.commit_lsn;
  row.event_seq = transaction_.ordinal;
  row.commit_time_us = transaction_.commit_time_us;
  row.config_table = policy_->IsConfigTable(change.schema, change.table);
  if (change.op != ChangeOp::kDelete) row.new_values = JsonObject(new_row);
  if (change.op != ChangeOp::kInsert && !old_row.empty()) row.old_values = JsonObject(old_row);

  // The row's identity: the key of the new row, or of the old row for a DELETE.
  const std::vector<AuditedColumn>& identity = change.op == ChangeOp::kDelete ? old_row : new_row;
  std::vector<AuditedColumn> key;
  for (absl::string_view name : change.primary_key) {
    for (const AuditedColumn& audited : identity) {
      if (audited.column->name == name) key.push_back(audited);
    }
  }
  if (!key.empty()) row.primary_key = JsonObject(key);

  std::vector<absl::string_view> changed;
  if (change.op == ChangeOp::kUpdate && old_is_whole) {
    for (const ColumnValue& column : change.new_columns) {
      if (!SameValue(column, *Find(change.old_columns, column.name)))
        changed.push_back(column.name);
    }
    row.changed_columns = JsonArray(changed);
  }

  if (transaction_.user_id) {
    row.user_id = transaction_.user_id;
    row.user_source = "message";
  } else {
    for (const AuditedColumn& audited : new_row) {
      const ColumnValue& column = *audited.column;
      if ((column.name == "modified_by" || column.name == "updated_by") && !column.is_null &&
          !column.value.empty() && column.value.size() <= kMaxUserIdBytes) {
        row.user_id = std::string(column.value);
        row.user_source = "column";
        break;
      }
    }
  }

  for (const auto* side : {&new_row, &old_row}) {
    for (const AuditedColumn& audited : *side) {
      if (audited.masked) {
        bool listed = false;
        for (absl::string_view name : masked_names) listed = listed || name == audited.column->name;
        if (!listed) masked_names.push_back(audited.column->name);
      }
    }
  }
  if (!masked_names.empty()) row.masked_columns = JsonArray(masked_names);
  if (!lost_new.empty() || !lost_old.empty()) {
    std::string lost = "{";
    if (!lost_old.empty()) absl::StrAppend(&lost, "\"old\":", JsonArray(lost_old));
    if (!lost_new.empty()) {
      absl::StrAppend(&lost, lost_old.empty() ? "" : ",", "\"new\":", JsonArray(lost_new));
    }
    lost.push_back('}');
    row.lost_values = std::move(lost);
    lost_values_ += lost_new.size() + lost_old.size();
  }

  // Sensitive columns this change touches: inserted, changed or deleted values, masked.
  std::vector<absl::string_view> sensitive_names;
  if (change.op == ChangeOp::kUpdate) {
    if (old_is_whole) {
      sensitive_names = changed;
    } else {
      for (const ColumnValue& column : change.new_columns) sensitive_names.push_back(column.name);
    }
  } else {
    for (const AuditedColumn& audited : identity) sensitive_names.push_back(audited.column->name);
  }
  for (absl::string_view name : sensitive_names) {
    if (!sensitive(name)) continue;
    SensitiveChange entry;
    entry.source_db = row.source_db;
    entry.source_schema = row.source_schema;
    entry.source_table = row.source_table;
    entry.column_name = std::string(name);
    entry.operation = row.operation;
    entry.primary_key = row.primary_key.value_or("{}");
    if (const ColumnValue* old_value = Find(change.old_columns, name);
        old_value != nullptr && !old_value->is_null) {
      entry.old_value_masked = AuditPolicy::Mask(old_value->value);
    }
    if (change.op != ChangeOp::kDelete) {
      if (const ColumnValue* new_value = Find(change.new_columns, name);
          new_value != nullptr && !new_value->is_null) {
        entry.new_value_masked = AuditPolicy::Mask(new_value->value);
      }
    }
    entry.transaction_id = row.transaction_id;
    entry.commit_lsn = row.commit_lsn;
    entry.event_seq = row.event_seq;
    entry.commit_time_us = row.commit_time_us;
    entry.user_id = row.user_id;
    batch->sensitive_changes.push_back(std::move(entry));
  }
  Emit(std::move(row), batch);
}

void AuditBuilder::AddTruncate(const Truncate& truncate, AuditBatch* batch) {
  ++transaction_.ordinal;
  if (transaction_.skip_all || transaction_.ordinal <= transaction_.skip_through) return;
  AuditRow row;
  row.source_db = transaction_.database;
  row.source_schema = std::string(truncate.schema);
  row.source_table = std::string(truncate.table);
  row.operation = "TRUNCATE";
  row.transaction_id = transaction_.xid;
  row.commit_lsn = transaction_.commit_lsn;
  row.event_seq = transaction_.ordinal;
  row.commit_time_us = transaction_.commit_time_us;
  row.config_table = policy_->IsConfigTable(truncate.schema, truncate.table);
  if (transaction_.user_id) {
    row.user_id = transaction_.user_id;
    row.user_source = "message";
  }

  BulkOperation bulk;
  bulk.source_db = row.source_db;
  bulk.transaction_id = row.transaction_id;
  bulk.commit_lsn = row.commit_lsn;
  bulk.event_seq = row.event_seq;
  bulk.commit_time_us = row.commit_time_us;
  bulk.operation_kind = "TRUNCATE";
  bulk.tables_affected = JsonArray({absl::StrCat(truncate.schema, ".", truncate.table)});
  bulk.row_count = 0;  // The WAL does not say how many rows a TRUNCATE removed.
  bulk.user_id = row.user_id;
  batch->bulk_operations.push_back(std::move(bulk));
  Emit(std::move(row), batch);
}

void AuditBuilder::AddCommit(AuditBatch* batch) {
  Transaction& txn = transaction_;
  txn.open = false;
  if (txn.skip_all || txn.ordinal <= txn.skip_through) return;  // Nothing new emitted.
  batch->completed_commit_times_us.push_back(txn.commit_time_us);
  if (txn.changes == 0 || txn.changes < policy_->bulk_rows()) return;
  std::string tables = "{";
  bool first = true;
  for (const auto& [table, counts] : txn.table_counts) {
    if (!first) tables.push_back(',');
    first = false;
    AppendJsonString(table, &tables);
    absl::StrAppend(&tables, ":{\"INSERT\":", counts[0], ",\"UPDATE\":", counts[1],
                    ",\"DELETE\":", counts[2], "}");
  }
  tables.push_back('}');
  BulkOperation bulk;
  bulk.source_db = txn.database;
  bulk.transaction_id = txn.xid;
  bulk.commit_lsn = txn.commit_lsn;
  bulk.event_seq = 1;
  bulk.commit_time_us = txn.commit_time_us;
  bulk.operation_kind = "LARGE_TRANSACTION";
  bulk.tables_affected = std::move(tables);
  bulk.row_count = txn.changes;
  bulk.user_id = txn.user_id;
  batch->bulk_operations.push_back(std::move(bulk));
}

void AuditBuilder::Emit(AuditRow row, AuditBatch* batch) {
  AuditPosition& position = positions_[row.source_db];
  row.prev_hash = position.last_row_hash;
  row.row_hash = AuditRowHash(row);
  position.commit_lsn = row.commit_lsn;
  position.event_seq = row.event_seq;
  position.last_row_hash = row.row_hash;
  batch->positions[row.source_db] = position;
  batch->payload_bytes += row.new_values.value_or("").size() + row.old_values.value_or("").size() +
                          row.primary_key.value_or("").size() + 256;
  batch->changes.push_back(std::move(row));
}

}  // namespace genims
