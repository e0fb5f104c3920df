#include "sink/report_definition.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checkpoint/status_macros.h"

namespace genims {
namespace {

struct Token {
  enum class Kind { kWord, kString, kPunct, kNumber };
  Kind kind;
  std::string text;
};

bool IsNameChar(char c) { return absl::ascii_isalnum(c) || c == '_'; }

bool IsName(absl::string_view text) {
  if (text.empty() || text.size() > 64 || absl::ascii_isdigit(text[0])) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_';
  });
}

absl::StatusOr<std::vector<Token>> Tokenize(absl::string_view line) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '\'') {
      std::string text;
      ++i;
      for (;;) {
        if (i >= line.size()) return absl::InvalidArgumentError("unterminated string");
        if (line[i] == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') {
            text.push_back('\'');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        text.push_back(line[i++]);
      }
      tokens.push_back({Token::Kind::kString, std::move(text)});
    } else if (absl::ascii_isdigit(c)) {
      size_t end = i;
      while (end < line.size() && (absl::ascii_isdigit(line[end]) || line[end] == '.')) ++end;
      tokens.push_back({Token::Kind::kNumber, std::string(line.substr(i, end - i))});
      i = end;
    } else if (IsNameChar(c)) {
      size_t end = i;
      while (end < line.size() && IsNameChar(line[end])) ++end;
      tokens.push_back({Token::Kind::kWord, std::string(line.substr(i, end - i))});
      i = end;
    } else if (c == '<' && i + 1 < line.size() && line[i + 1] == '>') {
      tokens.push_back({Token::Kind::kPunct, "<>"});
      i += 2;
    } else if (absl::string_view("(),=*-+/.").find(c) != absl::string_view::npos) {
      tokens.push_back({Token::Kind::kPunct, std::string(1, c)});
      ++i;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected character '", std::string(1, c), "'"));
    }
  }
  return tokens;
}

// Reads tokens of one statement.
class Reader {
 public:
  explicit Reader(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  bool AtEnd() const { return position_ >= tokens_.size(); }
  bool Peek(absl::string_view text) const {
    return !AtEnd() && tokens_[position_].kind != Token::Kind::kString &&
           tokens_[position_].text == text;
  }
  bool Accept(absl::string_view text) {
    if (!Peek(text)) return false;
    ++position_;
    return true;
  }
  // The text of the token Accept() took last.
  const std::string& Last() const { return tokens_[position_ - 1].text; }
  bool PeekNumber() const { return !AtEnd() && tokens_[position_].kind == Token::Kind::kNumber; }
  std::string TakeNumber() { return tokens_[position_++].text; }
  absl::Status Expect(absl::string_view text) {
    if (Accept(text)) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrCat("expected '", text, "'", Near()));
  }
  absl::StatusOr<std::string> Name(absl::string_view what) {
    if (AtEnd() || tokens_[position_].kind != Token::Kind::kWord ||
        !IsName(tokens_[position_].text)) {
      return absl::InvalidArgumentError(
          absl::StrCat("expected ", what, " (lower-case letters, digits, _)", Near()));
    }
    return tokens_[position_++].text;
  }
  absl::StatusOr<std::string> String() {
    if (AtEnd() || tokens_[position_].kind != Token::Kind::kString) {
      return absl::InvalidArgumentError(absl::StrCat("expected a 'quoted' value", Near()));
    }
    return tokens_[position_++].text;
  }
  absl::Status End() {
    if (AtEnd()) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrCat("unexpected", Near()));
  }
  bool PeekAt(size_t ahead, absl::string_view text) const {
    return position_ + ahead < tokens_.size() &&
           tokens_[position_ + ahead].kind == Token::Kind::kPunct &&
           tokens_[position_ + ahead].text == text;
  }

 private:
  std::string Near() const {
    return AtEnd() ? " at the end of the line"
                   : absl::StrCat(" near '", tokens_[position_].text, "'");
  }

  std::vector<Token> tokens_;
  size_t position_ = 0;
};

