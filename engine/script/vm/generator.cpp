// Generators and async generators (see generator.hpp), with CPython 3.11's
// rules: PEP 479, close() and GeneratorExit, the asend/athrow state
// machine, and asyncio's async-generator hooks (firstiter, finalizer).

#include "engine/script/vm/generator.hpp"

#include <algorithm>

#include "engine/loop/event_loop.hpp"
#include "engine/script/vm/coroutine.hpp"

namespace loopscope::script {

namespace {

StepResult raised(Ref<ExceptionObj> e) {
  StepResult r;
  r.kind = StepResult::Kind::Raise;
  r.exc = std::move(e);
  return r;
}

StepResult returned(Value v) {
  StepResult r;
  r.kind = StepResult::Kind::Return;
  r.value = std::move(v);
  return r;
}

// "raise X from e" for the RuntimeError that replaces a StopIteration.
Ref<ExceptionObj> replaced(const Ref<ExceptionObj>& e, const std::string& msg) {
  Ref<ExceptionObj> r = make_exc(Exc::RuntimeError, msg);
  r->cause = e;
  r->context = e;
  r->suppress_context = true;
  return r;
}

}  // namespace

// ---- the shared frame owner ----

GenFrameOwner::GenFrameOwner(Interp& interp, std::unique_ptr<Frame> frame)
    : interp_(&interp), frame_(std::move(frame)), qualname_(frame_->code->qualname), name_(frame_->code->name) {}

StepResult GenFrameOwner::run(Value sent, Ref<ExceptionObj> thrown, bool is_async) {
  started_ = true;
  running_ = true;
  struct Restore {
    bool& running;
    ~Restore() { running = false; }
  } restore{running_};
  StepResult r;
  if (is_async) {
    r = interp_->resume_frame(*frame_, std::move(sent), std::move(thrown));
  } else {
    try {
      r = interp_->execute(*frame_, std::move(sent), std::move(thrown));
    } catch (const PyError& pe) {
      r = raised(pe.exc);
    }
  }
  bool done = r.kind == StepResult::Kind::Raise ||
              (r.kind == StepResult::Kind::Return && frame_->suspended == Frame::Suspend::None);
  if (done) {
    std::unique_ptr<Frame> gone = std::move(frame_);
    gone.reset();
  }
  if (r.kind == StepResult::Kind::Raise) {
    const char* what = is_async ? "async generator" : "generator";
    if (is_exc(r.exc.get(), Exc::StopIteration)) {
      r.exc = replaced(r.exc, std::string(what) + " raised StopIteration");
    } else if (is_async && is_exc(r.exc.get(), Exc::StopAsyncIteration)) {
      r.exc = replaced(r.exc, "async generator raised StopAsyncIteration");
    }
  }
  return r;
}

// ---- generators ----

bool GeneratorObj::step(Value sent, Ref<ExceptionObj> thrown, Value& out) {
  if (running_) raise(Exc::ValueError, "generator already executing");
  if (!frame_) {
    if (thrown) throw PyError{thrown};
    out = Value();
    return false;
  }
  if (!started_ && !thrown && !sent.is_none()) type_error("can't send non-None value to a just-started generator");
  Ref<GeneratorObj> keep(this);
  StepResult r = run(std::move(sent), std::move(thrown), false);
  if (r.kind == StepResult::Kind::Raise) throw PyError{r.exc, true};
  out = std::move(r.value);
  return frame_ != nullptr;
}

Value GeneratorObj::send(Value v) {
  Value out;
  if (step(std::move(v), nullptr, out)) return out;
  if (out.is_none()) throw PyError{make_exc(Exc::StopIteration)};
  throw PyError{make_exc(Exc::StopIteration, std::vector<Value>{out})};
}

Value GeneratorObj::throw_in(Ref<ExceptionObj> e) {
  Value out;
  if (step(Value(), std::move(e), out)) return out;
  if (out.is_none()) throw PyError{make_exc(Exc::StopIteration)};
  throw PyError{make_exc(Exc::StopIteration, std::vector<Value>{out})};
}

void GeneratorObj::close() {
  if (!frame_) return;
  if (!started_) {
    frame_.reset();
    return;
  }
  Value out;
  try {
    if (step(Value(), make_exc(Exc::GeneratorExit), out)) raise(Exc::RuntimeError, "generator ignored GeneratorExit");
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::GeneratorExit)) return;
    throw;
  }
}

