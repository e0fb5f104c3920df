#include "connector/env_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

extern char** environ;

namespace genims {
namespace {

bool IsValidKey(absl::string_view key) {
  if (key.empty() || absl::ascii_isdigit(key[0])) return false;
  for (char c : key) {
    if (!absl::ascii_isalnum(c) && c != '_') return false;
  }
  return true;
}

// Parses the right-hand side of an assignment; false if a quote is left open or text
// follows the closing quote.
bool ParseValue(absl::string_view raw, std::string* value) {
  raw = absl::StripLeadingAsciiWhitespace(raw);
  value->clear();
  if (raw.empty()) return true;
  const char quote = raw[0];
  if (quote == '\'' || quote == '"') {
    size_t i = 1;
    for (; i < raw.size() && raw[i] != quote; ++i) {
      if (quote == '"' && raw[i] == '\\' && i + 1 < raw.size()) {
        const char next = raw[++i];
        value->push_back(next == 'n' ? '\n' : next);
      } else {
        value->push_back(raw[i]);
      }
    }
    if (i == raw.size()) return false;
    absl::string_view rest = absl::StripLeadingAsciiWhitespace(raw.substr(i + 1));
    return rest.empty() || rest[0] == '#';
  }
  // Unquoted: a '#' preceded by whitespace starts a comment (`ETL_BATCH_SIZE=1000  # rows`).
  size_t end = raw.size();
  for (size_t i = 1; i < raw.size(); ++i) {
    if (raw[i] == '#' && absl::ascii_isspace(raw[i - 1])) {
      end = i;
      break;
    }
  }
  *value = std::string(absl::StripTrailingAsciiWhitespace(raw.substr(0, end)));
  return true;
}

}  // namespace

absl::StatusOr<EnvMap> ParseEnvFile(absl::string_view text, absl::string_view origin) {
  EnvMap env;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    absl::ConsumePrefix(&line, "export ");
    const size_t eq = line.find('=');
    const absl::string_view key =
        absl::StripTrailingAsciiWhitespace(line.substr(0, eq == line.npos ? line.size() : eq));
    std::string value;
    if (eq == line.npos || !IsValidKey(key) || !ParseValue(line.substr(eq + 1), &value)) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ":", line_number, ": expected KEY=VALUE",
                       IsValidKey(key) ? absl::StrCat(" for ", key) : std::string()));
    }
    env.insert_or_assign(std::string(key), std::move(value));
  }
  return env;
}

absl::StatusOr<EnvMap> ReadEnvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    const std::string message =
        absl::StrCat("cannot read env file ", path, ": ", std::strerror(error));
    return error == EACCES ? absl::PermissionDeniedError(message) : absl::NotFoundError(message);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseEnvFile(text.str(), path);
}

EnvMap ProcessEnvironment() {
  EnvMap env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    absl::string_view assignment(*entry);
    const size_t eq = assignment.find('=');
    if (eq == assignment.npos) continue;
    env.emplace(std::string(assignment.substr(0, eq)), std::string(assignment.substr(eq + 1)));
  }
  return env;
}

}  // namespace genims
