#include "connector/slot_reader.h"

#include <algorithm>
#include <thread>

#include "absl/strings/ascii.h"
#include "checkpoint/status_macros.h"
#include "connector/log.h"

namespace genims {
namespace {

bool IsRetryable(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsResourceExhausted(status);
}

// Sleeps `duration` in small steps so that a stop request ends it early.
void SleepUnlessStopped(absl::Duration duration, const std::atomic<bool>& stop) {
  const absl::Time end = absl::Now() + duration;
  while (!stop.load() && absl::Now() < end) {
    absl::SleepFor(std::min(absl::Milliseconds(100), end - absl::Now()));
  }
}

}  // namespace

ReplicationStream::PluginOptions Wal2JsonOptions() {
  ReplicationStream::PluginOptions options = {
      {"format-version", "2"},
      {"include-xids", "1"},
      {"include-timestamp", "1"},
      {"include-lsn", "1"},
      {"include-types", "0"},
      {"include-type-oids", "1"},
      {"include-pk", "1"},
      {"include-not-null", "1"},
      {"include-transaction", "1"},
      // Only our own messages: wal2json copies message bytes verbatim, so an application's
      // binary message would otherwise stop the stream as invalid UTF-8.
      {"add-msg-prefixes", "genims.audit,genims.heartbeat"},
  };
  return options;
}

SlotReader::SlotReader(const Config& config, std::string database, DatabaseId id, Spool* spool,
                       CaptureStats* stats, const CaptureOptions& options)
    : config_(config),
      database_(std::move(database)),
      slot_(config.SlotName(database_)),
      id_(id),
      spool_(spool),
      stats_(stats),
      options_(options) {}

ReaderState SlotReader::state() const {
  absl::MutexLock lock(&mutex_);
  return state_;
}

void SlotReader::SetState(bool streaming, const absl::Status& status, bool final) {
  absl::MutexLock lock(&mutex_);
  state_.streaming = streaming;
  state_.stopped_on_error = final && !status.ok();
  if (status.ok()) {
    state_.consecutive_failures = 0;
    state_.last_error.clear();
  } else {
    ++state_.consecutive_failures;
    ++state_.reconnects;
    state_.last_error = std::string(status.message());
    std::string kind = absl::StatusCodeToString(status.code());
    for (char& c : kind) c = c == ' ' ? '_' : absl::ascii_tolower(c);
    ++state_.errors_by_kind[kind];
  }
}

absl::Status SlotReader::Run(const std::atomic<bool>& stop) {
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<SpoolWriter> writer, spool_->NewWriter(id_));
  absl::Duration backoff = config_.retry_delay;
  absl::Time first_failure = absl::InfiniteFuture();
  while (!stop.load()) {
    const absl::Time started = absl::Now();
    absl::Status status = RunOnce(writer.get(), stop);
    if (status.ok()) {
      SetState(false, status);
      return status;
    }
    if (!IsRetryable(status)) {
      SetState(false, status, /*final=*/true);
      return absl::Status(status.code(), absl::StrCat(database_, ": ", status.message()));
    }
    // A database never reached since start-up is more likely misconfigured than restarting:
    // once DATA_SYNC_RETRY_COUNT attempts have failed and DATA_SYNC_TIMEOUT has passed, say
    // so and stop (exit 1). (Not sooner: after a crash, our previous walsender may hold the
    // slot for a moment.) Once it has streamed, a lost connection is retried for as long as
    // it takes.
    if (!ever_streamed_) {
      if (first_failure == absl::InfiniteFuture()) first_failure = started;
      if (state().consecutive_failures + 1 >=
              static_cast<uint64_t>(std::max(1, config_.retry_count)) &&
          absl::Now() - first_failure >= config_.sync_timeout) {
        SetState(false, status, /*final=*/true);
        return absl::Status(status.code(),
                            absl::StrCat(database_, ": ", status.message(), " (gave up after ",
                                         absl::FormatDuration(absl::Trunc(
                                             absl::Now() - first_failure, absl::Seconds(1))),
                                         ")"));
      }
    }
    // A session that ran a while was healthy: start the backoff over.
    if (absl::Now() - started > absl::Minutes(1)) backoff = config_.retry_delay;
    SetState(false, status);
    Log(database_, ": ", status.message(), "; reconnecting in ", absl::FormatDuration(backoff));
    SleepUnlessStopped(backoff, stop);
    backoff = std::min(backoff * 2, std::max(config_.sync_timeout, config_.retry_delay));
  }
  return absl::OkStatus();
}

absl::Status SlotReader::RunOnce(SpoolWriter* writer, const std::atomic<bool>& stop) {
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> connection,
                          PgConnection::Connect(config_.primary, config_.pg_socket_dir, database_,
                                                ConnectionKind::kReplication));
  // The walsender accepts only the simple query protocol; slot_ holds [a-z0-9_] only.
  GENIMS_ASSIGN_OR_RETURN(PgRows slot, connection->Query(absl::StrCat(
                                           "SELECT confirmed_flush_lsn, plugin, active_pid, "
                                           "pg_backend_pid() FROM pg_replication_slots WHERE "
                                           "slot_name = '",
                                           slot_, "' AND database = current_database()")));
  const Lsn durable = writer->durable().flushed;
  if (slot.size() == 0) {
    if (durable.valid()) {
      return absl::DataLossError(absl::StrCat(
          "slot ", slot_, " no longer exists, but the spool holds this database up to ",
          durable.ToString(),
          ": whatever committed after that is lost to genims-cdc. "
          "Recreate the slot (genims-cdc slots create) and rebuild (genims-cdc setup)"));
    }
    return absl::FailedPreconditionError(
        absl::StrCat("slot ", slot_, " does not exist: create it with genims-cdc slots create"));
  }
  if (slot.Get(0, 1) != "wal2json") {
    return absl::FailedPreconditionError(
        absl::StrCat("slot ", slot_, " uses plugin ", slot.Get(0, 1), ", not wal2json"));
  }
  if (!slot.IsNull(0, 2)) {
    return absl::UnavailableError(
        absl::StrCat("slot ", slot_, " is in use by process ", slot.Get(0, 2)));
  }
  GENIMS_ASSIGN_OR_RETURN(Lsn confirmed, Lsn::Parse(slot.Get(0, 0)));
  if (!durable.valid()) {
    // First capture of this database: the slot's position is where our history starts.
    writer->AdvanceTo(confirmed);
    GENIMS_RETURN_IF_ERROR(writer->Flush(/*sync=*/true));
  } else if (confirmed > durable) {
    return absl::DataLossError(absl::StrCat(
        "gap: slot ", slot_, " is confirmed up to ", confirmed.ToString(),
        " but the spool holds this database only up to ", durable.ToString(),
        ": the changes in between were consumed by another client and are lost to genims-cdc"));
  }
  // Before streaming: which columns are NOT NULL (a DELETE's old row does not say).
  NotNullCatalog not_null;
  GENIMS_RETURN_IF_ERROR(not_null.Load(*connection));
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<ReplicationStream> stream,
                          ReplicationStream::Start(connection.get(), slot_,
                                                   writer->durable().flushed, Wal2JsonOptions()));
  SetState(true, absl::OkStatus());
  ever_streamed_ = true;
  CaptureSession session(stream.get(), writer, stats_, options_, &not_null);
  return session.Run(stop);
}

}  // namespace genims
