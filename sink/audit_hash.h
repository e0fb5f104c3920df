// The audit hash chain: row_hash = hex(SHA-256(prev_hash || canonical row)), per source
// database (DESIGN "Tamper-evident").
//
// The canonical row is the sequence of the row's fields below, each written as
// `<byte length>:<bytes>`, or `-` for SQL NULL, with nothing between them. The fields are the
// row's columns exactly as stored in data_change_audit, as MariaDB's text protocol returns
// them, so that anyone can recompute a hash from the table alone (sql/audit/README.md shows
// the same computation in SQL):
//   source_db, source_schema, source_table, operation, primary_key, old_values, new_values,
//   changed_columns, transaction_id, commit_lsn (decimal), event_seq, commit_time
//   ('YYYY-MM-DD HH:MM:SS.ffffff'), user_id, user_source, masked_columns, lost_values
// audit_id and captured_at are not covered: they are assigned at insert time.
//
// Thread-safety: pure functions.
#ifndef GENIMS_SINK_AUDIT_HASH_H_
#define GENIMS_SINK_AUDIT_HASH_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "sink/audit_batch.h"

namespace genims {

inline constexpr size_t kCanonicalFieldCount = 16;
using CanonicalFields = std::array<std::optional<absl::string_view>, kCanonicalFieldCount>;

// 'YYYY-MM-DD HH:MM:SS.ffffff', UTC: how MariaDB prints a DATETIME(6).
std::string FormatCommitTime(int64_t unix_micros);

// hex(SHA-256(prev_hash || canonical(fields))), lower case.
std::string ChainHash(absl::string_view prev_hash, const CanonicalFields& fields);

// The hash `row` must carry given its prev_hash (the fields as the store will write them).
std::string AuditRowHash(const AuditRow& row);

}  // namespace genims

#endif  // GENIMS_SINK_AUDIT_HASH_H_
