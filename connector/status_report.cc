#include "connector/status_report.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <map>
#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "checkpoint/spool.h"
#include "checkpoint/status_macros.h"
#include "connector/pg_connection.h"
#include "sink/mysql_session.h"

namespace genims {
namespace {

struct SlotRow {
  bool active = false;
  std::string active_pid;
  Lsn restart;
  Lsn confirmed;
  std::string wal_status;
};

std::string FormatBytes(uint64_t bytes) {
  if (bytes < 10 * 1024) return absl::StrCat(bytes, " B");
  if (bytes < 10 * 1024 * 1024) return absl::StrFormat("%.1f KiB", bytes / 1024.0);
  if (bytes < 10ULL * 1024 * 1024 * 1024) return absl::StrFormat("%.1f MiB", bytes / 1048576.0);
  return absl::StrFormat("%.1f GiB", bytes / 1073741824.0);
}

// GET /healthz of a running daemon at `listen` (host:port): "healthy", the reasons it gives
// for being unhealthy, or why it could not be asked.
std::string DaemonHealth(const std::string& listen) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return "unknown (CDC_METRICS_LISTEN has no port)";
  const std::string host = listen.substr(0, colon);
  const std::string port = listen.substr(colon + 1);
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0 || found == nullptr) {
    return absl::StrCat("unknown (cannot resolve ", listen, ")");
  }
  std::unique_ptr<addrinfo, void (*)(addrinfo*)> addresses(found, freeaddrinfo);
  const int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (fd < 0) return "unknown (no socket)";
  std::unique_ptr<int, void (*)(int*)> closer(new int(fd), [](int* f) {
    close(*f);
    delete f;
  });
  timeval timeout{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
  if (connect(fd, found->ai_addr, found->ai_addrlen) != 0) {
    return absl::StrCat("no daemon answering on ", listen);
  }
  const std::string request = absl::StrCat("GET /healthz HTTP/1.0\r\nHost: ", listen, "\r\n\r\n");
  if (write(fd, request.data(), request.size()) != static_cast<ssize_t>(request.size())) {
    return absl::StrCat("no answer from ", listen);
  }
  std::string response;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof(buffer))) > 0;) response.append(buffer, n);
  if (absl::StartsWith(response, "HTTP/1.1 200") || absl::StartsWith(response, "HTTP/1.0 200")) {
    return "healthy";
  }
  const size_t body = response.find("\r\n\r\n");
  std::string reasons = body == std::string::npos ? response : response.substr(body + 4);
  absl::StrReplaceAll({{"\n", "; "}}, &reasons);
  return absl::StrCat("UNHEALTHY: ", absl::StripSuffix(reasons, "; "));
}

