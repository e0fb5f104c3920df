#include "sink/audit_sink.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "checkpoint/event_codec.h"
#include "checkpoint/status_macros.h"
#include "sink/retry_loop.h"

namespace genims {
namespace {

std::string CodeName(absl::StatusCode code) { return absl::StatusCodeToString(code); }

bool IsRowEvent(const ChangeEvent& event) {
  return event.kind == EventKind::kChange || event.kind == EventKind::kTruncate;
}

}  // namespace

AuditSink::AuditSink(Spool* spool, std::vector<DatabaseId> captured, AuditStore* store,
                     AuditSinkOptions options)
    : spool_(spool),
      captured_(std::move(captured)),
      store_(store),
      options_(std::move(options)),
      policy_(options_.policy) {}

AuditSinkState AuditSink::state() const {
  absl::MutexLock lock(&mutex_);
  return state_;
}

void AuditSink::Log(const std::string& line) const {
  if (options_.log) options_.log(line);
}

absl::Status AuditSink::Run(const std::atomic<bool>& stop) {
  {
    absl::MutexLock lock(&mutex_);
    state_.running = true;
  }
  const absl::Status result = RetryUntilStopped(
      stop,
      {"audit", options_.retry_delay, options_.max_retry_delay, options_.error_threshold,
       options_.log},
      [&] { return Drain(stop); },
      [this](const absl::Status& status) {
        RecordFailure(status);
        return failures_since_success_;
      });
  if (result.ok()) {
    // Best effort: the connection may be gone; the stop is in the log either way.
    absl::Status recorded = store_->RecordEvent(
        {"stop", "INFO", "", "genims-cdc audit sink stopped; everything spooled is applied"});
    (void)recorded;
  }
  absl::MutexLock lock(&mutex_);
  state_.running = false;
  return result;
}

void AuditSink::RecordFailure(const absl::Status& status) {
  ++failures_since_success_;
  if (failures_since_success_ == 1) first_failure_ = std::string(status.message());
  absl::MutexLock lock(&mutex_);
  ++state_.consecutive_failures;
  state_.last_error = std::string(status.message());
  ++state_.errors_by_kind[CodeName(status.code())];
}

void AuditSink::RecordSuccess() {
  if (failures_since_success_ > 0) {
    Log(absl::StrCat("audit sink recovered after ", failures_since_success_,
                     " consecutive failures"));
    absl::Status recorded = store_->RecordEvent(
        {"error", "WARNING", "",
         absl::StrCat("audit sink failed ", failures_since_success_,
                      " times in a row before recovering; first error: ", first_failure_)});
    (void)recorded;
    failures_since_success_ = 0;
    first_failure_.clear();
  }
  absl::MutexLock lock(&mutex_);
  state_.consecutive_failures = 0;
}

absl::Status AuditSink::Drain(const std::atomic<bool>& stop) {
  GENIMS_ASSIGN_OR_RETURN(auto positions, store_->LoadPositions());
  if (!started_logged_) {
    GENIMS_RETURN_IF_ERROR(
        store_->RecordEvent({"start", "INFO", "",
                             absl::StrCat("genims-cdc audit sink started for ", captured_.size(),
                                          " database", captured_.size() == 1 ? "" : "s")}));
    started_logged_ = true;
  }
  GENIMS_ASSIGN_OR_RETURN(auto databases, spool_->Databases());
  std::map<DatabaseId, std::string> names;
  for (auto& [name, id] : databases) names[id] = std::move(name);
  AuditBuilder builder(&policy_, std::move(names));
  builder.Reset(std::move(positions));
  GENIMS_ASSIGN_OR_RETURN(std::optional<EventKey> persisted,
                          spool_->SinkCursor(options_.sink_name));
  std::optional<EventKey> read_after = persisted;
  std::optional<EventKey> complete = persisted;  // The last COMMIT read.
  AuditBatch batch;
  ChangeEvent event;
  uint64_t generation = 0;
  uint64_t lost_reported = 0;
  uint64_t malformed_reported = 0;
  while (!stop.load()) {
    generation = spool_->AwaitProgress(generation, absl::ZeroDuration());
    const Lsn below = spool_->Watermark(captured_);
    std::unique_ptr<SpoolCursor> cursor = spool_->Read(read_after, below);
    for (; cursor->Valid() && !stop.load(); cursor->Next()) {
      const EventKey key = cursor->key();
      GENIMS_RETURN_IF_ERROR(DecodeEvent(cursor->value(), &event));
      if (IsRowEvent(event) && (batch.changes.size() >= options_.batch_size ||
                                batch.payload_bytes >= options_.max_batch_bytes)) {
        GENIMS_RETURN_IF_ERROR(Flush(&batch, &persisted, complete));
      }
      GENIMS_RETURN_IF_ERROR(builder.Add(key, event, &batch));
      read_after = key;
      if (event.kind == EventKind::kCommit) complete = key;
    }
    GENIMS_RETURN_IF_ERROR(cursor->status());
    const bool drained = !cursor->Valid();
    cursor.reset();
    stats_.lost_values.fetch_add(builder.lost_values() - lost_reported);
    lost_reported = builder.lost_values();
    stats_.malformed_attributions.fetch_add(builder.malformed_attributions() - malformed_reported);
    malformed_reported = builder.malformed_attributions();
    if (!batch.empty()) {
      GENIMS_RETURN_IF_ERROR(Flush(&batch, &persisted, complete));
    } else {
      batch.clear();
      if (complete != persisted) {
        // Only transactions without audit rows (heartbeats) since the last batch.
        GENIMS_RETURN_IF_ERROR(spool_->SetSinkCursor(options_.sink_name, *complete));
        persisted = complete;
      }
      if (failures_since_success_ > 0) RecordSuccess();
    }
    if (drained) {
      absl::MutexLock lock(&mutex_);
      state_.applied_through = std::max(state_.applied_through, below);
    }
    if (persisted && absl::Now() - last_trim_ >= options_.trim_interval) {
      GENIMS_RETURN_IF_ERROR(spool_->Trim().status());
      last_trim_ = absl::Now();
    }
    if (drained) generation = spool_->AwaitProgress(generation, absl::Milliseconds(250));
  }
  return absl::OkStatus();
}

absl::Status AuditSink::Flush(AuditBatch* batch, std::optional<EventKey>* persisted,
                              const std::optional<EventKey>& complete) {
  const absl::Time start = absl::Now();
  GENIMS_RETURN_IF_ERROR(store_->Apply(*batch));
  const absl::Time done = absl::Now();
  stats_.batch_seconds.Observe(done - start);
  for (int64_t commit_time_us : batch->completed_commit_times_us) {
    stats_.apply_latency.Observe(done - absl::FromUnixMicros(commit_time_us));
  }
  stats_.rows.fetch_add(batch->changes.size());
  stats_.batches.fetch_add(1);
  stats_.transactions.fetch_add(batch->completed_commit_times_us.size());
  stats_.bulk_rows.fetch_add(batch->bulk_operations.size());
  stats_.sensitive_rows.fetch_add(batch->sensitive_changes.size());
  {
    absl::MutexLock lock(&mutex_);
    for (const AuditRow& row : batch->changes) {
      state_.last_commit_time_us[row.source_db] = row.commit_time_us;
    }
  }
  RecordSuccess();
  batch->clear();
  if (complete && complete != *persisted) {
    GENIMS_RETURN_IF_ERROR(spool_->SetSinkCursor(options_.sink_name, *complete));
    *persisted = complete;
  }
  return absl::OkStatus();
}

}  // namespace genims
