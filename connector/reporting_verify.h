// `genims-cdc verify reporting`: every active reporting table against a full recompute from
// PostgreSQL (sink/report_sql.h), key by key and value by value. At a quiescent point the
// difference must be zero; while the workload runs, the tables lag the recompute by the
// stream's latency.
#ifndef GENIMS_CONNECTOR_REPORTING_VERIFY_H_
#define GENIMS_CONNECTOR_REPORTING_VERIFY_H_

#include <cstdio>

#include "absl/status/status.h"
#include "connector/config.h"

namespace genims {

// A line per table (rows, differing keys, the first few of them); returns kFailedPrecondition
// naming the number of differences, or the first connection error.
absl::Status VerifyReporting(const Config& config, std::FILE* out);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_REPORTING_VERIFY_H_
