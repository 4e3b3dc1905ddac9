// Delegation opcodes: `await` (to a future or a coroutine), `yield from`,
// and the async iteration protocol (`async for`, async comprehensions).

#include <typeinfo>

#include "engine/loop/future.hpp"
#include "engine/script/vm/coroutine.hpp"
#include "engine/script/vm/generator.hpp"

namespace loopscope::script {

namespace {

// Calls a method of an iterator `yield from` delegates to; a StopIteration
// it raises is its return value (false).
bool call_delegate(Interp& in, const Value& method, std::vector<Value> args, Value& out) {
  try {
    out = in.call(method, std::move(args));
    return true;
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::StopIteration)) throw;
    out = e.exc->args.empty() ? Value() : e.exc->args[0];
    return false;
  }
}

// generator.close() on a delegate that has one.
void close_delegate(Interp& in, const Value& sub) {
  if (Object* o = sub.obj(); o && typeid(*o) == typeid(GeneratorObj)) {
    static_cast<GeneratorObj*>(o)->close();
    return;
  }
  Value m;
  if (sub.is(ObjKind::Instance) && in.lookup_attr(sub, "close", m)) in.call(m, std::vector<Value>{});
}

}  // namespace

void Interp::do_await(Frame& f, Value& sent, Ref<ExceptionObj>& thrown, StepResult& out, bool& suspended) {
  bool first = f.awaiting.is_none();
  if (first) {
    f.awaiting = std::move(f.stack.back());
    f.stack.pop_back();
  }
  Object* o = f.awaiting.obj();
  if (o->kind() == ObjKind::Future || o->kind() == ObjKind::Task) {
    Ref<Future> fut(static_cast<Future*>(o));
    if (!first) {
      f.awaiting = Value();
      if (thrown) {
        Ref<ExceptionObj> e = std::move(thrown);
        throw PyError{e};
      }
      if (!fut->done()) raise(Exc::RuntimeError, "await wasn't used with future");
      f.stack.push_back(fut->result());
      return;
    }
    if (!fut->done()) {
      fut->blocking = true;
      out = StepResult{};
      out.kind = StepResult::Kind::Future;
      out.future = fut;
      suspended = true;
      return;
    }
    f.awaiting = Value();
    f.stack.push_back(fut->result());
    return;
  }
  // A coroutine: delegate (yield from) until it returns.
  Ref<Coroutine> c(static_cast<Coroutine*>(o));
  StepResult r;
  delegating = true;
  struct Reset {
    bool& d;
    ~Reset() { d = false; }
  } reset{delegating};
  if (thrown) {
    Ref<ExceptionObj> e = std::move(thrown);
    r = c->throw_exc(std::move(e));
  } else {
    Value v = std::move(sent);
    sent = Value();
    r = c->send(first ? Value() : std::move(v));
  }
  switch (r.kind) {
    case StepResult::Kind::Return:
      f.awaiting = Value();
      f.stack.push_back(std::move(r.value));
      return;
    case StepResult::Kind::Raise:
      f.awaiting = Value();
      throw PyError{r.exc, true};
    case StepResult::Kind::Future:
    case StepResult::Kind::BareYield:
      out = std::move(r);
      suspended = true;
      return;
  }
}

Value Interp::get_yield_from_iter(const Value& v) {
  if (v.is(ObjKind::Coroutine)) type_error("cannot 'yield from' a coroutine object in a non-coroutine generator");
  return iter(v);
}

