#include "engine/trace/printer.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <sstream>

namespace loopscope {

namespace {

std::string fmt_time(double t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", t);
  return buf;
}

}  // namespace

bool is_diagnostic(Ev k) {
  switch (k) {
    case Ev::Warning: case Ev::AsyncioError: case Ev::Stderr:
    case Ev::Traceback: case Ev::Deadlock: case Ev::Limit:
      return true;
    default:
      return false;
  }
}

std::string escape_output(std::string_view line) {
  std::string out;
  if (!line.empty() && (line[0] == '~' || line[0] == '!' || line[0] == '\\')) out += '\\';
  // " at 0x<hex>" -> " at 0x?"
  size_t i = 0;
  while (i < line.size()) {
    if (line.compare(i, 6, " at 0x") == 0) {
      size_t j = i + 6;
      while (j < line.size() && std::isxdigit(static_cast<unsigned char>(line[j]))) ++j;
      if (j > i + 6) {
        out += " at 0x?";
        i = j;
        continue;
      }
    }
    out += line[i++];
  }
  return out;
}

std::string TraceCursor::task_name(uint32_t task) const {
  return task < task_names_.size() ? task_names_[task] : std::string("Task-?");
}

uint32_t TraceCursor::handle_text(uint32_t handle) const {
  return handle < handle_texts_.size() ? handle_texts_[handle] : kNoString;
}

void TraceCursor::apply(size_t i) {
  const Event e = reader_[i];
  switch (e.kind) {
    case Ev::Advance:
      now_ = trace_->number(e.a);
      break;
    case Ev::Block:
      now_ = trace_->number(e.c);
      break;
    case Ev::Stamp:
      now_ = trace_->number(e.a);
      break;
    case Ev::TaskNew:
      if (task_names_.size() <= e.a) task_names_.resize(e.a + 1);
      task_names_[e.a] = trace_->string(e.b);
      break;
    case Ev::Rename:
      if (task_names_.size() <= e.a) task_names_.resize(e.a + 1);
      task_names_[e.a] = trace_->string(e.c);
      break;
    case Ev::Run:
      if (e.x && e.a < handle_texts_.size()) handle_texts_[e.a] = e.b;
      break;
    case Ev::Soon:
    case Ev::Timer:
      if (handle_texts_.size() <= e.a) handle_texts_.resize(e.a + 1, kNoString);
      handle_texts_[e.a] = e.b;
      break;
    default:
      break;
  }
}

std::string TraceCursor::line(size_t i, bool events) const {
  const Event e = reader_[i];
  if (e.kind == Ev::Ext || e.kind == Ev::Stamp) return {};
  bool diagnostic = is_diagnostic(e.kind);
  if (!events && e.kind != Ev::Output && !diagnostic) return {};  // before formatting the time
  std::string prefix = "[" + fmt_time(now_) + "] ";
  if (e.kind == Ev::Output) return prefix + escape_output(trace_->string(e.a));
  const Event next = i + 1 < reader_.size() ? reader_[i + 1] : Event{Ev::Ext, 0, 0, kNoString, kNoString, 0};
  return prefix + (diagnostic ? "! " : "~ ") + event_body(*trace_, e, next, *this);
}

std::string event_body(const Trace& t, size_t i, const EventNames& names) {
  const Event next = i + 1 < t.size() ? t[i + 1] : Event{Ev::Ext, 0, 0, kNoString, kNoString, 0};
  return event_body(t, t[i], next, names);
}

std::string event_body(const Trace& t, const Event& e, const Event& next, const EventNames& names) {
  auto task_name = [&](uint32_t task) { return names.task_name(task); };
  auto handle_text = [&](uint32_t h) { return names.handle_text(h); };
  auto who = [&](uint32_t w) -> std::string {
    if (w == Who::kOutside) return "-";
    uint32_t tag = w & (3u << 30);
    uint32_t id = w & ~(3u << 30);
    if (tag == Who::kTaskTag) return task_name(id);
    if (tag == Who::kThreadTag) return std::string(t.string(id));
    return "h#" + std::to_string(id);
  };
  static const std::string kUnknown = "?";
  auto S = [&](uint32_t sid) -> std::string { return sid == kNoString ? kUnknown : std::string(t.string(sid)); };
  auto H = [](uint32_t h) { return "h#" + std::to_string(h); };
  // An event's Ext record follows it at once (the trace writes both or,
  // once sealed, neither); a missing one reads as empty.
  static const Event kNoExt{Ev::Ext, 0, 0, kNoString, kNoString, 0};
  auto ext = [&]() -> const Event& { return next.kind == Ev::Ext ? next : kNoExt; };
  switch (e.kind) {
    case Ev::LoopNew: return "loop new";
    case Ev::LoopClose: return "loop close";
    case Ev::RunUntil: return "run_until_complete " + S(e.a);
    case Ev::RunUntilEnd: return "run_until_complete end";
    case Ev::Iter: {
      std::string s = "iter " + std::to_string(e.a) + " ready=" + std::to_string(e.b) +
                      " timers=" + std::to_string(e.c);
      if (e.x) s += " cancelled=" + std::to_string(ext().a);
      return s;
    }
    case Ev::Advance:
      return "advance to=" + fmt_time(t.number(e.a)) + " (timeout=" + fmt_time(t.number(e.b)) + ")";
    case Ev::Due: return "due " + H(e.a);
    case Ev::Run: {
      // x=1: the callback text changed since it was scheduled (a renamed task).
      uint32_t text = e.x ? e.b : handle_text(e.a);
      return "run " + H(e.a) + " " + (text == kNoString ? std::string("?") : S(text));
    }
    case Ev::Skip: return "skip " + H(e.a) + " (cancelled)";
    case Ev::Soon: return "soon " + H(e.a) + " " + S(e.b);
    case Ev::Timer: return "timer " + H(e.a) + " at=" + fmt_time(t.number(e.c)) + " " + S(e.b);
    case Ev::TimerCancel:
      return "timer-cancel " + H(e.a) + " by " + who(e.b) + (e.x ? " (in heap)" : " (not in heap)");
    case Ev::HandleCancel: return "handle-cancel " + H(e.a) + " by " + who(e.b);
    case Ev::TaskNew: return "task+ " + S(e.b) + " coro=" + S(ext().a) + " by=" + who(e.c);
    case Ev::Rename: return "rename " + S(e.b) + " -> " + S(e.c);
    case Ev::FutureNew:
      return "future+ F#" + std::to_string(e.a) + " origin=" + S(e.b) + " by=" + who(e.c);
    case Ev::Step: {
      std::string s = "step " + task_name(e.a) + " ";
      switch (StepKind(e.x)) {
        case StepKind::Start: return s + "start";
        case StepKind::Yield: return s + "<- yield";
        case StepKind::Result: return s + "<- " + S(e.b) + " result=" + S(e.c);
        case StepKind::Raise: return s + "<- " + S(e.b) + " raise=" + S(e.c);
        case StepKind::RaiseDirect: return s + "<- raise=" + S(e.c);
        case StepKind::MustCancel: return s + "<- cancel (must_cancel)";
      }
      return s;
    }
    case Ev::Wait: return "wait " + task_name(e.a) + " on " + S(e.b);
    case Ev::Yield: return "yield " + task_name(e.a);
    case Ev::Done:
    case Ev::Resolve: {
      std::string s = e.kind == Ev::Done ? "done " + task_name(e.a) : "resolve F#" + std::to_string(e.a);
      switch (DoneKind(e.x)) {
        case DoneKind::Result: return s + " result=" + S(e.b);
        case DoneKind::Raise: return s + " raise=" + S(e.b);
        case DoneKind::Cancelled: return s + " cancelled";
      }
      return s;
    }
    case Ev::Cancel: {
      const Event& x = ext();
      std::string s = "cancel " + task_name(e.a) + " by " + who(e.b);
      if (x.a != kNoString) s += " msg=" + S(x.a);
      s += " n=" + std::to_string(e.c);
      switch (CancelOutcome(e.x)) {
        case CancelOutcome::Waiter: return s + " -> " + S(x.b);
        case CancelOutcome::MustCancel: return s + " must_cancel";
        case CancelOutcome::Noop: return s + " noop (done)";
      }
      return s;
    }
    case Ev::Uncancel: return "uncancel " + task_name(e.a) + " -> " + std::to_string(e.b);
    case Ev::Block:
      return "block time.sleep(" + fmt_time(t.number(e.a)) + ") by " + who(e.b) + " -> " +
             fmt_time(t.number(e.c));
    case Ev::Output: return S(e.a);
    case Ev::Warning: return "warning " + S(e.a);
    case Ev::AsyncioError: return "asyncio " + S(e.a);
    case Ev::Stderr: return "stderr " + S(e.a);
    case Ev::Traceback: return "traceback " + S(e.a);
    case Ev::Deadlock: return "deadlock " + S(e.a);
    case Ev::Limit: return "limit " + S(e.a);
    case Ev::Stamp: return {};
    case Ev::Ext: return {};
  }
  return {};
}

void print_transcript(const Trace& t, std::ostream& out, bool events) {
  TraceCursor cur(t);
  for (size_t i = 0; i < t.size(); ++i) {
    std::string l = cur.line(i, events);
    if (!l.empty()) out << l << '\n';
    cur.apply(i);
  }
}

std::string transcript(const Trace& t, bool events) {
  std::ostringstream s;
  print_transcript(t, s, events);
  return s.str();
}

}  // namespace loopscope
