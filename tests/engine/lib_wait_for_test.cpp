// asyncio.wait_for (the 3.11 algorithm): each test is the C++ twin of the
// Python program in its comment and expects the CPython oracle's transcript.
#include "engine/lib/wait_for.hpp"

#include <gtest/gtest.h>

#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using testing::await_;
using testing::coro;
using testing::run_main;
using testing::say;

Co slow(EventLoop& loop) {
  co_await sleep(loop, 5);
  co_return Value::integer(1);
}

Co fast(EventLoop& loop) {
  co_await sleep(loop, 1);
  co_return Value::integer(2);
}

// //   import asyncio
//   async def slow():
//       await asyncio.sleep(5)
//       return 1
//   async def fast():
//       await asyncio.sleep(1)
//       return 2
//   async def main():
//       print(await asyncio.wait_for(fast(), 3))
//       try:
//           await asyncio.wait_for(slow(), 2)
//       except TimeoutError as e:
//           print("timeout", repr(e.__cause__))
//       try:
//           await asyncio.wait_for(slow(), 0)
//       except TimeoutError as e:
//           print("timeout0")
//   asyncio.run(main())
TEST(WaitFor, ResultBeforeTheDeadlineTimeoutChainedFromCancelledErrorAndZeroTimeout) {
  auto main = [](EventLoop& loop) -> Co {
    Value v = co_await wait_for(loop, Value::object(coro(fast(loop), "fast", loop)), Value::integer(3));
    say(loop, repr(v));
    try {
      co_await wait_for(loop, Value::object(coro(slow(loop), "slow", loop)), Value::integer(2));
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::TimeoutError)) throw;
      say(loop, "timeout " + e.exc->cause->repr());
    }
    try {
      co_await wait_for(loop, Value::object(coro(slow(loop), "slow", loop)), Value::integer(0));
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::TimeoutError)) throw;
      say(loop, "timeout0");
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
[0.000000] ~ future+ F#1 origin=wait_for by=Task-1
[0.000000] ~ timer h#2 at=3.000000 _release_waiter(F#1)
[0.000000] ~ task+ Task-2 coro=fast by=Task-1
[0.000000] ~ soon h#3 Task-2.step
[0.000000] ~ wait Task-1 on wait_for F#1 on=Task-2 deadline=3.000000
[0.000000] ~ iter 2 ready=1 timers=1
[0.000000] ~ run h#3 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=1.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=1.000000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#4
[1.000000] ~ run h#4 _set_result_unless_cancelled(F#2, None)
[1.000000] ~ resolve F#2 result=None
[1.000000] ~ soon h#5 Task-2.wakeup(F#2)
[1.000000] ~ iter 4 ready=1 timers=1
[1.000000] ~ run h#5 Task-2.wakeup(F#2)
[1.000000] ~ step Task-2 <- sleep F#2 until=1.000000 result=None
[1.000000] ~ done Task-2 result=2
[1.000000] ~ soon h#6 _release_waiter(F#1, Task-2)
[1.000000] ~ iter 5 ready=1 timers=1
[1.000000] ~ run h#6 _release_waiter(F#1, Task-2)
[1.000000] ~ resolve F#1 result=None
[1.000000] ~ soon h#7 Task-1.wakeup(F#1)
[1.000000] ~ iter 6 ready=1 timers=1
[1.000000] ~ run h#7 Task-1.wakeup(F#1)
[1.000000] ~ step Task-1 <- wait_for F#1 on=Task-2 deadline=3.000000 result=None
[1.000000] ~ timer-cancel h#2 by Task-1 (in heap)
[1.000000] 2
[1.000000] ~ future+ F#3 origin=wait_for by=Task-1
[1.000000] ~ timer h#8 at=3.000000 _release_waiter(F#3)
[1.000000] ~ task+ Task-3 coro=slow by=Task-1
[1.000000] ~ soon h#9 Task-3.step
[1.000000] ~ wait Task-1 on wait_for F#3 on=Task-3 deadline=3.000000
[1.000000] ~ iter 7 ready=1 timers=2 cancelled=1
[1.000000] ~ skip h#2 (cancelled)
[1.000000] ~ run h#9 Task-3.step
[1.000000] ~ step Task-3 start
[1.000000] ~ future+ F#4 origin=sleep by=Task-3
[1.000000] ~ timer h#10 at=6.000000 _set_result_unless_cancelled(F#4, None)
[1.000000] ~ wait Task-3 on sleep F#4 until=6.000000
[1.000000] ~ iter 8 ready=0 timers=2
[1.000000] ~ advance to=3.000000 (timeout=2.000000)
[3.000000] ~ due h#8
[3.000000] ~ run h#8 _release_waiter(F#3)
[3.000000] ~ resolve F#3 result=None
[3.000000] ~ soon h#11 Task-1.wakeup(F#3)
[3.000000] ~ iter 9 ready=1 timers=1
[3.000000] ~ run h#11 Task-1.wakeup(F#3)
[3.000000] ~ step Task-1 <- wait_for F#3 on=Task-3 deadline=3.000000 result=None
[3.000000] ~ future+ F#5 origin=cancel_and_wait by=Task-1
[3.000000] ~ cancel Task-3 by Task-1 n=1 -> sleep F#4 until=6.000000
[3.000000] ~ resolve F#4 cancelled
[3.000000] ~ soon h#12 Task-3.wakeup(F#4)
[3.000000] ~ wait Task-1 on cancel_and_wait F#5 on=Task-3
[3.000000] ~ iter 10 ready=1 timers=1
[3.000000] ~ run h#12 Task-3.wakeup(F#4)
[3.000000] ~ step Task-3 <- sleep F#4 until=6.000000 raise=CancelledError
[3.000000] ~ timer-cancel h#10 by Task-3 (in heap)
[3.000000] ~ done Task-3 cancelled
[3.000000] ~ soon h#13 _release_waiter(F#5, Task-3)
[3.000000] ~ iter 11 ready=1 timers=1 cancelled=1
[3.000000] ~ skip h#10 (cancelled)
[3.000000] ~ run h#13 _release_waiter(F#5, Task-3)
[3.000000] ~ resolve F#5 result=None
[3.000000] ~ soon h#14 Task-1.wakeup(F#5)
[3.000000] ~ iter 12 ready=1 timers=0
[3.000000] ~ run h#14 Task-1.wakeup(F#5)
[3.000000] ~ step Task-1 <- cancel_and_wait F#5 on=Task-3 result=None
[3.000000] timeout CancelledError()
[3.000000] ~ task+ Task-4 coro=slow by=Task-1
[3.000000] ~ soon h#15 Task-4.step
[3.000000] ~ future+ F#6 origin=cancel_and_wait by=Task-1
[3.000000] ~ cancel Task-4 by Task-1 n=1 must_cancel
[3.000000] ~ wait Task-1 on cancel_and_wait F#6 on=Task-4
[3.000000] ~ iter 13 ready=1 timers=0
[3.000000] ~ run h#15 Task-4.step
[3.000000] ~ step Task-4 <- cancel (must_cancel)
[3.000000] ~ done Task-4 cancelled
[3.000000] ~ soon h#16 _release_waiter(F#6, Task-4)
[3.000000] ~ iter 14 ready=1 timers=0
[3.000000] ~ run h#16 _release_waiter(F#6, Task-4)
[3.000000] ~ resolve F#6 result=None
[3.000000] ~ soon h#17 Task-1.wakeup(F#6)
[3.000000] ~ iter 15 ready=1 timers=0
[3.000000] ~ run h#17 Task-1.wakeup(F#6)
[3.000000] ~ step Task-1 <- cancel_and_wait F#6 on=Task-4 result=None
[3.000000] timeout0
[3.000000] ~ done Task-1 result=None
[3.000000] ~ soon h#18 _run_until_complete_cb(Task-1)
[3.000000] ~ iter 16 ready=1 timers=0
[3.000000] ~ run h#18 _run_until_complete_cb(Task-1)
[3.000000] ~ run_until_complete end
[3.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[3.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_asyncgens by=-
[3.000000] ~ soon h#19 Task-5.step
[3.000000] ~ iter 17 ready=1 timers=0
[3.000000] ~ run h#19 Task-5.step
[3.000000] ~ step Task-5 start
[3.000000] ~ done Task-5 result=None
[3.000000] ~ soon h#20 _run_until_complete_cb(Task-5)
[3.000000] ~ iter 18 ready=1 timers=0
[3.000000] ~ run h#20 _run_until_complete_cb(Task-5)
[3.000000] ~ run_until_complete end
[3.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[3.000000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_default_executor by=-
[3.000000] ~ soon h#21 Task-6.step
[3.000000] ~ iter 19 ready=1 timers=0
[3.000000] ~ run h#21 Task-6.step
[3.000000] ~ step Task-6 start
[3.000000] ~ done Task-6 result=None
[3.000000] ~ soon h#22 _run_until_complete_cb(Task-6)
[3.000000] ~ iter 20 ready=1 timers=0
[3.000000] ~ run h#22 _run_until_complete_cb(Task-6)
[3.000000] ~ run_until_complete end
[3.000000] ~ loop close
)TRANSCRIPT"));
}

// //   import asyncio
//   async def slow():
//       try:
//           await asyncio.sleep(5)
//       except asyncio.CancelledError:
//           print("slow cancelled")
//           raise
//   async def bad():
//       await asyncio.sleep(1)
//       raise ValueError("bad")
//   async def outer():
//       try:
//           await asyncio.wait_for(slow(), 10)
//       except asyncio.CancelledError:
//           print("outer cancelled")
//           raise
//   async def main():
//       t = asyncio.create_task(outer())
//       await asyncio.sleep(1)
//       t.cancel()
//       try:
//           await t
//       except asyncio.CancelledError:
//           print("t cancelled", t.cancelled())
//       try:
//           await asyncio.wait_for(bad(), 2)
//       except ValueError as e:
//           print("error", e)
//       f = asyncio.get_running_loop().create_future()
//       asyncio.get_running_loop().call_later(1, f.set_result, 7)
//       print(await asyncio.wait_for(f, None))
//   asyncio.run(main())
Co slow_noisy(EventLoop& loop) {
  try {
    co_await sleep(loop, 5);
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::CancelledError)) say(loop, "slow cancelled");
    throw;
  }
  co_return Value();
}

