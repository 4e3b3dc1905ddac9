// asyncio.run's shutdown: leftover tasks are cancelled in creation order and
// gathered, a leftover that raises is reported, one that ignores the
// cancellation keeps the shutdown waiting. C++ twins of the corpus programs
// in the comments, expecting the CPython oracle's transcripts.
#include <gtest/gtest.h>

#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using testing::coro;
using testing::say;

bool is_cancel(const PyError& e) { return is_exc(e.exc.get(), Exc::CancelledError); }

// asyncio.run(main()) followed by a print() of `after(world)` outside the loop.
template <class Main, class After>
std::string run_then_print(Main main, After after) {
  World w;
  struct Shim {
    static Co run(World& w, Main f) { co_return co_await f(*w.running_loop); }
  };
  asyncio_run(w, coroutine(Shim::run(w, main), "main", &w));
  w.trace.add(Ev::Output, w.trace.str(after(w)));
  return transcript(w.trace, true);
}

//   """When main returns, asyncio.run cancels the leftover tasks (in creation
//   order), waits for them, then shuts down async generators and the executor."""
//   import asyncio
//
//
//   async def lingering(name, delay):
//       try:
//           await asyncio.sleep(delay)
//           print(f"{name} finished")
//       except asyncio.CancelledError:
//           print(f"{name} cancelled by asyncio.run")
//           raise
//
//
//   async def main():
//       asyncio.create_task(lingering("first", 10))
//       asyncio.create_task(lingering("second", 5))
//       asyncio.create_task(lingering("quick", 0.1))
//       await asyncio.sleep(0.5)
//       print("main returns")
//
//
//   asyncio.run(main())
//   print("after asyncio.run")
Co lingering(EventLoop& loop, std::string name, double delay) {
  try {
    co_await sleep(loop, delay);
    say(loop, name + " finished");
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, name + " cancelled by asyncio.run");
    throw;
  }
  co_return Value();
}

Co leftovers_main(EventLoop& loop) {
  loop.create_task(coro(lingering(loop, "first", 10), "lingering", loop));
  loop.create_task(coro(lingering(loop, "second", 5), "lingering", loop));
  loop.create_task(coro(lingering(loop, "quick", 0.1), "lingering", loop));
  co_await sleep(loop, 0.5);
  say(loop, "main returns");
  co_return Value();
}

