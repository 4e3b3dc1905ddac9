// asyncio.shield: the C++ twin of the Python program in the comment,
// expecting the CPython oracle's transcript of it, byte for byte.
#include "engine/lib/shield.hpp"

#include <gtest/gtest.h>

#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using testing::coro;
using testing::run_main;
using testing::say;

// //   import asyncio
//   async def work(d, r):
//       await asyncio.sleep(d)
//       return r
//   async def outer(t):
//       try:
//           return await asyncio.shield(t)
//       except asyncio.CancelledError:
//           print("outer cancelled, inner done:", t.done())
//           raise
//   async def main():
//       inner = asyncio.create_task(work(2, "x"))
//       o = asyncio.create_task(outer(inner))
//       await asyncio.sleep(1)
//       o.cancel()
//       await asyncio.sleep(0)
//       print(await inner)
//       print(await asyncio.shield(work(1, "y")))
//       done = asyncio.create_task(work(0, "z"))
//       await asyncio.sleep(0)
//       await asyncio.sleep(0)
//       print(await asyncio.shield(done))
//       inner2 = asyncio.create_task(work(1, "w"))
//       o2 = asyncio.create_task(outer(inner2))
//       await asyncio.sleep(0)
//       inner2.cancel()
//       try:
//           await o2
//       except asyncio.CancelledError:
//           print("o2 cancelled")
//   asyncio.run(main())
Co work(EventLoop& loop, double d, std::string r) {
  co_await sleep(loop, d);
  co_return str_value(r);
}

Co outer(EventLoop& loop, Ref<Task> t) {
  try {
    Ref<Future> s = shield(loop, Value::object(t));
    co_return co_await s;
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::CancelledError)) {
      say(loop, std::string("outer cancelled, inner done: ") + (t->done() ? "True" : "False"));
    }
    throw;
  }
}