void GeneratorObj::finalize() {
  // CPython closes a suspended generator when its last reference goes.
  if (!frame_ || !started_ || running_ || Interp::close_dropped != interp_ || interp_->quiet()) return;
  try {
    close();
  } catch (const PyError& e) {
    // sys.unraisablehook's default: the exception's own traceback, no chain.
    Ref<ExceptionObj> cause = std::move(e.exc->cause), context = std::move(e.exc->context);
    interp_->write_stderr("Exception ignored in: " + repr() + "\n" + interp_->format_traceback(e.exc.get()));
    e.exc->cause = std::move(cause);
    e.exc->context = std::move(context);
  }
}

// ---- async generators ----

AsyncGenObj::AsyncGenObj(Interp& interp, std::unique_ptr<Frame> frame)
    : Object(ObjKind::Other), GenFrameOwner(interp, std::move(frame)) {}

AsyncGenObj::~AsyncGenObj() { forget(); }

void AsyncGenObj::forget() {
  if (!registry_) return;
  auto& v = *registry_;
  v.erase(std::remove(v.begin(), v.end(), this), v.end());
  registry_.reset();
}

void AsyncGenObj::init_hooks() {
  if (hooks_inited_) return;
  hooks_inited_ = true;
  // The hooks are those of the loop running now (asyncio installs them
  // for the time run_forever runs).
  loop_ = interp_->world().running_loop;
  if (!loop_) return;
  registry_ = interp_->asyncgens;
  registry_->push_back(this);
}

void AsyncGenObj::finalize() {
  forget();
  // The loop's finalizer hook: aclose() scheduled as a task. The frame
  // moves to a new generator object the task owns (this one is going).
  if (Interp::close_dropped != interp_ || !frame_ || closed_ || !loop_) return;
  if (interp_->quiet() || loop_->is_closed()) return;
  Ref<AsyncGenObj> heir = make<AsyncGenObj>(*interp_, std::move(frame_));
  heir->started_ = started_;
  heir->hooks_inited_ = true;
  Ref<Coroutine> closer = make<AsyncGenStep>(heir, AsyncGenStep::Mode::AClose, Value(), nullptr);
  EventLoop* loop = loop_;
  // BaseEventLoop._asyncgen_finalizer_hook: call_soon_threadsafe(create_task, agen.aclose()),
  // shown as the reference oracle names its loop's create_task.
  loop->call_soon([loop, closer] { loop->create_task(closer); },
                  "VirtualEventLoop.create_task(<async_generator_athrow>)");
}

AsyncGenStep::AsyncGenStep(Ref<AsyncGenObj> gen, Mode mode, Value value, Ref<ExceptionObj> exc)
    : gen_(std::move(gen)), mode_(mode), value_(std::move(value)), exc_(std::move(exc)) {
  reports_site_ = true;
  gen_->init_hooks();
}

void AsyncGenStep::suspend_site(std::vector<SuspendFrame>& out) const {
  out.clear();
  if (state_ == State::Iter && gen_->frame()) append_frame_site(*gen_->frame(), out);
}

StepResult AsyncGenStep::resume(Value v, Ref<ExceptionObj> e) {
  started_ = true;
  if (state_ == State::Closed) {
    return raised(make_exc(Exc::RuntimeError, mode_ == Mode::ASend ? "cannot reuse already awaited __anext__()/asend()"
                                                                   : "cannot reuse already awaited aclose()/athrow()"));
  }
  if (state_ == State::Init) return start(std::move(v), std::move(e));
  return outcome(gen_->run_step(std::move(v), std::move(e)));
}

