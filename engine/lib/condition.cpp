#include "engine/lib/condition.hpp"

namespace loopscope::asyncio {

bool truthy(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::None: return false;
    case Value::Tag::Bool: return v.as_bool();
    case Value::Tag::Int: return v.as_int() != 0;
    case Value::Tag::Float: return v.as_float() != 0.0;
    case Value::Tag::Obj: break;
  }
  if (v.is(ObjKind::Str)) return !v.as<StrObj>()->value.empty();
  if (v.is(ObjKind::List)) return !v.as<ListObj>()->items.empty();
  if (v.is(ObjKind::Tuple)) return !v.as<TupleObj>()->items.empty();
  return true;
}

Condition::Condition(World& world, Ref<Lock> lock, const std::string& owner)
    : LoopBoundObject(world, "Condition", owner) {
  lock_ = lock ? std::move(lock) : make<Lock>(world, label_);
}

std::string Condition::repr() const {
  std::string extra = locked() ? "locked" : "unlocked";
  if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
  return "<asyncio.locks.Condition object at 0x? [" + extra + "]>";
}

Co Condition::wait_co(Ref<Condition> self) {
  if (!self->locked()) throw PyError{make_exc(Exc::RuntimeError, "cannot wait on un-acquired lock")};
  self->release();
  Ref<ExceptionObj> err;
  {
    Ref<Future> fut;
    try {
      fut = self->new_waiter("wait");
      self->waiters_.push_back(fut);
      co_await fut;
    } catch (const PyError& e) {
      err = e.exc;
    }
    if (fut) remove_waiter(self->waiters_, fut.get());
  }
  // The outer `finally`: reacquire the lock, even when cancelled meanwhile.
  bool cancelled = false;
  for (;;) {
    bool again = false;
    try {
      co_await Lock::acquire_co(self->lock_);
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::CancelledError)) throw;
      again = true;
    }
    if (!again) break;
    cancelled = true;
  }
  if (cancelled) {
    Ref<ExceptionObj> c = make_exc(Exc::CancelledError);
    c->context = err;
    throw PyError{c};
  }
  if (err) throw PyError{err};
  co_return Value::boolean(true);
}

Ref<Coroutine> Condition::wait() {
  return coroutine(wait_co(Ref<Condition>(this)), "Condition.wait", world_);
}

Co Condition::wait_for_co(Ref<Condition> self, std::function<Value()> predicate) {
  Value result = predicate();
  while (!truthy(result)) {
    co_await wait_co(self);
    result = predicate();
  }
  co_return result;
}

Ref<Coroutine> Condition::wait_for(std::function<Value()> predicate) {
  return coroutine(wait_for_co(Ref<Condition>(this), std::move(predicate)), "Condition.wait_for", world_);
}

void Condition::notify(int64_t n) {
  if (!locked()) throw PyError{make_exc(Exc::RuntimeError, "cannot notify on un-acquired lock")};
  int64_t idx = 0;
  for (const Ref<Future>& fut : waiters_) {
    if (idx >= n) break;
    if (!fut->done()) {
      ++idx;
      fut->set_result(Value::boolean(false));
    }
  }
}

}  // namespace loopscope::asyncio
