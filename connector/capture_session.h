// CaptureSession: one database's stream from the server into the spool, for as long as one
// replication connection lives.
//
// It decodes each message, appends events to the database's SpoolWriter, and decides when
// to make them durable and when to tell the server. The rules that keep delivery exact:
//   - The flush LSN sent to the server is only ever SpoolWriter::durable().flushed: nothing
//     is confirmed before a synced spool write holds it.
//   - Group commit: committed transactions are synced together. The sync happens as soon as
//     the stream goes quiet (nothing more had arrived), or when the oldest unsynced commit has
//     waited `sync_delay`, or `sync_bytes` are pending, whichever comes first.
//   - A transaction the server sends again (after a restart the slot may resume behind our
//     durable position) is recognised by its commit's end LSN and skipped whole.
//   - A transaction larger than `spill_bytes` is written to the spool unsynced as it streams,
//     so memory stays bounded; it becomes visible only with its commit.
//   - Keepalives are answered at once when the server asks, and a status goes out every
//     `status_interval` regardless of what else happens.
//   - Between transactions, a keepalive's WAL end becomes the database's progress: an idle
//     database does not hold back the watermark or the slot (synced at most every
//     `idle_sync_interval`, and at once when the server asks for a reply: at shutdown the
//     walsender waits until our flush position reaches its WAL end).
//   - A malformed message or an impossible sequence (BEGIN inside a transaction, a change
//     outside one) returns kDataLoss without confirming anything past the last good commit.
//
// Thread-safety: a session runs on its database's capture thread. CaptureStats may be read
// from any thread.
#ifndef GENIMS_CONNECTOR_CAPTURE_SESSION_H_
#define GENIMS_CONNECTOR_CAPTURE_SESSION_H_

#include <atomic>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "checkpoint/latency_histogram.h"
#include "checkpoint/spool.h"
#include "connector/not_null_catalog.h"
#include "connector/replication_stream.h"
#include "connector/table_filter.h"
#include "decoder/wal2json_decoder.h"

namespace genims {

struct CaptureOptions {
  absl::Duration status_interval = absl::Seconds(10);
  absl::Duration sync_delay = absl::Milliseconds(50);
  size_t sync_bytes = 8 << 20;
  size_t spill_bytes = 16 << 20;
  absl::Duration idle_sync_interval = absl::Seconds(1);
  // CDC_INCLUDE_TABLES / CDC_EXCLUDE_TABLES; null captures every table. Borrowed. Applied
  // here rather than by wal2json's add-tables/filter-tables, whose `*` matches only a whole
  // name part (`public.sensor_*` would match nothing there).
  const TableFilter* filter = nullptr;
};

// Counters of one database's capture, shared with metrics and status.
struct CaptureStats {
  std::atomic<uint64_t> events{0};        // Events spooled (begin, changes, messages, commit).
  std::atomic<uint64_t> row_changes{0};   // Inserts, updates, deletes and truncates spooled.
  std::atomic<uint64_t> transactions{0};  // Transactions spooled.
  std::atomic<uint64_t> resent_transactions{0};       // Sent again by the server and skipped.
  std::atomic<uint64_t> received_bytes{0};            // Plugin message bytes received.
  std::atomic<uint64_t> lost_special_values{0};       // NULLs that stand for NaN/Infinity.
  std::atomic<uint64_t> untransactional_messages{0};  // Ignored (no commit position).
  std::atomic<uint64_t> filtered_changes{0};          // Of tables not captured.
  std::atomic<uint64_t> syncs{0};                     // Synced spool writes.
  std::atomic<uint64_t> server_wal_end{0};            // Raw LSN, from the last message.
  std::atomic<uint64_t> flushed{0};                   // Raw LSN confirmed to the server.
  std::atomic<int64_t> last_commit_time_us{0};        // Of the newest spooled transaction.
  std::atomic<uint64_t> last_commit_lsn{0};           // Raw commit LSN of the same.
  LatencyHistogram decode_seconds;                    // Per message.
  LatencyHistogram sync_seconds;                      // Per synced spool write.
  // From a transaction's commit (server clock) to its synced spool write (our clock).
  LatencyHistogram capture_latency_seconds;
};

class CaptureSession {
 public:
  // All pointers are borrowed and must outlive the session.
  // `not_null` (may be null) flags NULLs of NOT NULL columns in old rows; see
  // connector/not_null_catalog.h.
  CaptureSession(ReplicationSource* source, SpoolWriter* writer, CaptureStats* stats,
                 const CaptureOptions& options, NotNullCatalog* not_null = nullptr);

  // Streams until `stop` becomes true (then syncs what is committed, reports it to the
  // server and returns OK) or an error: the source's (kUnavailable: reconnect), the spool's
  // (kResourceExhausted: disk full), or kDataLoss for a malformed stream.
  absl::Status Run(const std::atomic<bool>& stop);

 private:
  absl::Status HandleData(const StreamMessage& message);
  absl::Status Sync();
  absl::Status SendStatus(bool reply_requested);

  ReplicationSource* const source_;
  SpoolWriter* const writer_;
  CaptureStats* const stats_;
  const CaptureOptions options_;
  NotNullCatalog* const not_null_;
  Wal2JsonDecoder decoder_;
  ChangeEvent event_;

  bool in_transaction_ = false;
  bool resending_ = false;  // The open transaction is one the spool already holds.
  Lsn commit_lsn_;
  uint32_t seq_ = 0;
  Lsn last_end_;                // End of the newest transaction taken (or progress reached).
  Lsn received_;                // Newest WAL position received.
  bool unsynced_ = false;       // Committed transactions wait for a sync.
  bool idle_unsynced_ = false;  // Progress from keepalives waits for a sync.
  absl::Time first_unsynced_;
  int64_t newest_unsynced_commit_us_ = 0;  // Commit time of the newest unsynced transaction.
  absl::Time last_idle_sync_ = absl::InfinitePast();
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_CAPTURE_SESSION_H_
