#include "connector/table_filter.h"

#include <utility>

namespace genims {

bool GlobMatches(absl::string_view glob, absl::string_view text) {
  // Greedy match with one backtrack point (the last '*'): linear in practice, no recursion.
  size_t g = 0;
  size_t t = 0;
  size_t star = absl::string_view::npos;
  size_t star_text = 0;
  while (t < text.size()) {
    if (g < glob.size() && glob[g] == '*') {
      star = g++;
      star_text = t;
    } else if (g < glob.size() && glob[g] == text[t]) {
      ++g;
      ++t;
    } else if (star != absl::string_view::npos) {
      g = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

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
