// Plain words: what an event means in the vocabulary of a first asyncio
// lesson (tasks, awaits, sleeps, the ready queue, the clock), with tasks
// named by what they run. No handle numbers, futures or asyncio internals:
// those are in explain_internals (explain.cpp).
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "engine/replay/explain.hpp"

namespace loopscope {

std::string seconds(double t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", t);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s + " s";
}

std::string task_label(const Replay& replay, uint32_t task) {
  const Trace& t = replay.trace();
  auto S = [&](uint32_t id) { return id == kNoString ? std::string("?") : std::string(t.string(id)); };
  // The task asyncio's selector loop starts for each accepted connection.
  if (replay.coro_name(task) != kNoString &&
      t.string(replay.coro_name(task)).rfind("BaseSelectorEventLoop._accept_connection", 0) == 0) {
    return S(replay.final_name(task)) + " (asyncio sets up an accepted connection)";
  }
  // With the frames the window records: what it runs as called, "Task-2 fetch('a', 1)".
  if (replay.has_frames()) return S(replay.final_name(task)) + " " + replay.call_text(task);
  return S(replay.final_name(task)) + " (" + S(replay.coro_name(task)) + ")";
}

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The future a callback text names: "_set_result_unless_cancelled(F#4, None)" -> "F#4".
std::string future_in(std::string_view text) {
  size_t p = text.find("F#");
  if (p == std::string_view::npos) return {};
  size_t q = p + 2;
  while (q < text.size() && text[q] >= '0' && text[q] <= '9') ++q;
  return std::string(text.substr(p, q - p));
}

// The task a future's resolution wakes: the `Task-N.wakeup(F#n)` queued
// soon after event i (a few events on, in the same loop turn).
std::optional<uint32_t> woken_by(const Replay& replay, size_t i, const std::string& fut) {
  if (fut.empty()) return std::nullopt;
  const Trace& t = replay.trace();
  std::string needle = ".wakeup(" + fut + ")";
  for (size_t j = i; j < t.size() && j < i + 64; ++j) {
    Event e = t[j];
    if (e.kind == Ev::Iter && j > i) break;
    if (e.kind == Ev::Soon && t.string(e.b).find(needle) != std::string_view::npos) {
      uint32_t tk = replay.handle_task(e.a);
      if (tk != UINT32_MAX) return tk;
    }
  }
  return std::nullopt;
}

class Plain {
 public:
  Plain(const Replay& r, size_t i) : r_(r), t_(r.trace()), i_(i), e_(t_[i]) {}
  std::string sentence();

 private:
  std::string S(uint32_t id) const { return id == kNoString ? std::string("?") : std::string(t_.string(id)); }
  std::string T(uint32_t task) const { return task_label(r_, task); }
  std::string who(uint32_t w) const {
    if (w == Who::kOutside) return "The main program";
    uint32_t tag = Who::tag(w), id = Who::id(w);
    if (tag == Who::kTaskTag) return T(id);
    return "A callback";
  }
  std::string line(uint32_t site) const { return site ? " (line " + std::to_string(t_.pool_at(site)[0]) + ")" : ""; }
  std::string awaited(std::string_view w) const;
  std::string wait();
  std::string step();
  std::string run();
  std::string timer_fires();

