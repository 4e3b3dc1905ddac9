#include "engine/trace/printer.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace loopscope {

bool is_diagnostic(Ev k) {
  switch (k) {
    case Ev::Warning: case Ev::AsyncioError: case Ev::Stderr:
    case Ev::Traceback: case Ev::Deadlock: case Ev::Limit:
      return true;
    default:
      return false;
  }
}

void append_time(std::string& out, double t) {
  // Below 1e6 s, t * 1e6 is within 1e-4 of the exact product; unless it
  // lies that close to a half, rounding it gives "%.6f"'s digits.
  if (!std::signbit(t) && t < 1e6) {
    double r = t * 1e6;
    double whole = std::floor(r);
    double frac = r - whole;
    if (std::fabs(frac - 0.5) > 1e-3) {
      auto micros = static_cast<uint64_t>(whole) + (frac > 0.5 ? 1 : 0);
      char buf[32];
      char* p = std::to_chars(buf, buf + 20, micros / 1000000).ptr;
      *p++ = '.';
      uint64_t f = micros % 1000000;
      for (int k = 5; k >= 0; --k, f /= 10) p[k] = static_cast<char>('0' + f % 10);
      out.append(buf, size_t(p + 6 - buf));
      return;
    }
  }
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%.6f", t);
  out.append(buf, size_t(n > 0 ? std::min(n, int(sizeof buf) - 1) : 0));
}

void append_escaped_output(std::string& out, std::string_view line) {
  if (!line.empty() && (line[0] == '~' || line[0] == '!' || line[0] == '\\')) out += '\\';
  // " at 0x<hex>" -> " at 0x?"
  size_t i = 0;
  while (i < line.size()) {
    size_t at = line.find(" at 0x", i);
    if (at == std::string_view::npos) break;
    size_t j = at + 6;
    while (j < line.size() && std::isxdigit(static_cast<unsigned char>(line[j]))) ++j;
    out.append(line.substr(i, at - i));
    if (j > at + 6) {
      out += " at 0x?";
    } else {
      out += " at 0x";
    }
    i = j;
  }
  out.append(line.substr(std::min(i, line.size())));
}

std::string escape_output(std::string_view line) {
  std::string out;
  append_escaped_output(out, line);
  return out;
}

namespace {

// Appends the parts of an event's text.
class BodyWriter {
 public:
  BodyWriter(std::string& out, const Trace& t, const EventNames& names) : out_(out), t_(t), names_(names) {}
  BodyWriter& put(std::string_view s) {
    out_.append(s);
    return *this;
  }
  BodyWriter& num(uint64_t n) {
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
    return *this;
  }
  BodyWriter& str(uint32_t sid) { return put(sid == kNoString ? std::string_view("?") : t_.string(sid)); }
  BodyWriter& handle(uint32_t h) { return put("h#").num(h); }
  BodyWriter& time(uint32_t number) {
    append_time(out_, t_.number(number));
    return *this;
  }
  BodyWriter& task(uint32_t task) { return put(names_.task_name(task)); }
  BodyWriter& who(uint32_t w) {
    if (w == Who::kOutside) return put("-");
    uint32_t tag = Who::tag(w);
    uint32_t id = Who::id(w);
    if (tag == Who::kTaskTag) return task(id);
    if (tag == Who::kThreadTag) return put(t_.string(id));
    return handle(id);
  }
  uint32_t handle_text(uint32_t h) const { return names_.handle_text(h); }

 private:
  std::string& out_;
  const Trace& t_;
  const EventNames& names_;
};

void step_body(BodyWriter& w, const Event& e) {
  w.put("step ").task(e.a).put(" ");
  switch (StepKind(e.x)) {
    case StepKind::Start: w.put("start"); break;
    case StepKind::Yield: w.put("<- yield"); break;
    case StepKind::Result: w.put("<- ").str(e.b).put(" result=").str(e.c); break;
    case StepKind::Raise: w.put("<- ").str(e.b).put(" raise=").str(e.c); break;
    case StepKind::RaiseDirect: w.put("<- raise=").str(e.c); break;
    case StepKind::MustCancel: w.put("<- cancel (must_cancel)"); break;
  }
}

void done_body(BodyWriter& w, const Event& e) {
  if (e.kind == Ev::Done) {
    w.put("done ").task(e.a);
  } else {
    w.put("resolve F#").num(e.a);
  }
  switch (DoneKind(e.x)) {
    case DoneKind::Result: w.put(" result=").str(e.b); break;
    case DoneKind::Raise: w.put(" raise=").str(e.b); break;
    case DoneKind::Cancelled: w.put(" cancelled"); break;
  }
}

void cancel_body(BodyWriter& w, const Event& e, const Event& x) {
  w.put("cancel ").task(e.a).put(" by ").who(e.b);
  if (x.a != kNoString) w.put(" msg=").str(x.a);
  w.put(" n=").num(e.c);
  switch (CancelOutcome(e.x)) {
    case CancelOutcome::Waiter: w.put(" -> ").str(x.b); break;
    case CancelOutcome::MustCancel: w.put(" must_cancel"); break;
    case CancelOutcome::Noop: w.put(" noop (done)"); break;
  }
}

}  // namespace

