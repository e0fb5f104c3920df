#include "connector/slot_admin.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "checkpoint/status_macros.h"
#include "connector/slot_check.h"

namespace genims {
namespace {

constexpr char kDefaultPluginLibraries[] = "pgoutput, test_decoding";

// ---- Parsing -----------------------------------------------------------------------------

absl::Status Usage(absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat("slots: ", problem, " (see genims-cdc --help)"));
}

bool IsConfigured(const Config& config, absl::string_view database) {
  return std::find(config.databases.begin(), config.databases.end(), database) !=
         config.databases.end();
}

// ---- Facts about one slot, from pg_replication_slots --------------------------------------

struct SlotFacts {
  std::string database;  // Empty for a physical slot.
  std::string plugin;
  bool active = false;
  std::string active_pid;
  std::string confirmed_flush_lsn;
};

absl::StatusOr<std::optional<SlotFacts>> LookUpSlot(PgConnection& admin,
                                                    absl::string_view slot_name) {
  GENIMS_ASSIGN_OR_RETURN(
      PgRows rows,
      admin.Query("SELECT coalesce(database::text, ''), coalesce(plugin::text, ''), active, "
                  "coalesce(active_pid::text, ''), coalesce(confirmed_flush_lsn::text, '') "
                  "FROM pg_replication_slots WHERE slot_name = $1",
                  {std::string(slot_name)}));
  if (rows.size() == 0) return std::nullopt;
  return SlotFacts{std::string(rows.Get(0, 0)), std::string(rows.Get(0, 1)), rows.Get(0, 2) == "t",
                   std::string(rows.Get(0, 3)), std::string(rows.Get(0, 4))};
}

// A slot named like ours that another database or plugin owns is not ours to use or drop.
absl::Status CheckOwnership(absl::string_view slot_name, absl::string_view database,
                            const SlotFacts& slot) {
  if (slot.database == database && slot.plugin == kOutputPlugin) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "slot ", slot_name, " exists but is a ",
      slot.plugin.empty() ? "physical slot"
                          : absl::StrCat(slot.plugin, " slot of database ", slot.database),
      ", not a ", kOutputPlugin, " slot of ", database,
      "; left untouched; fix: drop it if nothing uses it, or choose another CDC_SLOT_PREFIX"));
}

// `status` with `fix` ("; fix: ..." or empty) appended to its message, its code kept.
absl::Status WithFix(const absl::Status& status, absl::string_view fix) {
  if (fix.empty()) return status;
  return absl::Status(status.code(), absl::StrCat(status.message(), fix));
}

// The connected role as SQL (quote_ident), for fix lines.
std::string CurrentUserSql(PgConnection& connection, const Config& config) {
  absl::StatusOr<PgRows> rows = connection.Query("SELECT quote_ident(current_user)");
  if (!rows.ok() || rows->size() != 1) return QuoteIdentifier(config.primary.user);
  return std::string(rows->Get(0, 0));
}

// output_plugin_libraries when this role may read it, for the fix line.
std::optional<std::string> VisiblePluginLibraries(PgConnection& connection) {
  absl::StatusOr<std::optional<std::string>> libraries = ReadPluginLibraries(connection);
  return libraries.ok() ? *libraries : std::nullopt;
}

// ---- The commands ------------------------------------------------------------------------

