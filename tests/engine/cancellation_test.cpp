// Cancellation paths: before the first step (must_cancel), while waiting,
// with a message, through gather, wait_for and shield, a TaskGroup abort
// (parent cancelled, then uncancelled by __aexit__), timeout(), and a task
// that catches the cancellation and calls uncancel(). Each test is the C++
// twin of the program in its comment and expects the CPython oracle's
// transcript.
#include <gtest/gtest.h>

#include "engine/lib/gather.hpp"
#include "engine/lib/shield.hpp"
#include "engine/lib/taskgroup.hpp"
#include "engine/lib/timeout.hpp"
#include "engine/lib/wait_for.hpp"
#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using asyncio::TaskGroup;
using asyncio::Timeout;
using testing::coro;
using testing::run_main;
using testing::say;

bool is_cancel(const PyError& e) { return is_exc(e.exc.get(), Exc::CancelledError); }
std::string py_bool(bool b) { return b ? "True" : "False"; }

// --- before start ----------------------------------------------------------
//   """A task cancelled before its first step never runs its body."""
//   import asyncio
//
//
//   async def never():
//       print("this line never runs")
//
//
//   async def main():
//       t = asyncio.create_task(never())
//       print("cancel returns", t.cancel())
//       try:
//           await t
//       except asyncio.CancelledError:
//           print("cancelled:", t.cancelled())
//
//
//   asyncio.run(main())
Co never(EventLoop& loop) {
  say(loop, "this line never runs");
  co_return Value();
}

Co before_start_main(EventLoop& loop) {
  Ref<Task> t = loop.create_task(coro(never(loop), "never", loop));
  say(loop, "cancel returns " + py_bool(t->cancel()));
  try {
    co_await t;
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "cancelled: " + py_bool(t->cancelled()));
  }
  co_return Value();
}

TEST(Cancellation, BeforeTheFirstStepTheBodyNeverRuns) {
  EXPECT_EQ(run_main(before_start_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=never by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ cancel Task-2 by Task-1 n=1 must_cancel
[0.000000] cancel returns True
[0.000000] ~ wait Task-1 on task Task-2
[0.000000] ~ iter 2 ready=1 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 <- cancel (must_cancel)
[0.000000] ~ done Task-2 cancelled
[0.000000] ~ soon h#3 Task-1.wakeup(Task-2)
[0.000000] ~ iter 3 ready=1 timers=0
[0.000000] ~ run h#3 Task-1.wakeup(Task-2)
[0.000000] ~ step Task-1 <- task Task-2 raise=CancelledError
[0.000000] cancelled: True
[0.000000] ~ done Task-1 result=None
[0.000000] ~ soon h#4 _run_until_complete_cb(Task-1)
[0.000000] ~ iter 4 ready=1 timers=0
[0.000000] ~ run h#4 _run_until_complete_cb(Task-1)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.000000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.000000] ~ soon h#5 Task-3.step
[0.000000] ~ iter 5 ready=1 timers=0
[0.000000] ~ run h#5 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ done Task-3 result=None
[0.000000] ~ soon h#6 _run_until_complete_cb(Task-3)
[0.000000] ~ iter 6 ready=1 timers=0
[0.000000] ~ run h#6 _run_until_complete_cb(Task-3)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_default_executor by=-
[0.000000] ~ soon h#7 Task-4.step
[0.000000] ~ iter 7 ready=1 timers=0
[0.000000] ~ run h#7 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ done Task-4 result=None
[0.000000] ~ soon h#8 _run_until_complete_cb(Task-4)
[0.000000] ~ iter 8 ready=1 timers=0
[0.000000] ~ run h#8 _run_until_complete_cb(Task-4)
[0.000000] ~ run_until_complete end
[0.000000] ~ loop close
)TRANSCRIPT"));
}

// --- while waiting ---------------------------------------------------------
//   """Cancelling a sleeping task cancels its sleep future at once; the
//   CancelledError reaches the task in the next iteration."""
//   import asyncio
//
//
//   async def sleeper():
//       try:
//           await asyncio.sleep(10)
//       except asyncio.CancelledError:
//           print("sleeper: CancelledError arrived")
//           raise
//
//
//   async def main():
//       t = asyncio.create_task(sleeper())
//       await asyncio.sleep(1)
//       t.cancel()
//       print("after cancel(): done =", t.done())
//       try:
//           await t
//       except asyncio.CancelledError:
//           print("after await: cancelled =", t.cancelled())
//
//
//   asyncio.run(main())
Co sleeper(EventLoop& loop) {
  try {
    co_await sleep(loop, 10);
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "sleeper: CancelledError arrived");
    throw;
  }
  co_return Value();
}

Co while_sleeping_main(EventLoop& loop) {
  Ref<Task> t = loop.create_task(coro(sleeper(loop), "sleeper", loop));
  co_await sleep(loop, 1);
  t->cancel();
  say(loop, "after cancel(): done = " + py_bool(t->done()));
  try {
    co_await t;
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "after await: cancelled = " + py_bool(t->cancelled()));
  }
  co_return Value();
}

