// Audit retention: dropping whole yearly partitions of genims_audit_db past their retention,
// never one a legal hold covers (`genims-cdc audit retention [--apply]`).
//
// A partition pYYYY holds rows of year YYYY (p_before_2020 everything earlier); it expires when
// its last day plus the table's retention (the newest retention_policy row in force, else 7
// years) is past `as_of`. An active legal hold (placed, not released, by `as_of`) whose time
// range overlaps the partition's year and whose scope lists the table (or no table: all) keeps
// it, whatever the age. Dropping is crash-safe and idempotent: first the intent goes to
// system_audit_log with the row count and, for data_change_audit, each source database's
// chain anchor (the last row_hash in the partition), then ALTER TABLE ... DROP PARTITION, then
// retention_executions. Killed in between, the next run finds the partition still there and
// drops it; verify audit accepts a chain restarting from a recorded anchor.
//
// system_audit_log partitions holding chain anchors are never dropped (they are what lets
// verify audit accept the chains' restarts).
//
// Needs an account allowed to ALTER the tables (not the connector's INSERT/SELECT account).
//
// Thread-safety: one thread; the session is the caller's.
#ifndef GENIMS_SINK_AUDIT_RETENTION_H_
#define GENIMS_SINK_AUDIT_RETENTION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "sink/mysql_session.h"

namespace genims {

struct RetentionDecision {
  enum class Action { kDrop, kHeld, kKeep };
  std::string table;
  std::string partition;
  int first_year = 0;  // Rows of [first_year, end_year); first_year 0: no lower bound.
  int end_year = 0;
  int retention_years = 7;
  Action action = Action::kKeep;
  uint64_t hold_id = 0;  // kHeld: the hold.
  uint64_t rows = 0;     // Exact, counted for kDrop and kHeld.
};

// What retention would do at `as_of`, partition by partition (kKeep ones included).
absl::StatusOr<std::vector<RetentionDecision>> PlanRetention(MySqlSession& session,
                                                             absl::CivilDay as_of);

// Carries out the kDrop (and records the kHeld) decisions. `executed_by` names the operator.
absl::Status ApplyRetention(MySqlSession& session, const std::vector<RetentionDecision>& plan,
                            const std::string& executed_by);

}  // namespace genims

#endif  // GENIMS_SINK_AUDIT_RETENTION_H_
