#include "sink/report_sql.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace genims {
namespace {

std::string PgIdentifier(absl::string_view name) { return absl::StrCat("\"", name, "\""); }

// The column as its type's output function prints it ('t' for a boolean, where a cast to
// text would give 'true'), NULL kept: the text form the stream carries.
std::string PgText(absl::string_view column) {
  return absl::StrCat("CASE WHEN ", PgIdentifier(column), " IS NULL THEN NULL ELSE format('%s', ",
                      PgIdentifier(column), ") END");
}

std::string PgLiteral(absl::string_view text) {
  return absl::StrCat("'", absl::StrReplaceAll(text, {{"'", "''"}}), "'");
}

std::string MySqlType(KeyType type) {
  switch (type) {
    case KeyType::kBigint:
      return "BIGINT";
    case KeyType::kInt:
      return "INT";
    case KeyType::kDate:
      return "DATE";
    case KeyType::kText:
      return absl::StrCat("VARCHAR(", kTextKeyCharacters, ")");
  }
  return "TEXT";
}

// A fact column as numeric text, rounded as the sink rounds it.
std::string PgNumber(const ColumnRef& ref) {
  return absl::StrCat("round((", PgIdentifier(ref.column), ")::text::numeric, 6)");
}

std::string PgValue(const ReportExpr& expr) {
  switch (expr.kind) {
    case ReportExpr::Kind::kMultiply:
      return absl::StrCat("round(", PgNumber(expr.a), " * ", PgNumber(expr.b), ", 6)");
    case ReportExpr::Kind::kSubtract:
      return absl::StrCat("(", PgNumber(expr.a), " - ", PgNumber(expr.b), ")");
    case ReportExpr::Kind::kAdd:
      return absl::StrCat("(", PgNumber(expr.a), " + ", PgNumber(expr.b), ")");
    case ReportExpr::Kind::kSecondsBetween:
      return absl::StrCat("round(extract(epoch from (", PgIdentifier(expr.b.column),
                          ")::timestamptz - (", PgIdentifier(expr.a.column), ")::timestamptz), 6)");
    default:
      return PgNumber(expr.a);
  }
}

// A key computed from a fact column, as text (NULL stays NULL).
std::string PgKey(const ReportKey& key) {
  const std::string column = PgIdentifier(key.expr.a.column);
  switch (key.expr.kind) {
    case ReportExpr::Kind::kDay:
      return absl::StrCat("(", column, ")::date::text");
    case ReportExpr::Kind::kMonth:
      return absl::StrCat("to_char((", column, ")::date, 'YYYY-MM-01')");
    case ReportExpr::Kind::kYear:
      return absl::StrCat("extract(year from (", column, ")::date)::int::text");
    default:
      if (key.type == KeyType::kText)
        return absl::StrCat("left(", PgText(key.expr.a.column), ", 255)");
      return PgText(key.expr.a.column);
  }
}

std::string PgCondition(const ReportCondition& condition) {
  const std::string column = absl::StrCat("(", PgText(condition.column.column), ")");
  std::vector<std::string> values;
  for (const std::string& value : condition.values) values.push_back(PgLiteral(value));
  switch (condition.op) {
    case ReportCondition::Op::kEqual:
      return absl::StrCat(column, " = ", values[0]);
    case ReportCondition::Op::kNotEqual:
      return absl::StrCat(column, " <> ", values[0]);
    case ReportCondition::Op::kIn:
      return absl::StrCat(column, " IN (", absl::StrJoin(values, ", "), ")");
    case ReportCondition::Op::kNotIn:
      return absl::StrCat(column, " NOT IN (", absl::StrJoin(values, ", "), ")");
    case ReportCondition::Op::kIsNull:
      return absl::StrCat(column, " IS NULL");
    case ReportCondition::Op::kIsNotNull:
      return absl::StrCat(column, " IS NOT NULL");
  }
  return "true";
}

}  // namespace

const char* NullKeyValue(KeyType type) {
  switch (type) {
    case KeyType::kBigint:
    case KeyType::kInt:
      return "0";
    case KeyType::kDate:
      return "1000-01-01";
    case KeyType::kText:
      return "";
  }
  return "";
}

