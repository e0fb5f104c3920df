// MySqlAuditStore: the AuditStore on genims_audit_db (sql/audit/genims_audit_db.sql).
//
// A batch is one transaction: data_change_audit's rows through LOAD DATA LOCAL INFILE from
// memory (multi-row INSERT where the server has local_infile off), multi-row INSERTs into
// config_change_audit,
// sensitive_change_log and bulk_operation_audit, then the sink's rows of sink_positions
// (INSERT ... ON DUPLICATE KEY UPDATE; sink_positions is the one table the sink may update),
// then COMMIT. Statements are cut below max_allowed_packet. The connection is opened lazily
// and dropped after any error, so the next call reconnects.
//
// Thread-safety: one thread.
#ifndef GENIMS_SINK_MYSQL_AUDIT_STORE_H_
#define GENIMS_SINK_MYSQL_AUDIT_STORE_H_

#include <memory>
#include <string>

#include "sink/audit_store.h"
#include "sink/mysql_session.h"

namespace genims {

class MySqlAuditStore : public AuditStore {
 public:
  // `sink_name` keys sink_positions ("audit"); `instance_id` fills system_audit_log.
  MySqlAuditStore(MySqlTarget target, std::string sink_name, std::string instance_id);

  absl::StatusOr<std::map<std::string, AuditPosition>> LoadPositions() override;
  absl::Status Apply(const AuditBatch& batch) override;
  absl::Status RecordEvent(const SystemEvent& event) override;

 private:
  absl::Status Connect();
  absl::Status ApplyInTransaction(const AuditBatch& batch);
  // Runs `statement`, or closes the session on error (its state is unknown).
  absl::Status Run(const std::string& statement);

  const MySqlTarget target_;
  const std::string sink_name_;
  const std::string instance_id_;
  std::unique_ptr<MySqlSession> session_;
  size_t max_statement_bytes_ = 4 << 20;
  bool load_data_ = true;  // Until the server refuses LOAD DATA LOCAL.
};

}  // namespace genims

#endif  // GENIMS_SINK_MYSQL_AUDIT_STORE_H_
