// asyncio.TaskGroup: C++ twins of the corpus programs in the comments,
// expecting the CPython oracle's transcripts of them, byte for byte.
#include "engine/lib/taskgroup.hpp"

#include <gtest/gtest.h>

#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using asyncio::TaskGroup;
using testing::coro;
using testing::run_main;
using testing::say;

std::string upper(std::string s) {
  for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool is_cancel(const PyError& e) { return is_exc(e.exc.get(), Exc::CancelledError); }

// --- taskgroup_basic -------------------------------------------------------
//   """TaskGroup waits for all its tasks when the block ends."""
//   import asyncio
//
//
//   async def fetch(name, delay):
//       await asyncio.sleep(delay)
//       print(f"fetched {name}")
//       return name.upper()
//
//
//   async def main():
//       async with asyncio.TaskGroup() as tg:
//           a = tg.create_task(fetch("a", 0.2))
//           b = tg.create_task(fetch("b", 0.1), name="fetch-b")
//           print("block body done, waiting for tasks")
//       print("results:", a.result(), b.result())
//
//
//   asyncio.run(main())
Co fetch(EventLoop& loop, std::string name, double delay) {
  co_await sleep(loop, delay);
  say(loop, "fetched " + name);
  co_return str_value(upper(name));
}

Co basic_main(EventLoop& loop) {
  Ref<TaskGroup> tg = make<TaskGroup>(loop.world());
  co_await TaskGroup::aenter_co(tg);
  Ref<Task> a, b;
  Ref<ExceptionObj> err;
  try {
    a = tg->create_task(coro(fetch(loop, "a", 0.2), "fetch", loop));
    b = tg->create_task(coro(fetch(loop, "b", 0.1), "fetch", loop), str_value("fetch-b"));
    say(loop, "block body done, waiting for tasks");
  } catch (const PyError& e) {
    err = e.exc;
  }
  co_await TaskGroup::aexit_co(tg, err);
  if (err) throw PyError{err};
  say(loop, "results: " + str(a->result()) + " " + str(b->result()));
  co_return Value();
}

TEST(TaskGroup, WaitsForItsTasksAndNamesThem) {
  EXPECT_EQ(run_main(basic_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=fetch by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=fetch by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ rename Task-3 -> fetch-b
[0.000000] block body done, waiting for tasks
[0.000000] ~ future+ F#1 origin=TaskGroup#1.__aexit__ by=Task-1
[0.000000] ~ wait Task-1 on TaskGroup#1.__aexit__ F#1
[0.000000] ~ iter 2 ready=2 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=0.200000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=0.200000
[0.000000] ~ run h#3 fetch-b.step
[0.000000] ~ step fetch-b start
[0.000000] ~ future+ F#3 origin=sleep by=fetch-b
[0.000000] ~ timer h#5 at=0.100000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait fetch-b on sleep F#3 until=0.100000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#5
[0.100000] ~ run h#5 _set_result_unless_cancelled(F#3, None)
[0.100000] ~ resolve F#3 result=None
[0.100000] ~ soon h#6 fetch-b.wakeup(F#3)
[0.100000] ~ iter 4 ready=1 timers=1
[0.100000] ~ run h#6 fetch-b.wakeup(F#3)
[0.100000] ~ step fetch-b <- sleep F#3 until=0.100000 result=None
[0.100000] fetched b
[0.100000] ~ done fetch-b result='B'
[0.100000] ~ soon h#7 TaskGroup#1._on_task_done(fetch-b)
[0.100000] ~ iter 5 ready=1 timers=1
[0.100000] ~ run h#7 TaskGroup#1._on_task_done(fetch-b)
[0.100000] ~ iter 6 ready=0 timers=1
[0.100000] ~ advance to=0.200000 (timeout=0.100000)
[0.200000] ~ due h#4
[0.200000] ~ run h#4 _set_result_unless_cancelled(F#2, None)
[0.200000] ~ resolve F#2 result=None
[0.200000] ~ soon h#8 Task-2.wakeup(F#2)
[0.200000] ~ iter 7 ready=1 timers=0
[0.200000] ~ run h#8 Task-2.wakeup(F#2)
[0.200000] ~ step Task-2 <- sleep F#2 until=0.200000 result=None
[0.200000] fetched a
[0.200000] ~ done Task-2 result='A'
[0.200000] ~ soon h#9 TaskGroup#1._on_task_done(Task-2)
[0.200000] ~ iter 8 ready=1 timers=0
[0.200000] ~ run h#9 TaskGroup#1._on_task_done(Task-2)
[0.200000] ~ resolve F#1 result=True
[0.200000] ~ soon h#10 Task-1.wakeup(F#1)
[0.200000] ~ iter 9 ready=1 timers=0
[0.200000] ~ run h#10 Task-1.wakeup(F#1)
[0.200000] ~ step Task-1 <- TaskGroup#1.__aexit__ F#1 result=True
[0.200000] results: A B
[0.200000] ~ done Task-1 result=None
[0.200000] ~ soon h#11 _run_until_complete_cb(Task-1)
[0.200000] ~ iter 10 ready=1 timers=0
[0.200000] ~ run h#11 _run_until_complete_cb(Task-1)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.200000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.200000] ~ soon h#12 Task-4.step
[0.200000] ~ iter 11 ready=1 timers=0
[0.200000] ~ run h#12 Task-4.step
[0.200000] ~ step Task-4 start
[0.200000] ~ done Task-4 result=None
[0.200000] ~ soon h#13 _run_until_complete_cb(Task-4)
[0.200000] ~ iter 12 ready=1 timers=0
[0.200000] ~ run h#13 _run_until_complete_cb(Task-4)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.200000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[0.200000] ~ soon h#14 Task-5.step
[0.200000] ~ iter 13 ready=1 timers=0
[0.200000] ~ run h#14 Task-5.step
[0.200000] ~ step Task-5 start
[0.200000] ~ done Task-5 result=None
[0.200000] ~ soon h#15 _run_until_complete_cb(Task-5)
[0.200000] ~ iter 14 ready=1 timers=0
[0.200000] ~ run h#15 _run_until_complete_cb(Task-5)
[0.200000] ~ run_until_complete end
[0.200000] ~ loop close
)TRANSCRIPT"));
}

// --- taskgroup_abort -------------------------------------------------------
//   """One task fails: the group cancels the others (in creation order) and
//   raises an ExceptionGroup."""
//   import asyncio
//
//
//   async def worker(n, delay):
//       try:
//           await asyncio.sleep(delay)
//           print(f"worker {n} done")
//       except asyncio.CancelledError:
//           print(f"worker {n} cancelled")
//           raise
//
//
//   async def failing():
//       await asyncio.sleep(0.2)
//       raise ValueError("failing task")
//
//
//   async def main():
//       try:
//           async with asyncio.TaskGroup() as tg:
//               tg.create_task(worker(1, 1))
//               tg.create_task(worker(2, 0.1))
//               tg.create_task(failing())
//               tg.create_task(worker(3, 2))
//       except ExceptionGroup as eg:
//           print("group:", eg)
//           for e in eg.exceptions:
//               print("  member:", repr(e))
//
//
//   asyncio.run(main())
Co worker(EventLoop& loop, int n, double delay) {
  try {
    co_await sleep(loop, delay);
    say(loop, "worker " + std::to_string(n) + " done");
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "worker " + std::to_string(n) + " cancelled");
    throw;
  }
  co_return Value();
}

Co failing(EventLoop& loop) {
  co_await sleep(loop, 0.2);
  throw PyError{make_exc(Exc::ValueError, "failing task")};
}

Co abort_main(EventLoop& loop) {
  try {
    Ref<TaskGroup> tg = make<TaskGroup>(loop.world());
    co_await TaskGroup::aenter_co(tg);
    Ref<ExceptionObj> err;
    try {
      tg->create_task(coro(worker(loop, 1, 1), "worker", loop));
      tg->create_task(coro(worker(loop, 2, 0.1), "worker", loop));
      tg->create_task(coro(failing(loop), "failing", loop));
      tg->create_task(coro(worker(loop, 3, 2), "worker", loop));
    } catch (const PyError& e) {
      err = e.exc;
    }
    co_await TaskGroup::aexit_co(tg, err);
    if (err) throw PyError{err};
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::ExceptionGroup)) throw;
    say(loop, "group: " + e.exc->str());
    for (const Ref<ExceptionObj>& m : e.exc->exceptions) say(loop, "  member: " + m->repr());
  }
  co_return Value();
}

