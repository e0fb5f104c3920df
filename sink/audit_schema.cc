#include "sink/audit_schema.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "checkpoint/status_macros.h"

namespace genims {
namespace {

std::string QuoteIdentifier(absl::string_view name) {
  return absl::StrCat("`", absl::StrReplaceAll(name, {{"`", "``"}}), "`");
}

}  // namespace

absl::StatusOr<int> InstallAuditSchema(MySqlSession& session, const std::string& database) {
  GENIMS_ASSIGN_OR_RETURN(
      std::vector<MySqlRow> existing,
      session.Query(
          absl::StrCat("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ",
                       session.Quote(database))));
  if (existing.empty() || !existing[0][0] || *existing[0][0] == "0") {
    GENIMS_RETURN_IF_ERROR(session
                               .Execute(absl::StrCat("CREATE DATABASE ", QuoteIdentifier(database),
                                                     " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"))
                               .status());
  }
  GENIMS_RETURN_IF_ERROR(session.Execute(absl::StrCat("USE ", QuoteIdentifier(database))).status());
  GENIMS_RETURN_IF_ERROR(session.ExecuteScript(AuditSchemaSql()));
  GENIMS_ASSIGN_OR_RETURN(
      std::vector<MySqlRow> tables,
      session.Query(absl::StrCat("SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                                 "TABLE_SCHEMA = ",
                                 session.Quote(database), " AND TABLE_TYPE = 'BASE TABLE'")));
  int count = 0;
  if (tables.empty() || !tables[0][0] || !absl::SimpleAtoi(*tables[0][0], &count)) {
    return absl::InternalError("counting the audit tables");
  }
  return count;
}

}  // namespace genims
