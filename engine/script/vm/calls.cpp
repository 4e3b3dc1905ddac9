// The frame machinery: frames and their guard, calls and argument binding,
// exceptions and their tracebacks, functions, globals, the blocked-loop stop.

#include <string_view>
#include <typeinfo>

#include "engine/loop/event_loop.hpp"
#include "engine/loop/task.hpp"
#include "engine/object/dict.hpp"
#include "engine/loop/future.hpp"
#include "engine/script/vm/coroutine.hpp"
#include "engine/script/vm/generator.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/modules/pylib.hpp"
#include "engine/script/runtime/exception_group.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

namespace {

// Marks a local variable slot that has no value yet.
class UnboundMarker final : public Object {
 public:
  UnboundMarker() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "<unbound>"; }
};

}  // namespace

Object* unbound() {
  static Object* marker = [] {
    Object* m = new UnboundMarker();
    incref(m);  // lives for the process
    return m;
  }();
  return marker;
}

namespace {

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

}  // namespace

FrameGuard::FrameGuard(Interp& in, Frame& f) : interp(in) {
  // Two limits: CPython's frame count, and the C++ stack the nested
  // execute() calls use (a sanitizer build needs far more per frame).
  char probe;
  uintptr_t here = reinterpret_cast<uintptr_t>(&probe);
  if (in.frames_.empty() || in.stack_base_ == 0) in.stack_base_ = here;
  bool stack_full = in.stack_base_ > here && in.stack_base_ - here > kStackBudget;
  if (in.frames_.size() >= kRecursionLimit || stack_full) {
    throw PyError{make_exc(Exc::RecursionError, "maximum recursion depth exceeded")};
  }
  in.frames_.push_back(&f);
}

FrameGuard::~FrameGuard() { interp.frames_.pop_back(); }

Ref<ExceptionObj> Interp::current_handled() const {
  for (size_t i = frames_.size(); i-- > exc_barrier;) {
    if (!frames_[i]->handled.empty()) return frames_[i]->handled.back();
  }
  return nullptr;
}

namespace {
void capture_locals(const Frame& f, FrameCapture& into) {
  into.values.clear();
  for (const Value& v : f.locals) {
    if (v.obj()) into.values.push_back(v);
  }
  for (const Ref<CellObj>& c : f.cells) {
    if (c && c->value.obj()) into.values.push_back(c->value);
  }
}
}  // namespace

void FrameCapture::visit_refs(const std::function<void(Object*)>& fn) const {
  for (const Value& v : values) fn(v.obj());
}

Frame::~Frame() {
  if (capture) capture_locals(*this, *capture);
}

void Interp::keep_frame_locals(Frame& f, ExceptionObj* e) {
  // Only inside a task: what a traceback keeps alive matters to what
  // asyncio reports when objects die.
  if (!world_->running_loop || !world_->running_loop->current_task()) return;
  if (!f.capture) f.capture = make<FrameCapture>();
  capture_locals(f, *f.capture);  // the frame's locals now; its last ones when it ends
  for (const Value& v : e->kept_locals) {
    if (v.obj() == f.capture.get()) return;
  }
  e->kept_locals.push_back(Value::object(f.capture));
}

// The source line of a traceback entry: the program's, or a simulated
// library's (engine/script/lib); none for the other built-in modules.
std::string source_line_of(Interp& in, const Frame& f, int line) {
  if (!f.module || f.module == in.main_module()) return in.source_line_text(line);
  const LibrarySource* lib = find_library(f.module->name.c_str());
  if (!lib || line < 1) return std::string();
  std::string_view text = lib->source;
  for (int n = 1; n < line; ++n) {
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return std::string();
    text.remove_prefix(nl + 1);
  }
  return std::string(text.substr(0, text.find('\n')));
}

void Interp::add_traceback(Frame& f, ExceptionObj* e) {
  if (f.module && f.module->frames_hidden) return;
  TracebackEntry t;
  t.file = f.code->file;
  t.line = f.line();
  t.function = f.code->name;
  t.source = source_line_of(*this, f, t.line);
  auto& tb = e->traceback;
  if (!tb.empty() && tb.front().line == t.line && tb.front().function == t.function) return;
  tb.insert(tb.begin(), std::move(t));
  keep_frame_locals(f, e);
}

