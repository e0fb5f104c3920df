// `genims-cdc status`: one screen per instance — for each configured database its slot as
// PostgreSQL sees it and its capture as the spool holds it, with the lag in bytes and
// seconds; then the spool itself.
//
// Reads the spool read-only, so it runs beside the daemon. Columns:
//   slot / active      pg_replication_slots ("yes:<walsender pid>" while streaming, "no",
//                      or "missing")
//   confirmed          the slot's confirmed_flush_lsn
//   spooled            the spool's durable progress (what the daemon may confirm)
//   lag_bytes          server WAL end - spooled
//   retained           server WAL end - restart_lsn (WAL the slot keeps on the primary)
//   last_commit        commit time of the newest spooled transaction (UTC)
//   lag_s              now - last_commit (heartbeats keep this low for idle databases)
#ifndef GENIMS_CONNECTOR_STATUS_REPORT_H_
#define GENIMS_CONNECTOR_STATUS_REPORT_H_

#include <string>

#include "absl/status/statusor.h"
#include "connector/config.h"

namespace genims {

// Renders the report. Errors: kUnavailable etc. from PostgreSQL (the report is not printed
// half); a missing spool is not an error (shown as "never captured").
absl::StatusOr<std::string> StatusReport(const Config& config);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_STATUS_REPORT_H_
