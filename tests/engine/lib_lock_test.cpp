// asyncio.Lock (3.11.7 fairness): each test is the C++ twin of the Python
// program in its comment and expects the CPython oracle's transcript of it.
#include "engine/lib/lock.hpp"

#include <gtest/gtest.h>

#include "engine/lib/gather.hpp"
#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using asyncio::Lock;
using testing::await_;
using testing::coro;
using testing::run_main;
using testing::say;

std::string py_bool(bool b) { return b ? "True" : "False"; }

// //   import asyncio
//   async def user(lock, name, hold):
//       try:
//           await lock.acquire()
//       except asyncio.CancelledError:
//           print(name, "cancelled while waiting")
//           raise
//       try:
//           print(name, "has the lock")
//           await asyncio.sleep(hold)
//       finally:
//           lock.release()
//           print(name, "released")
//   async def main():
//       lock = asyncio.Lock()
//       a = asyncio.create_task(user(lock, "a", 1))
//       b = asyncio.create_task(user(lock, "b", 1))
//       c = asyncio.create_task(user(lock, "c", 1))
//       d = asyncio.create_task(user(lock, "d", 1))
//       await asyncio.sleep(0)
//       b.cancel()
//       await asyncio.sleep(1.5)
//       print(lock.locked())
//       await asyncio.gather(a, b, c, d, return_exceptions=True)
//       try:
//           lock.release()
//       except RuntimeError as e:
//           print(e)
//   asyncio.run(main())
Co user(EventLoop& loop, Ref<Lock> lock, std::string name, double hold) {
  try {
    co_await await_(lock->acquire());
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::CancelledError)) say(loop, name + " cancelled while waiting");
    throw;
  }
  struct Finally {
    EventLoop& loop;
    Ref<Lock> lock;
    std::string name;
    ~Finally() {
      lock->release();
      say(loop, name + " released");
    }
  } finally{loop, lock, name};
  say(loop, name + " has the lock");
  co_await sleep(loop, hold);
  co_return Value();
}

