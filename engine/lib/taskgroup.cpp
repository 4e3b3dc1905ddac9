#include "engine/lib/taskgroup.hpp"

#include <algorithm>

namespace loopscope::asyncio {

std::string TaskGroup::repr() const {
  std::string info;
  if (!tasks_.empty()) info += " tasks=" + std::to_string(tasks_.size());
  if (!errors_.empty()) info += " errors=" + std::to_string(errors_.size());
  if (aborting_) {
    info += " cancelling";
  } else if (entered_) {
    info += " entered";
  }
  return "<TaskGroup" + info + ">";
}

bool TaskGroup::is_base_error(const ExceptionObj* exc) {
  return is_exc(exc, Exc::SystemExit) || is_exc(exc, Exc::KeyboardInterrupt);
}

Ref<Task> TaskGroup::create_task(Ref<Coroutine> coro, Value name) {
  if (!entered_) throw PyError{make_exc(Exc::RuntimeError, "TaskGroup " + repr() + " has not been entered")};
  if (exiting_ && tasks_.empty()) throw PyError{make_exc(Exc::RuntimeError, "TaskGroup " + repr() + " is finished")};
  if (aborting_) throw PyError{make_exc(Exc::RuntimeError, "TaskGroup " + repr() + " is shutting down")};
  Ref<Task> task = get_loop().create_task(std::move(coro));
  // tasks._set_task_name: asyncio renames the task it created as Task-N.
  if (!name.is_none()) task->set_name(loopscope::str(name));
  DoneCallback cb;
  cb.qualname = label_ + "._on_task_done";
  cb.holder = Ref<Object>(this);
  cb.fn = [self = this](Future* f) { self->on_task_done(static_cast<Task*>(f)); };
  task->add_done_callback(std::move(cb));
  tasks_.push_back(task);
  return task;
}

void TaskGroup::visit_refs(const std::function<void(Object*)>& fn) const {
  if (parent_task_) fn(parent_task_.get());
  for (const Ref<Task>& t : tasks_) fn(t.get());
  for (const Ref<ExceptionObj>& e : errors_) fn(e.get());
  if (base_error_) fn(base_error_.get());
  if (on_completed_fut_) fn(on_completed_fut_.get());
}

void TaskGroup::abort() {
  aborting_ = true;
  std::vector<Ref<Task>> snapshot = tasks_;
  for (const Ref<Task>& t : snapshot) {
    if (!t->done()) t->cancel();
  }
}

void TaskGroup::on_task_done(Task* task) {
  Ref<Task> keep(task);
  auto it = std::find_if(tasks_.begin(), tasks_.end(), [&](const Ref<Task>& t) { return t.get() == task; });
  if (it != tasks_.end()) tasks_.erase(it);

  if (on_completed_fut_ && tasks_.empty()) {
    if (!on_completed_fut_->done()) on_completed_fut_->set_result(Value::boolean(true));
  }

  if (task->cancelled()) return;
  Ref<ExceptionObj> exc = task->exception();
  if (!exc) return;

  if (!errors_released_) errors_.push_back(exc);
  if (is_base_error(exc.get()) && !base_error_) base_error_ = exc;

  if (parent_task_->done()) {
    // Not sure if this case is possible, but we want to handle it anyways.
    get_loop().report_error("Task " + task->label() + " has errored out but its parent task " +
                                parent_task_->label() + " is already completed",
                            task, nullptr, exc, "task");
    return;
  }

  if (!aborting_ && !parent_cancel_requested_) {
    // The parent is not being cancelled: cancel it to abort whatever runs
    // in the TaskGroup now, and mark it "not cancelled" again in __aexit__.
    abort();
    parent_cancel_requested_ = true;
    parent_task_->cancel();
  }
}

Co TaskGroup::aenter_co(Ref<TaskGroup> self) {
  if (self->entered_) {
    throw PyError{make_exc(Exc::RuntimeError, "TaskGroup " + self->repr() + " has already been entered")};
  }
  EventLoop& loop = self->get_loop();
  Task* parent = loop.current_task();
  if (!parent) {
    throw PyError{make_exc(Exc::RuntimeError, "TaskGroup " + self->repr() + " cannot determine the parent task")};
  }
  self->parent_task_ = Ref<Task>(parent);
  self->entered_ = true;
  co_return Value::object(self);
}

Co TaskGroup::aexit_co(Ref<TaskGroup> self, Ref<ExceptionObj> exc) {
  self->exiting_ = true;
  const ClassObj* et = exc ? exc->cls.get() : nullptr;
  const ClassObj* cancelled_class = exc_class(Exc::CancelledError);

  if (exc && is_base_error(exc.get()) && !self->base_error_) self->base_error_ = exc;

  Ref<ExceptionObj> propagate_cancellation_error = et == cancelled_class ? exc : nullptr;
  if (self->parent_cancel_requested_) {
    // If this flag is set we *must* call uncancel().
    if (self->parent_task_->uncancel() == 0) {
      // If there are no pending cancellations left, don't propagate
      // CancelledError.
      propagate_cancellation_error.reset();
    }
  }

  if (et && !self->aborting_) {
    // The parent task is being cancelled, or the body raised.
    self->abort();
  }

  // A loop: the future can be cancelled more than once if the parent task
  // is cancelled repeatedly.
  while (!self->tasks_.empty()) {
    if (!self->on_completed_fut_) self->on_completed_fut_ = self->new_waiter("__aexit__");
    Ref<Future> fut = self->on_completed_fut_;
    try {
      co_await fut;
    } catch (const PyError& e) {
      if (!is_exc(e.exc.get(), Exc::CancelledError)) throw;
      if (!self->aborting_) {
        // The parent task is cancelled while the group's tasks still run.
        propagate_cancellation_error = e.exc;
        self->abort();
      }
    }
    self->on_completed_fut_.reset();
  }

  if (self->base_error_) throw PyError{self->base_error_};

  // Propagate CancelledError if there is one, except if there are other
  // errors -- those have priority.
  if (propagate_cancellation_error && self->errors_.empty()) throw PyError{propagate_cancellation_error};

  if (et && et != cancelled_class) self->errors_.push_back(exc);

  if (!self->errors_.empty()) {
    // BaseExceptionGroup(msg, errors) is an ExceptionGroup when every
    // error is an Exception.
    bool all_exceptions = std::all_of(self->errors_.begin(), self->errors_.end(),
                                      [](const Ref<ExceptionObj>& e) { return is_exc(e.get(), Exc::Exception); });
    std::vector<Value> items;
    for (const Ref<ExceptionObj>& e : self->errors_) items.push_back(Value::object(e));
    std::vector<Value> args;
    args.push_back(str_value("unhandled errors in a TaskGroup"));
    args.push_back(Value::object(make<ListObj>(std::move(items))));
    Ref<ExceptionObj> me = make_exc(all_exceptions ? Exc::ExceptionGroup : Exc::BaseExceptionGroup, std::move(args));
    me->exceptions = std::move(self->errors_);
    self->errors_.clear();
    self->errors_released_ = true;
    // `raise me from None`
    me->context = exc;
    me->suppress_context = true;
    throw PyError{me};
  }
  co_return Value();
}

Ref<Coroutine> TaskGroup::aenter() {
  return coroutine(aenter_co(Ref<TaskGroup>(this)), "TaskGroup.__aenter__", world_);
}

Ref<Coroutine> TaskGroup::aexit(Ref<ExceptionObj> exc) {
  return coroutine(aexit_co(Ref<TaskGroup>(this), std::move(exc)), "TaskGroup.__aexit__", world_);
}

}  // namespace loopscope::asyncio
