#include "engine/lib/wait_for.hpp"

#include "engine/lib/gather.hpp"
#include "engine/loop/trace_text.hpp"

namespace loopscope {

double seconds_of(const Value& v) {
  if (v.is_float()) return v.as_float();
  if (v.is_int()) return double(v.as_int());
  if (v.is_bool()) return v.as_bool() ? 1.0 : 0.0;
  throw PyError{make_exc(Exc::TypeError, "'<=' not supported between instances of '" + type_name(v) + "' and 'int'")};
}

void release_waiter(Future* waiter) {
  if (!waiter->done()) waiter->set_result(Value());
}

DoneCallback release_waiter_callback(const Ref<Future>& waiter) {
  DoneCallback cb;
  Future* w = waiter.get();  // the waiter outlives the callback's registration
  Ref<Future> keep = waiter;
  cb.fn = [keep](Future*) { release_waiter(keep.get()); };
  cb.qualname = "_release_waiter";
  cb.bound_args = w->label();
  return cb;
}

Co cancel_and_wait(EventLoop& loop, Ref<Future> fut) {
  Ref<Future> waiter = loop.create_future("cancel_and_wait", "cancel_and_wait %F on=" + fut->label());
  uint64_t token = fut->add_done_callback(release_waiter_callback(waiter));
  struct Finally {  // `finally: fut.remove_done_callback(cb)`
    Future* fut;
    uint64_t token;
    ~Finally() { fut->remove_done_callback(token); }
  } finally{fut.get(), token};
  fut->cancel();
  co_await waiter;
  co_return Value();
}

namespace {

Co await_value(Value aw) {
  if (aw.is(ObjKind::Coroutine)) co_return co_await await_coroutine(Ref<Coroutine>(aw.as<Coroutine>()));
  if (aw.is(ObjKind::Future) || aw.is(ObjKind::Task)) {
    Ref<Future> fut(aw.as<Future>());  // named: see co.cpp on g++ 12 temporaries
    co_return co_await fut;
  }
  throw PyError{make_exc(Exc::TypeError, "object " + type_name(aw) + " can't be used in 'await' expression")};
}

// `raise exceptions.TimeoutError() from exc`
PyError timeout_from(const Ref<ExceptionObj>& cause) {
  Ref<ExceptionObj> e = make_exc(Exc::TimeoutError);
  e->cause = cause;
  e->context = cause;
  e->suppress_context = true;
  return PyError{e};
}

// fut.result(), with a CancelledError turned into TimeoutError.
Value result_or_timeout(Future* fut) {
  try {
    return fut->result();
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::CancelledError)) throw timeout_from(e.exc);
    throw;
  }
}

}  // namespace

Co wait_for(EventLoop& loop, Value aw, Value timeout_value) {
  if (timeout_value.is_none()) co_return co_await await_value(std::move(aw));
  double timeout = seconds_of(timeout_value);

  if (timeout <= 0) {
    Ref<Future> fut = ensure_future(loop, aw);
    if (fut->done()) co_return fut->result();
    co_await cancel_and_wait(loop, fut);
    co_return result_or_timeout(fut.get());
  }

  Ref<Future> waiter = loop.create_future("wait_for", "wait_for %F on=? deadline=" + trace_time(loop.time() + timeout));
  Ref<Handle> timeout_handle = loop.call_later(
      timeout, [w = waiter] { release_waiter(w.get()); }, "_release_waiter(" + waiter->label() + ")");
  struct Finally {  // `finally: timeout_handle.cancel()`
    Ref<Handle> h;
    ~Finally() { h->cancel(); }
  } finally{timeout_handle};

  Ref<Future> fut = ensure_future(loop, aw);
  waiter->set_awaited("wait_for %F on=" + fut->label() + " deadline=" + trace_time(timeout_handle->when));
  uint64_t cb = fut->add_done_callback(release_waiter_callback(waiter));

  Ref<ExceptionObj> cancelled;  // the CancelledError being handled
  try {
    co_await waiter;
  } catch (const PyError& e) {
    if (!is_exc(e.exc.get(), Exc::CancelledError)) throw;
    cancelled = e.exc;
  }
  if (cancelled) {
    if (fut->done()) {
      // `return fut.result()` inside the except clause: what it raises
      // gets the CancelledError being handled as its context.
      try {
        co_return fut->result();
      } catch (const PyError& inner) {
        if (!inner.exc->context && inner.exc.get() != cancelled.get()) inner.exc->context = cancelled;
        throw;
      }
    }
    fut->remove_done_callback(cb);
    // We must ensure that the task is not running after wait_for() returns.
    co_await cancel_and_wait(loop, fut);
    throw PyError{cancelled};
  }
  if (fut->done()) co_return fut->result();
  fut->remove_done_callback(cb);
  co_await cancel_and_wait(loop, fut);
  // In case task cancellation failed with TimeoutError, the TimeoutError
  // will be propagated.
  co_return result_or_timeout(fut.get());
}

Ref<Coroutine> wait_for_coroutine(EventLoop& loop, Value aw, Value timeout) {
  return coroutine(wait_for(loop, std::move(aw), std::move(timeout)), "wait_for", &loop.world());
}

}  // namespace loopscope
