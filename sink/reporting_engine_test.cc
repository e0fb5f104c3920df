#include "sink/reporting_engine.h"

#include <filesystem>
#include <random>

#include "gtest/gtest.h"

namespace genims {
namespace {

constexpr char kDefinition[] = R"(
report   orders_by_region
source   db public.orders
lookup   customer db public.customers by customer_id = customer_id get region, active
where    status <> 'void' and customer.active = 't'
key      region text = customer.region
key      day date = day(ordered_at)
measure  orders = count
measure  amount = sum(amount)
)";

// A row change with the columns given as (name, value or nullopt).
RowChange Change(ChangeOp op, absl::string_view table,
                 const std::vector<std::pair<std::string, std::optional<std::string>>>& new_row,
                 const std::vector<std::pair<std::string, std::optional<std::string>>>& old_row,
                 std::vector<std::string>* storage) {
  RowChange change;
  change.op = op;
  change.schema = "public";
  change.table = table;
  // Keep the strings alive for the string_views (the caller owns `storage`).
  storage->reserve(storage->size() + 2 * (new_row.size() + old_row.size()) + 2);
  auto add = [&](const auto& row, std::vector<ColumnValue>* columns) {
    for (const auto& [name, value] : row) {
      storage->push_back(name);
      const absl::string_view name_view = storage->back();
      storage->push_back(value.value_or(""));
      columns->push_back(ColumnValue{name_view, "", 0, storage->back(), !value.has_value(),
                                     NotNullDeclared::kUnknown, false});
    }
  };
  add(new_row, &change.new_columns);
  add(old_row, &change.old_columns);
  storage->push_back(table == "orders" ? "order_id" : "customer_id");
  change.primary_key = {storage->back()};
  change.primary_key_sent = true;
  return change;
}

class ReportingEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/genims-reporting-engine-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    spool_ = std::move(*Spool::Open(dir_ + "/spool"));
    std::vector<ReportPlan> plans;
    plans.push_back(*ReportPlan::Compile(*ParseReport(kDefinition, "test.report")));
    engine_ = std::make_unique<ReportingEngine>(std::move(plans));
    state_ = std::make_unique<StateView>(spool_.get());
  }
  void TearDown() override {
    state_.reset();
    spool_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Applies a change and folds its deltas into the "table", as the sink's upserts would.
  void Apply(const RowChange& change) {
    ReportDeltas deltas;
    ASSERT_TRUE(engine_->ApplyChange("db", change, state_.get(), &deltas).ok());
    Fold(deltas);
  }
  void Truncate(absl::string_view table) {
    ReportDeltas deltas;
    ASSERT_TRUE(engine_->ApplyTruncate("db", "public", table, state_.get(), &deltas).ok());
    Fold(deltas);
  }
  void Fold(const ReportDeltas& deltas) {
    for (const auto& [key, values] : deltas) {
      std::vector<Decimal6>& row = table_[key.second];
      if (row.empty()) row.assign(values.size(), Decimal6());
      for (size_t i = 0; i < values.size(); ++i) row[i] = *Decimal6::Add(row[i], values[i]);
      if (row[0].is_zero()) table_.erase(key.second);  // The sink deletes empty groups.
    }
  }
  // Writes the batch's state, as the sink does after a commit.
  void Commit() {
    ASSERT_TRUE(spool_->WriteState(state_->pending(), false).ok());
    state_->Clear();
  }

  std::string dir_;
  std::unique_ptr<Spool> spool_;
  std::unique_ptr<ReportingEngine> engine_;
  std::unique_ptr<StateView> state_;
  std::map<std::vector<std::string>, std::vector<Decimal6>> table_;
};