// The audit sink's part of the report: its stored positions (its truth, in MariaDB) against
// what the capture has spooled.
// `pending_commit` holds, per database with spooled transactions the sink has not passed yet,
// the newest one's commit time.
std::string AuditSinkReport(const Config& config,
                            const std::map<std::string, std::optional<int64_t>>& pending_commit) {
  const MySqlEndpoint& audit = *config.audit;
  std::string report =
      absl::StrCat("\nsink audit -> ", audit.user, "@", audit.host, ":", audit.port, "/",
                   audit.database, "; daemon: ", DaemonHealth(config.metrics_listen), "\n");
  absl::StatusOr<std::unique_ptr<MySqlSession>> session = MySqlSession::Connect(TargetOf(audit));
  absl::StatusOr<std::vector<MySqlRow>> rows =
      session.ok() ? (*session)->Query(
                         "SELECT p.source_db, p.commit_lsn, p.event_seq, "
                         "(SELECT MAX(UNIX_TIMESTAMP(d.commit_time) * 1000000) FROM "
                         "data_change_audit d WHERE d.source_db = p.source_db AND d.commit_lsn "
                         "= p.commit_lsn AND d.event_seq = p.event_seq), p.updated_at "
                         "FROM sink_positions p WHERE p.sink_name = 'audit'")
                   : absl::StatusOr<std::vector<MySqlRow>>(session.status());
  if (!rows.ok()) {
    return absl::StrCat(report, "  positions unavailable: ", rows.status().message(), "\n");
  }
  std::map<std::string, const MySqlRow*> by_database;
  for (const MySqlRow& row : *rows) {
    if (row[0]) by_database[*row[0]] = &row;
  }
  absl::StrAppendFormat(&report, "%-22s %-13s %10s  %-23s %8s\n", "database", "applied",
                        "event_seq", "applied_commit (UTC)", "behind_s");
  for (const std::string& database : config.databases) {
    auto found = by_database.find(database);
    if (found == by_database.end()) {
      absl::StrAppendFormat(&report, "%-22s %-13s %10s  %-23s %8s\n", database, "none", "-", "-",
                            "-");
      continue;
    }
    const MySqlRow& row = *found->second;
    uint64_t lsn = 0;
    (void)absl::SimpleAtoi(row[1].value_or("0"), &lsn);
    double applied_us = 0;
    std::string applied_commit = "-";
    std::string behind = "-";
    if (row[3] && absl::SimpleAtod(*row[3], &applied_us)) {
      applied_commit = absl::FormatTime("%Y-%m-%d %H:%M:%E3S",
                                        absl::FromUnixMicros(static_cast<int64_t>(applied_us)),
                                        absl::UTCTimeZone());
      auto pending = pending_commit.find(database);
      behind = pending == pending_commit.end() || !pending->second
                   ? "0.0"
                   : absl::StrFormat("%.1f", std::max(0.0, (*pending->second - applied_us) / 1e6));
    }
    absl::StrAppendFormat(&report, "%-22s %-13s %10s  %-23s %8s\n", database,
                          Lsn::FromRaw(lsn).ToString(), row[2].value_or("-"), applied_commit,
                          behind);
  }
  return report;
}

}  // namespace

