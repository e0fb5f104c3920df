// Slot administration: `genims-cdc slots create | list | drop` (the DBA's commands, see
// connector/README.md) and the slot creation that `setup` builds its initial load on.
//
// Each configured database has one logical slot, Config::SlotName(database), decoding with
// wal2json. The commands are idempotent where that is safe: creating a slot that exists, or
// dropping one that is absent, reports it and succeeds. They refuse to touch a slot that has
// the expected name but belongs to another database or plugin (someone else's slot).
//
// Status codes (PgConnection's, see pg_connection.h) reach the caller unchanged; the
// messages of failures an operator must fix end with "; fix: ..." saying how.
//
// Thread-safety: free functions; a PgConnection passed in belongs to the calling thread.
#ifndef GENIMS_CONNECTOR_SLOT_ADMIN_H_
#define GENIMS_CONNECTOR_SLOT_ADMIN_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checkpoint/lsn.h"
#include "connector/config.h"
#include "connector/pg_connection.h"

namespace genims {

// The output plugin genims-cdc decodes with (see decoder/).
inline constexpr char kOutputPlugin[] = "wal2json";

// ---- The command line --------------------------------------------------------------------

enum class SlotsVerb { kCheck, kCreate, kList, kDrop };

// Which databases' slots a command handles:
//   kConfigured  every database of CDC_DATABASES (the default of create and list)
//   kOne         `--db NAME`: that database only
//   kAll         `--all`: create and drop, every configured database; list, every slot
//                whose name starts with CDC_SLOT_PREFIX as well (other instances', orphans)
enum class SlotScope { kConfigured, kOne, kAll };

struct SlotsCommand {
  SlotsVerb verb = SlotsVerb::kCheck;
  SlotScope scope = SlotScope::kConfigured;
  std::string database;  // The NAME of --db (kOne only).
};

// Parses the command words that follow "slots" (`create --db genims_erp_db`). Returns
// kInvalidArgument with a one-line message on bad usage: an unknown verb or option, --db
// without a name or together with --all, `check` with options, `drop` without --db or --all,
// and `create --db NAME` for a database not in CDC_DATABASES (a slot nobody reads would
// retain WAL until the disk fills). `list` and `drop` accept any database name, so that an
// orphaned slot can be inspected and removed.
absl::StatusOr<SlotsCommand> ParseSlotsCommand(const std::vector<std::string>& words,
                                               const Config& config);

// Runs `command` (check included, see slot_check.h), writing its report to `out`. Returns OK
// when everything succeeded; otherwise the first failure (create and drop stop there; their
// lines so far have been written), or for `check` kFailedPrecondition counting the FAIL
// lines. Every non-OK status is a runtime failure (exit 1): usage errors are
// ParseSlotsCommand's.
// `on_change`, when set, is told of each slot created or dropped ("slot_created" or
// "slot_dropped", the database, a detail line), e.g. to record it in system_audit_log.
using SlotChangeHook = std::function<void(absl::string_view event, absl::string_view database,
                                          absl::string_view detail)>;
absl::Status RunSlotsCommand(const Config& config, const SlotsCommand& command, std::FILE* out,
                             const SlotChangeHook& on_change = nullptr);

// ---- Building blocks ---------------------------------------------------------------------

// A normal (SQL) connection to the primary for cluster-wide queries: to the first configured
// database that accepts it, else to "postgres". Returns the first connection error when none
// does, at once when the server is unreachable or rejects the login.
absl::StatusOr<std::unique_ptr<PgConnection>> ConnectForAdmin(const Config& config);

// A slot just created by CreateSlotExportingSnapshot.
struct CreatedSlot {
  // Where the slot starts: every transaction committing after it streams from the slot;
  // everything committed before it is in the snapshot.
  Lsn consistent_point;
  // The exported snapshot. A normal connection to the slot's database that runs
  //   BEGIN ISOLATION LEVEL REPEATABLE READ; SET TRANSACTION SNAPSHOT '<snapshot_name>';
  // sees the database exactly as of consistent_point. Valid only while the replication
  // connection that created the slot stays open and runs no other command.
  std::string snapshot_name;
};

// Creates logical slot `slot_name` with wal2json on `replication` (a kReplication connection
// to the slot's database) and exports its snapshot: CREATE_REPLICATION_SLOT ... LOGICAL
// wal2json EXPORT_SNAPSHOT. Waits until transactions running at the call have finished (the
// server's consistent point). `replication` is borrowed; the caller keeps it open for as long
// as it uses the snapshot. Returns kAlreadyExists when a slot of that name exists,
// kFailedPrecondition when the plugin is missing or not allowed, wal_level is too low or no
// slot is free, kPermissionDenied without the REPLICATION privilege, kUnavailable when the
// connection failed; the messages are the server's (SlotFailureFix gives the fix).
absl::StatusOr<CreatedSlot> CreateSlotExportingSnapshot(PgConnection& replication,
                                                        absl::string_view slot_name);

// output_plugin_libraries as the role of `connection` sees it: the list; nullopt when the
// server predates the parameter (before 15.19 every installed plugin is allowed);
// kPermissionDenied when the role may not read it (superusers and pg_read_all_settings may).
absl::StatusOr<std::optional<std::string>> ReadPluginLibraries(PgConnection& connection);

// The "; fix: ..." an operator needs for a failure to create or use a wal2json slot, judged
// from the server's message in `status`; empty when there is none to give.
// `plugin_libraries` is the server's output_plugin_libraries when known (it is visible to
// superusers and pg_read_all_settings only); `server_major` names the package to install
// (15 -> postgresql-15-wal2json); `user_sql` is the role that needs the privilege, as SQL
// (quote_ident).
std::string SlotFailureFix(const absl::Status& status,
                           const std::optional<std::string>& plugin_libraries, int server_major,
                           absl::string_view user_sql);

// The postgresql.conf line that allows wal2json: `output_plugin_libraries = '<list>,
// wal2json'`, from the current list when known, else from the server's default
// 'pgoutput, test_decoding'.
std::string OutputPluginLibrariesLine(const std::optional<std::string>& plugin_libraries);

// ---- Output ------------------------------------------------------------------------------

// "0 B", "512 B", "1.5 KiB", "20.0 MiB", "3.2 GiB", "1.0 TiB": binary units, one decimal.
std::string HumanBytes(uint64_t bytes);

// "20.0 MiB (20971520)": human-readable, then exact.
std::string HumanAndExactBytes(uint64_t bytes);

// Left-aligned columns separated by two spaces, one line per row (the first row is the
// header); no trailing spaces. Cells must not contain two spaces in a row, so that
// `awk -F '  +'` splits the output back into its cells.
std::string FormatTable(const std::vector<std::vector<std::string>>& rows);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_SLOT_ADMIN_H_