TEST(TaskGroup, FirstErrorCancelsTheOthersInCreationOrderAndRaisesAnExceptionGroup) {
  EXPECT_EQ(run_main(abort_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=worker by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=worker by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ task+ Task-4 coro=failing by=Task-1
[0.000000] ~ soon h#4 Task-4.step
[0.000000] ~ task+ Task-5 coro=worker by=Task-1
[0.000000] ~ soon h#5 Task-5.step
[0.000000] ~ future+ F#1 origin=TaskGroup#1.__aexit__ by=Task-1
[0.000000] ~ wait Task-1 on TaskGroup#1.__aexit__ F#1
[0.000000] ~ iter 2 ready=4 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#6 at=1.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=1.000000
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=sleep by=Task-3
[0.000000] ~ timer h#7 at=0.100000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait Task-3 on sleep F#3 until=0.100000
[0.000000] ~ run h#4 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#4 origin=sleep by=Task-4
[0.000000] ~ timer h#8 at=0.200000 _set_result_unless_cancelled(F#4, None)
[0.000000] ~ wait Task-4 on sleep F#4 until=0.200000
[0.000000] ~ run h#5 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ future+ F#5 origin=sleep by=Task-5
[0.000000] ~ timer h#9 at=2.000000 _set_result_unless_cancelled(F#5, None)
[0.000000] ~ wait Task-5 on sleep F#5 until=2.000000
[0.000000] ~ iter 3 ready=0 timers=4
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#7
[0.100000] ~ run h#7 _set_result_unless_cancelled(F#3, None)
[0.100000] ~ resolve F#3 result=None
[0.100000] ~ soon h#10 Task-3.wakeup(F#3)
[0.100000] ~ iter 4 ready=1 timers=3
[0.100000] ~ run h#10 Task-3.wakeup(F#3)
[0.100000] ~ step Task-3 <- sleep F#3 until=0.100000 result=None
[0.100000] worker 2 done
[0.100000] ~ done Task-3 result=None
[0.100000] ~ soon h#11 TaskGroup#1._on_task_done(Task-3)
[0.100000] ~ iter 5 ready=1 timers=3
[0.100000] ~ run h#11 TaskGroup#1._on_task_done(Task-3)
[0.100000] ~ iter 6 ready=0 timers=3
[0.100000] ~ advance to=0.200000 (timeout=0.100000)
[0.200000] ~ due h#8
[0.200000] ~ run h#8 _set_result_unless_cancelled(F#4, None)
[0.200000] ~ resolve F#4 result=None
[0.200000] ~ soon h#12 Task-4.wakeup(F#4)
[0.200000] ~ iter 7 ready=1 timers=2
[0.200000] ~ run h#12 Task-4.wakeup(F#4)
[0.200000] ~ step Task-4 <- sleep F#4 until=0.200000 result=None
[0.200000] ~ done Task-4 raise=ValueError: failing task
[0.200000] ~ soon h#13 TaskGroup#1._on_task_done(Task-4)
[0.200000] ~ iter 8 ready=1 timers=2
[0.200000] ~ run h#13 TaskGroup#1._on_task_done(Task-4)
[0.200000] ~ cancel Task-2 by h#13 n=1 -> sleep F#2 until=1.000000
[0.200000] ~ resolve F#2 cancelled
[0.200000] ~ soon h#14 Task-2.wakeup(F#2)
[0.200000] ~ cancel Task-5 by h#13 n=1 -> sleep F#5 until=2.000000
[0.200000] ~ resolve F#5 cancelled
[0.200000] ~ soon h#15 Task-5.wakeup(F#5)
[0.200000] ~ cancel Task-1 by h#13 n=1 -> TaskGroup#1.__aexit__ F#1
[0.200000] ~ resolve F#1 cancelled
[0.200000] ~ soon h#16 Task-1.wakeup(F#1)
[0.200000] ~ iter 9 ready=3 timers=2
[0.200000] ~ run h#14 Task-2.wakeup(F#2)
[0.200000] ~ step Task-2 <- sleep F#2 until=1.000000 raise=CancelledError
[0.200000] ~ timer-cancel h#6 by Task-2 (in heap)
[0.200000] worker 1 cancelled
[0.200000] ~ done Task-2 cancelled
[0.200000] ~ soon h#17 TaskGroup#1._on_task_done(Task-2)
[0.200000] ~ run h#15 Task-5.wakeup(F#5)
[0.200000] ~ step Task-5 <- sleep F#5 until=2.000000 raise=CancelledError
[0.200000] ~ timer-cancel h#9 by Task-5 (in heap)
[0.200000] worker 3 cancelled
[0.200000] ~ done Task-5 cancelled
[0.200000] ~ soon h#18 TaskGroup#1._on_task_done(Task-5)
[0.200000] ~ run h#16 Task-1.wakeup(F#1)
[0.200000] ~ step Task-1 <- TaskGroup#1.__aexit__ F#1 raise=CancelledError
[0.200000] ~ future+ F#6 origin=TaskGroup#1.__aexit__ by=Task-1
[0.200000] ~ wait Task-1 on TaskGroup#1.__aexit__ F#6
[0.200000] ~ iter 10 ready=2 timers=2 cancelled=2
[0.200000] ~ skip h#6 (cancelled)
[0.200000] ~ skip h#9 (cancelled)
[0.200000] ~ run h#17 TaskGroup#1._on_task_done(Task-2)
[0.200000] ~ run h#18 TaskGroup#1._on_task_done(Task-5)
[0.200000] ~ resolve F#6 result=True
[0.200000] ~ soon h#19 Task-1.wakeup(F#6)
[0.200000] ~ iter 11 ready=1 timers=0
[0.200000] ~ run h#19 Task-1.wakeup(F#6)
[0.200000] ~ step Task-1 <- TaskGroup#1.__aexit__ F#6 result=True
[0.200000] group: unhandled errors in a TaskGroup (1 sub-exception)
[0.200000]   member: ValueError('failing task')
[0.200000] ~ done Task-1 result=None
[0.200000] ~ soon h#20 _run_until_complete_cb(Task-1)
[0.200000] ~ iter 12 ready=1 timers=0
[0.200000] ~ run h#20 _run_until_complete_cb(Task-1)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.200000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.200000] ~ soon h#21 Task-6.step
[0.200000] ~ iter 13 ready=1 timers=0
[0.200000] ~ run h#21 Task-6.step
[0.200000] ~ step Task-6 start
[0.200000] ~ done Task-6 result=None
[0.200000] ~ soon h#22 _run_until_complete_cb(Task-6)
[0.200000] ~ iter 14 ready=1 timers=0
[0.200000] ~ run h#22 _run_until_complete_cb(Task-6)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.200000] ~ task+ Task-7 coro=BaseEventLoop.shutdown_default_executor by=-
[0.200000] ~ soon h#23 Task-7.step
[0.200000] ~ iter 15 ready=1 timers=0
[0.200000] ~ run h#23 Task-7.step
[0.200000] ~ step Task-7 start
[0.200000] ~ done Task-7 result=None
[0.200000] ~ soon h#24 _run_until_complete_cb(Task-7)
[0.200000] ~ iter 16 ready=1 timers=0
[0.200000] ~ run h#24 _run_until_complete_cb(Task-7)
[0.200000] ~ run_until_complete end
[0.200000] ~ loop close
)TRANSCRIPT"));
}

// --- taskgroup_body_error --------------------------------------------------
//   """An exception in the async with body also aborts the group."""
//   import asyncio
//
//
//   async def worker():
//       try:
//           await asyncio.sleep(1)
//       finally:
//           print("worker finally")
//
//
//   async def main():
//       try:
//           async with asyncio.TaskGroup() as tg:
//               tg.create_task(worker())
//               await asyncio.sleep(0.1)
//               raise KeyError("from the body")
//       except ExceptionGroup as eg:
//           print("caught", [repr(e) for e in eg.exceptions])
//
//
//   asyncio.run(main())
Co finally_worker(EventLoop& loop) {
  try {
    co_await sleep(loop, 1);
  } catch (...) {
    say(loop, "worker finally");
    throw;
  }
  say(loop, "worker finally");
  co_return Value();
}

Co body_error_main(EventLoop& loop) {
  try {
    Ref<TaskGroup> tg = make<TaskGroup>(loop.world());
    co_await TaskGroup::aenter_co(tg);
    Ref<ExceptionObj> err;
    try {
      tg->create_task(coro(finally_worker(loop), "worker", loop));
      co_await sleep(loop, 0.1);
      throw PyError{make_exc(Exc::KeyError, std::vector<Value>{str_value("from the body")})};
    } catch (const PyError& e) {
      err = e.exc;
    }
    co_await TaskGroup::aexit_co(tg, err);
    if (err) throw PyError{err};
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::ExceptionGroup)) throw;
    std::string text = "caught [";
    for (size_t i = 0; i < e.exc->exceptions.size(); ++i) {
      text += (i ? ", " : "") + str_repr(e.exc->exceptions[i]->repr());
    }
    say(loop, text + "]");
  }
  co_return Value();
}

