// Checks the decoder's steady-state promise: once its buffers and the event's vectors have
// grown to the largest message seen, decoding allocates nothing. Replaces the global
// operator new of this test binary with a counting one (malloc underneath, so the
// sanitizers still see every block).
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "decoder/wal2json_decoder.h"
#include "gtest/gtest.h"

namespace {
std::atomic<size_t> allocations{0};

void* CountedAllocate(size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* block = std::malloc(size == 0 ? 1 : size)) return block;
  throw std::bad_alloc();
}
}  // namespace

// Every unaligned form, so that no block is allocated by one family and freed by another
// (simdjson uses the nothrow forms).
void* operator new(size_t size) { return CountedAllocate(size); }
void* operator new[](size_t size) { return CountedAllocate(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, size_t) noexcept { std::free(block); }
void operator delete[](void* block, size_t) noexcept { std::free(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { std::free(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { std::free(block); }

namespace genims {
namespace {

TEST(Wal2JsonDecoderAllocationTest, SteadyStateDecodingDoesNotAllocate) {
  std::vector<std::string> lines;
  for (const char* file : {"wal2json_v2_all_options.jsonl", "wal2json_v2_no_types.jsonl"}) {
    std::ifstream in(std::string(GENIMS_DECODER_TESTDATA_DIR) + "/" + file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    for (absl::string_view line : absl::StrSplit(text.str(), '\n', absl::SkipEmpty())) {
      lines.emplace_back(line);
    }
  }
  ASSERT_GT(lines.size(), 150u);
  const size_t at_start = allocations.load();
  Wal2JsonDecoder decoder;
  ChangeEvent event;
  for (const std::string& line : lines) {
    ASSERT_TRUE(decoder.Decode(line, Lsn::FromRaw(1), &event).ok());  // Warm-up.
  }
  const size_t before = allocations.load();
  ASSERT_GT(before, at_start);  // The counter does see the decoder's buffers grow.
  size_t failures = 0;
  for (int pass = 0; pass < 3; ++pass) {
    for (const std::string& line : lines) {
      failures += decoder.Decode(line, Lsn::FromRaw(1), &event).ok() ? 0 : 1;
    }
  }
  const size_t during = allocations.load() - before;
  EXPECT_EQ(failures, 0u);
  EXPECT_EQ(during, 0u);
}

}  // namespace
}  // namespace genims
