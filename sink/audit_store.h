// AuditStore: where the audit sink writes (the seam between the sink's logic and MariaDB).
//
// MySqlAuditStore (sink/mysql_audit_store.h) is the real one; unit tests use an in-memory
// store that can fail on command.
//
// Thread-safety: used by the sink's one thread.
#ifndef GENIMS_SINK_AUDIT_STORE_H_
#define GENIMS_SINK_AUDIT_STORE_H_

#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "sink/audit_batch.h"

namespace genims {

// A lifecycle event of the connector for system_audit_log.
struct SystemEvent {
  std::string event_type;  // start, stop, error, gap, slot_created, slot_dropped, ...
  std::string severity;    // INFO, WARNING, ERROR, CRITICAL.
  std::string source_db;   // Empty when not about one database.
  std::string message;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // (Re)connects if needed and returns the stored position of every source database the
  // sink has written (the sink's truth). Codes: see sink/mysql_session.h.
  virtual absl::StatusOr<std::map<std::string, AuditPosition>> LoadPositions() = 0;

  // Writes `batch` and its positions in one transaction: all of it or nothing. When the
  // outcome is unknown (the connection broke during COMMIT) an error is returned and the
  // caller learns the truth from LoadPositions().
  virtual absl::Status Apply(const AuditBatch& batch) = 0;

  // Appends one row to system_audit_log.
  virtual absl::Status RecordEvent(const SystemEvent& event) = 0;
};

}  // namespace genims

#endif  // GENIMS_SINK_AUDIT_STORE_H_
