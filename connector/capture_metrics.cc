#include "connector/capture_metrics.h"

#include <sstream>

#include "absl/time/clock.h"
#include "prometheus/text_serializer.h"

namespace genims {
namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

MetricFamily Family(const char* name, const char* help, MetricType type) {
  MetricFamily family;
  family.name = name;
  family.help = help;
  family.type = type;
  return family;
}

ClientMetric Labelled(const std::string& database) {
  ClientMetric metric;
  metric.label.push_back({"database", database});
  return metric;
}

void AddGauge(MetricFamily& family, const std::string& database, double value) {
  ClientMetric metric = Labelled(database);
  metric.gauge.value = value;
  family.metric.push_back(std::move(metric));
}

void AddCounter(MetricFamily& family, const std::string& database, double value) {
  ClientMetric metric = Labelled(database);
  metric.counter.value = value;
  family.metric.push_back(std::move(metric));
}

void AddHistogram(MetricFamily& family, const LatencyHistogram& histogram, ClientMetric metric) {
  const LatencyHistogram::Snapshot snapshot = histogram.Read();
  metric.histogram.sample_count = snapshot.count;
  metric.histogram.sample_sum = snapshot.sum_seconds;
  for (size_t i = 0; i < LatencyHistogram::kBoundsSeconds.size(); ++i) {
    metric.histogram.bucket.push_back(
        {snapshot.cumulative[i], LatencyHistogram::kBoundsSeconds[i]});
  }
  metric.histogram.bucket.push_back({snapshot.count, std::numeric_limits<double>::infinity()});
  family.metric.push_back(std::move(metric));
}

}  // namespace

CaptureMetrics::CaptureMetrics(std::vector<Source> sources, Spool* spool,
                               const Heartbeat* heartbeat)
    : sources_(std::move(sources)), spool_(spool), heartbeat_(heartbeat) {}