bool Interp::yield_from(Frame& f, Value& sent, Ref<ExceptionObj>& thrown, Value& out) {
  bool first = f.awaiting.is_none();
  if (first) {
    f.awaiting = std::move(f.stack.back());
    f.stack.pop_back();
  }
  Value sub = f.awaiting;
  Object* o = sub.obj();
  auto* gen = o && typeid(*o) == typeid(GeneratorObj) ? static_cast<GeneratorObj*>(o) : nullptr;
  bool yielded = false;
  struct Done {  // the delegation ends when it does not yield, or raises
    Frame& f;
    bool& yielded;
    ~Done() {
      if (!yielded) f.awaiting = Value();
    }
  } done{f, yielded};
  Value v = first ? Value() : std::move(sent);
  sent = Value();
  if (thrown) {
    Ref<ExceptionObj> e = std::move(thrown);
    if (is_exc(e.get(), Exc::GeneratorExit)) {
      close_delegate(*this, sub);
      throw PyError{e};
    }
    if (gen) {
      yielded = gen->step(Value(), e, out);
    } else {
      Value m;
      if (!sub.is(ObjKind::Instance) || !lookup_attr(sub, "throw", m)) throw PyError{e};
      yielded = call_delegate(*this, m, std::vector<Value>{Value::object(e)}, out);
    }
  } else if (gen) {
    yielded = gen->step(std::move(v), nullptr, out);
  } else if (v.is_none()) {
    out = Value();
    try {
      yielded = next(sub, out);
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::StopIteration)) throw;
      out = e.exc->args.empty() ? Value() : e.exc->args[0];
      yielded = false;
    }
  } else {
    Value m;
    if (!lookup_attr(sub, "send", m)) {
      raise(Exc::AttributeError, "'" + type_name(sub) + "' object has no attribute 'send'");
    }
    yielded = call_delegate(*this, m, std::vector<Value>{std::move(v)}, out);
  }
  if (!yielded) f.stack.push_back(std::move(out));
  return yielded;
}

// `await obj` where obj's class defines __await__: what it returns is
// awaited (a coroutine's __await__() is the coroutine itself).
Value Interp::awaitable_of_instance(const Value& v) {
  Value m;
  if (!lookup_attr(v, "__await__", m)) return v;  // GetAwaitable's TypeError follows
  Value r = call(m, std::vector<Value>{});
  Object* o = r.obj();
  if (!o || (o->kind() != ObjKind::Coroutine && o->kind() != ObjKind::Future && o->kind() != ObjKind::Task)) {
    type_error("__await__() returned non-iterator of type '" + type_name(r) + "'");
  }
  return r;
}

Value Interp::get_aiter(const Value& v) {
  Object* o = v.obj();
  if (o && typeid(*o) == typeid(AsyncGenObj)) return v;
  Value m;
  if (o && o->kind() == ObjKind::Instance && lookup_attr(v, "__aiter__", m)) {
    Value it = call(m, std::vector<Value>{});
    Value nx;
    bool agen = it.obj() && typeid(*it.obj()) == typeid(AsyncGenObj);
    if (!agen && !(it.is(ObjKind::Instance) && lookup_attr(it, "__anext__", nx))) {
      type_error("'async for' received an object from __aiter__ that does not implement __anext__: " + type_name(it));
    }
    return it;
  }
  type_error("'async for' requires an object with __aiter__ method, got " + type_name(v));
}

Value Interp::get_anext(const Value& aiter) {
  Object* o = aiter.obj();
  if (o && typeid(*o) == typeid(AsyncGenObj)) {
    Ref<AsyncGenObj> g(static_cast<AsyncGenObj*>(o));
    return Value::object(make<AsyncGenStep>(g, AsyncGenStep::Mode::ASend, Value(), nullptr));
  }
  Value m;
  if (!lookup_attr(aiter, "__anext__", m)) {
    type_error("'async for' requires an iterator with __anext__ method, got " + type_name(aiter));
  }
  Value aw = call(m, std::vector<Value>{});
  Object* a = aw.obj();
  if (!a || (a->kind() != ObjKind::Coroutine && a->kind() != ObjKind::Future && a->kind() != ObjKind::Task)) {
    type_error("'async for' received an invalid object from __anext__: " + type_name(aw));
  }
  return aw;
}

}  // namespace loopscope::script