Co bad(EventLoop& loop) {
  co_await sleep(loop, 1);
  throw PyError{make_exc(Exc::ValueError, "bad")};
}

Co outer(EventLoop& loop) {
  try {
    co_await wait_for(loop, Value::object(coro(slow_noisy(loop), "slow", loop)), Value::integer(10));
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::CancelledError)) say(loop, "outer cancelled");
    throw;
  }
  co_return Value();
}

TEST(WaitFor, CancellingTheWaitCancelsAndAwaitsTheInnerTaskAndErrorsPassThrough) {
  auto main = [](EventLoop& loop) -> Co {
    Ref<Task> t = loop.create_task(coro(outer(loop), "outer", loop));
    co_await sleep(loop, 1);
    t->cancel();
    try {
      co_await t;
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::CancelledError)) throw;
      say(loop, std::string("t cancelled ") + (t->cancelled() ? "True" : "False"));
    }
    try {
      co_await wait_for(loop, Value::object(coro(bad(loop), "bad", loop)), Value::integer(2));
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::ValueError)) throw;
      say(loop, "error " + e.exc->str());
    }
    Ref<Future> f = loop.create_future("create_future");
    loop.call_later(1, [f] { f->set_result(Value::integer(7)); }, f->label() + ".set_result(7)");
    Value v = co_await wait_for(loop, Value::object(f), Value());
    say(loop, repr(v));
    co_return Value();
  };
  EXPECT_EQ(run_main(main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=outer by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=1.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=1.000000
[0.000000] ~ iter 2 ready=1 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=wait_for by=Task-2
[0.000000] ~ timer h#4 at=10.000000 _release_waiter(F#2)
[0.000000] ~ task+ Task-3 coro=slow by=Task-2
[0.000000] ~ soon h#5 Task-3.step
[0.000000] ~ wait Task-2 on wait_for F#2 on=Task-3 deadline=10.000000
[0.000000] ~ iter 3 ready=1 timers=2
[0.000000] ~ run h#5 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=sleep by=Task-3
[0.000000] ~ timer h#6 at=5.000000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait Task-3 on sleep F#3 until=5.000000
[0.000000] ~ iter 4 ready=0 timers=3
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#3
[1.000000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[1.000000] ~ resolve F#1 result=None
[1.000000] ~ soon h#7 Task-1.wakeup(F#1)
[1.000000] ~ iter 5 ready=1 timers=2
[1.000000] ~ run h#7 Task-1.wakeup(F#1)
[1.000000] ~ step Task-1 <- sleep F#1 until=1.000000 result=None
[1.000000] ~ cancel Task-2 by Task-1 n=1 -> wait_for F#2 on=Task-3 deadline=10.000000
[1.000000] ~ resolve F#2 cancelled
[1.000000] ~ soon h#8 Task-2.wakeup(F#2)
[1.000000] ~ wait Task-1 on task Task-2
[1.000000] ~ iter 6 ready=1 timers=2
[1.000000] ~ run h#8 Task-2.wakeup(F#2)
[1.000000] ~ step Task-2 <- wait_for F#2 on=Task-3 deadline=10.000000 raise=CancelledError
[1.000000] ~ future+ F#4 origin=cancel_and_wait by=Task-2
[1.000000] ~ cancel Task-3 by Task-2 n=1 -> sleep F#3 until=5.000000
[1.000000] ~ resolve F#3 cancelled
[1.000000] ~ soon h#9 Task-3.wakeup(F#3)
[1.000000] ~ wait Task-2 on cancel_and_wait F#4 on=Task-3
[1.000000] ~ iter 7 ready=1 timers=2
[1.000000] ~ run h#9 Task-3.wakeup(F#3)
[1.000000] ~ step Task-3 <- sleep F#3 until=5.000000 raise=CancelledError
[1.000000] ~ timer-cancel h#6 by Task-3 (in heap)
[1.000000] slow cancelled
[1.000000] ~ done Task-3 cancelled
[1.000000] ~ soon h#10 _release_waiter(F#4, Task-3)
[1.000000] ~ iter 8 ready=1 timers=2 cancelled=1
[1.000000] ~ skip h#6 (cancelled)
[1.000000] ~ run h#10 _release_waiter(F#4, Task-3)
[1.000000] ~ resolve F#4 result=None
[1.000000] ~ soon h#11 Task-2.wakeup(F#4)
[1.000000] ~ iter 9 ready=1 timers=1
[1.000000] ~ run h#11 Task-2.wakeup(F#4)
[1.000000] ~ step Task-2 <- cancel_and_wait F#4 on=Task-3 result=None
[1.000000] ~ timer-cancel h#4 by Task-2 (in heap)
[1.000000] outer cancelled
[1.000000] ~ done Task-2 cancelled
[1.000000] ~ soon h#12 Task-1.wakeup(Task-2)
[1.000000] ~ iter 10 ready=1 timers=1 cancelled=1
[1.000000] ~ skip h#4 (cancelled)
[1.000000] ~ run h#12 Task-1.wakeup(Task-2)
[1.000000] ~ step Task-1 <- task Task-2 raise=CancelledError
[1.000000] t cancelled True
[1.000000] ~ future+ F#5 origin=wait_for by=Task-1
[1.000000] ~ timer h#13 at=3.000000 _release_waiter(F#5)
[1.000000] ~ task+ Task-4 coro=bad by=Task-1
[1.000000] ~ soon h#14 Task-4.step
[1.000000] ~ wait Task-1 on wait_for F#5 on=Task-4 deadline=3.000000
[1.000000] ~ iter 11 ready=1 timers=1
[1.000000] ~ run h#14 Task-4.step
[1.000000] ~ step Task-4 start
[1.000000] ~ future+ F#6 origin=sleep by=Task-4
[1.000000] ~ timer h#15 at=2.000000 _set_result_unless_cancelled(F#6, None)
[1.000000] ~ wait Task-4 on sleep F#6 until=2.000000
[1.000000] ~ iter 12 ready=0 timers=2
[1.000000] ~ advance to=2.000000 (timeout=1.000000)
[2.000000] ~ due h#15
[2.000000] ~ run h#15 _set_result_unless_cancelled(F#6, None)
[2.000000] ~ resolve F#6 result=None
[2.000000] ~ soon h#16 Task-4.wakeup(F#6)
[2.000000] ~ iter 13 ready=1 timers=1
[2.000000] ~ run h#16 Task-4.wakeup(F#6)
[2.000000] ~ step Task-4 <- sleep F#6 until=2.000000 result=None
[2.000000] ~ done Task-4 raise=ValueError: bad
[2.000000] ~ soon h#17 _release_waiter(F#5, Task-4)
[2.000000] ~ iter 14 ready=1 timers=1
[2.000000] ~ run h#17 _release_waiter(F#5, Task-4)
[2.000000] ~ resolve F#5 result=None
[2.000000] ~ soon h#18 Task-1.wakeup(F#5)
[2.000000] ~ iter 15 ready=1 timers=1
[2.000000] ~ run h#18 Task-1.wakeup(F#5)
[2.000000] ~ step Task-1 <- wait_for F#5 on=Task-4 deadline=3.000000 result=None
[2.000000] ~ timer-cancel h#13 by Task-1 (in heap)
[2.000000] error bad
[2.000000] ~ future+ F#7 origin=create_future by=Task-1
[2.000000] ~ timer h#19 at=3.000000 F#7.set_result(7)
[2.000000] ~ wait Task-1 on future F#7
[2.000000] ~ iter 16 ready=0 timers=2 cancelled=1
[2.000000] ~ skip h#13 (cancelled)
[2.000000] ~ advance to=3.000000 (timeout=1.000000)
[3.000000] ~ due h#19
[3.000000] ~ run h#19 F#7.set_result(7)
[3.000000] ~ resolve F#7 result=7
[3.000000] ~ soon h#20 Task-1.wakeup(F#7)
[3.000000] ~ iter 17 ready=1 timers=0
[3.000000] ~ run h#20 Task-1.wakeup(F#7)
[3.000000] ~ step Task-1 <- future F#7 result=7
[3.000000] 7
[3.000000] ~ done Task-1 result=None
[3.000000] ~ soon h#21 _run_until_complete_cb(Task-1)
[3.000000] ~ iter 18 ready=1 timers=0
[3.000000] ~ run h#21 _run_until_complete_cb(Task-1)
[3.000000] ~ run_until_complete end
[3.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[3.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_asyncgens by=-
[3.000000] ~ soon h#22 Task-5.step
[3.000000] ~ iter 19 ready=1 timers=0
[3.000000] ~ run h#22 Task-5.step
[3.000000] ~ step Task-5 start
[3.000000] ~ done Task-5 result=None
[3.000000] ~ soon h#23 _run_until_complete_cb(Task-5)
[3.000000] ~ iter 20 ready=1 timers=0
[3.000000] ~ run h#23 _run_until_complete_cb(Task-5)
[3.000000] ~ run_until_complete end
[3.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[3.000000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_default_executor by=-
[3.000000] ~ soon h#24 Task-6.step
[3.000000] ~ iter 21 ready=1 timers=0
[3.000000] ~ run h#24 Task-6.step
[3.000000] ~ step Task-6 start
[3.000000] ~ done Task-6 result=None
[3.000000] ~ soon h#25 _run_until_complete_cb(Task-6)
[3.000000] ~ iter 22 ready=1 timers=0
[3.000000] ~ run h#25 _run_until_complete_cb(Task-6)
[3.000000] ~ run_until_complete end
[3.000000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
