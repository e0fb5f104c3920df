#include "connector/config.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checkpoint/status_macros.h"

namespace genims {
namespace {

// PostgreSQL truncates identifiers and slot names to NAMEDATALEN - 1 bytes.
constexpr size_t kMaxIdentifierBytes = 63;

absl::Status Invalid(absl::string_view variable, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(variable, ": ", problem));
}

// Looks up configuration variables; a value of only whitespace counts as unset.
class Variables {
 public:
  explicit Variables(const EnvMap& env) : env_(env) {}

  std::optional<std::string> Get(absl::string_view name) const {
    auto it = env_.find(name);
    if (it == env_.end()) return std::nullopt;
    absl::string_view value = absl::StripAsciiWhitespace(it->second);
    if (value.empty()) return std::nullopt;
    return std::string(value);
  }

  absl::StatusOr<std::string> Required(absl::string_view name) const {
    std::optional<std::string> value = Get(name);
    if (!value) return Invalid(name, "is required but not set");
    return *value;
  }

  // Passwords are taken verbatim (spaces may be part of them) and never echoed. <NAME>_FILE,
  // when set, names a file holding the password instead (one trailing newline is dropped),
  // so that secrets need not live in the environment.
  absl::StatusOr<std::string> Password(absl::string_view name) const {
    const std::string file_variable = absl::StrCat(name, "_FILE");
    if (std::optional<std::string> file = Get(file_variable)) {
      std::ifstream in(*file, std::ios::binary);
      if (!in.is_open()) return Invalid(file_variable, absl::StrCat("cannot read ", *file));
      std::stringstream text;
      text << in.rdbuf();
      std::string password = text.str();
      if (!password.empty() && password.back() == '\n') password.pop_back();
      if (!password.empty() && password.back() == '\r') password.pop_back();
      return password;
    }
    auto it = env_.find(name);
    return it == env_.end() ? std::string() : it->second;
  }

  absl::Status Int(absl::string_view name, int min, int max, int* out) const {
    std::optional<std::string> text = Get(name);
    if (!text) return absl::OkStatus();
    int value = 0;
    if (!absl::SimpleAtoi(*text, &value) || value < min || value > max) {
      return Invalid(name, absl::StrCat("expected an integer from ", min, " to ", max, ", got \"",
                                        *text, "\""));
    }
    *out = value;
    return absl::OkStatus();
  }

  absl::Status Bool(absl::string_view name, bool* out) const {
    std::optional<std::string> text = Get(name);
    if (!text) return absl::OkStatus();
    const std::string lower = absl::AsciiStrToLower(*text);
    if (lower == "true" || lower == "1" || lower == "yes" || lower == "on") {
      *out = true;
    } else if (lower == "false" || lower == "0" || lower == "no" || lower == "off") {
      *out = false;
    } else {
      return Invalid(name, absl::StrCat("expected true or false, got \"", *text, "\""));
    }
    return absl::OkStatus();
  }

  absl::Status Seconds(absl::string_view name, int max, absl::Duration* out) const {
    int seconds = static_cast<int>(absl::ToInt64Seconds(*out));
    GENIMS_RETURN_IF_ERROR(Int(name, 0, max, &seconds));
    *out = absl::Seconds(seconds);
    return absl::OkStatus();
  }

 private:
  const EnvMap& env_;
};

bool IsPlainIdentifier(absl::string_view name) {
  if (name.empty() || name.size() > kMaxIdentifierBytes) return false;
  for (char c : name) {
    if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c) && c != '_') return false;
  }
  return true;
}

absl::StatusOr<PgEndpoint> LoadPg(const Variables& vars, absl::string_view prefix) {
  PgEndpoint pg;
  GENIMS_ASSIGN_OR_RETURN(pg.host, vars.Required(absl::StrCat(prefix, "HOST")));
  GENIMS_RETURN_IF_ERROR(vars.Int(absl::StrCat(prefix, "PORT"), 1, 65535, &pg.port));
  GENIMS_ASSIGN_OR_RETURN(pg.user, vars.Required(absl::StrCat(prefix, "USER")));
  GENIMS_ASSIGN_OR_RETURN(pg.password, vars.Password(absl::StrCat(prefix, "PASSWORD")));
  pg.sslmode = vars.Get(absl::StrCat(prefix, "SSLMODE")).value_or("");
  static constexpr const char* kModes[] = {"disable", "allow",     "prefer",
                                           "require", "verify-ca", "verify-full"};
  if (!pg.sslmode.empty() &&
      std::find(std::begin(kModes), std::end(kModes), pg.sslmode) == std::end(kModes)) {
    return Invalid(absl::StrCat(prefix, "SSLMODE"),
                   absl::StrCat("\"", pg.sslmode,
                                "\" is not one of disable, allow, prefer, require, verify-ca, "
                                "verify-full"));
  }
  pg.sslrootcert = vars.Get(absl::StrCat(prefix, "SSLROOTCERT")).value_or("");
  return pg;
}

