#include "checkpoint/event_codec.h"

#include <cstdint>

#include "absl/strings/str_cat.h"

namespace genims {
namespace {

constexpr uint8_t kFormatVersion = 1;

// Column flags.
constexpr uint8_t kIsNull = 1 << 0;
constexpr uint8_t kNotNullYes = 1 << 1;
constexpr uint8_t kNotNullNo = 1 << 2;
constexpr uint8_t kSpecialValueLost = 1 << 3;

// Change and message flags.
constexpr uint8_t kPrimaryKeySent = 1 << 0;
constexpr uint8_t kTransactional = 1 << 0;
constexpr uint8_t kHasCommitTime = 1 << 0;

void PutVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

void PutBytes(absl::string_view bytes, std::string* out) {
  PutVarint(bytes.size(), out);
  out->append(bytes.data(), bytes.size());
}

uint64_t ZigZag(int64_t value) {
  return (static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63);
}

int64_t UnZigZag(uint64_t value) {
  return static_cast<int64_t>(value >> 1) ^ -static_cast<int64_t>(value & 1);
}

void PutColumns(const std::vector<ColumnValue>& columns, std::string* out) {
  PutVarint(columns.size(), out);
  for (const ColumnValue& column : columns) {
    uint8_t flags = 0;
    if (column.is_null) flags |= kIsNull;
    if (column.not_null_declared == NotNullDeclared::kYes) flags |= kNotNullYes;
    if (column.not_null_declared == NotNullDeclared::kNo) flags |= kNotNullNo;
    if (column.special_value_lost) flags |= kSpecialValueLost;
    out->push_back(static_cast<char>(flags));
    PutBytes(column.name, out);
    PutBytes(column.type_name, out);
    PutVarint(column.type_oid, out);
    if (!column.is_null) PutBytes(column.value, out);
  }
}

template <typename BeginOrCommit>
void PutBoundary(const BeginOrCommit& boundary, std::string* out) {
  PutVarint(boundary.xid, out);
  PutVarint(boundary.commit_lsn.raw(), out);
  PutVarint(boundary.end_lsn.raw(), out);
  out->push_back(static_cast<char>(boundary.commit_time_us ? kHasCommitTime : 0));
  if (boundary.commit_time_us) PutVarint(ZigZag(*boundary.commit_time_us), out);
}

// Reads from an encoding; every getter fails (returns false) instead of reading past the end.
class Reader {
 public:
  explicit Reader(absl::string_view input) : input_(input) {}

  bool Byte(uint8_t* out) {
    if (input_.empty()) return false;
    *out = static_cast<uint8_t>(input_[0]);
    input_.remove_prefix(1);
    return true;
  }

  bool Varint(uint64_t* out) {
    uint64_t value = 0;
    for (int shift = 0; shift <= 63; shift += 7) {
      uint8_t byte;
      if (!Byte(&byte)) return false;
      value |= uint64_t{byte & 0x7fu} << shift;
      if ((byte & 0x80) == 0) {
        *out = value;
        return true;
      }
    }
    return false;
  }

  bool Varint32(uint32_t* out) {
    uint64_t value;
    if (!Varint(&value) || value > UINT32_MAX) return false;
    *out = static_cast<uint32_t>(value);
    return true;
  }

  bool LsnValue(Lsn* out) {
    uint64_t raw;
    if (!Varint(&raw)) return false;
    *out = Lsn::FromRaw(raw);
    return true;
  }

  bool Bytes(absl::string_view* out) {
    uint64_t size;
    if (!Varint(&size) || size > input_.size()) return false;
    *out = input_.substr(0, size);
    input_.remove_prefix(size);
    return true;
  }

  bool Columns(std::vector<ColumnValue>* columns) {
    uint64_t count;
    // Each column takes at least 4 bytes; a larger count is corrupt, not a reason to allocate.
    if (!Varint(&count) || count > input_.size() / 4) return false;
    columns->resize(count);
    for (ColumnValue& column : *columns) {
      uint8_t flags;
      if (!Byte(&flags) || !Bytes(&column.name) || !Bytes(&column.type_name) ||
          !Varint32(&column.type_oid)) {
        return false;
      }
      column.is_null = (flags & kIsNull) != 0;
      column.not_null_declared = (flags & kNotNullYes)  ? NotNullDeclared::kYes
                                 : (flags & kNotNullNo) ? NotNullDeclared::kNo
                                                        : NotNullDeclared::kUnknown;
      column.special_value_lost = (flags & kSpecialValueLost) != 0;
      column.value = absl::string_view();
      if (!column.is_null && !Bytes(&column.value)) return false;
    }
    return true;
  }

