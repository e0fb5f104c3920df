// AuditBatch: the rows one audit-sink batch writes into genims_audit_db, in one MySQL
// transaction together with the sink's positions.
//
// The builder (sink/audit_builder.h) fills a batch from spool events; a store
// (sink/audit_store.h) writes it. Every string is owned by the batch.
//
// Thread-safety: plain data.
#ifndef GENIMS_SINK_AUDIT_BATCH_H_
#define GENIMS_SINK_AUDIT_BATCH_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checkpoint/lsn.h"

namespace genims {

// 64 hex zeros: the prev_hash of a source database's first audit row.
inline constexpr char kGenesisHash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

// One row of data_change_audit (and, for configuration tables, of config_change_audit).
// JSON members hold complete JSON texts; nullopt is SQL NULL.
struct AuditRow {
  std::string source_db;
  std::string source_schema;
  std::string source_table;
  std::string operation;  // INSERT, UPDATE, DELETE or TRUNCATE.
  std::optional<std::string> primary_key;
  std::optional<std::string> old_values;
  std::optional<std::string> new_values;
  std::optional<std::string> changed_columns;
  uint32_t transaction_id = 0;
  Lsn commit_lsn;
  uint32_t event_seq = 0;  // Position among the row changes of its transaction, from 1.
  int64_t commit_time_us = 0;
  std::optional<std::string> user_id;
  std::optional<std::string> user_source;  // "message" or "column".
  std::optional<std::string> masked_columns;
  std::optional<std::string> lost_values;
  std::string prev_hash;
  std::string row_hash;
  bool config_table = false;  // Also written to config_change_audit.
};

// One row of bulk_operation_audit.
struct BulkOperation {
  std::string source_db;
  uint32_t transaction_id = 0;
  Lsn commit_lsn;
  uint32_t event_seq = 0;
  int64_t commit_time_us = 0;
  std::string operation_kind;   // LARGE_TRANSACTION or TRUNCATE.
  std::string tables_affected;  // JSON.
  uint64_t row_count = 0;
  std::optional<std::string> user_id;
};

// One row of sensitive_change_log: a sensitive column of a changed row, values masked.
struct SensitiveChange {
  std::string source_db;
  std::string source_schema;
  std::string source_table;
  std::string column_name;
  std::string operation;
  std::string primary_key;  // JSON; "{}" when the table has none.
  std::optional<std::string> old_value_masked;
  std::optional<std::string> new_value_masked;
  uint32_t transaction_id = 0;
  Lsn commit_lsn;
  uint32_t event_seq = 0;
  int64_t commit_time_us = 0;
  std::optional<std::string> user_id;
};

// How far the audit sink has applied one source database: the last audit row written
// (commit LSN, event_seq) and its hash, the head of that database's chain.
struct AuditPosition {
  Lsn commit_lsn;
  uint32_t event_seq = 0;
  std::string last_row_hash = kGenesisHash;
};

struct AuditBatch {
  std::vector<AuditRow> changes;
  std::vector<BulkOperation> bulk_operations;
  std::vector<SensitiveChange> sensitive_changes;
  // The position of every source database this batch moves, after the batch.
  std::map<std::string, AuditPosition> positions;
  // Commit times of the transactions whose last row is in this batch (apply latency).
  std::vector<int64_t> completed_commit_times_us;
  size_t payload_bytes = 0;  // Approximate size of the JSON texts.

  bool empty() const { return changes.empty() && bulk_operations.empty(); }
  void clear() {
    changes.clear();
    bulk_operations.clear();
    sensitive_changes.clear();
    positions.clear();
    completed_commit_times_us.clear();
    payload_bytes = 0;
  }
};

}  // namespace genims

#endif  // GENIMS_SINK_AUDIT_BATCH_H_
