// The orderings of TRACE_FORMAT.md ("Orderings worth knowing") that
// ordering_test.cpp does not pin, each as the C++ twin of the Python program
// in the comment, expecting the CPython oracle's whole transcript.
#include <gtest/gtest.h>

#include "engine/lib/gather.hpp"
#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using testing::coro;
using testing::run_main;
using testing::say;

// 1. sleep(0) is a bare yield: one iteration, no future, no timer.
//   import asyncio
//
//
//   async def spin(name):
//       for i in range(2):
//           print(name, i)
//           await asyncio.sleep(0)
//
//
//   async def main():
//       await asyncio.gather(spin("a"), spin("b"))
//
//
//   asyncio.run(main())
Co spin(EventLoop& loop, std::string name) {
  for (int i = 0; i < 2; ++i) {
    say(loop, name + " " + std::to_string(i));
    co_await sleep(loop, 0);
  }
  co_return Value();
}

Co sleep0_main(EventLoop& loop) {
  Ref<Future> g = gather(loop, {Value::object(coro(spin(loop, "a"), "spin", loop)),
                                Value::object(coro(spin(loop, "b"), "spin", loop))});
  co_await g;
  co_return Value();
}

TEST(OrderingMore, SleepZeroIsABareYieldOfOneIteration) {
  EXPECT_EQ(run_main(sleep0_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=spin by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=spin by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ future+ F#1 origin=gather by=Task-1
[0.000000] ~ wait Task-1 on gather F#1 [Task-2, Task-3]
[0.000000] ~ iter 2 ready=2 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] a 0
[0.000000] ~ yield Task-2
[0.000000] ~ soon h#4 Task-2.step
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] b 0
[0.000000] ~ yield Task-3
[0.000000] ~ soon h#5 Task-3.step
[0.000000] ~ iter 3 ready=2 timers=0
[0.000000] ~ run h#4 Task-2.step
[0.000000] ~ step Task-2 <- yield
[0.000000] a 1
[0.000000] ~ yield Task-2
[0.000000] ~ soon h#6 Task-2.step
[0.000000] ~ run h#5 Task-3.step
[0.000000] ~ step Task-3 <- yield
[0.000000] b 1
[0.000000] ~ yield Task-3
[0.000000] ~ soon h#7 Task-3.step
[0.000000] ~ iter 4 ready=2 timers=0
[0.000000] ~ run h#6 Task-2.step
[0.000000] ~ step Task-2 <- yield
[0.000000] ~ done Task-2 result=None
[0.000000] ~ soon h#8 gather._done_callback(Task-2)
[0.000000] ~ run h#7 Task-3.step
[0.000000] ~ step Task-3 <- yield
[0.000000] ~ done Task-3 result=None
[0.000000] ~ soon h#9 gather._done_callback(Task-3)
[0.000000] ~ iter 5 ready=2 timers=0
[0.000000] ~ run h#8 gather._done_callback(Task-2)
[0.000000] ~ run h#9 gather._done_callback(Task-3)
[0.000000] ~ resolve F#1 result=[None, None]
[0.000000] ~ soon h#10 Task-1.wakeup(F#1)
[0.000000] ~ iter 6 ready=1 timers=0
[0.000000] ~ run h#10 Task-1.wakeup(F#1)
[0.000000] ~ step Task-1 <- gather F#1 [Task-2, Task-3] result=[None, None]
[0.000000] ~ done Task-1 result=None
[0.000000] ~ soon h#11 _run_until_complete_cb(Task-1)
[0.000000] ~ iter 7 ready=1 timers=0
[0.000000] ~ run h#11 _run_until_complete_cb(Task-1)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.000000] ~ soon h#12 Task-4.step
[0.000000] ~ iter 8 ready=1 timers=0
[0.000000] ~ run h#12 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ done Task-4 result=None
[0.000000] ~ soon h#13 _run_until_complete_cb(Task-4)
[0.000000] ~ iter 9 ready=1 timers=0
[0.000000] ~ run h#13 _run_until_complete_cb(Task-4)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[0.000000] ~ soon h#14 Task-5.step
[0.000000] ~ iter 10 ready=1 timers=0
[0.000000] ~ run h#14 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ done Task-5 result=None
[0.000000] ~ soon h#15 _run_until_complete_cb(Task-5)
[0.000000] ~ iter 11 ready=1 timers=0
[0.000000] ~ run h#15 _run_until_complete_cb(Task-5)
[0.000000] ~ run_until_complete end
[0.000000] ~ loop close
)TRANSCRIPT"));
}

