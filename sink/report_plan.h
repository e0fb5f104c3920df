// ReportPlan: a report definition compiled for evaluation on the change stream.
//
// A fact row is given as the values of the report's fact columns (ReportDefinition::
// FactColumns(), in that order; nullopt is NULL; PostgreSQL's text form) and, per lookup, the
// attributes of the dimension row it points to (nullptr when there is none: all NULL).
// Evaluate() says whether the row counts and, if so, its contribution: the group key (text of
// each key as MariaDB stores it, NULL mapped to the type's NULL value) and the values it adds
// (fact_count 1, then one per measure). The same rules as the recompute SQL
// (sink/report_sql.h), so that the two agree digit for digit.
//
// Thread-safety: immutable after Compile().
#ifndef GENIMS_SINK_REPORT_PLAN_H_
#define GENIMS_SINK_REPORT_PLAN_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "sink/decimal6.h"
#include "sink/report_definition.h"

namespace genims {

using Values = std::vector<std::optional<std::string>>;

struct Contribution {
  std::vector<std::string> key;
  std::vector<Decimal6> values;  // fact_count, then the measures in order.
  bool operator==(const Contribution&) const = default;
};

class ReportPlan {
 public:
  static absl::StatusOr<ReportPlan> Compile(ReportDefinition definition);

  const ReportDefinition& definition() const { return definition_; }
  const std::vector<std::string>& fact_columns() const { return fact_columns_; }
  // Index in fact_columns() of lookup i's fact column.
  size_t lookup_fact_index(size_t lookup) const { return lookup_fact_index_[lookup]; }

  // nullopt when a condition excludes the row. kInvalidArgument when a value is not a number
  // or overflows (the definition sums a column that is not numeric).
  absl::StatusOr<std::optional<Contribution>> Evaluate(
      const Values& facts, const std::vector<const Values*>& lookups) const;

 private:
  // Where an expression operand comes from: a fact column or a lookup attribute.
  struct Operand {
    int lookup = -1;  // -1: the fact row.
    size_t index = 0;
  };
  struct CompiledExpr {
    ReportExpr::Kind kind;
    Operand a;
    Operand b;
  };

  ReportPlan() = default;
  absl::StatusOr<Operand> Resolve(const ColumnRef& ref) const;
  static const std::optional<std::string>& Read(const Operand& operand, const Values& facts,
                                                const std::vector<const Values*>& lookups);

  ReportDefinition definition_;
  std::vector<std::string> fact_columns_;
  std::vector<size_t> lookup_fact_index_;
  std::vector<CompiledExpr> keys_;
  std::vector<CompiledExpr> measures_;
  std::vector<Operand> condition_operands_;
};

// Whether `value` (nullopt: NULL) satisfies `condition`.
bool ConditionHolds(const ReportCondition& condition, const std::optional<std::string>& value);

// A text key as stored: at most kTextKeyCharacters characters.
std::string TruncateKey(absl::string_view text);

// The stored text of `key` for the value its expression reads (nullopt: NULL): day(), month()
// and year() applied, NULL mapped to the type's NULL value, text cut.
std::string KeyText(const ReportKey& key, const std::optional<std::string>& value);

// Microseconds since the epoch of a timestamp, timestamptz or date in PostgreSQL's ISO text
// ("2026-03-03 23:36:07.000001+00", "2026-03-03 23:36:07", "2026-03-03"); nullopt otherwise.
std::optional<int64_t> ParseTimestampMicros(absl::string_view text);

}  // namespace genims

#endif  // GENIMS_SINK_REPORT_PLAN_H_
