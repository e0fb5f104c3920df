#include "connector/reports_command.h"

#include <algorithm>

#include "absl/strings/str_join.h"
#include "checkpoint/status_macros.h"
#include "sink/report_definition.h"
#include "sink/report_sql.h"

namespace genims {

absl::Status RunReportsCommand(const Config& config, bool sql, std::FILE* out) {
  GENIMS_ASSIGN_OR_RETURN(std::vector<ReportDefinition> reports, LoadReports(config.report_dir));
  for (const ReportDefinition& report : reports) {
    std::vector<std::string> keys;
    for (const ReportKey& key : report.keys) keys.push_back(key.name);
    const bool captured = std::find(config.databases.begin(), config.databases.end(),
                                    report.database) != config.databases.end();
    std::fprintf(out, "%-28s %-24s %-34s by %s%s\n", report.name.c_str(), report.database.c_str(),
                 (report.schema + "." + report.table).c_str(), absl::StrJoin(keys, ", ").c_str(),
                 captured ? "" : "  (inactive: not captured)");
    if (sql) {
      std::fprintf(out, "\n%s;\n\n-- recompute, in %s:\n%s;\n", ReportTableDdl(report).c_str(),
                   report.database.c_str(), RecomputeSql(report).c_str());
      for (const ReportLookup& lookup : report.lookups) {
        std::fprintf(out, "-- lookup %s, in %s:\n%s;\n", lookup.alias.c_str(),
                     lookup.database.c_str(), LookupSql(lookup).c_str());
      }
      std::fputs("\n", out);
    }
  }
  std::fprintf(out, "%zu report%s in %s\n", reports.size(), reports.size() == 1 ? "" : "s",
               config.report_dir.c_str());
  return absl::OkStatus();
}

}  // namespace genims
