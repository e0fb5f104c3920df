#include "connector/verify_command.h"

#include "absl/strings/str_cat.h"
#include "checkpoint/status_macros.h"
#include "connector/reporting_verify.h"
#include "sink/audit_verifier.h"
#include "sink/mysql_session.h"

namespace genims {

absl::Status RunVerify(const Config& config, const std::string& what, std::FILE* out) {
  if (what == "reporting") return VerifyReporting(config, out);
  if (!config.audit) {
    return absl::FailedPreconditionError("verify audit: MYSQL_AUDIT_HOST is not set");
  }
  const MySqlEndpoint& audit = *config.audit;
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<MySqlSession> session,
                          MySqlSession::Connect(TargetOf(audit)));
  GENIMS_ASSIGN_OR_RETURN(std::vector<ChainReport> reports, VerifyAuditChains(*session, "audit"));
  int broken = 0;
  for (const ChainReport& report : reports) {
    if (report.intact()) {
      std::fprintf(out, "%-24s %10llu rows  intact  head %s%s\n", report.source_db.c_str(),
                   static_cast<unsigned long long>(report.rows), report.head.c_str(),
                   report.restarts == 0
                       ? ""
                       : absl::StrCat("  (restarts from ", report.restarts, " retention anchor",
                                      report.restarts == 1 ? "" : "s", ")")
                             .c_str());
    } else {
      ++broken;
      std::fprintf(out, "%-24s BROKEN: %s\n", report.source_db.c_str(), report.broken.c_str());
    }
  }
  std::fprintf(out, "verify audit: %zu chain%s, %d broken\n", reports.size(),
               reports.size() == 1 ? "" : "s", broken);
  std::fflush(out);
  if (broken > 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("verify audit: ", broken, " of ", reports.size(), " chains broken"));
  }
  return absl::OkStatus();
}

}  // namespace genims
