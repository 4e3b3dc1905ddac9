#include "engine/lib/queue.hpp"

#include <deque>

#include "engine/loop/trace_text.hpp"

namespace loopscope {

namespace {

bool is_number(const Value& v) { return v.is_bool() || v.is_int() || v.is_float(); }
double as_double(const Value& v) {
  return v.is_float() ? v.as_float() : v.is_int() ? double(v.as_int()) : double(v.as_bool());
}
const std::vector<Value>* sequence(const Value& v) {
  if (v.is(ObjKind::Tuple)) return &v.as<TupleObj>()->items;
  if (v.is(ObjKind::List)) return &v.as<ListObj>()->items;
  return nullptr;
}

bool python_equal(const Value& a, const Value& b) {
  if (is_number(a) && is_number(b)) {
    if (!a.is_float() && !b.is_float()) {
      int64_t x = a.is_int() ? a.as_int() : a.as_bool();
      int64_t y = b.is_int() ? b.as_int() : b.as_bool();
      return x == y;
    }
    return as_double(a) == as_double(b);
  }
  if (a.is(ObjKind::Str) && b.is(ObjKind::Str)) return a.as<StrObj>()->value == b.as<StrObj>()->value;
  const auto* sa = sequence(a);
  const auto* sb = sequence(b);
  if (sa && sb && a.obj()->kind() == b.obj()->kind()) {
    if (sa->size() != sb->size()) return false;
    for (size_t i = 0; i < sa->size(); ++i) {
      if (!python_equal((*sa)[i], (*sb)[i])) return false;
    }
    return true;
  }
  return a.identical(b);
}

// heapq's _siftdown / _siftup, so equal priorities come out in CPython's order.
void heap_siftdown(std::deque<Value>& heap, size_t startpos, size_t pos, const asyncio::Queue::Less& less) {
  Value newitem = heap[pos];
  while (pos > startpos) {
    size_t parentpos = (pos - 1) >> 1;
    if (less(newitem, heap[parentpos])) {
      heap[pos] = heap[parentpos];
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

void heap_siftup(std::deque<Value>& heap, size_t pos, const asyncio::Queue::Less& less) {
  size_t endpos = heap.size();
  size_t startpos = pos;
  Value newitem = heap[pos];
  size_t childpos = 2 * pos + 1;
  while (childpos < endpos) {
    size_t rightpos = childpos + 1;
    if (rightpos < endpos && !less(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = heap[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  heap_siftdown(heap, startpos, pos, less);
}

}  // namespace

bool python_less(const Value& a, const Value& b) {
  if (is_number(a) && is_number(b)) {
    if (!a.is_float() && !b.is_float()) {
      int64_t x = a.is_int() ? a.as_int() : a.as_bool();
      int64_t y = b.is_int() ? b.as_int() : b.as_bool();
      return x < y;
    }
    return as_double(a) < as_double(b);
  }
  if (a.is(ObjKind::Str) && b.is(ObjKind::Str)) return a.as<StrObj>()->value < b.as<StrObj>()->value;
  const auto* sa = sequence(a);
  const auto* sb = sequence(b);
  if (sa && sb && a.obj()->kind() == b.obj()->kind()) {
    size_t n = std::min(sa->size(), sb->size());
    for (size_t i = 0; i < n; ++i) {
      if (!python_equal((*sa)[i], (*sb)[i])) return python_less((*sa)[i], (*sb)[i]);
    }
    return sa->size() < sb->size();
  }
  throw PyError{make_exc(Exc::TypeError, "'<' not supported between instances of '" + type_name(a) +
                                             "' and '" + type_name(b) + "'")};
}

}  // namespace loopscope

namespace loopscope::asyncio {

namespace {

const char* type_for(Queue::Order o) {
  switch (o) {
    case Queue::Order::Priority: return "PriorityQueue";
    case Queue::Order::Lifo: return "LifoQueue";
    default: return "Queue";
  }
}

}  // namespace

Queue::Queue(World& world, int64_t maxsize, Order order, const std::string& owner)
    : LoopBoundObject(world, type_for(order), owner), order_(order), maxsize_(maxsize) {
  finished_ = make<Event>(world, label_);
  finished_->set();
}

std::string Queue::format() const {
  std::string s = "maxsize=" + std::to_string(maxsize_);
  if (!items_.empty()) {
    s += " _queue=[";
    for (size_t i = 0; i < items_.size(); ++i) s += (i ? ", " : "") + loopscope::repr(items_[i]);
    s += "]";
  }
  if (!getters_.empty()) s += " _getters[" + std::to_string(getters_.size()) + "]";
  if (!putters_.empty()) s += " _putters[" + std::to_string(putters_.size()) + "]";
  if (unfinished_tasks_) s += " tasks=" + std::to_string(unfinished_tasks_);
  return s;
}

std::string Queue::repr() const { return "<" + type_ + " at 0x? " + format() + ">"; }
std::string Queue::str() const { return "<" + type_ + " " + format() + ">"; }

void Queue::put_item(Value item) {
  if (hooks_.put) {
    hooks_.put(item);
    return;
  }
  plain_put(std::move(item));
}

void Queue::plain_put(Value item) {
  items_.push_back(std::move(item));
  if (order_ == Order::Priority) heap_siftdown(items_, 0, items_.size() - 1, less_ ? less_ : Less(python_less));
  note_items();
}

void Queue::note_items() {
  if (!noting()) return;
  constexpr size_t kShown = 6;
  std::string s = std::to_string(items_.size()) + (items_.size() == 1 ? " item" : " items");
  if (!items_.empty()) {
    s += ": [";
    for (size_t i = 0; i < items_.size() && i < kShown; ++i) s += (i ? ", " : "") + loopscope::repr(items_[i]);
    s += items_.size() > kShown ? ", ...]" : "]";
  }
  if (s.size() > 120) s = s.substr(0, 116) + " ...";
  note(s);
}

Value Queue::get_item() { return hooks_.get ? hooks_.get() : plain_get(); }

Value Queue::plain_get() {
  if (items_.empty()) {
    const char* msg = order_ == Order::Fifo ? "pop from an empty deque"
                      : order_ == Order::Lifo ? "pop from empty list" : "index out of range";
    throw PyError{make_exc(Exc::IndexError, msg)};
  }
  Value v = take_item();
  note_items();
  return v;
}

Value Queue::take_item() {
  if (order_ == Order::Fifo) {
    Value v = std::move(items_.front());
    items_.pop_front();
    return v;
  }
  Value last = items_.back();
  items_.pop_back();
  if (order_ == Order::Lifo || items_.empty()) return last;
  Value top = items_[0];  // heapq.heappop
  items_[0] = last;
  heap_siftup(items_, 0, less_ ? less_ : Less(python_less));
  return top;
}

void Queue::wakeup_next(Waiters& waiters) {
  // Wake up the next waiter (if any) that isn't cancelled.
  while (!waiters.empty()) {
    Ref<Future> waiter = waiters.front();
    waiters.pop_front();
    if (!waiter->done()) {
      waiter->set_result(Value());
      break;
    }
  }
}

void Queue::put_nowait(Value item) {
  if (full()) throw PyError{make_exc(Exc::QueueFull)};
  put_item(std::move(item));
  ++unfinished_tasks_;
  finished_->clear();
  wakeup_next(getters_);
}

Value Queue::get_nowait() {
  if (empty()) throw PyError{make_exc(Exc::QueueEmpty)};
  Value item = get_item();
  wakeup_next(putters_);
  return item;
}

void Queue::task_done() {
  if (unfinished_tasks_ <= 0) throw PyError{make_exc(Exc::ValueError, "task_done() called too many times")};
  if (--unfinished_tasks_ == 0) finished_->set();
}

Co Queue::put_co(Ref<Queue> self, Value item) {
  while (self->full()) {
    Ref<Future> putter = self->new_waiter("put");
    self->putters_.push_back(putter);
    Ref<ExceptionObj> err;
    try {
      co_await putter;
    } catch (const PyError& e) {
      err = e.exc;
    }
    if (err) {
      putter->cancel();  // Just in case putter is not done yet.
      remove_waiter(self->putters_, putter.get());
      // The putter could be removed from self._putters by a previous get_nowait call.
      if (!self->full() && !putter->cancelled()) self->wakeup_next(self->putters_);
      throw PyError{err};
    }
  }
  self->put_nowait(std::move(item));
  co_return Value();
}

Co Queue::get_co(Ref<Queue> self) {
  while (self->empty()) {
    Ref<Future> getter = self->new_waiter("get");
    self->getters_.push_back(getter);
    Ref<ExceptionObj> err;
    try {
      co_await getter;
    } catch (const PyError& e) {
      err = e.exc;
    }
    if (err) {
      getter->cancel();  // Just in case getter is not done yet.
      remove_waiter(self->getters_, getter.get());
      // The getter could be removed from self._getters by a previous put_nowait call.
      if (!self->empty() && !getter->cancelled()) self->wakeup_next(self->getters_);
      throw PyError{err};
    }
  }
  co_return self->get_nowait();
}

Co Queue::join_co(Ref<Queue> self) {
  if (self->unfinished_tasks_ > 0) co_await Event::wait_co(self->finished_);
  co_return Value();
}

Ref<Coroutine> Queue::put(Value item) {
  return coroutine(put_co(Ref<Queue>(this), std::move(item)), "Queue.put", world_);
}
Ref<Coroutine> Queue::get() { return coroutine(get_co(Ref<Queue>(this)), "Queue.get", world_); }
Ref<Coroutine> Queue::join() { return coroutine(join_co(Ref<Queue>(this)), "Queue.join", world_); }

}  // namespace loopscope::asyncio
