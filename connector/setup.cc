#include "connector/setup.h"

#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "checkpoint/status_macros.h"
#include "connector/lifecycle_log.h"
#include "connector/pg_connection.h"
#include "connector/reporting_setup.h"
#include "connector/reporting_verify.h"
#include "connector/setup_report.h"
#include "connector/slot_admin.h"
#include "connector/table_filter.h"
#include "sink/audit_schema.h"
#include "sink/audit_verifier.h"
#include "sink/mysql_session.h"

namespace genims {
namespace {

// setup checks the last rows of each chain only: a whole check grows with the history.
constexpr uint64_t kSetupVerifyTailRows = 10000;

// The schema's tables: the seed's 30, sink_positions among them.
constexpr int kAuditTables = 30;

absl::Status SetUpAudit(const Config& config, std::FILE* out) {
  if (!config.audit) {
    std::fputs("audit      skipped: MYSQL_AUDIT_HOST is not set\n", out);
    return absl::OkStatus();
  }
  const MySqlEndpoint& audit = *config.audit;
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<MySqlSession> session,
                          MySqlSession::Connect(TargetOf(audit, /*with_database=*/false)));
  absl::StatusOr<int> tables = InstallAuditSchema(*session, audit.database);
  if (!tables.ok()) {
    return absl::Status(tables.status().code(),
                        absl::StrCat("installing the audit schema in ", audit.database, ": ",
                                     tables.status().message()));
  }
  if (*tables < kAuditTables) {
    return absl::InternalError(absl::StrCat(audit.database, " holds ", *tables,
                                            " tables after setup, expected ", kAuditTables));
  }
  std::fprintf(out, "audit      %s@%s:%d/%s: schema in place (%d tables, append-only triggers)\n",
               audit.user.c_str(), audit.host.c_str(), audit.port, audit.database.c_str(), *tables);
  return absl::OkStatus();
}

// Per database: the slot exists (failed otherwise), is active or not, what it retains.
void CheckSlots(const Config& config, SetupReport* report) {
  absl::StatusOr<std::unique_ptr<PgConnection>> connection = PgConnection::Connect(
      config.primary, config.pg_socket_dir, config.databases.front(), ConnectionKind::kNormal);
  absl::StatusOr<PgRows> rows =
      connection.ok()
          ? (*connection)
                ->Query(
                    "SELECT slot_name, coalesce(active_pid::text, ''), "
                    "pg_current_wal_lsn() - restart_lsn, "
                    "pg_current_wal_lsn() - confirmed_flush_lsn FROM pg_replication_slots")
          : absl::StatusOr<PgRows>(connection.status());
  if (!rows.ok()) {
    report->AddCheck("slots", SetupReport::Verdict::kFailed, std::string(rows.status().message()));
    return;
  }
  for (const std::string& database : config.databases) {
    const std::string slot = config.SlotName(database);
    int found = -1;
    for (int i = 0; i < rows->size(); ++i) {
      if (rows->Get(i, 0) == slot) found = i;
    }
    if (found < 0) {
      report->AddCheck(absl::StrCat("slot ", database), SetupReport::Verdict::kFailed,
                       absl::StrCat(slot, " is missing"));
      continue;
    }
    const absl::string_view pid = rows->Get(found, 1);
    report->AddCheck(absl::StrCat("slot ", database), SetupReport::Verdict::kOk,
                     absl::StrCat(slot,
                                  pid.empty() ? " inactive (genims-cdc run reads it)"
                                              : absl::StrCat(" active (pid ", pid, ")"),
                                  ", retains ", rows->Get(found, 2), " bytes, confirmed ",
                                  rows->Get(found, 3), " bytes behind the WAL end"));
  }
}

// A probe row committed in PostgreSQL must reach data_change_audit (through a running daemon).
void ProbeAudit(const Config& config, SetupReport* report) {
  const std::string name = "audit end to end (probe)";
  if (!config.audit) {
    report->AddCheck(name, SetupReport::Verdict::kSkipped, "MYSQL_AUDIT_HOST is not set");
    return;
  }
  const std::string& database = config.databases.front();
  if (!TableFilter(config.include_tables, config.exclude_tables)
           .Captures("genims_cdc", "setup_probe")) {
    report->AddCheck(name, SetupReport::Verdict::kSkipped,
                     "genims_cdc.setup_probe is excluded by CDC_INCLUDE/EXCLUDE_TABLES");
    return;
  }
  auto fail = [&](const absl::Status& status) {
    report->AddCheck(name, SetupReport::Verdict::kFailed, std::string(status.message()));
  };
  absl::StatusOr<std::unique_ptr<PgConnection>> pg = PgConnection::Connect(
      config.primary, config.pg_socket_dir, database, ConnectionKind::kNormal);
  if (!pg.ok()) return fail(pg.status());
  absl::StatusOr<PgRows> active = (*pg)->Query(
      "SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1 AND active_pid IS NOT NULL",
      {config.SlotName(database)});
  if (!active.ok()) return fail(active.status());
  if (active->Get(0, 0) == "0") {
    report->AddCheck(name, SetupReport::Verdict::kSkipped,
                     "genims-cdc run is not running; run setup again once it is, to see a change "
                     "flow end to end");
    return;
  }
  for (const char* sql :
       {"SET client_min_messages = warning", "CREATE SCHEMA IF NOT EXISTS genims_cdc",
        "CREATE TABLE IF NOT EXISTS genims_cdc.setup_probe (probe_id bigint GENERATED ALWAYS AS "
        "IDENTITY PRIMARY KEY, probed_at timestamptz NOT NULL DEFAULT clock_timestamp(), "
        "probed_by text NOT NULL DEFAULT 'genims-cdc setup')",
        "ALTER TABLE genims_cdc.setup_probe REPLICA IDENTITY FULL"}) {
    absl::StatusOr<PgRows> done = (*pg)->Query(sql);
    if (!done.ok()) return fail(done.status());
  }
  const MySqlEndpoint& audit = *config.audit;
  absl::StatusOr<std::unique_ptr<MySqlSession>> mysql = MySqlSession::Connect(TargetOf(audit));
  if (!mysql.ok()) return fail(mysql.status());
  absl::StatusOr<PgRows> inserted =
      (*pg)->Query("INSERT INTO genims_cdc.setup_probe DEFAULT VALUES RETURNING probe_id");
  if (!inserted.ok()) return fail(inserted.status());
  const absl::Time committed = absl::Now();
  const std::string query = absl::StrCat(
      "SELECT COUNT(*) FROM data_change_audit WHERE source_db = ", (*mysql)->Quote(database),
      " AND source_schema = 'genims_cdc' AND source_table = 'setup_probe' AND "
      "JSON_VALUE(new_values, '$.probe_id') = ",
      (*mysql)->Quote(inserted->Get(0, 0)));
  while (absl::Now() - committed < absl::Seconds(15)) {
    absl::StatusOr<std::vector<MySqlRow>> seen = (*mysql)->Query(query);
    if (!seen.ok()) return fail(seen.status());
    if ((*seen)[0][0].value_or("0") != "0") {
      report->AddCheck(name, SetupReport::Verdict::kOk,
                       absl::StrCat("probe ", inserted->Get(0, 0), " of ", database,
                                    ".genims_cdc.setup_probe in data_change_audit after ",
                                    absl::FormatDuration(absl::Trunc(absl::Now() - committed,
                                                                     absl::Microseconds(100)))));
      return;
    }
    absl::SleepFor(absl::Milliseconds(2));
  }
  report->AddCheck(name, SetupReport::Verdict::kFailed,
                   "the probe row did not reach data_change_audit within 15 s (see status)");
}

void CheckVerify(const Config& config, SetupReport* report) {
  if (config.audit) {
    const MySqlEndpoint& audit = *config.audit;
    absl::StatusOr<std::unique_ptr<MySqlSession>> session = MySqlSession::Connect(TargetOf(audit));
    absl::StatusOr<std::vector<ChainReport>> chains =
        session.ok() ? VerifyAuditChains(**session, "audit", kSetupVerifyTailRows)
                     : absl::StatusOr<std::vector<ChainReport>>(session.status());
    if (!chains.ok()) {
      report->AddCheck("verify audit", SetupReport::Verdict::kFailed,
                       std::string(chains.status().message()));
    } else {
      std::string broken;
      uint64_t rows = 0;
      for (const ChainReport& chain : *chains) {
        rows += chain.rows;
        if (!chain.intact() && broken.empty()) broken = chain.source_db + ": " + chain.broken;
      }
      report->AddCheck("verify audit",
                       broken.empty() ? SetupReport::Verdict::kOk : SetupReport::Verdict::kFailed,
                       broken.empty()
                           ? absl::StrCat(chains->size(), " chains intact, ", rows, " rows")
                           : broken);
    }
  }
  if (config.reporting) {
    // Informational: under a live workload the tables lag a recompute by the stream's latency.
    std::FILE* sink = std::fopen("/dev/null", "w");
    const absl::Status status = VerifyReporting(config, sink != nullptr ? sink : stderr);
    if (sink != nullptr) std::fclose(sink);
    report->AddCheck(
        "verify reporting", SetupReport::Verdict::kInfo,
        status.ok() ? "every table equals a recompute"
                    : absl::StrCat(status.message(), " (expected while changes are in flight)"));
  }
}

}  // namespace

