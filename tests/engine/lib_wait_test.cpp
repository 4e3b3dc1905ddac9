// asyncio.wait and asyncio.as_completed: the C++ twin of the Python program
// in the comment, expecting the CPython oracle's transcript, byte for byte.
#include "engine/lib/wait.hpp"

#include "engine/object/dict.hpp"

#include <gtest/gtest.h>

#include "engine/lib/as_completed.hpp"
#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using testing::await_;
using testing::coro;
using testing::run_main;
using testing::say;

// //   import asyncio
//   async def work(d, r, fail=False):
//       await asyncio.sleep(d)
//       if fail:
//           raise ValueError(r)
//       return r
//   async def main():
//       ts = [asyncio.create_task(work(d, n)) for d, n in [(3, "a"), (1, "b"), (2, "c")]]
//       done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
//       print([t.result() for t in done], len(pending))
//       done, pending = await asyncio.wait(ts, timeout=0.5)
//       print(len(done), len(pending))
//       e = asyncio.create_task(work(0.5, "e", True))
//       done, pending = await asyncio.wait(ts + [e], return_when=asyncio.FIRST_EXCEPTION)
//       print(len(done), len(pending))
//       done, pending = await asyncio.wait(ts)
//       print(len(done), len(pending))
//       for c in asyncio.as_completed([work(2, "x"), work(1, "y"), ts[0]]):
//           print(await c)
//       try:
//           for c in asyncio.as_completed([work(2, "p")], timeout=1):
//               print(await c)
//       except TimeoutError:
//           print("as_completed timeout")
//   asyncio.run(main())
Co work(EventLoop& loop, double d, std::string r, bool fail = false) {
  co_await sleep(loop, d);
  if (fail) throw PyError{make_exc(Exc::ValueError, r)};
  co_return str_value(r);
}

// The members of wait()'s done (0) or pending (1) set, in iteration order.
std::vector<Value> part(const Value& done_pending, size_t i) {
  std::vector<Value> out;
  for (const auto& e : done_pending.as<TupleObj>()->items[i].as<SetObj>()->table.entries()) {
    if (e.live) out.push_back(e.key);
  }
  return out;
}

std::string sizes(const Value& dp) {
  return std::to_string(part(dp, 0).size()) + " " + std::to_string(part(dp, 1).size());
}

