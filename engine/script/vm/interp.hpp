#pragma once
// The VM: frames, the dispatch loop, and the object protocol (attribute
// access, operators, iteration, calls) the bytecode and the built-ins use.
//
// Ownership:
//
//   ScriptCoroutine ──owns──> Frame ──> locals, value stack, cells
//        ▲                      │
//        └── Task (engine/loop) └──awaiting──> inner Coroutine (yield from)
//
// A frame of an `async def` belongs to its coroutine object; a frame of a
// plain function lives on the C++ stack of the call that runs it. Nothing
// holds a frame across a suspension except its coroutine, so suspending is
// returning from execute() and resuming is calling it again.

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/loop/coroutine.hpp"
#include "engine/loop/cycles.hpp"
#include "engine/loop/future.hpp"
#include "engine/loop/world.hpp"
#include "engine/script/syntax/ast.hpp"
#include "engine/script/runtime/objects.hpp"

namespace loopscope::script {

constexpr size_t kRecursionLimit = 1000;            // Python frames, as CPython's default
constexpr uintptr_t kStackBudget = 3u << 20;        // bytes of C++ stack nested frames may use


class AsyncGenObj;
struct LibrarySource;

struct Block {
  uint32_t handler;
  uint32_t stack_depth;
  uint32_t handled_depth;
};

// What a traceback keeps of a frame it passed through: CPython keeps the
// frame object, so its locals as they are when it ends (an exception
// caught early still keeps a local assigned later). Held by the
// exceptions' kept_locals; the cycle collector follows `values`.
struct FrameCapture final : Object, Traversable {
  FrameCapture() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "frame"; }
  void visit_refs(const std::function<void(Object*)>& fn) const override;
  std::vector<Value> values;  // the locals and cell contents, refreshed when the frame ends
};

struct Frame {
  Frame() = default;
  Frame(Frame&&) noexcept = default;
  Frame& operator=(Frame&&) noexcept = default;
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;
  ~Frame();  // hands the final locals to `capture`, if a traceback took it
  Ref<CodeObj> code;
  Ref<FunctionObj> func;  // null for module code
  ModuleObj* module = nullptr;
  std::map<std::string, Value>* ns = nullptr;  // class body namespace
  std::vector<std::string>* ns_order = nullptr;  // the body's names in definition order
  std::vector<Value> stack;
  std::vector<Value> locals;
  std::vector<Ref<CellObj>> cells;  // cellvars, then freevars
  std::vector<Block> blocks;
  std::vector<Ref<ExceptionObj>> handled;
  uint32_t pc = 0;
  uint32_t ip = 0;      // the instruction being executed
  Value awaiting;       // what an Await or YieldFrom instruction is delegating to
  // Why execute() last returned a value while the frame goes on: at a
  // Yield (resuming pushes the value sent) or at a YieldFrom (resuming
  // runs it again, which passes the value on).
  enum class Suspend : uint8_t { None, Yield, YieldFrom } suspended = Suspend::None;
  Ref<FrameCapture> capture;  // set when an exception's traceback passes through
  int line() const { return code->chunk.lines.empty() ? code->first_line : code->chunk.lines[ip]; }
};

class Interp : private KeyProtocol {
 public:
  Interp(World& world, std::string file, std::string source);
  ~Interp();
  Interp(const Interp&) = delete;
  Interp& operator=(const Interp&) = delete;

  World& world() const { return *world_; }
  const std::string& file() const { return file_; }
  ModuleObj* main_module() const { return main_.get(); }

  // Runs module code to the end; throws PyError for an uncaught exception.
  void run_module(const Ref<CodeObj>& code);
  // Releases module globals and breaks cycles (warnings of unawaited
  // coroutines appear here, as at interpreter exit).
  void shutdown();
  // Interpreter exit's first step: the program's globals die (in name
  // order), so what only they kept alive is finalised now.
  void clear_globals();

