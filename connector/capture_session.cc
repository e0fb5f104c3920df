#include "connector/capture_session.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "checkpoint/status_macros.h"

namespace genims {
namespace {

// How long one wait may last, so that a stop request is noticed promptly.
constexpr absl::Duration kMaxWait = absl::Milliseconds(500);

absl::Status OutOfSequence(absl::string_view what, Lsn at) {
  return absl::DataLossError(
      absl::StrCat("replication stream out of sequence at ", at.ToString(), ": ", what));
}

}  // namespace

CaptureSession::CaptureSession(ReplicationSource* source, SpoolWriter* writer, CaptureStats* stats,
                               const CaptureOptions& options, NotNullCatalog* not_null)
    : source_(source),
      writer_(writer),
      stats_(stats),
      options_(options),
      not_null_(not_null),
      last_end_(writer->durable().flushed),
      received_(writer->durable().flushed) {}

absl::Status CaptureSession::Run(const std::atomic<bool>& stop) {
  absl::Time next_status = absl::Now();
  while (!stop.load(std::memory_order_relaxed)) {
    const absl::Time now = absl::Now();
    // With commits waiting for their sync, only look whether more data is already there.
    absl::Duration wait = unsynced_ ? absl::ZeroDuration()
                                    : std::clamp(next_status - now, absl::ZeroDuration(), kMaxWait);
    absl::StatusOr<StreamMessage> message = source_->Next(wait);
    if (!message.ok()) return message.status();
    switch (message->kind) {
      case StreamMessage::Kind::kXLogData:
        GENIMS_RETURN_IF_ERROR(HandleData(*message));
        break;
      case StreamMessage::Kind::kKeepalive:
        stats_->server_wal_end.store(message->wal_end.raw(), std::memory_order_relaxed);
        if (!in_transaction_ && message->wal_end > last_end_) {
          // Everything before the keepalive's WAL end has been sent: nothing of this
          // database is missing below it.
          writer_->AdvanceTo(message->wal_end);
          last_end_ = message->wal_end;
          idle_unsynced_ = true;
          // Written at once (not synced): the spool's watermark follows written progress, so
          // the sinks need not wait for this idle database's next sync to read the busy ones.
          GENIMS_RETURN_IF_ERROR(writer_->Flush(/*sync=*/false));
        }
        if (message->reply_requested) {
          // The server waits for our answer (and at shutdown, for our flush to reach its
          // WAL end): make idle progress durable first, it is one small write.
          if (idle_unsynced_ && !unsynced_) GENIMS_RETURN_IF_ERROR(Sync());
          GENIMS_RETURN_IF_ERROR(SendStatus(/*reply_requested=*/false));
          next_status = absl::Now() + options_.status_interval;
        }
        break;
      case StreamMessage::Kind::kTimeout:
        break;
    }
    if (unsynced_ && (message->kind == StreamMessage::Kind::kTimeout ||
                      absl::Now() - first_unsynced_ >= options_.sync_delay ||
                      writer_->pending_bytes() >= options_.sync_bytes)) {
      GENIMS_RETURN_IF_ERROR(Sync());
      GENIMS_RETURN_IF_ERROR(SendStatus(false));
      next_status = absl::Now() + options_.status_interval;
    } else if (in_transaction_ && writer_->pending_bytes() >= options_.spill_bytes) {
      GENIMS_RETURN_IF_ERROR(writer_->Flush(/*sync=*/false));
    } else if (idle_unsynced_ && absl::Now() - last_idle_sync_ >= options_.idle_sync_interval) {
      // An idle database's progress from keepalives, synced at most this often.
      GENIMS_RETURN_IF_ERROR(Sync());
      GENIMS_RETURN_IF_ERROR(SendStatus(false));
      next_status = absl::Now() + options_.status_interval;
    }
    if (absl::Now() >= next_status) {
      GENIMS_RETURN_IF_ERROR(SendStatus(false));
      next_status = absl::Now() + options_.status_interval;
    }
  }
  GENIMS_RETURN_IF_ERROR(Sync());
  return SendStatus(false);
}

absl::Status CaptureSession::HandleData(const StreamMessage& message) {
  received_ = std::max(received_, message.wal_start);
  stats_->server_wal_end.store(message.wal_end.raw(), std::memory_order_relaxed);
  stats_->received_bytes.fetch_add(message.data.size(), std::memory_order_relaxed);
  const absl::Time decode_start = absl::Now();
  GENIMS_RETURN_IF_ERROR(decoder_.Decode(message.data, message.wal_start, &event_));
  stats_->decode_seconds.Observe(absl::Now() - decode_start);
  switch (event_.kind) {
    case EventKind::kBegin:
      if (in_transaction_) return OutOfSequence("BEGIN inside a transaction", message.wal_start);
      in_transaction_ = true;
      commit_lsn_ = event_.begin.commit_lsn;
      seq_ = 0;
      // The spool has this transaction already (the server resumed behind our position).
      resending_ = event_.begin.end_lsn <= last_end_;
      if (resending_) return absl::OkStatus();
      break;
    case EventKind::kMessage:
      if (!event_.message.transactional) {
        stats_->untransactional_messages.fetch_add(1, std::memory_order_relaxed);
        return absl::OkStatus();
      }
      [[fallthrough]];
    case EventKind::kChange:
    case EventKind::kTruncate:
      if (!in_transaction_) return OutOfSequence("change outside a transaction", message.wal_start);
      if (resending_) return absl::OkStatus();
      if (options_.filter != nullptr && event_.kind != EventKind::kMessage &&
          !(event_.kind == EventKind::kChange
                ? options_.filter->Captures(event_.change.schema, event_.change.table)
                : options_.filter->Captures(event_.truncate.schema, event_.truncate.table))) {
        stats_->filtered_changes.fetch_add(1, std::memory_order_relaxed);
        return absl::OkStatus();
      }
      if (event_.kind == EventKind::kChange && not_null_ != nullptr) {
        not_null_->Apply(&event_.change);
      }
      if (event_.kind == EventKind::kChange) {
        stats_->lost_special_values.fetch_add(event_.change.lost_special_values,
                                              std::memory_order_relaxed);
      }
      if (event_.kind != EventKind::kMessage) {
        stats_->row_changes.fetch_add(1, std::memory_order_relaxed);
      }
      break;
    case EventKind::kCommit:
      if (!in_transaction_ || event_.commit.commit_lsn != commit_lsn_) {
        return OutOfSequence("COMMIT without its BEGIN", message.wal_start);
      }
      in_transaction_ = false;
      if (resending_) {
        resending_ = false;
        stats_->resent_transactions.fetch_add(1, std::memory_order_relaxed);
        return absl::OkStatus();
      }
      writer_->Add(commit_lsn_, seq_, event_);
      writer_->CommitTransaction(commit_lsn_, event_.commit.end_lsn, event_.commit.commit_time_us);
      last_end_ = std::max(last_end_, event_.commit.end_lsn);
      received_ = std::max(received_, event_.commit.end_lsn);
      stats_->events.fetch_add(1, std::memory_order_relaxed);
      stats_->transactions.fetch_add(1, std::memory_order_relaxed);
      stats_->last_commit_lsn.store(commit_lsn_.raw(), std::memory_order_relaxed);
      if (event_.commit.commit_time_us) {
        newest_unsynced_commit_us_ = *event_.commit.commit_time_us;
        stats_->last_commit_time_us.store(*event_.commit.commit_time_us, std::memory_order_relaxed);
      }
      if (!unsynced_) {
        unsynced_ = true;
        first_unsynced_ = absl::Now();
      }
      return absl::OkStatus();
  }
  writer_->Add(commit_lsn_, seq_++, event_);
  stats_->events.fetch_add(1, std::memory_order_relaxed);
  return absl::OkStatus();
}

absl::Status CaptureSession::Sync() {
  const absl::Time start = absl::Now();
  GENIMS_RETURN_IF_ERROR(writer_->Flush(/*sync=*/true));
  const absl::Time done = absl::Now();
  stats_->sync_seconds.Observe(done - start);
  if (unsynced_ && newest_unsynced_commit_us_ != 0) {
    stats_->capture_latency_seconds.Observe(done -
                                            absl::FromUnixMicros(newest_unsynced_commit_us_));
  }
  newest_unsynced_commit_us_ = 0;
  stats_->syncs.fetch_add(1, std::memory_order_relaxed);
  stats_->flushed.store(writer_->durable().flushed.raw(), std::memory_order_relaxed);
  unsynced_ = false;
  idle_unsynced_ = false;
  last_idle_sync_ = done;
  return absl::OkStatus();
}

absl::Status CaptureSession::SendStatus(bool reply_requested) {
  const Lsn flushed = writer_->durable().flushed;
  return source_->SendStatus(std::max(received_, flushed), flushed, reply_requested);
}

}  // namespace genims
