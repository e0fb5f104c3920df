#include "sink/mysql_session.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace genims {
namespace {

absl::Status StatusFor(unsigned int code, std::string message) {
  switch (code) {
    case CR_CONNECTION_ERROR:
    case CR_CONN_HOST_ERROR:
    case CR_SERVER_GONE_ERROR:
    case CR_SERVER_LOST:
      return absl::UnavailableError(message);
    case ER_LOCK_DEADLOCK:
    case ER_LOCK_WAIT_TIMEOUT:
      return absl::AbortedError(message);
    case ER_DUP_ENTRY:
      return absl::AlreadyExistsError(message);
    case ER_ACCESS_DENIED_ERROR:
    case ER_DBACCESS_DENIED_ERROR:
    case ER_TABLEACCESS_DENIED_ERROR:
      return absl::PermissionDeniedError(message);
    case ER_DISK_FULL:
    case ER_RECORD_FILE_FULL:
      return absl::ResourceExhaustedError(message);
    case ER_BAD_DB_ERROR:
    case ER_NO_SUCH_TABLE:
    case ER_NOT_ALLOWED_COMMAND:
    case ER_SIGNAL_EXCEPTION:
      return absl::FailedPreconditionError(message);
    default:
      // Server shutdown and connection-refused variants arrive under several codes.
      if (code >= 2000 && code < 2100) return absl::UnavailableError(message);
      return absl::InternalError(absl::StrCat(message, " (error ", code, ")"));
  }
}

// The first words of a statement, to name it in an error without echoing its values:
// "START TRANSACTION", "INSERT INTO data_change_audit".
absl::string_view StatementName(absl::string_view sql) {
  size_t end = 0;
  for (int words = 0; words < 3 && end != absl::string_view::npos; ++words) {
    end = sql.find_first_of(" \n(", end == 0 ? 0 : end + 1);
    if (end != absl::string_view::npos && sql[end] == '(') break;
  }
  return sql.substr(0, std::min(end, sql.size()));
}

}  // namespace

void MySqlSession::Closer::operator()(MYSQL* mysql) const { mysql_close(mysql); }

