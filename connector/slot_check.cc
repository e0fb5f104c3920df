#include "connector/slot_check.h"

#include <unistd.h>

#include <algorithm>
#include <memory>
#include <set>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "checkpoint/status_macros.h"
#include "connector/pg_connection.h"
#include "connector/slot_admin.h"
#include "connector/table_filter.h"

namespace genims {
namespace {

constexpr int kMinServerVersion = 150000;
// A FAIL line names at most this many tables (and counts the rest).
constexpr size_t kTablesNamed = 10;
// How long the test slot may wait for the transactions running when it is created.
constexpr char kTestSlotTimeout[] = "30s";

CheckLine Ok(std::string name, std::string detail) {
  return {CheckSeverity::kOk, std::move(name), std::move(detail)};
}
CheckLine Warn(std::string name, std::string detail) {
  return {CheckSeverity::kWarn, std::move(name), std::move(detail)};
}
CheckLine Fail(std::string name, std::string detail) {
  return {CheckSeverity::kFail, std::move(name), std::move(detail)};
}

std::string SqlName(const TableFacts& table) {
  return absl::StrCat(table.schema, ".", table.table);
}

// "a, b, c" for at most kTablesNamed items, then " and N more".
std::string Enumerate(const std::vector<std::string>& items, absl::string_view separator) {
  std::vector<std::string> named(items.begin(),
                                 items.begin() + std::min(items.size(), kTablesNamed));
  std::string text = absl::StrJoin(named, separator);
  if (items.size() > named.size())
    absl::StrAppend(&text, " and ", items.size() - named.size(), " more");
  return text;
}

// "1 table", "2 tables".
std::string Count(size_t n, absl::string_view noun) {
  return absl::StrCat(n, " ", noun, n == 1 ? "" : "s");
}

std::string Where(const Config& config) {
  return absl::StrCat(
      config.primary.host, ":", config.primary.port,
      config.pg_socket_dir.empty() ? "" : absl::StrCat(" (socket in ", config.pg_socket_dir, ")"),
      " as ", config.primary.user);
}

CheckLine ReachableFailure(const absl::Status& status) {
  std::string fix =
      "start PostgreSQL, or correct PG_MASTER_HOST, PG_MASTER_PORT and CDC_PG_SOCKET_DIR";
  if (absl::IsPermissionDenied(status) || absl::StrContains(status.message(), "role \"")) {
    fix = "correct PG_MASTER_USER and PG_MASTER_PASSWORD, or let the role in through pg_hba.conf";
  } else if (absl::IsFailedPrecondition(status)) {
    fix = "create the databases of CDC_DATABASES, or list existing ones";
  }
  return Fail("server reachable", absl::StrCat(status.message(), "; fix: ", fix));
}

// The catalog facts of every captured table of the connected database.
absl::StatusOr<std::vector<TableFacts>> CapturedTables(PgConnection& connection,
                                                       const TableFilter& filter) {
  // Only ordinary, logged tables produce changes (a partitioned table's changes are its
  // partitions'; unlogged and temporary tables are not in the WAL).
  GENIMS_ASSIGN_OR_RETURN(
      PgRows rows,
      connection.Query(
          "SELECT n.nspname, c.relname, quote_ident(n.nspname), quote_ident(c.relname), "
          "  c.relreplident, "
          "  EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary), "
          "  EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident), "
          "  has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') "
          "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
          "WHERE c.relkind = 'r' AND c.relpersistence = 'p' "
          "  AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' "
          "ORDER BY 1, 2"));
  std::vector<TableFacts> tables;
  for (int row = 0; row < rows.size(); ++row) {
    if (!filter.Captures(rows.Get(row, 0), rows.Get(row, 1))) continue;
    TableFacts table;
    table.schema = std::string(rows.Get(row, 2));
    table.table = std::string(rows.Get(row, 3));
    table.replica_identity = rows.Get(row, 4).empty() ? 'd' : rows.Get(row, 4)[0];
    table.has_primary_key = rows.Get(row, 5) == "t";
    table.has_identity_index = rows.Get(row, 6) == "t";
    table.readable = rows.Get(row, 7) == "t";
    tables.push_back(std::move(table));
  }
  return tables;
}

// Proves wal2json installed and allowed the one sure way: a temporary slot created with it
// (then dropped; the server would drop it with the session anyway).
CheckLine Wal2jsonCheck(PgConnection& connection, const Config& config, absl::string_view user_sql,
                        int server_major) {
  const std::string name = "wal2json";
  absl::StatusOr<std::optional<std::string>> libraries = ReadPluginLibraries(connection);
  std::string libraries_text;
  if (!libraries.ok()) {
    libraries_text = absl::StrCat("output_plugin_libraries is not visible to ", config.primary.user,
                                  " (superuser or pg_read_all_settings only)");
  } else if (!libraries->has_value()) {
    libraries_text = "server predates output_plugin_libraries: every installed plugin is allowed";
  } else {
    libraries_text = absl::StrCat("output_plugin_libraries = '", **libraries, "'");
  }
  const std::string slot_name = absl::StrCat(config.slot_prefix, "check_", getpid()).substr(0, 63);
  absl::Status created =
      connection.Query(absl::StrCat("SET statement_timeout = '", kTestSlotTimeout, "'")).status();
  if (created.ok()) {
    created = connection
                  .Query("SELECT pg_create_logical_replication_slot($1, $2, temporary => true)",
                         {slot_name, kOutputPlugin})
                  .status();
  }
  if (created.ok()) {
    absl::Status dropped =
        connection.Query("SELECT pg_drop_replication_slot($1)", {slot_name}).status();
    connection.Query("RESET statement_timeout").status().IgnoreError();
    if (!dropped.ok()) {
      return Warn(name, absl::StrCat("installed and allowed, but the test slot ", slot_name,
                                     " could not be dropped (", dropped.message(),
                                     "); it goes with the session; ", libraries_text));
    }
    return Ok(name, absl::StrCat("installed and allowed (a temporary ", kOutputPlugin,
                                 " slot was created and dropped); ", libraries_text));
  }
  connection.Query("RESET statement_timeout").status().IgnoreError();
  const absl::string_view message = created.message();
  if (absl::StrContains(message, "statement timeout")) {
    return Warn(name, absl::StrCat("not proven: the test slot waited ", kTestSlotTimeout,
                                   " for the transactions running now to end; run the check "
                                   "again when no long transaction is open"));
  }
  if (absl::StrContains(message, "all replication slots are in use")) {
    return Warn(name,
                "not proven: no replication slot is free for a test slot (see "
                "max_replication_slots)");
  }
  const std::string fix =
      SlotFailureFix(created, libraries.ok() ? *libraries : std::nullopt, server_major, user_sql);
  const absl::string_view server_says = absl::StripPrefix(message, "SELECT: ");
  if (absl::StrContains(message, "may not be used as an output plugin")) {
    // The server checks the list before it loads the library: whether wal2json is installed
    // shows only once it is allowed.
    return Fail(name, absl::StrCat("not allowed by the server (", libraries_text,
                                   "; installed or not shows once allowed)", fix));
  }
  if (absl::StrContains(message, "could not access file")) {
    return Fail(name, absl::StrCat("not installed on the server (", server_says, ")", fix));
  }
  return Fail(name, absl::StrCat("a test slot failed: ", server_says,
                                 fix.empty() ? "; fix: see the server's log" : fix));
}

// The three checks of one configured database, appended to the given lines.
void CheckDatabase(const Config& config, const TableFilter& filter, const std::string& database,
                   absl::string_view user_sql, std::vector<CheckLine>* databases,
                   std::vector<CheckLine>* identities, std::vector<CheckLine>* privileges) {
  const std::string name = absl::StrCat("database ", database);
  absl::StatusOr<std::unique_ptr<PgConnection>> connection = PgConnection::Connect(
      config.primary, config.pg_socket_dir, database, ConnectionKind::kNormal);
  if (!connection.ok()) {
    const absl::string_view message = connection.status().message();
    std::string fix = "see the server's log";
    if (absl::StrContains(message, "does not exist")) {
      fix = absl::StrCat("create it (and load its tables), or remove it from CDC_DATABASES");
    } else if (absl::IsPermissionDenied(connection.status())) {
      fix = absl::StrCat("GRANT CONNECT ON DATABASE ", QuoteIdentifier(database), " TO ", user_sql);
    }
    databases->push_back(Fail(name, absl::StrCat(message, "; fix: ", fix)));
    return;
  }
  absl::StatusOr<std::vector<TableFacts>> tables = CapturedTables(**connection, filter);
  if (!tables.ok()) {
    databases->push_back(Fail(
        name, absl::StrCat("connected, but reading its catalog failed: ", tables.status().message(),
                           "; fix: see the server's log")));
    return;
  }
  databases->push_back(Ok(name, "exists and accepts the connection"));
  identities->push_back(ReplicaIdentityCheck(database, *tables));
  privileges->push_back(SelectPrivilegeCheck(database, user_sql, *tables));
}

}  // namespace

std::vector<CheckLine> RunSlotCheck(const Config& config) {
  std::vector<CheckLine> lines;
  absl::StatusOr<std::unique_ptr<PgConnection>> admin = ConnectForAdmin(config);
  if (!admin.ok()) {
    lines.push_back(ReachableFailure(admin.status()));
    return lines;
  }
  PgConnection& connection = **admin;
  lines.push_back(Ok("server reachable", Where(config)));

  absl::StatusOr<PgRows> settings = connection.Query(
      "SELECT current_setting('server_version'), current_setting('server_version_num'), "
      "  current_setting('wal_level'), current_setting('max_replication_slots'), "
      "  current_setting('max_wal_senders'), current_setting('max_slot_wal_keep_size'), "
      "  (SELECT count(*) FROM pg_stat_replication), r.rolreplication, r.rolsuper, "
      "  quote_ident(r.rolname) "
      "FROM pg_roles r WHERE r.rolname = current_user");
  absl::StatusOr<PgRows> slots =
      connection.Query("SELECT slot_name, active FROM pg_replication_slots");
  if (!settings.ok() || !slots.ok() || settings->size() != 1) {
    const absl::Status error = !settings.ok() ? settings.status()
                               : !slots.ok()  ? slots.status()
                                              : absl::NotFoundError("current_user not in pg_roles");
    lines.push_back(Fail("server settings", absl::StrCat("cannot be read: ", error.message(),
                                                         "; fix: see the server's log")));
    return lines;
  }
  int version = 0;
  int max_slots = 0;
  int max_senders = 0;
  int walsenders = 0;
  if (!absl::SimpleAtoi(settings->Get(0, 1), &version) ||
      !absl::SimpleAtoi(settings->Get(0, 3), &max_slots) ||
      !absl::SimpleAtoi(settings->Get(0, 4), &max_senders) ||
      !absl::SimpleAtoi(settings->Get(0, 6), &walsenders)) {
    lines.push_back(Fail("server settings", "unexpected values; fix: see the server's log"));
    return lines;
  }
  const std::string server_version(settings->Get(0, 0));
  if (version >= kMinServerVersion) {
    lines.push_back(Ok("server version", absl::StrCat("PostgreSQL ", server_version)));
  } else {
    lines.push_back(Fail("server version",
                         absl::StrCat("PostgreSQL ", server_version,
                                      "; genims-cdc needs 15 or later; fix: upgrade the server")));
  }
  const bool logical = settings->Get(0, 2) == "logical";
  if (logical) {
    lines.push_back(Ok("wal_level", "logical"));
  } else {
    lines.push_back(Fail("wal_level", absl::StrCat(settings->Get(0, 2),
                                                   "; fix: set wal_level = logical in "
                                                   "postgresql.conf and restart PostgreSQL")));
  }

  std::set<std::string> our_slots;
  for (const std::string& database : config.databases) our_slots.insert(config.SlotName(database));
  int other_slots = 0;
  int our_active = 0;
  for (int row = 0; row < slots->size(); ++row) {
    if (our_slots.count(std::string(slots->Get(row, 0))) == 0) {
      ++other_slots;
    } else if (slots->Get(row, 1) == "t") {
      ++our_active;
    }
  }
  const int ours = static_cast<int>(config.databases.size());
  lines.push_back(
      CapacityCheck("max_replication_slots", max_slots, ours, other_slots, "other slot"));
  lines.push_back(CapacityCheck("max_wal_senders", max_senders, ours, walsenders - our_active,
                                "other running walsender"));

  const bool can_replicate = settings->Get(0, 7) == "t" || settings->Get(0, 8) == "t";
  const std::string& user = config.primary.user;
  const std::string user_sql(settings->Get(0, 9));
  if (settings->Get(0, 8) == "t") {
    lines.push_back(Ok("REPLICATION privilege",
                       absl::StrCat(user, " is a superuser (REPLICATION alone is enough)")));
  } else if (can_replicate) {
    lines.push_back(Ok("REPLICATION privilege", absl::StrCat(user, " has REPLICATION")));
  } else {
    lines.push_back(Fail("REPLICATION privilege",
                         absl::StrCat(user, " lacks REPLICATION; fix: as a superuser, ALTER ROLE ",
                                      user_sql, " REPLICATION")));
  }

  if (!logical || !can_replicate) {
    lines.push_back(
        Warn("wal2json", absl::StrCat("not proven: a test slot needs ",
                                      logical ? "the REPLICATION privilege" : "wal_level = logical",
                                      " (see above)")));
  } else {
    lines.push_back(Wal2jsonCheck(connection, config, user_sql, version / 10000));
  }
  lines.push_back(WalKeepSizeCheck(settings->Get(0, 5)));

  const TableFilter filter(config.include_tables, config.exclude_tables);
  std::vector<CheckLine> databases;
  std::vector<CheckLine> identities;
  std::vector<CheckLine> privileges;
  for (const std::string& database : config.databases) {
    CheckDatabase(config, filter, database, user_sql, &databases, &identities, &privileges);
  }
  for (auto* group : {&databases, &identities, &privileges}) {
    lines.insert(lines.end(), group->begin(), group->end());
  }
  return lines;
}

std::string FormatCheckReport(const std::vector<CheckLine>& lines) {
  size_t width = 0;
  for (const CheckLine& line : lines) width = std::max(width, line.name.size());
  std::string report;
  for (const CheckLine& line : lines) {
    switch (line.severity) {
      case CheckSeverity::kOk:
        report.append("ok   ");
        break;
      case CheckSeverity::kWarn:
        report.append("warn ");
        break;
      case CheckSeverity::kFail:
        report.append("FAIL ");
        break;
    }
    absl::StrAppend(&report, line.name, std::string(width - line.name.size() + 2, ' '), line.detail,
                    "\n");
  }
  return report;
}

int CountFailures(const std::vector<CheckLine>& lines) {
  return static_cast<int>(std::count_if(lines.begin(), lines.end(), [](const CheckLine& line) {
    return line.severity == CheckSeverity::kFail;
  }));
}

CheckLine ReplicaIdentityCheck(absl::string_view database, const std::vector<TableFacts>& tables) {
  const std::string name = absl::StrCat("replica identity ", database);
  if (tables.empty()) {
    return Warn(name,
                "no captured tables (the database is empty, or CDC_INCLUDE_TABLES / "
                "CDC_EXCLUDE_TABLES leave none)");
  }
  int full = 0;
  int keyed = 0;
  int index = 0;
  std::vector<std::string> lossy;
  std::vector<std::string> fixes;
  for (const TableFacts& table : tables) {
    const char* why = nullptr;
    switch (table.replica_identity) {
      case 'f':
        ++full;
        break;
      case 'd':
        if (table.has_primary_key) {
          ++keyed;
        } else {
          why = "DEFAULT without primary key";
        }
        break;
      case 'i':
        if (table.has_identity_index) {
          ++index;
        } else {
          why = "INDEX whose index is gone";
        }
        break;
      case 'n':
        why = "NOTHING";
        break;
      default:
        why = "unknown replica identity";
    }
    if (why == nullptr) continue;
    lossy.push_back(absl::StrCat(SqlName(table), " (", why, ")"));
    fixes.push_back(absl::StrCat("ALTER TABLE ", SqlName(table), " REPLICA IDENTITY FULL"));
  }
  if (!lossy.empty()) {
    return Fail(name, absl::StrCat(lossy.size(), " of ", Count(tables.size(), "captured table"),
                                   " lose UPDATEs and DELETEs in wal2json: ",
                                   Enumerate(lossy, ", "), "; fix: ", Enumerate(fixes, "; ")));
  }
  std::vector<std::string> kinds;
  if (full > 0) kinds.push_back(absl::StrCat(full, " FULL"));
  if (keyed > 0) kinds.push_back(absl::StrCat(keyed, " DEFAULT with primary key"));
  if (index > 0) kinds.push_back(absl::StrCat(index, " USING INDEX"));
  std::string detail =
      absl::StrCat(Count(tables.size(), "captured table"), ": ", absl::StrJoin(kinds, ", "));
  if (keyed + index > 0) {
    absl::StrAppend(&detail, " (UPDATE/DELETE of ", keyed + index == 1 ? "that one" : "those",
                    " carry only the old values of key columns)");
  }
  return Ok(name, detail);
}

CheckLine SelectPrivilegeCheck(absl::string_view database, absl::string_view user,
                               const std::vector<TableFacts>& tables) {
  const std::string name = absl::StrCat("SELECT privilege ", database);
  std::vector<std::string> unreadable;
  std::set<std::string> schemas;  // As SQL.
  for (const TableFacts& table : tables) {
    if (table.readable) continue;
    unreadable.push_back(SqlName(table));
    schemas.insert(table.schema);
  }
  if (tables.empty()) return Ok(name, "no captured tables to read");
  if (unreadable.empty()) {
    return Ok(name, absl::StrCat(user, " may read ", tables.size() == 1 ? "the " : "all ",
                                 Count(tables.size(), "captured table")));
  }
  std::vector<std::string> grants;
  for (const std::string& schema : schemas) {
    grants.push_back(absl::StrCat("GRANT USAGE ON SCHEMA ", schema, " TO ", user,
                                  "; GRANT SELECT ON ALL TABLES IN SCHEMA ", schema, " TO ", user));
  }
  return Fail(
      name, absl::StrCat(user, " cannot read ", unreadable.size(), " of ",
                         Count(tables.size(), "captured table"), ": ", Enumerate(unreadable, ", "),
                         "; fix: ", absl::StrJoin(grants, "; ")));
}

CheckLine CapacityCheck(absl::string_view name, int configured, int ours, int others,
                        absl::string_view other_what) {
  const int needed = ours + others;
  const std::string detail = absl::StrCat(configured, " (", needed, " needed: ", ours,
                                          " for genims-cdc + ", Count(others, other_what), ")");
  if (configured >= needed) return Ok(std::string(name), detail);
  return Fail(std::string(name),
              absl::StrCat(detail, "; fix: set ", name, " = ", needed,
                           " or more in postgresql.conf and restart PostgreSQL"));
}

CheckLine WalKeepSizeCheck(absl::string_view setting) {
  const std::string name = "max_slot_wal_keep_size";
  if (setting == "-1") {
    return Warn(name,
                "-1 (unlimited): a slot nobody reads retains WAL until the primary's disk "
                "fills; fix: set max_slot_wal_keep_size (e.g. '8GB', more WAL than is "
                "written while genims-cdc may be down) and reload");
  }
  return Ok(name, absl::StrCat(setting,
                               " (a slot further behind is invalidated: genims-cdc "
                               "then reports a gap instead of filling the disk)"));
}

}  // namespace genims
