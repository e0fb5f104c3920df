#include "connector/compliance_report.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "checkpoint/status_macros.h"
#include "sink/audit_verifier.h"
#include "sink/json_text.h"
#include "sink/mysql_session.h"

namespace genims {
namespace {

struct Section {
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

std::string Csv(absl::string_view text) {
  if (text.find_first_of(",\"\n") == absl::string_view::npos) return std::string(text);
  return absl::StrCat("\"", absl::StrReplaceAll(text, {{"\"", "\"\""}}), "\"");
}

std::string Render(const std::vector<Section>& sections, const std::string& format,
                   const std::string& period) {
  std::string out;
  if (format == "json") {
    absl::StrAppend(&out, "{\"period\":", JsonString(period), ",\"sections\":[");
    for (size_t s = 0; s < sections.size(); ++s) {
      const Section& section = sections[s];
      absl::StrAppend(&out, s ? "," : "", "{\"title\":", JsonString(section.title), ",\"rows\":[");
      for (size_t r = 0; r < section.rows.size(); ++r) {
        absl::StrAppend(&out, r ? "," : "", "{");
        for (size_t c = 0; c < section.columns.size(); ++c) {
          absl::StrAppend(&out, c ? "," : "", JsonString(section.columns[c]), ":",
                          JsonString(section.rows[r][c]));
        }
        absl::StrAppend(&out, "}");
      }
      absl::StrAppend(&out, "]}");
    }
    absl::StrAppend(&out, "]}\n");
    return out;
  }
  if (format == "csv") {
    absl::StrAppend(&out, "section,", "field,", "value\n");
    for (const Section& section : sections) {
      for (size_t r = 0; r < section.rows.size(); ++r) {
        for (size_t c = 0; c < section.columns.size(); ++c) {
          absl::StrAppend(&out, Csv(section.title), ",",
                          Csv(absl::StrCat(r + 1, ".", section.columns[c])), ",",
                          Csv(section.rows[r][c]), "\n");
        }
      }
    }
    return out;
  }
  absl::StrAppend(&out, "# Compliance report ", period, "\n");
  for (const Section& section : sections) {
    absl::StrAppend(&out, "\n## ", section.title, "\n\n");
    if (section.rows.empty()) {
      absl::StrAppend(&out, "(none)\n");
      continue;
    }
    absl::StrAppend(&out, "| ", absl::StrJoin(section.columns, " | "), " |\n|");
    for (size_t c = 0; c < section.columns.size(); ++c) absl::StrAppend(&out, "---|");
    absl::StrAppend(&out, "\n");
    for (const auto& row : section.rows) {
      std::vector<std::string> cells;
      for (const std::string& cell : row)
        cells.push_back(absl::StrReplaceAll(cell, {{"|", "\\|"}}));
      absl::StrAppend(&out, "| ", absl::StrJoin(cells, " | "), " |\n");
    }
  }
  return out;
}

}  // namespace

absl::Status RunReportCommand(const Config& config, const std::vector<std::string>& words,
                              std::FILE* out) {
  const absl::Status usage = absl::InvalidArgumentError(
      "usage: genims-cdc report compliance --from YYYY-MM-DD --to YYYY-MM-DD "
      "[--format md|csv|json]");
  if (words.empty() || words[0] != "compliance") return usage;
  absl::CivilDay from, to;
  bool have_from = false, have_to = false;
  std::string format = "md";
  for (size_t i = 1; i + 1 < words.size(); i += 2) {
    if (words[i] == "--from") {
      have_from = absl::ParseCivilTime(words[i + 1], &from);
      if (!have_from) return absl::InvalidArgumentError("--from: expected YYYY-MM-DD");
    } else if (words[i] == "--to") {
      have_to = absl::ParseCivilTime(words[i + 1], &to);
      if (!have_to) return absl::InvalidArgumentError("--to: expected YYYY-MM-DD");
    } else if (words[i] == "--format" &&
               (words[i + 1] == "md" || words[i + 1] == "csv" || words[i + 1] == "json")) {
      format = words[i + 1];
    } else {
      return usage;
    }
  }
  if (words.size() % 2 == 0 || !have_from || !have_to || to < from) return usage;
  if (!config.audit) return absl::FailedPreconditionError("report: MYSQL_AUDIT_HOST is not set");
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<MySqlSession> session,
                          MySqlSession::Connect(TargetOf(*config.audit)));
  const std::string start = absl::StrCat("'", absl::FormatCivilTime(from), "'");
  const std::string end = absl::StrCat("'", absl::FormatCivilTime(to + 1), "'");
  auto range = [&](absl::string_view column) {
    return absl::StrCat(column, " >= ", start, " AND ", column, " < ", end);
  };
  std::vector<Section> sections;
  auto query = [&](std::string title, std::vector<std::string> columns,
                   const std::string& sql) -> absl::Status {
    GENIMS_ASSIGN_OR_RETURN(std::vector<MySqlRow> rows, session->Query(sql));
    Section section{std::move(title), std::move(columns), {}};
    for (const MySqlRow& row : rows) {
      std::vector<std::string> cells;
      for (const auto& cell : row) cells.push_back(cell.value_or(""));
      section.rows.push_back(std::move(cells));
    }
    sections.push_back(std::move(section));
    return absl::OkStatus();
  };
  GENIMS_RETURN_IF_ERROR(query(
      "Changes per database, table and operation",
      {"source_db", "source_table", "operation", "changes"},
      absl::StrCat("SELECT source_db, source_table, operation, COUNT(*) FROM data_change_audit "
                   "WHERE ",
                   range("commit_time"), " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")));
  GENIMS_RETURN_IF_ERROR(query(
      "Attribution coverage", {"changes", "attributed", "by_message", "by_column", "coverage_pct"},
      absl::StrCat("SELECT COUNT(*), SUM(user_id IS NOT NULL), SUM(user_source = 'message'), "
                   "SUM(user_source = 'column'), "
                   "ROUND(100 * SUM(user_id IS NOT NULL) / NULLIF(COUNT(*), 0), 2) "
                   "FROM data_change_audit WHERE ",
                   range("commit_time"))));
  GENIMS_RETURN_IF_ERROR(query(
      "Bulk operations", {"operation_kind", "operations", "rows"},
      absl::StrCat("SELECT operation_kind, COUNT(*), SUM(row_count) FROM bulk_operation_audit "
                   "WHERE ",
                   range("commit_time"), " GROUP BY 1 ORDER BY 1")));
  GENIMS_RETURN_IF_ERROR(query(
      "Sensitive changes (values masked)", {"source_db", "source_table", "column_name", "changes"},
      absl::StrCat("SELECT source_db, source_table, column_name, COUNT(*) FROM "
                   "sensitive_change_log WHERE ",
                   range("commit_time"), " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")));
  GENIMS_RETURN_IF_ERROR(
      query("Configuration changes", {"source_db", "source_table", "operation", "changes"},
            absl::StrCat("SELECT source_db, source_table, operation, COUNT(*) FROM "
                         "config_change_audit WHERE ",
                         range("commit_time"), " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")));
  GENIMS_RETURN_IF_ERROR(
      query("Retention actions", {"table_name", "action", "partitions", "rows"},
            absl::StrCat("SELECT table_name, action, COUNT(*), COALESCE(SUM(rows_in_partition), 0) "
                         "FROM retention_executions WHERE ",
                         range("executed_at"), " GROUP BY 1, 2 ORDER BY 1, 2")));
  GENIMS_RETURN_IF_ERROR(query(
      "Legal holds", {"hold_name", "matter_ref", "placed_at", "released_at", "active_at_end"},
      absl::StrCat("SELECT h.hold_name, h.matter_ref, h.placed_at, COALESCE(r.released_at, ''), "
                   "IF(h.placed_at < ",
                   end, " AND (r.released_at IS NULL OR r.released_at >= ", end,
                   "), 'yes', 'no') FROM legal_holds h LEFT JOIN legal_hold_releases r "
                   "USING (hold_id) WHERE h.placed_at < ",
                   end, " AND (r.released_at IS NULL OR r.released_at >= ", start,
                   ") ORDER BY h.placed_at")));
  GENIMS_RETURN_IF_ERROR(query(
      "GDPR requests", {"request_type", "received", "completed", "avg_days_to_complete", "overdue"},
      absl::StrCat("SELECT q.request_type, COUNT(*), SUM(c.done IS NOT NULL), "
                   "ROUND(AVG(TIMESTAMPDIFF(SECOND, q.received_at, c.done)) / 86400, 2), "
                   "SUM(c.done IS NULL AND q.due_at < ",
                   end,
                   ") FROM gdpr_requests q "
                   "LEFT JOIN (SELECT request_id, MIN(event_time) done FROM gdpr_request_events "
                   "WHERE status = 'COMPLETED' GROUP BY request_id) c USING (request_id) "
                   "WHERE ",
                   range("q.received_at"), " GROUP BY 1 ORDER BY 1")));
  GENIMS_ASSIGN_OR_RETURN(std::vector<ChainReport> chains, VerifyAuditChains(*session, "audit"));
  Section verify{"verify audit (now)", {"source_db", "rows", "status"}, {}};
  for (const ChainReport& chain : chains) {
    verify.rows.push_back({chain.source_db, absl::StrCat(chain.rows),
                           chain.intact() ? "intact" : absl::StrCat("BROKEN: ", chain.broken)});
  }
  sections.push_back(std::move(verify));
  const std::string period =
      absl::StrCat(absl::FormatCivilTime(from), " to ", absl::FormatCivilTime(to), " (UTC)");
  std::fputs(Render(sections, format, period).c_str(), out);
  return absl::OkStatus();
}

}  // namespace genims
