// asyncio.Semaphore and BoundedSemaphore (3.11.7): each test is the C++ twin
// of the Python program in its comment and expects the oracle's transcript.
#include "engine/lib/semaphore.hpp"

#include <gtest/gtest.h>

#include "engine/lib/gather.hpp"
#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using asyncio::Semaphore;
using testing::await_;
using testing::coro;
using testing::run_main;
using testing::say;

std::string py_bool(bool b) { return b ? "True" : "False"; }

// //   import asyncio
//   async def job(sem, name):
//       try:
//           await sem.acquire()
//       except asyncio.CancelledError:
//           print(name, "cancelled")
//           return
//       print(name, "in")
//       await asyncio.sleep(1)
//       sem.release()
//       print(name, "out")
//   async def main():
//       sem = asyncio.Semaphore(2)
//       ts = [asyncio.create_task(job(sem, n)) for n in "abcde"]
//       await asyncio.sleep(0)
//       print(sem.locked())
//       ts[3].cancel()
//       await asyncio.gather(*ts)
//       b = asyncio.BoundedSemaphore(1)
//       await b.acquire()
//       b.release()
//       try:
//           b.release()
//       except ValueError as e:
//           print(e)
//       try:
//           asyncio.Semaphore(-1)
//       except ValueError as e:
//           print(e)
//   asyncio.run(main())
Co job(EventLoop& loop, Ref<Semaphore> sem, std::string name) {
  bool cancelled = false;
  try {
    co_await await_(sem->acquire());
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::CancelledError)) throw;
    cancelled = true;
  }
  if (cancelled) {
    say(loop, name + " cancelled");
    co_return Value();
  }
  say(loop, name + " in");
  co_await sleep(loop, 1);
  sem->release();
  say(loop, name + " out");
  co_return Value();
}

