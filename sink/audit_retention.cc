#include "sink/audit_retention.h"

#include <cstdlib>
#include <map>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checkpoint/status_macros.h"

namespace genims {
namespace {

constexpr int kDefaultRetentionYears = 7;  // The seed's 7-year retention (2555 days).

std::string Day(absl::CivilDay day) { return absl::FormatCivilTime(day); }

uint64_t Number(const std::optional<std::string>& text) {
  uint64_t value = 0;
  if (text) (void)absl::SimpleAtoi(*text, &value);
  return value;
}

// A named point where a test may stop the process the hard way, to prove crash safety.
void CrashPoint(absl::string_view name) {
  const char* crash_at = std::getenv("GENIMS_TEST_CRASH_AT");
  if (crash_at != nullptr && name == crash_at) std::_Exit(137);
}

}  // namespace

absl::StatusOr<std::vector<RetentionDecision>> PlanRetention(MySqlSession& session,
                                                             absl::CivilDay as_of) {
  GENIMS_ASSIGN_OR_RETURN(
      std::vector<MySqlRow> partitions,
      session.Query("SELECT TABLE_NAME, PARTITION_NAME, PARTITION_DESCRIPTION "
                    "FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() "
                    "AND PARTITION_NAME IS NOT NULL AND PARTITION_DESCRIPTION <> 'MAXVALUE' "
                    "ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION"));
  GENIMS_ASSIGN_OR_RETURN(
      std::vector<MySqlRow> policies,
      session.Query(absl::StrCat("SELECT table_name, retention_years FROM retention_policy "
                                 "WHERE effective_from <= '",
                                 Day(as_of), "' ORDER BY effective_from")));
  std::map<std::string, int> retention;
  for (const MySqlRow& row : policies) {
    if (row[0]) retention[*row[0]] = static_cast<int>(Number(row[1]));
  }
  std::vector<RetentionDecision> plan;
  std::string previous_table;
  int previous_end = 0;
  for (const MySqlRow& row : partitions) {
    RetentionDecision decision;
    decision.table = row[0].value_or("");
    decision.partition = row[1].value_or("");
    decision.end_year = static_cast<int>(Number(row[2]));
    decision.first_year = decision.table == previous_table ? previous_end : 0;
    previous_table = decision.table;
    previous_end = decision.end_year;
    auto policy = retention.find(decision.table);
    decision.retention_years = policy != retention.end() ? policy->second : kDefaultRetentionYears;
    if (absl::CivilDay(decision.end_year + decision.retention_years, 1, 1) > as_of) {
      plan.push_back(std::move(decision));  // kKeep: not expired.
      continue;
    }
    const std::string from =
        absl::StrCat(decision.first_year > 0 ? decision.first_year : 1000, "-01-01");
    const std::string to = absl::StrCat(decision.end_year, "-01-01");
    GENIMS_ASSIGN_OR_RETURN(
        std::vector<MySqlRow> holds,
        session.Query(absl::StrCat(
            "SELECT h.hold_id FROM legal_holds h LEFT JOIN legal_hold_releases r "
            "ON r.hold_id = h.hold_id AND r.released_at <= '",
            Day(as_of),
            " 23:59:59' "
            "WHERE r.hold_id IS NULL AND h.placed_at <= '",
            Day(as_of),
            " 23:59:59' "
            "AND h.covers_from < '",
            to, "' AND (h.covers_to IS NULL OR h.covers_to >= '", from,
            "') AND (JSON_LENGTH(COALESCE(JSON_EXTRACT(h.scope, '$.tables'), '[]')) = 0 "
            "OR JSON_CONTAINS(JSON_EXTRACT(h.scope, '$.tables'), JSON_QUOTE(",
            session.Quote(decision.table), "))) ORDER BY h.hold_id LIMIT 1")));
    decision.action =
        holds.empty() ? RetentionDecision::Action::kDrop : RetentionDecision::Action::kHeld;
    if (!holds.empty()) decision.hold_id = Number(holds[0][0]);
    GENIMS_ASSIGN_OR_RETURN(
        std::vector<MySqlRow> count,
        session.Query(absl::StrCat("SELECT COUNT(*) FROM `", decision.table, "` PARTITION (`",
                                   decision.partition, "`)")));
    decision.rows = Number(count[0][0]);
    plan.push_back(std::move(decision));
  }
  return plan;
}

absl::Status ApplyRetention(MySqlSession& session, const std::vector<RetentionDecision>& plan,
                            const std::string& executed_by) {
  for (const RetentionDecision& decision : plan) {
    if (decision.action == RetentionDecision::Action::kKeep) continue;
    if (decision.table == "system_audit_log" &&
        decision.action == RetentionDecision::Action::kDrop) {
      // Chain anchors (maybe written by this very run) are kept as long as the log exists.
      GENIMS_ASSIGN_OR_RETURN(std::vector<MySqlRow> anchors,
                              session.Query(absl::StrCat(
                                  "SELECT COUNT(*) FROM system_audit_log PARTITION (`",
                                  decision.partition, "`) WHERE event_type = 'retention_drop'")));
      if (Number(anchors[0][0]) > 0) continue;
    }
    if (decision.action == RetentionDecision::Action::kHeld) {
      GENIMS_RETURN_IF_ERROR(
          session
              .Execute(absl::StrCat(
                  "INSERT INTO retention_executions (table_name, partition_name, action, "
                  "rows_in_partition, hold_id, executed_by) VALUES (",
                  session.Quote(decision.table), ", ", session.Quote(decision.partition),
                  ", 'SKIPPED_LEGAL_HOLD', ", decision.rows, ", ", decision.hold_id, ", ",
                  session.Quote(executed_by), ")"))
              .status());
      continue;
    }
    // 1. The intent, with the chain anchors, before anything is gone.
    std::vector<std::string> anchors;
    if (decision.table == "data_change_audit") {
      GENIMS_ASSIGN_OR_RETURN(
          std::vector<MySqlRow> last,
          session.Query(absl::StrCat(
              "SELECT d.source_db, d.commit_lsn, d.event_seq, d.row_hash FROM data_change_audit "
              "PARTITION (`",
              decision.partition,
              "`) d WHERE (d.source_db, d.commit_lsn, "
              "d.event_seq) IN (SELECT x.source_db, x.commit_lsn, MAX(x.event_seq) FROM "
              "data_change_audit PARTITION (`",
              decision.partition,
              "`) x WHERE (x.source_db, "
              "x.commit_lsn) IN (SELECT source_db, MAX(commit_lsn) FROM data_change_audit "
              "PARTITION (`",
              decision.partition,
              "`) GROUP BY source_db) "
              "GROUP BY x.source_db, x.commit_lsn)")));
      for (const MySqlRow& row : last) {
        // Source database names are plain identifiers: no JSON escaping needed.
        anchors.push_back(absl::StrCat("{\"source_db\":\"", row[0].value_or(""), "\"",
                                       ",\"commit_lsn\":", row[1].value_or("0"),
                                       ",\"event_seq\":", row[2].value_or("0"), ",\"row_hash\":\"",
                                       row[3].value_or(""), "\"}"));
      }
    }
    const std::string details =
        absl::StrCat("JSON_OBJECT('table', ", session.Quote(decision.table), ", 'partition', ",
                     session.Quote(decision.partition), ", 'rows', ", decision.rows,
                     ", 'anchors', JSON_EXTRACT(",
                     session.Quote(absl::StrCat("[", absl::StrJoin(anchors, ","), "]")), ", '$'))");
    GENIMS_RETURN_IF_ERROR(
        session
            .Execute(absl::StrCat(
                "INSERT INTO system_audit_log (component, instance_id, event_type, severity, "
                "message, details) VALUES ('retention', ",
                session.Quote(executed_by), ", 'retention_drop', 'NOTICE', ",
                session.Quote(absl::StrCat("dropping ", decision.table, " partition ",
                                           decision.partition, " (", decision.rows,
                                           " rows) past its ", decision.retention_years,
                                           "-year retention")),
                ", ", details, ")"))
            .status());
    CrashPoint("retention_after_intent");
    // 2. The partition. 3. The record of it.
    GENIMS_RETURN_IF_ERROR(session
                               .Execute(absl::StrCat("ALTER TABLE `", decision.table,
                                                     "` DROP PARTITION `", decision.partition, "`"))
                               .status());
    CrashPoint("retention_after_drop");
    GENIMS_RETURN_IF_ERROR(
        session
            .Execute(absl::StrCat(
                "INSERT INTO retention_executions (table_name, partition_name, action, "
                "rows_in_partition, executed_by) VALUES (",
                session.Quote(decision.table), ", ", session.Quote(decision.partition),
                ", 'DROPPED', ", decision.rows, ", ", session.Quote(executed_by), ")"))
            .status());
  }
  return absl::OkStatus();
}

}  // namespace genims
