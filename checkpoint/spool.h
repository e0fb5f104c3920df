// Spool: the durable store between the replication connections and the sinks (RocksDB).
//
// Every decoded event of a committed transaction is stored under an EventKey
// (commit LSN, database, position in the transaction). Keys sort in commit order across all
// databases of the cluster (commit LSNs are comparable there), so a sink reads one ordered
// range. Next to the events, in the same atomic writes, each database's progress: the LSN up
// to which everything it committed is in the spool. That LSN is what the connector confirms
// to PostgreSQL (flush LSN), and only after a synced write has made it durable.
//
// Visibility: events of a transaction are written as they stream (a transaction of millions
// of rows is not held in memory), before its commit is known to be complete. Readers
// therefore read only below a watermark, the lowest written progress over the databases being
// captured: everything below it is complete, and no database can still add an event there.
// The watermark follows written, not synced, progress, so that an idle database's keepalive
// position unblocks the busy ones at once. A machine crash can lose an unsynced suffix that a
// sink already applied; PostgreSQL was not told of it, sends it again, and the spool gets the
// same events under the same keys, which the sink's own stored position skips.
//
// Each sink registers a cursor (the last event it applied; its own truth lives in its
// database, this copy drives trimming). Trim() deletes every event at or below the slowest
// cursor.
//
// Layout (one byte of prefix, then big-endian fields so that keys sort numerically):
//   'E' commit_lsn:8 database:2 seq:4   -> EncodeEvent() bytes
//   'D' database name                    -> database id:2
//   'P' database:2                       -> progress (flushed, last commit LSN, last commit time)
//   'C' sink name                        -> cursor: an event key
//   'S' sink state key                   -> sink state (the reporting sink's facts, lookups)
//
// Thread-safety: Spool is thread-safe. A SpoolWriter belongs to one thread (one per
// database); writers of different databases run concurrently. A SpoolCursor belongs to one
// thread.
#ifndef GENIMS_CHECKPOINT_SPOOL_H_
#define GENIMS_CHECKPOINT_SPOOL_H_

#include <compare>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "checkpoint/change_event.h"
#include "checkpoint/lsn.h"
#include "rocksdb/slice.h"

namespace rocksdb {
class DB;
class Iterator;
class WriteBatch;
}  // namespace rocksdb

namespace genims {

// A captured database's number in the spool (its name is stored once, in the 'D' keys).
class DatabaseId {
 public:
  constexpr DatabaseId() = default;
  constexpr explicit DatabaseId(uint16_t value) : value_(value) {}
  constexpr uint16_t value() const { return value_; }
  friend constexpr auto operator<=>(DatabaseId, DatabaseId) = default;

 private:
  uint16_t value_ = 0;
};

// Where an event sits in the spool; sorts in commit order across databases.
struct EventKey {
  Lsn commit_lsn;
  DatabaseId database;
  uint32_t seq = 0;  // Position in its transaction: BEGIN is 0, COMMIT the last.
  friend constexpr auto operator<=>(const EventKey&, const EventKey&) = default;
};

struct DatabaseProgress {
  // Every transaction of this database that commits before this LSN is in the spool.
  Lsn flushed;
  Lsn last_commit_lsn;                         // The newest transaction spooled.
  std::optional<int64_t> last_commit_time_us;  // Its commit time, when the plugin sent it.
};

class Spool;

// Appends one database's transactions. Owned by the replication thread of that database.
// Nothing it adds is visible or durable before Flush(); see Flush().
class SpoolWriter {
 public:
  ~SpoolWriter();
  SpoolWriter(const SpoolWriter&) = delete;
  SpoolWriter& operator=(const SpoolWriter&) = delete;

  // Adds `event` (copied) at (commit_lsn, this database, seq).
  void Add(Lsn commit_lsn, uint32_t seq, const ChangeEvent& event);

  // The transaction at commit_lsn is complete; progress moves to end_lsn (the end of its
  // commit record) with the next Flush().
  void CommitTransaction(Lsn commit_lsn, Lsn end_lsn, std::optional<int64_t> commit_time_us);

  // No transaction is open and the server has sent everything before `lsn` (a keepalive's
  // WAL end): progress may move there with the next Flush(). Ignored if not ahead.
  void AdvanceTo(Lsn lsn);

  // Bytes added since the last Flush().
  size_t pending_bytes() const;

  // Writes what was added in one atomic batch. With `sync`, the RocksDB log is fsynced first
  // and durable() then includes every transaction committed so far. Without, the write
  // survives a crash of this process but not of the machine: used to bound memory in the
  // middle of a large transaction. Returns kResourceExhausted when the disk is full,
  // kUnavailable/kInternal for other I/O errors; after an error nothing is lost from memory,
  // the caller stops this database's stream and reconnects later.
  absl::Status Flush(bool sync);

  // The progress made durable by the last successful Flush(sync = true).
  const DatabaseProgress& durable() const { return durable_; }

 private:
  friend class Spool;
  SpoolWriter(Spool* spool, DatabaseId database, DatabaseProgress durable);

