// `genims-cdc reports [--sql]`: reads the report definitions (CDC_REPORT_DIR), one line per
// report; with --sql also the MariaDB DDL and the PostgreSQL recompute each one implies.
// A definition that does not parse is a configuration error (kInvalidArgument, exit 2).
#ifndef GENIMS_CONNECTOR_REPORTS_COMMAND_H_
#define GENIMS_CONNECTOR_REPORTS_COMMAND_H_

#include <cstdio>

#include "absl/status/status.h"
#include "connector/config.h"

namespace genims {

absl::Status RunReportsCommand(const Config& config, bool sql, std::FILE* out);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_REPORTS_COMMAND_H_
