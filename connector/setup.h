// `genims-cdc setup`: the seed's setup phases, idempotent (DESIGN "Command line").
//
//   1. audit database: MYSQL_AUDIT_DB created if missing, its 30 tables (sink_positions among
//   them),
//      partitions and append-only triggers installed (sink/audit_schema.h)
//   2. slots: one wal2json slot per configured database (as `slots create`)
//   3. reporting database: the active reports' tables and views, loaded from snapshots
//      consistent with the stream (connector/reporting_setup.h); --rebuild-reporting loads
//      them again at any time, also under a running daemon (which then does the load)
//   4. validation: per database the slot; a probe row committed in PostgreSQL seen in
//      data_change_audit (when genims-cdc run is running), with its latency; verify audit;
//      verify reporting (informational: it lags under load); then the report, text and JSON
//
// Returns OK when every phase succeeded; otherwise the first failure (its phase's line says
// what to fix). Running it again changes nothing that is already in place.
#ifndef GENIMS_CONNECTOR_SETUP_H_
#define GENIMS_CONNECTOR_SETUP_H_

#include <cstdio>
#include <string>

#include "absl/status/status.h"
#include "connector/config.h"

namespace genims {

// Writes the report (connector/setup_report.h) to `out`, and as JSON to `report_json` when not
// empty. Returns kFailedPrecondition when a phase or a check failed.
absl::Status RunSetup(const Config& config, bool rebuild_reporting, std::FILE* out,
                      const std::string& report_json = "");

}  // namespace genims

#endif  // GENIMS_CONNECTOR_SETUP_H_
