#include "connector/replication_stream.h"

#include <poll.h>

#include <cerrno>

#include "absl/strings/str_cat.h"
#include "checkpoint/status_macros.h"

namespace genims {
namespace {

// PostgreSQL's epoch (2000-01-01) in microseconds after the Unix epoch.
constexpr int64_t kPostgresEpochUs = 946684800LL * 1000000;

uint64_t GetUint64(const char* p) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | static_cast<uint8_t>(p[i]);
  return value;
}

void PutUint64(uint64_t value, char* p) {
  for (int i = 7; i >= 0; --i) {
    p[i] = static_cast<char>(value & 0xff);
    value >>= 8;
  }
}

// A value for START_REPLICATION's option list: a single-quoted literal.
std::string QuoteLiteral(absl::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\'') quoted.push_back('\'');
    quoted.push_back(c);
  }
  quoted.push_back('\'');
  return quoted;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ReplicationStream>> ReplicationStream::Start(
    PgConnection* connection, absl::string_view slot, Lsn start, const PluginOptions& options) {
  std::string command =
      absl::StrCat("START_REPLICATION SLOT ", QuoteIdentifier(slot), " LOGICAL ", start.ToString());
  if (!options.empty()) {
    command += " (";
    for (size_t i = 0; i < options.size(); ++i) {
      absl::StrAppend(&command, i ? ", " : "", QuoteIdentifier(options[i].first), " ",
                      QuoteLiteral(options[i].second));
    }
    command += ")";
  }
  PgResult result(PQexec(connection->raw(), command.c_str()));
  if (result == nullptr || PQresultStatus(result.get()) != PGRES_COPY_BOTH) {
    return connection->ErrorStatus(result.get(), absl::StrCat("starting replication of ", slot));
  }
  return std::unique_ptr<ReplicationStream>(new ReplicationStream(connection));
}

ReplicationStream::~ReplicationStream() {
  if (buffer_ != nullptr) PQfreemem(buffer_);
}

absl::Status ReplicationStream::StreamEnded() {
  // The server ended CopyBoth: its reason is in the next result.
  PgResult result(PQgetResult(connection_->raw()));
  if (result != nullptr && PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
    return absl::UnavailableError("the server ended the replication stream");
  }
  return connection_->ErrorStatus(result.get(), "replication stream");
}

absl::StatusOr<StreamMessage> ReplicationStream::Next(absl::Duration timeout) {
  PGconn* conn = connection_->raw();
  const absl::Time deadline = absl::Now() + timeout;
  if (buffer_ != nullptr) {
    PQfreemem(buffer_);
    buffer_ = nullptr;
  }
  // Even with a zero timeout the socket is read once, so that "nothing came" means nothing
  // had arrived, not merely that nothing was buffered.
  bool polled = false;
  for (;;) {
    const int size = PQgetCopyData(conn, &buffer_, /*async=*/1);
    if (size == -1) return StreamEnded();
    if (size == -2) return connection_->ErrorStatus(nullptr, "reading replication stream");
    if (size > 0) return Parse(size);
    const absl::Duration left = deadline - absl::Now();
    if (polled && left <= absl::ZeroDuration()) return StreamMessage{};
    pollfd fd{PQsocket(conn), POLLIN, 0};
    const int wait_ms =
        left <= absl::ZeroDuration() ? 0 : static_cast<int>(absl::ToInt64Milliseconds(left)) + 1;
    const int ready = poll(&fd, 1, wait_ms);
    polled = true;
    if (ready < 0 && errno != EINTR) {
      return absl::UnavailableError("waiting for the replication stream failed");
    }
    if (ready > 0 && PQconsumeInput(conn) == 0) {
      return connection_->ErrorStatus(nullptr, "reading replication stream");
    }
  }
}

absl::StatusOr<StreamMessage> ReplicationStream::Parse(int size) const {
  StreamMessage message;
  if (buffer_[0] == 'w' && size >= 25) {
    message.kind = StreamMessage::Kind::kXLogData;
    message.wal_start = Lsn::FromRaw(GetUint64(buffer_ + 1));
    message.wal_end = Lsn::FromRaw(GetUint64(buffer_ + 9));
    message.server_time_us = static_cast<int64_t>(GetUint64(buffer_ + 17)) + kPostgresEpochUs;
    message.data = absl::string_view(buffer_ + 25, size - 25);
    return message;
  }
  if (buffer_[0] == 'k' && size >= 18) {
    message.kind = StreamMessage::Kind::kKeepalive;
    message.wal_end = Lsn::FromRaw(GetUint64(buffer_ + 1));
    message.server_time_us = static_cast<int64_t>(GetUint64(buffer_ + 9)) + kPostgresEpochUs;
    message.reply_requested = buffer_[17] != 0;
    return message;
  }
  return absl::DataLossError(absl::StrCat("unexpected replication message of ", size,
                                          " bytes starting with byte ",
                                          static_cast<int>(buffer_[0])));
}

absl::Status ReplicationStream::SendStatus(Lsn written, Lsn flushed, bool reply_requested) {
  char message[34];
  message[0] = 'r';
  PutUint64(written.raw(), message + 1);
  PutUint64(flushed.raw(), message + 9);
  PutUint64(flushed.raw(), message + 17);  // Applied: what we hold durable is applied for us.
  PutUint64(static_cast<uint64_t>(absl::ToUnixMicros(absl::Now()) - kPostgresEpochUs),
            message + 25);
  message[33] = reply_requested ? 1 : 0;
  PGconn* conn = connection_->raw();
  if (PQputCopyData(conn, message, sizeof(message)) <= 0 || PQflush(conn) != 0) {
    return connection_->ErrorStatus(nullptr, "sending standby status");
  }
  return absl::OkStatus();
}

}  // namespace genims
