#include "connector/daemon.h"

#include <signal.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "checkpoint/spool.h"
#include "checkpoint/status_macros.h"
#include "connector/capture_metrics.h"
#include "connector/heartbeat.h"
#include "connector/log.h"
#include "connector/metrics_server.h"
#include "connector/slot_reader.h"

namespace genims {
namespace {

// Blocks SIGTERM and SIGINT in every thread (threads inherit the mask) so that only the
// signal thread, in sigwait(), receives them: no handler runs in an arbitrary thread.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

absl::Status PrepareStateDir(const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("CDC_STATE_DIR ", dir, " cannot be created: ", error.message()));
  }
  return absl::OkStatus();
}

// Unhealthy when a database's capture has failed ETL_ERROR_THRESHOLD times in a row or has
// stopped for an operator.
Health CheckHealth(const Config& config, const std::vector<std::unique_ptr<SlotReader>>& readers) {
  Health health;
  for (const auto& reader : readers) {
    const ReaderState state = reader->state();
    if (state.stopped_on_error ||
        state.consecutive_failures >= static_cast<uint64_t>(config.error_threshold)) {
      health.healthy = false;
      absl::StrAppend(&health.reasons, reader->database(), ": ", state.consecutive_failures,
                      " consecutive failures; last: ", state.last_error, "\n");
    }
  }
  return health;
}

}  // namespace

absl::Status RunDaemon(const Config& config) {
  const sigset_t signals = BlockStopSignals();
  GENIMS_RETURN_IF_ERROR(PrepareStateDir(config.state_dir));
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<Spool> spool, Spool::Open(config.state_dir + "/spool"));

  const size_t count = config.databases.size();
  const TableFilter filter(config.include_tables, config.exclude_tables);
  CaptureOptions capture_options;
  capture_options.filter = &filter;
  std::vector<std::unique_ptr<CaptureStats>> stats;
  std::vector<std::unique_ptr<SlotReader>> readers;
  for (const std::string& database : config.databases) {
    GENIMS_ASSIGN_OR_RETURN(DatabaseId id, spool->RegisterDatabase(database));
    stats.push_back(std::make_unique<CaptureStats>());
    readers.push_back(std::make_unique<SlotReader>(config, database, id, spool.get(),
                                                   stats.back().get(), capture_options));
  }

  std::atomic<bool> stop{false};
  absl::Mutex mutex;
  absl::Status first_error;  // Guarded by mutex.
  std::vector<std::thread> threads;
  for (size_t i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      absl::Status status = readers[i]->Run(stop);
      if (!status.ok()) {
        absl::MutexLock lock(&mutex);
        if (first_error.ok()) first_error = status;
        stop.store(true);
      }
    });
  }
  std::vector<const CaptureStats*> stats_view;
  for (const auto& s : stats) stats_view.push_back(s.get());
  Heartbeat heartbeat(config, stats_view);
  threads.emplace_back([&] { heartbeat.Run(stop); });

  std::vector<CaptureMetrics::Source> sources;
  for (size_t i = 0; i < count; ++i) {
    sources.push_back({config.databases[i], stats[i].get(), readers[i].get()});
  }
  CaptureMetrics metrics(std::move(sources), spool.get(), &heartbeat);
  absl::StatusOr<std::unique_ptr<MetricsServer>> server = MetricsServer::Start(
      config.metrics_listen, [&metrics] { return metrics.Render(); },
      [&] { return CheckHealth(config, readers); });
  if (!server.ok()) {
    // Without /metrics nobody would see lag or failures: refuse to run blind.
    stop.store(true);
    for (std::thread& thread : threads) thread.join();
    return server.status();
  }

  // The signal thread: ends the wait on SIGTERM/SIGINT, or when a reader set `stop`.
  std::thread signal_thread([&] {
    while (!stop.load()) {
      timespec timeout{0, 200 * 1000 * 1000};
      const int signal = sigtimedwait(&signals, nullptr, &timeout);
      if (signal == SIGTERM || signal == SIGINT) {
        Log("received ", signal == SIGTERM ? "SIGTERM" : "SIGINT", ", draining");
        stop.store(true);
      }
    }
  });
  Log("capturing ", count, " database", count == 1 ? "" : "s", " into ", config.state_dir,
      "; metrics on http://", config.metrics_listen, "/metrics");

  signal_thread.join();
  for (std::thread& thread : threads) thread.join();
  absl::MutexLock lock(&mutex);
  if (first_error.ok()) Log("stopped; every spooled transaction is confirmed");
  return first_error;
}

}  // namespace genims
