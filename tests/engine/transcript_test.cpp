// Whole transcripts of small C++ programs, line by line.
#include <gtest/gtest.h>
#include <iostream>

#include "engine/lib/gather.hpp"
#include "tests/engine/helpers.hpp"

namespace loopscope {
namespace {

using testing::lines;
using testing::say;

Co worker(EventLoop& loop, std::string name, double delay) {
  say(loop, name + " start");
  co_await sleep(loop, delay);
  say(loop, name + " end");
  co_return str_value(name);
}

Co gather_main(World& w) {
  EventLoop& loop = *w.running_loop;
  Ref<Future> g = gather(loop, {Value::object(coroutine(worker(loop, "a", 0.5), "worker")),
                                 Value::object(coroutine(worker(loop, "b", 0.25), "worker"))});
  Value v = co_await g;
  say(loop, repr(v));
}

TEST(Transcript, GatherOfTwoSleepers) {
  World w;
  asyncio_run(w, coroutine(gather_main(w), "main"));
  std::string expected = R"([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=worker by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=worker by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ future+ F#1 origin=gather by=Task-1
[0.000000] ~ wait Task-1 on gather F#1 [Task-2, Task-3]
)";
  std::string got = transcript(w.trace, true);
  EXPECT_EQ(got.substr(0, expected.size()), expected) << got;
  std::cerr << got;
}

}  // namespace
}  // namespace loopscope

// ---- V rendering (TRACE_FORMAT.md v2) ----

#include "engine/loop/trace_text.hpp"
#include "engine/object/dict.hpp"

namespace loopscope {
namespace {

TEST(TraceValue, CutsAtSixtyCodePointsNeverInsideUtf8) {
  std::string e_acute = "\xC3\xA9";
  std::string seventy;
  for (int i = 0; i < 70; ++i) seventy += e_acute;
  std::string text = trace_value(str_value(seventy));
  // repr adds a quote: 57 code points are the quote and 56 é, then "...".
  std::string want = "'";
  for (int i = 0; i < 56; ++i) want += e_acute;
  EXPECT_EQ(text, want + "...");
}

TEST(TraceValue, DictInInsertionOrderSetSortedNoPerElementCut) {
  auto d = make<DictObj>();
  d->table.set(str_value("b"), Value::integer(1));
  d->table.set(str_value("a"), Value::integer(2));
  EXPECT_EQ(trace_value(Value::object(d)), "{'b': 1, 'a': 2}");
  auto s = make<SetObj>();
  for (int i : {10, 9, 2}) s->table.set(Value::integer(i));
  EXPECT_EQ(trace_value(Value::object(s)), "{10, 2, 9}");  // sorted as strings
  EXPECT_EQ(trace_value(Value::object(make<SetObj>())), "set()");
  std::string long_item(50, 'x');
  auto l = make<ListObj>(std::vector<Value>{str_value(long_item)});
  // The element is not cut on its own: only the whole rendering is.
  EXPECT_EQ(trace_value(Value::object(l)), "['" + long_item + "']");
}

}  // namespace
}  // namespace loopscope
