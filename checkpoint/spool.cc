#include "checkpoint/spool.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "checkpoint/event_codec.h"
#include "checkpoint/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/iterator.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"

namespace genims {
namespace {

constexpr char kEventPrefix = 'E';
constexpr char kDatabasePrefix = 'D';
constexpr char kProgressPrefix = 'P';
constexpr char kCursorPrefix = 'C';
constexpr char kStatePrefix = 'S';
constexpr size_t kEventKeySize = 1 + 8 + 2 + 4;

absl::Status FromRocks(const rocksdb::Status& status, absl::string_view what) {
  if (status.ok()) return absl::OkStatus();
  const std::string message = absl::StrCat(what, ": ", status.ToString());
  if (status.IsNoSpace() || status.subcode() == rocksdb::Status::kNoSpace) {
    return absl::ResourceExhaustedError(message);
  }
  if (status.IsCorruption()) return absl::DataLossError(message);
  if (status.IsIOError() && status.ToString().find("lock") != std::string::npos) {
    return absl::FailedPreconditionError(
        absl::StrCat(message, " (is another genims-cdc using this state directory?)"));
  }
  if (status.IsIOError() && status.ToString().find("ermission") != std::string::npos) {
    return absl::PermissionDeniedError(message);
  }
  if (status.IsBusy() || status.IsTimedOut() || status.IsTryAgain()) {
    return absl::UnavailableError(message);
  }
  return absl::InternalError(message);
}

void PutBigEndian(uint64_t value, int bytes, std::string* out) {
  for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

uint64_t GetBigEndian(absl::string_view in, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<uint8_t>(in[i]);
  return value;
}

void EncodeEventKey(const EventKey& key, std::string* out) {
  out->push_back(kEventPrefix);
  PutBigEndian(key.commit_lsn.raw(), 8, out);
  PutBigEndian(key.database.value(), 2, out);
  PutBigEndian(key.seq, 4, out);
}

bool DecodeEventKey(absl::string_view in, EventKey* key) {
  if (in.size() != kEventKeySize || in[0] != kEventPrefix) return false;
  key->commit_lsn = Lsn::FromRaw(GetBigEndian(in.substr(1), 8));
  key->database = DatabaseId(static_cast<uint16_t>(GetBigEndian(in.substr(9), 2)));
  key->seq = static_cast<uint32_t>(GetBigEndian(in.substr(11), 4));
  return true;
}

std::string ProgressKey(DatabaseId database) {
  std::string key(1, kProgressPrefix);
  PutBigEndian(database.value(), 2, &key);
  return key;
}

std::string EncodeProgress(const DatabaseProgress& progress) {
  std::string value;
  PutBigEndian(progress.flushed.raw(), 8, &value);
  PutBigEndian(progress.last_commit_lsn.raw(), 8, &value);
  if (progress.last_commit_time_us) {
    PutBigEndian(static_cast<uint64_t>(*progress.last_commit_time_us), 8, &value);
  }
  return value;
}

bool DecodeProgress(absl::string_view in, DatabaseProgress* progress) {
  if (in.size() != 16 && in.size() != 24) return false;
  progress->flushed = Lsn::FromRaw(GetBigEndian(in, 8));
  progress->last_commit_lsn = Lsn::FromRaw(GetBigEndian(in.substr(8), 8));
  progress->last_commit_time_us.reset();
  if (in.size() == 24) {
    progress->last_commit_time_us = static_cast<int64_t>(GetBigEndian(in.substr(16), 8));
  }
  return true;
}

// The smallest event key strictly greater than every key <= `key`.
std::string EventKeySuccessor(const EventKey& key) {
  std::string encoded;
  EncodeEventKey(key, &encoded);
  encoded.push_back('\0');
  return encoded;
}

}  // namespace

// ---- SpoolWriter ----

SpoolWriter::SpoolWriter(Spool* spool, DatabaseId database, DatabaseProgress durable)
    : spool_(spool),
      database_(database),
      batch_(std::make_unique<rocksdb::WriteBatch>()),
      pending_(durable),
      written_(durable),
      durable_(durable) {}

SpoolWriter::~SpoolWriter() = default;

void SpoolWriter::Add(Lsn commit_lsn, uint32_t seq, const ChangeEvent& event) {
  key_buffer_.clear();
  EncodeEventKey(EventKey{commit_lsn, database_, seq}, &key_buffer_);
  value_buffer_.clear();
  EncodeEvent(event, &value_buffer_);
  // WriteBatch::Put cannot fail for an in-memory batch below 4 GiB; Flush() bounds the size.
  batch_->Put(key_buffer_, value_buffer_).PermitUncheckedError();
}

void SpoolWriter::CommitTransaction(Lsn commit_lsn, Lsn end_lsn,
                                    std::optional<int64_t> commit_time_us) {
  pending_.last_commit_lsn = commit_lsn;
  pending_.last_commit_time_us = commit_time_us;
  pending_.flushed = std::max(pending_.flushed, end_lsn);
  progress_changed_ = true;
}

void SpoolWriter::AdvanceTo(Lsn lsn) {
  if (lsn <= pending_.flushed) return;
  pending_.flushed = lsn;
  progress_changed_ = true;
}

size_t SpoolWriter::pending_bytes() const { return batch_->GetDataSize(); }

absl::Status SpoolWriter::Flush(bool sync) {
  if (progress_changed_) {
    batch_->Put(ProgressKey(database_), EncodeProgress(pending_)).PermitUncheckedError();
  }
  if (batch_->Count() > 0) {
    rocksdb::WriteOptions options;
    options.sync = sync;
    GENIMS_RETURN_IF_ERROR(FromRocks(spool_->db_->Write(options, batch_.get()), "spool write"));
    batch_->Clear();
    written_ = pending_;
    progress_changed_ = false;
    spool_->RecordWritten(database_, written_.flushed);
  } else if (sync && written_.flushed != durable_.flushed) {
    GENIMS_RETURN_IF_ERROR(FromRocks(spool_->db_->SyncWAL(), "spool sync"));
  }
  if (sync) durable_ = written_;
  return absl::OkStatus();
}

// ---- SpoolCursor ----

SpoolCursor::SpoolCursor(rocksdb::DB* db, const std::string& start, std::string upper_bound)
    : upper_bound_(std::move(upper_bound)), upper_bound_slice_(upper_bound_) {
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_bound_slice_;
  iterator_.reset(db->NewIterator(options));
  iterator_->Seek(start);
  CheckKey();
}

SpoolCursor::~SpoolCursor() = default;

bool SpoolCursor::Valid() const { return key_status_.ok() && iterator_->Valid(); }

EventKey SpoolCursor::key() const {
  EventKey key;
  DecodeEventKey(absl::string_view(iterator_->key().data(), iterator_->key().size()), &key);
  return key;
}

absl::string_view SpoolCursor::value() const {
  return absl::string_view(iterator_->value().data(), iterator_->value().size());
}

void SpoolCursor::Next() {
  iterator_->Next();
  CheckKey();
}

void SpoolCursor::CheckKey() {
  if (!iterator_->Valid()) return;
  EventKey key;
  if (!DecodeEventKey(absl::string_view(iterator_->key().data(), iterator_->key().size()), &key)) {
    key_status_ = absl::DataLossError("malformed event key in the spool");
  }
}

absl::Status SpoolCursor::status() const {
  if (!key_status_.ok()) return key_status_;
  return FromRocks(iterator_->status(), "spool read");
}

// ---- Spool ----

Spool::Spool(std::unique_ptr<rocksdb::DB> db) : db_(std::move(db)) {}

Spool::~Spool() = default;

absl::StatusOr<std::unique_ptr<Spool>> Spool::Open(const std::string& path) {
  return OpenWith(path, /*read_only=*/false);
}

absl::StatusOr<std::unique_ptr<Spool>> Spool::OpenReadOnly(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path + "/CURRENT", error)) {
    return absl::NotFoundError(absl::StrCat("no spool in ", path));
  }
  return OpenWith(path, /*read_only=*/true);
}