  template <typename BeginOrCommit>
  bool Boundary(BeginOrCommit* boundary) {
    uint8_t flags;
    if (!Varint32(&boundary->xid) || !LsnValue(&boundary->commit_lsn) ||
        !LsnValue(&boundary->end_lsn) || !Byte(&flags)) {
      return false;
    }
    boundary->commit_time_us.reset();
    if (flags & kHasCommitTime) {
      uint64_t zigzag;
      if (!Varint(&zigzag)) return false;
      boundary->commit_time_us = UnZigZag(zigzag);
    }
    return true;
  }

  bool Done() const { return input_.empty(); }

 private:
  absl::string_view input_;
};

bool DecodeChange(Reader& reader, RowChange* change) {
  uint8_t op, flags;
  uint64_t key_count, lost;
  if (!reader.Byte(&op) || op > static_cast<uint8_t>(ChangeOp::kDelete) ||
      !reader.LsnValue(&change->lsn) || !reader.Bytes(&change->schema) ||
      !reader.Bytes(&change->table) || !reader.Byte(&flags) || !reader.Varint(&key_count) ||
      key_count > 1600) {
    return false;
  }
  change->op = static_cast<ChangeOp>(op);
  change->primary_key_sent = (flags & kPrimaryKeySent) != 0;
  change->primary_key.resize(key_count);
  for (absl::string_view& name : change->primary_key) {
    if (!reader.Bytes(&name)) return false;
  }
  if (!reader.Varint(&lost) || lost > INT32_MAX || !reader.Columns(&change->new_columns) ||
      !reader.Columns(&change->old_columns)) {
    return false;
  }
  change->lost_special_values = static_cast<int>(lost);
  return true;
}

}  // namespace

void EncodeEvent(const ChangeEvent& event, std::string* out) {
  out->push_back(static_cast<char>(kFormatVersion));
  out->push_back(static_cast<char>(event.kind));
  switch (event.kind) {
    case EventKind::kBegin:
      PutBoundary(event.begin, out);
      break;
    case EventKind::kCommit:
      PutBoundary(event.commit, out);
      break;
    case EventKind::kChange: {
      const RowChange& change = event.change;
      out->push_back(static_cast<char>(change.op));
      PutVarint(change.lsn.raw(), out);
      PutBytes(change.schema, out);
      PutBytes(change.table, out);
      out->push_back(static_cast<char>(change.primary_key_sent ? kPrimaryKeySent : 0));
      PutVarint(change.primary_key.size(), out);
      for (absl::string_view name : change.primary_key) PutBytes(name, out);
      PutVarint(static_cast<uint64_t>(change.lost_special_values), out);
      PutColumns(change.new_columns, out);
      PutColumns(change.old_columns, out);
      break;
    }
    case EventKind::kTruncate:
      PutVarint(event.truncate.lsn.raw(), out);
      PutBytes(event.truncate.schema, out);
      PutBytes(event.truncate.table, out);
      break;
    case EventKind::kMessage:
      out->push_back(static_cast<char>(event.message.transactional ? kTransactional : 0));
      PutVarint(event.message.lsn.raw(), out);
      PutBytes(event.message.prefix, out);
      PutBytes(event.message.content, out);
      break;
  }
}

absl::Status DecodeEvent(absl::string_view encoded, ChangeEvent* event) {
  Reader reader(encoded);
  uint8_t version, kind;
  bool ok = reader.Byte(&version) && version == kFormatVersion && reader.Byte(&kind) &&
            kind <= static_cast<uint8_t>(EventKind::kCommit);
  if (ok) {
    event->kind = static_cast<EventKind>(kind);
    switch (event->kind) {
      case EventKind::kBegin:
        ok = reader.Boundary(&event->begin);
        break;
      case EventKind::kCommit:
        ok = reader.Boundary(&event->commit);
        break;
      case EventKind::kChange:
        ok = DecodeChange(reader, &event->change);
        break;
      case EventKind::kTruncate:
        ok = reader.LsnValue(&event->truncate.lsn) && reader.Bytes(&event->truncate.schema) &&
             reader.Bytes(&event->truncate.table);
        break;
      case EventKind::kMessage: {
        uint8_t flags = 0;
        ok = reader.Byte(&flags) && reader.LsnValue(&event->message.lsn) &&
             reader.Bytes(&event->message.prefix) && reader.Bytes(&event->message.content);
        event->message.transactional = (flags & kTransactional) != 0;
        break;
      }
    }
  }
  if (!ok || !reader.Done()) {
    return absl::DataLossError(absl::StrCat("corrupt spool record (", encoded.size(), " bytes)"));
  }
  return absl::OkStatus();
}

}  // namespace genims
