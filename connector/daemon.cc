#include "connector/daemon.h"

#include <signal.h>
#include <unistd.h>

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
#include "connector/lifecycle_log.h"
#include "connector/log.h"
#include "connector/metrics_server.h"
#include "connector/reporting_load.h"
#include "connector/reporting_setup.h"
#include "connector/slot_reader.h"
#include "sink/audit_sink.h"
#include "sink/mysql_audit_store.h"
#include "sink/reporting_sink.h"

namespace genims {
namespace {

constexpr absl::Duration kSinkDrainTime = absl::Seconds(10);

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

std::string InstanceId() {
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  return absl::StrCat(host, ":", getpid());
}

AuditSinkOptions AuditOptions(const Config& config) {
  AuditSinkOptions options;
  options.batch_size = static_cast<size_t>(config.batch_size);
  options.retry_delay = std::max(config.retry_delay, absl::Milliseconds(100));
  options.max_retry_delay =
      std::max(options.retry_delay, std::min(config.sync_timeout, absl::Seconds(60)));
  options.policy.sensitive_columns = config.audit_sensitive_columns;
  options.policy.mask_changes = config.audit_mask_changes;
  options.policy.config_tables = config.audit_config_tables;
  options.policy.bulk_rows = static_cast<uint64_t>(config.audit_bulk_rows);
  options.error_threshold = static_cast<uint64_t>(config.error_threshold);
  options.log = [](const std::string& line) { Log(line); };
  return options;
}

// Unhealthy when a database's capture or the audit sink has failed ETL_ERROR_THRESHOLD times in
// a row, or has stopped for an operator.
Health CheckHealth(const Config& config, const std::vector<std::unique_ptr<SlotReader>>& readers,
                   const AuditSink* audit_sink, const ReportingSink* reporting_sink) {
  Health health;
  if (reporting_sink != nullptr) {
    const ReportingSinkState state = reporting_sink->state();
    if (!state.running ||
        state.consecutive_failures >= static_cast<uint64_t>(config.error_threshold)) {
      health.healthy = false;
      absl::StrAppend(&health.reasons, "sink reporting: ", state.consecutive_failures,
                      " consecutive failures; last: ", state.last_error, "\n");
    }
  }
  if (audit_sink != nullptr) {
    const AuditSinkState state = audit_sink->state();
    if (!state.running ||
        state.consecutive_failures >= static_cast<uint64_t>(config.error_threshold)) {
      health.healthy = false;
      absl::StrAppend(&health.reasons, "sink audit: ", state.consecutive_failures,
                      " consecutive failures; last: ", state.last_error, "\n");
    }
  }
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
  // The reporting sink runs when configured and some report reads the databases captured here.
  std::vector<ReportPlan> plans;
  if (config.reporting) {
    GENIMS_ASSIGN_OR_RETURN(plans, ActiveReportPlans(config));
    if (plans.empty()) Log("no report reads the databases captured here: no reporting sink");
  }
  const bool reporting = config.reporting && !plans.empty();
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<Spool> spool, Spool::Open(config.state_dir + "/spool"));
  if (!reporting) {
    // Without a reporting sink its cursor must not hold the spool back. Its state is dropped
    // with it: enabled again, the sink loads the tables anew rather than trust a stream
    // with a hole.
    GENIMS_RETURN_IF_ERROR(spool->RemoveSinkCursor("reporting"));
    GENIMS_RETURN_IF_ERROR(spool->WriteState({{ReportingSink::kPositionKey, std::nullopt}}, true));
  }