  const Replay& r_;
  const Trace& t_;
  size_t i_;
  Event e_;
};

// What a task waits on, as a noun: "its sleep", "Task-2 (fetch)", "gather of 3 tasks".
std::string Plain::awaited(std::string_view w) const {
  AwaitTarget a = parse_await(w);
  switch (a.kind) {
    case AwaitTarget::Kind::Sleep: return "its sleep";
    case AwaitTarget::Kind::Task: return "the task " + a.group;
    case AwaitTarget::Kind::Gather: return "the gather (" + short_list(a.detail, 4) + ")";
    case AwaitTarget::Kind::Object: return a.group + "." + a.method + "()";
    case AwaitTarget::Kind::Future: return "a future";
    case AwaitTarget::Kind::Other: break;
  }
  // wait_for, wait, shield, ...: the function's name, not its future.
  return std::string(w.substr(0, w.find(' '))) + "()";
}

std::string Plain::wait() {
  std::string w = S(e_.b), who_t = T(e_.a), where = line(e_.c);
  AwaitTarget a = parse_await(w);
  double now = r_.time_at(i_);
  switch (a.kind) {
    case AwaitTarget::Kind::Sleep: {
      double until = std::atof(a.detail.c_str());
      return who_t + " sleeps until " + seconds(until) + where + ": asyncio.sleep(" + seconds(until - now).substr(0, seconds(until - now).size() - 2) +
             ") sets a timer and gives the loop back.";
    }
    case AwaitTarget::Kind::Task:
      return who_t + " waits for " + a.group + " to finish" + where + " and gives the loop back.";
    case AwaitTarget::Kind::Gather:
      return who_t + " waits for gather(" + short_list(a.detail, 4) + ")" + where +
             ": it resumes once all of them are done.";
    case AwaitTarget::Kind::Object:
      return who_t + " waits on " + a.group + "." + a.method + "()" + where + " and gives the loop back.";
    default: break;
  }
  return who_t + " waits on " + awaited(w) + where + " and gives the loop back.";
}

std::string Plain::step() {
  std::string who_t = T(e_.a);
  switch (StepKind(e_.x)) {
    case StepKind::Start: return who_t + " starts: it runs from the top until its first await.";
    case StepKind::Yield: return who_t + " runs again after its sleep(0).";
    case StepKind::Result: {
      AwaitTarget a = parse_await(S(e_.b));
      if (a.kind == AwaitTarget::Kind::Sleep) return who_t + " wakes up: its sleep is over.";
      std::string value = S(e_.c);
      return who_t + " resumes: " + awaited(S(e_.b)) + " is done" + (value == "None" ? "" : ", with " + value) + ".";
    }
    case StepKind::Raise:
      return who_t + " resumes, and " + S(e_.c) + " is raised where it awaited " + awaited(S(e_.b)) + ".";
    case StepKind::RaiseDirect: return who_t + " resumes with " + S(e_.c) + " raised inside it.";
    case StepKind::MustCancel: return who_t + " was cancelled before it started: its body never runs.";
  }
  return {};
}

std::string Plain::run() {
  std::string text = S(r_.handle_text(e_.a));
  uint32_t tk = r_.handle_task(e_.a);
  if (tk != UINT32_MAX && text.find(".wakeup(") != std::string::npos) {
    return "The loop hands control back to " + T(tk) + ", which resumes where it awaited.";
  }
  if (tk != UINT32_MAX) return "The loop runs " + T(tk) + "'s next step.";
  if (starts_with(text, "_set_result_unless_cancelled(")) {
    // From a timer it ends a sleep; scheduled with call_soon it completes
    // some other wait (a connection made, a transport ready).
    bool sleep = r_.handle_from_timer(e_.a);
    std::optional<uint32_t> w = woken_by(r_, i_, future_in(text));
    if (w && sleep) return "The sleep of " + T(*w) + " is over: it is woken, and resumes at the loop's next turn.";
    if (w) return "What " + T(*w) + " waits for is ready: it is woken, and resumes at the loop's next turn.";
    return sleep ? "A sleep is over." : "The loop completes a future.";
  }
  std::string_view head = std::string_view(text).substr(0, text.find('('));
  bool sets_result = head == "set_result" || (starts_with(head, "F#") && head.find(".set_result") != std::string_view::npos);
  bool sets_error = head == "set_exception" || (starts_with(head, "F#") && head.find(".set_exception") != std::string_view::npos);
  if ((sets_result || sets_error) && !future_in(text).empty()) {
    // A result handed to the loop with call_soon(_threadsafe): a worker
    // thread's answer (aiosqlite, run_in_executor) or a callback's.
    bool failed = sets_error;
    std::optional<uint32_t> w = woken_by(r_, i_, future_in(text));
    std::string what = failed ? "The error " : "The result ";
    if (w) return what + T(*w) + " waits for is handed to it: it resumes at the loop's next turn.";
    return what + "of a future is handed to it: whoever awaits it resumes.";
  }
  if (starts_with(text, "_chain_future._set_state(")) {
    std::optional<uint32_t> w = woken_by(r_, i_, future_in(text));
    std::string who = w ? ", and " + T(*w) + ", which waits for it, resumes at the loop's next turn" : std::string();
    return "A worker thread has finished its job: the loop takes its result" + who + ".";
  }
  if (starts_with(text, "_chain_future._call_check_cancel(")) {
    return "The loop checks that the thread's job was not cancelled meanwhile; the task that waits for it can go on.";
  }
  if (starts_with(text, "_run_until_complete_cb(")) return "What the loop was running for is done, so the loop stops.";
  if (starts_with(text, "gather._done_callback(")) return "One of gather's tasks has finished: gather counts it.";
  if (starts_with(text, "_release_waiter(")) return "The timeout's timer has run out: the waiting task is released.";
  // Other callbacks by name only: their arguments are asyncio's own objects.
  std::string name = text.substr(0, text.find('('));
  // A future's own method (F#n.set_result, as shutdown_default_executor
  // schedules it): the future is not named in plain words.
  if (starts_with(name, "F#") && name.find('.') != std::string::npos) {
    return "The loop calls " + name.substr(name.find('.') + 1) + " on a future.";
  }
  return "The loop calls " + name + ".";
}

std::string Plain::timer_fires() {
  std::string text = S(r_.handle_text(e_.a));
  double now = r_.time_at(i_ + 1);
  std::string late;
  if (r_.handle_from_timer(e_.a)) {
    double due = t_.number(t_[r_.handle_created(e_.a)].c);
    if (now - due > 1e-9) late = " It was due at " + seconds(due) + ": " + seconds(now - due) + " late.";
  }
  if (starts_with(text, "_set_result_unless_cancelled(")) {
    std::optional<uint32_t> w = woken_by(r_, i_, future_in(text));
    if (w) {
      std::string name = S(r_.final_name(*w));
      return "The timer for " + T(*w) + "'s sleep fires; " + name + " will resume next." + late;
    }
  }
  return "A timer fires: its callback joins the ready queue." + late;
}

std::string Plain::sentence() {
  switch (e_.kind) {
    case Ev::LoopNew: return "asyncio.run creates a new event loop.";
    case Ev::LoopClose: return "The event loop is closed: the program is over.";
    case Ev::RunUntil: {
      std::string target = S(e_.a);
      if (starts_with(target, "coro:")) return "asyncio.run's shutdown runs a small internal step.";
      if (starts_with(target, "F#")) {
        return i_ >= r_.shutdown_start() ? "The loop runs until the tasks left over, now cancelled, have finished."
                                         : "The loop runs until a future is done.";
      }
      return "The loop starts and runs until " + target + " is done.";
    }
    case Ev::RunUntilEnd: return "The loop stops: what it ran for is done.";
    case Ev::Iter:
      if (e_.b == 1) return "Loop turn " + std::to_string(e_.a) + ": 1 callback is ready to run.";
      if (e_.b) return "Loop turn " + std::to_string(e_.a) + ": " + std::to_string(e_.b) + " callbacks are ready to run, in order.";
      if (e_.c) return "Loop turn " + std::to_string(e_.a) + ": nothing is ready, so the loop waits for the next timer.";
      return "Loop turn " + std::to_string(e_.a) + ": nothing is ready and no timer is set.";
    case Ev::Advance: return "Nothing to do until the next timer: the clock jumps to " + seconds(t_.number(e_.a)) + ".";
    case Ev::Due: return timer_fires();
    case Ev::Run: return run();
    case Ev::Skip: return "A cancelled callback is dropped without running.";
    case Ev::Soon: {
      uint32_t tk = r_.handle_task(e_.a);
      std::string text = S(e_.b);
      if (tk != UINT32_MAX && text.find(".wakeup(") != std::string::npos) {
        return T(tk) + " is woken: it will resume at the loop's next turn.";
      }
      if (tk != UINT32_MAX) return T(tk) + " joins the ready queue: it runs at the loop's next turn.";
      if (starts_with(text, "gather._done_callback(")) {
        return "gather is told that one of its tasks has finished, at the loop's next turn.";
      }
      return "A callback joins the ready queue: it runs at the loop's next turn.";
    }
    case Ev::Timer: return "A timer is set for " + seconds(t_.number(e_.c)) + ".";
    case Ev::TimerCancel: return who(e_.b) + " cancels a timer it no longer needs.";
    case Ev::HandleCancel: return who(e_.b) + " cancels a callback that was about to run: the loop will skip it.";
    case Ev::TaskNew:
      return who(e_.c) + " creates " + T(e_.a) + ". It does not run yet: it starts at the loop's next turn.";
    case Ev::Rename: return "The task " + S(e_.b) + " is renamed " + S(e_.c) + ".";
    case Ev::FutureNew: return who(e_.c) + " makes a future to wait on.";
    case Ev::Step: return step();
    case Ev::Wait: return wait();
    case Ev::Yield:
      return T(e_.a) + " yields with sleep(0)" + line(e_.c) + ": it goes to the back of the ready queue, so others run first.";
    case Ev::Done:
      switch (DoneKind(e_.x)) {
        case DoneKind::Result: return T(e_.a) + " finishes" + (S(e_.b) == "None" ? "" : " and returns " + S(e_.b)) + ".";
        case DoneKind::Raise: return T(e_.a) + " fails with " + S(e_.b) + ".";
        case DoneKind::Cancelled: return T(e_.a) + " is cancelled and finishes.";
      }
      break;
    case Ev::Resolve: {
      std::optional<uint32_t> w = woken_by(r_, i_, "F#" + std::to_string(e_.a));
      if (w) return "What " + T(*w) + " waits on is done, so it is woken.";
      return "A future gets its result.";
    }
    case Ev::Cancel:
      switch (CancelOutcome(e_.x)) {
        case CancelOutcome::Waiter:
        case CancelOutcome::MustCancel:
          return who(e_.b) + " cancels " + T(e_.a) + ": CancelledError will be raised inside it at its next step.";
        case CancelOutcome::Noop: return who(e_.b) + " tries to cancel " + T(e_.a) + ", but it has already finished.";
      }
      break;
    case Ev::Uncancel: return T(e_.a) + " takes back a cancel request.";
    case Ev::Block: {
      std::string d = seconds(t_.number(e_.a));
      std::string call = "time.sleep(" + d.substr(0, d.size() - 2) + ")";  // "0.5 s" -> time.sleep(0.5)
      if (Who::is_thread(e_.b)) {
        return "Worker thread " + S(Who::id(e_.b)) + " calls " + call + ": it waits in that thread until " +
               seconds(t_.number(e_.c)) + ", and the loop is not blocked: it goes on running tasks.";
      }
      return who(e_.b) + " calls " + call + ", which blocks: the whole loop stops, nothing else can run, and the clock moves to " +
             seconds(t_.number(e_.c)) + ".";
    }
    case Ev::Output: {
      uint32_t tk = r_.task_running_at_event(i_);
      return (tk == UINT32_MAX ? std::string("The program") : T(tk)) + " prints \"" + S(e_.a) + "\".";
    }
    default: break;
  }
  return {};
}

}  // namespace

std::string explain_plain(const Replay& replay, size_t i) {
  if (i >= replay.size()) return {};
  Ev kind = replay.trace()[i].kind;
  // Diagnostics read the same in both forms.
  if (kind >= Ev::Warning) return explain_internals(replay, i);
  std::string s = Plain(replay, i).sentence();
  if (i >= replay.shutdown_start() && kind != Ev::LoopClose) s = "asyncio.run shuts down: " + s;
  return s;
}

}  // namespace loopscope
