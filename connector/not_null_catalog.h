// NotNullCatalog: which columns of one database are declared NOT NULL, so that a NULL in an
// old row (DELETE, and UPDATE columns the new row does not describe) can be recognised as a
// value wal2json 2.5 could not carry (NaN, Infinity) instead of passing for SQL NULL.
//
// wal2json's include-not-null describes the new row only; a DELETE's identity says nothing.
// The catalog is read from pg_attribute when a replication connection starts, and learns a
// table from the first new row the stream shows of it (tables created since); a column made
// NOT NULL later in a table already seen is known from the next connection on. It reflects the
// schema now, not when an old change was made: a column made NOT NULL after a row holding
// NULL was deleted flags that NULL as lost, the safe direction for an audit trail.
//
// Thread-safety: owned by one capture thread.
#ifndef GENIMS_CONNECTOR_NOT_NULL_CATALOG_H_
#define GENIMS_CONNECTOR_NOT_NULL_CATALOG_H_

#include <string>
#include <unordered_set>

#include "absl/status/status.h"
#include "checkpoint/change_event.h"
#include "connector/pg_connection.h"

namespace genims {

class NotNullCatalog {
 public:
  // Replaces the contents with the NOT NULL columns of every table of the connection's
  // database (a replication connection may run this simple query).
  absl::Status Load(PgConnection& connection);

  // Records what `change`'s new row declares, then marks its old row's NULLs in columns
  // known to be NOT NULL as special_value_lost (and counts them in lost_special_values).
  void Apply(RowChange* change);

  size_t size() const { return not_null_.size(); }

 private:
  static std::string Key(absl::string_view schema, absl::string_view table,
                         absl::string_view column);

  std::unordered_set<std::string> not_null_;
  std::unordered_set<std::string> learned_tables_;  // Tables learned from the stream.
  std::string last_schema_;                         // The table of the last change with a new row.
  std::string last_table_;
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_NOT_NULL_CATALOG_H_
