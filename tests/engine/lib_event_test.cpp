// asyncio.Event: each test is the C++ twin of the Python program in its
// comment and expects the CPython oracle's transcript of it, byte for byte.
#include "engine/lib/event.hpp"

#include <gtest/gtest.h>

#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using asyncio::Event;
using testing::await_;
using testing::coro;
using testing::run_main;
using testing::say;

std::string py_bool(bool b) { return b ? "True" : "False"; }

// //   import asyncio
//   async def waiter(ev, name):
//       try:
//           r = await ev.wait()
//           print(name, "woke", r)
//       except asyncio.CancelledError:
//           print(name, "cancelled")
//   async def main():
//       ev = asyncio.Event()
//       ts = [asyncio.create_task(waiter(ev, n)) for n in "abc"]
//       await asyncio.sleep(0)
//       ts[1].cancel()
//       await asyncio.sleep(0)
//       ev.set()
//       print(ev.is_set())
//       ev.set()
//       await asyncio.sleep(0)
//       ev.clear()
//       print(ev.is_set())
//       ev.set()
//       print(await ev.wait())
//   asyncio.run(main())
Co waiter(EventLoop& loop, Ref<Event> ev, std::string name) {
  try {
    Value r = co_await await_(ev->wait());
    say(loop, name + " woke " + repr(r));
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::CancelledError)) throw;
    say(loop, name + " cancelled");
  }
  co_return Value();
}

TEST(Event, SetWakesEveryWaiterButTheCancelledOneAndASetEventDoesNotBlock) {
  auto main = [](EventLoop& loop) -> Co {
    auto ev = make<Event>(loop.world());
    std::vector<Ref<Task>> ts;
    for (const char* n : {"a", "b", "c"}) ts.push_back(loop.create_task(coro(waiter(loop, ev, n), "waiter", loop)));
    co_await sleep(loop, 0);
    ts[1]->cancel();
    co_await sleep(loop, 0);
    ev->set();
    say(loop, py_bool(ev->is_set()));
    ev->set();
    co_await sleep(loop, 0);
    ev->clear();
    say(loop, py_bool(ev->is_set()));
    ev->set();
    Value r = co_await await_(ev->wait());
    say(loop, repr(r));
    co_return Value();
  };
  EXPECT_EQ(run_main(main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=waiter by=Task-1
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
[0.000000] ~ future+ F#1 origin=Event#1.wait by=Task-2
[0.000000] ~ wait Task-2 on Event#1.wait F#1
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#2 origin=Event#1.wait by=Task-3
[0.000000] ~ wait Task-3 on Event#1.wait F#2
[0.000000] ~ run h#4 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#3 origin=Event#1.wait by=Task-4
[0.000000] ~ wait Task-4 on Event#1.wait F#3
[0.000000] ~ run h#5 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ cancel Task-3 by Task-1 n=1 -> Event#1.wait F#2
[0.000000] ~ resolve F#2 cancelled
[0.000000] ~ soon h#6 Task-3.wakeup(F#2)
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#7 Task-1.step
[0.000000] ~ iter 3 ready=2 timers=0
[0.000000] ~ run h#6 Task-3.wakeup(F#2)
[0.000000] ~ step Task-3 <- Event#1.wait F#2 raise=CancelledError
[0.000000] b cancelled
[0.000000] ~ done Task-3 result=None
[0.000000] ~ run h#7 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ resolve F#1 result=True
[0.000000] ~ soon h#8 Task-2.wakeup(F#1)
[0.000000] ~ resolve F#3 result=True
[0.000000] ~ soon h#9 Task-4.wakeup(F#3)
[0.000000] True
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#10 Task-1.step
[0.000000] ~ iter 4 ready=3 timers=0
[0.000000] ~ run h#8 Task-2.wakeup(F#1)
[0.000000] ~ step Task-2 <- Event#1.wait F#1 result=True
[0.000000] a woke True
[0.000000] ~ done Task-2 result=None
[0.000000] ~ run h#9 Task-4.wakeup(F#3)
[0.000000] ~ step Task-4 <- Event#1.wait F#3 result=True
[0.000000] c woke True
[0.000000] ~ done Task-4 result=None
[0.000000] ~ run h#10 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] False
[0.000000] True
[0.000000] ~ done Task-1 result=None
[0.000000] ~ soon h#11 _run_until_complete_cb(Task-1)
[0.000000] ~ iter 5 ready=1 timers=0
[0.000000] ~ run h#11 _run_until_complete_cb(Task-1)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.000000] ~ soon h#12 Task-5.step
[0.000000] ~ iter 6 ready=1 timers=0
[0.000000] ~ run h#12 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ done Task-5 result=None
[0.000000] ~ soon h#13 _run_until_complete_cb(Task-5)
[0.000000] ~ iter 7 ready=1 timers=0
[0.000000] ~ run h#13 _run_until_complete_cb(Task-5)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.000000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_default_executor by=-
[0.000000] ~ soon h#14 Task-6.step
[0.000000] ~ iter 8 ready=1 timers=0
[0.000000] ~ run h#14 Task-6.step
[0.000000] ~ step Task-6 start
[0.000000] ~ done Task-6 result=None
[0.000000] ~ soon h#15 _run_until_complete_cb(Task-6)
[0.000000] ~ iter 9 ready=1 timers=0
[0.000000] ~ run h#15 _run_until_complete_cb(Task-6)
[0.000000] ~ run_until_complete end
[0.000000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