TEST(Semaphore, TwoSlotsServeFiveJobsInOrderAndBoundsAreChecked) {
  auto main = [](EventLoop& loop) -> Co {
    auto sem = make<Semaphore>(loop.world(), 2);
    std::vector<Value> ts;
    for (const char* n : {"a", "b", "c", "d", "e"}) {
      ts.push_back(Value::object(loop.create_task(coro(job(loop, sem, n), "job", loop))));
    }
    co_await sleep(loop, 0);
    say(loop, py_bool(sem->locked()));
    ts[3].as<Task>()->cancel();
    Ref<Future> all = gather(loop, ts);
    co_await all;
    auto b = make<Semaphore>(loop.world(), 1, true);
    co_await await_(b->acquire());
    b->release();
    try {
      b->release();
    } catch (const PyError& e) {
      say(loop, e.exc->str());
    }
    try {
      make<Semaphore>(loop.world(), -1);
    } catch (const PyError& e) {
      say(loop, e.exc->str());
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
[0.000000] ~ task+ Task-2 coro=job by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=job by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ task+ Task-4 coro=job by=Task-1
[0.000000] ~ soon h#4 Task-4.step
[0.000000] ~ task+ Task-5 coro=job by=Task-1
[0.000000] ~ soon h#5 Task-5.step
[0.000000] ~ task+ Task-6 coro=job by=Task-1
[0.000000] ~ soon h#6 Task-6.step
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#7 Task-1.step
[0.000000] ~ iter 2 ready=6 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] a in
[0.000000] ~ future+ F#1 origin=sleep by=Task-2
[0.000000] ~ timer h#8 at=1.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-2 on sleep F#1 until=1.000000
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] b in
[0.000000] ~ future+ F#2 origin=sleep by=Task-3
[0.000000] ~ timer h#9 at=1.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-3 on sleep F#2 until=1.000000
[0.000000] ~ run h#4 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#3 origin=Semaphore#1.acquire by=Task-4
[0.000000] ~ wait Task-4 on Semaphore#1.acquire F#3
[0.000000] ~ run h#5 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ future+ F#4 origin=Semaphore#1.acquire by=Task-5
[0.000000] ~ wait Task-5 on Semaphore#1.acquire F#4
[0.000000] ~ run h#6 Task-6.step
[0.000000] ~ step Task-6 start
[0.000000] ~ future+ F#5 origin=Semaphore#1.acquire by=Task-6
[0.000000] ~ wait Task-6 on Semaphore#1.acquire F#5
[0.000000] ~ run h#7 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] True
[0.000000] ~ cancel Task-5 by Task-1 n=1 -> Semaphore#1.acquire F#4
[0.000000] ~ resolve F#4 cancelled
[0.000000] ~ soon h#10 Task-5.wakeup(F#4)
[0.000000] ~ future+ F#6 origin=gather by=Task-1
[0.000000] ~ wait Task-1 on gather F#6 [Task-2, Task-3, Task-4, Task-5, Task-6]
[0.000000] ~ iter 3 ready=1 timers=2
[0.000000] ~ run h#10 Task-5.wakeup(F#4)
[0.000000] ~ step Task-5 <- Semaphore#1.acquire F#4 raise=CancelledError
[0.000000] d cancelled
[0.000000] ~ done Task-5 result=None
[0.000000] ~ soon h#11 gather._done_callback(Task-5)
[0.000000] ~ iter 4 ready=1 timers=2
[0.000000] ~ run h#11 gather._done_callback(Task-5)
[0.000000] ~ iter 5 ready=0 timers=2
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#8
[1.000000] ~ due h#9
[1.000000] ~ run h#8 _set_result_unless_cancelled(F#1, None)
[1.000000] ~ resolve F#1 result=None
[1.000000] ~ soon h#12 Task-2.wakeup(F#1)
[1.000000] ~ run h#9 _set_result_unless_cancelled(F#2, None)
[1.000000] ~ resolve F#2 result=None
[1.000000] ~ soon h#13 Task-3.wakeup(F#2)
[1.000000] ~ iter 6 ready=2 timers=0
[1.000000] ~ run h#12 Task-2.wakeup(F#1)
[1.000000] ~ step Task-2 <- sleep F#1 until=1.000000 result=None
[1.000000] ~ resolve F#3 result=True
[1.000000] ~ soon h#14 Task-4.wakeup(F#3)
[1.000000] a out
[1.000000] ~ done Task-2 result=None
[1.000000] ~ soon h#15 gather._done_callback(Task-2)
[1.000000] ~ run h#13 Task-3.wakeup(F#2)
[1.000000] ~ step Task-3 <- sleep F#2 until=1.000000 result=None
[1.000000] ~ resolve F#5 result=True
[1.000000] ~ soon h#16 Task-6.wakeup(F#5)
[1.000000] b out
[1.000000] ~ done Task-3 result=None
[1.000000] ~ soon h#17 gather._done_callback(Task-3)
[1.000000] ~ iter 7 ready=4 timers=0
[1.000000] ~ run h#14 Task-4.wakeup(F#3)
[1.000000] ~ step Task-4 <- Semaphore#1.acquire F#3 result=True
[1.000000] c in
[1.000000] ~ future+ F#7 origin=sleep by=Task-4
[1.000000] ~ timer h#18 at=2.000000 _set_result_unless_cancelled(F#7, None)
[1.000000] ~ wait Task-4 on sleep F#7 until=2.000000
[1.000000] ~ run h#15 gather._done_callback(Task-2)
[1.000000] ~ run h#16 Task-6.wakeup(F#5)
[1.000000] ~ step Task-6 <- Semaphore#1.acquire F#5 result=True
[1.000000] e in
[1.000000] ~ future+ F#8 origin=sleep by=Task-6
[1.000000] ~ timer h#19 at=2.000000 _set_result_unless_cancelled(F#8, None)
[1.000000] ~ wait Task-6 on sleep F#8 until=2.000000
[1.000000] ~ run h#17 gather._done_callback(Task-3)
[1.000000] ~ iter 8 ready=0 timers=2
[1.000000] ~ advance to=2.000000 (timeout=1.000000)
[2.000000] ~ due h#18
[2.000000] ~ due h#19
[2.000000] ~ run h#18 _set_result_unless_cancelled(F#7, None)
[2.000000] ~ resolve F#7 result=None
[2.000000] ~ soon h#20 Task-4.wakeup(F#7)
[2.000000] ~ run h#19 _set_result_unless_cancelled(F#8, None)
[2.000000] ~ resolve F#8 result=None
[2.000000] ~ soon h#21 Task-6.wakeup(F#8)
[2.000000] ~ iter 9 ready=2 timers=0
[2.000000] ~ run h#20 Task-4.wakeup(F#7)
[2.000000] ~ step Task-4 <- sleep F#7 until=2.000000 result=None
[2.000000] c out
[2.000000] ~ done Task-4 result=None
[2.000000] ~ soon h#22 gather._done_callback(Task-4)
[2.000000] ~ run h#21 Task-6.wakeup(F#8)
[2.000000] ~ step Task-6 <- sleep F#8 until=2.000000 result=None
[2.000000] e out
[2.000000] ~ done Task-6 result=None
[2.000000] ~ soon h#23 gather._done_callback(Task-6)
[2.000000] ~ iter 10 ready=2 timers=0
[2.000000] ~ run h#22 gather._done_callback(Task-4)
[2.000000] ~ run h#23 gather._done_callback(Task-6)
[2.000000] ~ resolve F#6 result=[None, None, None, None, None]
[2.000000] ~ soon h#24 Task-1.wakeup(F#6)
[2.000000] ~ iter 11 ready=1 timers=0
[2.000000] ~ run h#24 Task-1.wakeup(F#6)
[2.000000] ~ step Task-1 <- gather F#6 [Task-2, Task-3, Task-4, Task-5, Task-6] result=[None, None, None, None, None]
[2.000000] BoundedSemaphore released too many times
[2.000000] Semaphore initial value must be >= 0
[2.000000] ~ done Task-1 result=None
[2.000000] ~ soon h#25 _run_until_complete_cb(Task-1)
[2.000000] ~ iter 12 ready=1 timers=0
[2.000000] ~ run h#25 _run_until_complete_cb(Task-1)
[2.000000] ~ run_until_complete end
[2.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[2.000000] ~ task+ Task-7 coro=BaseEventLoop.shutdown_asyncgens by=-
[2.000000] ~ soon h#26 Task-7.step
[2.000000] ~ iter 13 ready=1 timers=0
[2.000000] ~ run h#26 Task-7.step
[2.000000] ~ step Task-7 start
[2.000000] ~ done Task-7 result=None
[2.000000] ~ soon h#27 _run_until_complete_cb(Task-7)
[2.000000] ~ iter 14 ready=1 timers=0
[2.000000] ~ run h#27 _run_until_complete_cb(Task-7)
[2.000000] ~ run_until_complete end
[2.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[2.000000] ~ task+ Task-8 coro=BaseEventLoop.shutdown_default_executor by=-
[2.000000] ~ soon h#28 Task-8.step
[2.000000] ~ iter 15 ready=1 timers=0
[2.000000] ~ run h#28 Task-8.step
[2.000000] ~ step Task-8 start
[2.000000] ~ done Task-8 result=None
[2.000000] ~ soon h#29 _run_until_complete_cb(Task-8)
[2.000000] ~ iter 16 ready=1 timers=0
[2.000000] ~ run h#29 _run_until_complete_cb(Task-8)
[2.000000] ~ run_until_complete end
[2.000000] ~ loop close
)TRANSCRIPT"));
}

// //   import asyncio
//   async def job(sem, name):
//       try:
//           await sem.acquire()
//           print(name, "in")
//       except asyncio.CancelledError:
//           print(name, "cancelled")
//   async def main():
//       sem = asyncio.Semaphore(0)
//       a = asyncio.create_task(job(sem, "a"))
//       b = asyncio.create_task(job(sem, "b"))
//       await asyncio.sleep(0)
//       sem.release()
//       a.cancel()
//       await asyncio.sleep(0)
//       await asyncio.sleep(0)
//       print(sem.locked())
//   asyncio.run(main())
Co job2(EventLoop& loop, Ref<Semaphore> sem, std::string name) {
  try {
    co_await await_(sem->acquire());
    say(loop, name + " in");
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::CancelledError)) throw;
    say(loop, name + " cancelled");
  }
  co_return Value();
}

