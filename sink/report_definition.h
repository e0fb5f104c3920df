// ReportDefinition: one reporting table, as declared in sql/reporting/reports/<table>.report
// (the language is documented in sql/reporting/README.md).
//
// ParseReport() reads one definition; LoadReports() a directory of them. Both check what can
// be checked without a database: names, types, that expressions refer to declared lookups,
// that derived columns use only measures. Errors are kInvalidArgument "<file>:<line>: ...".
//
// Thread-safety: value types.
#ifndef GENIMS_SINK_REPORT_DEFINITION_H_
#define GENIMS_SINK_REPORT_DEFINITION_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace genims {

enum class KeyType { kBigint, kInt, kDate, kText };

// A column of the fact row (lookup empty) or an attribute of a lookup.
struct ColumnRef {
  std::string lookup;
  std::string column;
  bool operator==(const ColumnRef&) const = default;
};

// A key or value expression.
struct ReportExpr {
  enum class Kind {
    kColumn,          // a
    kDay,             // day(a)
    kMonth,           // month(a)
    kYear,            // year(a)
    kMultiply,        // a * b
    kSubtract,        // a - b
    kAdd,             // a + b
    kSecondsBetween,  // seconds_between(a, b) = b - a in seconds
  };
  Kind kind = Kind::kColumn;
  ColumnRef a;
  ColumnRef b;  // Binary kinds only.
};

struct ReportCondition {
  enum class Op { kEqual, kNotEqual, kIn, kNotIn, kIsNull, kIsNotNull };
  ColumnRef column;
  Op op = Op::kEqual;
  std::vector<std::string> values;  // kEqual/kNotEqual: one; kIn/kNotIn: one or more.
};

struct ReportLookup {
  std::string alias;
  std::string database;
  std::string schema;
  std::string table;
  std::string key_column;               // The dimension's key column.
  std::string fact_column;              // The fact column holding that key.
  std::vector<std::string> attributes;  // Dimension columns the report may use.
};

struct ReportKey {
  std::string name;
  KeyType type = KeyType::kBigint;
  ReportExpr expr;
};

struct ReportMeasure {
  enum class Kind { kCount, kCountValue, kSum };
  std::string name;
  Kind kind = Kind::kCount;
  ReportExpr value;  // kCountValue, kSum.
};

struct ReportDerived {
  std::string name;
  std::string sql;  // Validated: numbers, measure names, + - * / ( ), nullif.
};

struct ReportDefinition {
  std::string file;  // Where it was read from, for messages.
  std::string name;
  std::string group;
  std::string description;
  std::string database;  // The fact table's.
  std::string schema;
  std::string table;
  std::vector<ReportLookup> lookups;
  std::vector<ReportCondition> conditions;
  std::vector<ReportKey> keys;
  std::vector<ReportMeasure> measures;
  std::vector<ReportDerived> derived;
  std::vector<std::vector<std::string>> indexes;

  // Every fact column the report reads (keys, values, conditions, lookups' fact columns),
  // sorted, without duplicates.
  std::vector<std::string> FactColumns() const;
  const ReportLookup* FindLookup(absl::string_view alias) const;
};

// Parses the text of one definition; `file` names it in errors.
absl::StatusOr<ReportDefinition> ParseReport(absl::string_view text, const std::string& file);

// Reads every *.report file of `directory`, sorted by name. Report names must be unique.
absl::StatusOr<std::vector<ReportDefinition>> LoadReports(const std::string& directory);

const char* KeyTypeName(KeyType type);

}  // namespace genims

#endif  // GENIMS_SINK_REPORT_DEFINITION_H_