absl::StatusOr<std::unique_ptr<Spool>> Spool::OpenWith(const std::string& path, bool read_only) {
  rocksdb::Options options;
  options.create_if_missing = true;
  // Events are written once, read once per sink in key order, and then trimmed: small
  // memtables keep a large transaction's memory bounded; LZ4 halves the disk it takes.
  options.write_buffer_size = 32 << 20;
  options.max_write_buffer_number = 3;
  options.compression = rocksdb::kLZ4Compression;
  options.max_background_jobs = 2;
  options.paranoid_checks = true;
  rocksdb::DB* raw = nullptr;
  GENIMS_RETURN_IF_ERROR(FromRocks(read_only ? rocksdb::DB::OpenForReadOnly(options, path, &raw)
                                             : rocksdb::DB::Open(options, path, &raw),
                                   "opening spool"));
  auto spool = std::unique_ptr<Spool>(new Spool(std::unique_ptr<rocksdb::DB>(raw)));
  // Load every database's durable progress so that Watermark() is right from the start.
  std::unique_ptr<rocksdb::Iterator> it(spool->db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(std::string(1, kProgressPrefix));
       it->Valid() && it->key().size() == 3 && it->key()[0] == kProgressPrefix; it->Next()) {
    DatabaseProgress progress;
    if (!DecodeProgress(absl::string_view(it->value().data(), it->value().size()), &progress)) {
      return absl::DataLossError("malformed progress record in the spool");
    }
    const DatabaseId id(static_cast<uint16_t>(
        GetBigEndian(absl::string_view(it->key().data(), it->key().size()).substr(1), 2)));
    absl::MutexLock lock(&spool->mutex_);
    spool->written_flushed_[id] = progress.flushed;
  }
  GENIMS_RETURN_IF_ERROR(FromRocks(it->status(), "reading spool progress"));
  return spool;
}