// Sends `e` to the innermost handler block of `f`; false when `f` has none.
bool Interp::unwind(Frame& f, Ref<ExceptionObj>& e) {
  f.awaiting = Value();
  if (f.blocks.empty()) return false;
  Block b = f.blocks.back();
  f.blocks.pop_back();
  f.stack.resize(b.stack_depth);
  f.handled.resize(b.handled_depth);
  f.stack.push_back(Value::object(e));
  f.pc = b.handler;
  return true;
}

void Interp::recycle_frame(std::unique_ptr<Frame> f) {
  // Frame's members in reverse declaration order, as ~Frame destroys them.
  f->suspended = Frame::Suspend::None;
  f->awaiting = Value();
  f->ip = f->pc = 0;
  f->handled.clear();
  f->blocks.clear();
  f->cells.clear();
  f->locals.clear();
  f->stack.clear();
  f->ns_order = nullptr;
  f->ns = nullptr;
  f->module = nullptr;
  f->func.reset();
  f->code.reset();
  constexpr size_t kPoolFrames = 64, kPoolStack = 64;
  if (frame_pool_.size() < kPoolFrames && f->stack.capacity() <= kPoolStack && f->locals.capacity() <= kPoolStack) {
    frame_pool_.push_back(std::move(f));
  }
}

std::unique_ptr<Frame> Interp::make_frame(const Ref<FunctionObj>& fn, CallArgs& args) {
  const CodeObj& c = *fn->code;
  // Only a plain call's frame comes from the pool: a coroutine's or
  // generator's may stay suspended, and stays small.
  bool plain = !(c.flags & (CodeObj::kAsync | CodeObj::kGenerator));
  std::unique_ptr<Frame> f;
  if (plain && !frame_pool_.empty()) {
    f = std::move(frame_pool_.back());
    frame_pool_.pop_back();
  } else {
    f = std::make_unique<Frame>();
  }
  f->code = fn->code;
  f->func = fn;
  f->module = fn->module ? fn->module.get() : main_.get();
  f->locals.assign(c.varnames.size(), Value::object(unbound()));
  // A plain call's frame lives only as long as the call, and most stay this
  // shallow: one allocation instead of four. (A coroutine's or generator's
  // frame may stay suspended: it grows as it needs, keeping tasks small.)
  if (plain) f->stack.reserve(8);
  size_t argc = static_cast<size_t>(c.argcount);
  size_t named = argc + static_cast<size_t>(c.kwonlycount);
  bool varargs = c.flags & CodeObj::kVarArgs;
  bool varkw = c.flags & CodeObj::kVarKw;
  const std::string& fname = fn->qualname;  // CPython names the function by its __qualname__
  // Positional arguments.
  size_t npos = args.pos.size();
  for (size_t i = 0; i < std::min(npos, argc); ++i) f->locals[i] = std::move(args.pos[i]);
  if (npos > argc) {
    if (!varargs) {
      size_t given = npos;
      size_t nd = std::min(argc, fn->defaults.size());
      std::string takes = nd ? "from " + std::to_string(argc - nd) + " to " + std::to_string(argc) + " positional arguments"
                             : plural(argc, "positional argument");
      type_error(fname + "() takes " + takes + " but " + std::to_string(given) +
                 (given == 1 ? " was" : " were") + " given");
    }
    std::vector<Value> rest(std::make_move_iterator(args.pos.begin() + static_cast<long>(argc)),
                            std::make_move_iterator(args.pos.end()));
    f->locals[named] = Value::object(make<TupleObj>(std::move(rest)));
  } else if (varargs) {
    f->locals[named] = Value::object(make<TupleObj>());
  }
  // Keyword arguments.
  Ref<DictObj> extra;
  if (varkw) extra = make<DictObj>();
  for (auto& [k, v] : args.kw) {
    size_t idx = named;
    for (size_t i = 0; i < named; ++i) {
      if (c.varnames[i] == k) {
        idx = i;
        break;
      }
    }
    if (idx == named) {
      if (!varkw) type_error(fname + "() got an unexpected keyword argument '" + k + "'");
      extra->table.set(str_value(k), std::move(v));
      continue;
    }
    if (!is_unbound(f->locals[idx])) type_error(fname + "() got multiple values for argument '" + k + "'");
    f->locals[idx] = std::move(v);
  }
  if (varkw) f->locals[named + (varargs ? 1 : 0)] = Value::object(extra);
  // Defaults, then what is still missing.
  std::vector<std::string> missing;
  size_t first_default = argc - std::min(argc, fn->defaults.size());
  for (size_t i = 0; i < argc; ++i) {
    if (!is_unbound(f->locals[i])) continue;
    if (i >= first_default) f->locals[i] = fn->defaults[i - first_default];
    else missing.push_back(c.varnames[i]);
  }
  if (!missing.empty()) {
    type_error(fname + "() missing " + plural(missing.size(), "required positional argument") + ": " + join_names(missing));
  }
  for (size_t i = argc; i < named; ++i) {
    if (!is_unbound(f->locals[i])) continue;
    auto it = fn->kwdefaults.find(c.varnames[i]);
    if (it != fn->kwdefaults.end()) f->locals[i] = it->second;
    else missing.push_back(c.varnames[i]);
  }
  if (!missing.empty()) {
    type_error(fname + "() missing " + plural(missing.size(), "required keyword-only argument") + ": " + join_names(missing));
  }
  // Cells: captured locals (parameters start with their value), then the closure.
  for (size_t i = 0; i < c.cellvars.size(); ++i) {
    Ref<CellObj> cell = make<CellObj>();
    if (c.cell_param[i] >= 0) {
      cell->value = f->locals[static_cast<size_t>(c.cell_param[i])];
      cell->bound = true;
    }
    f->cells.push_back(std::move(cell));
  }
  for (const Ref<CellObj>& cell : fn->closure) f->cells.push_back(cell);
  return f;
}

