#pragma once
// Generators and async generators: objects that own a suspended frame and
// resume it, as a coroutine owns its own (see coroutine.hpp).
//
//   GeneratorObj ──owns──> Frame        next/send/throw run it to its next Yield
//   AsyncGenObj  ──owns──> Frame        asend/athrow/aclose return an awaitable:
//        ▲                              AsyncGenStep, a Coroutine a task or an
//        └──────── AsyncGenStep          awaiting frame drives; the frame's
//                                        awaits pass through it to the task
//
// A yield makes execute() return with Frame::suspended set; the value sent
// in is pushed when the frame resumes.

#include <memory>
#include <string>

#include "engine/script/vm/interp.hpp"

namespace loopscope {
class EventLoop;
}

namespace loopscope::script {

// What generators and async generators share: the frame and its state.
class GenFrameOwner {
 public:
  GenFrameOwner(Interp& interp, std::unique_ptr<Frame> frame);
  const std::string& qualname() const { return qualname_; }
  const std::string& name() const { return frame_ ? frame_->code->name : name_; }
  bool finished() const { return !frame_; }
  bool started() const { return started_; }
  bool running() const { return running_; }
  Frame* frame() const { return frame_.get(); }

 protected:
  // Runs the frame one step (drops it when it returns or raises). PEP 479:
  // a StopIteration (and, for async generators, StopAsyncIteration) out of
  // the frame becomes a RuntimeError. `as_task_step`: resumed the way a
  // coroutine is (Interp::resume_frame), else as a plain call.
  StepResult run(Value sent, Ref<ExceptionObj> thrown, bool is_async);

  Interp* interp_;
  std::unique_ptr<Frame> frame_;
  std::string qualname_;
  std::string name_;
  bool started_ = false;
  bool running_ = false;
};

class GeneratorObj final : public Object, public GenFrameOwner {
 public:
  GeneratorObj(Interp& interp, std::unique_ptr<Frame> frame)
      : Object(ObjKind::Other), GenFrameOwner(interp, std::move(frame)) {}
  std::string type_name() const override { return "generator"; }
  std::string repr() const override { return "<generator object " + qualname_ + " at 0x?>"; }
  void finalize() override;

  // Resumes the frame: true when it yielded (`out` is the value), false
  // when it returned (`out` is the return value). Raises what it raises.
  bool step(Value sent, Ref<ExceptionObj> thrown, Value& out);
  // generator.send(v): the next value, or StopIteration(return value).
  Value send(Value v);
  Value throw_in(Ref<ExceptionObj> e);
  // generator.close(): GeneratorExit where the frame stands.
  void close();
};

class AsyncGenObj final : public Object, public GenFrameOwner {
 public:
  AsyncGenObj(Interp& interp, std::unique_ptr<Frame> frame);
  ~AsyncGenObj() override;
  std::string type_name() const override { return "async_generator"; }
  std::string repr() const override { return "<async_generator object " + qualname_ + " at 0x?>"; }
  void finalize() override;

  // asyncio's firstiter hook, run by the first asend/athrow/aclose: the
  // running loop (if any) adopts the generator for finalisation.
  void init_hooks();
  bool closed() const { return closed_ || !frame_; }
  EventLoop* loop() const { return loop_; }
  void forget();  // leaves the loop's set of async generators
  StepResult run_step(Value sent, Ref<ExceptionObj> thrown) { return run(std::move(sent), std::move(thrown), true); }

  bool running_async = false;  // an asend/athrow is in progress
  bool closed_ = false;        // aclose() began, or it finished

 private:
  friend class AsyncGenStep;
  bool hooks_inited_ = false;
  EventLoop* loop_ = nullptr;  // the loop whose finalizer hook it has
  std::shared_ptr<std::vector<AsyncGenObj*>> registry_;  // Interp::asyncgens, once adopted
};

// The awaitable asend()/__anext__() and athrow()/aclose() return.
class AsyncGenStep final : public Coroutine {
 public:
  enum class Mode : uint8_t { ASend, AThrow, AClose };
  AsyncGenStep(Ref<AsyncGenObj> gen, Mode mode, Value value, Ref<ExceptionObj> exc);
  std::string type_name() const override { return mode_ == Mode::ASend ? "async_generator_asend" : "async_generator_athrow"; }
  std::string qualname() const override { return type_name(); }
  std::string repr() const override { return "<" + type_name() + " object at 0x?>"; }
  StepResult send(Value v) override { return resume(std::move(v), nullptr); }
  StepResult throw_exc(Ref<ExceptionObj> e) override { return resume({}, std::move(e)); }
  void suspend_site(std::vector<SuspendFrame>& out) const override;

 private:
  StepResult resume(Value v, Ref<ExceptionObj> e);
  StepResult start(Value v, Ref<ExceptionObj> e);
  StepResult outcome(StepResult r);

  enum class State : uint8_t { Init, Iter, Closed };
  Ref<AsyncGenObj> gen_;
  Mode mode_;
  State state_ = State::Init;
  Value value_;
  Ref<ExceptionObj> exc_;
};

// The built-ins aiter/anext and the methods of the generator types.
void install_generator_builtins(Interp& in);

// Makes the object a call of a generator function returns.
Value make_generator(Interp& in, std::unique_ptr<Frame> frame);

// asyncio.run's shutdown_asyncgens: aclose() of each async generator that
// `loop` adopted and that is still alive, with its repr (for errors).
std::vector<std::pair<Value, std::string>> asyncgen_closers(Interp& in, EventLoop& loop);

}  // namespace loopscope::script
