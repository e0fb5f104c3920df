#include "sink/retry_loop.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace genims {

absl::Status RetryUntilStopped(const std::atomic<bool>& stop, const RetryOptions& options,
                               const std::function<absl::Status()>& attempt,
                               const std::function<uint64_t(const absl::Status&)>& failed) {
  auto log = [&options](const std::string& line) {
    if (options.log) options.log(line);
  };
  absl::Duration delay = options.initial_delay;
  while (!stop.load()) {
    absl::Status status = attempt();
    if (status.ok()) return status;
    const uint64_t failures = failed(status);
    if (status.code() == absl::StatusCode::kDataLoss) {
      log(absl::StrCat(options.sink, " sink stopped: ", status.message()));
      return status;
    }
    if (failures == 1) delay = options.initial_delay;
    log(absl::StrCat(options.sink, " sink: ", status.message(), " (", failures,
                     " consecutive failure", failures == 1 ? "" : "s", "; retrying in ",
                     absl::FormatDuration(delay), ")"));
    if (failures == options.error_threshold) {
      log(absl::StrCat(options.sink, " sink UNHEALTHY: ", failures,
                       " consecutive failures (ETL_ERROR_THRESHOLD); capture continues into the "
                       "spool, the sink's database falls behind until this is fixed"));
    }
    const absl::Time until = absl::Now() + delay;
    while (!stop.load() && absl::Now() < until) absl::SleepFor(absl::Milliseconds(50));
    delay = std::min(delay * 2, options.max_delay);
  }
  return absl::OkStatus();
}

}  // namespace genims
