#include "engine/script/vm/coroutine.hpp"

#include <typeinfo>
#include <utility>

#include "engine/script/vm/frame_snapshot.hpp"

namespace loopscope::script {

ScriptCoroutine::ScriptCoroutine(Interp& interp, std::unique_ptr<Frame> frame)
    : interp_(&interp), frame_(std::move(frame)), qualname_(frame_->func ? frame_->func->qualname : frame_->code->qualname), trace_name_(qualname_), code_(frame_->code) {
  reports_site_ = true;
  // The trace names coroutines by __qualname__ without ".<locals>".
  for (size_t p; (p = trace_name_.find(".<locals>")) != std::string::npos;) trace_name_.erase(p, 9);
}

ScriptCoroutine::~ScriptCoroutine() = default;

Ref<ExceptionObj> ScriptCoroutine::close() {
  if (!frame_ || running_ || !started_) return nullptr;
  Value inner = std::move(frame_->awaiting);
  frame_->awaiting = Value();
  Ref<ExceptionObj> thrown;
  if (Object* o = inner.obj(); o && o->kind() == ObjKind::Coroutine) {
    if (typeid(*o) == typeid(ScriptCoroutine)) {
      thrown = static_cast<ScriptCoroutine*>(o)->close();
    } else {
      StepResult ir = static_cast<Coroutine*>(o)->throw_exc(make_exc(Exc::GeneratorExit));
      if (ir.kind == StepResult::Kind::Raise && !is_exc(ir.exc.get(), Exc::GeneratorExit)) thrown = ir.exc;
    }
  }
  inner = Value();
  if (!thrown) thrown = make_exc(Exc::GeneratorExit);
  StepResult r = resume({}, std::move(thrown));
  switch (r.kind) {
    case StepResult::Kind::Return: return nullptr;
    case StepResult::Kind::Raise: return is_exc(r.exc.get(), Exc::GeneratorExit) ? nullptr : r.exc;
    default: break;
  }
  // It awaited again: the frame is abandoned as CPython leaves it.
  frame_.reset();
  return make_exc(Exc::RuntimeError, "coroutine ignored GeneratorExit");
}

Ref<ExceptionObj> ScriptCoroutine::close_by_program() {
  if (!started_) {
    started_ = true;
    frame_.reset();
    return nullptr;
  }
  return close();
}

void ScriptCoroutine::close_abandoned() {
  if (!frame_ || !started_ || running_ || interp_->quiet()) return;
  // CPython's _PyErr_WriteUnraisableMsg for an exception out of close().
  if (Ref<ExceptionObj> e = close()) {
    interp_->write_stderr("Exception ignored in: <coroutine object " + qualname_ + " at 0x?>\n" +
                          interp_->format_traceback(e.get()));
  }
}

void ScriptCoroutine::visit_refs(const std::function<void(Object*)>& fn) const {
  if (!frame_) return;
  auto visit = [&fn](const Value& v) {
    if (Object* o = v.obj()) fn(o);
  };
  for (const Value& v : frame_->locals) visit(v);
  for (const Value& v : frame_->stack) visit(v);
  visit(frame_->awaiting);
  for (const Ref<ExceptionObj>& e : frame_->handled) fn(e.get());
  // A cell only this frame holds is part of it (a closure's cells are not).
  for (const Ref<CellObj>& c : frame_->cells) {
    if (c && c->ref_count() == 1) visit(c->value);
  }
}

void ScriptCoroutine::finalize() {
  if (Interp::close_dropped == interp_) close_abandoned();
  if (!started_ && !interp_->quiet()) {
    std::string text = "RuntimeWarning: coroutine '" + qualname_ + "' was never awaited";
    // Python's default warning filter: once per message and source line
    // (the line running when the coroutine is dropped).
    auto& frames = interp_->frames();
    int line = frames.empty() ? 0 : frames.back()->line();
    if (interp_->warned.insert({text, line}).second) {
      Trace& t = interp_->world().trace;
      t.add(Ev::Warning, t.str(text));
    }
  }
}

void ScriptCoroutine::append_site(std::vector<SuspendFrame>& out) const {
  if (frame_) append_frame_site(*frame_, out);
}

void append_frame_site(const Frame& f, std::vector<SuspendFrame>& out) {
  bool user = !f.module || f.module->user_file;
  out.push_back(SuspendFrame{f.code->name, f.line(), user});
  Object* inner = f.awaiting.obj();
  if (!inner || inner->kind() != ObjKind::Coroutine) return;
  if (typeid(*inner) == typeid(ScriptCoroutine)) {
    static_cast<ScriptCoroutine*>(inner)->append_site(out);
  } else {
    std::vector<SuspendFrame> more;
    static_cast<Coroutine*>(inner)->suspend_site(more);
    out.insert(out.end(), more.begin(), more.end());
  }
}

std::string ScriptCoroutine::repr_site() const {
  std::string where = " at " + code_->file + ":";
  if (!frame_) return qualname_ + "() done, defined" + where + std::to_string(code_->first_line);
  return qualname_ + "() running" + where + std::to_string(started_ ? frame_->line() : code_->first_line);
}

void ScriptCoroutine::suspend_site(std::vector<SuspendFrame>& out) const {
  out.clear();
  append_site(out);
}

StepResult Interp::resume_frame(Frame& f, Value v, Ref<ExceptionObj> e) {
  // Resumed by a task (not by an awaiting frame): a new step begins, with
  // a fresh instruction budget and its own exception context.
  bool from_task = !delegating;
  delegating = false;
  struct Restore {
    Interp& in;
    size_t barrier;
    bool from_task;
    ~Restore() {
      if (from_task) in.exc_barrier = barrier;
    }
  } restore{*this, exc_barrier, from_task};
  if (from_task) {
    reset_budget();
    exc_barrier = frames().size();
  }
  StepResult r;
  try {
    r = execute(f, std::move(v), std::move(e));
  } catch (const PyError& pe) {
    r.kind = StepResult::Kind::Raise;
    r.exc = pe.exc;
  }
  return r;
}

void ScriptCoroutine::enter_task() {
  if (!context_.is_none() || interp_->context.is_none()) return;
  Ref<DictObj> copy = make<DictObj>();
  copy->table = interp_->context.as<DictObj>()->table;
  context_ = Value::object(copy);
}

StepResult ScriptCoroutine::resume(Value v, Ref<ExceptionObj> e) {
  StepResult r;
  if (!frame_) {
    r.kind = StepResult::Kind::Raise;
    r.exc = make_exc(Exc::RuntimeError, "cannot reuse already awaited coroutine");
    return r;
  }
  if (running_) {
    r.kind = StepResult::Kind::Raise;
    r.exc = make_exc(Exc::ValueError, "coroutine already executing");
    return r;
  }
  Ref<ScriptCoroutine> keep(this);  // outlives `restore` below
  struct Restore {
    ScriptCoroutine* self;
    Value outer_context;
    ~Restore() {
      self->running_ = false;
      if (!self->context_.is_none()) self->interp_->context = std::move(outer_context);
    }
  } restore{this, context_.is_none() ? Value() : std::exchange(interp_->context, context_)};
  // A task's own step (not a resume by an awaiting frame): the Variables
  // panel's snapshots, when the run records them.
  bool record = !interp_->delegating && interp_->world().options.record_frames;
  if (record && !started_) record_task_frames(*interp_, *this, *frame_, FrameSnapshotKind::Start);
  started_ = true;
  running_ = true;
  r = interp_->resume_frame(*frame_, std::move(v), std::move(e));
  if (record) {
    bool done = r.kind == StepResult::Kind::Return || r.kind == StepResult::Kind::Raise;
    record_task_frames(*interp_, *this, *frame_, done ? FrameSnapshotKind::Finish : FrameSnapshotKind::Suspend);
  }
  if (r.kind == StepResult::Kind::Return || r.kind == StepResult::Kind::Raise) {
    std::unique_ptr<Frame> done = std::move(frame_);
    done.reset();
  }
  return r;
}

}  // namespace loopscope::script
