// The window's Variables panel: a task's frames (function, line, locals)
// written beside the trace at each start and suspension of a script task,
// when RunOptions::record_frames asks (trace.hpp, FrameSnapshot).
//
// The reprs never run the program's code: a user __repr__ could print or
// change state, and the transcript must be the same with or without the
// panel. Such values show as `<Point object>`.

#include "engine/script/vm/frame_snapshot.hpp"

#include "engine/object/bigint.hpp"

#include <typeinfo>

#include "engine/loop/event_loop.hpp"
#include "engine/loop/task.hpp"
#include "engine/script/vm/coroutine.hpp"

namespace loopscope::script {

namespace {

constexpr size_t kReprCodePoints = 60;

// Cuts `s` to at most `n` code points, ending in "…" when cut.
std::string cut(const std::string& s, size_t n) {
  size_t cps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cps++ == n) return s.substr(0, i) + "\xE2\x80\xA6";
  }
  return s;
}

class SafeRepr {
 public:
  explicit SafeRepr(Interp& in) : in_(in) {}

  // CPython's repr of `v`, stopped once `out` passes the budget.
  void put(const Value& v, std::string& out, int depth = 0) {
    if (out.size() > kBudget) return;
    Object* o = v.obj();
    if (!o) {
      out += loopscope::repr(v);
      return;
    }
    if (depth > 4) {
      out += "...";
      return;
    }
    if (in_.user_override(v, "__repr__")) {
      out += "<" + o->type_name() + " object>";
      return;
    }
    switch (o->kind()) {
      case ObjKind::List: return items("[", static_cast<ListObj*>(o)->items, "]", out, depth);
      case ObjKind::Tuple: {
        const auto& it = static_cast<TupleObj*>(o)->items;
        return items("(", it, it.size() == 1 ? ",)" : ")", out, depth);
      }
      case ObjKind::Dict: return dict(static_cast<DictObj*>(o), out, depth);
      case ObjKind::Set: return set(static_cast<SetObj*>(o), out, depth);
      case ObjKind::Instance: {
        auto* inst = static_cast<InstanceObj*>(o);
        if (in_.class_lookup(inst->cls.get(), "__repr__")) {
          out += "<" + inst->cls->name + " object>";
        } else {
          out += "<" + inst->cls->module + "." + inst->cls->name + " object at 0x?>";
        }
        return;
      }
      case ObjKind::Exception: {
        auto* e = static_cast<ExceptionObj*>(o);
        if (in_.class_lookup(e->cls.get(), "__repr__")) {
          out += "<" + e->cls->name + " object>";
          return;
        }
        return items(e->cls->name + "(", e->args, ")", out, depth);
      }
      case ObjKind::BigInt: {  // the leading digits only (a repr past 4300 digits would raise)
        auto* b = static_cast<BigIntObj*>(o);
        if (mpz_sizeinbase(b->z, 10) > kBudget) {
          out += "<int of " + std::to_string(mpz_sizeinbase(b->z, 10)) + " digits>";
          return;
        }
        break;
      }
      default: break;
    }
    out += o->repr();
  }

 private:
  static constexpr size_t kBudget = kReprCodePoints * 4 + 8;

  void items(const std::string& open, const std::vector<Value>& vs, const char* close, std::string& out, int depth) {
    out += open;
    for (size_t i = 0; i < vs.size() && out.size() <= kBudget; ++i) {
      if (i) out += ", ";
      put(vs[i], out, depth + 1);
    }
    out += close;
  }
  void dict(DictObj* d, std::string& out, int depth) {
    out += "{";
    bool first = true;
    for (const auto& e : d->table.entries()) {
      if (!e.live) continue;
      if (out.size() > kBudget) break;
      if (!first) out += ", ";
      first = false;
      put(e.key, out, depth + 1);
      out += ": ";
      put(e.value, out, depth + 1);
    }
    out += "}";
  }
  void set(SetObj* s, std::string& out, int depth) {
    if (s->table.size() == 0) {
      out += "set()";
      return;
    }
    out += "{";
    bool first = true;
    for (const auto& e : s->table.entries()) {
      if (!e.live) continue;
      if (out.size() > kBudget) break;
      if (!first) out += ", ";
      first = false;
      put(e.key, out, depth + 1);
    }
    out += "}";
  }