  // Runs `f` until it returns, raises, or suspends on an await. A
  // generator's frame also returns (Kind::Return) at a yield: then
  // f.suspended says so.
  StepResult execute(Frame& f, Value sent, Ref<ExceptionObj> thrown);
  // One step of a frame that a task or an awaiting frame drives (a
  // coroutine, an async generator): a step a task begins gets a fresh
  // instruction budget and its own exception context. Never throws PyError.
  StepResult resume_frame(Frame& f, Value sent, Ref<ExceptionObj> thrown);

  // ---- calls ----
  Value call(const Value& callee, CallArgs& args);
  Value call(const Value& callee, std::vector<Value> pos);
  // A new frame for `fn` with the arguments bound (TypeError on mismatch).
  std::unique_ptr<Frame> make_frame(const Ref<FunctionObj>& fn, CallArgs& args);
  // Empties a plain call's frame as its destructor would (same order, so
  // finalizers run at the same moments) and keeps it, with its vectors'
  // storage, for the next make_frame.
  void recycle_frame(std::unique_ptr<Frame> f);

  // ---- the object protocol ----
  bool truthy(const Value& v);
  std::string repr(const Value& v);
  std::string str(const Value& v);
  Value getattr(const Value& obj, const std::string& name);
  bool lookup_attr(const Value& obj, const std::string& name, Value& out);
  // Subclasses of engine classes (asyncio.Queue, Lock, ...): engine_subclass.cpp.
  bool engine_base_attr(const Value& obj, const std::string& name, Value& out);
  bool engine_super_attr(const Value& self, const std::string& name, Value& out);
  void make_engine_base(InstanceObj* inst, CallArgs& args);
  void setattr(const Value& obj, const std::string& name, Value v);
  void delattr(const Value& obj, const std::string& name);
  void delattr_plain(const Value& obj, const std::string& name);  // without __delattr__
  Value getitem(const Value& obj, const Value& key);
  void setitem(const Value& obj, const Value& key, Value v);
  void delitem(const Value& obj, const Value& key);
  Value binary(BinOp op, const Value& a, const Value& b, bool inplace = false);
  Value unary(UnOp op, const Value& a);
  Value compare(CmpOp op, const Value& a, const Value& b);
  bool eq(const Value& a, const Value& b);
  bool less(const Value& a, const Value& b);
  bool contains(const Value& container, const Value& item);
  Value iter(const Value& v);
  bool next(const Value& it, Value& out);
  std::vector<Value> to_vector(const Value& iterable);
  int64_t len(const Value& v);
  bool isinstance(const Value& v, const Value& cls_or_tuple);
  // The operations above without a user subclass's overrides (what
  // dict.__getitem__ and friends run) (vm/builtin_subclass.cpp).
  Value getitem_builtin(const Value& obj, const Value& key);
  void setitem_builtin(const Value& obj, const Value& key, Value v);
  void delitem_builtin(const Value& obj, const Value& key);
  bool contains_builtin(const Value& container, const Value& item);
  int64_t len_builtin(const Value& v);
  Value iter_builtin(const Value& v);
  std::string repr_builtin(const Value& v);
  bool eq_builtin(const Value& a, const Value& b);
  // `name` defined by the user class of an instance of a dict, list,
  // tuple or set subclass; null for other values or when not overridden.
  const Value* user_override(const Value& v, const char* name) const;
  bool user_part_attr(const Value& obj, UserPart* u, const std::string& name, Value& out);
  Value make_builtin_subclass(const Ref<ClassObj>& cls, ClassObj* base, CallArgs& args);
  uint64_t hash(const Value& v);
  std::string format(const Value& v, const std::string& spec);
  // A class attribute by MRO (single inheritance): nullptr when absent.
  const Value* class_lookup(const ClassObj* cls, const std::string& name) const;
  // A user class with these bases (checked: types, no duplicates, a
  // consistent MRO), its body not run yet; finish_class runs the hooks
  // (__set_name__, __init_subclass__) once its attributes are in.
  Ref<ClassObj> new_user_class(const std::string& name, const std::vector<Value>& bases);
  void finish_class(const Ref<ClassObj>& cls, const CallArgs& kw = {});
  // type.__new__(mcls, name, bases, ns, **kw) (vm/metaclass.cpp).
  Value type_new(const Ref<ClassObj>& mcls, CallArgs& args);
  // Calling a class whose metaclass is not `type`: its __new__ and __init__.
  Value make_class_via_meta(const Ref<ClassObj>& mcls, CallArgs& args);
  // Calling a class: the metaclass's __call__ when it has one.
  Value call_class(const Ref<ClassObj>& cls, CallArgs& args);
  // The most derived metaclass of these bases; None when all are `type`.
  Value metaclass_of_bases(const std::vector<Value>& bases);
  Value make_instance(const Ref<ClassObj>& cls, CallArgs& args);