TEST(Wait, EachReturnWhenAndTimeoutThenAsCompletedInFinishingOrderAndItsTimeout) {
  auto main = [](EventLoop& loop) -> Co {
    std::vector<Value> ts;
    for (auto [d, n] : {std::pair{3.0, "a"}, std::pair{1.0, "b"}, std::pair{2.0, "c"}}) {
      ts.push_back(Value::object(loop.create_task(coro(work(loop, d, n), "work", loop))));
    }
    Value dp = co_await wait(loop, ts, Value(), ReturnWhen::FirstCompleted);
    auto results = make<ListObj>();
    for (const Value& t : part(dp, 0)) results->items.push_back(t.as<Future>()->result());
    say(loop, results->repr() + " " + std::to_string(part(dp, 1).size()));
    dp = co_await wait(loop, ts, Value::real(0.5));
    say(loop, sizes(dp));
    Ref<Task> e = loop.create_task(coro(work(loop, 0.5, "e", true), "work", loop));
    std::vector<Value> with_e = ts;
    with_e.push_back(Value::object(e));
    dp = co_await wait(loop, with_e, Value(), ReturnWhen::FirstException);
    say(loop, sizes(dp));
    dp = co_await wait(loop, ts);
    say(loop, sizes(dp));
    std::vector<Value> three{Value::object(coro(work(loop, 2, "x"), "work", loop)),
                             Value::object(coro(work(loop, 1, "y"), "work", loop)), ts[0]};
    Ref<AsCompleted> it = as_completed(loop, three);
    while (Ref<Coroutine> c = it->next()) say(loop, str(co_await await_(c)));
    try {
      std::vector<Value> one{Value::object(coro(work(loop, 2, "p"), "work", loop))};
      Ref<AsCompleted> it2 = as_completed(loop, one, Value::integer(1));
      while (Ref<Coroutine> c = it2->next()) say(loop, str(co_await await_(c)));
    } catch (const PyError& err) {
      if (!is_exc(err.exc.get(), Exc::TimeoutError)) throw;
      say(loop, "as_completed timeout");
    }
    co_return Value();
  };
  EXPECT_EQ(run_main(main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=work by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=work by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ task+ Task-4 coro=work by=Task-1
[0.000000] ~ soon h#4 Task-4.step
[0.000000] ~ future+ F#1 origin=wait by=Task-1
[0.000000] ~ wait Task-1 on wait F#1 [Task-2, Task-3, Task-4] return_when=FIRST_COMPLETED
[0.000000] ~ iter 2 ready=3 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#5 at=3.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=3.000000
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=sleep by=Task-3
[0.000000] ~ timer h#6 at=1.000000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait Task-3 on sleep F#3 until=1.000000
[0.000000] ~ run h#4 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#4 origin=sleep by=Task-4
[0.000000] ~ timer h#7 at=2.000000 _set_result_unless_cancelled(F#4, None)
[0.000000] ~ wait Task-4 on sleep F#4 until=2.000000
[0.000000] ~ iter 3 ready=0 timers=3
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#6
[1.000000] ~ run h#6 _set_result_unless_cancelled(F#3, None)
[1.000000] ~ resolve F#3 result=None
[1.000000] ~ soon h#8 Task-3.wakeup(F#3)
[1.000000] ~ iter 4 ready=1 timers=2
[1.000000] ~ run h#8 Task-3.wakeup(F#3)
[1.000000] ~ step Task-3 <- sleep F#3 until=1.000000 result=None
[1.000000] ~ done Task-3 result='b'
[1.000000] ~ soon h#9 _wait._on_completion(Task-3)
[1.000000] ~ iter 5 ready=1 timers=2
[1.000000] ~ run h#9 _wait._on_completion(Task-3)
[1.000000] ~ resolve F#1 result=None
[1.000000] ~ soon h#10 Task-1.wakeup(F#1)
[1.000000] ~ iter 6 ready=1 timers=2
[1.000000] ~ run h#10 Task-1.wakeup(F#1)
[1.000000] ~ step Task-1 <- wait F#1 [Task-2, Task-3, Task-4] return_when=FIRST_COMPLETED result=None
[1.000000] ['b'] 2
[1.000000] ~ future+ F#5 origin=wait by=Task-1
[1.000000] ~ timer h#11 at=1.500000 _release_waiter(F#5)
[1.000000] ~ soon h#12 _wait._on_completion(Task-3)
[1.000000] ~ wait Task-1 on wait F#5 [Task-2, Task-3, Task-4] return_when=ALL_COMPLETED deadline=1.500000
[1.000000] ~ iter 7 ready=1 timers=3
[1.000000] ~ run h#12 _wait._on_completion(Task-3)
[1.000000] ~ iter 8 ready=0 timers=3
[1.000000] ~ advance to=1.500000 (timeout=0.500000)
[1.500000] ~ due h#11
[1.500000] ~ run h#11 _release_waiter(F#5)
[1.500000] ~ resolve F#5 result=None
[1.500000] ~ soon h#13 Task-1.wakeup(F#5)
[1.500000] ~ iter 9 ready=1 timers=2
[1.500000] ~ run h#13 Task-1.wakeup(F#5)
[1.500000] ~ step Task-1 <- wait F#5 [Task-2, Task-3, Task-4] return_when=ALL_COMPLETED deadline=1.500000 result=None
[1.500000] 1 2
[1.500000] ~ task+ Task-5 coro=work by=Task-1
[1.500000] ~ soon h#14 Task-5.step
[1.500000] ~ future+ F#6 origin=wait by=Task-1
[1.500000] ~ soon h#15 _wait._on_completion(Task-3)
[1.500000] ~ wait Task-1 on wait F#6 [Task-2, Task-3, Task-4, Task-5] return_when=FIRST_EXCEPTION
[1.500000] ~ iter 10 ready=2 timers=2
[1.500000] ~ run h#14 Task-5.step
[1.500000] ~ step Task-5 start
[1.500000] ~ future+ F#7 origin=sleep by=Task-5
[1.500000] ~ timer h#16 at=2.000000 _set_result_unless_cancelled(F#7, None)
[1.500000] ~ wait Task-5 on sleep F#7 until=2.000000
[1.500000] ~ run h#15 _wait._on_completion(Task-3)
[1.500000] ~ iter 11 ready=0 timers=3
[1.500000] ~ advance to=2.000000 (timeout=0.500000)
[2.000000] ~ due h#7
[2.000000] ~ due h#16
[2.000000] ~ run h#7 _set_result_unless_cancelled(F#4, None)
[2.000000] ~ resolve F#4 result=None
[2.000000] ~ soon h#17 Task-4.wakeup(F#4)
[2.000000] ~ run h#16 _set_result_unless_cancelled(F#7, None)
[2.000000] ~ resolve F#7 result=None
[2.000000] ~ soon h#18 Task-5.wakeup(F#7)
[2.000000] ~ iter 12 ready=2 timers=1
[2.000000] ~ run h#17 Task-4.wakeup(F#4)
[2.000000] ~ step Task-4 <- sleep F#4 until=2.000000 result=None
[2.000000] ~ done Task-4 result='c'
[2.000000] ~ soon h#19 _wait._on_completion(Task-4)
[2.000000] ~ run h#18 Task-5.wakeup(F#7)
[2.000000] ~ step Task-5 <- sleep F#7 until=2.000000 result=None
[2.000000] ~ done Task-5 raise=ValueError: e
[2.000000] ~ soon h#20 _wait._on_completion(Task-5)
[2.000000] ~ iter 13 ready=2 timers=1
[2.000000] ~ run h#19 _wait._on_completion(Task-4)
[2.000000] ~ run h#20 _wait._on_completion(Task-5)
[2.000000] ~ resolve F#6 result=None
[2.000000] ~ soon h#21 Task-1.wakeup(F#6)
[2.000000] ~ iter 14 ready=1 timers=1
[2.000000] ~ run h#21 Task-1.wakeup(F#6)
[2.000000] ~ step Task-1 <- wait F#6 [Task-2, Task-3, Task-4, Task-5] return_when=FIRST_EXCEPTION result=None
[2.000000] 3 1
[2.000000] ~ future+ F#8 origin=wait by=Task-1
[2.000000] ~ soon h#22 _wait._on_completion(Task-3)
[2.000000] ~ soon h#23 _wait._on_completion(Task-4)
[2.000000] ~ wait Task-1 on wait F#8 [Task-2, Task-3, Task-4] return_when=ALL_COMPLETED
[2.000000] ~ iter 15 ready=2 timers=1
[2.000000] ~ run h#22 _wait._on_completion(Task-3)
[2.000000] ~ run h#23 _wait._on_completion(Task-4)
[2.000000] ~ iter 16 ready=0 timers=1
[2.000000] ~ advance to=3.000000 (timeout=1.000000)
[3.000000] ~ due h#5
[3.000000] ~ run h#5 _set_result_unless_cancelled(F#2, None)
[3.000000] ~ resolve F#2 result=None
[3.000000] ~ soon h#24 Task-2.wakeup(F#2)
[3.000000] ~ iter 17 ready=1 timers=0
[3.000000] ~ run h#24 Task-2.wakeup(F#2)
[3.000000] ~ step Task-2 <- sleep F#2 until=3.000000 result=None
[3.000000] ~ done Task-2 result='a'
[3.000000] ~ soon h#25 _wait._on_completion(Task-2)
[3.000000] ~ iter 18 ready=1 timers=0
[3.000000] ~ run h#25 _wait._on_completion(Task-2)
[3.000000] ~ resolve F#8 result=None
[3.000000] ~ soon h#26 Task-1.wakeup(F#8)
[3.000000] ~ iter 19 ready=1 timers=0
[3.000000] ~ run h#26 Task-1.wakeup(F#8)
[3.000000] ~ step Task-1 <- wait F#8 [Task-2, Task-3, Task-4] return_when=ALL_COMPLETED result=None
[3.000000] 3 0
[3.000000] ~ task+ Task-6 coro=work by=Task-1
[3.000000] ~ soon h#27 Task-6.step
[3.000000] ~ task+ Task-7 coro=work by=Task-1
[3.000000] ~ soon h#28 Task-7.step
[3.000000] ~ soon h#29 as_completed._on_completion(Task-2)
[3.000000] ~ future+ F#9 origin=as_completed/Queue.get by=Task-1
[3.000000] ~ wait Task-1 on as_completed/Queue.get F#9
[3.000000] ~ iter 20 ready=3 timers=0
[3.000000] ~ run h#27 Task-6.step
[3.000000] ~ step Task-6 start
[3.000000] ~ future+ F#10 origin=sleep by=Task-6
[3.000000] ~ timer h#30 at=5.000000 _set_result_unless_cancelled(F#10, None)
[3.000000] ~ wait Task-6 on sleep F#10 until=5.000000
[3.000000] ~ run h#28 Task-7.step
[3.000000] ~ step Task-7 start
[3.000000] ~ future+ F#11 origin=sleep by=Task-7
[3.000000] ~ timer h#31 at=4.000000 _set_result_unless_cancelled(F#11, None)
[3.000000] ~ wait Task-7 on sleep F#11 until=4.000000
[3.000000] ~ run h#29 as_completed._on_completion(Task-2)
[3.000000] ~ resolve F#9 result=None
[3.000000] ~ soon h#32 Task-1.wakeup(F#9)
[3.000000] ~ iter 21 ready=1 timers=2
[3.000000] ~ run h#32 Task-1.wakeup(F#9)
[3.000000] ~ step Task-1 <- as_completed/Queue.get F#9 result=None
[3.000000] a
[3.000000] ~ future+ F#12 origin=as_completed/Queue.get by=Task-1
[3.000000] ~ wait Task-1 on as_completed/Queue.get F#12
[3.000000] ~ iter 22 ready=0 timers=2
[3.000000] ~ advance to=4.000000 (timeout=1.000000)
[4.000000] ~ due h#31
[4.000000] ~ run h#31 _set_result_unless_cancelled(F#11, None)
[4.000000] ~ resolve F#11 result=None
[4.000000] ~ soon h#33 Task-7.wakeup(F#11)
[4.000000] ~ iter 23 ready=1 timers=1
[4.000000] ~ run h#33 Task-7.wakeup(F#11)
[4.000000] ~ step Task-7 <- sleep F#11 until=4.000000 result=None
[4.000000] ~ done Task-7 result='y'
[4.000000] ~ soon h#34 as_completed._on_completion(Task-7)
[4.000000] ~ iter 24 ready=1 timers=1
[4.000000] ~ run h#34 as_completed._on_completion(Task-7)
[4.000000] ~ resolve F#12 result=None
[4.000000] ~ soon h#35 Task-1.wakeup(F#12)
[4.000000] ~ iter 25 ready=1 timers=1
[4.000000] ~ run h#35 Task-1.wakeup(F#12)
[4.000000] ~ step Task-1 <- as_completed/Queue.get F#12 result=None
[4.000000] y
[4.000000] ~ future+ F#13 origin=as_completed/Queue.get by=Task-1
[4.000000] ~ wait Task-1 on as_completed/Queue.get F#13
[4.000000] ~ iter 26 ready=0 timers=1
[4.000000] ~ advance to=5.000000 (timeout=1.000000)
[5.000000] ~ due h#30
[5.000000] ~ run h#30 _set_result_unless_cancelled(F#10, None)
[5.000000] ~ resolve F#10 result=None
[5.000000] ~ soon h#36 Task-6.wakeup(F#10)
[5.000000] ~ iter 27 ready=1 timers=0
[5.000000] ~ run h#36 Task-6.wakeup(F#10)
[5.000000] ~ step Task-6 <- sleep F#10 until=5.000000 result=None
[5.000000] ~ done Task-6 result='x'
[5.000000] ~ soon h#37 as_completed._on_completion(Task-6)
[5.000000] ~ iter 28 ready=1 timers=0
[5.000000] ~ run h#37 as_completed._on_completion(Task-6)
[5.000000] ~ resolve F#13 result=None
[5.000000] ~ soon h#38 Task-1.wakeup(F#13)
[5.000000] ~ iter 29 ready=1 timers=0
[5.000000] ~ run h#38 Task-1.wakeup(F#13)
[5.000000] ~ step Task-1 <- as_completed/Queue.get F#13 result=None
[5.000000] x
[5.000000] ~ task+ Task-8 coro=work by=Task-1
[5.000000] ~ soon h#39 Task-8.step
[5.000000] ~ timer h#40 at=6.000000 as_completed._on_timeout()
[5.000000] ~ future+ F#14 origin=as_completed/Queue.get by=Task-1
[5.000000] ~ wait Task-1 on as_completed/Queue.get F#14
[5.000000] ~ iter 30 ready=1 timers=1
[5.000000] ~ run h#39 Task-8.step
[5.000000] ~ step Task-8 start
[5.000000] ~ future+ F#15 origin=sleep by=Task-8
[5.000000] ~ timer h#41 at=7.000000 _set_result_unless_cancelled(F#15, None)
[5.000000] ~ wait Task-8 on sleep F#15 until=7.000000
[5.000000] ~ iter 31 ready=0 timers=2
[5.000000] ~ advance to=6.000000 (timeout=1.000000)
[6.000000] ~ due h#40
[6.000000] ~ run h#40 as_completed._on_timeout()
[6.000000] ~ resolve F#14 result=None
[6.000000] ~ soon h#42 Task-1.wakeup(F#14)
[6.000000] ~ iter 32 ready=1 timers=1
[6.000000] ~ run h#42 Task-1.wakeup(F#14)
[6.000000] ~ step Task-1 <- as_completed/Queue.get F#14 result=None
[6.000000] as_completed timeout
[6.000000] ~ done Task-1 result=None
[6.000000] ~ soon h#43 _run_until_complete_cb(Task-1)
[6.000000] ~ iter 33 ready=1 timers=1
[6.000000] ~ run h#43 _run_until_complete_cb(Task-1)
[6.000000] ~ run_until_complete end
[6.000000] ~ cancel Task-8 by - n=1 -> sleep F#15 until=7.000000
[6.000000] ~ resolve F#15 cancelled
[6.000000] ~ soon h#44 Task-8.wakeup(F#15)
[6.000000] ~ future+ F#16 origin=gather by=-
[6.000000] ~ run_until_complete F#16
[6.000000] ~ iter 34 ready=1 timers=1
[6.000000] ~ run h#44 Task-8.wakeup(F#15)
[6.000000] ~ step Task-8 <- sleep F#15 until=7.000000 raise=CancelledError
[6.000000] ~ timer-cancel h#41 by Task-8 (in heap)
[6.000000] ~ done Task-8 cancelled
[6.000000] ~ soon h#45 gather._done_callback(Task-8)
[6.000000] ~ iter 35 ready=1 timers=1 cancelled=1
[6.000000] ~ skip h#41 (cancelled)
[6.000000] ~ run h#45 gather._done_callback(Task-8)
[6.000000] ~ resolve F#16 result=[<CancelledError>]
[6.000000] ~ soon h#46 _run_until_complete_cb(F#16)
[6.000000] ~ iter 36 ready=1 timers=0
[6.000000] ~ run h#46 _run_until_complete_cb(F#16)
[6.000000] ~ run_until_complete end
[6.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[6.000000] ~ task+ Task-9 coro=BaseEventLoop.shutdown_asyncgens by=-
[6.000000] ~ soon h#47 Task-9.step
[6.000000] ~ iter 37 ready=1 timers=0
[6.000000] ~ run h#47 Task-9.step
[6.000000] ~ step Task-9 start
[6.000000] ~ done Task-9 result=None
[6.000000] ~ soon h#48 _run_until_complete_cb(Task-9)
[6.000000] ~ iter 38 ready=1 timers=0
[6.000000] ~ run h#48 _run_until_complete_cb(Task-9)
[6.000000] ~ run_until_complete end
[6.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[6.000000] ~ task+ Task-10 coro=BaseEventLoop.shutdown_default_executor by=-
[6.000000] ~ soon h#49 Task-10.step
[6.000000] ~ iter 39 ready=1 timers=0
[6.000000] ~ run h#49 Task-10.step
[6.000000] ~ step Task-10 start
[6.000000] ~ done Task-10 result=None
[6.000000] ~ soon h#50 _run_until_complete_cb(Task-10)
[6.000000] ~ iter 40 ready=1 timers=0
[6.000000] ~ run h#50 _run_until_complete_cb(Task-10)
[6.000000] ~ run_until_complete end
[6.000000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
