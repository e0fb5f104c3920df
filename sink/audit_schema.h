// The audit database's schema (sql/audit/genims_audit_db.sql), built into the binary so that
// `genims-cdc setup` installs exactly the schema this sink writes.
//
// Thread-safety: free functions; the session belongs to the caller's thread.
#ifndef GENIMS_SINK_AUDIT_SCHEMA_H_
#define GENIMS_SINK_AUDIT_SCHEMA_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "sink/mysql_session.h"

namespace genims {

// The text of sql/audit/genims_audit_db.sql as it was at build time.
absl::string_view AuditSchemaSql();

// Creates database `database` if it does not exist, and in it every table, partition and
// trigger of the schema (idempotent: each statement may run again on a loaded database).
// `session` is connected without a default database or to `database`. Returns the number of
// tables the database then holds. The account needs CREATE, ALTER, TRIGGER and INDEX there
// (a DBA's account; the connector's own account needs INSERT and SELECT only, see
// sql/audit/grants.sql).
absl::StatusOr<int> InstallAuditSchema(MySqlSession& session, const std::string& database);

}  // namespace genims

#endif  // GENIMS_SINK_AUDIT_SCHEMA_H_