Value Interp::call_function(const Ref<FunctionObj>& fn, CallArgs& args) {
  std::unique_ptr<Frame> f = make_frame(fn, args);
  if (fn->code->is_generator()) return make_generator(*this, std::move(f));
  if (fn->code->is_async()) {
    return Value::object(make<ScriptCoroutine>(*this, std::move(f)));
  }
  struct Recycle {  // at the moment the frame would be destroyed
    Interp& in;
    std::unique_ptr<Frame>& f;
    ~Recycle() { in.recycle_frame(std::move(f)); }
  } recycle{*this, f};
  StepResult r = execute(*f, Value(), nullptr);
  if (r.kind == StepResult::Kind::Raise) throw PyError{r.exc, true};
  return std::move(r.value);
}

Value Interp::call(const Value& callee, std::vector<Value> pos) {
  CallArgs a;
  a.pos = std::move(pos);
  return call(callee, a);
}

Value Interp::call(const Value& callee, CallArgs& args) {
  Object* o = callee.obj();
  if (o) {
    const std::type_info& t = typeid(*o);
    if (t == typeid(FunctionObj)) return call_function(Ref<FunctionObj>(static_cast<FunctionObj*>(o)), args);
    if (t == typeid(NativeObj)) {
      auto* n = static_cast<NativeObj*>(o);
      Value self = n->self;
      return n->fn(*this, self, args);
    }
    if (t == typeid(BoundMethodObj)) {
      auto* m = static_cast<BoundMethodObj*>(o);
      Value func = m->func;
      args.pos.insert(args.pos.begin(), m->self);
      return call(func, args);
    }
    if (o->kind() == ObjKind::Class) return call_class(Ref<ClassObj>(static_cast<ClassObj*>(o)), args);
    if (o->kind() == ObjKind::Instance) {
      Value m;
      if (lookup_attr(callee, "__call__", m)) return call(m, args);
    }
  }
  type_error("'" + type_name(callee) + "' object is not callable");
}

