// JSON string literals: the one escaper of the project (audit rows, reports, the setup report).
//
// Quotes and backslashes are escaped, control characters written as \n, \r, \t or \u00XX;
// everything else, UTF-8 included, is copied as it is (valid UTF-8 in, valid JSON out).
#ifndef GENIMS_SINK_JSON_TEXT_H_
#define GENIMS_SINK_JSON_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace genims {

// Appends `text` as a JSON string literal, quotes included.
void AppendJsonString(absl::string_view text, std::string* out);

// `text` as a JSON string literal.
std::string JsonString(absl::string_view text);

}  // namespace genims

#endif  // GENIMS_SINK_JSON_TEXT_H_
