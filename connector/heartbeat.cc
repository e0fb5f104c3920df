#include "connector/heartbeat.h"

#include <algorithm>

#include "connector/log.h"

namespace genims {

Heartbeat::Heartbeat(const Config& config, std::vector<const CaptureStats*> stats)
    : config_(config), stats_(std::move(stats)), seen_transactions_(stats_.size(), 0) {}

void Heartbeat::Run(const std::atomic<bool>& stop) {
  if (config_.heartbeat_interval <= absl::ZeroDuration()) return;
  absl::Time next = absl::Now() + config_.heartbeat_interval;
  while (!stop.load()) {
    if (absl::Now() < next) {
      absl::SleepFor(std::min(absl::Milliseconds(100), next - absl::Now()));
      continue;
    }
    next = absl::Now() + config_.heartbeat_interval;
    for (size_t i = 0; i < stats_.size() && !stop.load(); ++i) {
      const uint64_t transactions = stats_[i]->transactions.load();
      // A database that spooled something since the last round is not idle.
      if (transactions != seen_transactions_[i]) {
        seen_transactions_[i] = transactions;
        continue;
      }
      // Our own message will be spooled as a transaction: expect it.
      if (Beat(i)) seen_transactions_[i] = transactions + 1;
    }
  }
}

bool Heartbeat::Beat(size_t index) {
  const std::string& database = config_.databases[index];
  std::unique_ptr<PgConnection>& connection = connections_[index];
  if (connection == nullptr) {
    absl::StatusOr<std::unique_ptr<PgConnection>> connected = PgConnection::Connect(
        config_.primary, config_.pg_socket_dir, database, ConnectionKind::kNormal);
    if (!connected.ok()) {
      Log(database, ": heartbeat: ", connected.status().message());
      return false;
    }
    connection = std::move(*connected);
  }
  absl::StatusOr<PgRows> result = connection->Query(
      "SELECT pg_logical_emit_message(true, 'genims.heartbeat', "
      "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'))");
  if (!result.ok()) {
    Log(database, ": heartbeat: ", result.status().message());
    connection.reset();  // Reconnect next round.
    return false;
  }
  beats_.fetch_add(1);
  return true;
}

}  // namespace genims
