#pragma once
// asyncio.Queue, PriorityQueue and LifoQueue, ported from CPython 3.11's
// queues.py. The queue's `_finished` Event is named Queue#n/Event.

#include <deque>
#include <functional>
#include <vector>

#include "engine/lib/event.hpp"

namespace loopscope::asyncio {

class Queue final : public LoopBoundObject {
 public:
  enum class Order : uint8_t { Fifo, Priority, Lifo };

  // maxsize <= 0: unbounded. `owner`: made by asyncio for that owner
  // (as_completed's queue is as_completed/Queue).
  Queue(World& world, int64_t maxsize = 0, Order order = Order::Fifo, const std::string& owner = {});
  std::string repr() const override;
  std::string str() const override;

  int64_t maxsize() const { return maxsize_; }
  size_t qsize() const { return hooks_.qsize ? size_t(hooks_.qsize()) : items_.size(); }
  bool empty() const { return qsize() == 0; }
  bool full() const { return maxsize_ > 0 && int64_t(qsize()) >= maxsize_; }

  // `async def put(item)` / `get()` / `join()`: Coroutines "Queue.put", ...
  Ref<Coroutine> put(Value item);
  Ref<Coroutine> get();
  Ref<Coroutine> join();
  static Co put_co(Ref<Queue> self, Value item);
  static Co get_co(Ref<Queue> self);
  static Co join_co(Ref<Queue> self);

  // Raise QueueFull / QueueEmpty.
  void put_nowait(Value item);
  Value get_nowait();
  // Raises ValueError('task_done() called too many times').
  void task_done();

  const std::deque<Value>& items() const { return items_; }  // storage order

  // How a PriorityQueue orders its items: the script's `<` (user __lt__
  // included); python_less when unset.
  using Less = std::function<bool(const Value&, const Value&)>;
  void set_less(Less less) { less_ = std::move(less); }
  const Ref<Event>& finished() const { return finished_; }

  // A subclass's _put/_get/_qsize (CPython's queues.py hooks): when set,
  // the queue stores its items through them.
  struct Hooks {
    std::function<void(const Value&)> put;
    std::function<Value()> get;
    std::function<int64_t()> qsize;
  };
  void set_hooks(Hooks h) { hooks_ = std::move(h); }
  // The queue's own _init/_put/_get/_qsize (what super()._put(item) runs).
  void plain_init() { items_.clear(); }
  void plain_put(Value item);
  Value plain_get();
  size_t plain_qsize() const { return items_.size(); }

 private:
  void put_item(Value item);  // _put
  Value get_item();           // _get
  Value take_item();
  void note_items();          // records the items for the window
  void wakeup_next(Waiters& waiters);
  std::string format() const;

  Order order_;
  Less less_;
  int64_t maxsize_;
  std::deque<Value> items_;  // deque (Fifo), heap (Priority) or list (Lifo)
  Waiters getters_;
  Waiters putters_;
  int64_t unfinished_tasks_ = 0;
  Ref<Event> finished_;
  Hooks hooks_;
};

}  // namespace loopscope::asyncio

namespace loopscope {

// Python's `a < b` for the values a priority queue compares (numbers,
// strings, tuples and lists of them); TypeError otherwise.
bool python_less(const Value& a, const Value& b);

}  // namespace loopscope::asyncio