StepResult AsyncGenStep::start(Value v, Ref<ExceptionObj> e) {
  if (gen_->running_async) {
    state_ = State::Closed;
    const char* who = mode_ == Mode::ASend ? "anext" : mode_ == Mode::AThrow ? "athrow" : "aclose";
    return raised(make_exc(Exc::RuntimeError, std::string(who) + "(): asynchronous generator is already running"));
  }
  if (gen_->closed()) {
    state_ = State::Closed;
    if (mode_ == Mode::AClose) return returned(Value());
    return raised(make_exc(Exc::StopAsyncIteration));
  }
  state_ = State::Iter;
  gen_->running_async = true;
  if (mode_ == Mode::ASend) {
    if (!e && v.is_none()) v = value_;
    if (!gen_->started() && !e && !v.is_none()) {
      state_ = State::Closed;
      gen_->running_async = false;
      return raised(make_exc(Exc::TypeError, "can't send non-None value to a just-started async generator"));
    }
    return outcome(gen_->run_step(std::move(v), std::move(e)));
  }
  if (mode_ == Mode::AClose) gen_->closed_ = true;
  Ref<ExceptionObj> thrown = mode_ == Mode::AClose ? make_exc(Exc::GeneratorExit) : exc_;
  if (!gen_->started()) {
    // Thrown into a generator that never ran: it ends at once.
    gen_->frame_.reset();
    gen_->closed_ = true;
    gen_->running_async = false;
    state_ = State::Closed;
    if (mode_ == Mode::AClose) return returned(Value());
    return raised(thrown);
  }
  return outcome(gen_->run_step(Value(), std::move(thrown)));
}

StepResult AsyncGenStep::outcome(StepResult r) {
  if (r.kind == StepResult::Kind::Future || r.kind == StepResult::Kind::BareYield) return r;  // an await inside
  state_ = State::Closed;
  gen_->running_async = false;
  if (r.kind == StepResult::Kind::Raise) {
    if (is_exc(r.exc.get(), Exc::StopAsyncIteration) || is_exc(r.exc.get(), Exc::GeneratorExit)) {
      gen_->closed_ = true;
      if (mode_ == Mode::AClose) return returned(Value());
    }
    return r;
  }
  if (gen_->finished()) {  // it returned
    gen_->closed_ = true;
    if (mode_ == Mode::AClose) return returned(Value());
    return raised(make_exc(Exc::StopAsyncIteration));
  }
  // It yielded a value.
  if (mode_ == Mode::AClose) return raised(make_exc(Exc::RuntimeError, "async generator ignored GeneratorExit"));
  return r;
}

// ---- creation, shutdown ----

Value make_generator(Interp& in, std::unique_ptr<Frame> frame) {
  if (frame->code->is_async()) return Value::object(make<AsyncGenObj>(in, std::move(frame)));
  return Value::object(make<GeneratorObj>(in, std::move(frame)));
}

std::vector<std::pair<Value, std::string>> asyncgen_closers(Interp& in, EventLoop& loop) {
  // CPython: closing_agens = list(self._asyncgens); self._asyncgens.clear().
  std::vector<Ref<AsyncGenObj>> gens;
  for (AsyncGenObj* g : *in.asyncgens)
    if (g->loop() == &loop) gens.emplace_back(g);
  for (const Ref<AsyncGenObj>& g : gens) g->forget();
  std::vector<std::pair<Value, std::string>> out;
  for (const Ref<AsyncGenObj>& g : gens) {
    out.emplace_back(Value::object(make<AsyncGenStep>(g, AsyncGenStep::Mode::AClose, Value(), nullptr)), g->repr());
  }
  return out;
}

}  // namespace loopscope::script
