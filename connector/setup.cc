#include "connector/setup.h"

#include "absl/strings/str_cat.h"
#include "checkpoint/status_macros.h"
#include "connector/lifecycle_log.h"
#include "connector/reporting_setup.h"
#include "connector/slot_admin.h"
#include "sink/audit_schema.h"
#include "sink/mysql_session.h"

namespace genims {
namespace {

// The schema's tables: the seed's 30, sink_positions among them.
constexpr int kAuditTables = 30;

absl::Status SetUpAudit(const Config& config, std::FILE* out) {
  if (!config.audit) {
    std::fputs("audit      skipped: MYSQL_AUDIT_HOST is not set\n", out);
    return absl::OkStatus();
  }
  const MySqlEndpoint& audit = *config.audit;
  GENIMS_ASSIGN_OR_RETURN(
      std::unique_ptr<MySqlSession> session,
      MySqlSession::Connect({audit.host, audit.port, "", audit.user, audit.password}));
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

}  // namespace

absl::Status RunSetup(const Config& config, bool rebuild_reporting, std::FILE* out) {
  GENIMS_RETURN_IF_ERROR(SetUpAudit(config, out));
  std::fflush(out);
  SlotsCommand create;
  create.verb = SlotsVerb::kCreate;
  create.scope = SlotScope::kConfigured;
  LifecycleLog lifecycle(config);
  GENIMS_RETURN_IF_ERROR(RunSlotsCommand(
      config, create, out,
      [&lifecycle](absl::string_view event, absl::string_view database, absl::string_view detail) {
        lifecycle.Record({std::string(event), "NOTICE", std::string(database),
                          absl::StrCat("genims-cdc setup: ", detail)});
      }));
  GENIMS_RETURN_IF_ERROR(SetUpReporting(config, rebuild_reporting, out));
  std::fputs("setup complete\n", out);
  return absl::OkStatus();
}

}  // namespace genims