absl::StatusOr<std::optional<MySqlEndpoint>> LoadMySql(const Variables& vars,
                                                       absl::string_view prefix) {
  if (!vars.Get(absl::StrCat(prefix, "HOST"))) return std::nullopt;
  MySqlEndpoint mysql;
  GENIMS_ASSIGN_OR_RETURN(mysql.host, vars.Required(absl::StrCat(prefix, "HOST")));
  GENIMS_RETURN_IF_ERROR(vars.Int(absl::StrCat(prefix, "PORT"), 1, 65535, &mysql.port));
  GENIMS_ASSIGN_OR_RETURN(mysql.database, vars.Required(absl::StrCat(prefix, "DB")));
  GENIMS_ASSIGN_OR_RETURN(mysql.user, vars.Required(absl::StrCat(prefix, "USER")));
  GENIMS_ASSIGN_OR_RETURN(mysql.password, vars.Password(absl::StrCat(prefix, "PASSWORD")));
  mysql.ssl_ca = vars.Get(absl::StrCat(prefix, "SSL_CA")).value_or("");
  return mysql;
}

// A comma-separated list; empty items are an error (they are usually a typo).
absl::StatusOr<std::vector<std::string>> LoadList(const Variables& vars, absl::string_view name) {
  std::vector<std::string> items;
  std::optional<std::string> text = vars.Get(name);
  if (!text) return items;
  for (absl::string_view item : absl::StrSplit(*text, ',')) {
    item = absl::StripAsciiWhitespace(item);
    if (item.empty()) return Invalid(name, "has an empty item in its comma-separated list");
    items.emplace_back(item);
  }
  return items;
}