absl::StatusOr<ColumnRef> ParseColumn(Reader& reader) {
  ColumnRef ref;
  GENIMS_ASSIGN_OR_RETURN(ref.column, reader.Name("a column"));
  if (reader.Accept(".")) {
    ref.lookup = std::move(ref.column);
    GENIMS_ASSIGN_OR_RETURN(ref.column, reader.Name("a lookup attribute"));
  }
  return ref;
}

absl::StatusOr<ReportExpr> ParseKeyExpr(Reader& reader) {
  ReportExpr expr;
  for (const auto& [word, kind] :
       {std::pair{"day", ReportExpr::Kind::kDay}, std::pair{"month", ReportExpr::Kind::kMonth},
        std::pair{"year", ReportExpr::Kind::kYear}}) {
    if (reader.Peek(word) && reader.PeekAt(1, "(")) {
      reader.Accept(word);
      GENIMS_RETURN_IF_ERROR(reader.Expect("("));
      expr.kind = kind;
      GENIMS_ASSIGN_OR_RETURN(expr.a, ParseColumn(reader));
      GENIMS_RETURN_IF_ERROR(reader.Expect(")"));
      return expr;
    }
  }
  GENIMS_ASSIGN_OR_RETURN(expr.a, ParseColumn(reader));
  return expr;
}

absl::StatusOr<ReportExpr> ParseValue(Reader& reader) {
  ReportExpr expr;
  if (reader.Accept("seconds_between")) {
    expr.kind = ReportExpr::Kind::kSecondsBetween;
    GENIMS_RETURN_IF_ERROR(reader.Expect("("));
    GENIMS_ASSIGN_OR_RETURN(expr.a, ParseColumn(reader));
    GENIMS_RETURN_IF_ERROR(reader.Expect(","));
    GENIMS_ASSIGN_OR_RETURN(expr.b, ParseColumn(reader));
    GENIMS_RETURN_IF_ERROR(reader.Expect(")"));
    return expr;
  }
  GENIMS_ASSIGN_OR_RETURN(expr.a, ParseColumn(reader));
  for (const auto& [op, kind] :
       {std::pair{"*", ReportExpr::Kind::kMultiply}, std::pair{"-", ReportExpr::Kind::kSubtract},
        std::pair{"+", ReportExpr::Kind::kAdd}}) {
    if (reader.Accept(op)) {
      expr.kind = kind;
      GENIMS_ASSIGN_OR_RETURN(expr.b, ParseColumn(reader));
      return expr;
    }
  }
  return expr;
}

absl::StatusOr<ReportCondition> ParseCondition(Reader& reader) {
  ReportCondition condition;
  GENIMS_ASSIGN_OR_RETURN(condition.column, ParseColumn(reader));
  if (reader.Accept("is")) {
    condition.op =
        reader.Accept("not") ? ReportCondition::Op::kIsNotNull : ReportCondition::Op::kIsNull;
    GENIMS_RETURN_IF_ERROR(reader.Expect("null"));
    return condition;
  }
  if (reader.Accept("=") || reader.Peek("<>")) {
    condition.op =
        reader.Accept("<>") ? ReportCondition::Op::kNotEqual : ReportCondition::Op::kEqual;
    GENIMS_ASSIGN_OR_RETURN(std::string value, reader.String());
    condition.values.push_back(std::move(value));
    return condition;
  }
  condition.op = reader.Accept("not") ? ReportCondition::Op::kNotIn : ReportCondition::Op::kIn;
  GENIMS_RETURN_IF_ERROR(reader.Expect("in"));
  GENIMS_RETURN_IF_ERROR(reader.Expect("("));
  do {
    GENIMS_ASSIGN_OR_RETURN(std::string value, reader.String());
    condition.values.push_back(std::move(value));
  } while (reader.Accept(","));
  GENIMS_RETURN_IF_ERROR(reader.Expect(")"));
  return condition;
}

absl::StatusOr<KeyType> ParseType(Reader& reader) {
  GENIMS_ASSIGN_OR_RETURN(std::string word, reader.Name("a type"));
  if (word == "bigint") return KeyType::kBigint;
  if (word == "int") return KeyType::kInt;
  if (word == "date") return KeyType::kDate;
  if (word == "text") return KeyType::kText;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown type '", word, "' (bigint, int, date or text)"));
}

