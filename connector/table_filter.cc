#include "connector/table_filter.h"

#include <utility>

#include "checkpoint/name_pattern.h"

namespace genims {

TableFilter::TableFilter(std::vector<std::string> include, std::vector<std::string> exclude)
    : include_(Split(include)), exclude_(Split(exclude)) {}

std::vector<TableFilter::Pattern> TableFilter::Split(const std::vector<std::string>& patterns) {
  std::vector<Pattern> split;
  split.reserve(patterns.size());
  for (const std::string& pattern : patterns) {
    const size_t dot = pattern.find('.');
    if (dot == std::string::npos) {
      split.push_back({"*", pattern});
    } else {
      split.push_back({pattern.substr(0, dot), pattern.substr(dot + 1)});
    }
  }
  return split;
}

bool TableFilter::AnyMatches(const std::vector<Pattern>& patterns, absl::string_view schema,
                             absl::string_view table) {
  for (const Pattern& pattern : patterns) {
    if (GlobMatches(pattern.schema, schema) && GlobMatches(pattern.table, table)) return true;
  }
  return false;
}

bool TableFilter::Captures(absl::string_view schema, absl::string_view table) const {
  if (!include_.empty() && !AnyMatches(include_, schema, table)) return false;
  return !AnyMatches(exclude_, schema, table);
}

}  // namespace genims