TEST(Shutdown, LeftoverTasksAreCancelledInCreationOrderAndGathered) {
  EXPECT_EQ(run_then_print(leftovers_main, [](World&) { return std::string("after asyncio.run"); }),
            std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=lingering by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=lingering by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ task+ Task-4 coro=lingering by=Task-1
[0.000000] ~ soon h#4 Task-4.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#5 at=0.500000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=0.500000
[0.000000] ~ iter 2 ready=3 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#6 at=10.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=10.000000
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=sleep by=Task-3
[0.000000] ~ timer h#7 at=5.000000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait Task-3 on sleep F#3 until=5.000000
[0.000000] ~ run h#4 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#4 origin=sleep by=Task-4
[0.000000] ~ timer h#8 at=0.100000 _set_result_unless_cancelled(F#4, None)
[0.000000] ~ wait Task-4 on sleep F#4 until=0.100000
[0.000000] ~ iter 3 ready=0 timers=4
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#8
[0.100000] ~ run h#8 _set_result_unless_cancelled(F#4, None)
[0.100000] ~ resolve F#4 result=None
[0.100000] ~ soon h#9 Task-4.wakeup(F#4)
[0.100000] ~ iter 4 ready=1 timers=3
[0.100000] ~ run h#9 Task-4.wakeup(F#4)
[0.100000] ~ step Task-4 <- sleep F#4 until=0.100000 result=None
[0.100000] quick finished
[0.100000] ~ done Task-4 result=None
[0.100000] ~ iter 5 ready=0 timers=3
[0.100000] ~ advance to=0.500000 (timeout=0.400000)
[0.500000] ~ due h#5
[0.500000] ~ run h#5 _set_result_unless_cancelled(F#1, None)
[0.500000] ~ resolve F#1 result=None
[0.500000] ~ soon h#10 Task-1.wakeup(F#1)
[0.500000] ~ iter 6 ready=1 timers=2
[0.500000] ~ run h#10 Task-1.wakeup(F#1)
[0.500000] ~ step Task-1 <- sleep F#1 until=0.500000 result=None
[0.500000] main returns
[0.500000] ~ done Task-1 result=None
[0.500000] ~ soon h#11 _run_until_complete_cb(Task-1)
[0.500000] ~ iter 7 ready=1 timers=2
[0.500000] ~ run h#11 _run_until_complete_cb(Task-1)
[0.500000] ~ run_until_complete end
[0.500000] ~ cancel Task-2 by - n=1 -> sleep F#2 until=10.000000
[0.500000] ~ resolve F#2 cancelled
[0.500000] ~ soon h#12 Task-2.wakeup(F#2)
[0.500000] ~ cancel Task-3 by - n=1 -> sleep F#3 until=5.000000
[0.500000] ~ resolve F#3 cancelled
[0.500000] ~ soon h#13 Task-3.wakeup(F#3)
[0.500000] ~ future+ F#5 origin=gather by=-
[0.500000] ~ run_until_complete F#5
[0.500000] ~ iter 8 ready=2 timers=2
[0.500000] ~ run h#12 Task-2.wakeup(F#2)
[0.500000] ~ step Task-2 <- sleep F#2 until=10.000000 raise=CancelledError
[0.500000] ~ timer-cancel h#6 by Task-2 (in heap)
[0.500000] first cancelled by asyncio.run
[0.500000] ~ done Task-2 cancelled
[0.500000] ~ soon h#14 gather._done_callback(Task-2)
[0.500000] ~ run h#13 Task-3.wakeup(F#3)
[0.500000] ~ step Task-3 <- sleep F#3 until=5.000000 raise=CancelledError
[0.500000] ~ timer-cancel h#7 by Task-3 (in heap)
[0.500000] second cancelled by asyncio.run
[0.500000] ~ done Task-3 cancelled
[0.500000] ~ soon h#15 gather._done_callback(Task-3)
[0.500000] ~ iter 9 ready=2 timers=2 cancelled=2
[0.500000] ~ skip h#7 (cancelled)
[0.500000] ~ skip h#6 (cancelled)
[0.500000] ~ run h#14 gather._done_callback(Task-2)
[0.500000] ~ run h#15 gather._done_callback(Task-3)
[0.500000] ~ resolve F#5 result=[<CancelledError>, <CancelledError>]
[0.500000] ~ soon h#16 _run_until_complete_cb(F#5)
[0.500000] ~ iter 10 ready=1 timers=0
[0.500000] ~ run h#16 _run_until_complete_cb(F#5)
[0.500000] ~ run_until_complete end
[0.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.500000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.500000] ~ soon h#17 Task-5.step
[0.500000] ~ iter 11 ready=1 timers=0
[0.500000] ~ run h#17 Task-5.step
[0.500000] ~ step Task-5 start
[0.500000] ~ done Task-5 result=None
[0.500000] ~ soon h#18 _run_until_complete_cb(Task-5)
[0.500000] ~ iter 12 ready=1 timers=0
[0.500000] ~ run h#18 _run_until_complete_cb(Task-5)
[0.500000] ~ run_until_complete end
[0.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.500000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_default_executor by=-
[0.500000] ~ soon h#19 Task-6.step
[0.500000] ~ iter 13 ready=1 timers=0
[0.500000] ~ run h#19 Task-6.step
[0.500000] ~ step Task-6 start
[0.500000] ~ done Task-6 result=None
[0.500000] ~ soon h#20 _run_until_complete_cb(Task-6)
[0.500000] ~ iter 14 ready=1 timers=0
[0.500000] ~ run h#20 _run_until_complete_cb(Task-6)
[0.500000] ~ run_until_complete end
[0.500000] ~ loop close
[0.500000] after asyncio.run
)TRANSCRIPT"));
}

//   """A leftover task answers its shutdown cancellation with another exception:
//   asyncio.run reports it through the loop's exception handler."""
//   import asyncio
//
//
//   async def grumpy():
//       try:
//           await asyncio.sleep(10)
//       except asyncio.CancelledError:
//           raise RuntimeError("refusing to stop quietly")
//
//
//   async def main():
//       asyncio.create_task(grumpy())
//       await asyncio.sleep(0.1)
//
//
//   asyncio.run(main())
//   print("program continues")
Co grumpy(EventLoop& loop) {
  try {
    co_await sleep(loop, 10);
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    Ref<ExceptionObj> err = make_exc(Exc::RuntimeError, "refusing to stop quietly");
    err->context = e.exc;
    throw PyError{err};
  }
  co_return Value();
}

Co error_main(EventLoop& loop) {
  loop.create_task(coro(grumpy(loop), "grumpy", loop));
  co_await sleep(loop, 0.1);
  co_return Value();
}

TEST(Shutdown, ALeftoverThatRaisesIsReportedAfterTheGather) {
  EXPECT_EQ(run_then_print(error_main, [](World&) { return std::string("program continues"); }),
            std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=grumpy by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=0.100000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=0.100000
[0.000000] ~ iter 2 ready=1 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=10.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=10.000000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#3
[0.100000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[0.100000] ~ resolve F#1 result=None
[0.100000] ~ soon h#5 Task-1.wakeup(F#1)
[0.100000] ~ iter 4 ready=1 timers=1
[0.100000] ~ run h#5 Task-1.wakeup(F#1)
[0.100000] ~ step Task-1 <- sleep F#1 until=0.100000 result=None
[0.100000] ~ done Task-1 result=None
[0.100000] ~ soon h#6 _run_until_complete_cb(Task-1)
[0.100000] ~ iter 5 ready=1 timers=1
[0.100000] ~ run h#6 _run_until_complete_cb(Task-1)
[0.100000] ~ run_until_complete end
[0.100000] ~ cancel Task-2 by - n=1 -> sleep F#2 until=10.000000
[0.100000] ~ resolve F#2 cancelled
[0.100000] ~ soon h#7 Task-2.wakeup(F#2)
[0.100000] ~ future+ F#3 origin=gather by=-
[0.100000] ~ run_until_complete F#3
[0.100000] ~ iter 6 ready=1 timers=1
[0.100000] ~ run h#7 Task-2.wakeup(F#2)
[0.100000] ~ step Task-2 <- sleep F#2 until=10.000000 raise=CancelledError
[0.100000] ~ timer-cancel h#4 by Task-2 (in heap)
[0.100000] ~ done Task-2 raise=RuntimeError: refusing to stop quietly
[0.100000] ~ soon h#8 gather._done_callback(Task-2)
[0.100000] ~ iter 7 ready=1 timers=1 cancelled=1
[0.100000] ~ skip h#4 (cancelled)
[0.100000] ~ run h#8 gather._done_callback(Task-2)
[0.100000] ~ resolve F#3 result=[<RuntimeError: refusing to stop quietly>]
[0.100000] ~ soon h#9 _run_until_complete_cb(F#3)
[0.100000] ~ iter 8 ready=1 timers=0
[0.100000] ~ run h#9 _run_until_complete_cb(F#3)
[0.100000] ~ run_until_complete end
[0.100000] ! asyncio unhandled exception during asyncio.run() shutdown task=Task-2 exception=RuntimeError: refusing to stop quietly
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.100000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.100000] ~ soon h#10 Task-3.step
[0.100000] ~ iter 9 ready=1 timers=0
[0.100000] ~ run h#10 Task-3.step
[0.100000] ~ step Task-3 start
[0.100000] ~ done Task-3 result=None
[0.100000] ~ soon h#11 _run_until_complete_cb(Task-3)
[0.100000] ~ iter 10 ready=1 timers=0
[0.100000] ~ run h#11 _run_until_complete_cb(Task-3)
[0.100000] ~ run_until_complete end
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.100000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_default_executor by=-
[0.100000] ~ soon h#12 Task-4.step
[0.100000] ~ iter 11 ready=1 timers=0
[0.100000] ~ run h#12 Task-4.step
[0.100000] ~ step Task-4 start
[0.100000] ~ done Task-4 result=None
[0.100000] ~ soon h#13 _run_until_complete_cb(Task-4)
[0.100000] ~ iter 12 ready=1 timers=0
[0.100000] ~ run h#13 _run_until_complete_cb(Task-4)
[0.100000] ~ run_until_complete end
[0.100000] ~ loop close
[0.100000] program continues
)TRANSCRIPT"));
}

//   """A leftover task that ignores the cancellation keeps the shutdown waiting
//   until it finishes on its own."""
//   import asyncio
//   import time
//
//
//   async def persistent():
//       try:
//           await asyncio.sleep(10)
//       except asyncio.CancelledError:
//           print("ignoring cancellation, finishing the job")
//           await asyncio.sleep(1)
//           print("job finished")
//
//
//   async def main():
//       asyncio.create_task(persistent())
//       await asyncio.sleep(0.1)
//       print("main returns")
//
//
//   asyncio.run(main())
//   print("asyncio.run returned at", time.time())
Co persistent(EventLoop& loop) {
  bool cancelled = false;
  try {
    co_await sleep(loop, 10);
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    cancelled = true;
  }
  if (cancelled) {
    say(loop, "ignoring cancellation, finishing the job");
    co_await sleep(loop, 1);
    say(loop, "job finished");
  }
  co_return Value();
}

Co ignores_main(EventLoop& loop) {
  loop.create_task(coro(persistent(loop), "persistent", loop));
  co_await sleep(loop, 0.1);
  say(loop, "main returns");
  co_return Value();
}

TEST(Shutdown, ALeftoverThatIgnoresTheCancellationKeepsTheShutdownWaiting) {
  EXPECT_EQ(run_then_print(ignores_main, [](World& w) { return "asyncio.run returned at " + repr(Value::real(w.now)); }),
            std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=persistent by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=0.100000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=0.100000
[0.000000] ~ iter 2 ready=1 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=10.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=10.000000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#3
[0.100000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[0.100000] ~ resolve F#1 result=None
[0.100000] ~ soon h#5 Task-1.wakeup(F#1)
[0.100000] ~ iter 4 ready=1 timers=1
[0.100000] ~ run h#5 Task-1.wakeup(F#1)
[0.100000] ~ step Task-1 <- sleep F#1 until=0.100000 result=None
[0.100000] main returns
[0.100000] ~ done Task-1 result=None
[0.100000] ~ soon h#6 _run_until_complete_cb(Task-1)
[0.100000] ~ iter 5 ready=1 timers=1
[0.100000] ~ run h#6 _run_until_complete_cb(Task-1)
[0.100000] ~ run_until_complete end
[0.100000] ~ cancel Task-2 by - n=1 -> sleep F#2 until=10.000000
[0.100000] ~ resolve F#2 cancelled
[0.100000] ~ soon h#7 Task-2.wakeup(F#2)
[0.100000] ~ future+ F#3 origin=gather by=-
[0.100000] ~ run_until_complete F#3
[0.100000] ~ iter 6 ready=1 timers=1
[0.100000] ~ run h#7 Task-2.wakeup(F#2)
[0.100000] ~ step Task-2 <- sleep F#2 until=10.000000 raise=CancelledError
[0.100000] ~ timer-cancel h#4 by Task-2 (in heap)
[0.100000] ignoring cancellation, finishing the job
[0.100000] ~ future+ F#4 origin=sleep by=Task-2
[0.100000] ~ timer h#8 at=1.100000 _set_result_unless_cancelled(F#4, None)
[0.100000] ~ wait Task-2 on sleep F#4 until=1.100000
[0.100000] ~ iter 7 ready=0 timers=2 cancelled=1
[0.100000] ~ advance to=1.100000 (timeout=1.000000)
[1.100000] ~ due h#8
[1.100000] ~ run h#8 _set_result_unless_cancelled(F#4, None)
[1.100000] ~ resolve F#4 result=None
[1.100000] ~ soon h#9 Task-2.wakeup(F#4)
[1.100000] ~ iter 8 ready=1 timers=1 cancelled=1
[1.100000] ~ skip h#4 (cancelled)
[1.100000] ~ run h#9 Task-2.wakeup(F#4)
[1.100000] ~ step Task-2 <- sleep F#4 until=1.100000 result=None
[1.100000] job finished
[1.100000] ~ done Task-2 result=None
[1.100000] ~ soon h#10 gather._done_callback(Task-2)
[1.100000] ~ iter 9 ready=1 timers=0
[1.100000] ~ run h#10 gather._done_callback(Task-2)
[1.100000] ~ resolve F#3 result=[None]
[1.100000] ~ soon h#11 _run_until_complete_cb(F#3)
[1.100000] ~ iter 10 ready=1 timers=0
[1.100000] ~ run h#11 _run_until_complete_cb(F#3)
[1.100000] ~ run_until_complete end
[1.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[1.100000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_asyncgens by=-
[1.100000] ~ soon h#12 Task-3.step
[1.100000] ~ iter 11 ready=1 timers=0
[1.100000] ~ run h#12 Task-3.step
[1.100000] ~ step Task-3 start
[1.100000] ~ done Task-3 result=None
[1.100000] ~ soon h#13 _run_until_complete_cb(Task-3)
[1.100000] ~ iter 12 ready=1 timers=0
[1.100000] ~ run h#13 _run_until_complete_cb(Task-3)
[1.100000] ~ run_until_complete end
[1.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[1.100000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_default_executor by=-
[1.100000] ~ soon h#14 Task-4.step
[1.100000] ~ iter 13 ready=1 timers=0
[1.100000] ~ run h#14 Task-4.step
[1.100000] ~ step Task-4 start
[1.100000] ~ done Task-4 result=None
[1.100000] ~ soon h#15 _run_until_complete_cb(Task-4)
[1.100000] ~ iter 14 ready=1 timers=0
[1.100000] ~ run h#15 _run_until_complete_cb(Task-4)
[1.100000] ~ run_until_complete end
[1.100000] ~ loop close
[1.100000] asyncio.run returned at 1.1
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
