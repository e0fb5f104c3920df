#include "sink/report_plan.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "checkpoint/status_macros.h"
#include "sink/report_sql.h"

namespace genims {
namespace {

const std::optional<std::string> kNull;

}  // namespace

// At most kTextKeyCharacters characters (MariaDB's VARCHAR counts characters, as PostgreSQL's
// left() does).
std::string TruncateKey(absl::string_view text) {
  size_t characters = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (characters == kTextKeyCharacters) return std::string(text.substr(0, i));
      ++characters;
    }
  }
  return std::string(text);
}

bool ConditionHolds(const ReportCondition& condition, const std::optional<std::string>& value) {
  switch (condition.op) {
    case ReportCondition::Op::kIsNull:
      return !value.has_value();
    case ReportCondition::Op::kIsNotNull:
      return value.has_value();
    case ReportCondition::Op::kEqual:
    case ReportCondition::Op::kIn:
      return value && std::find(condition.values.begin(), condition.values.end(), *value) !=
                          condition.values.end();
    case ReportCondition::Op::kNotEqual:
    case ReportCondition::Op::kNotIn:
      return value && std::find(condition.values.begin(), condition.values.end(), *value) ==
                          condition.values.end();
  }
  return false;
}

namespace {

bool ParseDigits(absl::string_view text, int* out) {
  if (text.empty()) return false;
  int value = 0;
  for (char c : text) {
    if (!absl::ascii_isdigit(c)) return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

absl::Status NotANumber(absl::string_view column, absl::string_view text) {
  return absl::InvalidArgumentError(absl::StrCat("column ", column, ": \"", text.substr(0, 40),
                                                 "\" is not a number within 10^30"));
}

}  // namespace

std::optional<int64_t> ParseTimestampMicros(absl::string_view text) {
  int year, month, day;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' ||
      !ParseDigits(text.substr(0, 4), &year) || !ParseDigits(text.substr(5, 2), &month) ||
      !ParseDigits(text.substr(8, 2), &day)) {
    return std::nullopt;
  }
  int hour = 0, minute = 0, second = 0;
  int64_t micros = 0;
  int offset_seconds = 0;
  size_t i = 10;
  if (i < text.size()) {
    if (text[i] != ' ' || text.size() < i + 9 || text[i + 3] != ':' || text[i + 6] != ':' ||
        !ParseDigits(text.substr(i + 1, 2), &hour) ||
        !ParseDigits(text.substr(i + 4, 2), &minute) ||
        !ParseDigits(text.substr(i + 7, 2), &second)) {
      return std::nullopt;
    }
    i += 9;
    if (i < text.size() && text[i] == '.') {
      int64_t scale = 100000;
      for (++i; i < text.size() && absl::ascii_isdigit(text[i]); ++i) {
        micros += (text[i] - '0') * scale;
        scale /= 10;
      }
    }
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      const int sign = text[i] == '-' ? -1 : 1;
      int hours = 0, minutes = 0, seconds = 0;
      absl::string_view offset = text.substr(i + 1);
      if (offset.size() < 2 || !ParseDigits(offset.substr(0, 2), &hours)) return std::nullopt;
      if (offset.size() >= 5 && offset[2] == ':' && !ParseDigits(offset.substr(3, 2), &minutes)) {
        return std::nullopt;
      }
      if (offset.size() >= 8 && offset[5] == ':' && !ParseDigits(offset.substr(6, 2), &seconds)) {
        return std::nullopt;
      }
      offset_seconds = sign * (hours * 3600 + minutes * 60 + seconds);
      i = text.size();
    }
    if (i != text.size()) return std::nullopt;
  }
  const absl::Time time = absl::FromCivil(absl::CivilSecond(year, month, day, hour, minute, second),
                                          absl::UTCTimeZone()) -
                          absl::Seconds(offset_seconds);
  return absl::ToUnixMicros(time) + micros;
}

std::string KeyText(const ReportKey& key, const std::optional<std::string>& value) {
  if (!value) return NullKeyValue(key.type);
  switch (key.expr.kind) {
    case ReportExpr::Kind::kDay:
      return value->substr(0, 10);
    case ReportExpr::Kind::kMonth:
      return absl::StrCat(value->substr(0, 7), "-01");
    case ReportExpr::Kind::kYear: {
      int year = 0;
      (void)ParseDigits(absl::string_view(*value).substr(0, 4), &year);
      return absl::StrCat(year);
    }
    default:
      return key.type == KeyType::kText ? TruncateKey(*value) : *value;
  }
}

absl::StatusOr<ReportPlan::Operand> ReportPlan::Resolve(const ColumnRef& ref) const {
  Operand operand;
  if (ref.lookup.empty()) {
    auto it = std::find(fact_columns_.begin(), fact_columns_.end(), ref.column);
    if (it == fact_columns_.end()) return absl::InternalError("fact column not collected");
    operand.index = static_cast<size_t>(it - fact_columns_.begin());
    return operand;
  }
  for (size_t l = 0; l < definition_.lookups.size(); ++l) {
    const ReportLookup& lookup = definition_.lookups[l];
    if (lookup.alias != ref.lookup) continue;
    auto it = std::find(lookup.attributes.begin(), lookup.attributes.end(), ref.column);
    if (it == lookup.attributes.end()) break;
    operand.lookup = static_cast<int>(l);
    operand.index = static_cast<size_t>(it - lookup.attributes.begin());
    return operand;
  }
  return absl::InvalidArgumentError(
      absl::StrCat(definition_.file, ": unknown ", ref.lookup, ".", ref.column));
}