TEST(Shield, CancellingTheOuterLeavesTheInnerRunningAndCancellingTheInnerCancelsTheOuter) {
  auto main = [](EventLoop& loop) -> Co {
    Ref<Task> inner = loop.create_task(coro(work(loop, 2, "x"), "work", loop));
    Ref<Task> o = loop.create_task(coro(outer(loop, inner), "outer", loop));
    co_await sleep(loop, 1);
    o->cancel();
    co_await sleep(loop, 0);
    say(loop, str(co_await inner));
    Ref<Future> s = shield(loop, Value::object(coro(work(loop, 1, "y"), "work", loop)));
    say(loop, str(co_await s));
    Ref<Task> done = loop.create_task(coro(work(loop, 0, "z"), "work", loop));
    co_await sleep(loop, 0);
    co_await sleep(loop, 0);
    Ref<Future> s2 = shield(loop, Value::object(done));
    say(loop, str(co_await s2));
    Ref<Task> inner2 = loop.create_task(coro(work(loop, 1, "w"), "work", loop));
    Ref<Task> o2 = loop.create_task(coro(outer(loop, inner2), "outer", loop));
    co_await sleep(loop, 0);
    inner2->cancel();
    try {
      co_await o2;
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::CancelledError)) throw;
      say(loop, "o2 cancelled");
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
[0.000000] ~ task+ Task-3 coro=outer by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#4 at=1.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=1.000000
[0.000000] ~ iter 2 ready=2 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#5 at=2.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=2.000000
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=shield by=Task-3
[0.000000] ~ wait Task-3 on shield F#3 on=Task-2
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#4
[1.000000] ~ run h#4 _set_result_unless_cancelled(F#1, None)
[1.000000] ~ resolve F#1 result=None
[1.000000] ~ soon h#6 Task-1.wakeup(F#1)
[1.000000] ~ iter 4 ready=1 timers=1
[1.000000] ~ run h#6 Task-1.wakeup(F#1)
[1.000000] ~ step Task-1 <- sleep F#1 until=1.000000 result=None
[1.000000] ~ cancel Task-3 by Task-1 n=1 -> shield F#3 on=Task-2
[1.000000] ~ resolve F#3 cancelled
[1.000000] ~ soon h#7 shield._outer_done_callback(F#3)
[1.000000] ~ soon h#8 Task-3.wakeup(F#3)
[1.000000] ~ yield Task-1
[1.000000] ~ soon h#9 Task-1.step
[1.000000] ~ iter 5 ready=3 timers=1
[1.000000] ~ run h#7 shield._outer_done_callback(F#3)
[1.000000] ~ run h#8 Task-3.wakeup(F#3)
[1.000000] ~ step Task-3 <- shield F#3 on=Task-2 raise=CancelledError
[1.000000] outer cancelled, inner done: False
[1.000000] ~ done Task-3 cancelled
[1.000000] ~ run h#9 Task-1.step
[1.000000] ~ step Task-1 <- yield
[1.000000] ~ wait Task-1 on task Task-2
[1.000000] ~ iter 6 ready=0 timers=1
[1.000000] ~ advance to=2.000000 (timeout=1.000000)
[2.000000] ~ due h#5
[2.000000] ~ run h#5 _set_result_unless_cancelled(F#2, None)
[2.000000] ~ resolve F#2 result=None
[2.000000] ~ soon h#10 Task-2.wakeup(F#2)
[2.000000] ~ iter 7 ready=1 timers=0
[2.000000] ~ run h#10 Task-2.wakeup(F#2)
[2.000000] ~ step Task-2 <- sleep F#2 until=2.000000 result=None
[2.000000] ~ done Task-2 result='x'
[2.000000] ~ soon h#11 Task-1.wakeup(Task-2)
[2.000000] ~ iter 8 ready=1 timers=0
[2.000000] ~ run h#11 Task-1.wakeup(Task-2)
[2.000000] ~ step Task-1 <- task Task-2 result='x'
[2.000000] x
[2.000000] ~ task+ Task-4 coro=work by=Task-1
[2.000000] ~ soon h#12 Task-4.step
[2.000000] ~ future+ F#4 origin=shield by=Task-1
[2.000000] ~ wait Task-1 on shield F#4 on=Task-4
[2.000000] ~ iter 9 ready=1 timers=0
[2.000000] ~ run h#12 Task-4.step
[2.000000] ~ step Task-4 start
[2.000000] ~ future+ F#5 origin=sleep by=Task-4
[2.000000] ~ timer h#13 at=3.000000 _set_result_unless_cancelled(F#5, None)
[2.000000] ~ wait Task-4 on sleep F#5 until=3.000000
[2.000000] ~ iter 10 ready=0 timers=1
[2.000000] ~ advance to=3.000000 (timeout=1.000000)
[3.000000] ~ due h#13
[3.000000] ~ run h#13 _set_result_unless_cancelled(F#5, None)
[3.000000] ~ resolve F#5 result=None
[3.000000] ~ soon h#14 Task-4.wakeup(F#5)
[3.000000] ~ iter 11 ready=1 timers=0
[3.000000] ~ run h#14 Task-4.wakeup(F#5)
[3.000000] ~ step Task-4 <- sleep F#5 until=3.000000 result=None
[3.000000] ~ done Task-4 result='y'
[3.000000] ~ soon h#15 shield._inner_done_callback(Task-4)
[3.000000] ~ iter 12 ready=1 timers=0
[3.000000] ~ run h#15 shield._inner_done_callback(Task-4)
[3.000000] ~ resolve F#4 result='y'
[3.000000] ~ soon h#16 shield._outer_done_callback(F#4)
[3.000000] ~ soon h#17 Task-1.wakeup(F#4)
[3.000000] ~ iter 13 ready=2 timers=0
[3.000000] ~ run h#16 shield._outer_done_callback(F#4)
[3.000000] ~ run h#17 Task-1.wakeup(F#4)
[3.000000] ~ step Task-1 <- shield F#4 on=Task-4 result='y'
[3.000000] y
[3.000000] ~ task+ Task-5 coro=work by=Task-1
[3.000000] ~ soon h#18 Task-5.step
[3.000000] ~ yield Task-1
[3.000000] ~ soon h#19 Task-1.step
[3.000000] ~ iter 14 ready=2 timers=0
[3.000000] ~ run h#18 Task-5.step
[3.000000] ~ step Task-5 start
[3.000000] ~ yield Task-5
[3.000000] ~ soon h#20 Task-5.step
[3.000000] ~ run h#19 Task-1.step
[3.000000] ~ step Task-1 <- yield
[3.000000] ~ yield Task-1
[3.000000] ~ soon h#21 Task-1.step
[3.000000] ~ iter 15 ready=2 timers=0
[3.000000] ~ run h#20 Task-5.step
[3.000000] ~ step Task-5 <- yield
[3.000000] ~ done Task-5 result='z'
[3.000000] ~ run h#21 Task-1.step
[3.000000] ~ step Task-1 <- yield
[3.000000] z
[3.000000] ~ task+ Task-6 coro=work by=Task-1
[3.000000] ~ soon h#22 Task-6.step
[3.000000] ~ task+ Task-7 coro=outer by=Task-1
[3.000000] ~ soon h#23 Task-7.step
[3.000000] ~ yield Task-1
[3.000000] ~ soon h#24 Task-1.step
[3.000000] ~ iter 16 ready=3 timers=0
[3.000000] ~ run h#22 Task-6.step
[3.000000] ~ step Task-6 start
[3.000000] ~ future+ F#6 origin=sleep by=Task-6
[3.000000] ~ timer h#25 at=4.000000 _set_result_unless_cancelled(F#6, None)
[3.000000] ~ wait Task-6 on sleep F#6 until=4.000000
[3.000000] ~ run h#23 Task-7.step
[3.000000] ~ step Task-7 start
[3.000000] ~ future+ F#7 origin=shield by=Task-7
[3.000000] ~ wait Task-7 on shield F#7 on=Task-6
[3.000000] ~ run h#24 Task-1.step
[3.000000] ~ step Task-1 <- yield
[3.000000] ~ cancel Task-6 by Task-1 n=1 -> sleep F#6 until=4.000000
[3.000000] ~ resolve F#6 cancelled
[3.000000] ~ soon h#26 Task-6.wakeup(F#6)
[3.000000] ~ wait Task-1 on task Task-7
[3.000000] ~ iter 17 ready=1 timers=1
[3.000000] ~ run h#26 Task-6.wakeup(F#6)
[3.000000] ~ step Task-6 <- sleep F#6 until=4.000000 raise=CancelledError
[3.000000] ~ timer-cancel h#25 by Task-6 (in heap)
[3.000000] ~ done Task-6 cancelled
[3.000000] ~ soon h#27 shield._inner_done_callback(Task-6)
[3.000000] ~ iter 18 ready=1 timers=1 cancelled=1
[3.000000] ~ skip h#25 (cancelled)
[3.000000] ~ run h#27 shield._inner_done_callback(Task-6)
[3.000000] ~ resolve F#7 cancelled
[3.000000] ~ soon h#28 shield._outer_done_callback(F#7)
[3.000000] ~ soon h#29 Task-7.wakeup(F#7)
[3.000000] ~ iter 19 ready=2 timers=0
[3.000000] ~ run h#28 shield._outer_done_callback(F#7)
[3.000000] ~ run h#29 Task-7.wakeup(F#7)
[3.000000] ~ step Task-7 <- shield F#7 on=Task-6 raise=CancelledError
[3.000000] outer cancelled, inner done: True
[3.000000] ~ done Task-7 cancelled
[3.000000] ~ soon h#30 Task-1.wakeup(Task-7)
[3.000000] ~ iter 20 ready=1 timers=0
[3.000000] ~ run h#30 Task-1.wakeup(Task-7)
[3.000000] ~ step Task-1 <- task Task-7 raise=CancelledError
[3.000000] o2 cancelled
[3.000000] ~ done Task-1 result=None
[3.000000] ~ soon h#31 _run_until_complete_cb(Task-1)
[3.000000] ~ iter 21 ready=1 timers=0
[3.000000] ~ run h#31 _run_until_complete_cb(Task-1)
[3.000000] ~ run_until_complete end
[3.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[3.000000] ~ task+ Task-8 coro=BaseEventLoop.shutdown_asyncgens by=-
[3.000000] ~ soon h#32 Task-8.step
[3.000000] ~ iter 22 ready=1 timers=0
[3.000000] ~ run h#32 Task-8.step
[3.000000] ~ step Task-8 start
[3.000000] ~ done Task-8 result=None
[3.000000] ~ soon h#33 _run_until_complete_cb(Task-8)
[3.000000] ~ iter 23 ready=1 timers=0
[3.000000] ~ run h#33 _run_until_complete_cb(Task-8)
[3.000000] ~ run_until_complete end
[3.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[3.000000] ~ task+ Task-9 coro=BaseEventLoop.shutdown_default_executor by=-
[3.000000] ~ soon h#34 Task-9.step
[3.000000] ~ iter 24 ready=1 timers=0
[3.000000] ~ run h#34 Task-9.step
[3.000000] ~ step Task-9 start
[3.000000] ~ done Task-9 result=None
[3.000000] ~ soon h#35 _run_until_complete_cb(Task-9)
[3.000000] ~ iter 25 ready=1 timers=0
[3.000000] ~ run h#35 _run_until_complete_cb(Task-9)
[3.000000] ~ run_until_complete end
[3.000000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
