// asyncio.Condition: the C++ twin of the Python program in the comment,
// expecting the CPython oracle's transcript of it, byte for byte.
#include "engine/lib/condition.hpp"

#include <gtest/gtest.h>

#include "engine/lib/gather.hpp"
#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using asyncio::Condition;
using testing::await_;
using testing::coro;
using testing::run_main;
using testing::say;

// //   import asyncio
//   items = []
//   async def consumer(cond, name):
//       await cond.acquire()
//       try:
//           v = await cond.wait_for(lambda: len(items) > 0)
//           print(name, "sees", v, items.pop())
//       finally:
//           cond.release()
//   async def waiter(cond, name):
//       await cond.acquire()
//       try:
//           await cond.wait()
//           print(name, "notified")
//       except asyncio.CancelledError:
//           print(name, "cancelled, locked:", cond.locked())
//           raise
//       finally:
//           cond.release()
//   async def main():
//       cond = asyncio.Condition()
//       c1 = asyncio.create_task(consumer(cond, "c1"))
//       w1 = asyncio.create_task(waiter(cond, "w1"))
//       w2 = asyncio.create_task(waiter(cond, "w2"))
//       await asyncio.sleep(0)
//       await cond.acquire()
//       items.append(1)
//       cond.notify(2)
//       w2.cancel()
//       await asyncio.sleep(0)
//       cond.release()
//       await asyncio.gather(c1, w1, w2, return_exceptions=True)
//       await cond.acquire()
//       cond.notify_all()
//       cond.release()
//       try:
//           cond.notify()
//       except RuntimeError as e:
//           print(e)
//   asyncio.run(main())
struct Finally {
  std::function<void()> fn;
  ~Finally() { fn(); }
};

Co consumer(EventLoop& loop, Ref<Condition> cond, std::string name, std::shared_ptr<std::vector<int>> items) {
  co_await await_(cond->acquire());
  Finally release{[cond] { cond->release(); }};
  // Named, not a temporary inside co_await: g++ 12 destroys such
  // temporaries twice.
  std::function<Value()> predicate = [items] { return Value::boolean(!items->empty()); };
  Ref<Coroutine> waiting = cond->wait_for(predicate);
  Value v = co_await await_(waiting);
  int last = items->back();
  items->pop_back();
  say(loop, name + " sees " + repr(v) + " " + std::to_string(last));
  co_return Value();
}

Co waiter(EventLoop& loop, Ref<Condition> cond, std::string name) {
  co_await await_(cond->acquire());
  Finally release{[cond] { cond->release(); }};
  try {
    co_await await_(cond->wait());
    say(loop, name + " notified");
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::CancelledError)) {
      say(loop, name + " cancelled, locked: " + (cond->locked() ? "True" : "False"));
    }
    throw;
  }
  co_return Value();
}

