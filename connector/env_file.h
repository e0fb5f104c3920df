// EnvFile: reads a GenIMS `.env` file (the seed's configuration format) into key/value pairs.
//
// Accepted syntax, one assignment per line:
//   KEY=value                 # a comment after whitespace is not part of an unquoted value
//   export KEY=value          # `export ` is ignored, so the file can be sourced by a shell
//   KEY="value with # and spaces"   KEY='literal'
// Blank lines and lines starting with '#' are skipped. Keys are [A-Za-z_][A-Za-z0-9_]*.
// Double-quoted values understand \" \\ \n; single-quoted values are literal.
//
// Errors name the file and line, never the value (it may be a password).
#ifndef GENIMS_CONNECTOR_ENV_FILE_H_
#define GENIMS_CONNECTOR_ENV_FILE_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace genims {

using EnvMap = std::map<std::string, std::string, std::less<>>;

// Parses the text of an env file. `origin` names it in error messages.
// Returns kInvalidArgument on a malformed line.
absl::StatusOr<EnvMap> ParseEnvFile(absl::string_view text, absl::string_view origin);

// Reads and parses the file at `path`. Returns kNotFound / kPermissionDenied when it cannot
// be read, kInvalidArgument on a malformed line.
absl::StatusOr<EnvMap> ReadEnvFile(const std::string& path);

// The process environment (environ) as an EnvMap.
EnvMap ProcessEnvironment();

}  // namespace genims

#endif  // GENIMS_CONNECTOR_ENV_FILE_H_
