#include "connector/lifecycle_log.h"

#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "connector/log.h"
#include "sink/mysql_audit_store.h"

namespace genims {

LifecycleLog::LifecycleLog(const Config& config) {
  if (!config.audit) return;
  const MySqlEndpoint& audit = *config.audit;
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  store_ = std::make_unique<MySqlAuditStore>(TargetOf(audit), "audit",
                                             absl::StrCat(host, ":", getpid()));
}

LifecycleLog::~LifecycleLog() = default;

void LifecycleLog::Record(const SystemEvent& event) {
  if (store_ == nullptr) return;
  absl::Status status = store_->RecordEvent(event);
  if (!status.ok() && !warned_) {
    warned_ = true;
    Log("warning: not recorded in system_audit_log (", event.event_type, "): ", status.message());
  }
}

}  // namespace genims