std::vector<MetricFamily> CaptureMetrics::Collect() const {
  MetricFamily lag_bytes =
      Family("genims_cdc_replication_lag_bytes",
             "Server WAL end minus the flush LSN confirmed to the server.", MetricType::Gauge);
  MetricFamily lag_seconds = Family(
      "genims_cdc_replication_lag_seconds",
      "Now minus the commit time of the newest transaction in the spool.", MetricType::Gauge);
  MetricFamily slot_active =
      Family("genims_cdc_slot_active", "1 while the database's replication stream is running.",
             MetricType::Gauge);
  MetricFamily confirmed =
      Family("genims_cdc_confirmed_flush_lsn", "Flush LSN confirmed to the server, as a number.",
             MetricType::Gauge);
  struct CounterSpec {
    const char* name;
    const char* help;
    const std::atomic<uint64_t> CaptureStats::*field;
  };
  static constexpr CounterSpec kCounters[] = {
      {"genims_cdc_events_total", "Events spooled (begin, changes, messages, commit).",
       &CaptureStats::events},
      {"genims_cdc_row_changes_total", "Inserts, updates, deletes and truncates spooled.",
       &CaptureStats::row_changes},
      {"genims_cdc_transactions_total", "Transactions spooled.", &CaptureStats::transactions},
      {"genims_cdc_received_bytes_total", "Output plugin bytes received.",
       &CaptureStats::received_bytes},
      {"genims_cdc_resent_transactions_total",
       "Transactions the server sent again that the spool already held (skipped).",
       &CaptureStats::resent_transactions},
      {"genims_cdc_filtered_changes_total", "Changes of tables not captured (skipped).",
       &CaptureStats::filtered_changes},
      {"genims_cdc_lost_special_values_total",
       "NULLs in NOT NULL columns: NaN or Infinity that wal2json 2.5 cannot carry.",
       &CaptureStats::lost_special_values},
      {"genims_cdc_untransactional_messages_total", "Non-transactional logical messages (ignored).",
       &CaptureStats::untransactional_messages},
      {"genims_cdc_spool_syncs_total", "Synced spool writes.", &CaptureStats::syncs},
  };
  std::vector<MetricFamily> counters;
  for (const CounterSpec& spec : kCounters) {
    counters.push_back(Family(spec.name, spec.help, MetricType::Counter));
  }
  MetricFamily reconnects = Family("genims_cdc_reconnects_total",
                                   "Replication connections lost or refused.", MetricType::Counter);
  MetricFamily errors =
      Family("genims_cdc_errors_total", "Failed capture attempts by kind.", MetricType::Counter);
  MetricFamily decode =
      Family("genims_cdc_decode_seconds", "Time to decode one message.", MetricType::Histogram);
  MetricFamily sync = Family("genims_cdc_spool_sync_seconds", "Time of one synced spool write.",
                             MetricType::Histogram);
  MetricFamily capture_latency =
      Family("genims_cdc_capture_latency_seconds",
             "From a transaction's commit to its synced spool write.", MetricType::Histogram);

  const int64_t now_us = absl::ToUnixMicros(absl::Now());
  for (const Source& source : sources_) {
    const CaptureStats& stats = *source.stats;
    const uint64_t wal_end = stats.server_wal_end.load();
    const uint64_t flushed = stats.flushed.load();
    AddGauge(lag_bytes, source.database, wal_end > flushed ? double(wal_end - flushed) : 0.0);
    const int64_t last_commit = stats.last_commit_time_us.load();
    AddGauge(lag_seconds, source.database,
             last_commit == 0 ? 0.0 : std::max<int64_t>(0, now_us - last_commit) / 1e6);
    AddGauge(confirmed, source.database, static_cast<double>(flushed));
    for (size_t i = 0; i < counters.size(); ++i) {
      AddCounter(counters[i], source.database, (stats.*kCounters[i].field).load());
    }
    if (source.reader != nullptr) {
      const ReaderState state = source.reader->state();
      AddGauge(slot_active, source.database, state.streaming ? 1 : 0);
      AddCounter(reconnects, source.database, state.reconnects);
      for (const auto& [kind, count] : state.errors_by_kind) {
        ClientMetric metric = Labelled(source.database);
        metric.label.push_back({"kind", kind});
        metric.counter.value = count;
        errors.metric.push_back(std::move(metric));
      }
    }
    AddHistogram(decode, stats.decode_seconds, Labelled(source.database));
    AddHistogram(sync, stats.sync_seconds, Labelled(source.database));
    AddHistogram(capture_latency, stats.capture_latency_seconds, Labelled(source.database));
  }

  std::vector<MetricFamily> families = {std::move(lag_bytes), std::move(lag_seconds),
                                        std::move(slot_active), std::move(confirmed)};
  for (MetricFamily& family : counters) families.push_back(std::move(family));
  families.push_back(std::move(reconnects));
  if (!errors.metric.empty()) families.push_back(std::move(errors));
  families.push_back(std::move(decode));
  families.push_back(std::move(sync));
  families.push_back(std::move(capture_latency));
  if (spool_ != nullptr) {
    MetricFamily spool_bytes = Family("genims_cdc_spool_bytes",
                                      "Estimated bytes of the spool on disk.", MetricType::Gauge);
    ClientMetric metric;
    metric.gauge.value = static_cast<double>(spool_->ApproximateBytes());
    spool_bytes.metric.push_back(std::move(metric));
    families.push_back(std::move(spool_bytes));
  }
  if (heartbeat_ != nullptr) {
    MetricFamily beats =
        Family("genims_cdc_heartbeats_total", "Heartbeat messages emitted into idle databases.",
               MetricType::Counter);
    ClientMetric metric;
    metric.counter.value = static_cast<double>(heartbeat_->beats());
    beats.metric.push_back(std::move(metric));
    families.push_back(std::move(beats));
  }
  if (audit_sink_ != nullptr) CollectSink(&families);
  if (reporting_sink_ != nullptr) CollectReportingSink(&families);
  MetricFamily up = Family("genims_cdc_up", "1 while genims-cdc runs.", MetricType::Gauge);
  ClientMetric one;
  one.gauge.value = 1;
  up.metric.push_back(std::move(one));
  families.push_back(std::move(up));
  return families;
}

void CaptureMetrics::AddAuditSink(const AuditSink* sink, int error_threshold) {
  audit_sink_ = sink;
  error_threshold_ = error_threshold;
}

