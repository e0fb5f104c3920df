// The SQL a report definition implies: its MariaDB table, and the PostgreSQL queries of the
// full recompute (sql/reporting/README.md).
//
// The recompute runs per report against the fact's database: it groups the facts by the key
// parts computed from fact columns and by each lookup's fact column, so that lookups into
// other databases (which one query cannot join) are applied afterwards, per group. Sessions
// running these queries must use TimeZone=UTC and extra_float_digits=3, as the replication
// connection does, so that values print as the stream carries them.
//
// Thread-safety: pure functions.
#ifndef GENIMS_SINK_REPORT_SQL_H_
#define GENIMS_SINK_REPORT_SQL_H_

#include <string>

#include "sink/report_definition.h"

namespace genims {

// CREATE TABLE IF NOT EXISTS for the report's MariaDB table.
std::string ReportTableDdl(const ReportDefinition& report);

// The grouped recompute query. Result columns, in order: one per key whose expression reads
// a fact column (in key order, as text, NULL kept), one per lookup (its fact column as text),
// then fact_count, then one per measure (count as an integer, sum as numeric rounded to 6
// places, as text).
std::string RecomputeSql(const ReportDefinition& report);

// SELECT <key column>, <attributes...> of a lookup's dimension table, as text.
std::string LookupSql(const ReportLookup& lookup);

// Text keys are VARCHAR of this many characters (longer values are cut): a few of them fit
// MariaDB's 3072-byte key limit in utf8mb4.
inline constexpr size_t kTextKeyCharacters = 100;

// The stored value of a NULL key of `type` ("0", "", "1000-01-01").
const char* NullKeyValue(KeyType type);

}  // namespace genims

#endif  // GENIMS_SINK_REPORT_SQL_H_
