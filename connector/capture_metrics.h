// CaptureMetrics: the capture's Prometheus metrics, read from the live counters at scrape time.
//
// Nothing is copied on the hot path: capture threads bump atomics (CaptureStats), and
// Collect() turns them into metric families when /metrics is scraped. Names follow
// Prometheus conventions (base units, _total, _seconds, _bytes) with the label `database`:
//   genims_cdc_replication_lag_bytes       server WAL end - confirmed flush
//   genims_cdc_replication_lag_seconds     now - commit time of the newest spooled transaction
//   genims_cdc_slot_active                 1 while the database's replication stream runs
//   genims_cdc_confirmed_flush_lsn         the flush LSN confirmed to the server (as a number)
//   genims_cdc_events_total, _row_changes_total, _transactions_total, _received_bytes_total,
//   _resent_transactions_total, _filtered_changes_total, _lost_special_values_total,
//   _untransactional_messages_total, _spool_syncs_total, _reconnects_total
//   genims_cdc_errors_total{database,kind}  failed attempts by status code
//   genims_cdc_decode_seconds, _spool_sync_seconds, _capture_latency_seconds  (histograms)
//   genims_cdc_spool_bytes, genims_cdc_heartbeats_total, genims_cdc_up
// and per sink (label `sink`, with `database` where per database):
//   genims_cdc_sink_lag_bytes{sink,database}    server WAL end - what the sink has applied
//   genims_cdc_sink_lag_seconds{sink,database}  0 when caught up, else now - commit time of the
//                                               newest change the sink applied
//   genims_cdc_sink_rows_total, _batches_total, _transactions_total, _consecutive_failures,
//   genims_cdc_sink_healthy, genims_cdc_sink_errors_total{sink,kind},
//   genims_cdc_sink_batch_seconds, genims_cdc_sink_apply_latency_seconds (histograms),
//   genims_cdc_audit_bulk_operations_total, _sensitive_changes_total, _lost_values_total,
//   _malformed_attributions_total
//
// Thread-safety: Collect() may run on any thread, concurrently with capture.
#ifndef GENIMS_CONNECTOR_CAPTURE_METRICS_H_
#define GENIMS_CONNECTOR_CAPTURE_METRICS_H_

#include <string>
#include <vector>

#include "checkpoint/spool.h"
#include "connector/capture_session.h"
#include "connector/heartbeat.h"
#include "connector/slot_reader.h"
#include "prometheus/collectable.h"
#include "prometheus/metric_family.h"
#include "sink/audit_sink.h"
#include "sink/reporting_sink.h"

namespace genims {

class CaptureMetrics : public prometheus::Collectable {
 public:
  struct Source {
    std::string database;
    const CaptureStats* stats;  // Borrowed.
    const SlotReader* reader;   // Borrowed; may be null in tests.
  };

  // Everything borrowed must outlive this object; `spool` and `heartbeat` may be null.
  CaptureMetrics(std::vector<Source> sources, Spool* spool, const Heartbeat* heartbeat);

  // Adds the audit sink's metrics (borrowed; must outlive this object). A sink with
  // `error_threshold` consecutive failures is reported unhealthy.
  void AddAuditSink(const AuditSink* sink, int error_threshold);
  // The same for the reporting sink: lag, health, failures, changes and apply latency.
  void AddReportingSink(const ReportingSink* sink, int error_threshold);

  std::vector<prometheus::MetricFamily> Collect() const override;

  // The text exposition format of Collect().
  std::string Render() const;

 private:
  const std::vector<Source> sources_;
  Spool* const spool_;
  const Heartbeat* const heartbeat_;
  const AuditSink* audit_sink_ = nullptr;
  const ReportingSink* reporting_sink_ = nullptr;
  int error_threshold_ = 5;

  void CollectSink(std::vector<prometheus::MetricFamily>* families) const;
  void CollectReportingSink(std::vector<prometheus::MetricFamily>* families) const;
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_CAPTURE_METRICS_H_
