// The reporting side of `genims-cdc setup` and `run`: which reports are active, where their
// tables live, and installing and loading them.
//
// A report is active when every database it reads (its facts and its lookups) is captured by
// this instance (CDC_DATABASES); the others are listed as inactive, nothing fails (DESIGN).
#ifndef GENIMS_CONNECTOR_REPORTING_SETUP_H_
#define GENIMS_CONNECTOR_REPORTING_SETUP_H_

#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "connector/config.h"
#include "sink/mysql_session.h"
#include "sink/report_plan.h"

namespace genims {

// The active reports of CDC_REPORT_DIR, compiled; `inactive` (optional) gets the others' names.
absl::StatusOr<std::vector<ReportPlan>> ActiveReportPlans(
    const Config& config, std::vector<std::string>* inactive = nullptr);

MySqlTarget ReportingTarget(const Config& config);

// Installs genims_reporting_db's tables and views; with `rebuild`, forgets the position so that
// the tables are loaded again. Then loads them from snapshots if they need it and no running
// genims-cdc holds the spool (otherwise that daemon does, on its own). A line per step to `out`.
absl::Status SetUpReporting(const Config& config, bool rebuild, std::FILE* out);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_REPORTING_SETUP_H_