  // ---- output ----
  void write_stdout(std::string_view s);
  void write_stderr(std::string_view s);
  void flush_output();

  // ---- exceptions ----
  // The exception being handled (sys.exc_info()[1]), innermost first.
  Ref<ExceptionObj> current_handled() const;
  // The context variables in effect (contextvars): a dict from ContextVar
  // to value, or None until the program sets one. A task's coroutine runs
  // with its own copy (ScriptCoroutine::enter_task).
  Value context;
  std::string format_traceback(const ExceptionObj* e);
  const std::string& source_line_text(int line);

  // ---- modules ----
  Value import_module(const std::string& name);
  Value import_library(const LibrarySource& lib);
  Value builtin(const std::string& name) const;
  void define_builtin(const std::string& name, Value v) { builtins_[name] = std::move(v); }

  // ---- the budget and the frame chain ----
  std::vector<Frame*>& frames() { return frames_; }
  // The line of the user's file the innermost frame of that file is at (0
  // outside any): a print inside a library, or a blocking call made through
  // one (requests.get), is marked at the user's line that led to it.
  uint32_t current_line() const;
  void reset_budget() { budget_used_ = 0; }
  bool quiet() const { return quiet_; }
  // The line where the instruction budget ran out (0: it did not).
  int blocked_line() const { return blocked_line_; }
  // True once a step ran out of its instruction budget (blocked()).
  bool ran_out_of_budget() const { return ran_out_of_budget_; }
  void set_quiet(bool q) { quiet_ = q; }
  // Await sets this before it resumes an inner coroutine, so the inner one
  // knows it is not resumed by a task (see ScriptCoroutine::send).
  bool delegating = false;
  size_t exc_barrier = 0;  // frames below this index belong to another task
  // The interpreter whose module is running (not at teardown): a coroutine
  // of it dropped while suspended is closed (GeneratorExit where it stands,
  // so `finally` runs). Static: coroutines may outlive their interpreter.
  static inline thread_local const Interp* close_dropped = nullptr;
  // Async generators first iterated while a loop ran (asyncio's
  // `_asyncgens`, in first-iteration order); each removes itself when it dies.
  // Shared: a generator may outlive the interpreter.
  std::shared_ptr<std::vector<AsyncGenObj*>> asyncgens = std::make_shared<std::vector<AsyncGenObj*>>();
  std::set<std::pair<std::string, int>> warned;  // warnings shown: (text, line)

  // State modules keep per run (random's generator, asyncio's loop).
  struct ModuleState;
  ModuleState& state() { return *state_; }

