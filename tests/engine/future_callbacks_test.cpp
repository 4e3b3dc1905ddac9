// A future's done-callbacks: kept in one word while there is at most one,
// in a block beyond; scheduled in the order they were added, whatever was
// removed in between.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/loop/event_loop.hpp"

namespace loopscope {
namespace {

// A loop with a future and a log of which callbacks ran.
struct Fixture {
  World world;
  EventLoop loop{world};
  Ref<Future> fut = loop.create_future();
  std::vector<int> ran;

  uint64_t add(int n) {
    DoneCallback cb;
    cb.qualname = "cb" + std::to_string(n);
    cb.fn = [this, n](Future*) { ran.push_back(n); };
    return fut->add_done_callback(std::move(cb));
  }
  void resolve_and_run() {
    fut->set_result(Value::integer(1));
    if (!loop.ready().empty()) loop.run_once();  // with nothing ready it would report a deadlock
  }
};

std::vector<int> upto(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i) v.push_back(i);
  return v;
}

TEST(FutureCallbacks, RunInTheOrderAddedForEveryListSize) {
  for (int n : {0, 1, 2, 4, 5, 9, 100}) {
    Fixture f;
    for (int i = 0; i < n; ++i) f.add(i);
    EXPECT_EQ(f.fut->callback_count(), size_t(n));
    f.resolve_and_run();
    EXPECT_EQ(f.ran, upto(n)) << n << " callbacks";
    EXPECT_EQ(f.fut->callback_count(), 0u);
  }
}

TEST(FutureCallbacks, RemovingTheOnlyCallbackLeavesNone) {
  Fixture f;
  uint64_t token = f.add(7);
  EXPECT_EQ(f.fut->remove_done_callback(token + 1), 0u);
  EXPECT_EQ(f.fut->remove_done_callback(token), 1u);
  EXPECT_EQ(f.fut->remove_done_callback(token), 0u);
  EXPECT_EQ(f.fut->callback_count(), 0u);
  f.resolve_and_run();
  EXPECT_TRUE(f.ran.empty());
}

TEST(FutureCallbacks, RemovedCallbacksAreSkippedAndTheRestKeepTheirOrder) {
  Fixture f;
  std::vector<uint64_t> tokens;
  for (int i = 0; i < 9; ++i) tokens.push_back(f.add(i));
  EXPECT_EQ(f.fut->remove_done_callback(tokens[0]), 1u);
  EXPECT_EQ(f.fut->remove_done_callback(tokens[4]), 1u);
  EXPECT_EQ(f.fut->remove_done_callback(tokens[8]), 1u);
  f.add(9);  // added after removals: goes last
  EXPECT_EQ(f.fut->callback_count(), 7u);
  f.resolve_and_run();
  EXPECT_EQ(f.ran, (std::vector<int>{1, 2, 3, 5, 6, 7, 9}));
}

TEST(FutureCallbacks, AListEmptiedByRemovalTakesNewCallbacks) {
  Fixture f;
  uint64_t a = f.add(0);
  uint64_t b = f.add(1);
  f.fut->remove_done_callback(a);
  f.fut->remove_done_callback(b);
  EXPECT_EQ(f.fut->callback_count(), 0u);
  f.add(2);
  f.add(3);
  f.resolve_and_run();
  EXPECT_EQ(f.ran, (std::vector<int>{2, 3}));
}

TEST(FutureCallbacks, ACallbackAddedToADoneFutureIsScheduledAtOnce) {
  Fixture f;
  f.fut->set_result(Value::integer(1));
  f.add(5);
  EXPECT_EQ(f.fut->callback_count(), 0u);
  EXPECT_EQ(f.loop.ready().size(), 1u);
  f.loop.run_once();
  EXPECT_EQ(f.ran, std::vector<int>{5});
}

}  // namespace
}  // namespace loopscope
