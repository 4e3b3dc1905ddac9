#include "engine/lib/wait.hpp"

#include <algorithm>
#include <memory>

#include "engine/lib/wait_for.hpp"
#include "engine/object/dict.hpp"
#include "engine/loop/trace_text.hpp"

namespace loopscope {

const char* return_when_name(ReturnWhen r) {
  switch (r) {
    case ReturnWhen::FirstCompleted: return "FIRST_COMPLETED";
    case ReturnWhen::FirstException: return "FIRST_EXCEPTION";
    default: return "ALL_COMPLETED";
  }
}

std::vector<Ref<Future>> unique_in_creation_order(const std::vector<Ref<Future>>& fs) {
  std::vector<Ref<Future>> out;
  for (const Ref<Future>& f : fs) {
    if (std::none_of(out.begin(), out.end(), [&](const Ref<Future>& g) { return g == f; })) out.push_back(f);
  }
  std::sort(out.begin(), out.end(), [](const Ref<Future>& a, const Ref<Future>& b) { return a->serial() < b->serial(); });
  return out;
}

namespace {

// tasks._wait: the caller has checked fs.
Co wait_impl(EventLoop& loop, std::vector<Ref<Future>> fs, Value timeout, ReturnWhen return_when) {
  std::string items;
  for (const Ref<Future>& f : fs) items += (items.empty() ? "" : ", ") + f->label();
  std::string text = "wait %F [" + items + "] return_when=" + return_when_name(return_when);
  Ref<Future> waiter = loop.create_future("wait", text);

  struct State {
    size_t counter = 0;
    Ref<Handle> timeout_handle;
  };
  auto st = std::make_shared<State>();
  st->counter = fs.size();
  if (!timeout.is_none()) {
    st->timeout_handle = loop.call_later(
        seconds_of(timeout), [w = waiter] { release_waiter(w.get()); }, "_release_waiter(" + waiter->label() + ")");
    waiter->set_awaited(text + " deadline=" + trace_time(st->timeout_handle->when));
  }

  DoneCallback on_completion;
  on_completion.qualname = "_wait._on_completion";
  on_completion.fn = [st, waiter, return_when](Future* f) {
    --st->counter;
    if (st->counter == 0 || return_when == ReturnWhen::FirstCompleted ||
        (return_when == ReturnWhen::FirstException && !f->cancelled() && f->exception())) {
      if (st->timeout_handle) st->timeout_handle->cancel();
      if (!waiter->done()) waiter->set_result(Value());
    }
  };
  std::vector<uint64_t> tokens;
  for (const Ref<Future>& f : fs) tokens.push_back(f->add_done_callback(on_completion));

  struct Finally {
    std::shared_ptr<State> st;
    std::vector<Ref<Future>>& fs;
    std::vector<uint64_t>& tokens;
    ~Finally() {
      if (st->timeout_handle) st->timeout_handle->cancel();
      for (size_t i = 0; i < fs.size(); ++i) fs[i]->remove_done_callback(tokens[i]);
    }
  };
  {
    Finally finally{st, fs, tokens};
    co_await waiter;
  }

  // Sets, filled in creation order (a future's hash is its creation number).
  auto done = make<SetObj>();
  auto pending = make<SetObj>();
  for (const Ref<Future>& f : fs) (f->done() ? done : pending)->table.set(Value::object(f));
  co_return Value::object(make<TupleObj>(std::vector<Value>{Value::object(done), Value::object(pending)}));
}

}  // namespace

Co wait(EventLoop& loop, std::vector<Value> fs, Value timeout, ReturnWhen return_when) {
  if (fs.empty()) throw PyError{make_exc(Exc::ValueError, "Set of Tasks/Futures is empty.")};
  std::vector<Ref<Future>> futures;
  for (const Value& v : fs) {
    if (v.is(ObjKind::Coroutine)) {
      throw PyError{make_exc(Exc::TypeError, "Passing coroutines is forbidden, use tasks explicitly.")};
    }
    if (!v.is(ObjKind::Future) && !v.is(ObjKind::Task)) {
      throw PyError{make_exc(Exc::TypeError, "An asyncio.Future, a coroutine or an awaitable is required")};
    }
    futures.emplace_back(v.as<Future>());
  }
  co_return co_await wait_impl(loop, unique_in_creation_order(futures), std::move(timeout), return_when);
}

Ref<Coroutine> wait_coroutine(EventLoop& loop, std::vector<Value> fs, Value timeout, ReturnWhen return_when) {
  return coroutine(wait(loop, std::move(fs), std::move(timeout), return_when), "wait", &loop.world());
}

}  // namespace loopscope
