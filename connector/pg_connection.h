// PgConnection: a libpq connection (normal or replication) with errors as absl::Status.
//
// Every session genims-cdc opens runs with DateStyle=ISO, TimeZone=UTC, extra_float_digits=3
// and bytea_output=hex (sent as startup options, so the walsender's output plugin sees them
// too): values then have one text form whatever the server's defaults are.
//
// Status codes follow the retry policy (STYLE.md):
//   kUnavailable         the server is unreachable, restarting or dropped us: retry later
//   kPermissionDenied    authentication failed or a privilege is missing: stop for an operator
//   kFailedPrecondition  the server cannot serve us as configured (wal_level, plugin not
//                        installed or not allowed by output_plugin_libraries, slot in use,
//                        no free slot, database missing): stop for an operator
//   kNotFound            the named object (slot) does not exist
//   kAlreadyExists       the named object already exists
//   kInvalidArgument     our SQL was wrong (a bug)
//   kInternal            anything else
// Messages carry the server's text, on one line, and never the password.
//
// Thread-safety: a connection belongs to one thread at a time.
#ifndef GENIMS_CONNECTOR_PG_CONNECTION_H_
#define GENIMS_CONNECTOR_PG_CONNECTION_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "connector/config.h"
#include "libpq-fe.h"

namespace genims {

struct PgResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

// A query's rows as text (NULL as an empty optional-less string plus a flag).
class PgRows {
 public:
  explicit PgRows(PgResult result) : result_(std::move(result)) {}
  int size() const { return PQntuples(result_.get()); }
  int columns() const { return PQnfields(result_.get()); }
  absl::string_view Get(int row, int column) const {
    return absl::string_view(PQgetvalue(result_.get(), row, column),
                             PQgetlength(result_.get(), row, column));
  }
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column); }
  // The column's index by name; -1 when absent.
  int Column(const char* name) const { return PQfnumber(result_.get(), name); }

 private:
  PgResult result_;
};

enum class ConnectionKind { kNormal, kReplication };

class PgConnection {
 public:
  // Connects to `database` on `endpoint`, through `socket_dir` when not empty. A replication
  // connection (replication=database) speaks the walsender protocol and can run
  // CREATE_REPLICATION_SLOT / START_REPLICATION as well as plain SQL.
  static absl::StatusOr<std::unique_ptr<PgConnection>> Connect(const PgEndpoint& endpoint,
                                                               absl::string_view socket_dir,
                                                               absl::string_view database,
                                                               ConnectionKind kind);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one statement (no parameters); returns its rows (none for commands).
  absl::StatusOr<PgRows> Query(absl::string_view sql);
  // Runs one statement with text parameters $1, $2, ...
  absl::StatusOr<PgRows> Query(absl::string_view sql, const std::vector<std::string>& params);

  // The raw handle, for the replication protocol (connector/replication_stream.h). Borrowed:
  // valid as long as this object.
  PGconn* raw() const { return conn_.get(); }
  int server_version() const { return PQserverVersion(conn_.get()); }

  // Converts a failed result (or a connection-level failure when result is null) into a
  // Status as described above, prefixed with `what`.
  absl::Status ErrorStatus(const PGresult* result, absl::string_view what) const;

 private:
  struct PgConnDeleter {
    void operator()(PGconn* conn) const { PQfinish(conn); }
  };
  explicit PgConnection(std::unique_ptr<PGconn, PgConnDeleter> conn) : conn_(std::move(conn)) {}

  std::unique_ptr<PGconn, PgConnDeleter> conn_;
};

// Quotes `identifier` for SQL ("a""b").
std::string QuoteIdentifier(absl::string_view identifier);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_PG_CONNECTION_H_
