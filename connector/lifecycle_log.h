// LifecycleLog: the connector's lifecycle events (slots created or dropped, a gap, a fatal
// error) in the audit database's system_audit_log, best effort.
//
// The audit database is where auditors look for what happened to the capture, but it must
// never be the reason an operation fails: a DBA dropping a slot while MariaDB is down still
// drops it. Failures to record are reported once on stderr. Without MYSQL_AUDIT_HOST nothing is
// recorded.
//
// Thread-safety: one thread.
#ifndef GENIMS_CONNECTOR_LIFECYCLE_LOG_H_
#define GENIMS_CONNECTOR_LIFECYCLE_LOG_H_

#include <memory>

#include "connector/config.h"
#include "sink/audit_store.h"

namespace genims {

class LifecycleLog {
 public:
  explicit LifecycleLog(const Config& config);
  ~LifecycleLog();

  void Record(const SystemEvent& event);

 private:
  std::unique_ptr<AuditStore> store_;
  bool warned_ = false;
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_LIFECYCLE_LOG_H_
