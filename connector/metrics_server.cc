#include "connector/metrics_server.h"

#include <civetweb.h>

#include <mutex>

#include "absl/strings/str_cat.h"

namespace genims {
namespace {

void Respond(mg_connection* connection, int code, const char* reason, const char* content_type,
             const std::string& body) {
  mg_printf(connection,
            "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
            "Cache-Control: no-store\r\nConnection: close\r\n\r\n",
            code, reason, content_type, body.size());
  mg_write(connection, body.data(), body.size());
}

}  // namespace

absl::StatusOr<std::unique_ptr<MetricsServer>> MetricsServer::Start(const std::string& listen,
                                                                    RenderMetrics metrics,
                                                                    CheckHealth health) {
  static std::once_flag library_initialized;
  std::call_once(library_initialized, [] { mg_init_library(0); });
  auto server =
      std::unique_ptr<MetricsServer>(new MetricsServer(std::move(metrics), std::move(health)));
  const char* options[] = {"listening_ports",    listen.c_str(), "num_threads", "4",
                           "request_timeout_ms", "10000",        nullptr};
  mg_callbacks callbacks{};
  // civetweb logs bind failures through this callback; the Status below says it instead.
  callbacks.log_message = [](const mg_connection*, const char*) { return 1; };
  server->context_ = mg_start(&callbacks, nullptr, options);
  if (server->context_ == nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("CDC_METRICS_LISTEN ", listen, ": cannot listen there (in use?)"));
  }
  mg_set_request_handler(server->context_, "/metrics$", &MetricsServer::HandleMetrics,
                         server.get());
  mg_set_request_handler(server->context_, "/healthz$", &MetricsServer::HandleHealth, server.get());
  return server;
}

MetricsServer::~MetricsServer() {
  if (context_ != nullptr) mg_stop(context_);
}

int MetricsServer::HandleMetrics(mg_connection* connection, void* server) {
  const std::string body = static_cast<MetricsServer*>(server)->metrics_();
  Respond(connection, 200, "OK", "text/plain; version=0.0.4; charset=utf-8", body);
  return 200;
}

int MetricsServer::HandleHealth(mg_connection* connection, void* server) {
  const Health health = static_cast<MetricsServer*>(server)->health_();
  if (health.healthy) {
    Respond(connection, 200, "OK", "text/plain; charset=utf-8", "ok\n");
    return 200;
  }
  Respond(connection, 503, "Service Unavailable", "text/plain; charset=utf-8", health.reasons);
  return 503;
}

}  // namespace genims
