#include "sink/audit_verifier.h"

#include <map>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "checkpoint/lsn.h"
#include "checkpoint/status_macros.h"
#include "sink/audit_batch.h"
#include "sink/audit_hash.h"

namespace genims {
namespace {

// The columns read, in the order of CanonicalFields, then audit_id, row_hash, prev_hash.
constexpr char kColumns[] =
    "source_db, source_schema, source_table, operation, primary_key, old_values, new_values, "
    "changed_columns, transaction_id, commit_lsn, event_seq, "
    "DATE_FORMAT(commit_time, '%Y-%m-%d %H:%i:%s.%f'), user_id, user_source, masked_columns, "
    "lost_values, audit_id, row_hash, prev_hash";
constexpr size_t kAuditId = kCanonicalFieldCount;
constexpr size_t kRowHash = kCanonicalFieldCount + 1;
constexpr size_t kPrevHash = kCanonicalFieldCount + 2;
constexpr size_t kCommitLsn = 9;
constexpr size_t kEventSeq = 10;

struct StoredPosition {
  uint64_t commit_lsn = 0;
  uint64_t event_seq = 0;
  std::string last_row_hash;
};

std::string Where(const MySqlRow& row) {
  uint64_t lsn = 0;
  (void)absl::SimpleAtoi(row[kCommitLsn].value_or("0"), &lsn);
  return absl::StrCat("audit_id ", row[kAuditId].value_or("?"), " (commit ",
                      Lsn::FromRaw(lsn).ToString(), ", event_seq ", row[kEventSeq].value_or("?"),
                      ")");
}

// Checks one database's chain; fills `report`. `anchors` are the row hashes recorded when
// retention dropped older partitions: the chain may restart from one of them.
absl::Status VerifyChain(MySqlSession& session, const std::optional<StoredPosition>& position,
                         const std::set<std::string>& anchors, uint64_t tail_rows,
                         ChainReport* report) {
  std::string previous_hash = kGenesisHash;
  uint64_t last_lsn = 0;
  uint64_t last_seq = 0;
  std::string from;  // The tail's first row, when only the tail is checked.
  if (tail_rows > 0) {
    GENIMS_ASSIGN_OR_RETURN(
        std::vector<MySqlRow> start,
        session.Query(absl::StrCat("SELECT commit_lsn, event_seq, prev_hash FROM "
                                   "data_change_audit WHERE source_db = ",
                                   session.Quote(report->source_db),
                                   " ORDER BY commit_lsn DESC, event_seq DESC LIMIT 1 OFFSET ",
                                   tail_rows - 1)));
    if (!start.empty() && start[0][0] && start[0][1] && start[0][2]) {
      (void)absl::SimpleAtoi(*start[0][0], &last_lsn);
      (void)absl::SimpleAtoi(*start[0][1], &last_seq);
      last_seq -= 1;  // So that the tail's first row is the one expected.
      previous_hash =
          *start[0][2];  // Taken as given: the tail's link to older rows is not checked.
      from = absl::StrCat(" AND (commit_lsn > ", last_lsn, " OR (commit_lsn = ", last_lsn,
                          " AND event_seq > ", last_seq, "))");
      report->tail_only = true;
    }
  }
  // One streaming query in chain order (an ordered index scan, merged across partitions):
  // linear in the chain's length, memory flat.
  absl::Status status = session.QueryEach(
      absl::StrCat("SELECT ", kColumns, " FROM data_change_audit WHERE source_db = ",
                   session.Quote(report->source_db), from, " ORDER BY commit_lsn, event_seq"),
      [&](const MySqlRow& row) {
        ++report->rows;
        uint64_t lsn = 0;
        uint64_t seq = 0;
        if (!row[kCommitLsn] || !absl::SimpleAtoi(*row[kCommitLsn], &lsn) || !row[kEventSeq] ||
            !absl::SimpleAtoi(*row[kEventSeq], &seq)) {
          report->broken = absl::StrCat("malformed position at ", Where(row));
          return false;
        }
        const uint64_t expected_seq = lsn == last_lsn ? last_seq + 1 : 1;
        if (seq != expected_seq) {
          report->broken =
              absl::StrCat("gap before ", Where(row), ": expected event_seq ", expected_seq);
          return false;
        }
        const std::string stored_prev = row[kPrevHash].value_or("");
        if (stored_prev != previous_hash && expected_seq == 1 && anchors.count(stored_prev) > 0) {
          previous_hash = stored_prev;  // Older rows were dropped by retention, on the record.
          ++report->restarts;
        }
        if (stored_prev != previous_hash) {
          report->broken = absl::StrCat(Where(row),
                                        ": prev_hash does not link to the previous row (a row "
                                        "before it was removed, added or altered)");
          return false;
        }
        CanonicalFields fields;
        for (size_t i = 0; i < kCanonicalFieldCount; ++i) {
          if (row[i]) fields[i] = absl::string_view(*row[i]);
        }
        if (ChainHash(previous_hash, fields) != row[kRowHash].value_or("")) {
          report->broken =
              absl::StrCat(Where(row), ": row_hash does not match the row's contents (altered)");
          return false;
        }
        previous_hash = *row[kRowHash];
        last_lsn = lsn;
        last_seq = seq;
        report->head = previous_hash;
        return true;
      });
  GENIMS_RETURN_IF_ERROR(status);
  if (!report->broken.empty()) return absl::OkStatus();
  if (position && (position->commit_lsn != last_lsn || position->event_seq != last_seq ||
                   position->last_row_hash != previous_hash)) {
    report->broken = absl::StrCat("the chain ends at commit ", Lsn::FromRaw(last_lsn).ToString(),
                                  " event_seq ", last_seq, " but sink_positions records commit ",
                                  Lsn::FromRaw(position->commit_lsn).ToString(), " event_seq ",
                                  position->event_seq, " (rows at the end were removed or added)");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<ChainReport>> VerifyAuditChains(MySqlSession& session,
                                                           const std::string& sink_name,
                                                           uint64_t tail_rows) {
  std::map<std::string, std::optional<StoredPosition>> databases;
  GENIMS_ASSIGN_OR_RETURN(std::vector<MySqlRow> positions,
                          session.Query(absl::StrCat("SELECT source_db, commit_lsn, event_seq, "
                                                     "last_row_hash FROM sink_positions WHERE "
                                                     "sink_name = ",
                                                     session.Quote(sink_name))));
  for (const MySqlRow& row : positions) {
    StoredPosition position;
    if (!row[0] || !row[1] || !absl::SimpleAtoi(*row[1], &position.commit_lsn) || !row[2] ||
        !absl::SimpleAtoi(*row[2], &position.event_seq)) {
      return absl::DataLossError("malformed row in sink_positions");
    }
    position.last_row_hash = row[3].value_or("");
    databases[*row[0]] = position;
  }
  GENIMS_ASSIGN_OR_RETURN(std::vector<MySqlRow> sources,
                          session.Query("SELECT DISTINCT source_db FROM data_change_audit"));
  // Chain anchors recorded by retention before it dropped a partition.
  std::map<std::string, std::set<std::string>> anchors;
  GENIMS_ASSIGN_OR_RETURN(
      std::vector<MySqlRow> anchor_rows,
      session.Query("SELECT j.source_db, j.row_hash FROM system_audit_log s, "
                    "JSON_TABLE(s.details, '$.anchors[*]' COLUMNS ("
                    "source_db VARCHAR(64) PATH '$.source_db', "
                    "row_hash VARCHAR(64) PATH '$.row_hash')) j "
                    "WHERE s.event_type = 'retention_drop' AND s.component = 'retention'"));
  for (const MySqlRow& row : anchor_rows) {
    if (row[0] && row[1]) anchors[*row[0]].insert(*row[1]);
  }
  for (const MySqlRow& row : sources) {
    if (row[0]) databases.emplace(*row[0], std::nullopt);
  }
  std::vector<ChainReport> reports;
  for (const auto& [database, position] : databases) {
    ChainReport report;
    report.source_db = database;
    GENIMS_RETURN_IF_ERROR(VerifyChain(session, position, anchors[database], tail_rows, &report));
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace genims
