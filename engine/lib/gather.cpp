#include "engine/lib/gather.hpp"

#include <algorithm>
#include <memory>

namespace loopscope {

namespace {

std::string gather_text(const std::vector<Ref<Future>>& children) {
  std::string s = "gather %F [";
  for (size_t i = 0; i < children.size(); ++i) {
    if (i) s += ", ";
    s += children[i]->label();
  }
  return s + "]";
}

}  // namespace

GatheringFuture::GatheringFuture(EventLoop& loop, std::vector<Ref<Future>> kids)
    : Future(loop, "gather", gather_text(kids)), children(std::move(kids)) {}

void GatheringFuture::visit_refs(const std::function<void(Object*)>& fn) const {
  Future::visit_refs(fn);
  for (const Ref<Future>& child : children) fn(child.get());  // _children
}

void GatherState::visit_refs(const std::function<void(Object*)>& fn) const {
  if (outer_ref) fn(outer_ref.get());
  for (const Ref<Future>& child : children) fn(child.get());
}

bool GatheringFuture::cancel(Value msg) {
  if (done()) return false;
  bool ret = false;
  for (const Ref<Future>& child : children) {
    if (child->cancel(msg)) ret = true;
  }
  // If any child was actually cancelled, the cancellation propagates
  // regardless of return_exceptions (bpo-32684).
  if (ret) cancel_requested = true;
  return ret;
}

bool GatheringFuture::would_cancel() const {
  if (done()) return false;
  for (const Ref<Future>& child : children) {
    if (child->would_cancel()) return true;
  }
  return false;
}

Ref<Future> ensure_future(EventLoop& loop, const Value& arg) {
  if (arg.is(ObjKind::Future) || arg.is(ObjKind::Task)) return Ref<Future>(arg.as<Future>());
  if (arg.is(ObjKind::Coroutine)) return loop.create_task(Ref<Coroutine>(arg.as<Coroutine>()));
  throw PyError{make_exc(Exc::TypeError, "An asyncio.Future, a coroutine or an awaitable is required")};
}

Ref<Future> gather(EventLoop& loop, const std::vector<Value>& args, bool return_exceptions) {
  if (args.empty()) {
    Ref<Future> outer = loop.create_future("gather", "gather %F []");
    outer->set_result(Value::object(make<ListObj>()));
    return outer;
  }
  auto st = make<GatherState>();
  st->return_exceptions = return_exceptions;

  auto done_callback = [st = st.get()](Future* fut) {
    ++st->nfinished;
    GatheringFuture* outer = st->outer;
    if (!outer || outer->done()) {
      if (!fut->cancelled()) fut->exception();  // mark the exception retrieved
      if (st->nfinished == st->nfuts) st->outer_ref.reset();
      return;
    }
    if (!st->return_exceptions) {
      if (fut->cancelled()) {
        outer->set_exception(fut->make_cancelled_error());
        return;
      }
      if (Ref<ExceptionObj> exc = fut->exception()) {
        outer->set_exception(exc);
        return;
      }
    }
    if (st->nfinished == st->nfuts) {
      auto results = make<ListObj>();
      results->items.reserve(st->children.size());
      for (const Ref<Future>& child : st->children) {
        if (child->cancelled()) {
          const Value& m = child->cancel_message();
          results->items.push_back(
              Value::object(make_exc(Exc::CancelledError, std::vector<Value>{m.is_none() ? str_value("") : m})));
        } else if (Ref<ExceptionObj> e = child->exception()) {
          results->items.push_back(Value::object(e));
        } else {
          results->items.push_back(child->result());
        }
      }
      if (outer->cancel_requested) {
        // CPython's loop over the children above rebinds `fut`: the error
        // comes from the last child in argument order.
        outer->set_exception(st->children.back()->make_cancelled_error());
      } else {
        outer->set_result(Value::object(results));
      }
      st->outer_ref.reset();
    }
  };

  // Duplicates share one child: each argument's first occurrence, found by
  // sorting (object, position) pairs.
  std::vector<std::pair<Object*, size_t>> order(args.size());
  for (size_t i = 0; i < args.size(); ++i) order[i] = {args[i].obj(), i};
  std::sort(order.begin(), order.end());
  std::vector<size_t> first(args.size());
  for (size_t i = 0; i < order.size(); ++i) {
    first[order[i].second] = i > 0 && order[i].first == order[i - 1].first ? first[order[i - 1].second] : order[i].second;
  }
  st->children.reserve(args.size());
  for (size_t i = 0; i < args.size(); ++i) {
    if (first[i] != i) {
      st->children.push_back(st->children[first[i]]);
      continue;
    }
    Ref<Future> fut = ensure_future(loop, args[i]);
    if (fut.get() != args[i].obj() && fut->is_task()) static_cast<Task*>(fut.get())->log_destroy_pending = false;
    ++st->nfuts;
    DoneCallback cb;
    cb.fn = done_callback;
    cb.holder = st;  // the closure's cells: the collector follows them
    cb.qualname = "gather._done_callback";
    fut->add_done_callback(std::move(cb));
    st->children.push_back(std::move(fut));
  }
  auto outer = make<GatheringFuture>(loop, st->children);
  st->outer = outer.get();
  st->outer_ref = outer;
  return outer;
}

}  // namespace loopscope
