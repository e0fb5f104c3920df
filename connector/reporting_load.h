// PgReportingLoader: loads the reporting tables from PostgreSQL snapshots consistent with the
// change stream (the reporting sink's initial load and its rebuilds).
//
// For each database the reports read, a TEMPORARY logical slot (pgoutput, allowed on every
// server) is created with EXPORT_SNAPSHOT; a second connection reads that snapshot. Its
// consistent point is the database's load point: transactions committed before it are in the
// snapshot, the stream's later ones are applied by the sink. Dimension rows are loaded first,
// then facts, through the engine's state; the aggregated contributions replace the tables'
// contents in one MariaDB transaction with the position; then the state, its position and the
// load points are written to the spool. Runs inside the daemon (it owns the spool), beside the
// capture and the audit sink, which go on meanwhile.
//
// Thread-safety: one thread.
#ifndef GENIMS_CONNECTOR_REPORTING_LOAD_H_
#define GENIMS_CONNECTOR_REPORTING_LOAD_H_

#include <functional>
#include <string>
#include <vector>

#include "checkpoint/spool.h"
#include "connector/config.h"
#include "sink/reporting_sink.h"

namespace genims {

class PgReportingLoader : public ReportingLoader {
 public:
  // Borrowed: `config` and `spool` must outlive the loader.
  PgReportingLoader(const Config* config, Spool* spool, std::vector<DatabaseId> captured,
                    std::function<void(const std::string&)> log);

  absl::Status Load(ReportingEngine& engine, ReportingStore& store) override;

 private:
  const Config* const config_;
  Spool* const spool_;
  const std::vector<DatabaseId> captured_;
  const std::function<void(const std::string&)> log_;
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_REPORTING_LOAD_H_
