#include "checkpoint/lsn.h"

#include "gtest/gtest.h"

namespace genims {
namespace {

TEST(LsnTest, ParsesAndFormatsPostgresTextForm) {
  absl::StatusOr<Lsn> lsn = Lsn::Parse("16/B374D848");
  ASSERT_TRUE(lsn.ok()) << lsn.status();
  EXPECT_EQ(lsn->raw(), (uint64_t{0x16} << 32) | 0xB374D848);
  EXPECT_EQ(lsn->ToString(), "16/B374D848");
}

TEST(LsnTest, AcceptsLowerCaseAndPrintsUpperCase) {
  absl::StatusOr<Lsn> lsn = Lsn::Parse("0/155ae08");
  ASSERT_TRUE(lsn.ok()) << lsn.status();
  EXPECT_EQ(lsn->ToString(), "0/155AE08");
}

TEST(LsnTest, ExtremesRoundTrip) {
  for (const char* text : {"0/0", "FFFFFFFF/FFFFFFFF", "1/0", "0/1"}) {
    absl::StatusOr<Lsn> lsn = Lsn::Parse(text);
    ASSERT_TRUE(lsn.ok()) << text;
    EXPECT_EQ(lsn->ToString(), text);
  }
  EXPECT_FALSE(Lsn::Parse("0/0")->valid());
  EXPECT_TRUE(Lsn::Parse("0/1")->valid());
}

TEST(LsnTest, RejectsMalformedText) {
  for (const char* text : {"", "/", "1/", "/1", "123456789/0", "0/123456789", "G/0", "0/0/0",
                           " 0/1", "0/1 ", "-1/0", "0x1/0"}) {
    absl::StatusOr<Lsn> lsn = Lsn::Parse(text);
    EXPECT_EQ(lsn.status().code(), absl::StatusCode::kInvalidArgument) << '"' << text << '"';
  }
}

TEST(LsnTest, OrdersByPosition) {
  const Lsn a = Lsn::FromRaw(0x100);
  const Lsn b = Lsn::FromRaw(0x1'0000'0000);
  EXPECT_LT(a, b);
  EXPECT_EQ(a, Lsn::FromRaw(0x100));
  EXPECT_EQ(b.BytesSince(a), 0x1'0000'0000u - 0x100u);
  EXPECT_EQ(a.BytesSince(b), 0u);
}

}  // namespace
}  // namespace genims
