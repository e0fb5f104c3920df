// SlotReader: keeps one database's capture running for the life of the daemon.
//
// Each attempt connects a replication connection, checks the slot against the spool, and
// streams through a CaptureSession from the spool's durable position. The start-up check
// refuses loudly, never papering over a gap:
//   - slot missing while the spool holds progress for it   -> kDataLoss (dropped underneath)
//   - slot confirmed beyond the spool's durable progress   -> kDataLoss (someone else consumed)
//   - slot missing and nothing spooled yet                 -> kFailedPrecondition (create it)
// A slot that is behind the spool is normal (PostgreSQL before 17 does not persist a newer
// confirmed position at shutdown); the server then skips what we already hold, and the
// session skips any transaction resent anyway.
//
// Retry policy (the one place it is decided for capture):
//   kUnavailable (connection refused or lost, server restarting, slot still held by our
//   previous walsender)  -> reconnect after DATA_SYNC_RETRY_DELAY, doubling up to
//   DATA_SYNC_TIMEOUT, forever once the database has streamed; the failure count shows in
//   metrics and /healthz. Before it ever streamed: until DATA_SYNC_RETRY_COUNT attempts have
//   failed and DATA_SYNC_TIMEOUT has passed, then the error is returned (a server never
//   reached since start-up is more likely misconfigured than restarting).
//   kResourceExhausted (spool disk full) -> likewise: nothing is confirmed meanwhile, so
//   PostgreSQL keeps the WAL and nothing is lost.
//   Anything else (kDataLoss, kFailedPrecondition, kPermissionDenied, kNotFound, ...)
//   -> Run() returns it: an operator must act; the daemon stops and exits 1.
//
// Thread-safety: Run() on one thread; state() from any.
#ifndef GENIMS_CONNECTOR_SLOT_READER_H_
#define GENIMS_CONNECTOR_SLOT_READER_H_

#include <atomic>
#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "checkpoint/spool.h"
#include "connector/capture_session.h"
#include "connector/config.h"
#include "connector/replication_stream.h"

namespace genims {

// The wal2json options genims-cdc streams with (format-version 2, LSNs, xids, commit times,
// primary keys, type OIDs, NOT NULL flags; type names off: costly and ambiguous). Tables
// are filtered by the capture session (see CaptureOptions::filter).
ReplicationStream::PluginOptions Wal2JsonOptions();

struct ReaderState {
  bool streaming = false;
  bool stopped_on_error = false;  // Run() returned an error that needs an operator.
  uint64_t reconnects = 0;
  uint64_t consecutive_failures = 0;
  std::string last_error;  // Empty when the last attempt is healthy.
  // Failed attempts by status code ("unavailable", "data_loss", ...).
  std::map<std::string, uint64_t> errors_by_kind;
};

class SlotReader {
 public:
  // `config`, `spool` and `stats` are borrowed and must outlive the reader.
  SlotReader(const Config& config, std::string database, DatabaseId id, Spool* spool,
             CaptureStats* stats, const CaptureOptions& options);

  // Captures until `stop` (returns OK) or an error that needs an operator.
  absl::Status Run(const std::atomic<bool>& stop);

  ReaderState state() const;
  const std::string& database() const { return database_; }

 private:
  absl::Status RunOnce(SpoolWriter* writer, const std::atomic<bool>& stop);
  void SetState(bool streaming, const absl::Status& status, bool final = false);

  const Config& config_;
  const std::string database_;
  const std::string slot_;
  const DatabaseId id_;
  Spool* const spool_;
  CaptureStats* const stats_;
  const CaptureOptions options_;

  bool ever_streamed_ = false;  // Run()'s thread only.

  mutable absl::Mutex mutex_;
  ReaderState state_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_SLOT_READER_H_
