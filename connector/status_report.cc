#include "connector/status_report.h"

#include <map>
#include <memory>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "checkpoint/spool.h"
#include "checkpoint/status_macros.h"
#include "connector/pg_connection.h"

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
  return report;
}

}  // namespace genims
