// LatencyHistogram: a fixed-bucket histogram of durations, lock-free.
//
// Observe() is two relaxed atomic increments and a short scan of 14 bounds, cheap enough
// for the decode path (once per message). Buckets are Prometheus-style cumulative bounds in
// seconds, from 50 µs to 10 s; Snapshot() reads them for /metrics.
//
// Thread-safety: Observe() from the owning capture thread, Snapshot() from any thread; a
// snapshot may be a few observations apart between buckets and count (Prometheus tolerates).
#ifndef GENIMS_CHECKPOINT_LATENCY_HISTOGRAM_H_
#define GENIMS_CHECKPOINT_LATENCY_HISTOGRAM_H_

#include <array>
#include <atomic>
#include <cstdint>

#include "absl/time/time.h"

namespace genims {

class LatencyHistogram {
 public:
  static constexpr std::array<double, 14> kBoundsSeconds = {0.00005, 0.0001, 0.00025, 0.0005, 0.001,
                                                            0.0025,  0.005,  0.01,    0.025,  0.05,
                                                            0.1,     0.5,    1.0,     10.0};

  void Observe(absl::Duration duration) {
    const double seconds = absl::ToDoubleSeconds(duration);
    size_t bucket = 0;
    while (bucket < kBoundsSeconds.size() && seconds > kBoundsSeconds[bucket]) ++bucket;
    counts_[bucket].fetch_add(1, std::memory_order_relaxed);
    sum_nanos_.fetch_add(absl::ToInt64Nanoseconds(duration), std::memory_order_relaxed);
  }

  struct Snapshot {
    std::array<uint64_t, kBoundsSeconds.size()> cumulative{};  // Per bound, <= bound.
    uint64_t count = 0;                                        // All, including > last bound.
    double sum_seconds = 0;
  };

  Snapshot Read() const {
    Snapshot snapshot;
    uint64_t running = 0;
    for (size_t i = 0; i < kBoundsSeconds.size(); ++i) {
      running += counts_[i].load(std::memory_order_relaxed);
      snapshot.cumulative[i] = running;
    }
    snapshot.count = running + counts_.back().load(std::memory_order_relaxed);
    snapshot.sum_seconds = sum_nanos_.load(std::memory_order_relaxed) / 1e9;
    return snapshot;
  }

 private:
  std::array<std::atomic<uint64_t>, kBoundsSeconds.size() + 1> counts_{};
  std::atomic<int64_t> sum_nanos_{0};
};

}  // namespace genims

#endif  // GENIMS_CHECKPOINT_LATENCY_HISTOGRAM_H_