TEST(Condition, NotifiedWaitersReacquireTheLockInTurnEvenWhenCancelled) {
  auto main = [](EventLoop& loop) -> Co {
    auto items = std::make_shared<std::vector<int>>();
    auto cond = make<Condition>(loop.world());
    Ref<Task> c1 = loop.create_task(coro(consumer(loop, cond, "c1", items), "consumer", loop));
    Ref<Task> w1 = loop.create_task(coro(waiter(loop, cond, "w1"), "waiter", loop));
    Ref<Task> w2 = loop.create_task(coro(waiter(loop, cond, "w2"), "waiter", loop));
    co_await sleep(loop, 0);
    co_await await_(cond->acquire());
    items->push_back(1);
    cond->notify(2);
    w2->cancel();
    co_await sleep(loop, 0);
    cond->release();
    std::vector<Value> ts{Value::object(c1), Value::object(w1), Value::object(w2)};
    Ref<Future> all = gather(loop, ts, true);
    co_await all;
    co_await await_(cond->acquire());
    cond->notify_all();
    cond->release();
    try {
      cond->notify();
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
[0.000000] ~ task+ Task-2 coro=consumer by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=waiter by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ task+ Task-4 coro=waiter by=Task-1
[0.000000] ~ soon h#4 Task-4.step
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#5 Task-1.step
[0.000000] ~ iter 2 ready=4 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#1 origin=Condition#1.wait by=Task-2
[0.000000] ~ wait Task-2 on Condition#1.wait F#1
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#2 origin=Condition#1.wait by=Task-3
[0.000000] ~ wait Task-3 on Condition#1.wait F#2
[0.000000] ~ run h#4 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#3 origin=Condition#1.wait by=Task-4
[0.000000] ~ wait Task-4 on Condition#1.wait F#3
[0.000000] ~ run h#5 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ resolve F#1 result=False
[0.000000] ~ soon h#6 Task-2.wakeup(F#1)
[0.000000] ~ resolve F#2 result=False
[0.000000] ~ soon h#7 Task-3.wakeup(F#2)
[0.000000] ~ cancel Task-4 by Task-1 n=1 -> Condition#1.wait F#3
[0.000000] ~ resolve F#3 cancelled
[0.000000] ~ soon h#8 Task-4.wakeup(F#3)
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#9 Task-1.step
[0.000000] ~ iter 3 ready=4 timers=0
[0.000000] ~ run h#6 Task-2.wakeup(F#1)
[0.000000] ~ step Task-2 <- Condition#1.wait F#1 result=False
[0.000000] ~ future+ F#4 origin=Condition#1/Lock.acquire by=Task-2
[0.000000] ~ wait Task-2 on Condition#1/Lock.acquire F#4
[0.000000] ~ run h#7 Task-3.wakeup(F#2)
[0.000000] ~ step Task-3 <- Condition#1.wait F#2 result=False
[0.000000] ~ future+ F#5 origin=Condition#1/Lock.acquire by=Task-3
[0.000000] ~ wait Task-3 on Condition#1/Lock.acquire F#5
[0.000000] ~ run h#8 Task-4.wakeup(F#3)
[0.000000] ~ step Task-4 <- Condition#1.wait F#3 raise=CancelledError
[0.000000] ~ future+ F#6 origin=Condition#1/Lock.acquire by=Task-4
[0.000000] ~ wait Task-4 on Condition#1/Lock.acquire F#6
[0.000000] ~ run h#9 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ resolve F#4 result=True
[0.000000] ~ soon h#10 Task-2.wakeup(F#4)
[0.000000] ~ future+ F#7 origin=gather by=Task-1
[0.000000] ~ wait Task-1 on gather F#7 [Task-2, Task-3, Task-4]
[0.000000] ~ iter 4 ready=1 timers=0
[0.000000] ~ run h#10 Task-2.wakeup(F#4)
[0.000000] ~ step Task-2 <- Condition#1/Lock.acquire F#4 result=True
[0.000000] c1 sees True 1
[0.000000] ~ resolve F#5 result=True
[0.000000] ~ soon h#11 Task-3.wakeup(F#5)
[0.000000] ~ done Task-2 result=None
[0.000000] ~ soon h#12 gather._done_callback(Task-2)
[0.000000] ~ iter 5 ready=2 timers=0
[0.000000] ~ run h#11 Task-3.wakeup(F#5)
[0.000000] ~ step Task-3 <- Condition#1/Lock.acquire F#5 result=True
[0.000000] w1 notified
[0.000000] ~ resolve F#6 result=True
[0.000000] ~ soon h#13 Task-4.wakeup(F#6)
[0.000000] ~ done Task-3 result=None
[0.000000] ~ soon h#14 gather._done_callback(Task-3)
[0.000000] ~ run h#12 gather._done_callback(Task-2)
[0.000000] ~ iter 6 ready=2 timers=0
[0.000000] ~ run h#13 Task-4.wakeup(F#6)
[0.000000] ~ step Task-4 <- Condition#1/Lock.acquire F#6 result=True
[0.000000] w2 cancelled, locked: True
[0.000000] ~ done Task-4 cancelled
[0.000000] ~ soon h#15 gather._done_callback(Task-4)
[0.000000] ~ run h#14 gather._done_callback(Task-3)
[0.000000] ~ iter 7 ready=1 timers=0
[0.000000] ~ run h#15 gather._done_callback(Task-4)
[0.000000] ~ resolve F#7 result=[None, None, <CancelledError>]
[0.000000] ~ soon h#16 Task-1.wakeup(F#7)
[0.000000] ~ iter 8 ready=1 timers=0
[0.000000] ~ run h#16 Task-1.wakeup(F#7)
[0.000000] ~ step Task-1 <- gather F#7 [Task-2, Task-3, Task-4] result=[None, None, <CancelledError>]
[0.000000] cannot notify on un-acquired lock
[0.000000] ~ done Task-1 result=None
[0.000000] ~ soon h#17 _run_until_complete_cb(Task-1)
[0.000000] ~ iter 9 ready=1 timers=0
[0.000000] ~ run h#17 _run_until_complete_cb(Task-1)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.000000] ~ soon h#18 Task-5.step
[0.000000] ~ iter 10 ready=1 timers=0
[0.000000] ~ run h#18 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ done Task-5 result=None
[0.000000] ~ soon h#19 _run_until_complete_cb(Task-5)
[0.000000] ~ iter 11 ready=1 timers=0
[0.000000] ~ run h#19 _run_until_complete_cb(Task-5)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.000000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_default_executor by=-
[0.000000] ~ soon h#20 Task-6.step
[0.000000] ~ iter 12 ready=1 timers=0
[0.000000] ~ run h#20 Task-6.step
[0.000000] ~ step Task-6 start
[0.000000] ~ done Task-6 result=None
[0.000000] ~ soon h#21 _run_until_complete_cb(Task-6)
[0.000000] ~ iter 13 ready=1 timers=0
[0.000000] ~ run h#21 _run_until_complete_cb(Task-6)
[0.000000] ~ run_until_complete end
[0.000000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