absl::StatusOr<DatabaseId> Spool::RegisterDatabase(absl::string_view name) {
  absl::MutexLock lock(&mutex_);
  const std::string key = absl::StrCat(std::string(1, kDatabasePrefix), name);
  std::string value;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), key, &value);
  if (status.ok()) {
    if (value.size() != 2) return absl::DataLossError("malformed database record in the spool");
    return DatabaseId(static_cast<uint16_t>(GetBigEndian(value, 2)));
  }
  if (!status.IsNotFound()) return FromRocks(status, "reading spool databases");
  // Ids are dense from 1; the next is one past the highest assigned.
  uint16_t next = 1;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(std::string(1, kDatabasePrefix)); it->Valid() && it->key()[0] == kDatabasePrefix;
       it->Next()) {
    if (it->value().size() != 2) return absl::DataLossError("malformed database record");
    const auto id = static_cast<uint16_t>(
        GetBigEndian(absl::string_view(it->value().data(), it->value().size()), 2));
    next = std::max<uint16_t>(next, id + 1);
  }
  GENIMS_RETURN_IF_ERROR(FromRocks(it->status(), "reading spool databases"));
  value.clear();
  PutBigEndian(next, 2, &value);
  rocksdb::WriteOptions options;
  options.sync = true;
  GENIMS_RETURN_IF_ERROR(FromRocks(db_->Put(options, key, value), "registering database"));
  written_flushed_.emplace(DatabaseId(next), Lsn());
  return DatabaseId(next);
}

