// AuditBuilder: turns the spool's events into audit rows, in order, resuming exactly where the
// sink's stored positions say.
//
// Events arrive in spool key order: whole transactions, each from its BEGIN to its COMMIT, in
// commit order across databases. Per transaction the builder numbers the row changes and
// TRUNCATEs (event_seq 1..n, the idempotency key with source database and commit LSN), chains
// each row's hash to the previous row of its source database, attributes the user, masks
// sensitive values, and emits the bulk, sensitive and configuration rows.
//
// Resuming: Reset() takes the positions stored in MySQL (the sink's truth). A transaction at
// or below a database's position is replayed without emitting rows up to the stored event_seq
// (its counts and attribution are rebuilt, so a bulk row written at its COMMIT is complete),
// then emission continues; the chain continues from the stored last_row_hash.
//
// Attribution: a transactional logical message with prefix `genims.audit` and content
// {"user_id": "..."} stamps that user on the changes that follow it in its transaction (like a
// SET LOCAL read by a trigger); without one, the row's modified_by or updated_by column is used
// (INSERT and UPDATE).
//
// Values: every value is a JSON string of PostgreSQL's text form, NULL is JSON null. An UPDATE's
// unchanged TOASTed columns (absent from the new row) are taken from the old row (REPLICA
// IDENTITY FULL) and are not listed as changed. A NOT NULL column that arrived null (NaN or
// Infinity that wal2json 2.5 cannot carry) is null in the row and listed in lost_values.
//
// Thread-safety: one thread.
#ifndef GENIMS_SINK_AUDIT_BUILDER_H_
#define GENIMS_SINK_AUDIT_BUILDER_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "checkpoint/change_event.h"
#include "checkpoint/spool.h"
#include "sink/audit_batch.h"
#include "sink/audit_policy.h"

namespace genims {

class AuditBuilder {
 public:
  // `policy` is borrowed and must outlive the builder. `database_names` maps the spool's
  // database ids to names.
  AuditBuilder(const AuditPolicy* policy, std::map<DatabaseId, std::string> database_names);

  // Starts over from `positions` (by source database name); drops any open transaction.
  void Reset(std::map<std::string, AuditPosition> positions);

  // Feeds the event stored at `key`, appending what it yields to `batch`. Returns kDataLoss
  // when the events are out of order (a change outside a transaction, a COMMIT that does not
  // match its BEGIN, an unknown database id).
  absl::Status Add(const EventKey& key, const ChangeEvent& event, AuditBatch* batch);

  // Transactional genims.audit messages whose content had no usable user_id.
  uint64_t malformed_attributions() const { return malformed_attributions_; }
  // Values recorded as null although the column is NOT NULL (see lost_values).
  uint64_t lost_values() const { return lost_values_; }

 private:
  struct Transaction {
    bool open = false;
    std::string database;
    uint32_t xid = 0;
    Lsn commit_lsn;
    int64_t commit_time_us = 0;
    uint32_t ordinal = 0;       // Row changes and TRUNCATEs so far.
    uint32_t skip_through = 0;  // Already written: event_seq <= this.
    bool skip_all = false;      // The whole transaction is already written.
    uint64_t changes = 0;       // INSERT/UPDATE/DELETE, for the bulk threshold.
    std::map<std::string, std::array<uint64_t, 3>> table_counts;  // By "schema.table".
    std::optional<std::string> user_id;                           // From genims.audit.
  };

  void AddChange(const RowChange& change, AuditBatch* batch);
  void AddTruncate(const Truncate& truncate, AuditBatch* batch);
  void AddCommit(AuditBatch* batch);
  void ReadAttribution(absl::string_view content);
  // Chains `row` to its database's last row, appends it and moves the position.
  void Emit(AuditRow row, AuditBatch* batch);

  const AuditPolicy* const policy_;
  const std::map<DatabaseId, std::string> database_names_;
  std::map<std::string, AuditPosition> positions_;
  Transaction transaction_;
  uint64_t malformed_attributions_ = 0;
  uint64_t lost_values_ = 0;
};

}  // namespace genims

#endif  // GENIMS_SINK_AUDIT_BUILDER_H_