TEST(TaskGroup, AnErrorInTheBodyAbortsTheGroup) {
  EXPECT_EQ(run_main(body_error_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
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
[0.000000] ~ timer h#4 at=1.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=1.000000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#3
[0.100000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[0.100000] ~ resolve F#1 result=None
[0.100000] ~ soon h#5 Task-1.wakeup(F#1)
[0.100000] ~ iter 4 ready=1 timers=1
[0.100000] ~ run h#5 Task-1.wakeup(F#1)
[0.100000] ~ step Task-1 <- sleep F#1 until=0.100000 result=None
[0.100000] ~ cancel Task-2 by Task-1 n=1 -> sleep F#2 until=1.000000
[0.100000] ~ resolve F#2 cancelled
[0.100000] ~ soon h#6 Task-2.wakeup(F#2)
[0.100000] ~ future+ F#3 origin=TaskGroup#1.__aexit__ by=Task-1
[0.100000] ~ wait Task-1 on TaskGroup#1.__aexit__ F#3
[0.100000] ~ iter 5 ready=1 timers=1
[0.100000] ~ run h#6 Task-2.wakeup(F#2)
[0.100000] ~ step Task-2 <- sleep F#2 until=1.000000 raise=CancelledError
[0.100000] ~ timer-cancel h#4 by Task-2 (in heap)
[0.100000] worker finally
[0.100000] ~ done Task-2 cancelled
[0.100000] ~ soon h#7 TaskGroup#1._on_task_done(Task-2)
[0.100000] ~ iter 6 ready=1 timers=1 cancelled=1
[0.100000] ~ skip h#4 (cancelled)
[0.100000] ~ run h#7 TaskGroup#1._on_task_done(Task-2)
[0.100000] ~ resolve F#3 result=True
[0.100000] ~ soon h#8 Task-1.wakeup(F#3)
[0.100000] ~ iter 7 ready=1 timers=0
[0.100000] ~ run h#8 Task-1.wakeup(F#3)
[0.100000] ~ step Task-1 <- TaskGroup#1.__aexit__ F#3 result=True
[0.100000] caught ["KeyError('from the body')"]
[0.100000] ~ done Task-1 result=None
[0.100000] ~ soon h#9 _run_until_complete_cb(Task-1)
[0.100000] ~ iter 8 ready=1 timers=0
[0.100000] ~ run h#9 _run_until_complete_cb(Task-1)
[0.100000] ~ run_until_complete end
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
)TRANSCRIPT"));
}

// --- taskgroup_dynamic -----------------------------------------------------
//   """Tasks in a group may add more tasks to the same group."""
//   import asyncio
//
//
//   async def crawl(tg, url, depth, seen):
//       await asyncio.sleep(0.1)
//       seen.append(url)
//       if depth < 2:
//           for i in range(2):
//               tg.create_task(crawl(tg, f"{url}/{i}", depth + 1, seen))
//
//
//   async def main():
//       seen = []
//       async with asyncio.TaskGroup() as tg:
//           tg.create_task(crawl(tg, "root", 0, seen))
//       print(len(seen), "pages:", seen)
//
//
//   asyncio.run(main())
Co crawl(EventLoop& loop, Ref<TaskGroup> tg, std::string url, int depth, Ref<ListObj> seen) {
  co_await sleep(loop, 0.1);
  seen->items.push_back(str_value(url));
  if (depth < 2) {
    for (int i = 0; i < 2; ++i) {
      tg->create_task(coro(crawl(loop, tg, url + "/" + std::to_string(i), depth + 1, seen), "crawl", loop));
    }
  }
  co_return Value();
}

Co dynamic_main(EventLoop& loop) {
  Ref<ListObj> seen = make<ListObj>();
  Ref<TaskGroup> tg = make<TaskGroup>(loop.world());
  co_await TaskGroup::aenter_co(tg);
  Ref<ExceptionObj> err;
  try {
    tg->create_task(coro(crawl(loop, tg, "root", 0, seen), "crawl", loop));
  } catch (const PyError& e) {
    err = e.exc;
  }
  co_await TaskGroup::aexit_co(tg, err);
  if (err) throw PyError{err};
  say(loop, std::to_string(seen->items.size()) + " pages: " + seen->repr());
  co_return Value();
}

TEST(TaskGroup, TasksMayAddTasksToTheirOwnGroup) {
  EXPECT_EQ(run_main(dynamic_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=crawl by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=TaskGroup#1.__aexit__ by=Task-1
[0.000000] ~ wait Task-1 on TaskGroup#1.__aexit__ F#1
[0.000000] ~ iter 2 ready=1 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#3 at=0.100000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=0.100000
[0.000000] ~ iter 3 ready=0 timers=1
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#3
[0.100000] ~ run h#3 _set_result_unless_cancelled(F#2, None)
[0.100000] ~ resolve F#2 result=None
[0.100000] ~ soon h#4 Task-2.wakeup(F#2)
[0.100000] ~ iter 4 ready=1 timers=0
[0.100000] ~ run h#4 Task-2.wakeup(F#2)
[0.100000] ~ step Task-2 <- sleep F#2 until=0.100000 result=None
[0.100000] ~ task+ Task-3 coro=crawl by=Task-2
[0.100000] ~ soon h#5 Task-3.step
[0.100000] ~ task+ Task-4 coro=crawl by=Task-2
[0.100000] ~ soon h#6 Task-4.step
[0.100000] ~ done Task-2 result=None
[0.100000] ~ soon h#7 TaskGroup#1._on_task_done(Task-2)
[0.100000] ~ iter 5 ready=3 timers=0
[0.100000] ~ run h#5 Task-3.step
[0.100000] ~ step Task-3 start
[0.100000] ~ future+ F#3 origin=sleep by=Task-3
[0.100000] ~ timer h#8 at=0.200000 _set_result_unless_cancelled(F#3, None)
[0.100000] ~ wait Task-3 on sleep F#3 until=0.200000
[0.100000] ~ run h#6 Task-4.step
[0.100000] ~ step Task-4 start
[0.100000] ~ future+ F#4 origin=sleep by=Task-4
[0.100000] ~ timer h#9 at=0.200000 _set_result_unless_cancelled(F#4, None)
[0.100000] ~ wait Task-4 on sleep F#4 until=0.200000
[0.100000] ~ run h#7 TaskGroup#1._on_task_done(Task-2)
[0.100000] ~ iter 6 ready=0 timers=2
[0.100000] ~ advance to=0.200000 (timeout=0.100000)
[0.200000] ~ due h#8
[0.200000] ~ due h#9
[0.200000] ~ run h#8 _set_result_unless_cancelled(F#3, None)
[0.200000] ~ resolve F#3 result=None
[0.200000] ~ soon h#10 Task-3.wakeup(F#3)
[0.200000] ~ run h#9 _set_result_unless_cancelled(F#4, None)
[0.200000] ~ resolve F#4 result=None
[0.200000] ~ soon h#11 Task-4.wakeup(F#4)
[0.200000] ~ iter 7 ready=2 timers=0
[0.200000] ~ run h#10 Task-3.wakeup(F#3)
[0.200000] ~ step Task-3 <- sleep F#3 until=0.200000 result=None
[0.200000] ~ task+ Task-5 coro=crawl by=Task-3
[0.200000] ~ soon h#12 Task-5.step
[0.200000] ~ task+ Task-6 coro=crawl by=Task-3
[0.200000] ~ soon h#13 Task-6.step
[0.200000] ~ done Task-3 result=None
[0.200000] ~ soon h#14 TaskGroup#1._on_task_done(Task-3)
[0.200000] ~ run h#11 Task-4.wakeup(F#4)
[0.200000] ~ step Task-4 <- sleep F#4 until=0.200000 result=None
[0.200000] ~ task+ Task-7 coro=crawl by=Task-4
[0.200000] ~ soon h#15 Task-7.step
[0.200000] ~ task+ Task-8 coro=crawl by=Task-4
[0.200000] ~ soon h#16 Task-8.step
[0.200000] ~ done Task-4 result=None
[0.200000] ~ soon h#17 TaskGroup#1._on_task_done(Task-4)
[0.200000] ~ iter 8 ready=6 timers=0
[0.200000] ~ run h#12 Task-5.step
[0.200000] ~ step Task-5 start
[0.200000] ~ future+ F#5 origin=sleep by=Task-5
[0.200000] ~ timer h#18 at=0.300000 _set_result_unless_cancelled(F#5, None)
[0.200000] ~ wait Task-5 on sleep F#5 until=0.300000
[0.200000] ~ run h#13 Task-6.step
[0.200000] ~ step Task-6 start
[0.200000] ~ future+ F#6 origin=sleep by=Task-6
[0.200000] ~ timer h#19 at=0.300000 _set_result_unless_cancelled(F#6, None)
[0.200000] ~ wait Task-6 on sleep F#6 until=0.300000
[0.200000] ~ run h#14 TaskGroup#1._on_task_done(Task-3)
[0.200000] ~ run h#15 Task-7.step
[0.200000] ~ step Task-7 start
[0.200000] ~ future+ F#7 origin=sleep by=Task-7
[0.200000] ~ timer h#20 at=0.300000 _set_result_unless_cancelled(F#7, None)
[0.200000] ~ wait Task-7 on sleep F#7 until=0.300000
[0.200000] ~ run h#16 Task-8.step
[0.200000] ~ step Task-8 start
[0.200000] ~ future+ F#8 origin=sleep by=Task-8
[0.200000] ~ timer h#21 at=0.300000 _set_result_unless_cancelled(F#8, None)
[0.200000] ~ wait Task-8 on sleep F#8 until=0.300000
[0.200000] ~ run h#17 TaskGroup#1._on_task_done(Task-4)
[0.200000] ~ iter 9 ready=0 timers=4
[0.200000] ~ advance to=0.300000 (timeout=0.100000)
[0.300000] ~ due h#18
[0.300000] ~ due h#19
[0.300000] ~ due h#20
[0.300000] ~ due h#21
[0.300000] ~ run h#18 _set_result_unless_cancelled(F#5, None)
[0.300000] ~ resolve F#5 result=None
[0.300000] ~ soon h#22 Task-5.wakeup(F#5)
[0.300000] ~ run h#19 _set_result_unless_cancelled(F#6, None)
[0.300000] ~ resolve F#6 result=None
[0.300000] ~ soon h#23 Task-6.wakeup(F#6)
[0.300000] ~ run h#20 _set_result_unless_cancelled(F#7, None)
[0.300000] ~ resolve F#7 result=None
[0.300000] ~ soon h#24 Task-7.wakeup(F#7)
[0.300000] ~ run h#21 _set_result_unless_cancelled(F#8, None)
[0.300000] ~ resolve F#8 result=None
[0.300000] ~ soon h#25 Task-8.wakeup(F#8)
[0.300000] ~ iter 10 ready=4 timers=0
[0.300000] ~ run h#22 Task-5.wakeup(F#5)
[0.300000] ~ step Task-5 <- sleep F#5 until=0.300000 result=None
[0.300000] ~ done Task-5 result=None
[0.300000] ~ soon h#26 TaskGroup#1._on_task_done(Task-5)
[0.300000] ~ run h#23 Task-6.wakeup(F#6)
[0.300000] ~ step Task-6 <- sleep F#6 until=0.300000 result=None
[0.300000] ~ done Task-6 result=None
[0.300000] ~ soon h#27 TaskGroup#1._on_task_done(Task-6)
[0.300000] ~ run h#24 Task-7.wakeup(F#7)
[0.300000] ~ step Task-7 <- sleep F#7 until=0.300000 result=None
[0.300000] ~ done Task-7 result=None
[0.300000] ~ soon h#28 TaskGroup#1._on_task_done(Task-7)
[0.300000] ~ run h#25 Task-8.wakeup(F#8)
[0.300000] ~ step Task-8 <- sleep F#8 until=0.300000 result=None
[0.300000] ~ done Task-8 result=None
[0.300000] ~ soon h#29 TaskGroup#1._on_task_done(Task-8)
[0.300000] ~ iter 11 ready=4 timers=0
[0.300000] ~ run h#26 TaskGroup#1._on_task_done(Task-5)
[0.300000] ~ run h#27 TaskGroup#1._on_task_done(Task-6)
[0.300000] ~ run h#28 TaskGroup#1._on_task_done(Task-7)
[0.300000] ~ run h#29 TaskGroup#1._on_task_done(Task-8)
[0.300000] ~ resolve F#1 result=True
[0.300000] ~ soon h#30 Task-1.wakeup(F#1)
[0.300000] ~ iter 12 ready=1 timers=0
[0.300000] ~ run h#30 Task-1.wakeup(F#1)
[0.300000] ~ step Task-1 <- TaskGroup#1.__aexit__ F#1 result=True
[0.300000] 7 pages: ['root', 'root/0', 'root/1', 'root/0/0', 'root/0/1', 'root/1/0', 'root/1/1']
[0.300000] ~ done Task-1 result=None
[0.300000] ~ soon h#31 _run_until_complete_cb(Task-1)
[0.300000] ~ iter 13 ready=1 timers=0
[0.300000] ~ run h#31 _run_until_complete_cb(Task-1)
[0.300000] ~ run_until_complete end
[0.300000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.300000] ~ task+ Task-9 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.300000] ~ soon h#32 Task-9.step
[0.300000] ~ iter 14 ready=1 timers=0
[0.300000] ~ run h#32 Task-9.step
[0.300000] ~ step Task-9 start
[0.300000] ~ done Task-9 result=None
[0.300000] ~ soon h#33 _run_until_complete_cb(Task-9)
[0.300000] ~ iter 15 ready=1 timers=0
[0.300000] ~ run h#33 _run_until_complete_cb(Task-9)
[0.300000] ~ run_until_complete end
[0.300000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.300000] ~ task+ Task-10 coro=BaseEventLoop.shutdown_default_executor by=-
[0.300000] ~ soon h#34 Task-10.step
[0.300000] ~ iter 16 ready=1 timers=0
[0.300000] ~ run h#34 Task-10.step
[0.300000] ~ step Task-10 start
[0.300000] ~ done Task-10 result=None
[0.300000] ~ soon h#35 _run_until_complete_cb(Task-10)
[0.300000] ~ iter 17 ready=1 timers=0
[0.300000] ~ run h#35 _run_until_complete_cb(Task-10)
[0.300000] ~ run_until_complete end
[0.300000] ~ loop close
)TRANSCRIPT"));
}

// --- taskgroup_parent_cancelled --------------------------------------------
//   """The task running a TaskGroup is cancelled from outside: the group
//   cancels its tasks and the CancelledError propagates."""
//   import asyncio
//
//
//   async def child(n):
//       try:
//           await asyncio.sleep(10)
//       except asyncio.CancelledError:
//           print(f"child {n} cancelled")
//           raise
//
//
//   async def group_owner():
//       async with asyncio.TaskGroup() as tg:
//           for n in range(3):
//               tg.create_task(child(n))
//       print("not reached")
//
//
//   async def main():
//       owner = asyncio.create_task(group_owner())
//       await asyncio.sleep(0.5)
//       owner.cancel()
//       try:
//           await owner
//       except asyncio.CancelledError:
//           print("owner cancelled")
//
//
//   asyncio.run(main())
Co child(EventLoop& loop, int n) {
  try {
    co_await sleep(loop, 10);
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "child " + std::to_string(n) + " cancelled");
    throw;
  }
  co_return Value();
}

Co group_owner(EventLoop& loop) {
  Ref<TaskGroup> tg = make<TaskGroup>(loop.world());
  co_await TaskGroup::aenter_co(tg);
  Ref<ExceptionObj> err;
  try {
    for (int n = 0; n < 3; ++n) tg->create_task(coro(child(loop, n), "child", loop));
  } catch (const PyError& e) {
    err = e.exc;
  }
  co_await TaskGroup::aexit_co(tg, err);
  if (err) throw PyError{err};
  say(loop, "not reached");
  co_return Value();
}

Co parent_cancelled_main(EventLoop& loop) {
  Ref<Task> owner = loop.create_task(coro(group_owner(loop), "group_owner", loop));
  co_await sleep(loop, 0.5);
  owner->cancel();
  try {
    co_await owner;
  } catch (const PyError& e) {
    if (!is_cancel(e)) throw;
    say(loop, "owner cancelled");
  }
  co_return Value();
}

TEST(TaskGroup, CancellingTheParentCancelsTheTasksAndPropagates) {
  EXPECT_EQ(run_main(parent_cancelled_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=group_owner by=Task-1
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
[0.000000] ~ task+ Task-5 coro=child by=Task-2
[0.000000] ~ soon h#6 Task-5.step
[0.000000] ~ future+ F#2 origin=TaskGroup#1.__aexit__ by=Task-2
[0.000000] ~ wait Task-2 on TaskGroup#1.__aexit__ F#2
[0.000000] ~ iter 3 ready=3 timers=1
[0.000000] ~ run h#4 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=sleep by=Task-3
[0.000000] ~ timer h#7 at=10.000000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait Task-3 on sleep F#3 until=10.000000
[0.000000] ~ run h#5 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ future+ F#4 origin=sleep by=Task-4
[0.000000] ~ timer h#8 at=10.000000 _set_result_unless_cancelled(F#4, None)
[0.000000] ~ wait Task-4 on sleep F#4 until=10.000000
[0.000000] ~ run h#6 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ future+ F#5 origin=sleep by=Task-5
[0.000000] ~ timer h#9 at=10.000000 _set_result_unless_cancelled(F#5, None)
[0.000000] ~ wait Task-5 on sleep F#5 until=10.000000
[0.000000] ~ iter 4 ready=0 timers=4
[0.000000] ~ advance to=0.500000 (timeout=0.500000)
[0.500000] ~ due h#3
[0.500000] ~ run h#3 _set_result_unless_cancelled(F#1, None)
[0.500000] ~ resolve F#1 result=None
[0.500000] ~ soon h#10 Task-1.wakeup(F#1)
[0.500000] ~ iter 5 ready=1 timers=3
[0.500000] ~ run h#10 Task-1.wakeup(F#1)
[0.500000] ~ step Task-1 <- sleep F#1 until=0.500000 result=None
[0.500000] ~ cancel Task-2 by Task-1 n=1 -> TaskGroup#1.__aexit__ F#2
[0.500000] ~ resolve F#2 cancelled
[0.500000] ~ soon h#11 Task-2.wakeup(F#2)
[0.500000] ~ wait Task-1 on task Task-2
[0.500000] ~ iter 6 ready=1 timers=3
[0.500000] ~ run h#11 Task-2.wakeup(F#2)
[0.500000] ~ step Task-2 <- TaskGroup#1.__aexit__ F#2 raise=CancelledError
[0.500000] ~ cancel Task-3 by Task-2 n=1 -> sleep F#3 until=10.000000
[0.500000] ~ resolve F#3 cancelled
[0.500000] ~ soon h#12 Task-3.wakeup(F#3)
[0.500000] ~ cancel Task-4 by Task-2 n=1 -> sleep F#4 until=10.000000
[0.500000] ~ resolve F#4 cancelled
[0.500000] ~ soon h#13 Task-4.wakeup(F#4)
[0.500000] ~ cancel Task-5 by Task-2 n=1 -> sleep F#5 until=10.000000
[0.500000] ~ resolve F#5 cancelled
[0.500000] ~ soon h#14 Task-5.wakeup(F#5)
[0.500000] ~ future+ F#6 origin=TaskGroup#1.__aexit__ by=Task-2
[0.500000] ~ wait Task-2 on TaskGroup#1.__aexit__ F#6
[0.500000] ~ iter 7 ready=3 timers=3
[0.500000] ~ run h#12 Task-3.wakeup(F#3)
[0.500000] ~ step Task-3 <- sleep F#3 until=10.000000 raise=CancelledError
[0.500000] ~ timer-cancel h#7 by Task-3 (in heap)
[0.500000] child 0 cancelled
[0.500000] ~ done Task-3 cancelled
[0.500000] ~ soon h#15 TaskGroup#1._on_task_done(Task-3)
[0.500000] ~ run h#13 Task-4.wakeup(F#4)
[0.500000] ~ step Task-4 <- sleep F#4 until=10.000000 raise=CancelledError
[0.500000] ~ timer-cancel h#8 by Task-4 (in heap)
[0.500000] child 1 cancelled
[0.500000] ~ done Task-4 cancelled
[0.500000] ~ soon h#16 TaskGroup#1._on_task_done(Task-4)
[0.500000] ~ run h#14 Task-5.wakeup(F#5)
[0.500000] ~ step Task-5 <- sleep F#5 until=10.000000 raise=CancelledError
[0.500000] ~ timer-cancel h#9 by Task-5 (in heap)
[0.500000] child 2 cancelled
[0.500000] ~ done Task-5 cancelled
[0.500000] ~ soon h#17 TaskGroup#1._on_task_done(Task-5)
[0.500000] ~ iter 8 ready=3 timers=3 cancelled=3
[0.500000] ~ skip h#7 (cancelled)
[0.500000] ~ skip h#8 (cancelled)
[0.500000] ~ skip h#9 (cancelled)
[0.500000] ~ run h#15 TaskGroup#1._on_task_done(Task-3)
[0.500000] ~ run h#16 TaskGroup#1._on_task_done(Task-4)
[0.500000] ~ run h#17 TaskGroup#1._on_task_done(Task-5)
[0.500000] ~ resolve F#6 result=True
[0.500000] ~ soon h#18 Task-2.wakeup(F#6)
[0.500000] ~ iter 9 ready=1 timers=0
[0.500000] ~ run h#18 Task-2.wakeup(F#6)
[0.500000] ~ step Task-2 <- TaskGroup#1.__aexit__ F#6 result=True
[0.500000] ~ done Task-2 cancelled
[0.500000] ~ soon h#19 Task-1.wakeup(Task-2)
[0.500000] ~ iter 10 ready=1 timers=0
[0.500000] ~ run h#19 Task-1.wakeup(Task-2)
[0.500000] ~ step Task-1 <- task Task-2 raise=CancelledError
[0.500000] owner cancelled
[0.500000] ~ done Task-1 result=None
[0.500000] ~ soon h#20 _run_until_complete_cb(Task-1)
[0.500000] ~ iter 11 ready=1 timers=0
[0.500000] ~ run h#20 _run_until_complete_cb(Task-1)
[0.500000] ~ run_until_complete end
[0.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.500000] ~ task+ Task-6 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.500000] ~ soon h#21 Task-6.step
[0.500000] ~ iter 12 ready=1 timers=0
[0.500000] ~ run h#21 Task-6.step
[0.500000] ~ step Task-6 start
[0.500000] ~ done Task-6 result=None
[0.500000] ~ soon h#22 _run_until_complete_cb(Task-6)
[0.500000] ~ iter 13 ready=1 timers=0
[0.500000] ~ run h#22 _run_until_complete_cb(Task-6)
[0.500000] ~ run_until_complete end
[0.500000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.500000] ~ task+ Task-7 coro=BaseEventLoop.shutdown_default_executor by=-
[0.500000] ~ soon h#23 Task-7.step
[0.500000] ~ iter 14 ready=1 timers=0
[0.500000] ~ run h#23 Task-7.step
[0.500000] ~ step Task-7 start
[0.500000] ~ done Task-7 result=None
[0.500000] ~ soon h#24 _run_until_complete_cb(Task-7)
[0.500000] ~ iter 15 ready=1 timers=0
[0.500000] ~ run h#24 _run_until_complete_cb(Task-7)
[0.500000] ~ run_until_complete end
[0.500000] ~ loop close
)TRANSCRIPT"));
}

// --- taskgroup_uncaught ----------------------------------------------------
//   """An uncaught ExceptionGroup from a TaskGroup ends the program (exit 1)."""
//   import asyncio
//
//
//   async def bad(n):
//       await asyncio.sleep(n / 10)
//       raise RuntimeError(f"bad {n}")
//
//
//   async def main():
//       async with asyncio.TaskGroup() as tg:
//           tg.create_task(bad(1))
//           tg.create_task(bad(1))
//
//
//   asyncio.run(main())
Co bad(EventLoop& loop, int n) {
  co_await sleep(loop, n / 10.0);
  throw PyError{make_exc(Exc::RuntimeError, "bad " + std::to_string(n))};
}

Co uncaught_main(EventLoop& loop) {
  Ref<TaskGroup> tg = make<TaskGroup>(loop.world());
  co_await TaskGroup::aenter_co(tg);
  Ref<ExceptionObj> err;
  try {
    tg->create_task(coro(bad(loop, 1), "bad", loop));
    tg->create_task(coro(bad(loop, 1), "bad", loop));
  } catch (const PyError& e) {
    err = e.exc;
  }
  co_await TaskGroup::aexit_co(tg, err);
  if (err) throw PyError{err};
  co_return Value();
}

TEST(TaskGroup, AnUncaughtExceptionGroupEndsTheProgram) {
  EXPECT_EQ(run_main(uncaught_main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=bad by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=bad by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ future+ F#1 origin=TaskGroup#1.__aexit__ by=Task-1
[0.000000] ~ wait Task-1 on TaskGroup#1.__aexit__ F#1
[0.000000] ~ iter 2 ready=2 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=0.100000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=0.100000
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#3 origin=sleep by=Task-3
[0.000000] ~ timer h#5 at=0.100000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait Task-3 on sleep F#3 until=0.100000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#4
[0.100000] ~ due h#5
[0.100000] ~ run h#4 _set_result_unless_cancelled(F#2, None)
[0.100000] ~ resolve F#2 result=None
[0.100000] ~ soon h#6 Task-2.wakeup(F#2)
[0.100000] ~ run h#5 _set_result_unless_cancelled(F#3, None)
[0.100000] ~ resolve F#3 result=None
[0.100000] ~ soon h#7 Task-3.wakeup(F#3)
[0.100000] ~ iter 4 ready=2 timers=0
[0.100000] ~ run h#6 Task-2.wakeup(F#2)
[0.100000] ~ step Task-2 <- sleep F#2 until=0.100000 result=None
[0.100000] ~ done Task-2 raise=RuntimeError: bad 1
[0.100000] ~ soon h#8 TaskGroup#1._on_task_done(Task-2)
[0.100000] ~ run h#7 Task-3.wakeup(F#3)
[0.100000] ~ step Task-3 <- sleep F#3 until=0.100000 result=None
[0.100000] ~ done Task-3 raise=RuntimeError: bad 1
[0.100000] ~ soon h#9 TaskGroup#1._on_task_done(Task-3)
[0.100000] ~ iter 5 ready=2 timers=0
[0.100000] ~ run h#8 TaskGroup#1._on_task_done(Task-2)
[0.100000] ~ cancel Task-1 by h#8 n=1 -> TaskGroup#1.__aexit__ F#1
[0.100000] ~ resolve F#1 cancelled
[0.100000] ~ soon h#10 Task-1.wakeup(F#1)
[0.100000] ~ run h#9 TaskGroup#1._on_task_done(Task-3)
[0.100000] ~ iter 6 ready=1 timers=0
[0.100000] ~ run h#10 Task-1.wakeup(F#1)
[0.100000] ~ step Task-1 <- TaskGroup#1.__aexit__ F#1 raise=CancelledError
[0.100000] ~ done Task-1 raise=ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
[0.100000] ~ soon h#11 _run_until_complete_cb(Task-1)
[0.100000] ~ iter 7 ready=1 timers=0
[0.100000] ~ run h#11 _run_until_complete_cb(Task-1)
[0.100000] ~ run_until_complete end
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.100000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.100000] ~ soon h#12 Task-4.step
[0.100000] ~ iter 8 ready=1 timers=0
[0.100000] ~ run h#12 Task-4.step
[0.100000] ~ step Task-4 start
[0.100000] ~ done Task-4 result=None
[0.100000] ~ soon h#13 _run_until_complete_cb(Task-4)
[0.100000] ~ iter 9 ready=1 timers=0
[0.100000] ~ run h#13 _run_until_complete_cb(Task-4)
[0.100000] ~ run_until_complete end
[0.100000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.100000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[0.100000] ~ soon h#14 Task-5.step
[0.100000] ~ iter 10 ready=1 timers=0
[0.100000] ~ run h#14 Task-5.step
[0.100000] ~ step Task-5 start
[0.100000] ~ done Task-5 result=None
[0.100000] ~ soon h#15 _run_until_complete_cb(Task-5)
[0.100000] ~ iter 11 ready=1 timers=0
[0.100000] ~ run h#15 _run_until_complete_cb(Task-5)
[0.100000] ~ run_until_complete end
[0.100000] ~ loop close
[0.100000] ! traceback ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
)TRANSCRIPT"));
}

// --- the Coroutine objects (what scripts await) ----------------------------
// The same as taskgroup_basic, through aenter()/aexit() Coroutine objects.
Co basic_via_coroutines(EventLoop& loop) {
  Ref<TaskGroup> tg = make<TaskGroup>(loop.world());
  Ref<Coroutine> enter = tg->aenter();
  EXPECT_EQ(enter->qualname(), "TaskGroup.__aenter__");
  Value got = co_await testing::await_(enter);
  EXPECT_EQ(got.obj(), tg.get());
  Ref<Task> a = tg->create_task(coro(fetch(loop, "a", 0.2), "fetch", loop));
  Ref<Task> b = tg->create_task(coro(fetch(loop, "b", 0.1), "fetch", loop), str_value("fetch-b"));
  say(loop, "block body done, waiting for tasks");
  EXPECT_EQ(tg->repr(), "<TaskGroup tasks=2 entered>");
  Ref<Coroutine> exit = tg->aexit(nullptr);
  EXPECT_EQ(exit->qualname(), "TaskGroup.__aexit__");
  co_await testing::await_(exit);
  say(loop, "results: " + str(a->result()) + " " + str(b->result()));
  EXPECT_EQ(tg->repr(), "<TaskGroup entered>");
  co_return Value();
}

TEST(TaskGroup, AenterAndAexitAsCoroutineObjects) {
  EXPECT_EQ(run_main(basic_via_coroutines), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] ~ task+ Task-2 coro=fetch by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ task+ Task-3 coro=fetch by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ rename Task-3 -> fetch-b
[0.000000] block body done, waiting for tasks
[0.000000] ~ future+ F#1 origin=TaskGroup#1.__aexit__ by=Task-1
[0.000000] ~ wait Task-1 on TaskGroup#1.__aexit__ F#1
[0.000000] ~ iter 2 ready=2 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#4 at=0.200000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=0.200000
[0.000000] ~ run h#3 fetch-b.step
[0.000000] ~ step fetch-b start
[0.000000] ~ future+ F#3 origin=sleep by=fetch-b
[0.000000] ~ timer h#5 at=0.100000 _set_result_unless_cancelled(F#3, None)
[0.000000] ~ wait fetch-b on sleep F#3 until=0.100000
[0.000000] ~ iter 3 ready=0 timers=2
[0.000000] ~ advance to=0.100000 (timeout=0.100000)
[0.100000] ~ due h#5
[0.100000] ~ run h#5 _set_result_unless_cancelled(F#3, None)
[0.100000] ~ resolve F#3 result=None
[0.100000] ~ soon h#6 fetch-b.wakeup(F#3)
[0.100000] ~ iter 4 ready=1 timers=1
[0.100000] ~ run h#6 fetch-b.wakeup(F#3)
[0.100000] ~ step fetch-b <- sleep F#3 until=0.100000 result=None
[0.100000] fetched b
[0.100000] ~ done fetch-b result='B'
[0.100000] ~ soon h#7 TaskGroup#1._on_task_done(fetch-b)
[0.100000] ~ iter 5 ready=1 timers=1
[0.100000] ~ run h#7 TaskGroup#1._on_task_done(fetch-b)
[0.100000] ~ iter 6 ready=0 timers=1
[0.100000] ~ advance to=0.200000 (timeout=0.100000)
[0.200000] ~ due h#4
[0.200000] ~ run h#4 _set_result_unless_cancelled(F#2, None)
[0.200000] ~ resolve F#2 result=None
[0.200000] ~ soon h#8 Task-2.wakeup(F#2)
[0.200000] ~ iter 7 ready=1 timers=0
[0.200000] ~ run h#8 Task-2.wakeup(F#2)
[0.200000] ~ step Task-2 <- sleep F#2 until=0.200000 result=None
[0.200000] fetched a
[0.200000] ~ done Task-2 result='A'
[0.200000] ~ soon h#9 TaskGroup#1._on_task_done(Task-2)
[0.200000] ~ iter 8 ready=1 timers=0
[0.200000] ~ run h#9 TaskGroup#1._on_task_done(Task-2)
[0.200000] ~ resolve F#1 result=True
[0.200000] ~ soon h#10 Task-1.wakeup(F#1)
[0.200000] ~ iter 9 ready=1 timers=0
[0.200000] ~ run h#10 Task-1.wakeup(F#1)
[0.200000] ~ step Task-1 <- TaskGroup#1.__aexit__ F#1 result=True
[0.200000] results: A B
[0.200000] ~ done Task-1 result=None
[0.200000] ~ soon h#11 _run_until_complete_cb(Task-1)
[0.200000] ~ iter 10 ready=1 timers=0
[0.200000] ~ run h#11 _run_until_complete_cb(Task-1)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.200000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.200000] ~ soon h#12 Task-4.step
[0.200000] ~ iter 11 ready=1 timers=0
[0.200000] ~ run h#12 Task-4.step
[0.200000] ~ step Task-4 start
[0.200000] ~ done Task-4 result=None
[0.200000] ~ soon h#13 _run_until_complete_cb(Task-4)
[0.200000] ~ iter 12 ready=1 timers=0
[0.200000] ~ run h#13 _run_until_complete_cb(Task-4)
[0.200000] ~ run_until_complete end
[0.200000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.200000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[0.200000] ~ soon h#14 Task-5.step
[0.200000] ~ iter 13 ready=1 timers=0
[0.200000] ~ run h#14 Task-5.step
[0.200000] ~ step Task-5 start
[0.200000] ~ done Task-5 result=None
[0.200000] ~ soon h#15 _run_until_complete_cb(Task-5)
[0.200000] ~ iter 14 ready=1 timers=0
[0.200000] ~ run h#15 _run_until_complete_cb(Task-5)
[0.200000] ~ run_until_complete end
[0.200000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