absl::StatusOr<std::vector<std::pair<std::string, DatabaseId>>> Spool::Databases() {
  std::vector<std::pair<std::string, DatabaseId>> databases;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(std::string(1, kDatabasePrefix)); it->Valid() && it->key()[0] == kDatabasePrefix;
       it->Next()) {
    if (it->value().size() != 2) return absl::DataLossError("malformed database record");
    databases.emplace_back(std::string(it->key().data() + 1, it->key().size() - 1),
                           DatabaseId(static_cast<uint16_t>(GetBigEndian(
                               absl::string_view(it->value().data(), it->value().size()), 2))));
  }
  GENIMS_RETURN_IF_ERROR(FromRocks(it->status(), "reading spool databases"));
  std::sort(databases.begin(), databases.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  return databases;
}

absl::StatusOr<DatabaseProgress> Spool::Progress(DatabaseId database) {
  std::string value;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), ProgressKey(database), &value);
  DatabaseProgress progress;
  if (status.IsNotFound()) return progress;
  GENIMS_RETURN_IF_ERROR(FromRocks(status, "reading spool progress"));
  if (!DecodeProgress(value, &progress)) {
    return absl::DataLossError("malformed progress record in the spool");
  }
  return progress;
}

absl::StatusOr<std::unique_ptr<SpoolWriter>> Spool::NewWriter(DatabaseId database) {
  GENIMS_ASSIGN_OR_RETURN(DatabaseProgress progress, Progress(database));
  return std::unique_ptr<SpoolWriter>(new SpoolWriter(this, database, progress));
}

void Spool::RecordWritten(DatabaseId database, Lsn flushed) {
  absl::MutexLock lock(&mutex_);
  Lsn& stored = written_flushed_[database];
  if (flushed > stored) {
    stored = flushed;
    ++progress_generation_;
  }
}

uint64_t Spool::AwaitProgress(uint64_t seen, absl::Duration timeout) {
  absl::MutexLock lock(&mutex_);
  auto moved = [this, seen]()
                   ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) { return progress_generation_ != seen; };
  mutex_.AwaitWithTimeout(absl::Condition(&moved), timeout);
  return progress_generation_;
}

Lsn Spool::Watermark(const std::vector<DatabaseId>& databases) {
  absl::MutexLock lock(&mutex_);
  std::optional<Lsn> lowest;
  for (DatabaseId database : databases) {
    auto it = written_flushed_.find(database);
    const Lsn flushed = it == written_flushed_.end() ? Lsn() : it->second;
    if (!lowest || flushed < *lowest) lowest = flushed;
  }
  return lowest.value_or(Lsn());
}

std::unique_ptr<SpoolCursor> Spool::Read(std::optional<EventKey> after, Lsn below) {
  std::string upper;
  EncodeEventKey(EventKey{below, DatabaseId(0), 0}, &upper);
  const std::string start = after ? EventKeySuccessor(*after) : std::string(1, kEventPrefix);
  return std::unique_ptr<SpoolCursor>(new SpoolCursor(db_.get(), start, std::move(upper)));
}

absl::Status Spool::SetSinkCursor(absl::string_view sink, EventKey applied) {
  std::string value;
  EncodeEventKey(applied, &value);
  // Not synced: the sink's truth is in its own database; a cursor lost in a machine crash
  // only makes it read again what it will skip. (RocksDB's log is ordered, so a Trim() that
  // survives implies the cursor write before it survived too.)
  return FromRocks(
      db_->Put(rocksdb::WriteOptions(), absl::StrCat(std::string(1, kCursorPrefix), sink), value),
      "saving sink cursor");
}

absl::StatusOr<std::optional<EventKey>> Spool::SinkCursor(absl::string_view sink) {
  std::string value;
  rocksdb::Status status =
      db_->Get(rocksdb::ReadOptions(), absl::StrCat(std::string(1, kCursorPrefix), sink), &value);
  if (status.IsNotFound()) return std::optional<EventKey>();
  GENIMS_RETURN_IF_ERROR(FromRocks(status, "reading sink cursor"));
  EventKey key;
  if (!DecodeEventKey(value, &key)) return absl::DataLossError("malformed sink cursor");
  return std::optional<EventKey>(key);
}