void CaptureMetrics::CollectSink(std::vector<MetricFamily>* families) const {
  const std::string sink = "audit";
  const AuditSinkState state = audit_sink_->state();
  const AuditSinkStats& stats = audit_sink_->stats();
  auto sink_metric = [&sink](double value, bool counter) {
    ClientMetric metric;
    metric.label.push_back({"sink", sink});
    if (counter) {
      metric.counter.value = value;
    } else {
      metric.gauge.value = value;
    }
    return metric;
  };
  auto per_database = [&sink](const std::string& database) {
    ClientMetric metric;
    metric.label.push_back({"database", database});
    metric.label.push_back({"sink", sink});
    return metric;
  };

  MetricFamily lag_bytes =
      Family("genims_cdc_sink_lag_bytes", "Server WAL end minus the position the sink has applied.",
             MetricType::Gauge);
  MetricFamily lag_seconds =
      Family("genims_cdc_sink_lag_seconds",
             "0 when the sink has applied everything spooled, else now minus the commit time of "
             "the newest change it applied.",
             MetricType::Gauge);
  const int64_t now_us = absl::ToUnixMicros(absl::Now());
  const uint64_t applied = state.applied_through.raw();
  for (const Source& source : sources_) {
    const uint64_t wal_end = source.stats->server_wal_end.load();
    ClientMetric bytes = per_database(source.database);
    bytes.gauge.value = wal_end > applied ? double(wal_end - applied) : 0.0;
    lag_bytes.metric.push_back(std::move(bytes));
    ClientMetric seconds = per_database(source.database);
    // Caught up when everything this database spooled lies below what the sink applied.
    const bool caught_up = source.stats->last_commit_lsn.load() < applied;
    auto last = state.last_commit_time_us.find(source.database);
    seconds.gauge.value = caught_up || last == state.last_commit_time_us.end()
                              ? 0.0
                              : std::max<int64_t>(0, now_us - last->second) / 1e6;
    lag_seconds.metric.push_back(std::move(seconds));
  }
  families->push_back(std::move(lag_bytes));
  families->push_back(std::move(lag_seconds));

  struct Counter {
    const char* name;
    const char* help;
    uint64_t value;
  };
  const Counter counters[] = {
      {"genims_cdc_sink_rows_total", "Rows the sink wrote (data_change_audit rows for audit).",
       stats.rows.load()},
      {"genims_cdc_sink_batches_total", "Batches committed, each one MySQL transaction.",
       stats.batches.load()},
      {"genims_cdc_sink_transactions_total", "Source transactions the sink completed.",
       stats.transactions.load()},
      {"genims_cdc_audit_bulk_operations_total", "Rows written to bulk_operation_audit.",
       stats.bulk_rows.load()},
      {"genims_cdc_audit_sensitive_changes_total", "Rows written to sensitive_change_log.",
       stats.sensitive_rows.load()},
      {"genims_cdc_audit_lost_values_total",
       "Values recorded as null and flagged in lost_values (NaN/Infinity wal2json 2.5 cannot "
       "carry).",
       stats.lost_values.load()},
      {"genims_cdc_audit_malformed_attributions_total",
       "genims.audit messages without a usable user_id (ignored).",
       stats.malformed_attributions.load()},
  };
  for (const Counter& counter : counters) {
    MetricFamily family = Family(counter.name, counter.help, MetricType::Counter);
    family.metric.push_back(sink_metric(static_cast<double>(counter.value), true));
    families->push_back(std::move(family));
  }
  MetricFamily failures =
      Family("genims_cdc_sink_consecutive_failures",
             "Failed attempts since the sink last applied a batch.", MetricType::Gauge);
  failures.metric.push_back(sink_metric(static_cast<double>(state.consecutive_failures), false));
  families->push_back(std::move(failures));
  MetricFamily healthy =
      Family("genims_cdc_sink_healthy",
             "1 while the sink runs with fewer than ETL_ERROR_THRESHOLD consecutive failures.",
             MetricType::Gauge);
  healthy.metric.push_back(sink_metric(
      state.running && state.consecutive_failures < static_cast<uint64_t>(error_threshold_) ? 1 : 0,
      false));
  families->push_back(std::move(healthy));
  MetricFamily errors =
      Family("genims_cdc_sink_errors_total", "Failed sink attempts by kind.", MetricType::Counter);
  for (const auto& [kind, count] : state.errors_by_kind) {
    ClientMetric metric = sink_metric(static_cast<double>(count), true);
    metric.label.push_back({"kind", kind});
    errors.metric.push_back(std::move(metric));
  }
  if (!errors.metric.empty()) families->push_back(std::move(errors));
  MetricFamily batch_seconds = Family("genims_cdc_sink_batch_seconds",
                                      "Time to write and commit one batch.", MetricType::Histogram);
  AddHistogram(batch_seconds, stats.batch_seconds, sink_metric(0, false));
  families->push_back(std::move(batch_seconds));
  MetricFamily apply_latency =
      Family("genims_cdc_sink_apply_latency_seconds",
             "From a transaction's commit in PostgreSQL to its commit in the sink's database.",
             MetricType::Histogram);
  AddHistogram(apply_latency, stats.apply_latency, sink_metric(0, false));
  families->push_back(std::move(apply_latency));
}

