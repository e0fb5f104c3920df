// SlotCheck: `genims-cdc slots check`, the DBA's preflight before slots are created.
//
// One line per check, in this order: server reachable, server version (15+), wal_level,
// max_replication_slots, max_wal_senders, REPLICATION privilege, wal2json (installed and
// allowed by output_plugin_libraries, proven by creating and dropping a temporary wal2json
// slot), max_slot_wal_keep_size; then for each configured database: database (exists and
// accepts the connection), replica identity of the captured tables, SELECT on them.
//
//   ok   wal_level                          logical
//   FAIL replica identity genims_erp_db     1 of 40 captured tables lose UPDATE/DELETE ...; fix:
//   ... warn max_slot_wal_keep_size             -1 (unlimited): ...; fix: ...
//
// A FAIL line ends with "; fix: ..."; a warn does not fail the check. A setting the role may
// not see is reported as such, never guessed. When the server cannot be reached, the report is
// that one FAIL line.
//
// Thread-safety: free functions.
#ifndef GENIMS_CONNECTOR_SLOT_CHECK_H_
#define GENIMS_CONNECTOR_SLOT_CHECK_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "connector/config.h"

namespace genims {

enum class CheckSeverity { kOk, kWarn, kFail };

struct CheckLine {
  CheckSeverity severity = CheckSeverity::kOk;
  std::string name;    // "wal_level", "replica identity genims_erp_db", ...
  std::string detail;  // What was found; for kFail, ends with "; fix: ...".
};

// Runs every check against the primary of `config`. Never fails as a whole: what goes wrong
// becomes a FAIL line.
std::vector<CheckLine> RunSlotCheck(const Config& config);

// The report: `ok   `, `warn `, `FAIL ` then the name padded to the longest one, then the
// detail; one line each, newline-terminated.
std::string FormatCheckReport(const std::vector<CheckLine>& lines);

int CountFailures(const std::vector<CheckLine>& lines);

// ---- The judgements, separate from the queries so that they can be tested ---------------

// One table of a source database, as the catalog describes it.
struct TableFacts {
  std::string schema;               // As SQL, quoted where needed (quote_ident): public, "Sales".
  std::string table;                // Likewise: orders, "order".
  char replica_identity = 'd';      // pg_class.relreplident: d(efault), n(othing), f(ull), i(ndex).
  bool has_primary_key = false;     // DEFAULT logs the old key only when there is one.
  bool has_identity_index = false;  // INDEX logs nothing when its index was dropped.
  bool readable = false;            // USAGE on the schema and SELECT on the table.
};

// `tables` are the captured tables of `database`. DEFAULT without a primary key, NOTHING,
// or INDEX without its index FAIL (wal2json then drops their UPDATEs and DELETEs without a
// word); DEFAULT with a key (or INDEX) passes but is counted, since only the key columns'
// old values reach the audit.
CheckLine ReplicaIdentityCheck(absl::string_view database, const std::vector<TableFacts>& tables);

// FAILs naming the captured tables the role cannot read (the initial load and `verify` read
// them), with the GRANTs to run; `user` is the role as SQL (quote_ident).
CheckLine SelectPrivilegeCheck(absl::string_view database, absl::string_view user,
                               const std::vector<TableFacts>& tables);

// max_replication_slots or max_wal_senders (`name`): `configured` is what the setting is,
// `ours` the count genims-cdc needs (one per configured database), `others` how many other
// slots or walsenders (`other_what`, singular: "other slot") exist already.
CheckLine CapacityCheck(absl::string_view name, int configured, int ours, int others,
                        absl::string_view other_what);

// max_slot_wal_keep_size as SHOW prints it ("-1", "8GB").
CheckLine WalKeepSizeCheck(absl::string_view setting);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_SLOT_CHECK_H_
