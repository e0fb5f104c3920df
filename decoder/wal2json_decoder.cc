#include "decoder/wal2json_decoder.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "decoder/timestamptz_text.h"
#include "simdjson.h"

namespace genims {
namespace {

namespace ondemand = simdjson::ondemand;

constexpr uint32_t kByteaOid = 17;

// Debian's Abseil is built without std::string_view aliasing (ABSL_OPTION_USE_STD_STRING_VIEW
// 0); simdjson speaks std::string_view. Convert at this boundary only.
absl::string_view ToAbsl(std::string_view text) { return {text.data(), text.size()}; }

absl::Status Malformed(absl::string_view reason) { return absl::DataLossError(reason); }

absl::Status JsonError(simdjson::error_code error, absl::string_view context) {
  return absl::DataLossError(absl::StrCat(context, ": ", simdjson::error_message(error)));
}

// A raw number token runs to the next structural character; drop the JSON whitespace.
std::string_view TrimTrailingJsonWhitespace(std::string_view token) {
  while (!token.empty()) {
    const char c = token.back();
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    token.remove_suffix(1);
  }
  return token;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
// On Demand does not validate a number token it is not asked to convert.
bool IsJsonNumber(std::string_view token) {
  size_t i = 0;
  const size_t n = token.size();
  if (i < n && token[i] == '-') ++i;
  if (i >= n || !IsDigit(token[i])) return false;
  if (token[i] == '0') {
    ++i;
  } else {
    while (i < n && IsDigit(token[i])) ++i;
  }
  if (i < n && token[i] == '.') {
    const size_t start = ++i;
    while (i < n && IsDigit(token[i])) ++i;
    if (i == start) return false;
  }
  if (i < n && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    if (i < n && (token[i] == '+' || token[i] == '-')) ++i;
    const size_t start = i;
    while (i < n && IsDigit(token[i])) ++i;
    if (i == start) return false;
  }
  return i == n;
}

bool IsHex(std::string_view text) {
  if (text.size() % 2 != 0) return false;
  for (char c : text) {
    if (!IsDigit(c) && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F')) return false;
  }
  return true;
}

// Reads a JSON string.
absl::Status GetString(ondemand::value& value, absl::string_view key, std::string_view* out) {
  if (simdjson::error_code error = value.get_string().get(*out)) {
    return JsonError(error, absl::StrCat("\"", key, "\" is not a string"));
  }
  return absl::OkStatus();
}

// Reads "X/X" into an Lsn.
absl::Status GetLsn(ondemand::value& value, absl::string_view key, Lsn* out) {
  std::string_view text;
  if (absl::Status status = GetString(value, key, &text); !status.ok()) return status;
  absl::StatusOr<Lsn> lsn = Lsn::Parse(ToAbsl(text));
  if (!lsn.ok()) return Malformed(absl::StrCat("\"", key, "\": ", lsn.status().message()));
  *out = *lsn;
  return absl::OkStatus();
}

// The top-level keys the decoder interprets; each may appear once.
enum Key : uint32_t {
  kAction = 1u << 0,
  kXid = 1u << 1,
  kTimestamp = 1u << 2,
  kLsn = 1u << 3,
  kNextLsn = 1u << 4,
  kSchema = 1u << 5,
  kTable = 1u << 6,
  kColumns = 1u << 7,
  kIdentity = 1u << 8,
  kPk = 1u << 9,
  kTransactional = 1u << 10,
  kPrefix = 1u << 11,
  kContent = 1u << 12,
  kUnknownKey = 0,
};

Key TopLevelKey(std::string_view key) {
  switch (key.size()) {
    case 2:
      if (key == "pk") return kPk;
      break;
    case 3:
      if (key == "xid") return kXid;
      if (key == "lsn") return kLsn;
      break;
    case 5:
      if (key == "table") return kTable;
      break;
    case 6:
      if (key == "action") return kAction;
      if (key == "schema") return kSchema;
      if (key == "prefix") return kPrefix;
      break;
    case 7:
      if (key == "nextlsn") return kNextLsn;
      if (key == "columns") return kColumns;
      if (key == "content") return kContent;
      break;
    case 8:
      if (key == "identity") return kIdentity;
      break;
    case 9:
      if (key == "timestamp") return kTimestamp;
      break;
    case 13:
      if (key == "transactional") return kTransactional;
      break;
  }
  return kUnknownKey;
}

// What a message carried, before it is checked against its action.
struct TopLevel {
  uint32_t seen = 0;
  char action = 0;
  uint32_t xid = 0;
  bool has_timestamp = false;
  std::string_view timestamp;
  Lsn lsn;
  Lsn next_lsn;
  std::string_view schema;
  std::string_view table;
  bool transactional = false;
  std::string_view prefix;
  std::string_view content;
};

// For an UPDATE under REPLICA IDENTITY FULL, wal2json sends "optional" only with the new
// row; carry it over to the old row's columns of the same name. Both lists are in attribute
// order (either may lack columns), so a moving cursor usually finds the match at once.
void InheritNotNull(const std::vector<ColumnValue>& new_columns,
                    std::vector<ColumnValue>* old_columns) {
  const size_t n = new_columns.size();
  if (n == 0) return;
  size_t cursor = 0;
  for (ColumnValue& old_column : *old_columns) {
    if (old_column.not_null_declared != NotNullDeclared::kUnknown) continue;
    for (size_t step = 0; step < n; ++step) {
      const size_t k = (cursor + step) % n;
      if (new_columns[k].name == old_column.name) {
        old_column.not_null_declared = new_columns[k].not_null_declared;
        cursor = k + 1;
        break;
      }
    }
  }
}

int FlagLostSpecialValues(std::vector<ColumnValue>* columns) {
  int lost = 0;
  for (ColumnValue& column : *columns) {
    column.special_value_lost = column.is_null && column.not_null_declared == NotNullDeclared::kYes;
    lost += column.special_value_lost ? 1 : 0;
  }
  return lost;
}

}  // namespace

// The simdjson state and the buffers that decoded values point into.
class Wal2JsonDecoder::Parser {
 public:
  absl::Status Decode(absl::string_view message, ChangeEvent* event);

 private:
  absl::Status ParseTopLevel(ondemand::object& object, TopLevel* top, RowChange* change);
  absl::Status ParseColumns(ondemand::value& value, absl::string_view key,
                            std::vector<ColumnValue>* columns);
  absl::Status ParseColumn(ondemand::object& object, ColumnValue* column);
  absl::Status ParsePrimaryKey(ondemand::value& value, std::vector<absl::string_view>* names);
  absl::Status Finish(const TopLevel& top, ChangeEvent* event);

  ondemand::parser json_;
  // The message copied with SIMDJSON_PADDING bytes after it; numbers point into it.
  std::unique_ptr<char[]> input_;
  size_t input_capacity_ = 0;
  // "\x" + hex of every bytea value of the message. Reserved to the message's size before
  // parsing, which bounds its contents (each value's hex is at least that long in the JSON,
  // plus two quotes), so it never reallocates under the string_views handed out.
  std::string bytea_text_;
};

absl::Status Wal2JsonDecoder::Parser::Decode(absl::string_view message, ChangeEvent* event) {
  const size_t needed = message.size() + simdjson::SIMDJSON_PADDING;
  if (needed > input_capacity_) {
    input_capacity_ = std::max(needed, 2 * input_capacity_);
    input_ = std::make_unique<char[]>(input_capacity_);
  }
  std::memcpy(input_.get(), message.data(), message.size());
  std::memset(input_.get() + message.size(), 0, simdjson::SIMDJSON_PADDING);
  if (message.size() > json_.capacity()) {
    // Grow geometrically so that a slowly growing message size does not reallocate each time.
    const size_t capacity = std::max(message.size(), 2 * json_.capacity());
    if (simdjson::error_code error = json_.allocate(capacity, json_.max_depth())) {
      return absl::ResourceExhaustedError(
          absl::StrCat("cannot size the JSON parser: ", simdjson::error_message(error)));
    }
  }
  bytea_text_.clear();
  bytea_text_.reserve(message.size());

  ondemand::document document;
  if (simdjson::error_code error =
          json_.iterate(input_.get(), message.size(), input_capacity_).get(document)) {
    return JsonError(error, "not JSON");
  }
  ondemand::object object;
  if (simdjson::error_code error = document.get_object().get(object)) {
    return JsonError(error, "not a JSON object");
  }
  RowChange& change = event->change;
  change.new_columns.clear();
  change.old_columns.clear();
  change.primary_key.clear();
  change.primary_key_sent = false;
  TopLevel top;
  if (absl::Status status = ParseTopLevel(object, &top, &change); !status.ok()) return status;
  // After the object only whitespace may follow; current_location() fails at the end.
  if (!document.current_location().error()) return Malformed("trailing bytes after the object");
  return Finish(top, event);
}

absl::Status Wal2JsonDecoder::Parser::ParseTopLevel(ondemand::object& object, TopLevel* top,
                                                    RowChange* change) {
  for (auto field_result : object) {
    ondemand::field field;
    if (simdjson::error_code error = std::move(field_result).get(field)) {
      return JsonError(error, "malformed object");
    }
    std::string_view key_text;
    if (simdjson::error_code error = field.unescaped_key().get(key_text)) {
      return JsonError(error, "malformed key");
    }
    const Key key = TopLevelKey(key_text);
    if (key == kUnknownKey) continue;  // "origin" and future keys; skipped unread.
    if (top->seen & key) return Malformed(absl::StrCat("repeated key \"", ToAbsl(key_text), "\""));
    top->seen |= key;
    ondemand::value value = field.value();
    absl::Status status;
    switch (key) {
      case kAction: {
        std::string_view action;
        status = GetString(value, "action", &action);
        if (status.ok() && action.size() != 1) {
          status = Malformed(absl::StrCat("unknown action \"",
                                          absl::CHexEscape(ToAbsl(action).substr(0, 16)), "\""));
        }
        if (status.ok()) top->action = action[0];
        break;
      }
      case kXid: {
        // Non-transactional messages carry "xid":null.
        bool is_null = false;
        if (simdjson::error_code error = value.is_null().get(is_null)) {
          status = JsonError(error, "\"xid\" is not a number");
        } else if (!is_null) {
          uint64_t xid = 0;
          if (simdjson::error_code error = value.get_uint64().get(xid)) {
            status = JsonError(error, "\"xid\" is not a transaction id");
          } else if (xid > UINT32_MAX) {
            status = Malformed("\"xid\" is out of range");
          } else {
            top->xid = static_cast<uint32_t>(xid);
          }
        }
        break;
      }
      case kTimestamp: {
        bool is_null = false;
        if (simdjson::error_code error = value.is_null().get(is_null)) {
          status = JsonError(error, "\"timestamp\" is not a string");
        } else if (!is_null) {
          status = GetString(value, "timestamp", &top->timestamp);
          top->has_timestamp = status.ok();
        }
        break;
      }
      case kLsn:
        status = GetLsn(value, "lsn", &top->lsn);
        break;
      case kNextLsn:
        status = GetLsn(value, "nextlsn", &top->next_lsn);
        break;
      case kSchema:
        status = GetString(value, "schema", &top->schema);
        break;
      case kTable:
        status = GetString(value, "table", &top->table);
        break;
      case kColumns:
        status = ParseColumns(value, "columns", &change->new_columns);
        break;
      case kIdentity:
        status = ParseColumns(value, "identity", &change->old_columns);
        break;
      case kPk:
        change->primary_key_sent = true;
        status = ParsePrimaryKey(value, &change->primary_key);
        break;
      case kTransactional:
        if (simdjson::error_code error = value.get_bool().get(top->transactional)) {
          status = JsonError(error, "\"transactional\" is not a boolean");
        }
        break;
      case kPrefix:
        status = GetString(value, "prefix", &top->prefix);
        break;
      case kContent:
        status = GetString(value, "content", &top->content);
        break;
      case kUnknownKey:
        break;
    }
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Status Wal2JsonDecoder::Parser::ParseColumns(ondemand::value& value, absl::string_view key,
                                                   std::vector<ColumnValue>* columns) {
  ondemand::array array;
  if (simdjson::error_code error = value.get_array().get(array)) {
    return JsonError(error, absl::StrCat("\"", key, "\" is not an array"));
  }
  for (auto element : array) {
    ondemand::object object;
    if (simdjson::error_code error = element.get_object().get(object)) {
      return JsonError(error, absl::StrCat("an element of \"", key, "\" is not an object"));
    }
    columns->emplace_back();
    if (absl::Status status = ParseColumn(object, &columns->back()); !status.ok()) {
      return absl::Status(status.code(), absl::StrCat("\"", key, "\"[", columns->size() - 1,
                                                      "]: ", status.message()));
    }
  }
  return absl::OkStatus();
}

absl::Status Wal2JsonDecoder::Parser::ParseColumn(ondemand::object& object, ColumnValue* column) {
  bool has_name = false;
  bool has_type = false;
  bool has_type_oid = false;
  bool has_value = false;
  bool has_optional = false;
  bool value_is_string = false;
  for (auto field_result : object) {
    ondemand::field field;
    if (simdjson::error_code error = std::move(field_result).get(field)) {
      return JsonError(error, "malformed column");
    }
    std::string_view key;
    if (simdjson::error_code error = field.unescaped_key().get(key)) {
      return JsonError(error, "malformed column key");
    }
    ondemand::value value = field.value();
    if (key == "name") {
      if (has_name) return Malformed("repeated \"name\"");
      has_name = true;
      std::string_view name;
      if (absl::Status status = GetString(value, "name", &name); !status.ok()) return status;
      column->name = ToAbsl(name);
    } else if (key == "type") {
      if (has_type) return Malformed("repeated \"type\"");
      has_type = true;
      std::string_view type_name;
      if (absl::Status status = GetString(value, "type", &type_name); !status.ok()) return status;
      column->type_name = ToAbsl(type_name);
    } else if (key == "typeoid") {
      if (has_type_oid) return Malformed("repeated \"typeoid\"");
      has_type_oid = true;
      // wal2json 2.5 prints the OID with %d: OIDs above 2^31 arrive negative.
      int64_t oid = 0;
      if (simdjson::error_code error = value.get_int64().get(oid)) {
        return JsonError(error, "\"typeoid\" is not an integer");
      }
      if (oid < INT32_MIN || oid > UINT32_MAX) return Malformed("\"typeoid\" is out of range");
      column->type_oid = static_cast<uint32_t>(oid);
    } else if (key == "value") {
      if (has_value) return Malformed("repeated \"value\"");
      has_value = true;
      ondemand::json_type type;
      if (simdjson::error_code error = value.type().get(type)) {
        return JsonError(error, "malformed \"value\"");
      }
      switch (type) {
        case ondemand::json_type::string: {
          std::string_view text;
          if (absl::Status status = GetString(value, "value", &text); !status.ok()) return status;
          column->value = ToAbsl(text);
          value_is_string = true;
          break;
        }
        case ondemand::json_type::number: {
          const std::string_view token = TrimTrailingJsonWhitespace(value.raw_json_token());
          if (!IsJsonNumber(token)) return Malformed("malformed number");
          column->value = ToAbsl(token);
          break;
        }
        case ondemand::json_type::boolean: {
          bool flag = false;
          if (simdjson::error_code error = value.get_bool().get(flag)) {
            return JsonError(error, "malformed boolean");
          }
          column->value = flag ? "t" : "f";  // PostgreSQL's boolout.
          break;
        }
        case ondemand::json_type::null: {
          bool is_null = false;
          if (simdjson::error_code error = value.is_null().get(is_null)) {
            return JsonError(error, "malformed null");
          }
          if (!is_null) return Malformed("malformed null");
          column->is_null = true;
          break;
        }
        default:
          return Malformed("\"value\" is an array or object");
      }
    } else if (key == "optional") {
      if (has_optional) return Malformed("repeated \"optional\"");
      has_optional = true;
      bool nullable = false;
      if (simdjson::error_code error = value.get_bool().get(nullable)) {
        return JsonError(error, "\"optional\" is not a boolean");
      }
      column->not_null_declared = nullable ? NotNullDeclared::kNo : NotNullDeclared::kYes;
    }
    // Other keys ("position", "default") are skipped unread.
  }
  if (!has_name) return Malformed("no \"name\"");
  if (!has_value) return Malformed("no \"value\"");
  // wal2json sends bytea as hex with its "\x" cut off; every other type is already text.
  if (value_is_string && (column->type_oid == kByteaOid || column->type_name == "bytea")) {
    const std::string_view hex(column->value.data(), column->value.size());
    if (!IsHex(hex)) return Malformed("bytea value is not hex (bytea_output must be 'hex')");
    if (bytea_text_.size() + 2 + hex.size() > bytea_text_.capacity()) {
      return absl::InternalError("bytea buffer bound violated");  // Unreachable, see above.
    }
    const size_t offset = bytea_text_.size();
    bytea_text_.append("\\x").append(hex);
    column->value = absl::string_view(bytea_text_.data() + offset, 2 + hex.size());
  }
  return absl::OkStatus();
}

absl::Status Wal2JsonDecoder::Parser::ParsePrimaryKey(ondemand::value& value,
                                                      std::vector<absl::string_view>* names) {
  ondemand::array array;
  if (simdjson::error_code error = value.get_array().get(array)) {
    return JsonError(error, "\"pk\" is not an array");
  }
  for (auto element : array) {
    ondemand::object object;
    if (simdjson::error_code error = element.get_object().get(object)) {
      return JsonError(error, "an element of \"pk\" is not an object");
    }
    bool has_name = false;
    for (auto field_result : object) {
      ondemand::field field;
      if (simdjson::error_code error = std::move(field_result).get(field)) {
        return JsonError(error, "malformed \"pk\" element");
      }
      std::string_view key;
      if (simdjson::error_code error = field.unescaped_key().get(key)) {
        return JsonError(error, "malformed \"pk\" key");
      }
      if (key != "name") continue;  // "type", "typeoid".
      if (has_name) return Malformed("repeated \"name\" in \"pk\"");
      has_name = true;
      std::string_view name;
      ondemand::value name_value = field.value();
      if (absl::Status status = GetString(name_value, "name", &name); !status.ok()) return status;
      names->push_back(ToAbsl(name));
    }
    if (!has_name) return Malformed("a \"pk\" element has no \"name\"");
  }
  return absl::OkStatus();
}

absl::Status Wal2JsonDecoder::Parser::Finish(const TopLevel& top, ChangeEvent* event) {
  auto require = [&top](uint32_t keys, absl::string_view names) {
    return (top.seen & keys) == keys
               ? absl::OkStatus()
               : Malformed(absl::StrCat("action \"", absl::string_view(&top.action, 1), "\" needs ",
                                        names));
  };
  if (!(top.seen & kAction)) return Malformed("no \"action\"");
  switch (top.action) {
    case 'B':
    case 'C': {
      if (absl::Status status = require(kLsn | kNextLsn, "\"lsn\" and \"nextlsn\""); !status.ok()) {
        return status;
      }
      std::optional<int64_t> commit_time_us;
      if (top.has_timestamp) {
        absl::StatusOr<int64_t> parsed = ParseTimestamptzText(ToAbsl(top.timestamp));
        if (!parsed.ok()) return Malformed(parsed.status().message());
        commit_time_us = *parsed;
      } else if (top.seen & kTimestamp) {
        return Malformed("\"timestamp\" is null");
      }
      if (top.action == 'B') {
        event->kind = EventKind::kBegin;
        event->begin = Begin{top.xid, top.lsn, top.next_lsn, commit_time_us};
      } else {
        event->kind = EventKind::kCommit;
        event->commit = Commit{top.xid, top.lsn, top.next_lsn, commit_time_us};
      }
      return absl::OkStatus();
    }
    case 'I':
    case 'U':
    case 'D': {
      RowChange& change = event->change;
      const uint32_t row_key = top.action == 'D' ? kIdentity : kColumns;
      if (absl::Status status =
              require(kLsn | kSchema | kTable | row_key,
                      top.action == 'D' ? "\"lsn\", \"schema\", \"table\" and \"identity\""
                                        : "\"lsn\", \"schema\", \"table\" and \"columns\"");
          !status.ok()) {
        return status;
      }
      event->kind = EventKind::kChange;
      change.op = top.action == 'I'   ? ChangeOp::kInsert
                  : top.action == 'U' ? ChangeOp::kUpdate
                                      : ChangeOp::kDelete;
      change.lsn = top.lsn;
      change.schema = ToAbsl(top.schema);
      change.table = ToAbsl(top.table);
      InheritNotNull(change.new_columns, &change.old_columns);
      change.lost_special_values =
          FlagLostSpecialValues(&change.new_columns) + FlagLostSpecialValues(&change.old_columns);
      return absl::OkStatus();
    }
    case 'T': {
      if (absl::Status status =
              require(kLsn | kSchema | kTable, "\"lsn\", \"schema\" and \"table\"");
          !status.ok()) {
        return status;
      }
      event->kind = EventKind::kTruncate;
      event->truncate = Truncate{top.lsn, ToAbsl(top.schema), ToAbsl(top.table)};
      return absl::OkStatus();
    }
    case 'M': {
      if (absl::Status status = require(kLsn | kTransactional | kPrefix | kContent,
                                        "\"lsn\", \"transactional\", \"prefix\" and \"content\"");
          !status.ok()) {
        return status;
      }
      event->kind = EventKind::kMessage;
      event->message =
          LogicalMessage{top.transactional, ToAbsl(top.prefix), ToAbsl(top.content), top.lsn};
      return absl::OkStatus();
    }
  }
  return Malformed(
      absl::StrCat("unknown action \"", absl::CHexEscape(absl::string_view(&top.action, 1)), "\""));
}

Wal2JsonDecoder::Wal2JsonDecoder() : parser_(std::make_unique<Parser>()) {}

Wal2JsonDecoder::~Wal2JsonDecoder() = default;

absl::Status Wal2JsonDecoder::Decode(absl::string_view message, Lsn wal_start, ChangeEvent* event) {
  absl::Status status = parser_->Decode(message, event);
  if (status.ok()) return status;
  // The message itself may hold row data (salaries, passwords): name its place, not its text.
  return absl::Status(status.code(),
                      absl::StrCat(status.code() == absl::StatusCode::kDataLoss ? "malformed " : "",
                                   "wal2json message at ", wal_start.ToString(), " (",
                                   message.size(), " bytes): ", status.message()));
}

}  // namespace genims