void append_event_body(std::string& out, const Trace& t, const Event& e, const Event& next,
                       const EventNames& names) {
  BodyWriter w(out, t, names);
  // An event's Ext record follows it at once (the trace writes both or,
  // once sealed, neither); a missing one reads as empty.
  static const Event kNoExt{Ev::Ext, 0, 0, kNoString, kNoString, 0};
  const Event& ext = next.kind == Ev::Ext ? next : kNoExt;
  switch (e.kind) {
    case Ev::LoopNew: w.put("loop new"); break;
    case Ev::LoopClose: w.put("loop close"); break;
    case Ev::RunUntil: w.put("run_until_complete ").str(e.a); break;
    case Ev::RunUntilEnd: w.put("run_until_complete end"); break;
    case Ev::Iter:
      w.put("iter ").num(e.a).put(" ready=").num(e.b).put(" timers=").num(e.c);
      if (e.x) w.put(" cancelled=").num(ext.a);
      break;
    case Ev::Advance: w.put("advance to=").time(e.a).put(" (timeout=").time(e.b).put(")"); break;
    case Ev::Due: w.put("due ").handle(e.a); break;
    case Ev::Run:
      // x=1: the callback text changed since it was scheduled (a renamed task).
      w.put("run ").handle(e.a).put(" ").str(e.x ? e.b : w.handle_text(e.a));
      break;
    case Ev::Skip: w.put("skip ").handle(e.a).put(" (cancelled)"); break;
    case Ev::Soon: w.put("soon ").handle(e.a).put(" ").str(e.b); break;
    case Ev::Timer: w.put("timer ").handle(e.a).put(" at=").time(e.c).put(" ").str(e.b); break;
    case Ev::TimerCancel:
      w.put("timer-cancel ").handle(e.a).put(" by ").who(e.b).put(e.x ? " (in heap)" : " (not in heap)");
      break;
    case Ev::HandleCancel: w.put("handle-cancel ").handle(e.a).put(" by ").who(e.b); break;
    case Ev::TaskNew: w.put("task+ ").str(e.b).put(" coro=").str(ext.a).put(" by=").who(e.c); break;
    case Ev::Rename: w.put("rename ").str(e.b).put(" -> ").str(e.c); break;
    case Ev::FutureNew: w.put("future+ F#").num(e.a).put(" origin=").str(e.b).put(" by=").who(e.c); break;
    case Ev::Step: step_body(w, e); break;
    case Ev::Wait: w.put("wait ").task(e.a).put(" on ").str(e.b); break;
    case Ev::Yield: w.put("yield ").task(e.a); break;
    case Ev::Done:
    case Ev::Resolve: done_body(w, e); break;
    case Ev::Cancel: cancel_body(w, e, ext); break;
    case Ev::Uncancel: w.put("uncancel ").task(e.a).put(" -> ").num(e.b); break;
    case Ev::Block: w.put("block time.sleep(").time(e.a).put(") by ").who(e.b).put(" -> ").time(e.c); break;
    case Ev::Output: w.str(e.a); break;
    case Ev::Warning: w.put("warning ").str(e.a); break;
    case Ev::AsyncioError: w.put("asyncio ").str(e.a); break;
    case Ev::Stderr: w.put("stderr ").str(e.a); break;
    case Ev::Traceback: w.put("traceback ").str(e.a); break;
    case Ev::Deadlock: w.put("deadlock ").str(e.a); break;
    case Ev::Limit: w.put("limit ").str(e.a); break;
    case Ev::Stamp:
    case Ev::Ext: break;
  }
}

std::string event_body(const Trace& t, const Event& e, const Event& next, const EventNames& names) {
  std::string out;
  append_event_body(out, t, e, next, names);
  return out;
}

std::string event_body(const Trace& t, size_t i, const EventNames& names) {
  const Event next = i + 1 < t.size() ? t[i + 1] : Event{Ev::Ext, 0, 0, kNoString, kNoString, 0};
  return event_body(t, t[i], next, names);
}

}  // namespace loopscope