absl::StatusOr<ReportPlan> ReportPlan::Compile(ReportDefinition definition) {
  ReportPlan plan;
  plan.definition_ = std::move(definition);
  plan.fact_columns_ = plan.definition_.FactColumns();
  for (const ReportLookup& lookup : plan.definition_.lookups) {
    GENIMS_ASSIGN_OR_RETURN(Operand operand, plan.Resolve({"", lookup.fact_column}));
    plan.lookup_fact_index_.push_back(operand.index);
  }
  auto compile = [&plan](const ReportExpr& expr) -> absl::StatusOr<CompiledExpr> {
    CompiledExpr compiled{expr.kind, {}, {}};
    GENIMS_ASSIGN_OR_RETURN(compiled.a, plan.Resolve(expr.a));
    if (!expr.b.column.empty()) {
      GENIMS_ASSIGN_OR_RETURN(compiled.b, plan.Resolve(expr.b));
    }
    return compiled;
  };
  for (const ReportKey& key : plan.definition_.keys) {
    GENIMS_ASSIGN_OR_RETURN(CompiledExpr compiled, compile(key.expr));
    plan.keys_.push_back(compiled);
  }
  for (const ReportMeasure& measure : plan.definition_.measures) {
    if (measure.kind == ReportMeasure::Kind::kCount) {
      plan.measures_.push_back({ReportExpr::Kind::kColumn, {}, {}});
      continue;
    }
    GENIMS_ASSIGN_OR_RETURN(CompiledExpr compiled, compile(measure.value));
    plan.measures_.push_back(compiled);
  }
  for (const ReportCondition& condition : plan.definition_.conditions) {
    GENIMS_ASSIGN_OR_RETURN(Operand operand, plan.Resolve(condition.column));
    plan.condition_operands_.push_back(operand);
  }
  return plan;
}

const std::optional<std::string>& ReportPlan::Read(const Operand& operand, const Values& facts,
                                                   const std::vector<const Values*>& lookups) {
  if (operand.lookup < 0) return facts[operand.index];
  const Values* row = lookups[static_cast<size_t>(operand.lookup)];
  if (row == nullptr) return kNull;
  return (*row)[operand.index];
}

absl::StatusOr<std::optional<Contribution>> ReportPlan::Evaluate(
    const Values& facts, const std::vector<const Values*>& lookups) const {
  for (size_t c = 0; c < condition_operands_.size(); ++c) {
    const ReportCondition& condition = definition_.conditions[c];
    if (!ConditionHolds(condition, Read(condition_operands_[c], facts, lookups))) {
      return std::optional<Contribution>();
    }
  }

  Contribution contribution;
  for (size_t k = 0; k < keys_.size(); ++k) {
    contribution.key.push_back(KeyText(definition_.keys[k], Read(keys_[k].a, facts, lookups)));
  }

  contribution.values.push_back(Decimal6::FromInt(1));  // fact_count
  for (size_t m = 0; m < measures_.size(); ++m) {
    const ReportMeasure& measure = definition_.measures[m];
    if (measure.kind == ReportMeasure::Kind::kCount) {
      contribution.values.push_back(Decimal6::FromInt(1));
      continue;
    }
    const CompiledExpr& expr = measures_[m];
    const std::optional<std::string>& a = Read(expr.a, facts, lookups);
    if (measure.kind == ReportMeasure::Kind::kCountValue) {
      // Counts facts whose operands are all set; nothing is parsed (any type may be counted).
      const bool binary = expr.kind != ReportExpr::Kind::kColumn;
      const bool set = a.has_value() && (!binary || Read(expr.b, facts, lookups).has_value());
      contribution.values.push_back(Decimal6::FromInt(set ? 1 : 0));
      continue;
    }
    std::optional<Decimal6> result;
    bool null = !a.has_value();
    if (expr.kind == ReportExpr::Kind::kSecondsBetween) {
      const std::optional<std::string>& b = Read(expr.b, facts, lookups);
      null = null || !b.has_value();
      if (!null) {
        const std::optional<int64_t> from = ParseTimestampMicros(*a);
        const std::optional<int64_t> to = ParseTimestampMicros(*b);
        if (!from || !to) return NotANumber(measure.value.a.column, *a + " / " + *b);
        result = Decimal6::FromMillionths(__int128(*to - *from));
      }
    } else if (!null) {
      std::optional<Decimal6> x = Decimal6::Parse(*a);
      if (!x) return NotANumber(measure.value.a.column, *a);
      if (expr.kind == ReportExpr::Kind::kColumn) {
        result = x;
      } else {
        const std::optional<std::string>& b = Read(expr.b, facts, lookups);
        null = !b.has_value();
        if (!null) {
          std::optional<Decimal6> y = Decimal6::Parse(*b);
          if (!y) return NotANumber(measure.value.b.column, *b);
          result = expr.kind == ReportExpr::Kind::kMultiply   ? Decimal6::Multiply(*x, *y)
                   : expr.kind == ReportExpr::Kind::kSubtract ? Decimal6::Subtract(*x, *y)
                                                              : Decimal6::Add(*x, *y);
          if (!result) return NotANumber(measure.value.a.column, "product or sum");
        }
      }
    }
    contribution.values.push_back(null ? Decimal6() : *result);
  }
  return std::optional<Contribution>(std::move(contribution));
}

}  // namespace genims
