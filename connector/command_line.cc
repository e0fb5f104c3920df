#include "connector/command_line.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace genims {

absl::StatusOr<CommandLine> ParseCommandLine(int argc, const char* const* argv) {
  CommandLine command_line;
  bool env_file_seen = false;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      command_line.help = true;
    } else if (arg == "--version") {
      command_line.version = true;
    } else if (arg == "--env-file" || absl::StartsWith(arg, "--env-file=")) {
      if (env_file_seen) return absl::InvalidArgumentError("--env-file given twice");
      env_file_seen = true;
      if (arg == "--env-file") {
        if (i + 1 >= argc) return absl::InvalidArgumentError("--env-file needs a file name");
        arg = argv[++i];
      } else {
        arg.remove_prefix(sizeof("--env-file=") - 1);
      }
      if (arg.empty()) return absl::InvalidArgumentError("--env-file needs a file name");
      command_line.env_file = std::string(arg);
    } else {
      command_line.words.emplace_back(arg);
    }
  }
  return command_line;
}

}  // namespace genims