  Interp& in_;
};

// One frame's words: function, line, parameters, then its bound locals.
void frame_words(Interp& in, const Frame& f, Trace& t, std::vector<uint32_t>& w) {
  const CodeObj& c = *f.code;
  bool varargs = c.flags & CodeObj::kVarArgs, varkw = c.flags & CodeObj::kVarKw;
  size_t params = size_t(c.argcount + c.kwonlycount) + (varargs ? 1 : 0) + (varkw ? 1 : 0);
  w.push_back(t.str(c.name));
  w.push_back(uint32_t(f.line()));
  w.push_back(uint32_t(c.argcount));
  w.push_back(uint32_t(params));
  w.push_back((varargs ? 1u : 0u) | (varkw ? 2u : 0u));
  size_t count_at = w.size();
  w.push_back(0);
  SafeRepr safe(in);
  auto add = [&](const std::string& name, const Value& v) {
    std::string text;
    safe.put(v, text);
    w.push_back(t.str(name));
    w.push_back(t.str(cut(text, kReprCodePoints)));
    ++w[count_at];
  };
  for (size_t i = 0; i < c.varnames.size() && i < f.locals.size(); ++i) {
    if (!is_unbound(f.locals[i])) {
      add(c.varnames[i], f.locals[i]);
      continue;
    }
    // A parameter an inner function captures lives in its cell.
    for (size_t j = 0; j < c.cell_param.size() && j < f.cells.size(); ++j) {
      if (c.cell_param[j] == int(i) && f.cells[j] && f.cells[j]->bound) add(c.varnames[i], f.cells[j]->value);
    }
  }
  for (size_t j = 0; j < c.cellvars.size() && j < f.cells.size(); ++j) {
    if (j < c.cell_param.size() && c.cell_param[j] >= 0) continue;
    if (f.cells[j] && f.cells[j]->bound) add(c.cellvars[j], f.cells[j]->value);
  }
}

}  // namespace

void record_task_frames(Interp& in, const ScriptCoroutine& coro, const Frame& top, FrameSnapshotKind kind) {
  World& world = in.world();
  EventLoop* loop = world.running_loop;
  Task* task = loop ? loop->current_task() : nullptr;
  if (!task || task->coro() != &coro) return;
  Trace& t = world.trace;
  std::vector<uint32_t> w{uint32_t(kind), 0};
  // The await chain, outermost first, as far as it is script frames.
  for (const Frame* f = &top; f;) {
    ++w[1];
    size_t line_at = w.size() + 1;
    frame_words(in, *f, t, w);
    // Not started: it stands at its `def` line, as CPython's frame does.
    if (kind == FrameSnapshotKind::Start) w[line_at] = uint32_t(f->code->first_line);
    Object* inner = f->awaiting.obj();
    if (kind == FrameSnapshotKind::Finish || !inner || typeid(*inner) != typeid(ScriptCoroutine)) break;
    f = static_cast<ScriptCoroutine*>(inner)->frame();
  }
  t.frame_snapshot(task->id(), w);
}

void record_running_frames(Interp& in) {
  World& world = in.world();
  EventLoop* loop = world.running_loop;
  Task* task = loop ? loop->current_task() : nullptr;
  if (!task || !task->coro() || typeid(*task->coro()) != typeid(ScriptCoroutine)) return;
  const std::vector<Frame*>& frames = in.frames();
  if (in.exc_barrier >= frames.size()) return;
  Trace& t = world.trace;
  std::vector<uint32_t> w{uint32_t(FrameSnapshotKind::Print), 0};
  for (size_t i = in.exc_barrier; i < frames.size(); ++i) {
    if (frames[i]->code->flags & (CodeObj::kModule | CodeObj::kClassBody)) continue;
    ++w[1];
    frame_words(in, *frames[i], t, w);
  }
  if (w[1]) t.frame_snapshot(task->id(), w);
}

}  // namespace loopscope::script
