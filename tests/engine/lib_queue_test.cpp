// asyncio.Queue, PriorityQueue and LifoQueue: each test is the C++ twin of
// the Python program in its comment, and expects the transcript the CPython
// oracle prints for that program, byte for byte.
#include "engine/lib/queue.hpp"

#include <gtest/gtest.h>

#include "engine/lib/gather.hpp"
#include "tests/engine/lib_helpers.hpp"

namespace loopscope {
namespace {

using asyncio::Queue;
using testing::await_;
using testing::coro;
using testing::run_main;
using testing::say;

std::string py_bool(bool b) { return b ? "True" : "False"; }

// //   import asyncio
//   async def producer(q):
//       for i in range(3):
//           await q.put(i)
//           print("put", i)
//   async def consumer(q):
//       for i in range(3):
//           v = await q.get()
//           print("got", v)
//           q.task_done()
//   async def main():
//       q = asyncio.Queue(maxsize=1)
//       c = asyncio.create_task(consumer(q))
//       p = asyncio.create_task(producer(q))
//       await q.join()
//       await asyncio.gather(c, p)
//       print("qsize", q.qsize(), q.empty(), q.full())
//   asyncio.run(main())
Co producer(EventLoop& loop, Ref<Queue> q) {
  for (int i = 0; i < 3; ++i) {
    co_await await_(q->put(Value::integer(i)));
    say(loop, "put " + std::to_string(i));
  }
  co_return Value();
}

Co consumer(EventLoop& loop, Ref<Queue> q) {
  for (int i = 0; i < 3; ++i) {
    Value v = co_await await_(q->get());
    say(loop, "got " + str(v));
    q->task_done();
  }
  co_return Value();
}

TEST(Queue, BoundedQueueAlternatesProducerAndConsumerLikeCPython) {
  auto main = [](EventLoop& loop) -> Co {
    auto q = make<Queue>(loop.world(), 1);
    Ref<Task> c = loop.create_task(coro(consumer(loop, q), "consumer", loop));
    Ref<Task> p = loop.create_task(coro(producer(loop, q), "producer", loop));
    co_await await_(q->join());
    std::vector<Value> both{Value::object(c), Value::object(p)};
    Ref<Future> all = gather(loop, both);
    co_await all;
    say(loop, "qsize " + std::to_string(q->qsize()) + " " + py_bool(q->empty()) + " " + py_bool(q->full()));
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
[0.000000] ~ task+ Task-3 coro=producer by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ future+ F#1 origin=gather by=Task-1
[0.000000] ~ wait Task-1 on gather F#1 [Task-2, Task-3]
[0.000000] ~ iter 2 ready=2 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#2 origin=Queue#1.get by=Task-2
[0.000000] ~ wait Task-2 on Queue#1.get F#2
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ resolve F#2 result=None
[0.000000] ~ soon h#4 Task-2.wakeup(F#2)
[0.000000] put 0
[0.000000] ~ future+ F#3 origin=Queue#1.put by=Task-3
[0.000000] ~ wait Task-3 on Queue#1.put F#3
[0.000000] ~ iter 3 ready=1 timers=0
[0.000000] ~ run h#4 Task-2.wakeup(F#2)
[0.000000] ~ step Task-2 <- Queue#1.get F#2 result=None
[0.000000] ~ resolve F#3 result=None
[0.000000] ~ soon h#5 Task-3.wakeup(F#3)
[0.000000] got 0
[0.000000] ~ future+ F#4 origin=Queue#1.get by=Task-2
[0.000000] ~ wait Task-2 on Queue#1.get F#4
[0.000000] ~ iter 4 ready=1 timers=0
[0.000000] ~ run h#5 Task-3.wakeup(F#3)
[0.000000] ~ step Task-3 <- Queue#1.put F#3 result=None
[0.000000] ~ resolve F#4 result=None
[0.000000] ~ soon h#6 Task-2.wakeup(F#4)
[0.000000] put 1
[0.000000] ~ future+ F#5 origin=Queue#1.put by=Task-3
[0.000000] ~ wait Task-3 on Queue#1.put F#5
[0.000000] ~ iter 5 ready=1 timers=0
[0.000000] ~ run h#6 Task-2.wakeup(F#4)
[0.000000] ~ step Task-2 <- Queue#1.get F#4 result=None
[0.000000] ~ resolve F#5 result=None
[0.000000] ~ soon h#7 Task-3.wakeup(F#5)
[0.000000] got 1
[0.000000] ~ future+ F#6 origin=Queue#1.get by=Task-2
[0.000000] ~ wait Task-2 on Queue#1.get F#6
[0.000000] ~ iter 6 ready=1 timers=0
[0.000000] ~ run h#7 Task-3.wakeup(F#5)
[0.000000] ~ step Task-3 <- Queue#1.put F#5 result=None
[0.000000] ~ resolve F#6 result=None
[0.000000] ~ soon h#8 Task-2.wakeup(F#6)
[0.000000] put 2
[0.000000] ~ done Task-3 result=None
[0.000000] ~ soon h#9 gather._done_callback(Task-3)
[0.000000] ~ iter 7 ready=2 timers=0
[0.000000] ~ run h#8 Task-2.wakeup(F#6)
[0.000000] ~ step Task-2 <- Queue#1.get F#6 result=None
[0.000000] got 2
[0.000000] ~ done Task-2 result=None
[0.000000] ~ soon h#10 gather._done_callback(Task-2)
[0.000000] ~ run h#9 gather._done_callback(Task-3)
[0.000000] ~ iter 8 ready=1 timers=0
[0.000000] ~ run h#10 gather._done_callback(Task-2)
[0.000000] ~ resolve F#1 result=[None, None]
[0.000000] ~ soon h#11 Task-1.wakeup(F#1)
[0.000000] ~ iter 9 ready=1 timers=0
[0.000000] ~ run h#11 Task-1.wakeup(F#1)
[0.000000] ~ step Task-1 <- gather F#1 [Task-2, Task-3] result=[None, None]
[0.000000] qsize 0 True False
[0.000000] ~ done Task-1 result=None
[0.000000] ~ soon h#12 _run_until_complete_cb(Task-1)
[0.000000] ~ iter 10 ready=1 timers=0
[0.000000] ~ run h#12 _run_until_complete_cb(Task-1)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[0.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_asyncgens by=-
[0.000000] ~ soon h#13 Task-4.step
[0.000000] ~ iter 11 ready=1 timers=0
[0.000000] ~ run h#13 Task-4.step
[0.000000] ~ step Task-4 start
[0.000000] ~ done Task-4 result=None
[0.000000] ~ soon h#14 _run_until_complete_cb(Task-4)
[0.000000] ~ iter 12 ready=1 timers=0
[0.000000] ~ run h#14 _run_until_complete_cb(Task-4)
[0.000000] ~ run_until_complete end
[0.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[0.000000] ~ task+ Task-5 coro=BaseEventLoop.shutdown_default_executor by=-
[0.000000] ~ soon h#15 Task-5.step
[0.000000] ~ iter 13 ready=1 timers=0
[0.000000] ~ run h#15 Task-5.step
[0.000000] ~ step Task-5 start
[0.000000] ~ done Task-5 result=None
[0.000000] ~ soon h#16 _run_until_complete_cb(Task-5)
[0.000000] ~ iter 14 ready=1 timers=0
[0.000000] ~ run h#16 _run_until_complete_cb(Task-5)
[0.000000] ~ run_until_complete end
[0.000000] ~ loop close
)TRANSCRIPT"));
}

// //   import asyncio
//   async def consumer(q, name):
//       try:
//           v = await q.get()
//           print(name, "got", v)
//       except asyncio.CancelledError:
//           print(name, "cancelled")
//           raise
//   async def main():
//       q = asyncio.Queue()
//       a = asyncio.create_task(consumer(q, "a"))
//       b = asyncio.create_task(consumer(q, "b"))
//       await asyncio.sleep(0)
//       q.put_nowait(1)
//       a.cancel()
//       await asyncio.sleep(0)
//       await asyncio.sleep(0)
//       print(a.cancelled(), b.done(), q.qsize())
//   asyncio.run(main())
Co named_consumer(EventLoop& loop, Ref<Queue> q, std::string name) {
  try {
    Value v = co_await await_(q->get());
    say(loop, name + " got " + str(v));
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::CancelledError)) say(loop, name + " cancelled");
    throw;
  }
  co_return Value();
}

TEST(Queue, GetterCancelledAfterItsItemArrivedPassesTheItemToTheNextGetter) {
  auto main = [](EventLoop& loop) -> Co {
    auto q = make<Queue>(loop.world());
    Ref<Task> a = loop.create_task(coro(named_consumer(loop, q, "a"), "consumer", loop));
    Ref<Task> b = loop.create_task(coro(named_consumer(loop, q, "b"), "consumer", loop));
    co_await sleep(loop, 0);
    q->put_nowait(Value::integer(1));
    a->cancel();
    co_await sleep(loop, 0);
    co_await sleep(loop, 0);
    say(loop, py_bool(a->cancelled()) + " " + py_bool(b->done()) + " " + std::to_string(q->qsize()));
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
[0.000000] ~ task+ Task-3 coro=consumer by=Task-1
[0.000000] ~ soon h#3 Task-3.step
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#4 Task-1.step
[0.000000] ~ iter 2 ready=3 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] ~ future+ F#1 origin=Queue#1.get by=Task-2
[0.000000] ~ wait Task-2 on Queue#1.get F#1
[0.000000] ~ run h#3 Task-3.step
[0.000000] ~ step Task-3 start
[0.000000] ~ future+ F#2 origin=Queue#1.get by=Task-3
[0.000000] ~ wait Task-3 on Queue#1.get F#2
[0.000000] ~ run h#4 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ resolve F#1 result=None
[0.000000] ~ soon h#5 Task-2.wakeup(F#1)
[0.000000] ~ cancel Task-2 by Task-1 n=1 must_cancel
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#6 Task-1.step
[0.000000] ~ iter 3 ready=2 timers=0
[0.000000] ~ run h#5 Task-2.wakeup(F#1)
[0.000000] ~ step Task-2 <- cancel (must_cancel)
[0.000000] ~ resolve F#2 result=None
[0.000000] ~ soon h#7 Task-3.wakeup(F#2)
[0.000000] a cancelled
[0.000000] ~ done Task-2 cancelled
[0.000000] ~ run h#6 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] ~ yield Task-1
[0.000000] ~ soon h#8 Task-1.step
[0.000000] ~ iter 4 ready=2 timers=0
[0.000000] ~ run h#7 Task-3.wakeup(F#2)
[0.000000] ~ step Task-3 <- Queue#1.get F#2 result=None
[0.000000] b got 1
[0.000000] ~ done Task-3 result=None
[0.000000] ~ run h#8 Task-1.step
[0.000000] ~ step Task-1 <- yield
[0.000000] True True 0
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

// //   import asyncio
//   async def worker(q):
//       while True:
//           item = await q.get()
//           print("work", item)
//           await asyncio.sleep(1)
//           q.task_done()
//   async def main():
//       pq = asyncio.PriorityQueue()
//       for x in [(3, "c"), (1, "a"), (2, "b"), (1, "z")]:
//           pq.put_nowait(x)
//       print([pq.get_nowait() for _ in range(4)])
//       lq = asyncio.LifoQueue(maxsize=2)
//       lq.put_nowait(1)
//       lq.put_nowait(2)
//       try:
//           lq.put_nowait(3)
//       except asyncio.QueueFull as e:
//           print("full", repr(e))
//       print(lq.get_nowait(), lq.get_nowait())
//       try:
//           lq.get_nowait()
//       except asyncio.QueueEmpty:
//           print("empty")
//       try:
//           lq.task_done()
//           lq.task_done()
//           lq.task_done()
//       except ValueError as e:
//           print(e)
//       q = asyncio.Queue()
//       w = asyncio.create_task(worker(q))
//       q.put_nowait("x")
//       q.put_nowait("y")
//       await q.join()
//       print("joined")
//       w.cancel()
//   asyncio.run(main())
Co worker(EventLoop& loop, Ref<Queue> q) {
  for (;;) {
    Value item = co_await await_(q->get());
    say(loop, "work " + str(item));
    co_await sleep(loop, 1);
    q->task_done();
  }
}

Value pair(int64_t n, const char* s) {
  return Value::object(make<TupleObj>(std::vector<Value>{Value::integer(n), str_value(s)}));
}

TEST(Queue, PriorityAndLifoOrderNowaitErrorsAndJoinWaitingOnTheQueuesEvent) {
  auto main = [](EventLoop& loop) -> Co {
    World& w = loop.world();
    auto pq = make<Queue>(w, 0, Queue::Order::Priority);
    std::vector<Value> xs{pair(3, "c"), pair(1, "a"), pair(2, "b"), pair(1, "z")};
    for (const Value& x : xs) pq->put_nowait(x);
    auto got = make<ListObj>();
    for (int i = 0; i < 4; ++i) got->items.push_back(pq->get_nowait());
    say(loop, got->repr());
    auto lq = make<Queue>(w, 2, Queue::Order::Lifo);
    lq->put_nowait(Value::integer(1));
    lq->put_nowait(Value::integer(2));
    try {
      lq->put_nowait(Value::integer(3));
    } catch (const PyError& e) {
      say(loop, "full " + e.exc->repr());
    }
    std::string a = str(lq->get_nowait());
    say(loop, a + " " + str(lq->get_nowait()));
    try {
      lq->get_nowait();
    } catch (const PyError& e) {
      if (is_exc(e.exc.get(), Exc::QueueEmpty)) say(loop, "empty");
    }
    try {
      lq->task_done();
      lq->task_done();
      lq->task_done();
    } catch (const PyError& e) {
      say(loop, e.exc->str());
    }
    auto q = make<Queue>(w);
    Ref<Task> wk = loop.create_task(coro(worker(loop, q), "worker", loop));
    q->put_nowait(str_value("x"));
    q->put_nowait(str_value("y"));
    co_await await_(q->join());
    say(loop, "joined");
    wk->cancel();
    co_return Value();
  };
  EXPECT_EQ(run_main(main), std::string(R"TRANSCRIPT([0.000000] ~ loop new
[0.000000] ~ task+ Task-1 coro=main by=-
[0.000000] ~ soon h#1 Task-1.step
[0.000000] ~ run_until_complete Task-1
[0.000000] ~ iter 1 ready=1 timers=0
[0.000000] ~ run h#1 Task-1.step
[0.000000] ~ step Task-1 start
[0.000000] [(1, 'a'), (1, 'z'), (2, 'b'), (3, 'c')]
[0.000000] full QueueFull()
[0.000000] 2 1
[0.000000] empty
[0.000000] task_done() called too many times
[0.000000] ~ task+ Task-2 coro=worker by=Task-1
[0.000000] ~ soon h#2 Task-2.step
[0.000000] ~ future+ F#1 origin=Queue#1/Event.wait by=Task-1
[0.000000] ~ wait Task-1 on Queue#1/Event.wait F#1
[0.000000] ~ iter 2 ready=1 timers=0
[0.000000] ~ run h#2 Task-2.step
[0.000000] ~ step Task-2 start
[0.000000] work x
[0.000000] ~ future+ F#2 origin=sleep by=Task-2
[0.000000] ~ timer h#3 at=1.000000 _set_result_unless_cancelled(F#2, None)
[0.000000] ~ wait Task-2 on sleep F#2 until=1.000000
[0.000000] ~ iter 3 ready=0 timers=1
[0.000000] ~ advance to=1.000000 (timeout=1.000000)
[1.000000] ~ due h#3
[1.000000] ~ run h#3 _set_result_unless_cancelled(F#2, None)
[1.000000] ~ resolve F#2 result=None
[1.000000] ~ soon h#4 Task-2.wakeup(F#2)
[1.000000] ~ iter 4 ready=1 timers=0
[1.000000] ~ run h#4 Task-2.wakeup(F#2)
[1.000000] ~ step Task-2 <- sleep F#2 until=1.000000 result=None
[1.000000] work y
[1.000000] ~ future+ F#3 origin=sleep by=Task-2
[1.000000] ~ timer h#5 at=2.000000 _set_result_unless_cancelled(F#3, None)
[1.000000] ~ wait Task-2 on sleep F#3 until=2.000000
[1.000000] ~ iter 5 ready=0 timers=1
[1.000000] ~ advance to=2.000000 (timeout=1.000000)
[2.000000] ~ due h#5
[2.000000] ~ run h#5 _set_result_unless_cancelled(F#3, None)
[2.000000] ~ resolve F#3 result=None
[2.000000] ~ soon h#6 Task-2.wakeup(F#3)
[2.000000] ~ iter 6 ready=1 timers=0
[2.000000] ~ run h#6 Task-2.wakeup(F#3)
[2.000000] ~ step Task-2 <- sleep F#3 until=2.000000 result=None
[2.000000] ~ resolve F#1 result=True
[2.000000] ~ soon h#7 Task-1.wakeup(F#1)
[2.000000] ~ future+ F#4 origin=Queue#1.get by=Task-2
[2.000000] ~ wait Task-2 on Queue#1.get F#4
[2.000000] ~ iter 7 ready=1 timers=0
[2.000000] ~ run h#7 Task-1.wakeup(F#1)
[2.000000] ~ step Task-1 <- Queue#1/Event.wait F#1 result=True
[2.000000] joined
[2.000000] ~ cancel Task-2 by Task-1 n=1 -> Queue#1.get F#4
[2.000000] ~ resolve F#4 cancelled
[2.000000] ~ soon h#8 Task-2.wakeup(F#4)
[2.000000] ~ done Task-1 result=None
[2.000000] ~ soon h#9 _run_until_complete_cb(Task-1)
[2.000000] ~ iter 8 ready=2 timers=0
[2.000000] ~ run h#8 Task-2.wakeup(F#4)
[2.000000] ~ step Task-2 <- Queue#1.get F#4 raise=CancelledError
[2.000000] ~ done Task-2 cancelled
[2.000000] ~ run h#9 _run_until_complete_cb(Task-1)
[2.000000] ~ run_until_complete end
[2.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_asyncgens
[2.000000] ~ task+ Task-3 coro=BaseEventLoop.shutdown_asyncgens by=-
[2.000000] ~ soon h#10 Task-3.step
[2.000000] ~ iter 9 ready=1 timers=0
[2.000000] ~ run h#10 Task-3.step
[2.000000] ~ step Task-3 start
[2.000000] ~ done Task-3 result=None
[2.000000] ~ soon h#11 _run_until_complete_cb(Task-3)
[2.000000] ~ iter 10 ready=1 timers=0
[2.000000] ~ run h#11 _run_until_complete_cb(Task-3)
[2.000000] ~ run_until_complete end
[2.000000] ~ run_until_complete coro:BaseEventLoop.shutdown_default_executor
[2.000000] ~ task+ Task-4 coro=BaseEventLoop.shutdown_default_executor by=-
[2.000000] ~ soon h#12 Task-4.step
[2.000000] ~ iter 11 ready=1 timers=0
[2.000000] ~ run h#12 Task-4.step
[2.000000] ~ step Task-4 start
[2.000000] ~ done Task-4 result=None
[2.000000] ~ soon h#13 _run_until_complete_cb(Task-4)
[2.000000] ~ iter 12 ready=1 timers=0
[2.000000] ~ run h#13 _run_until_complete_cb(Task-4)
[2.000000] ~ run_until_complete end
[2.000000] ~ loop close
)TRANSCRIPT"));
}

}  // namespace
}  // namespace loopscope
