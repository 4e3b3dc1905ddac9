#pragma once
// The coroutine object an `async def` call returns. It owns the frame; the
// Task (or an awaiting frame) drives it with send/throw_exc, and each call
// runs the frame until its next suspension.

#include <memory>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

class ScriptCoroutine final : public Coroutine {
 public:
  ScriptCoroutine(Interp& interp, std::unique_ptr<Frame> frame);
  ~ScriptCoroutine() override;
  StepResult send(Value v) override { return resume(std::move(v), nullptr); }
  StepResult throw_exc(Ref<ExceptionObj> e) override { return resume({}, std::move(e)); }
  // As the trace shows it (no ".<locals>"); repr() and the never-awaited
  // warning use the full __qualname__.
  std::string qualname() const override { return trace_name_; }
  std::string repr() const override { return "<coroutine object " + qualname_ + " at 0x?>"; }
  void suspend_site(std::vector<SuspendFrame>& out) const override;
  std::string repr_site() const override;
  void finalize() override;
  void visit_refs(const std::function<void(Object*)>& fn) const override;
  void close_abandoned() override;
  void enter_task() override;

  bool finished() const { return !frame_; }
  // coroutine.close() on a suspended coroutine: closes the coroutine it
  // awaits, then raises GeneratorExit where the frame stands. Returns the
  // exception close() would raise (a RuntimeError when the coroutine
  // awaits again, or what its cleanup raised), or null.
  Ref<ExceptionObj> close();
  // coroutine.close() called by the program: an unstarted coroutine is
  // closed at once (no "never awaited" warning); a suspended one as close().
  Ref<ExceptionObj> close_by_program();
  const std::string& full_qualname() const { return qualname_; }
  const std::string& name() const { return code_->name; }
  bool running() const { return running_; }
  const Ref<CodeObj>& code() const { return code_; }
  const Frame* frame() const { return frame_.get(); }
  // Appends this coroutine's part of an await chain (outermost first).
  void append_site(std::vector<SuspendFrame>& out) const;

 private:
  StepResult resume(Value v, Ref<ExceptionObj> e);

  Interp* interp_;
  std::unique_ptr<Frame> frame_;
  std::string qualname_;
  std::string trace_name_;
  Ref<CodeObj> code_;  // kept after the frame goes (repr_site)
  bool running_ = false;
  Value context_;  // a task's context variables (a dict); None: the caller's
};

// Appends `f`'s line and then the await chain below it (outermost first).
void append_frame_site(const Frame& f, std::vector<SuspendFrame>& out);

}  // namespace loopscope::script