absl::Status CreateSlots(const Config& config, const std::vector<std::string>& databases,
                         std::FILE* out, const SlotChangeHook& on_change) {
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> admin, ConnectForAdmin(config));
  size_t slot_width = 0;
  size_t database_width = 0;
  for (const std::string& database : databases) {
    slot_width = std::max(slot_width, config.SlotName(database).size());
    database_width = std::max(database_width, database.size());
  }
  auto report = [&](absl::string_view what, absl::string_view slot_name, absl::string_view database,
                    absl::string_view detail) {
    absl::FPrintF(out, "%-7s  %-*s  %-*s  %s\n", what, slot_width, slot_name, database_width,
                  database, detail);
    std::fflush(out);
  };
  for (const std::string& database : databases) {
    const std::string slot_name = config.SlotName(database);
    GENIMS_ASSIGN_OR_RETURN(std::optional<SlotFacts> existing, LookUpSlot(*admin, slot_name));
    if (!existing) {
      absl::StatusOr<std::unique_ptr<PgConnection>> replication = PgConnection::Connect(
          config.primary, config.pg_socket_dir, database, ConnectionKind::kReplication);
      absl::StatusOr<CreatedSlot> created =
          replication.ok() ? CreateSlotExportingSnapshot(**replication, slot_name)
                           : absl::StatusOr<CreatedSlot>(replication.status());
      if (created.ok()) {
        const std::string detail =
            absl::StrCat("consistent point ", created->consistent_point.ToString());
        report("created", slot_name, database, detail);
        if (on_change) on_change("slot_created", database, absl::StrCat(slot_name, ": ", detail));
        continue;
      }
      if (!absl::IsAlreadyExists(created.status())) {
        const std::string fix =
            SlotFailureFix(created.status(), VisiblePluginLibraries(*admin),
                           admin->server_version() / 10000, CurrentUserSql(*admin, config));
        return WithFix(absl::Status(created.status().code(),
                                    absl::StrCat("creating slot ", slot_name, " in ", database,
                                                 ": ", created.status().message())),
                       fix);
      }
      // Created by someone else since the look-up: judge it like any existing slot.
      GENIMS_ASSIGN_OR_RETURN(existing, LookUpSlot(*admin, slot_name));
      if (!existing) return absl::UnavailableError(absl::StrCat("slot ", slot_name, " vanished"));
    }
    GENIMS_RETURN_IF_ERROR(CheckOwnership(slot_name, database, *existing));
    report(
        "exists", slot_name, database,
        absl::StrCat("confirmed_flush_lsn ",
                     existing->confirmed_flush_lsn.empty() ? "-" : existing->confirmed_flush_lsn));
  }
  return absl::OkStatus();
}

absl::Status DropSlots(const Config& config, const std::vector<std::string>& databases,
                       std::FILE* out, const SlotChangeHook& on_change) {
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> admin, ConnectForAdmin(config));
  size_t slot_width = 0;
  for (const std::string& database : databases) {
    slot_width = std::max(slot_width, config.SlotName(database).size());
  }
  for (const std::string& database : databases) {
    const std::string slot_name = config.SlotName(database);
    GENIMS_ASSIGN_OR_RETURN(std::optional<SlotFacts> existing, LookUpSlot(*admin, slot_name));
    if (existing) {
      GENIMS_RETURN_IF_ERROR(CheckOwnership(slot_name, database, *existing));
      if (existing->active) {
        return absl::FailedPreconditionError(absl::StrCat(
            "slot ", slot_name, " of ", database, " is active, held by pid ", existing->active_pid,
            "; not dropped; fix: stop its reader (genims-cdc run) or SELECT "
            "pg_terminate_backend(",
            existing->active_pid, "), then drop again"));
      }
      absl::StatusOr<PgRows> dropped =
          admin->Query("SELECT pg_drop_replication_slot($1)", {slot_name});
      if (!dropped.ok() && !absl::IsNotFound(dropped.status())) {
        // 55006 "replication slot ... is active for PID n" when a reader came in between.
        return WithFix(
            absl::Status(dropped.status().code(),
                         absl::StrCat("dropping slot ", slot_name, " of ", database, ": ",
                                      dropped.status().message())),
            SlotFailureFix(dropped.status(), std::nullopt, 0, CurrentUserSql(*admin, config)));
      }
      if (dropped.ok()) {
        absl::FPrintF(out, "dropped  %-*s  %s\n", slot_width, slot_name, database);
        std::fflush(out);
        if (on_change) on_change("slot_dropped", database, slot_name);
        continue;
      }
    }
    absl::FPrintF(out, "absent   %-*s  %s\n", slot_width, slot_name, database);
    std::fflush(out);
  }
  return absl::OkStatus();
}