// Patterns of 1 to `max_parts` dot-separated, non-empty parts.
absl::Status CheckNamePatterns(absl::string_view name, const std::vector<std::string>& patterns,
                               size_t max_parts) {
  for (const std::string& pattern : patterns) {
    const std::vector<absl::string_view> parts = absl::StrSplit(pattern, '.');
    bool empty_part = false;
    for (absl::string_view part : parts) empty_part = empty_part || part.empty();
    if (parts.size() > max_parts || empty_part) {
      return Invalid(
          name,
          absl::StrCat("\"", pattern, "\" is not a ",
                       max_parts == 3 ? "[schema.][table.]column" : "[schema.]table", " pattern"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckTablePatterns(absl::string_view name, const std::vector<std::string>& patterns) {
  for (const std::string& pattern : patterns) {
    const std::vector<absl::string_view> parts = absl::StrSplit(pattern, '.');
    if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
      return Invalid(name, absl::StrCat("\"", pattern, "\" is not a schema.table pattern"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckListen(absl::string_view listen) {
  const size_t colon = listen.rfind(':');
  int port = 0;
  if (colon == listen.npos || colon == 0 || !absl::SimpleAtoi(listen.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return Invalid("CDC_METRICS_LISTEN", absl::StrCat("expected host:port, got \"", listen, "\""));
  }
  return absl::OkStatus();
}

std::string DescribePassword(const std::string& password) {
  return password.empty() ? "(empty)" : "(set)";
}

}  // namespace

const std::vector<std::string>& GenimsDatabases() {
  static const auto* const kDatabases = new std::vector<std::string>{
      "genims_master_db",  "genims_operational_db", "genims_mes_db",      "genims_erp_db",
      "genims_wms_db",     "genims_tms_db",         "genims_cmms_db",     "genims_crm_db",
      "genims_service_db", "genims_hcm_db",         "genims_supplier_db", "genims_qms_db",
      "genims_planning_db"};
  return *kDatabases;
}

std::string Config::SlotName(absl::string_view database) const {
  absl::string_view short_name = database;
  if (absl::StartsWith(short_name, "genims_") && absl::EndsWith(short_name, "_db") &&
      short_name.size() > 10) {
    short_name.remove_prefix(7);
    short_name.remove_suffix(3);
  }
  return absl::StrCat(slot_prefix, short_name);
}

std::string Config::Describe() const {
  std::string text = absl::StrCat(
      "PostgreSQL primary  ", primary.user, "@", primary.host, ":", primary.port, " password ",
      DescribePassword(primary.password),
      pg_socket_dir.empty() ? "" : absl::StrCat(" (socket dir ", pg_socket_dir, ")"), "\n");
  if (replica) {
    absl::StrAppend(&text, "PostgreSQL replica  ", replica->user, "@", replica->host, ":",
                    replica->port, " password ", DescribePassword(replica->password), "\n");
  }
  for (const auto& [label, mysql] :
       {std::pair{"MySQL reporting     ", &reporting}, std::pair{"MySQL audit         ", &audit}}) {
    if (*mysql) {
      absl::StrAppend(&text, label, (*mysql)->user, "@", (*mysql)->host, ":", (*mysql)->port, "/",
                      (*mysql)->database, " password ", DescribePassword((*mysql)->password), "\n");
    } else {
      absl::StrAppend(&text, label, "(not configured)\n");
    }
  }
  absl::StrAppend(&text, "databases           ", absl::StrJoin(databases, ","), "\n");
  std::vector<std::string> slots;
  for (const std::string& database : databases) slots.push_back(SlotName(database));
  absl::StrAppend(&text, "slots               ", absl::StrJoin(slots, ","), "\n");
  absl::StrAppend(&text, "state dir           ", state_dir, "\n");
  absl::StrAppend(&text, "metrics listen      ", metrics_listen, "\n");
  absl::StrAppend(&text, "include tables      ",
                  include_tables.empty() ? "(all)" : absl::StrJoin(include_tables, ","), "\n");
  absl::StrAppend(&text, "exclude tables      ",
                  exclude_tables.empty() ? "(none)" : absl::StrJoin(exclude_tables, ","), "\n");
  absl::StrAppend(&text, "heartbeat           ",
                  heartbeat_interval == absl::ZeroDuration()
                      ? "off"
                      : absl::StrCat("every ", absl::FormatDuration(heartbeat_interval)),
                  "\n");
  absl::StrAppend(&text, "audit sensitive     ", absl::StrJoin(audit_sensitive_columns, ","),
                  audit_mask_changes ? " (masked in data_change_audit too)" : "", "\n");
  absl::StrAppend(&text, "audit config tables ", absl::StrJoin(audit_config_tables, ","), "\n");
  absl::StrAppend(&text, "audit bulk rows     ", audit_bulk_rows, "\n");
  absl::StrAppend(&text, "report definitions  ", report_dir, "\n");
  absl::StrAppend(&text, "batch size          ", batch_size, "\n");
  absl::StrAppend(&text, "error threshold     ", error_threshold, "\n");
  absl::StrAppend(&text, "retries             ", retry_count, " every ",
                  absl::FormatDuration(retry_delay), ", timeout ",
                  absl::FormatDuration(sync_timeout), "\n");
  return text;
}

MySqlTarget TargetOf(const MySqlEndpoint& endpoint, bool with_database) {
  return {endpoint.host, endpoint.port,     with_database ? endpoint.database : "",
          endpoint.user, endpoint.password, endpoint.ssl_ca};
}

absl::StatusOr<Config> LoadConfig(const EnvMap& env) {
  const Variables vars(env);
  Config config;
  GENIMS_ASSIGN_OR_RETURN(config.primary, LoadPg(vars, "PG_MASTER_"));
  if (vars.Get("PG_REPLICA_HOST")) {
    GENIMS_ASSIGN_OR_RETURN(config.replica, LoadPg(vars, "PG_REPLICA_"));
  }
  config.pg_socket_dir = vars.Get("CDC_PG_SOCKET_DIR").value_or("");
  GENIMS_ASSIGN_OR_RETURN(config.reporting, LoadMySql(vars, "MYSQL_REPORTING_"));
  GENIMS_ASSIGN_OR_RETURN(config.audit, LoadMySql(vars, "MYSQL_AUDIT_"));

  GENIMS_RETURN_IF_ERROR(vars.Int("ETL_BATCH_SIZE", 1, 1000000, &config.batch_size));
  GENIMS_RETURN_IF_ERROR(vars.Int("ETL_ERROR_THRESHOLD", 1, 1000000, &config.error_threshold));
  GENIMS_RETURN_IF_ERROR(vars.Int("DATA_SYNC_RETRY_COUNT", 0, 1000000, &config.retry_count));
  GENIMS_RETURN_IF_ERROR(vars.Seconds("DATA_SYNC_RETRY_DELAY", 86400, &config.retry_delay));
  GENIMS_RETURN_IF_ERROR(vars.Seconds("DATA_SYNC_TIMEOUT", 86400, &config.sync_timeout));
  GENIMS_RETURN_IF_ERROR(vars.Seconds("CDC_HEARTBEAT_INTERVAL", 86400, &config.heartbeat_interval));

  GENIMS_ASSIGN_OR_RETURN(config.databases, LoadList(vars, "CDC_DATABASES"));
  if (config.databases.empty()) config.databases = GenimsDatabases();
  config.slot_prefix = vars.Get("CDC_SLOT_PREFIX").value_or(config.slot_prefix);
  if (!IsPlainIdentifier(config.slot_prefix)) {
    return Invalid("CDC_SLOT_PREFIX", "may hold only lower-case letters, digits and '_'");
  }
  for (size_t i = 0; i < config.databases.size(); ++i) {
    const std::string& database = config.databases[i];
    if (!IsPlainIdentifier(database)) {
      return Invalid("CDC_DATABASES", absl::StrCat("\"", database,
                                                   "\" is not a plain database name (lower-case "
                                                   "letters, digits, '_', at most 63 bytes)"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (config.databases[j] == database) {
        return Invalid("CDC_DATABASES", absl::StrCat("\"", database, "\" is listed twice"));
      }
    }
    if (config.SlotName(database).size() > kMaxIdentifierBytes) {
      return Invalid("CDC_SLOT_PREFIX",
                     absl::StrCat("slot name for ", database, " would exceed 63 bytes"));
    }
  }
  config.state_dir = vars.Get("CDC_STATE_DIR").value_or(config.state_dir);
  config.metrics_listen = vars.Get("CDC_METRICS_LISTEN").value_or(config.metrics_listen);
  GENIMS_RETURN_IF_ERROR(CheckListen(config.metrics_listen));
  GENIMS_ASSIGN_OR_RETURN(config.include_tables, LoadList(vars, "CDC_INCLUDE_TABLES"));
  GENIMS_ASSIGN_OR_RETURN(config.exclude_tables, LoadList(vars, "CDC_EXCLUDE_TABLES"));
  GENIMS_RETURN_IF_ERROR(CheckTablePatterns("CDC_INCLUDE_TABLES", config.include_tables));
  GENIMS_RETURN_IF_ERROR(CheckTablePatterns("CDC_EXCLUDE_TABLES", config.exclude_tables));

  if (vars.Get("CDC_AUDIT_SENSITIVE_COLUMNS")) {
    GENIMS_ASSIGN_OR_RETURN(config.audit_sensitive_columns,
                            LoadList(vars, "CDC_AUDIT_SENSITIVE_COLUMNS"));
  }
  GENIMS_RETURN_IF_ERROR(
      CheckNamePatterns("CDC_AUDIT_SENSITIVE_COLUMNS", config.audit_sensitive_columns, 3));
  GENIMS_RETURN_IF_ERROR(vars.Bool("CDC_AUDIT_MASK_CHANGES", &config.audit_mask_changes));
  if (vars.Get("CDC_AUDIT_CONFIG_TABLES")) {
    GENIMS_ASSIGN_OR_RETURN(config.audit_config_tables, LoadList(vars, "CDC_AUDIT_CONFIG_TABLES"));
  }
  GENIMS_RETURN_IF_ERROR(
      CheckNamePatterns("CDC_AUDIT_CONFIG_TABLES", config.audit_config_tables, 2));
  GENIMS_RETURN_IF_ERROR(vars.Int("CDC_AUDIT_BULK_ROWS", 1, 1000000000, &config.audit_bulk_rows));
  config.report_dir = vars.Get("CDC_REPORT_DIR").value_or(GENIMS_DEFAULT_REPORT_DIR);
  config.audit_admin_user = vars.Get("CDC_AUDIT_ADMIN_USER").value_or("");
  GENIMS_ASSIGN_OR_RETURN(config.audit_admin_password, vars.Password("CDC_AUDIT_ADMIN_PASSWORD"));
  return config;
}

absl::StatusOr<EnvMap> MergedEnvironment(const std::string& env_file, const EnvMap& process) {
  EnvMap merged;
  if (!env_file.empty()) {
    GENIMS_ASSIGN_OR_RETURN(merged, ReadEnvFile(env_file));
  }
  for (const auto& [key, value] : process) merged.insert_or_assign(key, value);
  return merged;
}

}  // namespace genims