  Spool* const spool_;
  const DatabaseId database_;
  std::unique_ptr<rocksdb::WriteBatch> batch_;
  std::string key_buffer_;
  std::string value_buffer_;
  DatabaseProgress pending_;  // Progress once the batch is written.
  bool progress_changed_ = false;
  DatabaseProgress written_;  // Written, not yet synced.
  DatabaseProgress durable_;
};

// Reads events in key order. The string_view value() is valid until Next().
class SpoolCursor {
 public:
  ~SpoolCursor();
  bool Valid() const;
  EventKey key() const;
  absl::string_view value() const;  // EncodeEvent() bytes; see DecodeEvent().
  void Next();
  // kDataLoss for a malformed key, kInternal for an I/O error; check when !Valid().
  absl::Status status() const;

 private:
  friend class Spool;
  // Iterates `db` from `start` to (not including) `upper_bound`.
  SpoolCursor(rocksdb::DB* db, const std::string& start, std::string upper_bound);
  void CheckKey();

  // RocksDB keeps a pointer to the bound: both must outlive iterator_.
  const std::string upper_bound_;
  const rocksdb::Slice upper_bound_slice_;
  std::unique_ptr<rocksdb::Iterator> iterator_;
  absl::Status key_status_;
};

class Spool {
 public:
  // Opens (creating if needed) the spool in directory `path`. Returns kFailedPrecondition
  // if another process holds it, kPermissionDenied/kResourceExhausted/kInternal for I/O
  // problems, kDataLoss if its files are corrupt.
  static absl::StatusOr<std::unique_ptr<Spool>> Open(const std::string& path);
  // Opens an existing spool for reading only, beside a running daemon (status, metrics of
  // another process). Returns kNotFound when there is none. Writers must not be created.
  static absl::StatusOr<std::unique_ptr<Spool>> OpenReadOnly(const std::string& path);
  ~Spool();

  // Every registered database: name and id, ordered by id.
  absl::StatusOr<std::vector<std::pair<std::string, DatabaseId>>> Databases();

  // The id of `database`, assigned (durably) on first use.
  absl::StatusOr<DatabaseId> RegisterDatabase(absl::string_view name);

  // The stored progress of `database` (all zero when nothing was spooled yet).
  absl::StatusOr<DatabaseProgress> Progress(DatabaseId database);

  // A writer for `database`, starting from its stored progress. One writer per database.
  absl::StatusOr<std::unique_ptr<SpoolWriter>> NewWriter(DatabaseId database);

  // The lowest written progress over `databases` (the ones being captured): events with a
  // lower commit LSN are complete and final (see Visibility above).
  Lsn Watermark(const std::vector<DatabaseId>& databases);

  // Waits until some database's written progress moves past what the caller saw (`seen`, the
  // value returned by the previous call; 0 at first) or `timeout` passes. Returns the current
  // progress generation. Lets a sink sleep without polling the watermark.
  uint64_t AwaitProgress(uint64_t seen, absl::Duration timeout);

  // Events with key > `after` (or from the start) and commit LSN < `below`.
  std::unique_ptr<SpoolCursor> Read(std::optional<EventKey> after, Lsn below);

  // Records that `sink` has applied everything up to and including `applied`.
  absl::Status SetSinkCursor(absl::string_view sink, EventKey applied);
  absl::StatusOr<std::optional<EventKey>> SinkCursor(absl::string_view sink);
  // Forgets `sink`'s cursor: it no longer holds back Trim().
  absl::Status RemoveSinkCursor(absl::string_view sink);

  // Deletes the events every registered sink has applied. Returns the number of sinks
  // considered (0: nothing is trimmed while no sink is registered).
  absl::StatusOr<int> Trim();

  // ---- Sink state: a key space of its own ('S'), for sinks that keep state between batches
  // (the reporting aggregator's facts and dimension rows). Keys are the caller's.
  absl::StatusOr<std::optional<std::string>> GetState(absl::string_view key);
  // Calls `visit(key, value)` for every state key starting with `prefix`, in key order, until
  // it returns false.
  absl::Status ScanState(absl::string_view prefix,
                         const std::function<bool(absl::string_view, absl::string_view)>& visit);
  // Applies puts (value set) and deletes (nullopt) atomically; synced when `sync`.
  absl::Status WriteState(const std::map<std::string, std::optional<std::string>>& changes,
                          bool sync);
  // Deletes every state key starting with `prefix`.
  absl::Status DeleteStatePrefix(absl::string_view prefix);

  // Estimated bytes on disk (live SST files and memtables).
  uint64_t ApproximateBytes();

 private:
  friend class SpoolWriter;
  explicit Spool(std::unique_ptr<rocksdb::DB> db);
  static absl::StatusOr<std::unique_ptr<Spool>> OpenWith(const std::string& path, bool read_only);
  void RecordWritten(DatabaseId database, Lsn flushed);

  std::unique_ptr<rocksdb::DB> db_;
  absl::Mutex mutex_;
  std::map<DatabaseId, Lsn> written_flushed_ ABSL_GUARDED_BY(mutex_);
  uint64_t progress_generation_ ABSL_GUARDED_BY(mutex_) = 1;
};

}  // namespace genims

#endif  // GENIMS_CHECKPOINT_SPOOL_H_
