// libFuzzer target for Wal2JsonDecoder (built with -DGENIMS_FUZZ=ON, see CMakeLists.txt).
//
// The input is split at '\n' and each piece decoded in turn by one decoder into one event, as
// a replication stream would feed it, so reuse of buffers across messages is fuzzed too. The
// seeds are the captured lines of decoder/testdata. Beyond the sanitizers, it checks that a
// failure is always kDataLoss and that a decoded event's strings are readable.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "decoder/wal2json_decoder.h"

namespace {

// Touches every byte of a borrowed string so that ASan checks it is still alive.
size_t Touch(absl::string_view text) {
  size_t sum = 0;
  for (char c : text) sum += static_cast<unsigned char>(c);
  return sum;
}

size_t TouchColumns(const std::vector<genims::ColumnValue>& columns) {
  size_t sum = 0;
  for (const genims::ColumnValue& column : columns) {
    sum += Touch(column.name) + Touch(column.type_name) + Touch(column.value);
    if (column.is_null && !column.value.empty()) std::abort();
  }
  return sum;
}

size_t TouchEvent(const genims::ChangeEvent& event) {
  switch (event.kind) {
    case genims::EventKind::kChange: {
      size_t sum = Touch(event.change.schema) + Touch(event.change.table) +
                   TouchColumns(event.change.new_columns) + TouchColumns(event.change.old_columns);
      for (absl::string_view name : event.change.primary_key) sum += Touch(name);
      return sum;
    }
    case genims::EventKind::kTruncate:
      return Touch(event.truncate.schema) + Touch(event.truncate.table);
    case genims::EventKind::kMessage:
      return Touch(event.message.prefix) + Touch(event.message.content);
    case genims::EventKind::kBegin:
    case genims::EventKind::kCommit:
      return 0;
  }
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  genims::Wal2JsonDecoder decoder;
  genims::ChangeEvent event;
  absl::string_view input(reinterpret_cast<const char*>(data), size);
  volatile size_t sink = 0;
  while (true) {
    const size_t newline = input.find('\n');
    const absl::string_view message = input.substr(0, newline);
    const absl::Status status = decoder.Decode(message, genims::Lsn::FromRaw(size), &event);
    if (status.ok()) {
      sink = sink + TouchEvent(event);
    } else if (status.code() != absl::StatusCode::kDataLoss) {
      std::abort();  // Every failure must mean "malformed": anything else is a decoder bug.
    }
    if (newline == absl::string_view::npos) break;
    input.remove_prefix(newline + 1);
  }
  return 0;
}
