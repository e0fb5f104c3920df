// Heartbeat: keeps idle databases' slots moving.
//
// A logical slot's restart LSN only advances when the walsender decodes a transaction of its
// own database; a database without writes would pin WAL that the busy ones produce. Every
// interval, each database that spooled no transaction since the last round gets
//   SELECT pg_logical_emit_message(true, 'genims.heartbeat', <UTC time>)
// on an ordinary connection: a tiny transactional message that flows through the capture
// like any transaction and lets the server recompute the slot's required LSN.
//
// Failures are logged and retried next round; they never stop the daemon.
// Thread-safety: Run() on its own thread.
#ifndef GENIMS_CONNECTOR_HEARTBEAT_H_
#define GENIMS_CONNECTOR_HEARTBEAT_H_

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "connector/capture_session.h"
#include "connector/config.h"
#include "connector/pg_connection.h"

namespace genims {

class Heartbeat {
 public:
  // `stats[i]` belongs to `config.databases[i]`; all borrowed for the heartbeat's life.
  Heartbeat(const Config& config, std::vector<const CaptureStats*> stats);

  // Beats until `stop`.
  void Run(const std::atomic<bool>& stop);

  // Messages emitted so far.
  uint64_t beats() const { return beats_.load(); }

 private:
  // Emits one heartbeat into config_.databases[index]; false (logged) when it failed.
  bool Beat(size_t index);

  const Config& config_;
  const std::vector<const CaptureStats*> stats_;
  std::vector<uint64_t> seen_transactions_;
  std::map<size_t, std::unique_ptr<PgConnection>> connections_;
  std::atomic<uint64_t> beats_{0};
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_HEARTBEAT_H_
