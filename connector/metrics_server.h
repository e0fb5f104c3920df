// MetricsServer: serves /metrics (Prometheus text format) and /healthz over HTTP (civetweb).
//
// /metrics answers 200 with the text the `metrics` callback renders at request time.
// /healthz answers 200 "ok" when the `health` callback reports healthy, else 503 with its
// reasons, one per line. Everything else is 404.
//
// Thread-safety: the callbacks run on civetweb's worker threads, concurrently; they must be
// thread-safe and must outlive the server. Destruction stops the server and waits for
// requests in flight.
#ifndef GENIMS_CONNECTOR_METRICS_SERVER_H_
#define GENIMS_CONNECTOR_METRICS_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"

struct mg_context;
struct mg_connection;

namespace genims {

struct Health {
  bool healthy = true;
  std::string reasons;  // One line per problem when unhealthy.
};

class MetricsServer {
 public:
  using RenderMetrics = std::function<std::string()>;
  using CheckHealth = std::function<Health()>;

  // Listens on `listen` ("127.0.0.1:9187"; an IPv4 address or "[::1]:9187", and a port).
  // Returns kFailedPrecondition when the address cannot be bound (in use, not local).
  static absl::StatusOr<std::unique_ptr<MetricsServer>> Start(const std::string& listen,
                                                              RenderMetrics metrics,
                                                              CheckHealth health);
  ~MetricsServer();
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

 private:
  MetricsServer(RenderMetrics metrics, CheckHealth health)
      : metrics_(std::move(metrics)), health_(std::move(health)) {}
  static int HandleMetrics(struct mg_connection* connection, void* server);
  static int HandleHealth(struct mg_connection* connection, void* server);

  const RenderMetrics metrics_;
  const CheckHealth health_;
  mg_context* context_ = nullptr;
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_METRICS_SERVER_H_
