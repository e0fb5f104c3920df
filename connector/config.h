// Config: genims-cdc's configuration, read from the environment and an optional env file.
//
// Names follow ../shared/DESIGN.md: the seed's GenIMS variables (PG_MASTER_*, PG_REPLICA_*,
// MYSQL_REPORTING_*, MYSQL_AUDIT_*, ETL_*, DATA_SYNC_*) plus the connector's own CDC_*
// settings. Every value is validated once, here; a missing or malformed value yields
// kInvalidArgument whose message starts with the variable's name (the CLI prints it as one
// line and exits 2). Password values never appear in messages or in Describe().
//
// Thread-safety: a value type; share const references freely.
#ifndef GENIMS_CONNECTOR_CONFIG_H_
#define GENIMS_CONNECTOR_CONFIG_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "connector/env_file.h"
#include "sink/mysql_session.h"

namespace genims {

// A PostgreSQL server: the primary (slots live there) or a read replica.
struct PgEndpoint {
  std::string host;
  int port = 5432;
  std::string user;
  std::string password;  // May be empty (peer/trust/.pgpass).
  // <PREFIX>SSLMODE (libpq's sslmode: disable, prefer, require, verify-ca, verify-full; empty:
  // libpq's default) and <PREFIX>SSLROOTCERT (the CA file verify-* check the server with).
  std::string sslmode;
  std::string sslrootcert;
};

// A MySQL/MariaDB database used by a sink.
struct MySqlEndpoint {
  std::string host;
  int port = 3306;
  std::string database;
  std::string user;
  std::string password;
  // <PREFIX>SSL_CA: when set, the connection uses TLS and verifies the server's certificate
  // (chain and host name) against this CA file.
  std::string ssl_ca;
};

struct Config {
  PgEndpoint primary;                 // PG_MASTER_*: replication and slot provisioning.
  std::optional<PgEndpoint> replica;  // PG_REPLICA_*: read-only queries when set.
  // CDC_PG_SOCKET_DIR: when set, connections to the primary go through the Unix socket in
  // this directory (the walsender is ~1.6x faster over it than over TCP loopback).
  std::string pg_socket_dir;

  std::optional<MySqlEndpoint> reporting;  // MYSQL_REPORTING_*, when MYSQL_REPORTING_HOST set.
  std::optional<MySqlEndpoint> audit;      // MYSQL_AUDIT_*, when MYSQL_AUDIT_HOST set.

  int batch_size = 1000;                          // ETL_BATCH_SIZE: rows per sink batch.
  int error_threshold = 5;                        // ETL_ERROR_THRESHOLD: failures before alerting.
  int retry_count = 3;                            // DATA_SYNC_RETRY_COUNT.
  absl::Duration retry_delay = absl::Seconds(5);  // DATA_SYNC_RETRY_DELAY (seconds).
  absl::Duration sync_timeout = absl::Seconds(300);  // DATA_SYNC_TIMEOUT (seconds).

  std::vector<std::string> databases;             // CDC_DATABASES, default the 13 GenIMS databases.
  std::string slot_prefix = "genims_cdc_";        // CDC_SLOT_PREFIX.
  std::string state_dir = "/var/lib/genims-cdc";  // CDC_STATE_DIR: RocksDB spool and state.
  std::string metrics_listen = "127.0.0.1:9187";  // CDC_METRICS_LISTEN: host:port of /metrics.
  std::vector<std::string> include_tables;        // CDC_INCLUDE_TABLES: schema.table patterns, '*'.
  std::vector<std::string> exclude_tables;        // CDC_EXCLUDE_TABLES.
  // CDC_HEARTBEAT_INTERVAL (seconds, 0 = off): an idle database gets a transactional
  // pg_logical_emit_message this often, so that its slot's required LSN moves on.
  absl::Duration heartbeat_interval = absl::Seconds(10);

  // The audit sink (sink/audit_policy.h). CDC_AUDIT_SENSITIVE_COLUMNS: `column`,
  // `table.column` or `schema.table.column` patterns; CDC_AUDIT_MASK_CHANGES (true/false):
  // mask them in data_change_audit too; CDC_AUDIT_CONFIG_TABLES: `table` or `schema.table`
  // patterns of configuration tables; CDC_AUDIT_BULK_ROWS: row changes that make a
  // transaction a bulk operation.
  std::vector<std::string> audit_sensitive_columns = {"*salary*", "bank_account*", "national_id",
                                                      "tax_id"};
  bool audit_mask_changes = true;
  std::vector<std::string> audit_config_tables = {"system_parameters"};
  int audit_bulk_rows = 1000;
  // CDC_AUDIT_ADMIN_USER / CDC_AUDIT_ADMIN_PASSWORD(_FILE): the administrative account of the
  // audit database for retention (ALTER ... DROP PARTITION); empty: MYSQL_AUDIT_USER's.
  std::string audit_admin_user;
  std::string audit_admin_password;

  // CDC_REPORT_DIR: the reporting tables' definitions (sql/reporting/README.md); default the
  // directory this build was made from, or where the package installs them.
  std::string report_dir;

  // The replication slot of `database`: slot_prefix + the name without its "genims_" prefix
  // and "_db" suffix (genims_erp_db -> genims_cdc_erp); other names are used whole.
  std::string SlotName(absl::string_view database) const;

  // Multi-line, human-readable summary with passwords shown as "(set)" or "(empty)".
  std::string Describe() const;
};

// The 13 GenIMS source databases, in the order the seed lists them.
const std::vector<std::string>& GenimsDatabases();

// Where a sink connects for `endpoint` (its database, or none when `with_database` is false),
// TLS settings included.
MySqlTarget TargetOf(const MySqlEndpoint& endpoint, bool with_database = true);

// Validates `env` into a Config. Returns kInvalidArgument naming the first bad variable.
absl::StatusOr<Config> LoadConfig(const EnvMap& env);

// The environment genims-cdc runs with: the variables of `env_file` (if not empty),
// overridden by those set in `process` (as a shell or systemd would).
absl::StatusOr<EnvMap> MergedEnvironment(const std::string& env_file, const EnvMap& process);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_CONFIG_H_
