// CommandLine: genims-cdc's arguments, split into the command words and global options.
//
// Global options may stand before or after the command words (DESIGN: `genims-cdc --env-file F
// run` and `genims-cdc run --env-file F` are the same):
//   --env-file FILE | --env-file=FILE    read configuration from FILE too
//   -h | --help                           print usage
//   --version
// Options specific to a command (`--db NAME`, `--all`, ...) stay in `words`, in order, for
// that command to interpret.
#ifndef GENIMS_CONNECTOR_COMMAND_LINE_H_
#define GENIMS_CONNECTOR_COMMAND_LINE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace genims {

struct CommandLine {
  std::vector<std::string> words;  // "slots", "list", "--db", "genims_erp_db", ...
  std::string env_file;            // Empty when not given.
  bool help = false;
  bool version = false;
};

// Parses argv[1..argc). Returns kInvalidArgument for --env-file without a value or given twice.
absl::StatusOr<CommandLine> ParseCommandLine(int argc, const char* const* argv);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_COMMAND_LINE_H_