TEST_F(ReportingEngineTest, RandomChangesKeepTheTableEqualToARecompute) {
  std::mt19937 random(42);
  // The model: what PostgreSQL would hold.
  std::map<int, std::map<std::string, std::optional<std::string>>> orders;
  std::map<int, std::map<std::string, std::optional<std::string>>> customers;
  std::vector<std::string> storage;
  auto pick = [&random](int n) { return static_cast<int>(random() % n); };
  auto order_row = [&](int id) {
    return std::map<std::string, std::optional<std::string>>{
        {"order_id", std::to_string(id)},
        {"customer_id", std::to_string(1 + pick(6))},
        {"status", pick(5) == 0 ? "void" : "open"},
        {"ordered_at", absl::StrCat("2026-11-2", pick(3), " 1", pick(10), ":00:00+00")},
        {"amount", pick(7) == 0
                       ? std::nullopt
                       : std::optional<std::string>(absl::StrCat(pick(1000), ".", pick(100)))}};
  };
  auto customer_row = [&](int id) {
    return std::map<std::string, std::optional<std::string>>{
        {"customer_id", std::to_string(id)},
        {"region", pick(4) == 0 ? std::nullopt : std::optional<std::string>(pick(2) ? "EU" : "NA")},
        {"active", pick(4) == 0 ? "f" : "t"}};
  };
  auto as_vector = [](const std::map<std::string, std::optional<std::string>>& row) {
    return std::vector<std::pair<std::string, std::optional<std::string>>>(row.begin(), row.end());
  };
  for (int step = 0; step < 3000; ++step) {
    const int what = pick(100);
    if (what < 40) {  // Insert or update an order (maybe its key too).
      const int id = 1 + pick(60);
      auto row = order_row(id);
      if (orders.count(id)) {
        Apply(Change(ChangeOp::kUpdate, "orders", as_vector(row), as_vector(orders[id]), &storage));
      } else {
        Apply(Change(ChangeOp::kInsert, "orders", as_vector(row), {}, &storage));
      }
      orders[id] = row;
    } else if (what < 50 && !orders.empty()) {  // Delete an order.
      auto it = std::next(orders.begin(), pick(static_cast<int>(orders.size())));
      Apply(Change(ChangeOp::kDelete, "orders", {}, as_vector(it->second), &storage));
      orders.erase(it);
    } else if (what < 55 && !orders.empty()) {  // A primary key update.
      auto it = std::next(orders.begin(), pick(static_cast<int>(orders.size())));
      const int new_id = 100 + step;
      auto row = it->second;
      row["order_id"] = std::to_string(new_id);
      Apply(Change(ChangeOp::kUpdate, "orders", as_vector(row), as_vector(it->second), &storage));
      orders.erase(it);
      orders[new_id] = row;
    } else if (what < 85) {  // A customer appears, changes region or activity.
      const int id = 1 + pick(6);
      auto row = customer_row(id);
      if (customers.count(id)) {
        Apply(Change(ChangeOp::kUpdate, "customers", as_vector(row), as_vector(customers[id]),
                     &storage));
      } else {
        Apply(Change(ChangeOp::kInsert, "customers", as_vector(row), {}, &storage));
      }
      customers[id] = row;
    } else if (what < 95 && !customers.empty()) {  // A customer goes away.
      auto it = std::next(customers.begin(), pick(static_cast<int>(customers.size())));
      Apply(Change(ChangeOp::kDelete, "customers", {}, as_vector(it->second), &storage));
      customers.erase(it);
    } else if (what < 97) {
      Truncate("orders");
      orders.clear();
    } else if (what < 98) {
      Truncate("customers");
      customers.clear();
    }
    if (pick(10) == 0) Commit();

    // The recompute over the model.
    std::map<std::vector<std::string>, std::vector<Decimal6>> expected;
    for (const auto& [id, order] : orders) {
      if (order.at("status") == "void") continue;
      auto customer = customers.find(std::stoi(*order.at("customer_id")));
      if (customer == customers.end() || customer->second.at("active") != "t") continue;
      const std::optional<std::string>& region = customer->second.at("region");
      std::vector<std::string> key = {region.value_or(""), order.at("ordered_at")->substr(0, 10)};
      std::vector<Decimal6>& row = expected[key];
      if (row.empty()) row.assign(3, Decimal6());
      row[0] = *Decimal6::Add(row[0], Decimal6::FromInt(1));
      row[1] = *Decimal6::Add(row[1], Decimal6::FromInt(1));
      if (order.at("amount"))
        row[2] = *Decimal6::Add(row[2], *Decimal6::Parse(*order.at("amount")));
    }
    ASSERT_EQ(table_, expected) << "after step " << step;
  }
}

TEST_F(ReportingEngineTest, FactTablesWithoutPrimaryKeyAreRefused) {
  std::vector<std::string> storage;
  RowChange change = Change(ChangeOp::kInsert, "orders", {{"order_id", "1"}}, {}, &storage);
  change.primary_key.clear();
  ReportDeltas deltas;
  EXPECT_EQ(engine_->ApplyChange("db", change, state_.get(), &deltas).code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace genims
