#include "sink/report_plan.h"

#include "gtest/gtest.h"

namespace genims {
namespace {

constexpr char kDefinition[] = R"(
report   sales_daily
source   genims_erp_db public.sales_order_lines
lookup   header genims_erp_db public.sales_orders by sales_order_id = sales_order_id get order_date, customer_id, status
where    status <> 'cancelled' and header.status in ('open', 'shipped')
key      day date = day(header.order_date)
key      customer_id bigint = header.customer_id
key      region text = region
measure  lines = count
measure  priced = count(unit_price)
measure  revenue = sum(quantity * unit_price)
measure  lead_seconds = sum(seconds_between(created_at, shipped_at))
derived  avg_price = revenue / nullif(lines, 0)
)";

class ReportPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<ReportDefinition> definition = ParseReport(kDefinition, "test.report");
    ASSERT_TRUE(definition.ok()) << definition.status();
    absl::StatusOr<ReportPlan> plan = ReportPlan::Compile(*definition);
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_.emplace(std::move(*plan));
  }
  // Fact values in fact_columns() order, by name.
  Values Facts(std::map<std::string, std::optional<std::string>> by_name) {
    Values values;
    for (const std::string& column : plan_->fact_columns()) values.push_back(by_name[column]);
    return values;
  }
  std::optional<ReportPlan> plan_;
};

TEST_F(ReportPlanTest, FactColumnsAreWhatTheReportReads) {
  EXPECT_EQ(plan_->fact_columns(),
            (std::vector<std::string>{"created_at", "quantity", "region", "sales_order_id",
                                      "shipped_at", "status", "unit_price"}));
}

TEST_F(ReportPlanTest, ContributionOfARow) {
  const Values header = {"2026-11-24", "42", "open"};
  absl::StatusOr<std::optional<Contribution>> result =
      plan_->Evaluate(Facts({{"created_at", "2026-11-24 10:00:00+00"},
                             {"shipped_at", "2026-11-24 10:00:01.5+00"},
                             {"quantity", "3.000"},
                             {"unit_price", "19.9999"},
                             {"region", std::nullopt},
                             {"sales_order_id", "7"},
                             {"status", "open"}}),
                      {&header});
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_TRUE(result->has_value());
  const Contribution& contribution = **result;
  EXPECT_EQ(contribution.key, (std::vector<std::string>{"2026-11-24", "42", ""}));
  ASSERT_EQ(contribution.values.size(), 5u);
  EXPECT_EQ(contribution.values[0].ToString(), "1.000000");   // fact_count
  EXPECT_EQ(contribution.values[2].ToString(), "1.000000");   // priced
  EXPECT_EQ(contribution.values[3].ToString(), "59.999700");  // revenue
  EXPECT_EQ(contribution.values[4].ToString(), "1.500000");   // lead_seconds
}

TEST_F(ReportPlanTest, ConditionsOnFactsAndLookups) {
  const Values open = {"2026-11-24", "42", "open"};
  const Values held = {"2026-11-24", "42", "held"};
  Values facts = Facts({{"status", "cancelled"}, {"quantity", "1"}, {"unit_price", "1"}});
  EXPECT_FALSE(plan_->Evaluate(facts, {&open})->has_value());
  facts = Facts({{"status", "open"}, {"quantity", "1"}, {"unit_price", "1"}});
  EXPECT_FALSE(plan_->Evaluate(facts, {&held})->has_value());
  EXPECT_FALSE(plan_->Evaluate(facts, {nullptr})->has_value());  // No header: status NULL.
  facts = Facts({{"status", std::nullopt}, {"quantity", "1"}, {"unit_price", "1"}});
  EXPECT_FALSE(plan_->Evaluate(facts, {&open})->has_value());  // NULL <> 'x' is not true.
}

TEST_F(ReportPlanTest, NullsAreSkippedByMeasuresAndNonNumbersRefused) {
  const Values open = {"2026-11-24", "42", "open"};
  absl::StatusOr<std::optional<Contribution>> result =
      plan_->Evaluate(Facts({{"status", "open"}, {"quantity", "2"}}), {&open});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ((**result).values[1].ToString(), "1.000000");  // lines
  EXPECT_EQ((**result).values[2].ToString(), "0.000000");  // priced: unit_price NULL
  EXPECT_EQ((**result).values[3].ToString(), "0.000000");
  EXPECT_EQ(
      plan_
          ->Evaluate(Facts({{"status", "open"}, {"quantity", "two"}, {"unit_price", "1"}}), {&open})
          .status()
          .code(),
      absl::StatusCode::kInvalidArgument);
}

TEST(ReportDefinitionTest, ErrorsNameFileAndLine) {
  EXPECT_EQ(
      ParseReport("report x\nsource db public.t\nkey a wrong = b\n", "r.report").status().message(),
      "r.report:3: unknown type 'wrong' (bigint, int, date or text)");
  EXPECT_EQ(ParseReport("report x\nsource db public.t\nkey a bigint = l.b\n", "r.report")
                .status()
                .message(),
            "r.report:3: 'l.b': no lookup named 'l' above");
  EXPECT_EQ(ParseReport("report x\nsource db public.t\nkey a bigint = a\nmeasure m = count\n"
                        "derived d = m / other\n",
                        "r.report")
                .status()
                .message(),
            "r.report:5: 'other' is not a measure of this report (derived columns use measures "
            "only)");
  EXPECT_EQ(ParseReport("report x\nsource db public.t\nmeasure m = count\n", "r.report")
                .status()
                .message(),
            "r.report: no 'key' statement (a report needs a group key)");
}

TEST(TimestampTest, ParsesPostgresIsoText) {
  EXPECT_EQ(ParseTimestampMicros("1970-01-01"), 0);
  EXPECT_EQ(ParseTimestampMicros("1970-01-01 00:00:01.5+00"), 1500000);
  EXPECT_EQ(ParseTimestampMicros("1970-01-01 01:00:00+01"), 0);
  EXPECT_EQ(ParseTimestampMicros("1970-01-01 00:00:00-05:30"), 19800000000LL);
  EXPECT_FALSE(ParseTimestampMicros("yesterday").has_value());
}

}  // namespace
}  // namespace genims
