// ReplicationStream: the logical replication protocol on a replication connection.
//
// Start() issues START_REPLICATION SLOT ... LOGICAL and the server switches the connection
// to CopyBoth mode. From then on the server sends CopyData messages of two kinds, which
// Next() returns:
//   'w' XLogData:  dataStart, walEnd, sendTime, then one output-plugin message
//   'k' keepalive: walEnd, sendTime, replyRequested
// and the client sends standby status updates ('r': written, flushed and applied LSNs,
// clock, replyRequested) with SendStatus(). Layouts as in PostgreSQL's protocol
// documentation ("Streaming Replication Protocol"); integers are big-endian.
//
// Next() never blocks longer than its timeout, so the caller can answer keepalives and send
// its periodic status on time whatever else it does (a walsender that hears nothing for
// wal_sender_timeout ends the connection).
//
// Thread-safety: one thread at a time. The connection is borrowed and must outlive the stream.
#ifndef GENIMS_CONNECTOR_REPLICATION_STREAM_H_
#define GENIMS_CONNECTOR_REPLICATION_STREAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "checkpoint/lsn.h"
#include "connector/pg_connection.h"

namespace genims {

struct StreamMessage {
  enum class Kind { kTimeout, kXLogData, kKeepalive };
  Kind kind = Kind::kTimeout;
  Lsn wal_start;                 // XLogData: where the data's WAL record starts.
  Lsn wal_end;                   // Both: the server's WAL position sent so far.
  int64_t server_time_us = 0;    // Both: server clock, microseconds since the Unix epoch.
  bool reply_requested = false;  // Keepalive: answer at once or be disconnected.
  // XLogData: the plugin's message. Borrowed from the stream; valid until the next Next().
  absl::string_view data;
};

// The seam between a capture session and the server: the real stream below, scripted
// fakes in unit tests.
class ReplicationSource {
 public:
  virtual ~ReplicationSource() = default;
  // See ReplicationStream::Next() and SendStatus().
  virtual absl::StatusOr<StreamMessage> Next(absl::Duration timeout) = 0;
  virtual absl::Status SendStatus(Lsn written, Lsn flushed, bool reply_requested) = 0;
};

class ReplicationStream : public ReplicationSource {
 public:
  using PluginOptions = std::vector<std::pair<std::string, std::string>>;

  // Starts streaming `slot` from `start` (Lsn() = from the slot's confirmed position) with
  // the output plugin's `options`. `connection` must be a kReplication connection.
  // Returns kNotFound if the slot does not exist, kFailedPrecondition if it is active
  // elsewhere or the plugin cannot be used, kUnavailable if the connection fails.
  static absl::StatusOr<std::unique_ptr<ReplicationStream>> Start(PgConnection* connection,
                                                                  absl::string_view slot, Lsn start,
                                                                  const PluginOptions& options);
  ~ReplicationStream() override;
  ReplicationStream(const ReplicationStream&) = delete;
  ReplicationStream& operator=(const ReplicationStream&) = delete;

  // Waits up to `timeout` for the next message; kind kTimeout when none came.
  // Errors: kUnavailable when the connection is lost or the server ended the stream
  // (restart, pg_terminate_backend), kFailedPrecondition/kNotFound when the server reports
  // an error that needs an operator (slot dropped, plugin no longer allowed), kDataLoss for
  // a message that violates the protocol.
  absl::StatusOr<StreamMessage> Next(absl::Duration timeout) override;

  // Sends a standby status update. `flushed` is what the server may release: only what is
  // durable on our side.
  absl::Status SendStatus(Lsn written, Lsn flushed, bool reply_requested) override;

 private:
  explicit ReplicationStream(PgConnection* connection) : connection_(connection) {}
  absl::Status StreamEnded();
  absl::StatusOr<StreamMessage> Parse(int size) const;

  PgConnection* const connection_;
  char* buffer_ = nullptr;  // Last PQgetCopyData() buffer; freed on the next call.
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_REPLICATION_STREAM_H_
