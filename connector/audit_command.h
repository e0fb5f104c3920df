// `genims-cdc audit retention [--apply] [--as-of YYYY-MM-DD]`: the audit database's retention
// (sink/audit_retention.h). A dry run by default: one line per partition and what would
// happen to it; --apply does it. --as-of sets the date retention is judged at (default today,
// UTC), for planning ahead and for tests. Uses CDC_AUDIT_ADMIN_USER's account when set.
#ifndef GENIMS_CONNECTOR_AUDIT_COMMAND_H_
#define GENIMS_CONNECTOR_AUDIT_COMMAND_H_

#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "connector/config.h"

namespace genims {

// `words` are the ones after "audit". kInvalidArgument for bad usage.
absl::Status RunAuditCommand(const Config& config, const std::vector<std::string>& words,
                             std::FILE* out);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_AUDIT_COMMAND_H_
