// asyncio.timeout / timeout_at: the C++ twin of the Python program in the
// comment, expecting the CPython oracle's transcript of it, byte for byte.
#include "engine/lib/timeout.hpp"

#include <gtest/gtest.h>

#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using asyncio::Timeout;
using testing::run_main;
using testing::say;

// //   import asyncio
//   async def main():
//       try:
//           async with asyncio.timeout(1) as t:
//               await asyncio.sleep(5)
//       except TimeoutError as e:
//           print("expired", t.expired(), repr(e.__context__))
//       async with asyncio.timeout(2) as t:
//           t.reschedule(None)
//           await asyncio.sleep(3)
//           t.reschedule(asyncio.get_running_loop().time() + 1)
//           await asyncio.sleep(0.5)
//       print("in time", t.expired(), t.when())
//       try:
//           async with asyncio.timeout_at(0) as t:
//               await asyncio.sleep(1)
//       except TimeoutError:
//           print("past deadline")
//   asyncio.run(main())
TEST(Timeout, ExpiryRaisesTimeoutErrorFromTheCancellationRescheduleAndAPastDeadline) {
  auto main = [](EventLoop& loop) -> Co {
    Ref<Timeout> t = asyncio::timeout(loop, Value::integer(1));
    try {
      co_await Timeout::aenter_co(t);
      Ref<ExceptionObj> err;
      try {
        co_await sleep(loop, 5);
      } catch (const PyError& e) {
        err = e.exc;
      }
      co_await Timeout::aexit_co(t, err);
      if (err) throw PyError{err};
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::TimeoutError)) throw;
      say(loop, std::string("expired ") + (t->expired() ? "True" : "False") + " " + e.exc->context->repr());
    }

    t = asyncio::timeout(loop, Value::integer(2));
    co_await Timeout::aenter_co(t);
    {
      Ref<ExceptionObj> err;
      try {
        t->reschedule(Value());
        co_await sleep(loop, 3);
        t->reschedule(Value::real(loop.time() + 1));
        co_await sleep(loop, 0.5);
      } catch (const PyError& e) {
        err = e.exc;
      }
      co_await Timeout::aexit_co(t, err);
      if (err) throw PyError{err};
    }
    say(loop, std::string("in time ") + (t->expired() ? "True" : "False") + " " + repr(t->when()));

    t = asyncio::timeout_at(loop.world(), Value::integer(0));
    try {
      co_await Timeout::aenter_co(t);
      Ref<ExceptionObj> err;
      try {
        co_await sleep(loop, 1);
      } catch (const PyError& e) {
        err = e.exc;
      }
      co_await Timeout::aexit_co(t, err);
      if (err) throw PyError{err};
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::TimeoutError)) throw;
      say(loop, "past deadline");
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
[0.000000] ~ timer h#2 at=1.000000 Timeout#1._on_timeout()
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#3 at=5.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=5.000000
[0.000000] ~ iter 2 ready=0 timers=2
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#2
[1.000000] ~ run h#2 Timeout#1._on_timeout()
[1.000000] ~ cancel Task-1 by h#2 n=1 -> sleep F#1 until=5.000000
[1.000000] ~ resolve F#1 cancelled
[1.000000] ~ soon h#4 Task-1.wakeup(F#1)
[1.000000] ~ iter 3 ready=1 timers=1
[1.000000] ~ run h#4 Task-1.wakeup(F#1)
[1.000000] ~ step Task-1 <- sleep F#1 until=5.000000 raise=CancelledError
[1.000000] ~ timer-cancel h#3 by Task-1 (in heap)
[1.000000] ~ uncancel Task-1 -> 0
[1.000000] expired True CancelledError()
[1.000000] ~ timer h#5 at=3.000000 Timeout#2._on_timeout()
[1.000000] ~ timer-cancel h#5 by Task-1 (in heap)
[1.000000] ~ future+ F#2 origin=sleep by=Task-1
[1.000000] ~ timer h#6 at=4.000000 _set_result_unless_cancelled(F#2, None)
[1.000000] ~ wait Task-1 on sleep F#2 until=4.000000
[1.000000] ~ iter 4 ready=0 timers=3 cancelled=2
[1.000000] ~ skip h#5 (cancelled)
[1.000000] ~ advance to=4.000000 (timeout=3.000000)
[4.000000] ~ due h#6
[4.000000] ~ run h#6 _set_result_unless_cancelled(F#2, None)
[4.000000] ~ resolve F#2 result=None
[4.000000] ~ soon h#7 Task-1.wakeup(F#2)
[4.000000] ~ iter 5 ready=1 timers=1 cancelled=1
[4.000000] ~ skip h#3 (cancelled)
[4.000000] ~ run h#7 Task-1.wakeup(F#2)
[4.000000] ~ step Task-1 <- sleep F#2 until=4.000000 result=None
[4.000000] ~ timer h#8 at=5.000000 Timeout#2._on_timeout()
[4.000000] ~ future+ F#3 origin=sleep by=Task-1
[4.000000] ~ timer h#9 at=4.500000 _set_result_unless_cancelled(F#3, None)
[4.000000] ~ wait Task-1 on sleep F#3 until=4.500000
[4.000000] ~ iter 6 ready=0 timers=2
[4.000000] ~ advance to=4.500000 (timeout=0.500000)
[4.500000] ~ due h#9
[4.500000] ~ run h#9 _set_result_unless_cancelled(F#3, None)
[4.500000] ~ resolve F#3 result=None
[4.500000] ~ soon h#10 Task-1.wakeup(F#3)
[4.500000] ~ iter 7 ready=1 timers=1
[4.500000] ~ run h#10 Task-1.wakeup(F#3)
[4.500000] ~ step Task-1 <- sleep F#3 until=4.500000 result=None
[4.500000] ~ timer-cancel h#8 by Task-1 (in heap)
[4.500000] in time False 5.0
[4.500000] ~ soon h#11 Timeout#3._on_timeout()
[4.500000] ~ future+ F#4 origin=sleep by=Task-1
[4.500000] ~ timer h#12 at=5.500000 _set_result_unless_cancelled(F#4, None)
[4.500000] ~ wait Task-1 on sleep F#4 until=5.500000
[4.500000] ~ iter 8 ready=1 timers=2 cancelled=1
[4.500000] ~ skip h#8 (cancelled)
[4.500000] ~ run h#11 Timeout#3._on_timeout()
[4.500000] ~ cancel Task-1 by h#11 n=1 -> sleep F#4 until=5.500000
[4.500000] ~ resolve F#4 cancelled
[4.500000] ~ soon h#13 Task-1.wakeup(F#4)
[4.500000] ~ iter 9 ready=1 timers=1
[4.500000] ~ run h#13 Task-1.wakeup(F#4)
[4.500000] ~ step Task-1 <- sleep F#4 until=5.500000 raise=CancelledError
[4.500000] ~ timer-cancel h#12 by Task-1 (in heap)
[4.500000] ~ uncancel Task-1 -> 0
[4.500000] past deadline
[4.500000] ~ done Task-1 result=None
[4.500000] ~ soon h#14 _run_until_complete_cb(Task-1)
[4.500000] ~ iter 10 ready=1 timers=1 cancelled=1
[4.500000] ~ skip h#12 (cancelled)
[4.500000] ~ run h#14 _run_until_complete_cb(Task-1)
[4.500000] ~ run_until_complete end
[4.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[4.500000] ~ task+ Task-2 coro=BaseEventLoop.shutdown_asyncgens by=-
[4.500000] ~ soon h#15 Task-2.step
[4.500000] ~ iter 11 ready=1 timers=0
[4.500000] ~ run h#15 Task-2.step
[4.500000] ~ step Task-2 start
[4.500000] ~ done Task-2 result=None
[4.500000] ~ soon h#16 _run_until_complete_cb(Task-2)
[4.500000] ~ iter 12 ready=1 timers=0
[4.500000] ~ run h#16 _run_until_complete_cb(Task-2)
[4.500000] ~ run_until_complete end
[4.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[4.500000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_default_executor by=-
[4.500000] ~ soon h#17 Task-3.step
[4.500000] ~ iter 13 ready=1 timers=0
[4.500000] ~ run h#17 Task-3.step
[4.500000] ~ step Task-3 start
[4.500000] ~ done Task-3 result=None
[4.500000] ~ soon h#18 _run_until_complete_cb(Task-3)
[4.500000] ~ iter 14 ready=1 timers=0
[4.500000] ~ run h#18 _run_until_complete_cb(Task-3)
[4.500000] ~ run_until_complete end
[4.500000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
