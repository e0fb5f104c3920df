// ReportingStore: genims_reporting_db as the reporting sink writes it (MariaDB).
//
// The sink's position is one row of reporting_position: the spool event key (commit LSN,
// source database, position in the transaction) of the last event applied. Apply() writes a
// batch's deltas and that position in one transaction: deltas are not idempotent, so the
// position committed with them is what makes them exactly once.
//
// Thread-safety: one thread.
#ifndef GENIMS_SINK_REPORTING_STORE_H_
#define GENIMS_SINK_REPORTING_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "checkpoint/lsn.h"
#include "sink/mysql_session.h"
#include "sink/report_plan.h"
#include "sink/reporting_engine.h"

namespace genims {

struct ReportingPosition {
  Lsn commit_lsn;
  std::string source_db;
  uint32_t seq = 0;
  bool operator==(const ReportingPosition&) const = default;
};

class ReportingStore {
 public:
  ReportingStore(MySqlTarget target, const std::vector<ReportPlan>* plans);

  // Creates the database if missing, every report's table and reporting_position, and the
  // views of `views_sql` (may be empty). Returns the number of report tables. A view over a
  // table of an inactive report cannot be created: then `views_note` says so, nothing fails.
  absl::StatusOr<int> InstallSchema(const std::string& views_sql, std::string* views_note);

  absl::StatusOr<std::optional<ReportingPosition>> LoadPosition();

  // Adds `deltas` to the tables (deleting groups left without facts) and records `position`,
  // in one transaction. With `replace`, every report table is emptied first (a load).
  // Otherwise the stored position must still be `previous` (read with a lock in the same
  // transaction): if a rebuild was requested or another instance wrote meanwhile, nothing is
  // written and kAborted is returned.
  absl::Status Apply(const ReportDeltas& deltas, const ReportingPosition& position, bool replace,
                     const std::optional<ReportingPosition>& previous = std::nullopt);

  // Forgets the position, so that the sink (running or next started) loads the tables again.
  absl::Status RequestRebuild();

  // Every row of a report's table: key texts, then fact_count and the measures as text.
  absl::StatusOr<std::vector<MySqlRow>> ReadTable(const ReportPlan& plan);

 private:
  absl::Status Connect(bool with_database);
  absl::Status ApplyInTransaction(const ReportDeltas& deltas, const ReportingPosition& position,
                                  bool replace, const std::optional<ReportingPosition>& previous);
  absl::Status Run(const std::string& statement);

  const MySqlTarget target_;
  const std::vector<ReportPlan>* const plans_;
  std::unique_ptr<MySqlSession> session_;
};

}  // namespace genims

#endif  // GENIMS_SINK_REPORTING_STORE_H_