absl::Status ListSlots(const Config& config, const SlotsCommand& command, std::FILE* out) {
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> admin, ConnectForAdmin(config));
  // One WAL position for every row, so that the byte counts of one listing agree; the outer
  // join gives it even when there is no slot.
  GENIMS_ASSIGN_OR_RETURN(
      PgRows rows,
      admin->Query("WITH wal AS (SELECT pg_current_wal_lsn() AS end_lsn) "
                   "SELECT w.end_lsn::text, current_setting('max_slot_wal_keep_size'), "
                   "  s.slot_name, coalesce(s.database::text, ''), "
                   "  coalesce(s.plugin::text, ''), s.slot_type, s.active, "
                   "  coalesce(s.active_pid::text, ''), coalesce(s.restart_lsn::text, ''), "
                   "  coalesce(s.confirmed_flush_lsn::text, ''), "
                   "  coalesce((w.end_lsn - s.restart_lsn)::bigint::text, ''), "
                   "  coalesce((CASE WHEN s.confirmed_flush_lsn > w.end_lsn THEN 0 "
                   "    ELSE w.end_lsn - s.confirmed_flush_lsn END)::bigint::text, ''), "
                   "  coalesce(s.wal_status, ''), "
                   "  coalesce((CASE WHEN s.safe_wal_size < 0 THEN 0 "
                   "    ELSE s.safe_wal_size END)::text, '') "
                   "FROM wal w LEFT JOIN pg_replication_slots s ON true ORDER BY s.slot_name"));
  if (rows.size() == 0) return absl::InternalError("pg_current_wal_lsn() returned no row");
  const std::string wal_end(rows.Get(0, 0));
  const bool keep_unlimited = rows.Get(0, 1) == "-1";
  auto bytes = [](absl::string_view text) {
    uint64_t value = 0;
    return absl::SimpleAtoi(text, &value) ? HumanAndExactBytes(value) : std::string("-");
  };
  auto or_dash = [](absl::string_view text) {
    return text.empty() ? std::string("-") : std::string(text);
  };
  // The table rows of the slots there are, by name.
  std::map<std::string, std::vector<std::string>> present;
  for (int row = 0; row < rows.size(); ++row) {
    if (rows.IsNull(row, 2)) continue;
    const bool physical = rows.Get(row, 5) == "physical";
    const bool active = rows.Get(row, 6) == "t";
    // safe_wal_size is NULL when max_slot_wal_keep_size is -1, and when the slot is lost.
    const std::string safe = !rows.Get(row, 13).empty() ? bytes(rows.Get(row, 13))
                             : keep_unlimited           ? "unlimited"
                                                        : "-";
    present[std::string(rows.Get(row, 2))] = {
        std::string(rows.Get(row, 2)),
        or_dash(rows.Get(row, 3)),
        physical ? std::string("(physical)") : or_dash(rows.Get(row, 4)),
        active ? absl::StrCat("yes (pid ", rows.Get(row, 7), ")") : std::string("no"),
        or_dash(rows.Get(row, 8)),
        or_dash(rows.Get(row, 9)),
        bytes(rows.Get(row, 10)),
        bytes(rows.Get(row, 11)),
        or_dash(rows.Get(row, 12)),
        safe};
  }
  std::vector<std::string> databases = config.databases;
  if (command.scope == SlotScope::kOne) databases = {command.database};
  std::vector<std::vector<std::string>> table = {
      {"slot", "database", "plugin", "active", "restart_lsn", "confirmed_flush_lsn", "retained_wal",
       "lag", "wal_status", "safe_wal_size"}};
  for (const std::string& database : databases) {
    auto it = present.find(config.SlotName(database));
    if (it == present.end()) {
      table.push_back(
          {config.SlotName(database), database, "-", "missing", "-", "-", "-", "-", "-", "-"});
    } else {
      table.push_back(std::move(it->second));
      present.erase(it);
    }
  }
  if (command.scope == SlotScope::kAll) {
    for (auto& [slot_name, row] : present) {
      if (absl::StartsWith(slot_name, config.slot_prefix)) table.push_back(std::move(row));
    }
  }
  absl::FPrintF(out, "%s", FormatTable(table));
  absl::FPrintF(out,
                "server WAL end %s (retained_wal = WAL end - restart_lsn, lag = WAL end - "
                "confirmed_flush_lsn)\n",
                wal_end);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SlotsCommand> ParseSlotsCommand(const std::vector<std::string>& words,
                                               const Config& config) {
  if (words.empty()) return Usage("expected check, create, list or drop");
  SlotsCommand command;
  const std::string& verb = words[0];
  if (verb == "check") {
    command.verb = SlotsVerb::kCheck;
  } else if (verb == "create") {
    command.verb = SlotsVerb::kCreate;
  } else if (verb == "list") {
    command.verb = SlotsVerb::kList;
  } else if (verb == "drop") {
    command.verb = SlotsVerb::kDrop;
  } else {
    return Usage(
        absl::StrCat("unknown command \"", verb, "\", expected check, create, list or drop"));
  }
  bool scoped = false;
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (command.verb == SlotsVerb::kCheck) {
      return Usage(absl::StrCat("check takes no options, got \"", word, "\""));
    }
    if (word != "--all" && word != "--db" && !absl::StartsWith(word, "--db=")) {
      return Usage(
          absl::StrCat("unexpected \"", word, "\" after ", verb, " (expected --db NAME or --all)"));
    }
    if (scoped) return Usage(absl::StrCat(verb, " takes one --db NAME or --all, not several"));
    scoped = true;
    if (word == "--all") {
      command.scope = SlotScope::kAll;
      continue;
    }
    command.scope = SlotScope::kOne;
    if (word == "--db") {
      if (i + 1 >= words.size() || absl::StartsWith(words[i + 1], "--")) {
        return Usage("--db needs a database name");
      }
      command.database = words[++i];
    } else {
      command.database = word.substr(sizeof("--db=") - 1);
      if (command.database.empty()) return Usage("--db needs a database name");
    }
  }
  if (command.verb == SlotsVerb::kDrop && !scoped) {
    return Usage("drop needs --db NAME or --all");
  }
  if (command.verb == SlotsVerb::kCreate && command.scope == SlotScope::kOne &&
      !IsConfigured(config, command.database)) {
    return Usage(absl::StrCat("create --db ", command.database,
                              ": not in CDC_DATABASES (a slot nobody reads retains WAL until "
                              "the disk fills)"));
  }
  return command;
}