TEST(Lock, WaitersGetTheLockInArrivalOrderAndACancelledWaiterIsSkipped) {
  auto main = [](EventLoop& loop) -> Co {
    auto lock = make<Lock>(loop.world());
    std::vector<Value> ts;
    for (const char* n : {"a", "b", "c", "d"}) {
      ts.push_back(Value::object(loop.create_task(coro(user(loop, lock, n, 1), "user", loop))));
    }
    co_await sleep(loop, 0);
    ts[1].as<Task>()->cancel();
    co_await sleep(loop, 1.5);
    say(loop, py_bool(lock->locked()));
    Ref<Future> all = gather(loop, ts, true);
    co_await all;
    try {
      lock->release();
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
[0.000000] ~ task+ Task-2 coro=user by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=user by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ task+ Task-4 coro=user by=Task-1
[0.000000] ~ soon h#4 Task-4.step
[0.000000] ~ task+ Task-5 coro=user by=Task-1
[0.000000] ~ soon h#5 Task-5.step
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#6 Task-1.step
[0.000000] ~ iter 2 ready=5 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] a has the lock
[0.000000] ~ future+ F#1 origin=sleep by=Task-2
[0.000000] ~ timer h#7 at=1.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-2 on sleep F#1 until=1.000000
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#2 origin=Lock#1.acquire by=Task-3
[0.000000] ~ wait Task-3 on Lock#1.acquire F#2
[0.000000] ~ run h#4 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#3 origin=Lock#1.acquire by=Task-4
[0.000000] ~ wait Task-4 on Lock#1.acquire F#3
[0.000000] ~ run h#5 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ future+ F#4 origin=Lock#1.acquire by=Task-5
[0.000000] ~ wait Task-5 on Lock#1.acquire F#4
[0.000000] ~ run h#6 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ cancel Task-3 by Task-1 n=1 -> Lock#1.acquire F#2
[0.000000] ~ resolve F#2 cancelled
[0.000000] ~ soon h#8 Task-3.wakeup(F#2)
[0.000000] ~ future+ F#5 origin=sleep by=Task-1
[0.000000] ~ timer h#9 at=1.500000 _set_result_unless_cancelled(F#5, None)
[0.000000] ~ wait Task-1 on sleep F#5 until=1.500000
[0.000000] ~ iter 3 ready=1 timers=2
[0.000000] ~ run h#8 Task-3.wakeup(F#2)
[0.000000] ~ step Task-3 <- Lock#1.acquire F#2 raise=CancelledError
[0.000000] b cancelled while waiting
[0.000000] ~ done Task-3 cancelled
[0.000000] ~ iter 4 ready=0 timers=2
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#7
[1.000000] ~ run h#7 _set_result_unless_cancelled(F#1, None)
[1.000000] ~ resolve F#1 result=None
[1.000000] ~ soon h#10 Task-2.wakeup(F#1)
[1.000000] ~ iter 5 ready=1 timers=1
[1.000000] ~ run h#10 Task-2.wakeup(F#1)
[1.000000] ~ step Task-2 <- sleep F#1 until=1.000000 result=None
[1.000000] ~ resolve F#3 result=True
[1.000000] ~ soon h#11 Task-4.wakeup(F#3)
[1.000000] a released
[1.000000] ~ done Task-2 result=None
[1.000000] ~ iter 6 ready=1 timers=1
[1.000000] ~ run h#11 Task-4.wakeup(F#3)
[1.000000] ~ step Task-4 <- Lock#1.acquire F#3 result=True
[1.000000] c has the lock
[1.000000] ~ future+ F#6 origin=sleep by=Task-4
[1.000000] ~ timer h#12 at=2.000000 _set_result_unless_cancelled(F#6, None)
[1.000000] ~ wait Task-4 on sleep F#6 until=2.000000
[1.000000] ~ iter 7 ready=0 timers=2
[1.000000] ~ advance to=1.500000 (timeout=0.500000)
[1.500000] ~ due h#9
[1.500000] ~ run h#9 _set_result_unless_cancelled(F#5, None)
[1.500000] ~ resolve F#5 result=None
[1.500000] ~ soon h#13 Task-1.wakeup(F#5)
[1.500000] ~ iter 8 ready=1 timers=1
[1.500000] ~ run h#13 Task-1.wakeup(F#5)
[1.500000] ~ step Task-1 <- sleep F#5 until=1.500000 result=None
[1.500000] True
[1.500000] ~ soon h#14 gather._done_callback(Task-2)
[1.500000] ~ soon h#15 gather._done_callback(Task-3)
[1.500000] ~ future+ F#7 origin=gather by=Task-1
[1.500000] ~ wait Task-1 on gather F#7 [Task-2, Task-3, Task-4, Task-5]
[1.500000] ~ iter 9 ready=2 timers=1
[1.500000] ~ run h#14 gather._done_callback(Task-2)
[1.500000] ~ run h#15 gather._done_callback(Task-3)
[1.500000] ~ iter 10 ready=0 timers=1
[1.500000] ~ advance to=2.000000 (timeout=0.500000)
[2.000000] ~ due h#12
[2.000000] ~ run h#12 _set_result_unless_cancelled(F#6, None)
[2.000000] ~ resolve F#6 result=None
[2.000000] ~ soon h#16 Task-4.wakeup(F#6)
[2.000000] ~ iter 11 ready=1 timers=0
[2.000000] ~ run h#16 Task-4.wakeup(F#6)
[2.000000] ~ step Task-4 <- sleep F#6 until=2.000000 result=None
[2.000000] ~ resolve F#4 result=True
[2.000000] ~ soon h#17 Task-5.wakeup(F#4)
[2.000000] c released
[2.000000] ~ done Task-4 result=None
[2.000000] ~ soon h#18 gather._done_callback(Task-4)
[2.000000] ~ iter 12 ready=2 timers=0
[2.000000] ~ run h#17 Task-5.wakeup(F#4)
[2.000000] ~ step Task-5 <- Lock#1.acquire F#4 result=True
[2.000000] d has the lock
[2.000000] ~ future+ F#8 origin=sleep by=Task-5
[2.000000] ~ timer h#19 at=3.000000 _set_result_unless_cancelled(F#8, None)
[2.000000] ~ wait Task-5 on sleep F#8 until=3.000000
[2.000000] ~ run h#18 gather._done_callback(Task-4)
[2.000000] ~ iter 13 ready=0 timers=1
[2.000000] ~ advance to=3.000000 (timeout=1.000000)
[3.000000] ~ due h#19
[3.000000] ~ run h#19 _set_result_unless_cancelled(F#8, None)
[3.000000] ~ resolve F#8 result=None
[3.000000] ~ soon h#20 Task-5.wakeup(F#8)
[3.000000] ~ iter 14 ready=1 timers=0
[3.000000] ~ run h#20 Task-5.wakeup(F#8)
[3.000000] ~ step Task-5 <- sleep F#8 until=3.000000 result=None
[3.000000] d released
[3.000000] ~ done Task-5 result=None
[3.000000] ~ soon h#21 gather._done_callback(Task-5)
[3.000000] ~ iter 15 ready=1 timers=0
[3.000000] ~ run h#21 gather._done_callback(Task-5)
[3.000000] ~ resolve F#7 result=[None, <CancelledError>, None, None]
[3.000000] ~ soon h#22 Task-1.wakeup(F#7)
[3.000000] ~ iter 16 ready=1 timers=0
[3.000000] ~ run h#22 Task-1.wakeup(F#7)
[3.000000] ~ step Task-1 <- gather F#7 [Task-2, Task-3, Task-4, Task-5] result=[None, <CancelledError>, None, None]
[3.000000] Lock is not acquired.
[3.000000] ~ done Task-1 result=None
[3.000000] ~ soon h#23 _run_until_complete_cb(Task-1)
[3.000000] ~ iter 17 ready=1 timers=0
[3.000000] ~ run h#23 _run_until_complete_cb(Task-1)
[3.000000] ~ run_until_complete end
[3.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[3.000000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_asyncgens by=-
[3.000000] ~ soon h#24 Task-6.step
[3.000000] ~ iter 18 ready=1 timers=0
[3.000000] ~ run h#24 Task-6.step
[3.000000] ~ step Task-6 start
[3.000000] ~ done Task-6 result=None
[3.000000] ~ soon h#25 _run_until_complete_cb(Task-6)
[3.000000] ~ iter 19 ready=1 timers=0
[3.000000] ~ run h#25 _run_until_complete_cb(Task-6)
[3.000000] ~ run_until_complete end
[3.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[3.000000] ~ task+ Task-7 coro=BaseEventLoop.shutdown_default_executor by=-
[3.000000] ~ soon h#26 Task-7.step
[3.000000] ~ iter 20 ready=1 timers=0
[3.000000] ~ run h#26 Task-7.step
[3.000000] ~ step Task-7 start
[3.000000] ~ done Task-7 result=None
[3.000000] ~ soon h#27 _run_until_complete_cb(Task-7)
[3.000000] ~ iter 21 ready=1 timers=0
[3.000000] ~ run h#27 _run_until_complete_cb(Task-7)
[3.000000] ~ run_until_complete end
[3.000000] ~ loop close
)TRANSCRIPT"));
}

// //   import asyncio
//   async def user(lock, name):
//       try:
//           await lock.acquire()
//           print(name, "acquired")
//           lock.release()
//       except asyncio.CancelledError:
//           print(name, "cancelled")
//   async def main():
//       lock = asyncio.Lock()
//       await lock.acquire()
//       a = asyncio.create_task(user(lock, "a"))
//       b = asyncio.create_task(user(lock, "b"))
//       await asyncio.sleep(0)
//       lock.release()
//       a.cancel()
//       await asyncio.sleep(0)
//       await asyncio.sleep(0)
//       print(lock.locked())
//   asyncio.run(main())
Co user2(EventLoop& loop, Ref<Lock> lock, std::string name) {
  try {
    co_await await_(lock->acquire());
    say(loop, name + " acquired");
    lock->release();
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::CancelledError)) throw;
    say(loop, name + " cancelled");
  }
  co_return Value();
}

TEST(Lock, AWaiterCancelledAfterBeingWokenHandsTheLockToTheNextWaiter) {
  auto main = [](EventLoop& loop) -> Co {
    auto lock = make<Lock>(loop.world());
    co_await await_(lock->acquire());
    Ref<Task> a = loop.create_task(coro(user2(loop, lock, "a"), "user", loop));
    Ref<Task> b = loop.create_task(coro(user2(loop, lock, "b"), "user", loop));
    co_await sleep(loop, 0);
    lock->release();
    a->cancel();
    co_await sleep(loop, 0);
    co_await sleep(loop, 0);
    say(loop, py_bool(lock->locked()));
    co_return Value();
  };
  EXPECT_EQ(run_main(main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=user by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=user by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#4 Task-1.step
[0.000000] ~ iter 2 ready=3 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#1 origin=Lock#1.acquire by=Task-2
[0.000000] ~ wait Task-2 on Lock#1.acquire F#1
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#2 origin=Lock#1.acquire by=Task-3
[0.000000] ~ wait Task-3 on Lock#1.acquire F#2
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
[0.000000] ~ step Task-3 <- Lock#1.acquire F#2 result=True
[0.000000] b acquired
[0.000000] ~ done Task-3 result=None
[0.000000] ~ run h#8 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] False
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