// Derived SQL: numbers, measure names, + - * / ( ) and nullif(.., ..). Returns the text.
absl::StatusOr<std::string> ParseDerived(Reader& reader, const ReportDefinition& report) {
  int depth = 0;
  bool any = false;
  std::vector<std::string> parts;
  while (!reader.AtEnd()) {
    if (reader.Accept("(")) {
      ++depth;
      parts.push_back("(");
    } else if (reader.Accept(")")) {
      if (--depth < 0) return absl::InvalidArgumentError("unbalanced ')'");
      parts.push_back(")");
    } else if (reader.Accept("+") || reader.Accept("-") || reader.Accept("*") ||
               reader.Accept("/") || reader.Accept(",")) {
      parts.push_back(reader.Last());
    } else if (reader.Accept("nullif")) {
      parts.push_back("NULLIF");
    } else if (reader.PeekNumber()) {
      parts.push_back(reader.TakeNumber());
      any = true;
    } else {
      GENIMS_ASSIGN_OR_RETURN(std::string name, reader.Name("a measure, number or operator"));
      const bool measure = std::any_of(report.measures.begin(), report.measures.end(),
                                       [&](const ReportMeasure& m) { return m.name == name; });
      if (!measure) {
        return absl::InvalidArgumentError(
            absl::StrCat("'", name,
                         "' is not a measure of this report (derived columns use "
                         "measures only)"));
      }
      parts.push_back(std::string("`") + name + "`");
      any = true;
    }
  }
  if (depth != 0) return absl::InvalidArgumentError("unbalanced '('");
  if (!any) return absl::InvalidArgumentError("empty derived expression");
  return absl::StrJoin(parts, " ");
}

void CollectColumn(const ColumnRef& ref, std::set<std::string>* columns) {
  if (ref.lookup.empty() && !ref.column.empty()) columns->insert(ref.column);
}

void CollectExpr(const ReportExpr& expr, std::set<std::string>* columns) {
  CollectColumn(expr.a, columns);
  CollectColumn(expr.b, columns);
}

// Checks the lookup attributes `ref` names are declared.
absl::Status CheckRef(const ReportDefinition& report, const ColumnRef& ref) {
  if (ref.lookup.empty() || ref.column.empty()) return absl::OkStatus();
  const ReportLookup* lookup = report.FindLookup(ref.lookup);
  if (lookup == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("'", ref.lookup, ".", ref.column,
                                                   "': no lookup named '", ref.lookup, "' above"));
  }
  if (std::find(lookup->attributes.begin(), lookup->attributes.end(), ref.column) ==
      lookup->attributes.end()) {
    return absl::InvalidArgumentError(absl::StrCat("'", ref.lookup, ".", ref.column, "': add ",
                                                   ref.column, " to the lookup's get list"));
  }
  return absl::OkStatus();
}

