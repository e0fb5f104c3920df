// MySqlSession: one MariaDB/MySQL connection (MariaDB Connector/C) with errors as
// absl::Status, for the sinks.
//
// Sessions run with time_zone '+00:00' and utf8mb4, autocommit on; a sink brackets each
// batch with Begin() and Commit() so that its rows and its position land in one transaction.
//
// Status codes follow the retry policy (STYLE.md):
//   kUnavailable         server unreachable, gone or restarting: reconnect and replay the batch
//   kAborted             deadlock or lock wait timeout: retry the transaction
//   kAlreadyExists       a unique key refused a row (ER_DUP_ENTRY)
//   kPermissionDenied    authentication or a privilege: stop for an operator
//   kResourceExhausted   disk or table full: stop and alert; nothing was committed
//   kFailedPrecondition  the database or a table is missing (genims-cdc setup creates them), or
//                        a trigger refused the statement
//                        (SIGNAL, e.g. an UPDATE of an append-only table)
//   kInternal            anything else
// Messages carry the server's text, never the password.
//
// Thread-safety: a session belongs to one thread at a time.
#ifndef GENIMS_SINK_MYSQL_SESSION_H_
#define GENIMS_SINK_MYSQL_SESSION_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

typedef struct st_mysql MYSQL;

namespace genims {

// Where a sink writes (the connector fills it from MYSQL_AUDIT_* / MYSQL_REPORTING_*).
struct MySqlTarget {
  std::string host;
  int port = 3306;
  std::string database;  // May be empty: connect without selecting one.
  std::string user;
  std::string password;
  std::string ssl_ca;  // When set: TLS, the server's certificate verified against this CA.
};

// A result set as text; a NULL is an empty optional.
using MySqlRow = std::vector<std::optional<std::string>>;

class MySqlSession {
 public:
  // Connects (10 s timeout). See the header comment for the codes.
  static absl::StatusOr<std::unique_ptr<MySqlSession>> Connect(const MySqlTarget& target);
  ~MySqlSession();
  MySqlSession(const MySqlSession&) = delete;
  MySqlSession& operator=(const MySqlSession&) = delete;

  // Runs one statement that returns no rows; returns the affected row count.
  absl::StatusOr<uint64_t> Execute(absl::string_view sql);
  // Runs a script of several statements separated by ';' (compound statements such as
  // BEGIN ... END are the server's to parse; no client DELIMITER lines). Stops at the first
  // failing statement and returns its error.
  absl::Status ExecuteScript(absl::string_view sql);
  // Runs `statement`, a LOAD DATA LOCAL INFILE, feeding it `data` from memory (no file);
  // returns the rows the server took and sets `warnings` (LOCAL turns bad values and duplicate
  // keys into warnings and skipped rows: callers must check both). The server must allow
  // local_infile: kFailedPrecondition when it does not, so that the caller can use INSERT.
  absl::StatusOr<uint64_t> LoadData(absl::string_view statement, absl::string_view data,
                                    unsigned int* warnings);
  // Runs one statement and calls `row` for each result row as it streams in (memory stays
  // flat however large the result); stops calling once `row` returns false.
  absl::Status QueryEach(absl::string_view sql, const std::function<bool(const MySqlRow&)>& row);
  // Runs one statement and returns all its rows.
  absl::StatusOr<std::vector<MySqlRow>> Query(absl::string_view sql);

  absl::Status Begin() { return Execute("START TRANSACTION").status(); }
  absl::Status Commit() { return Execute("COMMIT").status(); }
  // Best effort: a lost connection rolls back by itself.
  void Rollback();

  // `text` as a quoted SQL string literal for this connection's character set.
  std::string Quote(absl::string_view text);
  // Appends Quote(text) to `out` (no temporary string: batches quote megabytes).
  void AppendQuoted(absl::string_view text, std::string* out);

 private:
  struct Closer {
    void operator()(MYSQL* mysql) const;
  };
  explicit MySqlSession(std::unique_ptr<MYSQL, Closer> mysql) : mysql_(std::move(mysql)) {}
  absl::Status LastError(absl::string_view what) const;

  std::unique_ptr<MYSQL, Closer> mysql_;
};

}  // namespace genims

#endif  // GENIMS_SINK_MYSQL_SESSION_H_