absl::StatusOr<std::unique_ptr<MySqlSession>> MySqlSession::Connect(const MySqlTarget& target) {
  std::unique_ptr<MYSQL, Closer> mysql(mysql_init(nullptr));
  if (mysql == nullptr) return absl::ResourceExhaustedError("mysql_init failed");
  const unsigned int timeout_seconds = 10;
  mysql_options(mysql.get(), MYSQL_OPT_CONNECT_TIMEOUT, &timeout_seconds);
  // A server that stops answering mid-statement is treated as gone (kUnavailable) after a
  // minute instead of hanging the sink; statements of one batch take far less.
  const unsigned int io_timeout_seconds = 60;
  mysql_options(mysql.get(), MYSQL_OPT_READ_TIMEOUT, &io_timeout_seconds);
  mysql_options(mysql.get(), MYSQL_OPT_WRITE_TIMEOUT, &io_timeout_seconds);
  mysql_options(mysql.get(), MYSQL_SET_CHARSET_NAME, "utf8mb4");
  mysql_options(mysql.get(), MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
  // LOAD DATA LOCAL from memory only: the handler below never opens a file.
  const unsigned int local_infile = 1;
  mysql_options(mysql.get(), MYSQL_OPT_LOCAL_INFILE, &local_infile);
  if (!target.ssl_ca.empty()) {
    const my_bool verify = 1;
    mysql_options(mysql.get(), MYSQL_OPT_SSL_CA, target.ssl_ca.c_str());
    mysql_options(mysql.get(), MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
  }
  if (mysql_real_connect(mysql.get(), target.host.c_str(), target.user.c_str(),
                         target.password.c_str(),
                         target.database.empty() ? nullptr : target.database.c_str(),
                         static_cast<unsigned int>(target.port), nullptr, 0) == nullptr) {
    return StatusFor(
        mysql_errno(mysql.get()),
        absl::StrCat("connecting to MariaDB at ", target.host, ":", target.port, " as ",
                     target.user, target.ssl_ca.empty() ? "" : " (TLS, CA " + target.ssl_ca + ")",
                     ": ", mysql_error(mysql.get())));
  }
  return std::unique_ptr<MySqlSession>(new MySqlSession(std::move(mysql)));
}

MySqlSession::~MySqlSession() = default;

absl::Status MySqlSession::LastError(absl::string_view what) const {
  return StatusFor(mysql_errno(mysql_.get()), absl::StrCat(what, ": ", mysql_error(mysql_.get())));
}

absl::StatusOr<uint64_t> MySqlSession::Execute(absl::string_view sql) {
  if (mysql_real_query(mysql_.get(), sql.data(), sql.size()) != 0) {
    return LastError(StatementName(sql));
  }
  // A statement that unexpectedly returned rows: drain them so the connection stays usable.
  if (MYSQL_RES* result = mysql_store_result(mysql_.get()); result != nullptr) {
    mysql_free_result(result);
  }
  return static_cast<uint64_t>(mysql_affected_rows(mysql_.get()));
}

namespace {

// The LOAD DATA LOCAL source: a buffer in memory. The file name the server asks for is
// ignored, so no file of the client can ever be read.
struct InfileSource {
  absl::string_view data;
  size_t offset = 0;
};

int InfileInit(void** state, const char* /*filename*/, void* source) {
  *state = source;
  return 0;
}

int InfileRead(void* state, char* buffer, unsigned int length) {
  InfileSource* source = static_cast<InfileSource*>(state);
  const size_t n = std::min<size_t>(length, source->data.size() - source->offset);
  std::memcpy(buffer, source->data.data() + source->offset, n);
  source->offset += n;
  return static_cast<int>(n);
}

void InfileEnd(void* /*state*/) {}

int InfileError(void* /*state*/, char* message, unsigned int length) {
  std::snprintf(message, length, "reading the in-memory batch");
  return CR_UNKNOWN_ERROR;
}

}  // namespace

absl::StatusOr<uint64_t> MySqlSession::LoadData(absl::string_view statement, absl::string_view data,
                                                unsigned int* warnings) {
  InfileSource source{data, 0};
  mysql_set_local_infile_handler(mysql_.get(), InfileInit, InfileRead, InfileEnd, InfileError,
                                 &source);
  const int failed = mysql_real_query(mysql_.get(), statement.data(), statement.size());
  mysql_set_local_infile_default(mysql_.get());
  if (failed != 0) return LastError(StatementName(statement));
  *warnings = mysql_warning_count(mysql_.get());
  return static_cast<uint64_t>(mysql_affected_rows(mysql_.get()));
}

absl::Status MySqlSession::ExecuteScript(absl::string_view sql) {
  if (mysql_set_server_option(mysql_.get(), MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0) {
    return LastError("enabling multi-statements");
  }
  absl::Status status;
  if (mysql_real_query(mysql_.get(), sql.data(), sql.size()) != 0) {
    status = LastError("script");
  } else {
    for (;;) {
      MYSQL_RES* result = mysql_store_result(mysql_.get());
      if (result != nullptr) mysql_free_result(result);
      const int next = mysql_next_result(mysql_.get());
      if (next == -1) break;  // No more results.
      if (next > 0) {
        status = LastError("script");
        break;
      }
    }
  }
  if (mysql_set_server_option(mysql_.get(), MYSQL_OPTION_MULTI_STATEMENTS_OFF) != 0 &&
      status.ok()) {
    status = LastError("disabling multi-statements");
  }
  return status;
}

absl::StatusOr<std::vector<MySqlRow>> MySqlSession::Query(absl::string_view sql) {
  if (mysql_real_query(mysql_.get(), sql.data(), sql.size()) != 0) {
    return LastError(StatementName(sql));
  }
  std::unique_ptr<MYSQL_RES, void (*)(MYSQL_RES*)> result(mysql_store_result(mysql_.get()),
                                                          mysql_free_result);
  std::vector<MySqlRow> rows;
  if (result == nullptr) {
    if (mysql_field_count(mysql_.get()) != 0) return LastError("reading result");
    return rows;
  }
  const unsigned int fields = mysql_num_fields(result.get());
  while (MYSQL_ROW row = mysql_fetch_row(result.get())) {
    const unsigned long* lengths = mysql_fetch_lengths(result.get());
    MySqlRow& out = rows.emplace_back(fields);
    for (unsigned int i = 0; i < fields; ++i) {
      if (row[i] != nullptr) out[i] = std::string(row[i], lengths[i]);
    }
  }
  return rows;
}

absl::Status MySqlSession::QueryEach(absl::string_view sql,
                                     const std::function<bool(const MySqlRow&)>& row) {
  if (mysql_real_query(mysql_.get(), sql.data(), sql.size()) != 0) {
    return LastError(StatementName(sql));
  }
  std::unique_ptr<MYSQL_RES, void (*)(MYSQL_RES*)> result(mysql_use_result(mysql_.get()),
                                                          mysql_free_result);
  if (result == nullptr) {
    if (mysql_field_count(mysql_.get()) != 0) return LastError("reading result");
    return absl::OkStatus();
  }
  const unsigned int fields = mysql_num_fields(result.get());
  MySqlRow out(fields);
  bool wanted = true;
  while (MYSQL_ROW values = mysql_fetch_row(result.get())) {
    if (!wanted) continue;  // The rest must still be read off the connection.
    const unsigned long* lengths = mysql_fetch_lengths(result.get());
    for (unsigned int i = 0; i < fields; ++i) {
      if (values[i] != nullptr) {
        out[i] = std::string(values[i], lengths[i]);
      } else {
        out[i].reset();
      }
    }
    wanted = row(out);
  }
  if (mysql_errno(mysql_.get()) != 0) return LastError("reading result");
  return absl::OkStatus();
}

void MySqlSession::Rollback() {
  const absl::StatusOr<uint64_t> ignored = Execute("ROLLBACK");
  (void)ignored;
}

std::string MySqlSession::Quote(absl::string_view text) {
  std::string quoted;
  AppendQuoted(text, &quoted);
  return quoted;
}

void MySqlSession::AppendQuoted(absl::string_view text, std::string* out) {
  const size_t start = out->size();
  out->resize(start + text.size() * 2 + 2);
  (*out)[start] = '\'';
  const unsigned long length =
      mysql_real_escape_string(mysql_.get(), out->data() + start + 1, text.data(), text.size());
  out->resize(start + 1 + length);
  out->push_back('\'');
}

}  // namespace genims
