// genims-cdc: the command-line entry point. Exit status (DESIGN): 0 success, 1 runtime
// failure, 2 bad usage or configuration. Every failure is one line on stderr.
#include <cstdio>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "connector/audit_command.h"
#include "connector/command_line.h"
#include "connector/compliance_report.h"
#include "connector/config.h"
#include "connector/daemon.h"
#include "connector/lifecycle_log.h"
#include "connector/reports_command.h"
#include "connector/setup.h"
#include "connector/slot_admin.h"
#include "connector/status_report.h"
#include "connector/verify_command.h"

namespace genims {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr char kUsage[] =
    "usage: genims-cdc [--env-file FILE] COMMAND\n"
    "\n"
    "commands:\n"
    "  config     print the effective configuration (passwords redacted) and exit\n"
    "  setup [--rebuild-reporting] [--report-json FILE]\n"
    "                                   idempotent: the audit database's schema, the slots,\n"
    "                                   the reporting tables loaded from snapshots; then a\n"
    "                                   validation report (exit 1 if a check fails)\n"
    "  run        capture every configured database and apply it to the audit database\n"
    "             until SIGTERM/SIGINT\n"
    "  status     per database: slot, spooled position, lag in bytes and seconds\n"
    "  audit retention [--apply] [--as-of YYYY-MM-DD]\n"
    "                                   drop audit partitions past retention, never under a\n"
    "                                   legal hold (dry run without --apply)\n"
    "  report compliance --from DATE --to DATE [--format md|csv|json]\n"
    "                                   the audit database's compliance report for a period\n"
    "  reports [--sql]                  the reporting tables' definitions (CDC_REPORT_DIR);\n"
    "                                   --sql: the MariaDB table and recompute of each\n"
    "  verify audit                     every hash chain and position of the audit database;\n"
    "                                   names the first broken row, exit 1 if any\n"
    "  slots check                      DBA preflight: one line per check, exit 1 on a FAIL\n"
    "  slots create [--db NAME | --all] create the wal2json slots (default: CDC_DATABASES)\n"
    "  slots list [--db NAME | --all]   the slots, their positions and retained WAL (--all:\n"
    "                                   every slot named CDC_SLOT_PREFIX...)\n"
    "  slots drop --db NAME | --all     drop the slot of NAME, or of every configured database\n"
    "\n"
    "Configuration comes from the environment and from --env-file (see README.md);\n"
    "variables set in the environment win over the file.\n";

int Fail(int exit_code, const absl::Status& status) {
  std::fprintf(stderr, "genims-cdc: %s\n", std::string(status.message()).c_str());
  return exit_code;
}

int Main(int argc, char** argv) {
  absl::StatusOr<CommandLine> command_line = ParseCommandLine(argc, argv);
  if (!command_line.ok()) return Fail(kExitUsage, command_line.status());
  if (command_line->help) {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (command_line->version) {
    std::puts("genims-cdc " GENIMS_CDC_VERSION);
    return kExitOk;
  }
  if (command_line->words.empty()) {
    return Fail(kExitUsage, absl::InvalidArgumentError("no command given (see genims-cdc --help)"));
  }
  absl::StatusOr<EnvMap> env = MergedEnvironment(command_line->env_file, ProcessEnvironment());
  if (!env.ok()) return Fail(kExitUsage, env.status());
  absl::StatusOr<Config> config = LoadConfig(*env);
  if (!config.ok()) return Fail(kExitUsage, config.status());

  const std::vector<std::string>& words = command_line->words;
  if (words.size() == 1 && words[0] == "run") {
    absl::Status status = RunDaemon(*config);
    return status.ok() ? kExitOk : Fail(kExitFailure, status);
  }
  if (words[0] == "setup") {
    bool rebuild = false;
    std::string report_json;
    for (size_t i = 1; i < words.size(); ++i) {
      if (words[i] == "--rebuild-reporting") {
        rebuild = true;
      } else if (words[i] == "--report-json" && i + 1 < words.size()) {
        report_json = words[++i];
      } else {
        return Fail(kExitUsage,
                    absl::InvalidArgumentError("usage: genims-cdc setup [--rebuild-reporting] "
                                               "[--report-json FILE]"));
      }
    }
    absl::Status status = RunSetup(*config, rebuild, stdout, report_json);
    std::fflush(stdout);
    return status.ok() ? kExitOk : Fail(kExitFailure, status);
  }
  if (words.size() == 1 && words[0] == "status") {
    absl::StatusOr<std::string> report = StatusReport(*config);
    if (!report.ok()) return Fail(kExitFailure, report.status());
    std::fputs(report->c_str(), stdout);
    return kExitOk;
  }
  if (words[0] == "audit") {
    absl::Status status =
        RunAuditCommand(*config, std::vector<std::string>(words.begin() + 1, words.end()), stdout);
    std::fflush(stdout);
    if (absl::IsInvalidArgument(status)) return Fail(kExitUsage, status);
    return status.ok() ? kExitOk : Fail(kExitFailure, status);
  }
  if (words[0] == "report") {
    absl::Status status =
        RunReportCommand(*config, std::vector<std::string>(words.begin() + 1, words.end()), stdout);
    std::fflush(stdout);
    if (absl::IsInvalidArgument(status)) return Fail(kExitUsage, status);
    return status.ok() ? kExitOk : Fail(kExitFailure, status);
  }
  if (words[0] == "reports") {
    const bool sql = words.size() == 2 && words[1] == "--sql";
    if (words.size() > 2 || (words.size() == 2 && !sql)) {
      return Fail(kExitUsage, absl::InvalidArgumentError("usage: genims-cdc reports [--sql]"));
    }
    absl::Status status = RunReportsCommand(*config, sql, stdout);
    std::fflush(stdout);
    if (absl::IsInvalidArgument(status)) return Fail(kExitUsage, status);
    return status.ok() ? kExitOk : Fail(kExitFailure, status);
  }
  if (words[0] == "verify") {
    if (words.size() != 2 || (words[1] != "audit" && words[1] != "reporting")) {
      return Fail(kExitUsage,
                  absl::InvalidArgumentError("usage: genims-cdc verify audit|reporting"));
    }
    absl::Status status = RunVerify(*config, words[1], stdout);
    return status.ok() ? kExitOk : Fail(kExitFailure, status);
  }
  if (words[0] == "slots") {
    absl::StatusOr<SlotsCommand> slots =
        ParseSlotsCommand(std::vector<std::string>(words.begin() + 1, words.end()), *config);
    if (!slots.ok()) return Fail(kExitUsage, slots.status());
    LifecycleLog lifecycle(*config);
    absl::Status status =
        RunSlotsCommand(*config, *slots, stdout,
                        [&lifecycle](absl::string_view event, absl::string_view database,
                                     absl::string_view detail) {
                          lifecycle.Record({std::string(event), "NOTICE", std::string(database),
                                            absl::StrCat("genims-cdc slots: ", detail)});
                        });
    std::fflush(stdout);
    return status.ok() ? kExitOk : Fail(kExitFailure, status);
  }
  if (words.size() == 1 && words[0] == "config") {
    std::fputs(config->Describe().c_str(), stdout);
    return kExitOk;
  }
  return Fail(kExitUsage, absl::InvalidArgumentError("unknown command \"" + words[0] +
                                                     "\" (see genims-cdc --help)"));
}

}  // namespace
}  // namespace genims

int main(int argc, char** argv) { return genims::Main(argc, argv); }