absl::Status RunSlotsCommand(const Config& config, const SlotsCommand& command, std::FILE* out,
                             const SlotChangeHook& on_change) {
  std::vector<std::string> databases = config.databases;
  if (command.scope == SlotScope::kOne) databases = {command.database};
  switch (command.verb) {
    case SlotsVerb::kCheck: {
      const std::vector<CheckLine> lines = RunSlotCheck(config);
      absl::FPrintF(out, "%s", FormatCheckReport(lines));
      const int failures = CountFailures(lines);
      if (failures == 0) return absl::OkStatus();
      return absl::FailedPreconditionError(
          absl::StrCat("slots check: ", failures, " of ", lines.size(), " checks failed"));
    }
    case SlotsVerb::kCreate:
      return CreateSlots(config, databases, out, on_change);
    case SlotsVerb::kList:
      return ListSlots(config, command, out);
    case SlotsVerb::kDrop:
      return DropSlots(config, databases, out, on_change);
  }
  return absl::InternalError("unknown slots command");
}

absl::StatusOr<std::unique_ptr<PgConnection>> ConnectForAdmin(const Config& config) {
  std::vector<std::string> candidates = config.databases;
  candidates.push_back("postgres");
  absl::Status first_error;
  for (const std::string& database : candidates) {
    absl::StatusOr<std::unique_ptr<PgConnection>> connection = PgConnection::Connect(
        config.primary, config.pg_socket_dir, database, ConnectionKind::kNormal);
    if (connection.ok()) return connection;
    if (first_error.ok()) first_error = connection.status();
    // The server is down or refuses this login: every other database would say the same.
    if (absl::IsUnavailable(connection.status()) ||
        absl::StrContains(connection.status().message(), "authentication failed") ||
        absl::StrContains(connection.status().message(), "no pg_hba.conf entry") ||
        absl::StrContains(connection.status().message(), "role \"")) {
      return first_error;
    }
  }
  return first_error;
}

