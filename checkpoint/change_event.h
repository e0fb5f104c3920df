// ChangeEvent: one decoded logical-replication message, independent of the output plugin.
//
// A decoder (decoder/wal2json_decoder.h today, a pgoutput decoder later) turns each message
// of the replication stream into exactly one ChangeEvent: the BEGIN of a transaction, one row
// change, one truncated table, one logical decoding message (pg_logical_emit_message), or the
// COMMIT. Everything downstream (spool, sinks) sees only these types; they live in checkpoint/,
// the module both the decoder and the sinks depend on, so that no sink depends on a decoder.
//
// Values are PostgreSQL's text output form (what `SELECT col::text` prints under the
// replication connection's DateStyle, TimeZone, extra_float_digits and bytea_output=hex):
// numeric digits exactly as printed, booleans "t"/"f", bytea "\x0aff", json/jsonb/arrays as
// their text. A value is never routed through a double.
//
// Ownership and lifetime: every absl::string_view in these structs is BORROWED from the
// decoder that filled the event, and stays valid only until that decoder's next Decode()
// call or its destruction. A consumer that keeps anything longer (the spool) copies it first.
// The vectors are owned by the event; decoders reuse their capacity when the same event is
// passed again, so steady-state decoding does not allocate.
//
// Thread-safety: plain data; no internal synchronization.
#ifndef GENIMS_CHECKPOINT_CHANGE_EVENT_H_
#define GENIMS_CHECKPOINT_CHANGE_EVENT_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "checkpoint/lsn.h"

namespace genims {

// Whether the column is declared NOT NULL, when the plugin said so (wal2json's
// include-not-null sends it for new-row columns only).
enum class NotNullDeclared : uint8_t { kUnknown, kYes, kNo };

struct ColumnValue {
  absl::string_view name;
  // The type as format_type_with_typemod() prints it ("numeric(10,2)", "text[]",
  // "public.mood"); empty when the plugin did not send type names.
  absl::string_view type_name;
  // pg_type OID; 0 when the plugin did not send it.
  uint32_t type_oid = 0;
  // PostgreSQL's text form of the value; empty (and meaningless) when is_null.
  absl::string_view value;
  bool is_null = false;
  NotNullDeclared not_null_declared = NotNullDeclared::kUnknown;
  // The plugin sent NULL for a column declared NOT NULL: the row held a value the plugin
  // cannot carry (wal2json 2.5 prints NaN, Infinity and -Infinity of numeric, real and
  // double precision as JSON null). The true value is unknown; it must never be recorded
  // silently as NULL.
  bool special_value_lost = false;
};

// BEGIN of a transaction. wal2json sends the commit record's LSNs already at BEGIN.
struct Begin {
  uint32_t xid = 0;  // 0 (InvalidTransactionId) when the plugin did not send it.
  Lsn commit_lsn;    // Start of the commit record.
  Lsn end_lsn;       // End of the commit record: the position to confirm once durable.
  std::optional<int64_t> commit_time_us;  // Microseconds since the Unix epoch, UTC.
};

// COMMIT of the transaction that the last Begin opened; same fields as Begin.
struct Commit {
  uint32_t xid = 0;
  Lsn commit_lsn;
  Lsn end_lsn;
  std::optional<int64_t> commit_time_us;
};

enum class ChangeOp : uint8_t { kInsert, kUpdate, kDelete };

// One row inserted, updated or deleted.
struct RowChange {
  ChangeOp op = ChangeOp::kInsert;
  Lsn lsn;  // The change record's LSN; not unique (see checkpoint/lsn.h).
  absl::string_view schema;
  absl::string_view table;
  // The new row (insert, update), columns in table order. In an update, an unchanged
  // TOASTed column is ABSENT: its value is only in old_columns (REPLICA IDENTITY FULL) or
  // nowhere (other identities). Consumers match columns by name.
  std::vector<ColumnValue> new_columns;
  // The old row's replica identity (update, delete): the whole old row under REPLICA
  // IDENTITY FULL, the key columns otherwise. May be empty for an update.
  std::vector<ColumnValue> old_columns;
  // Names of the primary key's columns, when the plugin sent them (wal2json include-pk);
  // empty with primary_key_sent == true for a table without a primary key.
  bool primary_key_sent = false;
  std::vector<absl::string_view> primary_key;
  // Number of columns (new and old) with special_value_lost set.
  int lost_special_values = 0;
};

// One table truncated. A TRUNCATE of several tables yields one Truncate per table, all with
// the same LSN.
struct Truncate {
  Lsn lsn;
  absl::string_view schema;
  absl::string_view table;
};

// A logical decoding message (pg_logical_emit_message). A transactional message arrives
// between its transaction's Begin and Commit and shares the LSN of the next change; a
// non-transactional one arrives on its own, outside any transaction.
struct LogicalMessage {
  bool transactional = false;
  absl::string_view prefix;
  absl::string_view content;
  Lsn lsn;
};

enum class EventKind : uint8_t { kBegin, kChange, kTruncate, kMessage, kCommit };

// The holder a decoder fills. Only the member named by `kind` is meaningful; the others are
// left over from earlier messages, their string_views possibly dangling: never read them.
// (Keeping them lets the vectors keep their capacity.)
struct ChangeEvent {
  EventKind kind = EventKind::kBegin;
  Begin begin;             // kind == kBegin
  RowChange change;        // kind == kChange
  Truncate truncate;       // kind == kTruncate
  LogicalMessage message;  // kind == kMessage
  Commit commit;           // kind == kCommit
};

}  // namespace genims

#endif  // GENIMS_CHECKPOINT_CHANGE_EVENT_H_