void CaptureMetrics::AddReportingSink(const ReportingSink* sink, int error_threshold) {
  reporting_sink_ = sink;
  error_threshold_ = error_threshold;
}

// Families a scrape may already hold from the audit sink get the reporting sink's samples
// appended, so that each name appears once.
void CaptureMetrics::CollectReportingSink(std::vector<MetricFamily>* families) const {
  const ReportingSinkState state = reporting_sink_->state();
  auto family = [families](const char* name, const char* help, MetricType type) -> MetricFamily& {
    for (MetricFamily& existing : *families) {
      if (existing.name == name) return existing;
    }
    families->push_back(Family(name, help, type));
    return families->back();
  };
  auto labelled = [](double value, bool counter) {
    ClientMetric metric;
    metric.label.push_back({"sink", "reporting"});
    if (counter) {
      metric.counter.value = value;
    } else {
      metric.gauge.value = value;
    }
    return metric;
  };
  const uint64_t applied = state.applied_through.raw();
  MetricFamily& lag_bytes =
      family("genims_cdc_sink_lag_bytes", "Server WAL end minus the position the sink has applied.",
             MetricType::Gauge);
  for (const Source& source : sources_) {
    const uint64_t wal_end = source.stats->server_wal_end.load();
    ClientMetric metric = labelled(wal_end > applied ? double(wal_end - applied) : 0.0, false);
    metric.label.insert(metric.label.begin(), {"database", source.database});
    lag_bytes.metric.push_back(std::move(metric));
  }
  family("genims_cdc_sink_rows_total",
         "Rows the sink wrote (data_change_audit rows for audit, row changes applied for "
         "reporting).",
         MetricType::Counter)
      .metric.push_back(labelled(static_cast<double>(state.changes), true));
  family("genims_cdc_sink_batches_total", "Batches committed, each one MySQL transaction.",
         MetricType::Counter)
      .metric.push_back(labelled(static_cast<double>(state.batches), true));
  family("genims_cdc_reporting_loads_total",
         "Loads of the reporting tables from snapshots (first start, rebuilds).",
         MetricType::Counter)
      .metric.push_back(labelled(static_cast<double>(state.loads), true));
  family("genims_cdc_sink_consecutive_failures",
         "Failed attempts since the sink last applied a batch.", MetricType::Gauge)
      .metric.push_back(labelled(static_cast<double>(state.consecutive_failures), false));
  family("genims_cdc_sink_healthy",
         "1 while the sink runs with fewer than ETL_ERROR_THRESHOLD consecutive failures.",
         MetricType::Gauge)
      .metric.push_back(labelled(
          state.running && state.consecutive_failures < static_cast<uint64_t>(error_threshold_) ? 1
                                                                                                : 0,
          false));
  for (const auto& [kind, count] : state.errors_by_kind) {
    ClientMetric metric = labelled(static_cast<double>(count), true);
    metric.label.push_back({"kind", kind});
    family("genims_cdc_sink_errors_total", "Failed sink attempts by kind.", MetricType::Counter)
        .metric.push_back(std::move(metric));
  }
  AddHistogram(family("genims_cdc_sink_apply_latency_seconds",
                      "From a transaction's commit in PostgreSQL to its commit in the sink's "
                      "database.",
                      MetricType::Histogram),
               reporting_sink_->apply_latency(), labelled(0, false));
}

std::string CaptureMetrics::Render() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, Collect());
  return out.str();
}

}  // namespace genims