absl::StatusOr<std::string> StatusReport(const Config& config) {
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> connection,
                          PgConnection::Connect(config.primary, config.pg_socket_dir,
                                                config.databases.front(), ConnectionKind::kNormal));
  std::vector<std::string> slot_names;
  for (const std::string& database : config.databases) {
    slot_names.push_back(config.SlotName(database));
  }
  GENIMS_ASSIGN_OR_RETURN(
      PgRows rows,
      connection->Query("SELECT slot_name, active, coalesce(active_pid::text, ''), "
                        "coalesce(restart_lsn, '0/0'), coalesce(confirmed_flush_lsn, '0/0'), "
                        "coalesce(wal_status, '') "
                        "FROM pg_replication_slots WHERE slot_name = ANY(string_to_array($1, ','))",
                        {absl::StrJoin(slot_names, ",")}));
  GENIMS_ASSIGN_OR_RETURN(PgRows wal, connection->Query("SELECT pg_current_wal_lsn()"));
  GENIMS_ASSIGN_OR_RETURN(Lsn server_wal, Lsn::Parse(wal.Get(0, 0)));
  std::map<std::string, SlotRow> slots;
  for (int i = 0; i < rows.size(); ++i) {
    SlotRow& slot = slots[std::string(rows.Get(i, 0))];
    slot.active = rows.Get(i, 1) == "t";
    slot.active_pid = std::string(rows.Get(i, 2));
    GENIMS_ASSIGN_OR_RETURN(slot.restart, Lsn::Parse(rows.Get(i, 3)));
    GENIMS_ASSIGN_OR_RETURN(slot.confirmed, Lsn::Parse(rows.Get(i, 4)));
    slot.wal_status = std::string(rows.Get(i, 5));
  }

  std::unique_ptr<Spool> spool;
  std::map<std::string, DatabaseId> spooled_ids;
  absl::StatusOr<std::unique_ptr<Spool>> opened = Spool::OpenReadOnly(config.state_dir + "/spool");
  if (opened.ok()) {
    spool = std::move(*opened);
    GENIMS_ASSIGN_OR_RETURN(auto databases, spool->Databases());
    for (const auto& [name, id] : databases) spooled_ids[name] = id;
  } else if (!absl::IsNotFound(opened.status())) {
    return opened.status();
  }

  const int64_t now_us = absl::ToUnixMicros(absl::Now());
  std::map<std::string, std::optional<int64_t>> pending_commit;  // Not yet passed by the sink.
  std::optional<EventKey> audit_cursor;
  if (spool != nullptr) {
    GENIMS_ASSIGN_OR_RETURN(audit_cursor, spool->SinkCursor("audit"));
  }
  std::string report = absl::StrFormat("%-22s %-22s %-12s %-13s %-13s %12s %12s  %-23s %8s\n",
                                       "database", "slot", "active", "confirmed", "spooled",
                                       "lag_bytes", "retained", "last_commit (UTC)", "lag_s");
  for (const std::string& database : config.databases) {
    const std::string slot_name = config.SlotName(database);
    auto slot = slots.find(slot_name);
    std::string active = "missing";
    std::string confirmed = "-";
    std::string retained = "-";
    if (slot != slots.end()) {
      active = slot->second.active ? absl::StrCat("yes:", slot->second.active_pid) : "no";
      confirmed = slot->second.confirmed.ToString();
      retained = FormatBytes(server_wal.BytesSince(slot->second.restart));
    }
    std::string spooled = "never";
    std::string lag_bytes = "-";
    std::string last_commit = "-";
    std::string lag_seconds = "-";
    auto id = spooled_ids.find(database);
    if (spool != nullptr && id != spooled_ids.end()) {
      GENIMS_ASSIGN_OR_RETURN(DatabaseProgress progress, spool->Progress(id->second));
      spooled = progress.flushed.ToString();
      if (!audit_cursor || progress.last_commit_lsn > audit_cursor->commit_lsn) {
        pending_commit[database] = progress.last_commit_time_us;
      }
      lag_bytes = absl::StrCat(server_wal.BytesSince(progress.flushed));
      if (progress.last_commit_time_us) {
        last_commit = absl::FormatTime("%Y-%m-%d %H:%M:%E3S",
                                       absl::FromUnixMicros(*progress.last_commit_time_us),
                                       absl::UTCTimeZone());
        lag_seconds = absl::StrFormat("%.1f", (now_us - *progress.last_commit_time_us) / 1e6);
      }
    }
    absl::StrAppendFormat(&report, "%-22s %-22s %-12s %-13s %-13s %12s %12s  %-23s %8s\n", database,
                          slot_name, active, confirmed, spooled, lag_bytes, retained, last_commit,
                          lag_seconds);
  }
  absl::StrAppend(&report, "server WAL end ", server_wal.ToString(), "; spool ",
                  spool ? absl::StrCat(FormatBytes(spool->ApproximateBytes()), " in ",
                                       config.state_dir, "/spool")
                        : absl::StrCat("not created yet (", config.state_dir, "/spool)"),
                  "\n");
  if (config.audit) absl::StrAppend(&report, AuditSinkReport(config, pending_commit));
  if (config.reporting) {
    const MySqlEndpoint& reporting = *config.reporting;
    absl::StrAppend(&report, "\nsink reporting -> ", reporting.user, "@", reporting.host, ":",
                    reporting.port, "/", reporting.database, ": ");
    absl::StatusOr<std::unique_ptr<MySqlSession>> session =
        MySqlSession::Connect(TargetOf(reporting));
    absl::StatusOr<std::vector<MySqlRow>> rows =
        session.ok() ? (*session)->Query(
                           "SELECT commit_lsn, updated_at FROM reporting_position "
                           "WHERE sink_name = 'reporting'")
                     : absl::StatusOr<std::vector<MySqlRow>>(session.status());
    uint64_t lsn = 0;
    if (!rows.ok()) {
      absl::StrAppend(&report, "position unavailable: ", rows.status().message(), "\n");
    } else if (rows->empty() || !(*rows)[0][0] || !absl::SimpleAtoi(*(*rows)[0][0], &lsn)) {
      absl::StrAppend(&report, "not loaded yet (genims-cdc setup, or run, loads it)\n");
    } else {
      absl::StrAppend(&report, "applied through ", Lsn::FromRaw(lsn).ToString(), " (",
                      server_wal.BytesSince(Lsn::FromRaw(lsn)),
                      " bytes behind the WAL end), last "
                      "batch ",
                      (*rows)[0][1].value_or("-"), " UTC\n");
    }
  }
  return report;
}

}  // namespace genims
