#include "engine/lib/shield.hpp"

#include "engine/lib/gather.hpp"

namespace loopscope {

Ref<Future> shield(EventLoop& loop, const Value& arg) {
  Ref<Future> inner = ensure_future(loop, arg);
  if (inner->done()) return inner;  // Shortcut.
  Ref<Future> outer = loop.create_future("shield", "shield %F on=" + inner->label());

  // Each callback holds the other future, as CPython's closures do; the
  // cycle ends when either future completes (its callbacks are released).
  DoneCallback inner_done;
  inner_done.qualname = "shield._inner_done_callback";
  inner_done.fn = [outer = outer](Future* in) {
    if (outer->cancelled()) {
      if (!in->cancelled()) in->exception();  // Mark inner's result as retrieved.
      return;
    }
    if (in->cancelled()) {
      outer->cancel();
    } else if (Ref<ExceptionObj> exc = in->exception()) {
      outer->set_exception(exc);
    } else {
      outer->set_result(in->result());
    }
  };
  uint64_t token = inner->add_done_callback(std::move(inner_done));

  DoneCallback outer_done;
  outer_done.qualname = "shield._outer_done_callback";
  outer_done.fn = [inner = inner, token](Future*) {
    if (!inner->done()) inner->remove_done_callback(token);
  };
  outer->add_done_callback(std::move(outer_done));
  return outer;
}

}  // namespace loopscope