absl::StatusOr<CreatedSlot> CreateSlotExportingSnapshot(PgConnection& replication,
                                                        absl::string_view slot_name) {
  // The pre-15 spelling of (SNAPSHOT 'export'); PostgreSQL 15 accepts both.
  GENIMS_ASSIGN_OR_RETURN(PgRows rows, replication.Query(absl::StrCat(
                                           "CREATE_REPLICATION_SLOT ", QuoteIdentifier(slot_name),
                                           " LOGICAL ", kOutputPlugin, " EXPORT_SNAPSHOT")));
  const int consistent_point = rows.Column("consistent_point");
  const int snapshot_name = rows.Column("snapshot_name");
  if (rows.size() != 1 || consistent_point < 0 || snapshot_name < 0 ||
      rows.IsNull(0, snapshot_name)) {
    return absl::InternalError(absl::StrCat("CREATE_REPLICATION_SLOT ", slot_name,
                                            ": unexpected answer (", rows.size(), " rows)"));
  }
  CreatedSlot created;
  GENIMS_ASSIGN_OR_RETURN(created.consistent_point, Lsn::Parse(rows.Get(0, consistent_point)));
  created.snapshot_name = std::string(rows.Get(0, snapshot_name));
  return created;
}

absl::StatusOr<std::optional<std::string>> ReadPluginLibraries(PgConnection& connection) {
  // missing_ok: NULL when the server has no such parameter; still an error when hidden.
  GENIMS_ASSIGN_OR_RETURN(
      PgRows rows, connection.Query("SELECT current_setting('output_plugin_libraries', true)"));
  if (rows.size() != 1 || rows.IsNull(0, 0)) return std::nullopt;
  return std::string(rows.Get(0, 0));
}

std::string OutputPluginLibrariesLine(const std::optional<std::string>& plugin_libraries) {
  const std::string current = plugin_libraries ? *plugin_libraries : kDefaultPluginLibraries;
  if (current.empty()) return absl::StrCat("output_plugin_libraries = '", kOutputPlugin, "'");
  return absl::StrCat("output_plugin_libraries = '", current, ", ", kOutputPlugin, "'");
}

std::string SlotFailureFix(const absl::Status& status,
                           const std::optional<std::string>& plugin_libraries, int server_major,
                           absl::string_view user_sql) {
  const absl::string_view message = status.message();
  if (absl::StrContains(message, "may not be used as an output plugin")) {
    return absl::StrCat(
        "; fix: add to postgresql.conf ", OutputPluginLibrariesLine(plugin_libraries),
        plugin_libraries ? "" : " (the default list; keep any plugin already listed)",
        " and reload (SELECT pg_reload_conf())");
  }
  if (absl::StrContains(message, "could not access file")) {
    return absl::StrCat(
        "; fix: install the plugin on the database server: apt-get install postgresql-",
        server_major > 0 ? absl::StrCat(server_major) : std::string("15"), "-wal2json");
  }
  if (absl::StrContains(message, "must be superuser or replication role") ||
      absl::StrContains(message, "must be superuser or have privileges")) {
    return absl::StrCat("; fix: as a superuser, ALTER ROLE ", user_sql, " REPLICATION");
  }
  if (absl::StrContains(message, "requires wal_level")) {
    return "; fix: set wal_level = logical in postgresql.conf and restart PostgreSQL";
  }
  if (absl::StrContains(message, "all replication slots are in use")) {
    return "; fix: raise max_replication_slots (restart) or drop slots nobody reads";
  }
  if (absl::StrContains(message, "is active for PID")) {
    return "; fix: stop the process that reads the slot, then drop again";
  }
  return "";
}

std::string HumanBytes(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  if (bytes < 1024) return absl::StrCat(bytes, " B");
  double value = static_cast<double>(bytes) / 1024;
  int unit = 0;
  while (value >= 1024 && unit + 1 < static_cast<int>(std::size(kUnits))) {
    value /= 1024;
    ++unit;
  }
  // 1023.95 KiB would print as "1024.0 KiB": carry it into the next unit.
  if (value >= 1023.95 && unit + 1 < static_cast<int>(std::size(kUnits))) {
    value /= 1024;
    ++unit;
  }
  return absl::StrFormat("%.1f %s", value, kUnits[unit]);
}

std::string HumanAndExactBytes(uint64_t bytes) {
  if (bytes < 1024) return HumanBytes(bytes);
  return absl::StrCat(HumanBytes(bytes), " (", bytes, ")");
}

std::string FormatTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const std::vector<std::string>& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string text;
  for (const std::vector<std::string>& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) line.append("  ");
      line.append(row[i]);
      if (i + 1 < row.size()) line.append(widths[i] - row[i].size(), ' ');
    }
    text.append(line);
    text.push_back('\n');
  }
  return text;
}

}  // namespace genims