absl::Status ParseStatement(absl::string_view keyword, Reader& reader, ReportDefinition* report,
                            std::set<std::string>* names) {
  auto unique = [&](const std::string& name) -> absl::Status {
    if (name == "fact_count" || name == "updated_at" || !names->insert(name).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("column name '", name, "' is used twice or reserved"));
    }
    return absl::OkStatus();
  };
  if (keyword == "report") {
    GENIMS_ASSIGN_OR_RETURN(report->name, reader.Name("the table name"));
  } else if (keyword == "source") {
    GENIMS_ASSIGN_OR_RETURN(report->database, reader.Name("a database"));
    GENIMS_ASSIGN_OR_RETURN(report->schema, reader.Name("a schema"));
    GENIMS_RETURN_IF_ERROR(reader.Expect("."));
    GENIMS_ASSIGN_OR_RETURN(report->table, reader.Name("a table"));
  } else if (keyword == "lookup") {
    ReportLookup lookup;
    GENIMS_ASSIGN_OR_RETURN(lookup.alias, reader.Name("an alias"));
    if (report->FindLookup(lookup.alias) != nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("lookup '", lookup.alias, "' twice"));
    }
    GENIMS_ASSIGN_OR_RETURN(lookup.database, reader.Name("a database"));
    GENIMS_ASSIGN_OR_RETURN(lookup.schema, reader.Name("a schema"));
    GENIMS_RETURN_IF_ERROR(reader.Expect("."));
    GENIMS_ASSIGN_OR_RETURN(lookup.table, reader.Name("a table"));
    GENIMS_RETURN_IF_ERROR(reader.Expect("by"));
    GENIMS_ASSIGN_OR_RETURN(lookup.key_column, reader.Name("the dimension's key column"));
    GENIMS_RETURN_IF_ERROR(reader.Expect("="));
    GENIMS_ASSIGN_OR_RETURN(lookup.fact_column, reader.Name("the fact's column"));
    GENIMS_RETURN_IF_ERROR(reader.Expect("get"));
    do {
      GENIMS_ASSIGN_OR_RETURN(std::string attribute, reader.Name("an attribute"));
      lookup.attributes.push_back(std::move(attribute));
    } while (reader.Accept(","));
    report->lookups.push_back(std::move(lookup));
  } else if (keyword == "where") {
    do {
      GENIMS_ASSIGN_OR_RETURN(ReportCondition condition, ParseCondition(reader));
      GENIMS_RETURN_IF_ERROR(CheckRef(*report, condition.column));
      report->conditions.push_back(std::move(condition));
    } while (reader.Accept("and"));
  } else if (keyword == "key") {
    ReportKey key;
    GENIMS_ASSIGN_OR_RETURN(key.name, reader.Name("the key's name"));
    GENIMS_RETURN_IF_ERROR(unique(key.name));
    GENIMS_ASSIGN_OR_RETURN(key.type, ParseType(reader));
    GENIMS_RETURN_IF_ERROR(reader.Expect("="));
    GENIMS_ASSIGN_OR_RETURN(key.expr, ParseKeyExpr(reader));
    GENIMS_RETURN_IF_ERROR(CheckRef(*report, key.expr.a));
    report->keys.push_back(std::move(key));
  } else if (keyword == "measure") {
    ReportMeasure measure;
    GENIMS_ASSIGN_OR_RETURN(measure.name, reader.Name("the measure's name"));
    GENIMS_RETURN_IF_ERROR(unique(measure.name));
    GENIMS_RETURN_IF_ERROR(reader.Expect("="));
    if (reader.Accept("count")) {
      measure.kind = ReportMeasure::Kind::kCount;
      if (reader.Accept("(")) {
        measure.kind = ReportMeasure::Kind::kCountValue;
        GENIMS_ASSIGN_OR_RETURN(measure.value, ParseValue(reader));
        GENIMS_RETURN_IF_ERROR(reader.Expect(")"));
      }
    } else {
      GENIMS_RETURN_IF_ERROR(reader.Expect("sum"));
      measure.kind = ReportMeasure::Kind::kSum;
      GENIMS_RETURN_IF_ERROR(reader.Expect("("));
      GENIMS_ASSIGN_OR_RETURN(measure.value, ParseValue(reader));
      GENIMS_RETURN_IF_ERROR(reader.Expect(")"));
    }
    if (!measure.value.a.lookup.empty() || !measure.value.b.lookup.empty()) {
      return absl::InvalidArgumentError("measures read fact columns only");
    }
    report->measures.push_back(std::move(measure));
  } else if (keyword == "derived") {
    ReportDerived derived;
    GENIMS_ASSIGN_OR_RETURN(derived.name, reader.Name("the column's name"));
    GENIMS_RETURN_IF_ERROR(unique(derived.name));
    GENIMS_RETURN_IF_ERROR(reader.Expect("="));
    GENIMS_ASSIGN_OR_RETURN(derived.sql, ParseDerived(reader, *report));
    report->derived.push_back(std::move(derived));
  } else if (keyword == "index") {
    std::vector<std::string> columns;
    do {
      GENIMS_ASSIGN_OR_RETURN(std::string column, reader.Name("a key name"));
      const bool is_key = std::any_of(report->keys.begin(), report->keys.end(),
                                      [&](const ReportKey& k) { return k.name == column; });
      if (!is_key) {
        return absl::InvalidArgumentError(
            absl::StrCat("index column '", column, "' is not a key declared above"));
      }
      columns.push_back(std::move(column));
    } while (reader.Accept(","));
    report->indexes.push_back(std::move(columns));
  } else {
    return absl::InvalidArgumentError(absl::StrCat("unknown statement '", keyword, "'"));
  }
  return reader.End();
}

}  // namespace

