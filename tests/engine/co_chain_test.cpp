// C++ coroutine chains pass what they yield, return and have thrown into
// them through one slot per thread (engine/loop/co.hpp). These tests
// interleave many chains, nest one chain's resume inside another's and
// throw into deep chains, and check that nothing is mixed up.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/lib/gather.hpp"
#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using testing::coro;

// Runs body(loop) as asyncio.run's main coroutine; returns its result.
template <class Body>
Value run(Body body) {
  World w;
  struct Shim {
    static Co main(World& w, Body body) { co_return co_await body(*w.running_loop); }
  };
  return asyncio_run(w, coroutine(Shim::main(w, body), "main", &w));
}

// Three frames deep, yielding between every level; returns base + 111.
Co leaf(EventLoop& loop, int64_t base) {
  co_await sleep(loop, 0);
  co_return Value::integer(base + 1);
}
Co middle(EventLoop& loop, int64_t base) {
  Value v = co_await leaf(loop, base);
  co_await sleep(loop, 0);
  Value w = co_await leaf(loop, base);
  co_return Value::integer(v.as_int() + w.as_int() + 9);
}
Co top(EventLoop& loop, int64_t base) {
  co_await sleep(loop, 0);
  Value v = co_await middle(loop, base);
  co_return Value::integer(v.as_int() + 100 - base);
}

TEST(CoChain, InterleavedChainsEachGetTheirOwnResults) {
  Value results = run([](EventLoop& loop) -> Co {
    std::vector<Value> kids;
    for (int64_t i = 0; i < 50; ++i) kids.push_back(Value::object(coro(top(loop, i * 1000), "top", loop)));
    co_return co_await gather(loop, kids);
  });
  const auto& items = results.as<ListObj>()->items;
  ASSERT_EQ(items.size(), 50u);
  for (int64_t i = 0; i < 50; ++i) EXPECT_EQ(items[size_t(i)].as_int(), i * 1000 + 111) << "chain " << i;
}

// A chain that drives another coroutine object (a resume inside a resume),
// each yielding in turn.
Co inner_counter(EventLoop& loop, int n) {
  int64_t sum = 0;
  for (int i = 1; i <= n; ++i) {
    co_await sleep(loop, 0);
    sum += i;
  }
  co_return Value::integer(sum);
}
Co outer_driver(EventLoop& loop) {
  Value a = co_await await_coroutine(coro(inner_counter(loop, 4), "inner_counter", loop));
  co_await sleep(loop, 0);
  Value b = co_await await_coroutine(coro(inner_counter(loop, 3), "inner_counter", loop));
  co_return Value::integer(a.as_int() * 100 + b.as_int());
}

TEST(CoChain, ACoroutineDrivenFromInsideAnotherChainReturnsItsOwnValue) {
  Value results = run([](EventLoop& loop) -> Co {
    std::vector<Value> kids;
    for (int i = 0; i < 3; ++i) kids.push_back(Value::object(coro(outer_driver(loop), "outer_driver", loop)));
    co_return co_await gather(loop, kids);
  });
  for (const Value& v : results.as<ListObj>()->items) EXPECT_EQ(v.as_int(), 10 * 100 + 6);
}

// Cancelling a task whose chain is three frames deep: the CancelledError
// lands in the innermost frame, the middle one catches it and returns.
Co catches_in_middle(EventLoop& loop, std::vector<std::string>& log) {
  try {
    co_await leaf(loop, 0);
    co_await sleep(loop, 10);
    log.push_back("not cancelled");
  } catch (const PyError& e) {
    log.push_back("middle caught " + e.exc->cls->name);
    co_return Value::integer(7);
  }
  co_return Value::integer(0);
}
Co outer_of(EventLoop& loop, std::vector<std::string>& log) {
  Value v = co_await catches_in_middle(loop, log);
  log.push_back("outer got " + std::to_string(v.as_int()));
  co_return v;
}

TEST(CoChain, AnExceptionThrownIntoADeepChainReachesTheInnermostFrame) {
  std::vector<std::string> log;
  Value out = run([&log](EventLoop& loop) -> Co {
    Ref<Task> t = loop.create_task(coro(outer_of(loop, log), "outer_of", loop));
    co_await sleep(loop, 0);
    co_await sleep(loop, 0);
    t->cancel();
    co_return co_await t;
  });
  EXPECT_EQ(out.as_int(), 7);
  EXPECT_EQ(log, (std::vector<std::string>{"middle caught CancelledError", "outer got 7"}));
}

// A Python exception raised in the innermost frame comes out of each frame
// in turn, and a frame that does not catch it does not return.
Co raises(EventLoop& loop) {
  co_await sleep(loop, 0);
  throw PyError{make_exc(Exc::ValueError, "deep")};
}
Co passes_through(EventLoop& loop, int& reached) {
  Value v = co_await raises(loop);
  ++reached;
  co_return v;
}

TEST(CoChain, AnExceptionRaisedDeepComesOutOfEveryFrame) {
  int reached = 0;
  std::string caught;
  run([&](EventLoop& loop) -> Co {
    try {
      co_await passes_through(loop, reached);
    } catch (const PyError& e) {
      caught = e.exc->cls->name + ": " + e.exc->str();
    }
    co_return Value();
  });
  EXPECT_EQ(reached, 0);
  EXPECT_EQ(caught, "ValueError: deep");
}

}  // namespace
}  // namespace loopscope
