#include "engine/lib/as_completed.hpp"

#include <algorithm>
#include <unordered_set>

#include "engine/lib/gather.hpp"
#include "engine/lib/wait.hpp"
#include "engine/lib/wait_for.hpp"

namespace loopscope {

AsCompleted::AsCompleted(EventLoop& loop, std::vector<Value> fs, Value timeout)
    : Object(ObjKind::Other), loop_(&loop), args_(std::move(fs)), timeout_(std::move(timeout)) {
  for (const Value& v : args_) {
    if (!v.is(ObjKind::Future) && !v.is(ObjKind::Task) && !v.is(ObjKind::Coroutine)) {
      throw PyError{make_exc(Exc::TypeError, "An asyncio.Future, a coroutine or an awaitable is required")};
    }
  }
}

void AsCompleted::visit_refs(const std::function<void(Object*)>& fn) const {
  for (const Value& v : args_) {
    if (Object* o = v.obj()) fn(o);
  }
  for (const Ref<Future>& f : todo_) fn(f.get());
}

void AsCompleted::start() {
  started_ = true;
  done_ = make<asyncio::Queue>(loop_->world(), 0, asyncio::Queue::Order::Fifo, "as_completed");
  std::unordered_set<Object*> seen;  // lookup only: duplicates are wrapped once
  std::vector<Ref<Future>> futures;   // argument order
  for (const Value& arg : args_) {
    if (!seen.insert(arg.obj()).second) continue;
    futures.push_back(ensure_future(*loop_, arg));
  }
  args_.clear();
  todo_ = unique_in_creation_order(futures);
  Ref<AsCompleted> self(this);
  for (const Ref<Future>& f : todo_) {
    DoneCallback cb;
    cb.qualname = "as_completed._on_completion";
    cb.holder = self;
    cb.fn = [s = this](Future* done) { s->on_completion(done); };
    tokens_.push_back(f->add_done_callback(std::move(cb)));
  }
  if (!todo_.empty() && !timeout_.is_none()) {
    timeout_handle_ = loop_->call_later(seconds_of(timeout_), [self] { self->on_timeout(); }, "as_completed._on_timeout()");
  }
  remaining_ = todo_.size();
}

void AsCompleted::on_timeout() {
  timeout_handle_.reset();  // it ran; holding it would keep a cycle through its callback
  for (size_t i = 0; i < todo_.size(); ++i) {
    todo_[i]->remove_done_callback(tokens_[i]);
    done_->put_nowait(Value());  // Queue a dummy value for _wait_for_one().
  }
  todo_.clear();
  tokens_.clear();
}

void AsCompleted::on_completion(Future* f) {
  if (todo_.empty()) return;  // _on_timeout() was here first.
  for (size_t i = 0; i < todo_.size(); ++i) {
    if (todo_[i].get() == f) {
      todo_.erase(todo_.begin() + long(i));
      tokens_.erase(tokens_.begin() + long(i));
      break;
    }
  }
  done_->put_nowait(Value::object(f));
  if (todo_.empty() && timeout_handle_) {
    timeout_handle_->cancel();
    timeout_handle_.reset();
  }
}

Co AsCompleted::wait_for_one(Ref<AsCompleted> self) {
  Value f = co_await asyncio::Queue::get_co(self->done_);
  if (f.is_none()) throw PyError{make_exc(Exc::TimeoutError)};  // Dummy value from _on_timeout().
  co_return f.as<Future>()->result();  // May raise f.exception().
}

Ref<Coroutine> AsCompleted::next() {
  if (!started_) start();
  if (remaining_ == 0) return nullptr;
  --remaining_;
  return coroutine(wait_for_one(Ref<AsCompleted>(this)), "as_completed.<locals>._wait_for_one", &loop_->world());
}

Ref<AsCompleted> as_completed(EventLoop& loop, std::vector<Value> fs, Value timeout) {
  return make<AsCompleted>(loop, std::move(fs), std::move(timeout));
}

}  // namespace loopscope
