// RetryUntilStopped: what the sinks do when writing fails (STYLE rule 4, in one place).
//
// kDataLoss (a spool the sink cannot read) ends the loop: halt and alert. Every other failure
// (MariaDB down, a lost connection, a refused privilege, a full disk) is retried: the sink
// logs one line, waits, and tries again, the wait doubling from `initial_delay` up to
// `max_delay` and starting over after a success; at `error_threshold` consecutive failures it
// says once that it is unhealthy (/healthz and the metrics say so from the counts). Capture
// is never stopped by a sink: the spool keeps what the sink has not applied.
#ifndef GENIMS_SINK_RETRY_LOOP_H_
#define GENIMS_SINK_RETRY_LOOP_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace genims {

struct RetryOptions {
  std::string sink;  // "audit", "reporting": names the sink in log lines.
  absl::Duration initial_delay = absl::Seconds(5);
  absl::Duration max_delay = absl::Seconds(60);
  uint64_t error_threshold = 5;
  std::function<void(const std::string&)> log;  // May be empty.
};

// Calls `attempt` until it returns OK (it does when `stop` is set) or kDataLoss, which is
// returned. After any other failure `failed(status)` records it and returns the consecutive
// failures so far (1 when a success came in between).
absl::Status RetryUntilStopped(const std::atomic<bool>& stop, const RetryOptions& options,
                               const std::function<absl::Status()>& attempt,
                               const std::function<uint64_t(const absl::Status&)>& failed);

}  // namespace genims

#endif  // GENIMS_SINK_RETRY_LOOP_H_