std::string ReportTableDdl(const ReportDefinition& report) {
  std::vector<std::string> lines;
  std::vector<std::string> key_names;
  for (const ReportKey& key : report.keys) {
    lines.push_back(absl::StrCat("  `", key.name, "` ", MySqlType(key.type), " NOT NULL"));
    key_names.push_back(absl::StrCat("`", key.name, "`"));
  }
  lines.push_back("  `fact_count` BIGINT NOT NULL DEFAULT 0");
  for (const ReportMeasure& measure : report.measures) {
    lines.push_back(
        absl::StrCat("  `", measure.name, "` ",
                     measure.kind == ReportMeasure::Kind::kSum ? "DECIMAL(36,6)" : "BIGINT",
                     " NOT NULL DEFAULT 0"));
  }
  for (const ReportDerived& derived : report.derived) {
    lines.push_back(
        absl::StrCat("  `", derived.name, "` DECIMAL(36,6) AS (", derived.sql, ") VIRTUAL"));
  }
  lines.push_back("  `updated_at` DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))");
  lines.push_back(absl::StrCat("  PRIMARY KEY (", absl::StrJoin(key_names, ", "), ")"));
  for (const std::vector<std::string>& index : report.indexes) {
    std::vector<std::string> columns;
    for (const std::string& column : index) columns.push_back(absl::StrCat("`", column, "`"));
    lines.push_back(absl::StrCat("  KEY `ix_", absl::StrJoin(index, "_"), "` (",
                                 absl::StrJoin(columns, ", "), ")"));
  }
  return absl::StrCat(
      "CREATE TABLE IF NOT EXISTS `", report.name, "` (\n", absl::StrJoin(lines, ",\n"),
      "\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT=", "'",
      absl::StrReplaceAll(report.description.substr(0, 1000), {{"'", "''"}, {"\\", "\\\\"}}), "'");
}

std::string RecomputeSql(const ReportDefinition& report) {
  std::vector<std::string> select;
  std::vector<std::string> group_by;
  for (const ReportKey& key : report.keys) {
    if (!key.expr.a.lookup.empty()) continue;
    select.push_back(PgKey(key));
    group_by.push_back(std::to_string(select.size()));
  }
  for (const ReportLookup& lookup : report.lookups) {
    select.push_back(PgText(lookup.fact_column));
    group_by.push_back(std::to_string(select.size()));
  }
  select.push_back("count(*)");
  for (const ReportMeasure& measure : report.measures) {
    switch (measure.kind) {
      case ReportMeasure::Kind::kCount:
        select.push_back("count(*)");
        break;
      case ReportMeasure::Kind::kCountValue:
        // Facts whose operands are all set, whatever their type.
        select.push_back(
            measure.value.kind == ReportExpr::Kind::kColumn
                ? absl::StrCat("count(", PgIdentifier(measure.value.a.column), ")")
                : absl::StrCat("count(CASE WHEN ", PgIdentifier(measure.value.a.column),
                               " IS NOT NULL AND ", PgIdentifier(measure.value.b.column),
                               " IS NOT NULL THEN 1 END)"));
        break;
      case ReportMeasure::Kind::kSum:
        select.push_back(absl::StrCat("coalesce(sum(", PgValue(measure.value), "), 0)"));
        break;
    }
  }
  std::vector<std::string> where;
  for (const ReportCondition& condition : report.conditions) {
    if (condition.column.lookup.empty()) where.push_back(PgCondition(condition));
  }
  std::string sql = absl::StrCat("SELECT ", absl::StrJoin(select, ", "), " FROM ",
                                 PgIdentifier(report.schema), ".", PgIdentifier(report.table));
  if (!where.empty()) absl::StrAppend(&sql, " WHERE ", absl::StrJoin(where, " AND "));
  if (!group_by.empty()) absl::StrAppend(&sql, " GROUP BY ", absl::StrJoin(group_by, ", "));
  return sql;
}

std::string LookupSql(const ReportLookup& lookup) {
  std::vector<std::string> columns = {PgText(lookup.key_column)};
  for (const std::string& attribute : lookup.attributes) columns.push_back(PgText(attribute));
  return absl::StrCat("SELECT ", absl::StrJoin(columns, ", "), " FROM ",
                      PgIdentifier(lookup.schema), ".", PgIdentifier(lookup.table));
}

}  // namespace genims