const char* KeyTypeName(KeyType type) {
  switch (type) {
    case KeyType::kBigint:
      return "bigint";
    case KeyType::kInt:
      return "int";
    case KeyType::kDate:
      return "date";
    case KeyType::kText:
      return "text";
  }
  return "text";
}

const ReportLookup* ReportDefinition::FindLookup(absl::string_view alias) const {
  for (const ReportLookup& lookup : lookups) {
    if (lookup.alias == alias) return &lookup;
  }
  return nullptr;
}

std::vector<std::string> ReportDefinition::FactColumns() const {
  std::set<std::string> columns;
  for (const ReportLookup& lookup : lookups) columns.insert(lookup.fact_column);
  for (const ReportCondition& condition : conditions) CollectColumn(condition.column, &columns);
  for (const ReportKey& key : keys) CollectExpr(key.expr, &columns);
  for (const ReportMeasure& measure : measures) {
    if (measure.kind != ReportMeasure::Kind::kCount) CollectExpr(measure.value, &columns);
  }
  return std::vector<std::string>(columns.begin(), columns.end());
}

absl::StatusOr<ReportDefinition> ParseReport(absl::string_view text, const std::string& file) {
  ReportDefinition report;
  report.file = file;
  std::set<std::string> names;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    const size_t hash = line.find('#');
    // A '#' inside a quoted value is not a comment.
    if (hash != absl::string_view::npos &&
        std::count(line.begin(), line.begin() + hash, '\'') % 2 == 0) {
      line = line.substr(0, hash);
    }
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    const size_t blank = line.find_first_of(" \t");
    const absl::string_view keyword = line.substr(0, blank);
    const absl::string_view rest = absl::StripAsciiWhitespace(
        blank == absl::string_view::npos ? absl::string_view() : line.substr(blank + 1));
    if (keyword == "group" || keyword == "describe") {  // Free text, taken as written.
      (keyword == "group" ? report.group : report.description) = std::string(rest);
      continue;
    }
    absl::StatusOr<std::vector<Token>> tokens = Tokenize(rest);
    absl::Status status = tokens.status();
    if (status.ok()) {
      Reader reader(std::move(*tokens));
      status = ParseStatement(keyword, reader, &report, &names);
    }
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(file, ":", line_number, ": ", status.message()));
    }
  }
  auto missing = [&](absl::string_view what) {
    return absl::InvalidArgumentError(absl::StrCat(file, ": no ", what));
  };
  if (report.name.empty()) return missing("'report' statement");
  if (report.table.empty()) return missing("'source' statement");
  if (report.keys.empty()) return missing("'key' statement (a report needs a group key)");
  if (report.measures.empty()) return missing("'measure' statement");
  return report;
}

absl::StatusOr<std::vector<ReportDefinition>> LoadReports(const std::string& directory) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() == ".report") files.push_back(entry.path());
  }
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("CDC_REPORT_DIR ", directory, ": ", error.message()));
  }
  std::sort(files.begin(), files.end());
  std::vector<ReportDefinition> reports;
  std::set<std::string> names;
  for (const std::filesystem::path& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return absl::FailedPreconditionError(absl::StrCat("cannot read ", path.string()));
    GENIMS_ASSIGN_OR_RETURN(ReportDefinition report, ParseReport(text.str(), path.string()));
    if (!names.insert(report.name).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(path.string(), ": report '", report.name, "' is defined twice"));
    }
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace genims
