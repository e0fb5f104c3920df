#include "connector/pg_connection.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace genims {
namespace {

// The session settings every value's text form depends on (see the header).
constexpr char kSessionOptions[] =
    "-c DateStyle=ISO -c TimeZone=UTC -c extra_float_digits=3 -c bytea_output=hex";

// libpq's messages may span lines ("...failed: Connection refused\n\tIs the server
// running..."); errors are printed as one line, so every run of whitespace that holds a line
// break becomes one space.
std::string OneLine(const char* message) {
  if (message == nullptr) return "(no message)";
  std::string line;
  bool pending_space = false;
  for (const char* c = message; *c != '\0'; ++c) {
    if (*c == '\n' || *c == '\r' || *c == '\t') {
      pending_space = true;
      continue;
    }
    if (pending_space && !line.empty() && line.back() != ' ') line.push_back(' ');
    pending_space = false;
    line.push_back(*c);
  }
  return std::string(absl::StripTrailingAsciiWhitespace(line));
}

// Maps a connection failure (no SQLSTATE) from its message.
absl::Status ConnectError(absl::string_view message) {
  if (absl::StrContains(message, "password authentication failed") ||
      absl::StrContains(message, "no pg_hba.conf entry") ||
      absl::StrContains(message, "must be superuser or replication role") ||
      absl::StrContains(message, "permission denied")) {
    return absl::PermissionDeniedError(message);
  }
  if (absl::StrContains(message, "does not exist")) {
    return absl::FailedPreconditionError(message);
  }
  return absl::UnavailableError(message);
}

}  // namespace

absl::StatusOr<std::unique_ptr<PgConnection>> PgConnection::Connect(const PgEndpoint& endpoint,
                                                                    absl::string_view socket_dir,
                                                                    absl::string_view database,
                                                                    ConnectionKind kind) {
  const std::string host = socket_dir.empty() ? endpoint.host : std::string(socket_dir);
  const std::string port = std::to_string(endpoint.port);
  const std::string dbname(database);
  std::vector<const char*> keys = {
      "host",           "port", "user", "dbname", "application_name", "options", "connect_timeout",
      "client_encoding"};
  std::vector<const char*> values = {host.c_str(),   port.c_str(), endpoint.user.c_str(),
                                     dbname.c_str(), "genims-cdc", kSessionOptions,
                                     "10",           "UTF8"};
  if (!endpoint.password.empty()) {
    keys.push_back("password");
    values.push_back(endpoint.password.c_str());
  }
  if (kind == ConnectionKind::kReplication) {
    keys.push_back("replication");
    values.push_back("database");
  }
  // TLS applies to TCP only; through the Unix socket (CDC_PG_SOCKET_DIR) there is none.
  if (!endpoint.sslmode.empty() && socket_dir.empty()) {
    keys.push_back("sslmode");
    values.push_back(endpoint.sslmode.c_str());
  }
  if (!endpoint.sslrootcert.empty()) {
    keys.push_back("sslrootcert");
    values.push_back(endpoint.sslrootcert.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  std::unique_ptr<PGconn, PgConnDeleter> conn(
      PQconnectdbParams(keys.data(), values.data(), /*expand_dbname=*/0));
  if (conn == nullptr) return absl::ResourceExhaustedError("libpq could not allocate");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return ConnectError(absl::StrCat("connecting to ", database, " at ", host, ":", port, " as ",
                                     endpoint.user, ": ", OneLine(PQerrorMessage(conn.get()))));
  }
  return std::unique_ptr<PgConnection>(new PgConnection(std::move(conn)));
}

PgConnection::~PgConnection() = default;

absl::Status PgConnection::ErrorStatus(const PGresult* result, absl::string_view what) const {
  const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const std::string message =
      absl::StrCat(what, ": ", primary ? OneLine(primary) : OneLine(PQerrorMessage(conn_.get())));
  if (PQstatus(conn_.get()) == CONNECTION_BAD || sqlstate == nullptr) {
    return absl::UnavailableError(message);
  }
  const absl::string_view code(sqlstate);
  if (code == "42501" && absl::StrContains(message, "may not be used as an output plugin")) {
    // 15.19+ refuses a plugin missing from output_plugin_libraries with SQLSTATE 42501, for
    // superusers too: no grant to the role helps, the server's configuration must change.
    return absl::FailedPreconditionError(message);
  }
  if (code == "42501" || absl::StartsWith(code, "28")) return absl::PermissionDeniedError(message);
  if (code == "42704") return absl::NotFoundError(message);
  if (code == "42710") return absl::AlreadyExistsError(message);
  if (absl::StartsWith(code, "08") || absl::StartsWith(code, "57P") || code == "53300") {
    return absl::UnavailableError(message);
  }
  if (code == "55000" || code == "55006" || absl::StartsWith(code, "3D") || code == "58P01" ||
      code == "53400") {
    // Object not in prerequisite state (wal_level), object in use (slot active elsewhere),
    // database missing, plugin library missing, all replication slots in use.
    return absl::FailedPreconditionError(message);
  }
  if (absl::StartsWith(code, "42")) return absl::InvalidArgumentError(message);
  return absl::InternalError(absl::StrCat(message, " (SQLSTATE ", code, ")"));
}

absl::StatusOr<PgRows> PgConnection::Query(absl::string_view sql) { return Query(sql, {}); }

absl::StatusOr<PgRows> PgConnection::Query(absl::string_view sql,
                                           const std::vector<std::string>& params) {
  const std::string statement(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const std::string& param : params) values.push_back(param.c_str());
  PgResult result(params.empty() ? PQexec(conn_.get(), statement.c_str())
                                 : PQexecParams(conn_.get(), statement.c_str(),
                                                static_cast<int>(values.size()), nullptr,
                                                values.data(), nullptr, nullptr, 0));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    const size_t cut = statement.find_first_of(" \n");
    return ErrorStatus(result.get(), statement.substr(0, cut == std::string::npos ? 40 : cut));
  }
  return PgRows(std::move(result));
}

std::string QuoteIdentifier(absl::string_view identifier) {
  std::string quoted = "\"";
  for (char c : identifier) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

}  // namespace genims