absl::Status Spool::RemoveSinkCursor(absl::string_view sink) {
  return FromRocks(
      db_->Delete(rocksdb::WriteOptions(), absl::StrCat(std::string(1, kCursorPrefix), sink)),
      "removing sink cursor");
}

absl::StatusOr<int> Spool::Trim() {
  std::optional<EventKey> slowest;
  int sinks = 0;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(std::string(1, kCursorPrefix)); it->Valid() && it->key()[0] == kCursorPrefix;
       it->Next()) {
    EventKey key;
    if (!DecodeEventKey(absl::string_view(it->value().data(), it->value().size()), &key)) {
      return absl::DataLossError("malformed sink cursor");
    }
    ++sinks;
    if (!slowest || key < *slowest) slowest = key;
  }
  GENIMS_RETURN_IF_ERROR(FromRocks(it->status(), "reading sink cursors"));
  if (!slowest) return 0;
  const std::string begin(1, kEventPrefix);
  const std::string end = EventKeySuccessor(*slowest);
  GENIMS_RETURN_IF_ERROR(
      FromRocks(db_->DeleteRange(rocksdb::WriteOptions(), db_->DefaultColumnFamily(), begin, end),
                "trimming spool"));
  return sinks;
}

absl::StatusOr<std::optional<std::string>> Spool::GetState(absl::string_view key) {
  std::string value;
  rocksdb::Status status =
      db_->Get(rocksdb::ReadOptions(), absl::StrCat(std::string(1, kStatePrefix), key), &value);
  if (status.IsNotFound()) return std::optional<std::string>();
  GENIMS_RETURN_IF_ERROR(FromRocks(status, "reading sink state"));
  return std::optional<std::string>(std::move(value));
}

absl::Status Spool::ScanState(
    absl::string_view prefix,
    const std::function<bool(absl::string_view, absl::string_view)>& visit) {
  const std::string start = absl::StrCat(std::string(1, kStatePrefix), prefix);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(start); it->Valid() && it->key().starts_with(start); it->Next()) {
    if (!visit(absl::string_view(it->key().data() + 1, it->key().size() - 1),
               absl::string_view(it->value().data(), it->value().size()))) {
      break;
    }
  }
  return FromRocks(it->status(), "scanning sink state");
}

absl::Status Spool::WriteState(const std::map<std::string, std::optional<std::string>>& changes,
                               bool sync) {
  rocksdb::WriteBatch batch;
  std::string key;
  for (const auto& [state_key, value] : changes) {
    key.assign(1, kStatePrefix);
    key.append(state_key);
    // In-memory batch operations cannot fail below 4 GiB.
    if (value) {
      batch.Put(key, *value).PermitUncheckedError();
    } else {
      batch.Delete(key).PermitUncheckedError();
    }
  }
  rocksdb::WriteOptions options;
  options.sync = sync;
  return FromRocks(db_->Write(options, &batch), "writing sink state");
}

absl::Status Spool::DeleteStatePrefix(absl::string_view prefix) {
  const std::string begin = absl::StrCat(std::string(1, kStatePrefix), prefix);
  std::string end = begin;
  // The first key after every key that starts with `begin`.
  while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xFF) end.pop_back();
  if (end.empty()) return absl::InvalidArgumentError("state prefix of 0xFF bytes");
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  return FromRocks(
      db_->DeleteRange(rocksdb::WriteOptions(), db_->DefaultColumnFamily(), begin, end),
      "deleting sink state");
}

uint64_t Spool::ApproximateBytes() {
  uint64_t live = 0;
  uint64_t memtables = 0;
  db_->GetIntProperty(rocksdb::DB::Properties::kLiveSstFilesSize, &live);
  db_->GetIntProperty(rocksdb::DB::Properties::kCurSizeAllMemTables, &memtables);
  return live + memtables;
}

}  // namespace genims
