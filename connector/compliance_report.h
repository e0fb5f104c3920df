// `genims-cdc report compliance --from DATE --to DATE [--format md|csv|json]`: what the audit
// database holds for a period (the seed's "compliance reports"), computed with SQL from the
// audit tables themselves, so that an auditor can reproduce every figure:
//   changes per source database, table and operation; attribution coverage; bulk
//   operations; sensitive changes; configuration changes; retention actions; legal holds
//   placed, released and active at the end; GDPR requests received and completed, with their
//   completion times; and the verify audit status now.
// The period is [from, to] in whole UTC days.
#ifndef GENIMS_CONNECTOR_COMPLIANCE_REPORT_H_
#define GENIMS_CONNECTOR_COMPLIANCE_REPORT_H_

#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "connector/config.h"

namespace genims {

// `words` are the ones after "report". kInvalidArgument for bad usage.
absl::Status RunReportCommand(const Config& config, const std::vector<std::string>& words,
                              std::FILE* out);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_COMPLIANCE_REPORT_H_