Value Interp::make_function(Frame& f, uint32_t flags) {
  Ref<CodeObj> code(f.stack.back().as<CodeObj>());
  f.stack.pop_back();
  Ref<FunctionObj> fn = make<FunctionObj>(code);
  if (f.module != main_.get()) fn->module = Ref<ModuleObj>(f.module);  // a module written in Python
  if (flags & 4) {
    for (const Value& c : f.stack.back().as<TupleObj>()->items) fn->closure.emplace_back(c.as<CellObj>());
    f.stack.pop_back();
  }
  if (flags & 8) {  // the def's annotations
    fn->annotations = f.stack.back();
    f.stack.pop_back();
  }
  if (flags & 2) {
    for (const auto& e : f.stack.back().as<DictObj>()->table.entries()) {
      if (e.live) fn->kwdefaults[e.key.as<StrObj>()->value] = e.value;
    }
    f.stack.pop_back();
  }
  if (flags & 1) {
    fn->defaults = f.stack.back().as<TupleObj>()->items;
    f.stack.pop_back();
  }
  return Value::object(fn);
}

// Through the instruction's cache: an entry of the module's globals stays
// where it is until the name is removed (the module's epoch); a built-in
// stays valid while the module gains no name.
Value Interp::load_global(Frame& f, uint32_t name_index) {
  const Chunk& ch = f.code->chunk;
  if (ch.caches.empty()) ch.caches.resize(ch.code.size());
  InlineCache& c = ch.caches[f.ip];
  ModuleObj* m = f.module;
  if (c.owner == m && c.epoch == m->epoch) {
    if (c.slot) return *c.slot;
    if (c.size == m->globals.size()) return c.builtin;
  }
  const std::string& n = ch.names[name_index];
  c.owner = m;
  c.epoch = m->epoch;
  auto it = m->globals.find(n);
  if (it != m->globals.end()) {
    c.slot = &it->second;
    return it->second;
  }
  auto b = builtins_.find(n);
  if (b != builtins_.end()) {
    c.slot = nullptr;
    c.size = m->globals.size();
    c.builtin = b->second;
    return b->second;
  }
  c.owner = nullptr;
  raise(Exc::NameError, "name '" + n + "' is not defined");
}

void Interp::format_value(Frame& f, uint32_t arg) {
  std::string spec;
  if (arg & 0x100) {
    spec = as_str(f.stack.back(), "format spec");
    f.stack.pop_back();
  }
  Value v = std::move(f.stack.back());
  f.stack.pop_back();
  char conv = static_cast<char>(arg & 0xff);
  if (conv == 'r' || conv == 'a') v = str_value(repr(v));
  else if (conv == 's') v = str_value(str(v));
  if (spec.empty() && v.is(ObjKind::Str) && !v.as<StrObj>()->user) {
    f.stack.push_back(std::move(v));
    return;
  }
  f.stack.push_back(str_value(format(v, spec)));
}

void Interp::blocked(Frame& f) {
  // The program is stopped: nothing it left behind may report anything.
  quiet_ = true;
  ran_out_of_budget_ = true;
  // Report the innermost loop the frame is in (the target line of the first
  // backward jump after this instruction), else the current line.
  blocked_line_ = f.line();
  const Chunk& ch = f.code->chunk;
  for (size_t i = f.ip; i < ch.code.size(); ++i) {
    if (ch.code[i].op == Op::Jump && ch.code[i].arg <= f.ip) {
      blocked_line_ = ch.lines[ch.code[i].arg];
      break;
    }
  }
  EventLoop* loop = world_->running_loop;
  std::string who;
  if (loop) {
    if (Task* t = loop->current_task()) who = " by " + t->name();
    for (const Ref<Task>& t : loop->all_tasks()) t->log_destroy_pending = false;
  }
  Trace& t = world_->trace;
  // The spec's limit words (`max-iters=N reached`), then where it stands.
  t.add(Ev::Limit, t.str("max-instructions=" + std::to_string(budget_limit_) + " reached (the event loop is blocked at line " +
                         std::to_string(blocked_line_) + who + ", no await)"));
  throw LoopAbort{LoopAbort::Reason::Limit};
}

}  // namespace loopscope::script