TEST(Cancellation, WhileWaitingTheFutureIsCancelledAtOnceTheErrorArrivesNextIteration) {
  EXPECT_EQ(run_main(while_sleeping_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=sleeper by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=1.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=1.000000
[0.000000] ~ iter 2 ready=1 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=10.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=10.000000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#3
[1.000000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[1.000000] ~ resolve F#1 result=None
[1.000000] ~ soon h#5 Task-1.wakeup(F#1)
[1.000000] ~ iter 4 ready=1 timers=1
[1.000000] ~ run h#5 Task-1.wakeup(F#1)
[1.000000] ~ step Task-1 <- sleep F#1 until=1.000000 result=None
[1.000000] ~ cancel Task-2 by Task-1 n=1 -> sleep F#2 until=10.000000
[1.000000] ~ resolve F#2 cancelled
[1.000000] ~ soon h#6 Task-2.wakeup(F#2)
[1.000000] after cancel(): done = False
[1.000000] ~ wait Task-1 on task Task-2
[1.000000] ~ iter 5 ready=1 timers=1
[1.000000] ~ run h#6 Task-2.wakeup(F#2)
[1.000000] ~ step Task-2 <- sleep F#2 until=10.000000 raise=CancelledError
[1.000000] ~ timer-cancel h#4 by Task-2 (in heap)
[1.000000] sleeper: CancelledError arrived
[1.000000] ~ done Task-2 cancelled
[1.000000] ~ soon h#7 Task-1.wakeup(Task-2)
[1.000000] ~ iter 6 ready=1 timers=1 cancelled=1
[1.000000] ~ skip h#4 (cancelled)
[1.000000] ~ run h#7 Task-1.wakeup(Task-2)
[1.000000] ~ step Task-1 <- task Task-2 raise=CancelledError
[1.000000] after await: cancelled = True
[1.000000] ~ done Task-1 result=None
[1.000000] ~ soon h#8 _run_until_complete_cb(Task-1)
[1.000000] ~ iter 7 ready=1 timers=0
[1.000000] ~ run h#8 _run_until_complete_cb(Task-1)
[1.000000] ~ run_until_complete end
[1.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[1.000000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_asyncgens by=-
[1.000000] ~ soon h#9 Task-3.step
[1.000000] ~ iter 8 ready=1 timers=0
[1.000000] ~ run h#9 Task-3.step
[1.000000] ~ step Task-3 start
[1.000000] ~ done Task-3 result=None
[1.000000] ~ soon h#10 _run_until_complete_cb(Task-3)
[1.000000] ~ iter 9 ready=1 timers=0
[1.000000] ~ run h#10 _run_until_complete_cb(Task-3)
[1.000000] ~ run_until_complete end
[1.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[1.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_default_executor by=-
[1.000000] ~ soon h#11 Task-4.step
[1.000000] ~ iter 10 ready=1 timers=0
[1.000000] ~ run h#11 Task-4.step
[1.000000] ~ step Task-4 start
[1.000000] ~ done Task-4 result=None
[1.000000] ~ soon h#12 _run_until_complete_cb(Task-4)
[1.000000] ~ iter 11 ready=1 timers=0
[1.000000] ~ run h#12 _run_until_complete_cb(Task-4)
[1.000000] ~ run_until_complete end
[1.000000] ~ loop close
)TRANSCRIPT"));
}

// --- with a message --------------------------------------------------------
//   """cancel(msg) passes a message along with the CancelledError."""
//   import asyncio
//
//
//   async def worker():
//       try:
//           await asyncio.sleep(5)
//       except asyncio.CancelledError as e:
//           print("worker got", repr(e))
//           raise
//
//
//   async def main():
//       t = asyncio.create_task(worker())
//       await asyncio.sleep(0.1)
//       t.cancel("shutting down")
//       try:
//           await t
//       except asyncio.CancelledError as e:
//           print("main got", repr(e))
//
//
//   asyncio.run(main())
Co msg_worker(EventLoop& loop) {
  try {
    co_await sleep(loop, 5);
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "worker got " + e.exc->repr());
    throw;
  }
  co_return Value();
}

Co with_message_main(EventLoop& loop) {
  Ref<Task> t = loop.create_task(coro(msg_worker(loop), "worker", loop));
  co_await sleep(loop, 0.1);
  t->cancel(str_value("shutting down"));
  try {
    co_await t;
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "main got " + e.exc->repr());
  }
  co_return Value();
}

TEST(Cancellation, TheMessageTravelsWithTheCancelledError) {
  EXPECT_EQ(run_main(with_message_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=worker by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=0.100000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=0.100000
[0.000000] ~ iter 2 ready=1 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=5.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=5.000000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#3
[0.100000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[0.100000] ~ resolve F#1 result=None
[0.100000] ~ soon h#5 Task-1.wakeup(F#1)
[0.100000] ~ iter 4 ready=1 timers=1
[0.100000] ~ run h#5 Task-1.wakeup(F#1)
[0.100000] ~ step Task-1 <- sleep F#1 until=0.100000 result=None
[0.100000] ~ cancel Task-2 by Task-1 msg='shutting down' n=1 -> sleep F#2 until=5.000000
[0.100000] ~ resolve F#2 cancelled
[0.100000] ~ soon h#6 Task-2.wakeup(F#2)
[0.100000] ~ wait Task-1 on task Task-2
[0.100000] ~ iter 5 ready=1 timers=1
[0.100000] ~ run h#6 Task-2.wakeup(F#2)
[0.100000] ~ step Task-2 <- sleep F#2 until=5.000000 raise=CancelledError: shutting down
[0.100000] ~ timer-cancel h#4 by Task-2 (in heap)
[0.100000] worker got CancelledError('shutting down')
[0.100000] ~ done Task-2 cancelled
[0.100000] ~ soon h#7 Task-1.wakeup(Task-2)
[0.100000] ~ iter 6 ready=1 timers=1 cancelled=1
[0.100000] ~ skip h#4 (cancelled)
[0.100000] ~ run h#7 Task-1.wakeup(Task-2)
[0.100000] ~ step Task-1 <- task Task-2 raise=CancelledError: shutting down
[0.100000] main got CancelledError('shutting down')
[0.100000] ~ done Task-1 result=None
[0.100000] ~ soon h#8 _run_until_complete_cb(Task-1)
[0.100000] ~ iter 7 ready=1 timers=0
[0.100000] ~ run h#8 _run_until_complete_cb(Task-1)
[0.100000] ~ run_until_complete end
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.100000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.100000] ~ soon h#9 Task-3.step
[0.100000] ~ iter 8 ready=1 timers=0
[0.100000] ~ run h#9 Task-3.step
[0.100000] ~ step Task-3 start
[0.100000] ~ done Task-3 result=None
[0.100000] ~ soon h#10 _run_until_complete_cb(Task-3)
[0.100000] ~ iter 9 ready=1 timers=0
[0.100000] ~ run h#10 _run_until_complete_cb(Task-3)
[0.100000] ~ run_until_complete end
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.100000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_default_executor by=-
[0.100000] ~ soon h#11 Task-4.step
[0.100000] ~ iter 10 ready=1 timers=0
[0.100000] ~ run h#11 Task-4.step
[0.100000] ~ step Task-4 start
[0.100000] ~ done Task-4 result=None
[0.100000] ~ soon h#12 _run_until_complete_cb(Task-4)
[0.100000] ~ iter 11 ready=1 timers=0
[0.100000] ~ run h#12 _run_until_complete_cb(Task-4)
[0.100000] ~ run_until_complete end
[0.100000] ~ loop close
)TRANSCRIPT"));
}

// --- in gather -------------------------------------------------------------
//   """Cancelling the task that awaits gather cancels the children too."""
//   import asyncio
//
//
//   async def child(n):
//       try:
//           await asyncio.sleep(n)
//       except asyncio.CancelledError:
//           print(f"child {n} got CancelledError")
//           raise
//
//
//   async def parent():
//       try:
//           await asyncio.gather(child(1), child(2))
//       except asyncio.CancelledError:
//           print("parent cancelled")
//           raise
//
//
//   async def main():
//       p = asyncio.create_task(parent())
//       await asyncio.sleep(0.5)
//       p.cancel()
//       try:
//           await p
//       except asyncio.CancelledError:
//           print("main saw parent cancelled")
//
//
//   asyncio.run(main())
Co gchild(EventLoop& loop, int n) {
  try {
    co_await sleep(loop, n);
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "child " + std::to_string(n) + " got CancelledError");
    throw;
  }
  co_return Value();
}

Co gparent(EventLoop& loop) {
  try {
    Ref<Future> g = gather(loop, {Value::object(coro(gchild(loop, 1), "child", loop)),
                                  Value::object(coro(gchild(loop, 2), "child", loop))});
    co_await g;
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "parent cancelled");
    throw;
  }
  co_return Value();
}

Co gather_main(EventLoop& loop) {
  Ref<Task> p = loop.create_task(coro(gparent(loop), "parent", loop));
  co_await sleep(loop, 0.5);
  p->cancel();
  try {
    co_await p;
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "main saw parent cancelled");
  }
  co_return Value();
}

TEST(Cancellation, CancellingTheTaskAwaitingAGatherCancelsTheChildren) {
  EXPECT_EQ(run_main(gather_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=parent by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=0.500000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=0.500000
[0.000000] ~ iter 2 ready=1 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ task+ Task-3 coro=child by=Task-2
[0.000000] ~ soon h#4 Task-3.step
[0.000000] ~ task+ Task-4 coro=child by=Task-2
[0.000000] ~ soon h#5 Task-4.step
[0.000000] ~ future+ F#2 origin=gather by=Task-2
[0.000000] ~ wait Task-2 on gather F#2 [Task-3, Task-4]
[0.000000] ~ iter 3 ready=2 timers=1
[0.000000] ~ run h#4 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=sleep by=Task-3
[0.000000] ~ timer h#6 at=1.000000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait Task-3 on sleep F#3 until=1.000000
[0.000000] ~ run h#5 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#4 origin=sleep by=Task-4
[0.000000] ~ timer h#7 at=2.000000 _set_result_unless_cancelled(F#4, None)
[0.000000] ~ wait Task-4 on sleep F#4 until=2.000000
[0.000000] ~ iter 4 ready=0 timers=3
[0.000000] ~ advance to=0.500000 (timeout=0.500000)
[0.500000] ~ due h#3
[0.500000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[0.500000] ~ resolve F#1 result=None
[0.500000] ~ soon h#8 Task-1.wakeup(F#1)
[0.500000] ~ iter 5 ready=1 timers=2
[0.500000] ~ run h#8 Task-1.wakeup(F#1)
[0.500000] ~ step Task-1 <- sleep F#1 until=0.500000 result=None
[0.500000] ~ cancel Task-2 by Task-1 n=1 -> gather F#2 [Task-3, Task-4]
[0.500000] ~ cancel Task-3 by Task-1 n=1 -> sleep F#3 until=1.000000
[0.500000] ~ resolve F#3 cancelled
[0.500000] ~ soon h#9 Task-3.wakeup(F#3)
[0.500000] ~ cancel Task-4 by Task-1 n=1 -> sleep F#4 until=2.000000
[0.500000] ~ resolve F#4 cancelled
[0.500000] ~ soon h#10 Task-4.wakeup(F#4)
[0.500000] ~ wait Task-1 on task Task-2
[0.500000] ~ iter 6 ready=2 timers=2
[0.500000] ~ run h#9 Task-3.wakeup(F#3)
[0.500000] ~ step Task-3 <- sleep F#3 until=1.000000 raise=CancelledError
[0.500000] ~ timer-cancel h#6 by Task-3 (in heap)
[0.500000] child 1 got CancelledError
[0.500000] ~ done Task-3 cancelled
[0.500000] ~ soon h#11 gather._done_callback(Task-3)
[0.500000] ~ run h#10 Task-4.wakeup(F#4)
[0.500000] ~ step Task-4 <- sleep F#4 until=2.000000 raise=CancelledError
[0.500000] ~ timer-cancel h#7 by Task-4 (in heap)
[0.500000] child 2 got CancelledError
[0.500000] ~ done Task-4 cancelled
[0.500000] ~ soon h#12 gather._done_callback(Task-4)
[0.500000] ~ iter 7 ready=2 timers=2 cancelled=2
[0.500000] ~ skip h#6 (cancelled)
[0.500000] ~ skip h#7 (cancelled)
[0.500000] ~ run h#11 gather._done_callback(Task-3)
[0.500000] ~ resolve F#2 raise=CancelledError
[0.500000] ~ soon h#13 Task-2.wakeup(F#2)
[0.500000] ~ run h#12 gather._done_callback(Task-4)
[0.500000] ~ iter 8 ready=1 timers=0
[0.500000] ~ run h#13 Task-2.wakeup(F#2)
[0.500000] ~ step Task-2 <- gather F#2 [Task-3, Task-4] raise=CancelledError
[0.500000] parent cancelled
[0.500000] ~ done Task-2 cancelled
[0.500000] ~ soon h#14 Task-1.wakeup(Task-2)
[0.500000] ~ iter 9 ready=1 timers=0
[0.500000] ~ run h#14 Task-1.wakeup(Task-2)
[0.500000] ~ step Task-1 <- task Task-2 raise=CancelledError
[0.500000] main saw parent cancelled
[0.500000] ~ done Task-1 result=None
[0.500000] ~ soon h#15 _run_until_complete_cb(Task-1)
[0.500000] ~ iter 10 ready=1 timers=0
[0.500000] ~ run h#15 _run_until_complete_cb(Task-1)
[0.500000] ~ run_until_complete end
[0.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.500000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.500000] ~ soon h#16 Task-5.step
[0.500000] ~ iter 11 ready=1 timers=0
[0.500000] ~ run h#16 Task-5.step
[0.500000] ~ step Task-5 start
[0.500000] ~ done Task-5 result=None
[0.500000] ~ soon h#17 _run_until_complete_cb(Task-5)
[0.500000] ~ iter 12 ready=1 timers=0
[0.500000] ~ run h#17 _run_until_complete_cb(Task-5)
[0.500000] ~ run_until_complete end
[0.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.500000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_default_executor by=-
[0.500000] ~ soon h#18 Task-6.step
[0.500000] ~ iter 13 ready=1 timers=0
[0.500000] ~ run h#18 Task-6.step
[0.500000] ~ step Task-6 start
[0.500000] ~ done Task-6 result=None
[0.500000] ~ soon h#19 _run_until_complete_cb(Task-6)
[0.500000] ~ iter 14 ready=1 timers=0
[0.500000] ~ run h#19 _run_until_complete_cb(Task-6)
[0.500000] ~ run_until_complete end
[0.500000] ~ loop close
)TRANSCRIPT"));
}

// --- in wait_for -----------------------------------------------------------
//   """The task running wait_for is cancelled: the inner task is cancelled too
//   and CancelledError (not TimeoutError) propagates."""
//   import asyncio
//
//
//   async def inner():
//       try:
//           await asyncio.sleep(5)
//       except asyncio.CancelledError:
//           print("inner cancelled")
//           raise
//
//
//   async def outer():
//       try:
//           await asyncio.wait_for(inner(), timeout=3)
//       except asyncio.TimeoutError:
//           print("timeout (not expected)")
//
//
//   async def main():
//       t = asyncio.create_task(outer())
//       await asyncio.sleep(1)
//       t.cancel()
//       try:
//           await t
//       except asyncio.CancelledError:
//           print("outer cancelled")
//
//
//   asyncio.run(main())
Co wf_inner(EventLoop& loop) {
  try {
    co_await sleep(loop, 5);
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "inner cancelled");
    throw;
  }
  co_return Value();
}

Co wf_outer(EventLoop& loop) {
  try {
    Value aw = Value::object(coro(wf_inner(loop), "inner", loop));
    Value timeout = Value::integer(3);
    Co w = wait_for(loop, aw, timeout);
    co_await std::move(w);
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::TimeoutError)) throw;
    say(loop, "timeout (not expected)");
  }
  co_return Value();
}

Co wait_for_main(EventLoop& loop) {
  Ref<Task> t = loop.create_task(coro(wf_outer(loop), "outer", loop));
  co_await sleep(loop, 1);
  t->cancel();
  try {
    co_await t;
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "outer cancelled");
  }
  co_return Value();
}

TEST(Cancellation, CancellingAWaitForCancelsAndAwaitsTheInnerTask) {
  EXPECT_EQ(run_main(wait_for_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
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
[0.000000] ~ timer h#4 at=3.000000 _release_waiter(F#2)
[0.000000] ~ task+ Task-3 coro=inner by=Task-2
[0.000000] ~ soon h#5 Task-3.step
[0.000000] ~ wait Task-2 on wait_for F#2 on=Task-3 deadline=3.000000
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
[1.000000] ~ cancel Task-2 by Task-1 n=1 -> wait_for F#2 on=Task-3 deadline=3.000000
[1.000000] ~ resolve F#2 cancelled
[1.000000] ~ soon h#8 Task-2.wakeup(F#2)
[1.000000] ~ wait Task-1 on task Task-2
[1.000000] ~ iter 6 ready=1 timers=2
[1.000000] ~ run h#8 Task-2.wakeup(F#2)
[1.000000] ~ step Task-2 <- wait_for F#2 on=Task-3 deadline=3.000000 raise=CancelledError
[1.000000] ~ future+ F#4 origin=cancel_and_wait by=Task-2
[1.000000] ~ cancel Task-3 by Task-2 n=1 -> sleep F#3 until=5.000000
[1.000000] ~ resolve F#3 cancelled
[1.000000] ~ soon h#9 Task-3.wakeup(F#3)
[1.000000] ~ wait Task-2 on cancel_and_wait F#4 on=Task-3
[1.000000] ~ iter 7 ready=1 timers=2
[1.000000] ~ run h#9 Task-3.wakeup(F#3)
[1.000000] ~ step Task-3 <- sleep F#3 until=5.000000 raise=CancelledError
[1.000000] ~ timer-cancel h#6 by Task-3 (in heap)
[1.000000] inner cancelled
[1.000000] ~ done Task-3 cancelled
[1.000000] ~ soon h#10 _release_waiter(F#4, Task-3)
[1.000000] ~ iter 8 ready=1 timers=2 cancelled=1
[1.000000] ~ run h#10 _release_waiter(F#4, Task-3)
[1.000000] ~ resolve F#4 result=None
[1.000000] ~ soon h#11 Task-2.wakeup(F#4)
[1.000000] ~ iter 9 ready=1 timers=2 cancelled=1
[1.000000] ~ run h#11 Task-2.wakeup(F#4)
[1.000000] ~ step Task-2 <- cancel_and_wait F#4 on=Task-3 result=None
[1.000000] ~ timer-cancel h#4 by Task-2 (in heap)
[1.000000] ~ done Task-2 cancelled
[1.000000] ~ soon h#12 Task-1.wakeup(Task-2)
[1.000000] ~ iter 10 ready=1 timers=2 cancelled=2
[1.000000] ~ skip h#4 (cancelled)
[1.000000] ~ skip h#6 (cancelled)
[1.000000] ~ run h#12 Task-1.wakeup(Task-2)
[1.000000] ~ step Task-1 <- task Task-2 raise=CancelledError
[1.000000] outer cancelled
[1.000000] ~ done Task-1 result=None
[1.000000] ~ soon h#13 _run_until_complete_cb(Task-1)
[1.000000] ~ iter 11 ready=1 timers=0
[1.000000] ~ run h#13 _run_until_complete_cb(Task-1)
[1.000000] ~ run_until_complete end
[1.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[1.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[1.000000] ~ soon h#14 Task-4.step
[1.000000] ~ iter 12 ready=1 timers=0
[1.000000] ~ run h#14 Task-4.step
[1.000000] ~ step Task-4 start
[1.000000] ~ done Task-4 result=None
[1.000000] ~ soon h#15 _run_until_complete_cb(Task-4)
[1.000000] ~ iter 13 ready=1 timers=0
[1.000000] ~ run h#15 _run_until_complete_cb(Task-4)
[1.000000] ~ run_until_complete end
[1.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[1.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[1.000000] ~ soon h#16 Task-5.step
[1.000000] ~ iter 14 ready=1 timers=0
[1.000000] ~ run h#16 Task-5.step
[1.000000] ~ step Task-5 start
[1.000000] ~ done Task-5 result=None
[1.000000] ~ soon h#17 _run_until_complete_cb(Task-5)
[1.000000] ~ iter 15 ready=1 timers=0
[1.000000] ~ run h#17 _run_until_complete_cb(Task-5)
[1.000000] ~ run_until_complete end
[1.000000] ~ loop close
)TRANSCRIPT"));
}

// --- shield ----------------------------------------------------------------
//   """shield: cancelling the awaiting task does not cancel the shielded task."""
//   import asyncio
//
//
//   async def important():
//       await asyncio.sleep(1)
//       print("important work finished")
//       return 42
//
//
//   async def caller(task):
//       try:
//           return await asyncio.shield(task)
//       except asyncio.CancelledError:
//           print("caller cancelled, task still running:", not task.done())
//           raise
//
//
//   async def main():
//       task = asyncio.create_task(important())
//       c = asyncio.create_task(caller(task))
//       await asyncio.sleep(0.2)
//       c.cancel()
//       await asyncio.gather(c, return_exceptions=True)
//       print("result after all:", await task)
//
//
//   asyncio.run(main())
Co important(EventLoop& loop) {
  co_await sleep(loop, 1);
  say(loop, "important work finished");
  co_return Value::integer(42);
}

Co caller(EventLoop& loop, Ref<Task> task) {
  try {
    Ref<Future> outer = shield(loop, Value::object(task));
    Value v = co_await outer;
    co_return v;
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "caller cancelled, task still running: " + py_bool(!task->done()));
    throw;
  }
}

Co shield_main(EventLoop& loop) {
  Ref<Task> task = loop.create_task(coro(important(loop), "important", loop));
  Ref<Task> c = loop.create_task(coro(caller(loop, task), "caller", loop));
  co_await sleep(loop, 0.2);
  c->cancel();
  Ref<Future> g = gather(loop, {Value::object(c)}, true);
  co_await g;
  Value v = co_await task;
  say(loop, "result after all: " + repr(v));
  co_return Value();
}

TEST(Cancellation, ShieldKeepsTheInnerTaskRunning) {
  EXPECT_EQ(run_main(shield_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=important by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=caller by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#4 at=0.200000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=0.200000
[0.000000] ~ iter 2 ready=2 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#5 at=1.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=1.000000
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=shield by=Task-3
[0.000000] ~ wait Task-3 on shield F#3 on=Task-2
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.200000 (timeout=0.200000)
[0.200000] ~ due h#4
[0.200000] ~ run h#4 _set_result_unless_cancelled(F#1, None)
[0.200000] ~ resolve F#1 result=None
[0.200000] ~ soon h#6 Task-1.wakeup(F#1)
[0.200000] ~ iter 4 ready=1 timers=1
[0.200000] ~ run h#6 Task-1.wakeup(F#1)
[0.200000] ~ step Task-1 <- sleep F#1 until=0.200000 result=None
[0.200000] ~ cancel Task-3 by Task-1 n=1 -> shield F#3 on=Task-2
[0.200000] ~ resolve F#3 cancelled
[0.200000] ~ soon h#7 shield._outer_done_callback(F#3)
[0.200000] ~ soon h#8 Task-3.wakeup(F#3)
[0.200000] ~ future+ F#4 origin=gather by=Task-1
[0.200000] ~ wait Task-1 on gather F#4 [Task-3]
[0.200000] ~ iter 5 ready=2 timers=1
[0.200000] ~ run h#7 shield._outer_done_callback(F#3)
[0.200000] ~ run h#8 Task-3.wakeup(F#3)
[0.200000] ~ step Task-3 <- shield F#3 on=Task-2 raise=CancelledError
[0.200000] caller cancelled, task still running: True
[0.200000] ~ done Task-3 cancelled
[0.200000] ~ soon h#9 gather._done_callback(Task-3)
[0.200000] ~ iter 6 ready=1 timers=1
[0.200000] ~ run h#9 gather._done_callback(Task-3)
[0.200000] ~ resolve F#4 result=[<CancelledError>]
[0.200000] ~ soon h#10 Task-1.wakeup(F#4)
[0.200000] ~ iter 7 ready=1 timers=1
[0.200000] ~ run h#10 Task-1.wakeup(F#4)
[0.200000] ~ step Task-1 <- gather F#4 [Task-3] result=[<CancelledError>]
[0.200000] ~ wait Task-1 on task Task-2
[0.200000] ~ iter 8 ready=0 timers=1
[0.200000] ~ advance to=1.000000 (timeout=0.800000)
[1.000000] ~ due h#5
[1.000000] ~ run h#5 _set_result_unless_cancelled(F#2, None)
[1.000000] ~ resolve F#2 result=None
[1.000000] ~ soon h#11 Task-2.wakeup(F#2)
[1.000000] ~ iter 9 ready=1 timers=0
[1.000000] ~ run h#11 Task-2.wakeup(F#2)
[1.000000] ~ step Task-2 <- sleep F#2 until=1.000000 result=None
[1.000000] important work finished
[1.000000] ~ done Task-2 result=42
[1.000000] ~ soon h#12 Task-1.wakeup(Task-2)
[1.000000] ~ iter 10 ready=1 timers=0
[1.000000] ~ run h#12 Task-1.wakeup(Task-2)
[1.000000] ~ step Task-1 <- task Task-2 result=42
[1.000000] result after all: 42
[1.000000] ~ done Task-1 result=None
[1.000000] ~ soon h#13 _run_until_complete_cb(Task-1)
[1.000000] ~ iter 11 ready=1 timers=0
[1.000000] ~ run h#13 _run_until_complete_cb(Task-1)
[1.000000] ~ run_until_complete end
[1.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[1.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[1.000000] ~ soon h#14 Task-4.step
[1.000000] ~ iter 12 ready=1 timers=0
[1.000000] ~ run h#14 Task-4.step
[1.000000] ~ step Task-4 start
[1.000000] ~ done Task-4 result=None
[1.000000] ~ soon h#15 _run_until_complete_cb(Task-4)
[1.000000] ~ iter 13 ready=1 timers=0
[1.000000] ~ run h#15 _run_until_complete_cb(Task-4)
[1.000000] ~ run_until_complete end
[1.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[1.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[1.000000] ~ soon h#16 Task-5.step
[1.000000] ~ iter 14 ready=1 timers=0
[1.000000] ~ run h#16 Task-5.step
[1.000000] ~ step Task-5 start
[1.000000] ~ done Task-5 result=None
[1.000000] ~ soon h#17 _run_until_complete_cb(Task-5)
[1.000000] ~ iter 15 ready=1 timers=0
[1.000000] ~ run h#17 _run_until_complete_cb(Task-5)
[1.000000] ~ run_until_complete end
[1.000000] ~ loop close
)TRANSCRIPT"));
}

// --- TaskGroup abort while the body waits ----------------------------------
//   import asyncio
//
//
//   async def crash():
//       await asyncio.sleep(0.1)
//       raise ValueError("crash")
//
//
//   async def main():
//       try:
//           async with asyncio.TaskGroup() as tg:
//               tg.create_task(crash())
//               await asyncio.sleep(1)
//               print("not reached")
//       except ExceptionGroup as eg:
//           print("caught", repr(eg.exceptions[0]))
//       print("cancelling", asyncio.current_task().cancelling())
//
//
//   asyncio.run(main())
Co crash(EventLoop& loop) {
  co_await sleep(loop, 0.1);
  throw PyError{make_exc(Exc::ValueError, "crash")};
}

Co taskgroup_main(EventLoop& loop) {
  try {
    Ref<TaskGroup> tg = make<TaskGroup>(loop.world());
    co_await TaskGroup::aenter_co(tg);
    Ref<ExceptionObj> err;
    try {
      tg->create_task(coro(crash(loop), "crash", loop));
      co_await sleep(loop, 1);
      say(loop, "not reached");
    } catch (const PyError& e) {
      err = e.exc;
    }
    co_await TaskGroup::aexit_co(tg, err);
    if (err) throw PyError{err};
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::ExceptionGroup)) throw;
    say(loop, "caught " + e.exc->exceptions.at(0)->repr());
  }
  say(loop, "cancelling " + std::to_string(loop.current_task()->cancelling()));
  co_return Value();
}

TEST(Cancellation, ATaskGroupAbortCancelsTheParentAndAexitUncancelsIt) {
  EXPECT_EQ(run_main(taskgroup_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=crash by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=1.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=1.000000
[0.000000] ~ iter 2 ready=1 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=0.100000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=0.100000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#4
[0.100000] ~ run h#4 _set_result_unless_cancelled(F#2, None)
[0.100000] ~ resolve F#2 result=None
[0.100000] ~ soon h#5 Task-2.wakeup(F#2)
[0.100000] ~ iter 4 ready=1 timers=1
[0.100000] ~ run h#5 Task-2.wakeup(F#2)
[0.100000] ~ step Task-2 <- sleep F#2 until=0.100000 result=None
[0.100000] ~ done Task-2 raise=ValueError: crash
[0.100000] ~ soon h#6 TaskGroup#1._on_task_done(Task-2)
[0.100000] ~ iter 5 ready=1 timers=1
[0.100000] ~ run h#6 TaskGroup#1._on_task_done(Task-2)
[0.100000] ~ cancel Task-1 by h#6 n=1 -> sleep F#1 until=1.000000
[0.100000] ~ resolve F#1 cancelled
[0.100000] ~ soon h#7 Task-1.wakeup(F#1)
[0.100000] ~ iter 6 ready=1 timers=1
[0.100000] ~ run h#7 Task-1.wakeup(F#1)
[0.100000] ~ step Task-1 <- sleep F#1 until=1.000000 raise=CancelledError
[0.100000] ~ timer-cancel h#3 by Task-1 (in heap)
[0.100000] ~ uncancel Task-1 -> 0
[0.100000] caught ValueError('crash')
[0.100000] cancelling 0
[0.100000] ~ done Task-1 result=None
[0.100000] ~ soon h#8 _run_until_complete_cb(Task-1)
[0.100000] ~ iter 7 ready=1 timers=1 cancelled=1
[0.100000] ~ skip h#3 (cancelled)
[0.100000] ~ run h#8 _run_until_complete_cb(Task-1)
[0.100000] ~ run_until_complete end
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.100000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.100000] ~ soon h#9 Task-3.step
[0.100000] ~ iter 8 ready=1 timers=0
[0.100000] ~ run h#9 Task-3.step
[0.100000] ~ step Task-3 start
[0.100000] ~ done Task-3 result=None
[0.100000] ~ soon h#10 _run_until_complete_cb(Task-3)
[0.100000] ~ iter 9 ready=1 timers=0
[0.100000] ~ run h#10 _run_until_complete_cb(Task-3)
[0.100000] ~ run_until_complete end
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.100000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_default_executor by=-
[0.100000] ~ soon h#11 Task-4.step
[0.100000] ~ iter 10 ready=1 timers=0
[0.100000] ~ run h#11 Task-4.step
[0.100000] ~ step Task-4 start
[0.100000] ~ done Task-4 result=None
[0.100000] ~ soon h#12 _run_until_complete_cb(Task-4)
[0.100000] ~ iter 11 ready=1 timers=0
[0.100000] ~ run h#12 _run_until_complete_cb(Task-4)
[0.100000] ~ run_until_complete end
[0.100000] ~ loop close
)TRANSCRIPT"));
}

// --- timeout() -------------------------------------------------------------
//   """async with asyncio.timeout(): the block is cancelled at the deadline and
//   TimeoutError comes out of the with statement."""
//   import asyncio
//
//
//   async def main():
//       try:
//           async with asyncio.timeout(0.5) as cm:
//               print("deadline", cm.when())
//               await asyncio.sleep(2)
//               print("not reached")
//       except TimeoutError:
//           print("expired:", cm.expired())
//       print("task cancelling() back to", asyncio.current_task().cancelling())
//
//
//   asyncio.run(main())
Co timeout_main(EventLoop& loop) {
  Ref<Timeout> cm = asyncio::timeout(loop, Value::real(0.5));
  try {
    co_await Timeout::aenter_co(cm);
    Ref<ExceptionObj> err;
    try {
      say(loop, "deadline " + repr(cm->when()));
      co_await sleep(loop, 2);
      say(loop, "not reached");
    } catch (const PyError& e) {
      err = e.exc;
    }
    co_await Timeout::aexit_co(cm, err);
    if (err) throw PyError{err};
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::TimeoutError)) throw;
    say(loop, "expired: " + py_bool(cm->expired()));
  }
  say(loop, "task cancelling() back to " + std::to_string(loop.current_task()->cancelling()));
  co_return Value();
}

TEST(Cancellation, TimeoutCancelsTheTaskAndTurnsItIntoTimeoutError) {
  EXPECT_EQ(run_main(timeout_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ timer h#2 at=0.500000 Timeout#1._on_timeout()
[0.000000] deadline 0.5
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=2.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=2.000000
[0.000000] ~ iter 2 ready=0 timers=2
[0.000000] ~ advance to=0.500000 (timeout=0.500000)
[0.500000] ~ due h#2
[0.500000] ~ run h#2 Timeout#1._on_timeout()
[0.500000] ~ cancel Task-1 by h#2 n=1 -> sleep F#1 until=2.000000
[0.500000] ~ resolve F#1 cancelled
[0.500000] ~ soon h#4 Task-1.wakeup(F#1)
[0.500000] ~ iter 3 ready=1 timers=1
[0.500000] ~ run h#4 Task-1.wakeup(F#1)
[0.500000] ~ step Task-1 <- sleep F#1 until=2.000000 raise=CancelledError
[0.500000] ~ timer-cancel h#3 by Task-1 (in heap)
[0.500000] ~ uncancel Task-1 -> 0
[0.500000] expired: True
[0.500000] task cancelling() back to 0
[0.500000] ~ done Task-1 result=None
[0.500000] ~ soon h#5 _run_until_complete_cb(Task-1)
[0.500000] ~ iter 4 ready=1 timers=1 cancelled=1
[0.500000] ~ skip h#3 (cancelled)
[0.500000] ~ run h#5 _run_until_complete_cb(Task-1)
[0.500000] ~ run_until_complete end
[0.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.500000] ~ task+ Task-2 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.500000] ~ soon h#6 Task-2.step
[0.500000] ~ iter 5 ready=1 timers=0
[0.500000] ~ run h#6 Task-2.step
[0.500000] ~ step Task-2 start
[0.500000] ~ done Task-2 result=None
[0.500000] ~ soon h#7 _run_until_complete_cb(Task-2)
[0.500000] ~ iter 6 ready=1 timers=0
[0.500000] ~ run h#7 _run_until_complete_cb(Task-2)
[0.500000] ~ run_until_complete end
[0.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.500000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_default_executor by=-
[0.500000] ~ soon h#8 Task-3.step
[0.500000] ~ iter 7 ready=1 timers=0
[0.500000] ~ run h#8 Task-3.step
[0.500000] ~ step Task-3 start
[0.500000] ~ done Task-3 result=None
[0.500000] ~ soon h#9 _run_until_complete_cb(Task-3)
[0.500000] ~ iter 8 ready=1 timers=0
[0.500000] ~ run h#9 _run_until_complete_cb(Task-3)
[0.500000] ~ run_until_complete end
[0.500000] ~ loop close
)TRANSCRIPT"));
}

// --- caught, uncancel() ----------------------------------------------------
//   """A task may catch CancelledError and carry on; cancelling() counts the
//   requests and uncancel() takes one back."""
//   import asyncio
//
//
//   async def stubborn():
//       try:
//           await asyncio.sleep(5)
//       except asyncio.CancelledError:
//           me = asyncio.current_task()
//           print("caught cancel, cancelling() =", me.cancelling())
//           print("uncancel() ->", me.uncancel())
//       await asyncio.sleep(0.5)
//       return "finished anyway"
//
//
//   async def main():
//       t = asyncio.create_task(stubborn())
//       await asyncio.sleep(0.1)
//       t.cancel()
//       print(await t)
//       print("cancelled?", t.cancelled())
//
//
//   asyncio.run(main())
Co stubborn(EventLoop& loop) {
  try {
    co_await sleep(loop, 5);
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    Task* me = loop.current_task();
    say(loop, "caught cancel, cancelling() = " + std::to_string(me->cancelling()));
    int left = me->uncancel();
    say(loop, "uncancel() -> " + std::to_string(left));
  }
  co_await sleep(loop, 0.5);
  co_return str_value("finished anyway");
}

Co uncancel_main(EventLoop& loop) {
  Ref<Task> t = loop.create_task(coro(stubborn(loop), "stubborn", loop));
  co_await sleep(loop, 0.1);
  t->cancel();
  Value v = co_await t;
  say(loop, str(v));
  say(loop, "cancelled? " + py_bool(t->cancelled()));
  co_return Value();
}

TEST(Cancellation, ATaskThatCatchesTheCancelAndUncancelsRunsOn) {
  EXPECT_EQ(run_main(uncancel_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=stubborn by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=0.100000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=0.100000
[0.000000] ~ iter 2 ready=1 timers=1
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=5.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=5.000000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#3
[0.100000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[0.100000] ~ resolve F#1 result=None
[0.100000] ~ soon h#5 Task-1.wakeup(F#1)
[0.100000] ~ iter 4 ready=1 timers=1
[0.100000] ~ run h#5 Task-1.wakeup(F#1)
[0.100000] ~ step Task-1 <- sleep F#1 until=0.100000 result=None
[0.100000] ~ cancel Task-2 by Task-1 n=1 -> sleep F#2 until=5.000000
[0.100000] ~ resolve F#2 cancelled
[0.100000] ~ soon h#6 Task-2.wakeup(F#2)
[0.100000] ~ wait Task-1 on task Task-2
[0.100000] ~ iter 5 ready=1 timers=1
[0.100000] ~ run h#6 Task-2.wakeup(F#2)
[0.100000] ~ step Task-2 <- sleep F#2 until=5.000000 raise=CancelledError
[0.100000] ~ timer-cancel h#4 by Task-2 (in heap)
[0.100000] caught cancel, cancelling() = 1
[0.100000] ~ uncancel Task-2 -> 0
[0.100000] uncancel() -> 0
[0.100000] ~ future+ F#3 origin=sleep by=Task-2
[0.100000] ~ timer h#7 at=0.600000 _set_result_unless_cancelled(F#3, None)
[0.100000] ~ wait Task-2 on sleep F#3 until=0.600000
[0.100000] ~ iter 6 ready=0 timers=2 cancelled=1
[0.100000] ~ advance to=0.600000 (timeout=0.500000)
[0.600000] ~ due h#7
[0.600000] ~ run h#7 _set_result_unless_cancelled(F#3, None)
[0.600000] ~ resolve F#3 result=None
[0.600000] ~ soon h#8 Task-2.wakeup(F#3)
[0.600000] ~ iter 7 ready=1 timers=1 cancelled=1
[0.600000] ~ skip h#4 (cancelled)
[0.600000] ~ run h#8 Task-2.wakeup(F#3)
[0.600000] ~ step Task-2 <- sleep F#3 until=0.600000 result=None
[0.600000] ~ done Task-2 result='finished anyway'
[0.600000] ~ soon h#9 Task-1.wakeup(Task-2)
[0.600000] ~ iter 8 ready=1 timers=0
[0.600000] ~ run h#9 Task-1.wakeup(Task-2)
[0.600000] ~ step Task-1 <- task Task-2 result='finished anyway'
[0.600000] finished anyway
[0.600000] cancelled? False
[0.600000] ~ done Task-1 result=None
[0.600000] ~ soon h#10 _run_until_complete_cb(Task-1)
[0.600000] ~ iter 9 ready=1 timers=0
[0.600000] ~ run h#10 _run_until_complete_cb(Task-1)
[0.600000] ~ run_until_complete end
[0.600000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.600000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.600000] ~ soon h#11 Task-3.step
[0.600000] ~ iter 10 ready=1 timers=0
[0.600000] ~ run h#11 Task-3.step
[0.600000] ~ step Task-3 start
[0.600000] ~ done Task-3 result=None
[0.600000] ~ soon h#12 _run_until_complete_cb(Task-3)
[0.600000] ~ iter 11 ready=1 timers=0
[0.600000] ~ run h#12 _run_until_complete_cb(Task-3)
[0.600000] ~ run_until_complete end
[0.600000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.600000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_default_executor by=-
[0.600000] ~ soon h#13 Task-4.step
[0.600000] ~ iter 12 ready=1 timers=0
[0.600000] ~ run h#13 Task-4.step
[0.600000] ~ step Task-4 start
[0.600000] ~ done Task-4 result=None
[0.600000] ~ soon h#14 _run_until_complete_cb(Task-4)
[0.600000] ~ iter 13 ready=1 timers=0
[0.600000] ~ run h#14 _run_until_complete_cb(Task-4)
[0.600000] ~ run_until_complete end
[0.600000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
