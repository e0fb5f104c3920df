// ReportingSink: keeps genims_reporting_db equal to its definitions over the change stream.
//
// Reads the spool in commit order across databases (so a fact never misses a dimension row
// committed before it), turns the changes of fact and dimension tables into deltas
// (ReportingEngine), and applies them in batches, each one MariaDB transaction with the
// sink's position (ReportingStore). The engine's state lives in the spool; it is written
// after the MariaDB commit, with the same position, so that after a crash:
//   - state position == MariaDB position: continue;
//   - state behind MariaDB: the events in between are replayed into the state only;
//   - either missing, or the state ahead: the tables are loaded again from a snapshot
//     (ReportingLoader), since derived data is cheaper to rebuild than to trust.
// A database's events committed before its load point (the snapshot it was loaded from) are
// skipped. Failures are retried with backoff as the audit sink does; kDataLoss stops.
//
// Thread-safety: Run() on one thread; state() from any thread.
#ifndef GENIMS_SINK_REPORTING_SINK_H_
#define GENIMS_SINK_REPORTING_SINK_H_

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "checkpoint/latency_histogram.h"
#include "checkpoint/spool.h"
#include "sink/reporting_engine.h"
#include "sink/reporting_store.h"

namespace genims {

// Loads the reporting tables from a consistent snapshot: fills the engine's state, replaces
// the tables' contents, and records the position and the per-database load points
// (RecordLoad()). Implemented where PostgreSQL is reachable (connector/reporting_load.h).
class ReportingLoader {
 public:
  virtual ~ReportingLoader() = default;
  virtual absl::Status Load(ReportingEngine& engine, ReportingStore& store) = 0;
};

struct ReportingSinkOptions {
  size_t batch_size = 1000;  // ETL_BATCH_SIZE: row changes per MariaDB transaction, at most.
  absl::Duration retry_delay = absl::Seconds(5);
  absl::Duration max_retry_delay = absl::Seconds(60);
  uint64_t error_threshold = 5;
  std::function<void(const std::string&)> log;
};

struct ReportingSinkState {
  bool running = false;
  uint64_t consecutive_failures = 0;
  std::string last_error;
  std::map<std::string, uint64_t> errors_by_kind;
  Lsn applied_through;
  uint64_t changes = 0;  // Row changes of report tables applied.
  uint64_t batches = 0;
  uint64_t loads = 0;
};

class ReportingSink {
 public:
  ReportingSink(Spool* spool, std::vector<DatabaseId> captured, ReportingEngine* engine,
                ReportingStore* store, ReportingLoader* loader, ReportingSinkOptions options);

  absl::Status Run(const std::atomic<bool>& stop);
  ReportingSinkState state() const;
  const LatencyHistogram& apply_latency() const { return apply_latency_; }

  // For the loader: the state key of the position and of a database's load point, and how a
  // position is stored there.
  static constexpr char kPositionKey[] = "RQ";
  static std::string LoadPointKey(absl::string_view database);
  static std::string EncodePosition(const ReportingPosition& position);
  static bool DecodePosition(absl::string_view encoded, ReportingPosition* position);

 private:
  absl::Status Drain(const std::atomic<bool>& stop);
  void RecordFailure(const absl::Status& status);
  void Log(const std::string& line) const;

  Spool* const spool_;
  const std::vector<DatabaseId> captured_;
  ReportingEngine* const engine_;
  ReportingStore* const store_;
  ReportingLoader* const loader_;
  const ReportingSinkOptions options_;
  LatencyHistogram apply_latency_;
  uint64_t failures_since_success_ = 0;

  mutable absl::Mutex mutex_;
  ReportingSinkState state_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace genims

#endif  // GENIMS_SINK_REPORTING_SINK_H_
