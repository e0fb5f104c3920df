#include "sink/reporting_sink.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "checkpoint/event_codec.h"
#include "checkpoint/status_macros.h"
#include "sink/retry_loop.h"

namespace genims {
namespace {

constexpr absl::Duration kPositionCheckInterval = absl::Seconds(2);
constexpr absl::Duration kTrimInterval = absl::Seconds(10);

}  // namespace

constexpr char ReportingSink::kPositionKey[];

std::string ReportingSink::LoadPointKey(absl::string_view database) {
  return absl::StrCat("RC", database);
}

std::string ReportingSink::EncodePosition(const ReportingPosition& position) {
  return absl::StrCat(position.commit_lsn.raw(), " ", position.source_db, " ", position.seq);
}

bool ReportingSink::DecodePosition(absl::string_view encoded, ReportingPosition* position) {
  std::vector<std::string> parts = absl::StrSplit(encoded, ' ');
  uint64_t lsn = 0;
  if (parts.size() != 3 || !absl::SimpleAtoi(parts[0], &lsn) ||
      !absl::SimpleAtoi(parts[2], &position->seq)) {
    return false;
  }
  position->commit_lsn = Lsn::FromRaw(lsn);
  position->source_db = parts[1];
  return true;
}

ReportingSink::ReportingSink(Spool* spool, std::vector<DatabaseId> captured,
                             ReportingEngine* engine, ReportingStore* store,
                             ReportingLoader* loader, ReportingSinkOptions options)
    : spool_(spool),
      captured_(std::move(captured)),
      engine_(engine),
      store_(store),
      loader_(loader),
      options_(std::move(options)) {}

ReportingSinkState ReportingSink::state() const {
  absl::MutexLock lock(&mutex_);
  return state_;
}

void ReportingSink::Log(const std::string& line) const {
  if (options_.log) options_.log(line);
}

void ReportingSink::RecordFailure(const absl::Status& status) {
  ++failures_since_success_;
  absl::MutexLock lock(&mutex_);
  ++state_.consecutive_failures;
  state_.last_error = std::string(status.message());
  ++state_.errors_by_kind[absl::StatusCodeToString(status.code())];
}

absl::Status ReportingSink::Run(const std::atomic<bool>& stop) {
  {
    absl::MutexLock lock(&mutex_);
    state_.running = true;
  }
  const absl::Status result = RetryUntilStopped(
      stop,
      {"reporting", options_.retry_delay, options_.max_retry_delay, options_.error_threshold,
       options_.log},
      [&] { return Drain(stop); },
      [this](const absl::Status& status) {
        RecordFailure(status);
        return failures_since_success_;
      });
  absl::MutexLock lock(&mutex_);
  state_.running = false;
  return result;
}

absl::Status ReportingSink::Drain(const std::atomic<bool>& stop) {
  // Positions: MariaDB's (the truth of what the tables hold) and the state's.
  GENIMS_ASSIGN_OR_RETURN(std::optional<ReportingPosition> stored, store_->LoadPosition());
  GENIMS_ASSIGN_OR_RETURN(std::optional<std::string> encoded, spool_->GetState(kPositionKey));
  std::optional<ReportingPosition> state_position;
  if (encoded) {
    ReportingPosition position;
    if (!DecodePosition(*encoded, &position)) {
      return absl::DataLossError("malformed reporting position in the spool");
    }
    state_position = position;
  }
  GENIMS_ASSIGN_OR_RETURN(auto databases, spool_->Databases());
  std::map<std::string, DatabaseId> ids;
  std::map<DatabaseId, std::string> names;
  for (const auto& [name, id] : databases) {
    ids[name] = id;
    names[id] = name;
  }
  auto key_of = [&ids](const ReportingPosition& position) -> std::optional<EventKey> {
    auto id = ids.find(position.source_db);
    if (id == ids.end()) return std::nullopt;
    return EventKey{position.commit_lsn, id->second, position.seq};
  };
  std::optional<EventKey> stored_key = stored ? key_of(*stored) : std::nullopt;
  std::optional<EventKey> state_key = state_position ? key_of(*state_position) : std::nullopt;
  if (!stored_key || !state_key || *state_key > *stored_key) {
    Log(absl::StrCat("reporting sink: loading the reporting tables from a snapshot (",
                     !stored_key  ? "no position in the reporting database"
                     : !state_key ? "no state in the spool"
                                  : "the spool's state is ahead of the reporting database",
                     ")"));
    GENIMS_RETURN_IF_ERROR(loader_->Load(*engine_, *store_));
    {
      absl::MutexLock lock(&mutex_);
      ++state_.loads;
    }
    return Drain(stop);
  }
  std::map<std::string, Lsn> load_points;
  GENIMS_RETURN_IF_ERROR(
      spool_->ScanState("RC", [&load_points](absl::string_view key, absl::string_view value) {
        uint64_t lsn = 0;
        if (absl::SimpleAtoi(value, &lsn))
          load_points[std::string(key.substr(2))] = Lsn::FromRaw(lsn);
        return true;
      }));

  StateView state(spool_);
  ReportDeltas deltas;
  ReportDeltas replayed;  // Deltas of events MariaDB already has: dropped.
  ChangeEvent event;
  EventKey read_after = *state_key;
  EventKey complete = *state_key;
  EventKey persisted = *state_key;
  const EventKey replay_until = *stored_key;
  bool replaying = *state_key < *stored_key;
  size_t changes_in_batch = 0;
  std::vector<int64_t> commit_times;
  std::optional<ReportingPosition> applied = stored;  // What MariaDB holds.
  absl::Time last_position_check = absl::Now();
  absl::Time last_trim = absl::InfinitePast();
  uint64_t generation = 0;

  auto flush = [&]() -> absl::Status {
    const std::string& database = names[complete.database];
    const ReportingPosition position{complete.commit_lsn, database, complete.seq};
    if (!replaying) {
      GENIMS_RETURN_IF_ERROR(store_->Apply(deltas, position, /*replace=*/false, applied));
      applied = position;
    }
    std::map<std::string, std::optional<std::string>> changes = state.pending();
    changes[kPositionKey] = EncodePosition(position);
    GENIMS_RETURN_IF_ERROR(spool_->WriteState(changes, /*sync=*/false));
    GENIMS_RETURN_IF_ERROR(spool_->SetSinkCursor("reporting", complete));
    const absl::Time now = absl::Now();
    if (now - last_trim >= kTrimInterval) {  // Also when no audit sink trims the spool.
      GENIMS_RETURN_IF_ERROR(spool_->Trim().status());
      last_trim = now;
    }
    for (int64_t commit_time : commit_times) {
      apply_latency_.Observe(now - absl::FromUnixMicros(commit_time));
    }
    {
      absl::MutexLock lock(&mutex_);
      state_.changes += changes_in_batch;
      ++state_.batches;
      state_.consecutive_failures = 0;
    }
    failures_since_success_ = 0;
    persisted = complete;
    state.Clear();
    deltas.clear();
    replayed.clear();
    commit_times.clear();
    changes_in_batch = 0;
    return absl::OkStatus();
  };

  while (!stop.load()) {
    generation = spool_->AwaitProgress(generation, absl::ZeroDuration());
    const Lsn below = spool_->Watermark(captured_);
    std::unique_ptr<SpoolCursor> cursor = spool_->Read(read_after, below);
    bool touched = false;  // State written since the last flush.
    for (; cursor->Valid() && !stop.load(); cursor->Next()) {
      const EventKey key = cursor->key();
      GENIMS_RETURN_IF_ERROR(DecodeEvent(cursor->value(), &event));
      read_after = key;
      const std::string& database = names[key.database];
      auto load_point = load_points.find(database);
      const bool loaded = load_point != load_points.end() && key.commit_lsn >= load_point->second;
      if (replaying && key > replay_until) {
        // The state has caught up with MariaDB: make that durable before going on.
        GENIMS_RETURN_IF_ERROR(flush());
        replaying = false;
      }
      ReportDeltas* target = replaying ? &replayed : &deltas;
      if (loaded && event.kind == EventKind::kChange &&
          engine_->Interested(database, event.change.schema, event.change.table)) {
        GENIMS_RETURN_IF_ERROR(engine_->ApplyChange(database, event.change, &state, target));
        ++changes_in_batch;
        touched = true;
      } else if (loaded && event.kind == EventKind::kTruncate &&
                 engine_->Interested(database, event.truncate.schema, event.truncate.table)) {
        GENIMS_RETURN_IF_ERROR(engine_->ApplyTruncate(database, event.truncate.schema,
                                                      event.truncate.table, &state, target));
        ++changes_in_batch;
        touched = true;
      } else if (event.kind == EventKind::kCommit) {
        complete = key;
        if (touched && event.commit.commit_time_us) {
          commit_times.push_back(*event.commit.commit_time_us);
        }
        if (changes_in_batch >= options_.batch_size) GENIMS_RETURN_IF_ERROR(flush());
      }
    }
    GENIMS_RETURN_IF_ERROR(cursor->status());
    const bool drained = !cursor->Valid();
    cursor.reset();
    if (replaying && complete >= replay_until) {
      GENIMS_RETURN_IF_ERROR(flush());
      replaying = false;
    }
    if (complete > persisted && (changes_in_batch > 0 || !state.pending().empty())) {
      GENIMS_RETURN_IF_ERROR(flush());
    } else if (complete > persisted) {
      // Nothing of the reports since the last batch: only the spool cursor moves.
      GENIMS_RETURN_IF_ERROR(spool_->SetSinkCursor("reporting", complete));
    }
    if (drained) {
      absl::MutexLock lock(&mutex_);
      state_.applied_through = std::max(state_.applied_through, below);
      state_.consecutive_failures = 0;
      failures_since_success_ = 0;
    }
    if (drained && !replaying && absl::Now() - last_position_check >= kPositionCheckInterval) {
      // Idle: make sure the position is still ours (a rebuild request removes it).
      GENIMS_ASSIGN_OR_RETURN(std::optional<ReportingPosition> current, store_->LoadPosition());
      if (current != applied) {
        Log("reporting sink: the reporting database's position changed (rebuild requested?); "
            "starting over");
        return Drain(stop);
      }
      last_position_check = absl::Now();
    }
    if (drained) generation = spool_->AwaitProgress(generation, absl::Milliseconds(250));
  }
  return absl::OkStatus();
}

}  // namespace genims
