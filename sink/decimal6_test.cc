#include "sink/decimal6.h"

#include "gtest/gtest.h"

namespace genims {
namespace {

std::string Round(absl::string_view text) {
  std::optional<Decimal6> value = Decimal6::Parse(text);
  return value ? value->ToString() : "invalid";
}

TEST(Decimal6Test, ParsesPostgresTextRoundingHalfAwayFromZero) {
  EXPECT_EQ(Round("12.50"), "12.500000");
  EXPECT_EQ(Round("-0"), "0.000000");
  EXPECT_EQ(Round("7"), "7.000000");
  EXPECT_EQ(Round("0.0000005"), "0.000001");
  EXPECT_EQ(Round("-0.0000005"), "-0.000001");
  EXPECT_EQ(Round("0.00000049999"), "0.000000");
  EXPECT_EQ(Round("1e-300"), "0.000000");
  EXPECT_EQ(Round("1.5e+3"), "1500.000000");
  EXPECT_EQ(Round("123456789012345678901234.123456789"), "123456789012345678901234.123457");
  EXPECT_EQ(Round("0.123456789012345678901234567890123456789012"), "0.123457");
}

TEST(Decimal6Test, RefusesWhatIsNotANumberOrTooLarge) {
  EXPECT_EQ(Round("NaN"), "invalid");
  EXPECT_EQ(Round("Infinity"), "invalid");
  EXPECT_EQ(Round(""), "invalid");
  EXPECT_EQ(Round("12abc"), "invalid");
  EXPECT_EQ(Round("1e31"), "invalid");
  EXPECT_EQ(Round("12345678901234567890123456789012"), "invalid");
}

TEST(Decimal6Test, ArithmeticRoundsProductsToSixPlaces) {
  const Decimal6 price = *Decimal6::Parse("19.9999");
  const Decimal6 quantity = *Decimal6::Parse("3.333");
  EXPECT_EQ(Decimal6::Multiply(price, quantity)->ToString(), "66.659667");  // 66.6596667
  EXPECT_EQ(Decimal6::Multiply(-price, quantity)->ToString(), "-66.659667");
  EXPECT_EQ(Decimal6::Add(price, quantity)->ToString(), "23.332900");
  EXPECT_EQ(Decimal6::Subtract(quantity, price)->ToString(), "-16.666900");
  const Decimal6 huge = *Decimal6::Parse("1e20");
  EXPECT_FALSE(Decimal6::Multiply(huge, huge).has_value());
}

}  // namespace
}  // namespace genims