absl::Status RunSetup(const Config& config, bool rebuild_reporting, std::FILE* out,
                      const std::string& report_json) {
  SetupReport report;
  auto phase = [&](const char* name, const std::function<absl::Status()>& run) {
    const absl::Time start = absl::Now();
    const absl::Status status = run();
    std::fflush(out);
    report.AddPhase(name, absl::Now() - start, status, "");
    if (!status.ok()) std::fprintf(out, "%s: %s\n", name, std::string(status.message()).c_str());
    return status.ok();
  };
  phase("audit", [&] { return SetUpAudit(config, out); });
  LifecycleLog lifecycle(config);
  const bool slots = phase("slots", [&] {
    SlotsCommand create;
    create.verb = SlotsVerb::kCreate;
    create.scope = SlotScope::kConfigured;
    return RunSlotsCommand(config, create, out,
                           [&lifecycle](absl::string_view event, absl::string_view database,
                                        absl::string_view detail) {
                             lifecycle.Record({std::string(event), "NOTICE", std::string(database),
                                               absl::StrCat("genims-cdc setup: ", detail)});
                           });
  });
  if (slots) {
    phase("reporting", [&] { return SetUpReporting(config, rebuild_reporting, out); });
  }
  CheckSlots(config, &report);
  ProbeAudit(config, &report);
  CheckVerify(config, &report);
  report.AddCheck("backup", SetupReport::Verdict::kSkipped,
                  "scheduled backups are not part of this version yet");
  std::fputs(report.Text().c_str(), out);
  if (!report_json.empty()) {
    std::FILE* json = std::fopen(report_json.c_str(), "w");
    if (json == nullptr || std::fputs(report.Json().c_str(), json) < 0 || std::fclose(json) != 0) {
      return absl::FailedPreconditionError(absl::StrCat("cannot write ", report_json));
    }
  }
  if (report.failed()) return absl::FailedPreconditionError("setup: a phase or a check failed");
  return absl::OkStatus();
}

}  // namespace genims
