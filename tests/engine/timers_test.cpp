// Timer ties (FIFO by default, raw heapq order with RunOptions::heap_ties)
// and the heap's handling of cancelled timers (kept until they reach the
// head; purged in one go past 100 timers with more than half cancelled).
// Each test is the C++ twin of the corpus program in its comment and
// expects the CPython oracle's transcript.
#include <gtest/gtest.h>

#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using testing::run_main;
using testing::say;

std::string print_text(const std::string& what, int i) {
  return "print('" + what + "', " + std::to_string(i) + ")";
}

//   """Six timers with the same deadline fire in creation order (FIFO): ties
//   are broken by creation number (see TRACE_FORMAT.md, timer ties)."""
//   import asyncio
//
//
//   async def main():
//       loop = asyncio.get_running_loop()
//       for i in range(6):
//           loop.call_at(1.0, print, "timer", i)
//       await asyncio.sleep(2)
//
//
//   asyncio.run(main())
Co six_ties(EventLoop& loop) {
  for (int i = 0; i < 6; ++i) {
    loop.call_at(1.0, [&loop, i] { say(loop, "timer " + std::to_string(i)); }, print_text("timer", i));
  }
  co_await sleep(loop, 2);
  co_return Value();
}

TEST(Timers, EqualDeadlinesFireInCreationOrderByDefault) {
  EXPECT_EQ(run_main(six_ties), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ timer h#2 at=1.000000 print('timer', 0)
[0.000000] ~ timer h#3 at=1.000000 print('timer', 1)
[0.000000] ~ timer h#4 at=1.000000 print('timer', 2)
[0.000000] ~ timer h#5 at=1.000000 print('timer', 3)
[0.000000] ~ timer h#6 at=1.000000 print('timer', 4)
[0.000000] ~ timer h#7 at=1.000000 print('timer', 5)
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#8 at=2.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=2.000000
[0.000000] ~ iter 2 ready=0 timers=7
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#2
[1.000000] ~ due h#3
[1.000000] ~ due h#4
[1.000000] ~ due h#5
[1.000000] ~ due h#6
[1.000000] ~ due h#7
[1.000000] ~ run h#2 print('timer', 0)
[1.000000] timer 0
[1.000000] ~ run h#3 print('timer', 1)
[1.000000] timer 1
[1.000000] ~ run h#4 print('timer', 2)
[1.000000] timer 2
[1.000000] ~ run h#5 print('timer', 3)
[1.000000] timer 3
[1.000000] ~ run h#6 print('timer', 4)
[1.000000] timer 4
[1.000000] ~ run h#7 print('timer', 5)
[1.000000] timer 5
[1.000000] ~ iter 3 ready=0 timers=1
[1.000000] ~ advance to=2.000000 (timeout=1.000000)
[2.000000] ~ due h#8
[2.000000] ~ run h#8 _set_result_unless_cancelled(F#1, None)
[2.000000] ~ resolve F#1 result=None
[2.000000] ~ soon h#9 Task-1.wakeup(F#1)
[2.000000] ~ iter 4 ready=1 timers=0
[2.000000] ~ run h#9 Task-1.wakeup(F#1)
[2.000000] ~ step Task-1 <- sleep F#1 until=2.000000 result=None
[2.000000] ~ done Task-1 result=None
[2.000000] ~ soon h#10 _run_until_complete_cb(Task-1)
[2.000000] ~ iter 5 ready=1 timers=0
[2.000000] ~ run h#10 _run_until_complete_cb(Task-1)
[2.000000] ~ run_until_complete end
[2.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[2.000000] ~ task+ Task-2 coro=BaseEventLoop.shutdown_asyncgens by=-
[2.000000] ~ soon h#11 Task-2.step
[2.000000] ~ iter 6 ready=1 timers=0
[2.000000] ~ run h#11 Task-2.step
[2.000000] ~ step Task-2 start
[2.000000] ~ done Task-2 result=None
[2.000000] ~ soon h#12 _run_until_complete_cb(Task-2)
[2.000000] ~ iter 7 ready=1 timers=0
[2.000000] ~ run h#12 _run_until_complete_cb(Task-2)
[2.000000] ~ run_until_complete end
[2.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[2.000000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_default_executor by=-
[2.000000] ~ soon h#13 Task-3.step
[2.000000] ~ iter 8 ready=1 timers=0
[2.000000] ~ run h#13 Task-3.step
[2.000000] ~ step Task-3 start
[2.000000] ~ done Task-3 result=None
[2.000000] ~ soon h#14 _run_until_complete_cb(Task-3)
[2.000000] ~ iter 9 ready=1 timers=0
[2.000000] ~ run h#14 _run_until_complete_cb(Task-3)
[2.000000] ~ run_until_complete end
[2.000000] ~ loop close
)TRANSCRIPT"));
}

// The same program with --heap-ties: 0, 2, 5, 1, 3, 4.
TEST(Timers, HeapTiesFireInRawHeapqOrder) {
  RunOptions o;
  o.heap_ties = true;
  EXPECT_EQ(run_main(six_ties, o), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ timer h#2 at=1.000000 print('timer', 0)
[0.000000] ~ timer h#3 at=1.000000 print('timer', 1)
[0.000000] ~ timer h#4 at=1.000000 print('timer', 2)
[0.000000] ~ timer h#5 at=1.000000 print('timer', 3)
[0.000000] ~ timer h#6 at=1.000000 print('timer', 4)
[0.000000] ~ timer h#7 at=1.000000 print('timer', 5)
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#8 at=2.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=2.000000
[0.000000] ~ iter 2 ready=0 timers=7
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#2
[1.000000] ~ due h#4
[1.000000] ~ due h#7
[1.000000] ~ due h#3
[1.000000] ~ due h#5
[1.000000] ~ due h#6
[1.000000] ~ run h#2 print('timer', 0)
[1.000000] timer 0
[1.000000] ~ run h#4 print('timer', 2)
[1.000000] timer 2
[1.000000] ~ run h#7 print('timer', 5)
[1.000000] timer 5
[1.000000] ~ run h#3 print('timer', 1)
[1.000000] timer 1
[1.000000] ~ run h#5 print('timer', 3)
[1.000000] timer 3
[1.000000] ~ run h#6 print('timer', 4)
[1.000000] timer 4
[1.000000] ~ iter 3 ready=0 timers=1
[1.000000] ~ advance to=2.000000 (timeout=1.000000)
[2.000000] ~ due h#8
[2.000000] ~ run h#8 _set_result_unless_cancelled(F#1, None)
[2.000000] ~ resolve F#1 result=None
[2.000000] ~ soon h#9 Task-1.wakeup(F#1)
[2.000000] ~ iter 4 ready=1 timers=0
[2.000000] ~ run h#9 Task-1.wakeup(F#1)
[2.000000] ~ step Task-1 <- sleep F#1 until=2.000000 result=None
[2.000000] ~ done Task-1 result=None
[2.000000] ~ soon h#10 _run_until_complete_cb(Task-1)
[2.000000] ~ iter 5 ready=1 timers=0
[2.000000] ~ run h#10 _run_until_complete_cb(Task-1)
[2.000000] ~ run_until_complete end
[2.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[2.000000] ~ task+ Task-2 coro=BaseEventLoop.shutdown_asyncgens by=-
[2.000000] ~ soon h#11 Task-2.step
[2.000000] ~ iter 6 ready=1 timers=0
[2.000000] ~ run h#11 Task-2.step
[2.000000] ~ step Task-2 start
[2.000000] ~ done Task-2 result=None
[2.000000] ~ soon h#12 _run_until_complete_cb(Task-2)
[2.000000] ~ iter 7 ready=1 timers=0
[2.000000] ~ run h#12 _run_until_complete_cb(Task-2)
[2.000000] ~ run_until_complete end
[2.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[2.000000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_default_executor by=-
[2.000000] ~ soon h#13 Task-3.step
[2.000000] ~ iter 8 ready=1 timers=0
[2.000000] ~ run h#13 Task-3.step
[2.000000] ~ step Task-3 start
[2.000000] ~ done Task-3 result=None
[2.000000] ~ soon h#14 _run_until_complete_cb(Task-3)
[2.000000] ~ iter 9 ready=1 timers=0
[2.000000] ~ run h#14 _run_until_complete_cb(Task-3)
[2.000000] ~ run_until_complete end
[2.000000] ~ loop close
)TRANSCRIPT"));
}

//   """A cancelled timer stays in the heap until it reaches the head."""
//   import asyncio
//
//
//   async def main():
//       loop = asyncio.get_running_loop()
//       a = loop.call_later(1, print, "a")
//       b = loop.call_later(2, print, "b")
//       loop.call_later(3, print, "c")
//       b.cancel()
//       await asyncio.sleep(0)
//       a.cancel()
//       await asyncio.sleep(0)
//       print("a was at the head and is gone, b is next")
//       await asyncio.sleep(5)
//
//
//   asyncio.run(main())
Co cancelled_head(EventLoop& loop) {
  Ref<Handle> a = loop.call_later(1, [&loop] { say(loop, "a"); }, "print('a')");
  Ref<Handle> b = loop.call_later(2, [&loop] { say(loop, "b"); }, "print('b')");
  loop.call_later(3, [&loop] { say(loop, "c"); }, "print('c')");
  b->cancel();
  co_await sleep(loop, 0);
  a->cancel();
  co_await sleep(loop, 0);
  say(loop, "a was at the head and is gone, b is next");
  co_await sleep(loop, 5);
  co_return Value();
}

TEST(Timers, ACancelledTimerStaysInTheHeapUntilItReachesTheHead) {
  EXPECT_EQ(run_main(cancelled_head), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ timer h#2 at=1.000000 print('a')
[0.000000] ~ timer h#3 at=2.000000 print('b')
[0.000000] ~ timer h#4 at=3.000000 print('c')
[0.000000] ~ timer-cancel h#3 by Task-1 (in heap)
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#5 Task-1.step
[0.000000] ~ iter 2 ready=1 timers=3 cancelled=1
[0.000000] ~ run h#5 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ timer-cancel h#2 by Task-1 (in heap)
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#6 Task-1.step
[0.000000] ~ iter 3 ready=1 timers=3 cancelled=2
[0.000000] ~ skip h#2 (cancelled)
[0.000000] ~ skip h#3 (cancelled)
[0.000000] ~ run h#6 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] a was at the head and is gone, b is next
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#7 at=5.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=5.000000
[0.000000] ~ iter 4 ready=0 timers=2
[0.000000] ~ advance to=3.000000 (timeout=3.000000)
[3.000000] ~ due h#4
[3.000000] ~ run h#4 print('c')
[3.000000] c
[3.000000] ~ iter 5 ready=0 timers=1
[3.000000] ~ advance to=5.000000 (timeout=2.000000)
[5.000000] ~ due h#7
[5.000000] ~ run h#7 _set_result_unless_cancelled(F#1, None)
[5.000000] ~ resolve F#1 result=None
[5.000000] ~ soon h#8 Task-1.wakeup(F#1)
[5.000000] ~ iter 6 ready=1 timers=0
[5.000000] ~ run h#8 Task-1.wakeup(F#1)
[5.000000] ~ step Task-1 <- sleep F#1 until=5.000000 result=None
[5.000000] ~ done Task-1 result=None
[5.000000] ~ soon h#9 _run_until_complete_cb(Task-1)
[5.000000] ~ iter 7 ready=1 timers=0
[5.000000] ~ run h#9 _run_until_complete_cb(Task-1)
[5.000000] ~ run_until_complete end
[5.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[5.000000] ~ task+ Task-2 coro=BaseEventLoop.shutdown_asyncgens by=-
[5.000000] ~ soon h#10 Task-2.step
[5.000000] ~ iter 8 ready=1 timers=0
[5.000000] ~ run h#10 Task-2.step
[5.000000] ~ step Task-2 start
[5.000000] ~ done Task-2 result=None
[5.000000] ~ soon h#11 _run_until_complete_cb(Task-2)
[5.000000] ~ iter 9 ready=1 timers=0
[5.000000] ~ run h#11 _run_until_complete_cb(Task-2)
[5.000000] ~ run_until_complete end
[5.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[5.000000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_default_executor by=-
[5.000000] ~ soon h#12 Task-3.step
[5.000000] ~ iter 10 ready=1 timers=0
[5.000000] ~ run h#12 Task-3.step
[5.000000] ~ step Task-3 start
[5.000000] ~ done Task-3 result=None
[5.000000] ~ soon h#13 _run_until_complete_cb(Task-3)
[5.000000] ~ iter 11 ready=1 timers=0
[5.000000] ~ run h#13 _run_until_complete_cb(Task-3)
[5.000000] ~ run_until_complete end
[5.000000] ~ loop close
)TRANSCRIPT"));
}

//   """More than 100 timers and over half of them cancelled: the loop rebuilds
//   the heap in one go instead of popping cancelled timers at the head."""
//   import asyncio
//
//
//   async def main():
//       loop = asyncio.get_running_loop()
//       handles = [loop.call_later(10 + i, print, "timer", i) for i in range(120)]
//       for h in handles[:80]:
//           h.cancel()
//       print("cancelled 80 of 120")
//       await asyncio.sleep(0)
//       print("next iteration purged them")
//       for h in handles[80:118]:
//           h.cancel()
//       await asyncio.sleep(200)
//
//
//   asyncio.run(main())
Co purge(EventLoop& loop) {
  std::vector<Ref<Handle>> handles;
  for (int i = 0; i < 120; ++i) {
    handles.push_back(loop.call_later(10 + i, [&loop, i] { say(loop, "timer " + std::to_string(i)); },
                                      print_text("timer", i)));
  }
  for (int i = 0; i < 80; ++i) handles[i]->cancel();
  say(loop, "cancelled 80 of 120");
  co_await sleep(loop, 0);
  say(loop, "next iteration purged them");
  for (int i = 80; i < 118; ++i) handles[i]->cancel();
  co_await sleep(loop, 200);
  co_return Value();
}

TEST(Timers, MoreThanHundredTimersMoreThanHalfCancelledArePurgedAtOnce) {
  EXPECT_EQ(run_main(purge), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ timer h#2 at=10.000000 print('timer', 0)
[0.000000] ~ timer h#3 at=11.000000 print('timer', 1)
[0.000000] ~ timer h#4 at=12.000000 print('timer', 2)
[0.000000] ~ timer h#5 at=13.000000 print('timer', 3)
[0.000000] ~ timer h#6 at=14.000000 print('timer', 4)
[0.000000] ~ timer h#7 at=15.000000 print('timer', 5)
[0.000000] ~ timer h#8 at=16.000000 print('timer', 6)
[0.000000] ~ timer h#9 at=17.000000 print('timer', 7)
[0.000000] ~ timer h#10 at=18.000000 print('timer', 8)
[0.000000] ~ timer h#11 at=19.000000 print('timer', 9)
[0.000000] ~ timer h#12 at=20.000000 print('timer', 10)
[0.000000] ~ timer h#13 at=21.000000 print('timer', 11)
[0.000000] ~ timer h#14 at=22.000000 print('timer', 12)
[0.000000] ~ timer h#15 at=23.000000 print('timer', 13)
[0.000000] ~ timer h#16 at=24.000000 print('timer', 14)
[0.000000] ~ timer h#17 at=25.000000 print('timer', 15)
[0.000000] ~ timer h#18 at=26.000000 print('timer', 16)
[0.000000] ~ timer h#19 at=27.000000 print('timer', 17)
[0.000000] ~ timer h#20 at=28.000000 print('timer', 18)
[0.000000] ~ timer h#21 at=29.000000 print('timer', 19)
[0.000000] ~ timer h#22 at=30.000000 print('timer', 20)
[0.000000] ~ timer h#23 at=31.000000 print('timer', 21)
[0.000000] ~ timer h#24 at=32.000000 print('timer', 22)
[0.000000] ~ timer h#25 at=33.000000 print('timer', 23)
[0.000000] ~ timer h#26 at=34.000000 print('timer', 24)
[0.000000] ~ timer h#27 at=35.000000 print('timer', 25)
[0.000000] ~ timer h#28 at=36.000000 print('timer', 26)
[0.000000] ~ timer h#29 at=37.000000 print('timer', 27)
[0.000000] ~ timer h#30 at=38.000000 print('timer', 28)
[0.000000] ~ timer h#31 at=39.000000 print('timer', 29)
[0.000000] ~ timer h#32 at=40.000000 print('timer', 30)
[0.000000] ~ timer h#33 at=41.000000 print('timer', 31)
[0.000000] ~ timer h#34 at=42.000000 print('timer', 32)
[0.000000] ~ timer h#35 at=43.000000 print('timer', 33)
[0.000000] ~ timer h#36 at=44.000000 print('timer', 34)
[0.000000] ~ timer h#37 at=45.000000 print('timer', 35)
[0.000000] ~ timer h#38 at=46.000000 print('timer', 36)
[0.000000] ~ timer h#39 at=47.000000 print('timer', 37)
[0.000000] ~ timer h#40 at=48.000000 print('timer', 38)
[0.000000] ~ timer h#41 at=49.000000 print('timer', 39)
[0.000000] ~ timer h#42 at=50.000000 print('timer', 40)
[0.000000] ~ timer h#43 at=51.000000 print('timer', 41)
[0.000000] ~ timer h#44 at=52.000000 print('timer', 42)
[0.000000] ~ timer h#45 at=53.000000 print('timer', 43)
[0.000000] ~ timer h#46 at=54.000000 print('timer', 44)
[0.000000] ~ timer h#47 at=55.000000 print('timer', 45)
[0.000000] ~ timer h#48 at=56.000000 print('timer', 46)
[0.000000] ~ timer h#49 at=57.000000 print('timer', 47)
[0.000000] ~ timer h#50 at=58.000000 print('timer', 48)
[0.000000] ~ timer h#51 at=59.000000 print('timer', 49)
[0.000000] ~ timer h#52 at=60.000000 print('timer', 50)
[0.000000] ~ timer h#53 at=61.000000 print('timer', 51)
[0.000000] ~ timer h#54 at=62.000000 print('timer', 52)
[0.000000] ~ timer h#55 at=63.000000 print('timer', 53)
[0.000000] ~ timer h#56 at=64.000000 print('timer', 54)
[0.000000] ~ timer h#57 at=65.000000 print('timer', 55)
[0.000000] ~ timer h#58 at=66.000000 print('timer', 56)
[0.000000] ~ timer h#59 at=67.000000 print('timer', 57)
[0.000000] ~ timer h#60 at=68.000000 print('timer', 58)
[0.000000] ~ timer h#61 at=69.000000 print('timer', 59)
[0.000000] ~ timer h#62 at=70.000000 print('timer', 60)
[0.000000] ~ timer h#63 at=71.000000 print('timer', 61)
[0.000000] ~ timer h#64 at=72.000000 print('timer', 62)
[0.000000] ~ timer h#65 at=73.000000 print('timer', 63)
[0.000000] ~ timer h#66 at=74.000000 print('timer', 64)
[0.000000] ~ timer h#67 at=75.000000 print('timer', 65)
[0.000000] ~ timer h#68 at=76.000000 print('timer', 66)
[0.000000] ~ timer h#69 at=77.000000 print('timer', 67)
[0.000000] ~ timer h#70 at=78.000000 print('timer', 68)
[0.000000] ~ timer h#71 at=79.000000 print('timer', 69)
[0.000000] ~ timer h#72 at=80.000000 print('timer', 70)
[0.000000] ~ timer h#73 at=81.000000 print('timer', 71)
[0.000000] ~ timer h#74 at=82.000000 print('timer', 72)
[0.000000] ~ timer h#75 at=83.000000 print('timer', 73)
[0.000000] ~ timer h#76 at=84.000000 print('timer', 74)
[0.000000] ~ timer h#77 at=85.000000 print('timer', 75)
[0.000000] ~ timer h#78 at=86.000000 print('timer', 76)
[0.000000] ~ timer h#79 at=87.000000 print('timer', 77)
[0.000000] ~ timer h#80 at=88.000000 print('timer', 78)
[0.000000] ~ timer h#81 at=89.000000 print('timer', 79)
[0.000000] ~ timer h#82 at=90.000000 print('timer', 80)
[0.000000] ~ timer h#83 at=91.000000 print('timer', 81)
[0.000000] ~ timer h#84 at=92.000000 print('timer', 82)
[0.000000] ~ timer h#85 at=93.000000 print('timer', 83)
[0.000000] ~ timer h#86 at=94.000000 print('timer', 84)
[0.000000] ~ timer h#87 at=95.000000 print('timer', 85)
[0.000000] ~ timer h#88 at=96.000000 print('timer', 86)
[0.000000] ~ timer h#89 at=97.000000 print('timer', 87)
[0.000000] ~ timer h#90 at=98.000000 print('timer', 88)
[0.000000] ~ timer h#91 at=99.000000 print('timer', 89)
[0.000000] ~ timer h#92 at=100.000000 print('timer', 90)
[0.000000] ~ timer h#93 at=101.000000 print('timer', 91)
[0.000000] ~ timer h#94 at=102.000000 print('timer', 92)
[0.000000] ~ timer h#95 at=103.000000 print('timer', 93)
[0.000000] ~ timer h#96 at=104.000000 print('timer', 94)
[0.000000] ~ timer h#97 at=105.000000 print('timer', 95)
[0.000000] ~ timer h#98 at=106.000000 print('timer', 96)
[0.000000] ~ timer h#99 at=107.000000 print('timer', 97)
[0.000000] ~ timer h#100 at=108.000000 print('timer', 98)
[0.000000] ~ timer h#101 at=109.000000 print('timer', 99)
[0.000000] ~ timer h#102 at=110.000000 print('timer', 100)
[0.000000] ~ timer h#103 at=111.000000 print('timer', 101)
[0.000000] ~ timer h#104 at=112.000000 print('timer', 102)
[0.000000] ~ timer h#105 at=113.000000 print('timer', 103)
[0.000000] ~ timer h#106 at=114.000000 print('timer', 104)
[0.000000] ~ timer h#107 at=115.000000 print('timer', 105)
[0.000000] ~ timer h#108 at=116.000000 print('timer', 106)
[0.000000] ~ timer h#109 at=117.000000 print('timer', 107)
[0.000000] ~ timer h#110 at=118.000000 print('timer', 108)
[0.000000] ~ timer h#111 at=119.000000 print('timer', 109)
[0.000000] ~ timer h#112 at=120.000000 print('timer', 110)
[0.000000] ~ timer h#113 at=121.000000 print('timer', 111)
[0.000000] ~ timer h#114 at=122.000000 print('timer', 112)
[0.000000] ~ timer h#115 at=123.000000 print('timer', 113)
[0.000000] ~ timer h#116 at=124.000000 print('timer', 114)
[0.000000] ~ timer h#117 at=125.000000 print('timer', 115)
[0.000000] ~ timer h#118 at=126.000000 print('timer', 116)
[0.000000] ~ timer h#119 at=127.000000 print('timer', 117)
[0.000000] ~ timer h#120 at=128.000000 print('timer', 118)
[0.000000] ~ timer h#121 at=129.000000 print('timer', 119)
[0.000000] ~ timer-cancel h#2 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#3 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#4 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#5 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#6 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#7 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#8 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#9 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#10 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#11 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#12 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#13 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#14 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#15 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#16 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#17 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#18 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#19 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#20 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#21 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#22 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#23 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#24 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#25 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#26 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#27 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#28 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#29 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#30 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#31 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#32 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#33 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#34 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#35 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#36 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#37 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#38 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#39 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#40 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#41 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#42 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#43 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#44 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#45 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#46 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#47 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#48 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#49 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#50 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#51 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#52 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#53 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#54 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#55 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#56 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#57 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#58 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#59 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#60 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#61 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#62 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#63 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#64 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#65 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#66 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#67 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#68 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#69 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#70 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#71 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#72 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#73 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#74 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#75 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#76 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#77 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#78 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#79 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#80 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#81 by Task-1 (in heap)
[0.000000] cancelled 80 of 120
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#122 Task-1.step
[0.000000] ~ iter 2 ready=1 timers=120 cancelled=80
[0.000000] ~ skip h#2 (cancelled)
[0.000000] ~ skip h#3 (cancelled)
[0.000000] ~ skip h#4 (cancelled)
[0.000000] ~ skip h#5 (cancelled)
[0.000000] ~ skip h#6 (cancelled)
[0.000000] ~ skip h#7 (cancelled)
[0.000000] ~ skip h#8 (cancelled)
[0.000000] ~ skip h#9 (cancelled)
[0.000000] ~ skip h#10 (cancelled)
[0.000000] ~ skip h#11 (cancelled)
[0.000000] ~ skip h#12 (cancelled)
[0.000000] ~ skip h#13 (cancelled)
[0.000000] ~ skip h#14 (cancelled)
[0.000000] ~ skip h#15 (cancelled)
[0.000000] ~ skip h#16 (cancelled)
[0.000000] ~ skip h#17 (cancelled)
[0.000000] ~ skip h#18 (cancelled)
[0.000000] ~ skip h#19 (cancelled)
[0.000000] ~ skip h#20 (cancelled)
[0.000000] ~ skip h#21 (cancelled)
[0.000000] ~ skip h#22 (cancelled)
[0.000000] ~ skip h#23 (cancelled)
[0.000000] ~ skip h#24 (cancelled)
[0.000000] ~ skip h#25 (cancelled)
[0.000000] ~ skip h#26 (cancelled)
[0.000000] ~ skip h#27 (cancelled)
[0.000000] ~ skip h#28 (cancelled)
[0.000000] ~ skip h#29 (cancelled)
[0.000000] ~ skip h#30 (cancelled)
[0.000000] ~ skip h#31 (cancelled)
[0.000000] ~ skip h#32 (cancelled)
[0.000000] ~ skip h#33 (cancelled)
[0.000000] ~ skip h#34 (cancelled)
[0.000000] ~ skip h#35 (cancelled)
[0.000000] ~ skip h#36 (cancelled)
[0.000000] ~ skip h#37 (cancelled)
[0.000000] ~ skip h#38 (cancelled)
[0.000000] ~ skip h#39 (cancelled)
[0.000000] ~ skip h#40 (cancelled)
[0.000000] ~ skip h#41 (cancelled)
[0.000000] ~ skip h#42 (cancelled)
[0.000000] ~ skip h#43 (cancelled)
[0.000000] ~ skip h#44 (cancelled)
[0.000000] ~ skip h#45 (cancelled)
[0.000000] ~ skip h#46 (cancelled)
[0.000000] ~ skip h#47 (cancelled)
[0.000000] ~ skip h#48 (cancelled)
[0.000000] ~ skip h#49 (cancelled)
[0.000000] ~ skip h#50 (cancelled)
[0.000000] ~ skip h#51 (cancelled)
[0.000000] ~ skip h#52 (cancelled)
[0.000000] ~ skip h#53 (cancelled)
[0.000000] ~ skip h#54 (cancelled)
[0.000000] ~ skip h#55 (cancelled)
[0.000000] ~ skip h#56 (cancelled)
[0.000000] ~ skip h#57 (cancelled)
[0.000000] ~ skip h#58 (cancelled)
[0.000000] ~ skip h#59 (cancelled)
[0.000000] ~ skip h#60 (cancelled)
[0.000000] ~ skip h#61 (cancelled)
[0.000000] ~ skip h#62 (cancelled)
[0.000000] ~ skip h#63 (cancelled)
[0.000000] ~ skip h#64 (cancelled)
[0.000000] ~ skip h#65 (cancelled)
[0.000000] ~ skip h#66 (cancelled)
[0.000000] ~ skip h#67 (cancelled)
[0.000000] ~ skip h#68 (cancelled)
[0.000000] ~ skip h#69 (cancelled)
[0.000000] ~ skip h#70 (cancelled)
[0.000000] ~ skip h#71 (cancelled)
[0.000000] ~ skip h#72 (cancelled)
[0.000000] ~ skip h#73 (cancelled)
[0.000000] ~ skip h#74 (cancelled)
[0.000000] ~ skip h#75 (cancelled)
[0.000000] ~ skip h#76 (cancelled)
[0.000000] ~ skip h#77 (cancelled)
[0.000000] ~ skip h#78 (cancelled)
[0.000000] ~ skip h#79 (cancelled)
[0.000000] ~ skip h#80 (cancelled)
[0.000000] ~ skip h#81 (cancelled)
[0.000000] ~ run h#122 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] next iteration purged them
[0.000000] ~ timer-cancel h#82 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#83 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#84 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#85 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#86 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#87 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#88 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#89 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#90 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#91 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#92 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#93 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#94 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#95 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#96 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#97 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#98 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#99 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#100 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#101 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#102 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#103 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#104 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#105 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#106 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#107 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#108 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#109 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#110 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#111 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#112 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#113 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#114 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#115 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#116 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#117 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#118 by Task-1 (in heap)
[0.000000] ~ timer-cancel h#119 by Task-1 (in heap)
[0.000000] ~ future+ F#1 origin=sleep by=Task-1
[0.000000] ~ timer h#123 at=200.000000 _set_result_unless_cancelled(F#1, None)
[0.000000] ~ wait Task-1 on sleep F#1 until=200.000000
[0.000000] ~ iter 3 ready=0 timers=41 cancelled=38
[0.000000] ~ skip h#82 (cancelled)
[0.000000] ~ skip h#83 (cancelled)
[0.000000] ~ skip h#84 (cancelled)
[0.000000] ~ skip h#85 (cancelled)
[0.000000] ~ skip h#86 (cancelled)
[0.000000] ~ skip h#87 (cancelled)
[0.000000] ~ skip h#88 (cancelled)
[0.000000] ~ skip h#89 (cancelled)
[0.000000] ~ skip h#90 (cancelled)
[0.000000] ~ skip h#91 (cancelled)
[0.000000] ~ skip h#92 (cancelled)
[0.000000] ~ skip h#93 (cancelled)
[0.000000] ~ skip h#94 (cancelled)
[0.000000] ~ skip h#95 (cancelled)
[0.000000] ~ skip h#96 (cancelled)
[0.000000] ~ skip h#97 (cancelled)
[0.000000] ~ skip h#98 (cancelled)
[0.000000] ~ skip h#99 (cancelled)
[0.000000] ~ skip h#100 (cancelled)
[0.000000] ~ skip h#101 (cancelled)
[0.000000] ~ skip h#102 (cancelled)
[0.000000] ~ skip h#103 (cancelled)
[0.000000] ~ skip h#104 (cancelled)
[0.000000] ~ skip h#105 (cancelled)
[0.000000] ~ skip h#106 (cancelled)
[0.000000] ~ skip h#107 (cancelled)
[0.000000] ~ skip h#108 (cancelled)
[0.000000] ~ skip h#109 (cancelled)
[0.000000] ~ skip h#110 (cancelled)
[0.000000] ~ skip h#111 (cancelled)
[0.000000] ~ skip h#112 (cancelled)
[0.000000] ~ skip h#113 (cancelled)
[0.000000] ~ skip h#114 (cancelled)
[0.000000] ~ skip h#115 (cancelled)
[0.000000] ~ skip h#116 (cancelled)
[0.000000] ~ skip h#117 (cancelled)
[0.000000] ~ skip h#118 (cancelled)
[0.000000] ~ skip h#119 (cancelled)
[0.000000] ~ advance to=128.000000 (timeout=128.000000)
[128.000000] ~ due h#120
[128.000000] ~ run h#120 print('timer', 118)
[128.000000] timer 118
[128.000000] ~ iter 4 ready=0 timers=2
[128.000000] ~ advance to=129.000000 (timeout=1.000000)
[129.000000] ~ due h#121
[129.000000] ~ run h#121 print('timer', 119)
[129.000000] timer 119
[129.000000] ~ iter 5 ready=0 timers=1
[129.000000] ~ advance to=200.000000 (timeout=71.000000)
[200.000000] ~ due h#123
[200.000000] ~ run h#123 _set_result_unless_cancelled(F#1, None)
[200.000000] ~ resolve F#1 result=None
[200.000000] ~ soon h#124 Task-1.wakeup(F#1)
[200.000000] ~ iter 6 ready=1 timers=0
[200.000000] ~ run h#124 Task-1.wakeup(F#1)
[200.000000] ~ step Task-1 <- sleep F#1 until=200.000000 result=None
[200.000000] ~ done Task-1 result=None
[200.000000] ~ soon h#125 _run_until_complete_cb(Task-1)
[200.000000] ~ iter 7 ready=1 timers=0
[200.000000] ~ run h#125 _run_until_complete_cb(Task-1)
[200.000000] ~ run_until_complete end
[200.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[200.000000] ~ task+ Task-2 coro=BaseEventLoop.shutdown_asyncgens by=-
[200.000000] ~ soon h#126 Task-2.step
[200.000000] ~ iter 8 ready=1 timers=0
[200.000000] ~ run h#126 Task-2.step
[200.000000] ~ step Task-2 start
[200.000000] ~ done Task-2 result=None
[200.000000] ~ soon h#127 _run_until_complete_cb(Task-2)
[200.000000] ~ iter 9 ready=1 timers=0
[200.000000] ~ run h#127 _run_until_complete_cb(Task-2)
[200.000000] ~ run_until_complete end
[200.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[200.000000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_default_executor by=-
[200.000000] ~ soon h#128 Task-3.step
[200.000000] ~ iter 10 ready=1 timers=0
[200.000000] ~ run h#128 Task-3.step
[200.000000] ~ step Task-3 start
[200.000000] ~ done Task-3 result=None
[200.000000] ~ soon h#129 _run_until_complete_cb(Task-3)
[200.000000] ~ iter 11 ready=1 timers=0
[200.000000] ~ run h#129 _run_until_complete_cb(Task-3)
[200.000000] ~ run_until_complete end
[200.000000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
