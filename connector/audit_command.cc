#include "connector/audit_command.h"

#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "checkpoint/status_macros.h"
#include "sink/audit_retention.h"

namespace genims {

absl::Status RunAuditCommand(const Config& config, const std::vector<std::string>& words,
                             std::FILE* out) {
  const absl::Status usage = absl::InvalidArgumentError(
      "usage: genims-cdc audit retention [--apply] [--as-of YYYY-MM-DD]");
  if (words.empty() || words[0] != "retention") return usage;
  bool apply = false;
  absl::CivilDay as_of = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i] == "--apply") {
      apply = true;
    } else if (words[i] == "--as-of" && i + 1 < words.size()) {
      if (!absl::ParseCivilTime(words[++i], &as_of)) {
        return absl::InvalidArgumentError(
            absl::StrCat("--as-of: \"", words[i], "\" is not a date (YYYY-MM-DD)"));
      }
    } else {
      return usage;
    }
  }
  if (!config.audit) {
    return absl::FailedPreconditionError("audit retention: MYSQL_AUDIT_HOST is not set");
  }
  MySqlTarget target = TargetOf(*config.audit);
  if (!config.audit_admin_user.empty()) {
    target.user = config.audit_admin_user;
    target.password = config.audit_admin_password;
  }
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<MySqlSession> session, MySqlSession::Connect(target));
  GENIMS_ASSIGN_OR_RETURN(std::vector<RetentionDecision> plan, PlanRetention(*session, as_of));
  int drops = 0;
  int held = 0;
  for (const RetentionDecision& decision : plan) {
    if (decision.action == RetentionDecision::Action::kKeep) continue;
    const bool drop = decision.action == RetentionDecision::Action::kDrop;
    drops += drop ? 1 : 0;
    held += drop ? 0 : 1;
    std::fprintf(out, "%-24s %-14s %10llu rows  %s\n", decision.table.c_str(),
                 decision.partition.c_str(), static_cast<unsigned long long>(decision.rows),
                 drop ? absl::StrCat(apply ? "dropped" : "would drop", " (past ",
                                     decision.retention_years, " years)")
                            .c_str()
                      : absl::StrCat("kept: legal hold ", decision.hold_id).c_str());
    std::fflush(out);
  }
  if (apply) {
    char host[256] = {};
    if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
    GENIMS_RETURN_IF_ERROR(
        ApplyRetention(*session, plan, absl::StrCat(target.user, "@", host, ":", getpid())));
  }
  std::fprintf(out, "audit retention as of %s: %d partition%s %s, %d kept by legal holds%s\n",
               absl::FormatCivilTime(as_of).c_str(), drops, drops == 1 ? "" : "s",
               apply ? "dropped" : "to drop", held,
               apply ? "" : " (dry run; --apply to carry out)");
  return absl::OkStatus();
}

}  // namespace genims
