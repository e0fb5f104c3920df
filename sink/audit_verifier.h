// AuditVerifier: `genims-cdc verify audit` (DESIGN "Tamper-evident").
//
// For each source database in data_change_audit or sink_positions, reads its rows in chain
// order (commit_lsn, event_seq), in pages, and checks:
//   - positions: within a transaction event_seq runs 1, 2, 3, ... without a gap;
//   - links: each row's prev_hash is the previous row's row_hash (64 zeros for the first), or,
//     where retention dropped older rows, the anchor it recorded in system_audit_log before;
//   - contents: row_hash = SHA-256(prev_hash || canonical row) (sink/audit_hash.h);
//   - tail: the last row is the position the sink recorded in sink_positions.
// The first failure of a database is reported with the row's audit_id and position; checking
// goes on with the next database.
//
// Thread-safety: one thread; the session is the caller's.
#ifndef GENIMS_SINK_AUDIT_VERIFIER_H_
#define GENIMS_SINK_AUDIT_VERIFIER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "sink/mysql_session.h"

namespace genims {

struct ChainReport {
  std::string source_db;
  uint64_t rows = 0;       // Rows checked (up to and including a broken one).
  std::string head;        // row_hash of the last row checked.
  int restarts = 0;        // Times the chain restarted from a retention anchor.
  bool tail_only = false;  // Only the last rows were checked (see VerifyAuditChains).
  std::string broken;      // Empty when intact; else what is wrong, naming the row.
  bool intact() const { return broken.empty(); }
};

// Verifies every chain, streaming each (memory stays flat). With `tail_rows` > 0 only the
// last tail_rows rows of each chain (a quick check: their contents, links and end; the link
// of the tail's first row to older rows is taken as given). Returns the reports, ordered by
// database, or the session's error.
absl::StatusOr<std::vector<ChainReport>> VerifyAuditChains(MySqlSession& session,
                                                           const std::string& sink_name,
                                                           uint64_t tail_rows = 0);

}  // namespace genims

#endif  // GENIMS_SINK_AUDIT_VERIFIER_H_
