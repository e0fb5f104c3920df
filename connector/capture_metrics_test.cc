#include "connector/capture_metrics.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

using ::testing::HasSubstr;

TEST(CaptureMetricsTest, RendersCountersGaugesAndHistogramsPerDatabase) {
  CaptureStats mes;
  mes.transactions = 7;
  mes.row_changes = 700;
  mes.server_wal_end = 0x5000;
  mes.flushed = 0x4000;
  mes.decode_seconds.Observe(absl::Microseconds(30));
  mes.decode_seconds.Observe(absl::Milliseconds(3));
  mes.decode_seconds.Observe(absl::Seconds(30));
  CaptureStats erp;
  CaptureMetrics metrics({{"genims_mes_db", &mes, nullptr}, {"genims_erp_db", &erp, nullptr}},
                         nullptr, nullptr);
  const std::string text = metrics.Render();
  EXPECT_THAT(text, HasSubstr("# TYPE genims_cdc_transactions_total counter"));
  EXPECT_THAT(text, HasSubstr("genims_cdc_transactions_total{database=\"genims_mes_db\"} 7"));
  EXPECT_THAT(text, HasSubstr("genims_cdc_row_changes_total{database=\"genims_mes_db\"} 700"));
  EXPECT_THAT(text, HasSubstr("genims_cdc_transactions_total{database=\"genims_erp_db\"} 0"));
  EXPECT_THAT(text, HasSubstr("genims_cdc_replication_lag_bytes{database=\"genims_mes_db\"} 4096"));
  EXPECT_THAT(text, HasSubstr("# TYPE genims_cdc_decode_seconds histogram"));
  EXPECT_THAT(
      text,
      HasSubstr("genims_cdc_decode_seconds_bucket{database=\"genims_mes_db\",le=\"5e-05\"} 1"));
  EXPECT_THAT(
      text,
      HasSubstr("genims_cdc_decode_seconds_bucket{database=\"genims_mes_db\",le=\"0.005\"} 2"));
  EXPECT_THAT(
      text,
      HasSubstr("genims_cdc_decode_seconds_bucket{database=\"genims_mes_db\",le=\"+Inf\"} 3"));
  EXPECT_THAT(text, HasSubstr("genims_cdc_decode_seconds_count{database=\"genims_mes_db\"} 3"));
  EXPECT_THAT(text, HasSubstr("genims_cdc_up 1"));
}

TEST(LatencyHistogramTest, CumulativeBucketsAndSum) {
  LatencyHistogram histogram;
  histogram.Observe(absl::Microseconds(100));  // Exactly on a bound: counts as <= it.
  histogram.Observe(absl::Seconds(2));
  const LatencyHistogram::Snapshot snapshot = histogram.Read();
  EXPECT_EQ(snapshot.count, 2u);
  EXPECT_EQ(snapshot.cumulative[0], 0u);      // <= 50 µs
  EXPECT_EQ(snapshot.cumulative[1], 1u);      // <= 100 µs
  EXPECT_EQ(snapshot.cumulative.back(), 2u);  // <= 10 s
  EXPECT_NEAR(snapshot.sum_seconds, 2.0001, 1e-9);
}

}  // namespace
}  // namespace genims