  const size_t count = config.databases.size();
  const TableFilter filter(config.include_tables, config.exclude_tables);
  CaptureOptions capture_options;
  capture_options.filter = &filter;
  std::vector<std::unique_ptr<CaptureStats>> stats;
  std::vector<std::unique_ptr<SlotReader>> readers;
  std::vector<DatabaseId> captured_ids;
  for (const std::string& database : config.databases) {
    GENIMS_ASSIGN_OR_RETURN(DatabaseId id, spool->RegisterDatabase(database));
    captured_ids.push_back(id);
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

  // The sink stops after the readers, once it has applied what they spooled (see below).
  std::atomic<bool> sink_stop{false};
  std::thread sink_thread;
  std::unique_ptr<MySqlAuditStore> audit_store;
  std::unique_ptr<AuditSink> audit_sink;
  if (config.audit) {
    const MySqlEndpoint& endpoint = *config.audit;
    audit_store = std::make_unique<MySqlAuditStore>(TargetOf(endpoint), "audit", InstanceId());
    audit_sink = std::make_unique<AuditSink>(spool.get(), captured_ids, audit_store.get(),
                                             AuditOptions(config));
    sink_thread = std::thread([&] {
      absl::Status status = audit_sink->Run(sink_stop);
      if (!status.ok()) {
        absl::MutexLock lock(&mutex);
        if (first_error.ok()) first_error = status;
        stop.store(true);
      }
    });
  } else {
    Log("MYSQL_AUDIT_HOST is not set: no audit sink; the spool is kept until a sink drains it");
  }

  // The reporting sink: the active reports (every table they read is captured here).
  std::thread reporting_thread;
  std::unique_ptr<ReportingEngine> reporting_engine;
  std::unique_ptr<ReportingStore> reporting_store;
  std::unique_ptr<PgReportingLoader> reporting_loader;
  std::unique_ptr<ReportingSink> reporting_sink;
  if (reporting) {
    reporting_engine = std::make_unique<ReportingEngine>(std::move(plans));
    reporting_store =
        std::make_unique<ReportingStore>(ReportingTarget(config), &reporting_engine->plans());
    reporting_loader = std::make_unique<PgReportingLoader>(
        &config, spool.get(), captured_ids, [](const std::string& line) { Log(line); });
    ReportingSinkOptions options;
    options.batch_size = static_cast<size_t>(config.batch_size);
    options.retry_delay = std::max(config.retry_delay, absl::Milliseconds(100));
    options.max_retry_delay =
        std::max(options.retry_delay, std::min(config.sync_timeout, absl::Seconds(60)));
    options.error_threshold = static_cast<uint64_t>(config.error_threshold);
    options.log = [](const std::string& line) { Log(line); };
    reporting_sink = std::make_unique<ReportingSink>(spool.get(), captured_ids,
                                                     reporting_engine.get(), reporting_store.get(),
                                                     reporting_loader.get(), std::move(options));
    reporting_thread = std::thread([&] {
      absl::Status status = reporting_sink->Run(sink_stop);
      if (!status.ok()) {
        absl::MutexLock lock(&mutex);
        if (first_error.ok()) first_error = status;
        stop.store(true);
      }
    });
  }

  std::vector<CaptureMetrics::Source> sources;
  for (size_t i = 0; i < count; ++i) {
    sources.push_back({config.databases[i], stats[i].get(), readers[i].get()});
  }
  CaptureMetrics metrics(std::move(sources), spool.get(), &heartbeat);
  if (audit_sink != nullptr) metrics.AddAuditSink(audit_sink.get(), config.error_threshold);
  if (reporting_sink != nullptr) {
    metrics.AddReportingSink(reporting_sink.get(), config.error_threshold);
  }
  absl::StatusOr<std::unique_ptr<MetricsServer>> server = MetricsServer::Start(
      config.metrics_listen, [&metrics] { return metrics.Render(); },
      [&] { return CheckHealth(config, readers, audit_sink.get(), reporting_sink.get()); });
  if (!server.ok()) {
    // Without /metrics nobody would see lag or failures: refuse to run blind.
    stop.store(true);
    sink_stop.store(true);
    for (std::thread& thread : threads) thread.join();
    if (sink_thread.joinable()) sink_thread.join();
    if (reporting_thread.joinable()) reporting_thread.join();
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
  // Drain: give the sinks up to kSinkDrainTime to apply what the readers spooled last, unless
  // they are failing (then the spool keeps it for the next start).
  const Lsn target = spool->Watermark(captured_ids);
  const absl::Time deadline = absl::Now() + kSinkDrainTime;
  while (absl::Now() < deadline) {
    bool done = true;
    if (audit_sink != nullptr) {
      const AuditSinkState state = audit_sink->state();
      done = done &&
             (!state.running || state.applied_through >= target || state.consecutive_failures > 0);
    }
    if (reporting_sink != nullptr) {
      const ReportingSinkState state = reporting_sink->state();
      done = done &&
             (!state.running || state.applied_through >= target || state.consecutive_failures > 0);
    }
    if (done) break;
    absl::SleepFor(absl::Milliseconds(20));
  }
  sink_stop.store(true);
  if (sink_thread.joinable()) sink_thread.join();
  if (reporting_thread.joinable()) reporting_thread.join();
  absl::MutexLock lock(&mutex);
  if (first_error.ok()) {
    Log("stopped; every spooled transaction is confirmed");
  } else {
    // Best effort: auditors find a gap or a halt where they find the changes.
    LifecycleLog(config).Record({absl::IsDataLoss(first_error) ? "gap" : "error", "CRITICAL", "",
                                 absl::StrCat("genims-cdc stopped: ", first_error.message())});
  }
  return first_error;
}

}  // namespace genims