 private:
  // KeyProtocol: dict and set keys that are instances of user classes.
  uint64_t key_hash(const Value& v) override;
  bool key_equal(const Value& a, const Value& b) override;
  friend struct FrameGuard;
  // Records `! limit max-instructions=N reached (the event loop is blocked
  // at line L by Task-1, no await)` and stops
  // the run with LoopAbort(Limit).
  [[noreturn]] void blocked(Frame& f);
  bool unwind(Frame& f, Ref<ExceptionObj>& e);
  void add_traceback(Frame& f, ExceptionObj* e);
  // CPython's traceback keeps each frame an exception passes through alive,
  // locals included: `e` keeps `f`'s locals (a cycle when they lead back
  // to the task that fails with `e`; engine/loop/cycles.hpp).
  void keep_frame_locals(Frame& f, ExceptionObj* e);
  Value load_global(Frame& f, uint32_t name_index);
  Value build_class(Frame& f, const Value& body, const Value& bases, const std::string& name, const Value& kw);
  Value make_function(Frame& f, uint32_t flags);
  void set_names(const Ref<ClassObj>& cls);
  Value build_class_with_meta(Frame& f, FunctionObj* body, const Value& bases, const std::string& name, const Value& meta,
                              CallArgs& kw);
  const Value* super_lookup(const SuperObj* s, const std::string& name) const;
  bool getattr_hook(const Value& obj, ClassObj* cls, const std::string& name, Value& out);
  void format_value(Frame& f, uint32_t arg);
  void do_await(Frame& f, Value& sent, Ref<ExceptionObj>& thrown, StepResult& out, bool& suspended);
  // vm/ops_generator.cpp: `yield from` (true: the iterator yielded `out`),
  // and the async-iteration opcodes.
  bool yield_from(Frame& f, Value& sent, Ref<ExceptionObj>& thrown, Value& out);
  Value get_yield_from_iter(const Value& v);
  Value awaitable_of_instance(const Value& v);
  Value get_aiter(const Value& v);
  Value get_anext(const Value& aiter);
  Value call_function(const Ref<FunctionObj>& fn, CallArgs& args);
  // vm/vm_method.cpp: LoadMethod and CallMethod (obj.name(args) without a
  // bound method object).
  void load_method(Frame& f, const std::string& name);
  Value call_method(std::vector<Value>& st, uint32_t argc);
  // The same with keyword arguments: argc values (positional, then keyword)
  // above method and self, and the tuple of keyword names on top.
  Value call_method_kw(std::vector<Value>& st, uint32_t argc);
  void install_builtins();

  World* world_;
  std::string file_;
  std::string source_;
  std::vector<std::string> lines_;
  Ref<ModuleObj> main_;
  std::unordered_map<std::string, Value> builtins_;
  std::map<std::string, Value> modules_;
  std::vector<Frame*> frames_;
  uint64_t budget_used_ = 0;
  uint64_t budget_limit_;  // world.options.instruction_budget, read once
  std::string out_buf_, err_buf_;
  bool quiet_ = false;
  int blocked_line_ = 0;
  bool ran_out_of_budget_ = false;
  uintptr_t stack_base_ = 0;  // where the outermost frame's C++ stack began
  std::unique_ptr<ModuleState> state_;
  std::vector<std::unique_ptr<UserClassRoot>> class_roots_;
  std::vector<std::unique_ptr<Frame>> frame_pool_;  // empty frames recycle_frame kept
};

// Pushes a frame on the interpreter's chain for the life of a scope, and
// enforces the recursion limit. Exception-safe: the chain is restored when
// a C++ exception (LoopAbort, BlockedAbort) unwinds through.
// The marker of a local variable slot that has no value yet (vm/calls.cpp).
Object* unbound();
inline bool is_unbound(const Value& v) { return v.obj() == unbound(); }

struct FrameGuard {
  FrameGuard(Interp& in, Frame& f);
  ~FrameGuard();
  FrameGuard(const FrameGuard&) = delete;
  FrameGuard& operator=(const FrameGuard&) = delete;
  Interp& interp;
};

// Raising from native code.
[[noreturn]] void raise(Exc e, std::string msg);
[[noreturn]] void type_error(std::string msg);
[[noreturn]] void value_error(std::string msg);

// Argument helpers for natives.
void check_args(const char* fname, const CallArgs& a, size_t min, size_t max, bool kw_allowed = false);
const Value* kwarg(const CallArgs& a, const char* name);
int64_t to_int(const Value& v, const char* what);
double to_float(const Value& v, const char* what);
bool is_number(const Value& v);
const std::string& as_str(const Value& v, const char* what);
// An ImportError (or subclass, by its builtins name) with `name` = module.
Ref<ExceptionObj> import_error(const char* cls, const std::string& msg, const std::string& module);

}  // namespace loopscope::script
