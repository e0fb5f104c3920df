// AuditSink: drains the spool into genims_audit_db, exactly once, on its own thread.
//
// Loop: read the spool below its watermark from where the sink left off, build rows
// (AuditBuilder), and apply them in batches of at most `batch_size` audit rows, each batch in
// one MySQL transaction together with the positions it reaches (AuditStore::Apply). After a
// commit, the spool's cursor for this sink moves to the last transaction wholly applied and
// the spool is trimmed below the slowest sink. When nothing is left it sleeps until a
// replication thread writes more (Spool::AwaitProgress), so a change is applied within
// milliseconds of its spool write.
//
// A batch never ends between a transaction's last row and its COMMIT, and the position stored
// with it is (commit LSN, event_seq) per source database; after any failure the sink drops its
// state, reloads the positions from MySQL and reads the spool again from its cursor, skipping
// what MySQL already holds. MariaDB being down only delays the sink: capture goes on into the
// spool (PostgreSQL's retained WAL stays flat), the sink retries with backoff (retry_delay,
// doubling up to max_retry_delay) and counts consecutive failures for /healthz and status.
// Only kDataLoss (a spool it cannot read) ends Run() with an error.
//
// Thread-safety: Run() on one thread; state() and stats() from any thread.
#ifndef GENIMS_SINK_AUDIT_SINK_H_
#define GENIMS_SINK_AUDIT_SINK_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "checkpoint/latency_histogram.h"
#include "checkpoint/spool.h"
#include "sink/audit_builder.h"
#include "sink/audit_policy.h"
#include "sink/audit_store.h"

namespace genims {

struct AuditSinkOptions {
  std::string sink_name = "audit";  // Its spool cursor and sink_positions rows.
  size_t batch_size = 1000;         // ETL_BATCH_SIZE: audit rows per MySQL transaction.
  absl::Duration retry_delay = absl::Seconds(5);       // DATA_SYNC_RETRY_DELAY.
  absl::Duration max_retry_delay = absl::Seconds(60);  // Backoff ceiling.
  absl::Duration trim_interval = absl::Seconds(10);
  size_t max_batch_bytes = 64 << 20;  // Ends a batch early when its values are this large.
  // ETL_ERROR_THRESHOLD: consecutive failures after which the sink says it is unhealthy.
  uint64_t error_threshold = 5;
  AuditPolicyOptions policy;
  // Where the sink reports failures and recoveries (one line each); may be empty.
  std::function<void(const std::string&)> log;
};

// Live counters, read by /metrics.
struct AuditSinkStats {
  std::atomic<uint64_t> rows{0};          // data_change_audit rows written.
  std::atomic<uint64_t> batches{0};       // Committed batches.
  std::atomic<uint64_t> transactions{0};  // Source transactions completed.
  std::atomic<uint64_t> bulk_rows{0};
  std::atomic<uint64_t> sensitive_rows{0};
  std::atomic<uint64_t> lost_values{0};
  std::atomic<uint64_t> malformed_attributions{0};
  LatencyHistogram batch_seconds;  // Apply() of one batch.
  LatencyHistogram apply_latency;  // Commit in PostgreSQL -> committed in MariaDB.
};

struct AuditSinkState {
  bool running = false;
  uint64_t consecutive_failures = 0;
  std::string last_error;
  std::map<std::string, uint64_t> errors_by_kind;
  // Every event below this commit LSN is applied (or needs no row).
  Lsn applied_through;
  // Per source database: the newest applied transaction's commit time.
  std::map<std::string, int64_t> last_commit_time_us;
};

class AuditSink {
 public:
  // `spool` and `store` are borrowed and must outlive the sink. `captured` are the databases
  // being captured (the watermark's inputs).
  AuditSink(Spool* spool, std::vector<DatabaseId> captured, AuditStore* store,
            AuditSinkOptions options);

  // Runs until `stop`; returns OK then, or kDataLoss if the spool is unreadable.
  absl::Status Run(const std::atomic<bool>& stop);

  AuditSinkState state() const;
  const AuditSinkStats& stats() const { return stats_; }

 private:
  // One connection's life: from the stored positions until an error or `stop`.
  absl::Status Drain(const std::atomic<bool>& stop);
  absl::Status Flush(AuditBatch* batch, std::optional<EventKey>* persisted,
                     const std::optional<EventKey>& complete);
  void RecordFailure(const absl::Status& status);
  void RecordSuccess();
  void Log(const std::string& line) const;

  Spool* const spool_;
  const std::vector<DatabaseId> captured_;
  AuditStore* const store_;
  const AuditSinkOptions options_;
  const AuditPolicy policy_;
  AuditSinkStats stats_;
  absl::Time last_trim_ = absl::InfinitePast();
  bool started_logged_ = false;
  uint64_t failures_since_success_ = 0;  // Sink thread only.
  std::string first_failure_;            // Sink thread only.

  mutable absl::Mutex mutex_;
  AuditSinkState state_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace genims

#endif  // GENIMS_SINK_AUDIT_SINK_H_