TEST(Semaphore, AWaiterCancelledAfterBeingWokenPassesItsSlotOn) {
  auto main = [](EventLoop& loop) -> Co {
    auto sem = make<Semaphore>(loop.world(), 0);
    Ref<Task> a = loop.create_task(coro(job2(loop, sem, "a"), "job", loop));
    Ref<Task> b = loop.create_task(coro(job2(loop, sem, "b"), "job", loop));
    co_await sleep(loop, 0);
    sem->release();
    a->cancel();
    co_await sleep(loop, 0);
    co_await sleep(loop, 0);
    say(loop, py_bool(sem->locked()));
    co_return Value();
  };
  EXPECT_EQ(run_main(main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=job by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=job by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#4 Task-1.step
[0.000000] ~ iter 2 ready=3 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#1 origin=Semaphore#1.acquire by=Task-2
[0.000000] ~ wait Task-2 on Semaphore#1.acquire F#1
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#2 origin=Semaphore#1.acquire by=Task-3
[0.000000] ~ wait Task-3 on Semaphore#1.acquire F#2
[0.000000] ~ run h#4 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ resolve F#1 result=True
[0.000000] ~ soon h#5 Task-2.wakeup(F#1)
[0.000000] ~ cancel Task-2 by Task-1 n=1 must_cancel
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#6 Task-1.step
[0.000000] ~ iter 3 ready=2 timers=0
[0.000000] ~ run h#5 Task-2.wakeup(F#1)
[0.000000] ~ step Task-2 <- cancel (must_cancel)
[0.000000] ~ resolve F#2 result=True
[0.000000] ~ soon h#7 Task-3.wakeup(F#2)
[0.000000] a cancelled
[0.000000] ~ done Task-2 result=None
[0.000000] ~ run h#6 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#8 Task-1.step
[0.000000] ~ iter 4 ready=2 timers=0
[0.000000] ~ run h#7 Task-3.wakeup(F#2)
[0.000000] ~ step Task-3 <- Semaphore#1.acquire F#2 result=True
[0.000000] b in
[0.000000] ~ done Task-3 result=None
[0.000000] ~ run h#8 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] True
[0.000000] ~ done Task-1 result=None
[0.000000] ~ soon h#9 _run_until_complete_cb(Task-1)
[0.000000] ~ iter 5 ready=1 timers=0
[0.000000] ~ run h#9 _run_until_complete_cb(Task-1)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.000000] ~ soon h#10 Task-4.step
[0.000000] ~ iter 6 ready=1 timers=0
[0.000000] ~ run h#10 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ done Task-4 result=None
[0.000000] ~ soon h#11 _run_until_complete_cb(Task-4)
[0.000000] ~ iter 7 ready=1 timers=0
[0.000000] ~ run h#11 _run_until_complete_cb(Task-4)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[0.000000] ~ soon h#12 Task-5.step
[0.000000] ~ iter 8 ready=1 timers=0
[0.000000] ~ run h#12 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ done Task-5 result=None
[0.000000] ~ soon h#13 _run_until_complete_cb(Task-5)
[0.000000] ~ iter 9 ready=1 timers=0
[0.000000] ~ run h#13 _run_until_complete_cb(Task-5)
[0.000000] ~ run_until_complete end
[0.000000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