// 2. An iteration runs only the handles ready when it began; timers that
//    come due are appended after them.
//   import asyncio
//   import time
//
//
//   async def main():
//       loop = asyncio.get_running_loop()
//       loop.call_later(0.1, print, "timer")
//
//       def again(n):
//           print("soon", n)
//           if n < 2:
//               loop.call_soon(again, n + 1)
//
//       loop.call_soon(again, 0)
//       time.sleep(0.2)
//       await asyncio.sleep(0)
//       print("main resumed")
//
//
//   asyncio.run(main())
void again(EventLoop& loop, int n) {
  say(loop, "soon " + std::to_string(n));
  if (n < 2) loop.call_soon([&loop, n] { again(loop, n + 1); }, "main.again(" + std::to_string(n + 1) + ")");
}

Co ready_then_due_main(EventLoop& loop) {
  loop.call_later(0.1, [&loop] { say(loop, "timer"); }, "print('timer')");
  loop.call_soon([&loop] { again(loop, 0); }, "main.again(0)");
  loop.block(0.2);
  co_await sleep(loop, 0);
  say(loop, "main resumed");
  co_return Value();
}

TEST(OrderingMore, DueTimersRunAfterTheHandlesAlreadyReady) {
  EXPECT_EQ(run_main(ready_then_due_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ timer h#2 at=0.100000 print('timer')
[0.000000] ~ soon h#3 main.again(0)
[0.000000] ~ block time.sleep(0.200000) by Task-1 -> 0.200000
[0.200000] ~ yield Task-1
[0.200000] ~ soon h#4 Task-1.step
[0.200000] ~ iter 2 ready=2 timers=1
[0.200000] ~ due h#2
[0.200000] ~ run h#3 main.again(0)
[0.200000] soon 0
[0.200000] ~ soon h#5 main.again(1)
[0.200000] ~ run h#4 Task-1.step
[0.200000] ~ step Task-1 <- yield
[0.200000] main resumed
[0.200000] ~ done Task-1 result=None
[0.200000] ~ soon h#6 _run_until_complete_cb(Task-1)
[0.200000] ~ run h#2 print('timer')
[0.200000] timer
[0.200000] ~ iter 3 ready=2 timers=0
[0.200000] ~ run h#5 main.again(1)
[0.200000] soon 1
[0.200000] ~ soon h#7 main.again(2)
[0.200000] ~ run h#6 _run_until_complete_cb(Task-1)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.200000] ~ task+ Task-2 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.200000] ~ soon h#8 Task-2.step
[0.200000] ~ iter 4 ready=2 timers=0
[0.200000] ~ run h#7 main.again(2)
[0.200000] soon 2
[0.200000] ~ run h#8 Task-2.step
[0.200000] ~ step Task-2 start
[0.200000] ~ done Task-2 result=None
[0.200000] ~ soon h#9 _run_until_complete_cb(Task-2)
[0.200000] ~ iter 5 ready=1 timers=0
[0.200000] ~ run h#9 _run_until_complete_cb(Task-2)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.200000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_default_executor by=-
[0.200000] ~ soon h#10 Task-3.step
[0.200000] ~ iter 6 ready=1 timers=0
[0.200000] ~ run h#10 Task-3.step
[0.200000] ~ step Task-3 start
[0.200000] ~ done Task-3 result=None
[0.200000] ~ soon h#11 _run_until_complete_cb(Task-3)
[0.200000] ~ iter 7 ready=1 timers=0
[0.200000] ~ run h#11 _run_until_complete_cb(Task-3)
[0.200000] ~ run_until_complete end
[0.200000] ~ loop close
)TRANSCRIPT"));
}

// 3. Awaiting a task: the child finishes in k, the parent resumes in k+1.
//   import asyncio
//
//
//   async def child():
//       await asyncio.sleep(0.1)
//       return 7
//
//
//   async def main():
//       t = asyncio.create_task(child())
//       print("got", await t)
//
//
//   asyncio.run(main())
Co child7(EventLoop& loop) {
  co_await sleep(loop, 0.1);
  co_return Value::integer(7);
}

Co await_task_main(EventLoop& loop) {
  Ref<Task> t = loop.create_task(coro(child7(loop), "child", loop));
  Value v = co_await t;
  say(loop, "got " + repr(v));
  co_return Value();
}

TEST(OrderingMore, AwaitingATaskResumesTheParentOneIterationLater) {
  EXPECT_EQ(run_main(await_task_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=child by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ wait Task-1 on task Task-2
[0.000000] ~ iter 2 ready=1 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#1 origin=sleep by=Task-2
[0.000000] ~ timer h#3 at=0.100000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-2 on sleep F#1 until=0.100000
[0.000000] ~ iter 3 ready=0 timers=1
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#3
[0.100000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[0.100000] ~ resolve F#1 result=None
[0.100000] ~ soon h#4 Task-2.wakeup(F#1)
[0.100000] ~ iter 4 ready=1 timers=0
[0.100000] ~ run h#4 Task-2.wakeup(F#1)
[0.100000] ~ step Task-2 <- sleep F#1 until=0.100000 result=None
[0.100000] ~ done Task-2 result=7
[0.100000] ~ soon h#5 Task-1.wakeup(Task-2)
[0.100000] ~ iter 5 ready=1 timers=0
[0.100000] ~ run h#5 Task-1.wakeup(Task-2)
[0.100000] ~ step Task-1 <- task Task-2 result=7
[0.100000] got 7
[0.100000] ~ done Task-1 result=None
[0.100000] ~ soon h#6 _run_until_complete_cb(Task-1)
[0.100000] ~ iter 6 ready=1 timers=0
[0.100000] ~ run h#6 _run_until_complete_cb(Task-1)
[0.100000] ~ run_until_complete end
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.100000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.100000] ~ soon h#7 Task-3.step
[0.100000] ~ iter 7 ready=1 timers=0
[0.100000] ~ run h#7 Task-3.step
[0.100000] ~ step Task-3 start
[0.100000] ~ done Task-3 result=None
[0.100000] ~ soon h#8 _run_until_complete_cb(Task-3)
[0.100000] ~ iter 8 ready=1 timers=0
[0.100000] ~ run h#8 _run_until_complete_cb(Task-3)
[0.100000] ~ run_until_complete end
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.100000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_default_executor by=-
[0.100000] ~ soon h#9 Task-4.step
[0.100000] ~ iter 9 ready=1 timers=0
[0.100000] ~ run h#9 Task-4.step
[0.100000] ~ step Task-4 start
[0.100000] ~ done Task-4 result=None
[0.100000] ~ soon h#10 _run_until_complete_cb(Task-4)
[0.100000] ~ iter 10 ready=1 timers=0
[0.100000] ~ run h#10 _run_until_complete_cb(Task-4)
[0.100000] ~ run_until_complete end
[0.100000] ~ loop close
)TRANSCRIPT"));
}

// 4. gather: children wrapped in argument order before gather's future; the
//    last child done in k, gather's callback in k+1, the parent in k+2.
//   import asyncio
//
//
//   async def c(n, d):
//       await asyncio.sleep(d)
//       return n
//
//
//   async def main():
//       print(await asyncio.gather(c(1, 0.2), c(2, 0.1), c(3, 0.2)))
//
//
//   asyncio.run(main())
Co c_n(EventLoop& loop, int n, double d) {
  co_await sleep(loop, d);
  co_return Value::integer(n);
}

Co gather_main(EventLoop& loop) {
  Ref<Future> g = gather(loop, {Value::object(coro(c_n(loop, 1, 0.2), "c", loop)),
                                Value::object(coro(c_n(loop, 2, 0.1), "c", loop)),
                                Value::object(coro(c_n(loop, 3, 0.2), "c", loop))});
  Value v = co_await g;
  say(loop, repr(v));
  co_return Value();
}

TEST(OrderingMore, GatherResumesTheParentTwoIterationsAfterTheLastChild) {
  EXPECT_EQ(run_main(gather_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=c by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=c by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ task+ Task-4 coro=c by=Task-1
[0.000000] ~ soon h#4 Task-4.step
[0.000000] ~ future+ F#1 origin=gather by=Task-1
[0.000000] ~ wait Task-1 on gather F#1 [Task-2, Task-3, Task-4]
[0.000000] ~ iter 2 ready=3 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#5 at=0.200000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=0.200000
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=sleep by=Task-3
[0.000000] ~ timer h#6 at=0.100000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait Task-3 on sleep F#3 until=0.100000
[0.000000] ~ run h#4 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#4 origin=sleep by=Task-4
[0.000000] ~ timer h#7 at=0.200000 _set_result_unless_cancelled(F#4, None)
[0.000000] ~ wait Task-4 on sleep F#4 until=0.200000
[0.000000] ~ iter 3 ready=0 timers=3
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#6
[0.100000] ~ run h#6 _set_result_unless_cancelled(F#3, None)
[0.100000] ~ resolve F#3 result=None
[0.100000] ~ soon h#8 Task-3.wakeup(F#3)
[0.100000] ~ iter 4 ready=1 timers=2
[0.100000] ~ run h#8 Task-3.wakeup(F#3)
[0.100000] ~ step Task-3 <- sleep F#3 until=0.100000 result=None
[0.100000] ~ done Task-3 result=2
[0.100000] ~ soon h#9 gather._done_callback(Task-3)
[0.100000] ~ iter 5 ready=1 timers=2
[0.100000] ~ run h#9 gather._done_callback(Task-3)
[0.100000] ~ iter 6 ready=0 timers=2
[0.100000] ~ advance to=0.200000 (timeout=0.100000)
[0.200000] ~ due h#5
[0.200000] ~ due h#7
[0.200000] ~ run h#5 _set_result_unless_cancelled(F#2, None)
[0.200000] ~ resolve F#2 result=None
[0.200000] ~ soon h#10 Task-2.wakeup(F#2)
[0.200000] ~ run h#7 _set_result_unless_cancelled(F#4, None)
[0.200000] ~ resolve F#4 result=None
[0.200000] ~ soon h#11 Task-4.wakeup(F#4)
[0.200000] ~ iter 7 ready=2 timers=0
[0.200000] ~ run h#10 Task-2.wakeup(F#2)
[0.200000] ~ step Task-2 <- sleep F#2 until=0.200000 result=None
[0.200000] ~ done Task-2 result=1
[0.200000] ~ soon h#12 gather._done_callback(Task-2)
[0.200000] ~ run h#11 Task-4.wakeup(F#4)
[0.200000] ~ step Task-4 <- sleep F#4 until=0.200000 result=None
[0.200000] ~ done Task-4 result=3
[0.200000] ~ soon h#13 gather._done_callback(Task-4)
[0.200000] ~ iter 8 ready=2 timers=0
[0.200000] ~ run h#12 gather._done_callback(Task-2)
[0.200000] ~ run h#13 gather._done_callback(Task-4)
[0.200000] ~ resolve F#1 result=[1, 2, 3]
[0.200000] ~ soon h#14 Task-1.wakeup(F#1)
[0.200000] ~ iter 9 ready=1 timers=0
[0.200000] ~ run h#14 Task-1.wakeup(F#1)
[0.200000] ~ step Task-1 <- gather F#1 [Task-2, Task-3, Task-4] result=[1, 2, 3]
[0.200000] [1, 2, 3]
[0.200000] ~ done Task-1 result=None
[0.200000] ~ soon h#15 _run_until_complete_cb(Task-1)
[0.200000] ~ iter 10 ready=1 timers=0
[0.200000] ~ run h#15 _run_until_complete_cb(Task-1)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.200000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.200000] ~ soon h#16 Task-5.step
[0.200000] ~ iter 11 ready=1 timers=0
[0.200000] ~ run h#16 Task-5.step
[0.200000] ~ step Task-5 start
[0.200000] ~ done Task-5 result=None
[0.200000] ~ soon h#17 _run_until_complete_cb(Task-5)
[0.200000] ~ iter 12 ready=1 timers=0
[0.200000] ~ run h#17 _run_until_complete_cb(Task-5)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.200000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_default_executor by=-
[0.200000] ~ soon h#18 Task-6.step
[0.200000] ~ iter 13 ready=1 timers=0
[0.200000] ~ run h#18 Task-6.step
[0.200000] ~ step Task-6 start
[0.200000] ~ done Task-6 result=None
[0.200000] ~ soon h#19 _run_until_complete_cb(Task-6)
[0.200000] ~ iter 14 ready=1 timers=0
[0.200000] ~ run h#19 _run_until_complete_cb(Task-6)
[0.200000] ~ run_until_complete end
[0.200000] ~ loop close
)TRANSCRIPT"));
}

// 5. Cancelling a waiting task cancels its future at once (the error lands
//    next iteration); a task that has not started gets must_cancel.
//   import asyncio
//
//
//   async def w(name):
//       print(name, "started")
//       await asyncio.sleep(1)
//
//
//   async def main():
//       a = asyncio.create_task(w("a"))
//       await asyncio.sleep(0)
//       b = asyncio.create_task(w("b"))
//       a.cancel()
//       b.cancel()
//       print(await asyncio.gather(a, b, return_exceptions=True))
//
//
//   asyncio.run(main())
Co w_named(EventLoop& loop, std::string name) {
  say(loop, name + " started");
  co_await sleep(loop, 1);
  co_return Value();
}

Co cancel_main(EventLoop& loop) {
  Ref<Task> a = loop.create_task(coro(w_named(loop, "a"), "w", loop));
  co_await sleep(loop, 0);
  Ref<Task> b = loop.create_task(coro(w_named(loop, "b"), "w", loop));
  a->cancel();
  b->cancel();
  Ref<Future> g = gather(loop, {Value::object(a), Value::object(b)}, true);
  Value v = co_await g;
  say(loop, repr(v));
  co_return Value();
}

TEST(OrderingMore, CancelAWaitingTaskAndATaskThatHasNotStarted) {
  EXPECT_EQ(run_main(cancel_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=w by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#3 Task-1.step
[0.000000] ~ iter 2 ready=2 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] a started
[0.000000] ~ future+ F#1 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=1.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-2 on sleep F#1 until=1.000000
[0.000000] ~ run h#3 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ task+ Task-3 coro=w by=Task-1
[0.000000] ~ soon h#5 Task-3.step
[0.000000] ~ cancel Task-2 by Task-1 n=1 -> sleep F#1 until=1.000000
[0.000000] ~ resolve F#1 cancelled
[0.000000] ~ soon h#6 Task-2.wakeup(F#1)
[0.000000] ~ cancel Task-3 by Task-1 n=1 must_cancel
[0.000000] ~ future+ F#2 origin=gather by=Task-1
[0.000000] ~ wait Task-1 on gather F#2 [Task-2, Task-3]
[0.000000] ~ iter 3 ready=2 timers=1
[0.000000] ~ run h#5 Task-3.step
[0.000000] ~ step Task-3 <- cancel (must_cancel)
[0.000000] ~ done Task-3 cancelled
[0.000000] ~ soon h#7 gather._done_callback(Task-3)
[0.000000] ~ run h#6 Task-2.wakeup(F#1)
[0.000000] ~ step Task-2 <- sleep F#1 until=1.000000 raise=CancelledError
[0.000000] ~ timer-cancel h#4 by Task-2 (in heap)
[0.000000] ~ done Task-2 cancelled
[0.000000] ~ soon h#8 gather._done_callback(Task-2)
[0.000000] ~ iter 4 ready=2 timers=1 cancelled=1
[0.000000] ~ skip h#4 (cancelled)
[0.000000] ~ run h#7 gather._done_callback(Task-3)
[0.000000] ~ run h#8 gather._done_callback(Task-2)
[0.000000] ~ resolve F#2 result=[<CancelledError>, <CancelledError>]
[0.000000] ~ soon h#9 Task-1.wakeup(F#2)
[0.000000] ~ iter 5 ready=1 timers=0
[0.000000] ~ run h#9 Task-1.wakeup(F#2)
[0.000000] ~ step Task-1 <- gather F#2 [Task-2, Task-3] result=[<CancelledError>, <CancelledError>]
[0.000000] [CancelledError(''), CancelledError('')]
[0.000000] ~ done Task-1 result=None
[0.000000] ~ soon h#10 _run_until_complete_cb(Task-1)
[0.000000] ~ iter 6 ready=1 timers=0
[0.000000] ~ run h#10 _run_until_complete_cb(Task-1)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.000000] ~ soon h#11 Task-4.step
[0.000000] ~ iter 7 ready=1 timers=0
[0.000000] ~ run h#11 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ done Task-4 result=None
[0.000000] ~ soon h#12 _run_until_complete_cb(Task-4)
[0.000000] ~ iter 8 ready=1 timers=0
[0.000000] ~ run h#12 _run_until_complete_cb(Task-4)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[0.000000] ~ soon h#13 Task-5.step
[0.000000] ~ iter 9 ready=1 timers=0
[0.000000] ~ run h#13 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ done Task-5 result=None
[0.000000] ~ soon h#14 _run_until_complete_cb(Task-5)
[0.000000] ~ iter 10 ready=1 timers=0
[0.000000] ~ run h#14 _run_until_complete_cb(Task-5)
[0.000000] ~ run_until_complete end
[0.000000] ~ loop close
)TRANSCRIPT"));
}

// 6. create_task(name=...) still consumes a Task-N number.
//   import asyncio
//
//
//   async def main():
//       a = asyncio.create_task(asyncio.sleep(0), name="named")
//       b = asyncio.create_task(asyncio.sleep(0))
//       print(a.get_name(), b.get_name())
//       await a
//       await b
//
//
//   asyncio.run(main())
Co named_main(EventLoop& loop) {
  Ref<Task> a = loop.create_task(sleep_coroutine(loop, 0));
  a->set_name("named");  // asyncio.create_task names the task, then renames it
  Ref<Task> b = loop.create_task(sleep_coroutine(loop, 0));
  say(loop, a->name() + " " + b->name());
  co_await a;
  co_await b;
  co_return Value();
}

TEST(OrderingMore, ANamedTaskStillConsumesATaskNumber) {
  EXPECT_EQ(run_main(named_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=sleep by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ rename Task-2 -> named
[0.000000] ~ task+ Task-3 coro=sleep by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] named Task-3
[0.000000] ~ wait Task-1 on task named
[0.000000] ~ iter 2 ready=2 timers=0
[0.000000] ~ run h#2 named.step
[0.000000] ~ step named start
[0.000000] ~ yield named
[0.000000] ~ soon h#4 named.step
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ yield Task-3
[0.000000] ~ soon h#5 Task-3.step
[0.000000] ~ iter 3 ready=2 timers=0
[0.000000] ~ run h#4 named.step
[0.000000] ~ step named <- yield
[0.000000] ~ done named result=None
[0.000000] ~ soon h#6 Task-1.wakeup(named)
[0.000000] ~ run h#5 Task-3.step
[0.000000] ~ step Task-3 <- yield
[0.000000] ~ done Task-3 result=None
[0.000000] ~ iter 4 ready=1 timers=0
[0.000000] ~ run h#6 Task-1.wakeup(named)
[0.000000] ~ step Task-1 <- task named result=None
[0.000000] ~ done Task-1 result=None
[0.000000] ~ soon h#7 _run_until_complete_cb(Task-1)
[0.000000] ~ iter 5 ready=1 timers=0
[0.000000] ~ run h#7 _run_until_complete_cb(Task-1)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.000000] ~ soon h#8 Task-4.step
[0.000000] ~ iter 6 ready=1 timers=0
[0.000000] ~ run h#8 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ done Task-4 result=None
[0.000000] ~ soon h#9 _run_until_complete_cb(Task-4)
[0.000000] ~ iter 7 ready=1 timers=0
[0.000000] ~ run h#9 _run_until_complete_cb(Task-4)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[0.000000] ~ soon h#10 Task-5.step
[0.000000] ~ iter 8 ready=1 timers=0
[0.000000] ~ run h#10 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ done Task-5 result=None
[0.000000] ~ soon h#11 _run_until_complete_cb(Task-5)
[0.000000] ~ iter 9 ready=1 timers=0
[0.000000] ~ run h#11 _run_until_complete_cb(Task-5)
[0.000000] ~ run_until_complete end
[0.000000] ~ loop close
)TRANSCRIPT"));
}

// 7. asyncio.run goes on after main returns: one iteration for the
//    completion callback, then shutdown_asyncgens, shutdown_default_executor.
//   import asyncio
//
//
//   async def main():
//       print("main")
//       return 1
//
//
//   asyncio.run(main())
Co run_end_main(EventLoop& loop) {
  say(loop, "main");
  co_return Value::integer(1);
}

TEST(OrderingMore, AsyncioRunKeepsGoingAfterMainReturns) {
  EXPECT_EQ(run_main(run_end_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] main
[0.000000] ~ done Task-1 result=1
[0.000000] ~ soon h#2 _run_until_complete_cb(Task-1)
[0.000000] ~ iter 2 ready=1 timers=0
[0.000000] ~ run h#2 _run_until_complete_cb(Task-1)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.000000] ~ task+ Task-2 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.000000] ~ soon h#3 Task-2.step
[0.000000] ~ iter 3 ready=1 timers=0
[0.000000] ~ run h#3 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ done Task-2 result=None
[0.000000] ~ soon h#4 _run_until_complete_cb(Task-2)
[0.000000] ~ iter 4 ready=1 timers=0
[0.000000] ~ run h#4 _run_until_complete_cb(Task-2)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.000000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_default_executor by=-
[0.000000] ~ soon h#5 Task-3.step
[0.000000] ~ iter 5 ready=1 timers=0
[0.000000] ~ run h#5 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ done Task-3 result=None
[0.000000] ~ soon h#6 _run_until_complete_cb(Task-3)
[0.000000] ~ iter 6 ready=1 timers=0
[0.000000] ~ run h#6 _run_until_complete_cb(Task-3)
[0.000000] ~ run_until_complete end
[0.000000] ~ loop close
)TRANSCRIPT"));
}

// 8. (cancelled timers stay in the heap; the purge rule) is in timers_test.cpp.

}  // namespace
}  // namespace loopscope
