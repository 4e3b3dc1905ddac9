#include "engine/replay/explain.hpp"

#include "engine/trace/printer.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <utility>

namespace loopscope {

namespace {

std::string fmt(double v, const char* f = "%.3f") {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The token after `key` up to the next space ("until=1.000000" -> "1.000000").
std::string field(std::string_view s, std::string_view key) {
  size_t p = s.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  size_t q = s.find(' ', p);
  return std::string(s.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p));
}

std::string find_future(std::string_view s) {
  size_t p = s.find("F#");
  if (p == std::string_view::npos) return {};
  size_t q = p + 2;
  while (q < s.size() && std::isdigit(static_cast<unsigned char>(s[q]))) ++q;
  return std::string(s.substr(p, q - p));
}

// The children a gather's description names before counting the rest.
constexpr size_t kGatherNamed = 6;

}  // namespace

std::string with_commas(size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}


std::string short_list(std::string_view list, size_t max_items) {
  size_t pos = 0;
  for (size_t n = 0; n < max_items; ++n) {
    size_t comma = list.find(", ", pos);
    if (comma == std::string_view::npos) return std::string(list);
    pos = comma + 2;
  }
  // `pos` is where item max_items + 1 starts: it and one more per comma
  // after it (a plain count: lists can be megabytes long).
  size_t rest = 1 + size_t(std::count(list.begin() + std::ptrdiff_t(pos), list.end(), ','));
  std::string out(list.substr(0, pos));
  out += "... +" + with_commas(rest) + " more";
  return out;
}

AwaitTarget parse_await(std::string_view w) {
  AwaitTarget t;
  t.future = find_future(w);
  if (starts_with(w, "sleep ")) {
    t.kind = AwaitTarget::Kind::Sleep;
    t.group = "timer";
    t.detail = field(w, "until=");
  } else if (starts_with(w, "task ")) {
    t.kind = AwaitTarget::Kind::Task;
    t.group = std::string(w.substr(5));
  } else if (starts_with(w, "gather ")) {
    t.kind = AwaitTarget::Kind::Gather;
    t.group = "gather " + t.future;
    size_t lb = w.find('[');
    size_t rb = w.rfind(']');
    if (lb != std::string_view::npos && rb != std::string_view::npos && rb > lb) {
      t.detail = std::string(w.substr(lb + 1, rb - lb - 1));
    }
  } else if (starts_with(w, "future ")) {
    t.kind = AwaitTarget::Kind::Future;
    t.group = t.future;
  } else {
    // "<Obj>.<method> F#n", e.g. "Queue#1.get F#3" or "Queue#1/Event.wait F#4".
    size_t sp = w.find(' ');
    std::string_view head = w.substr(0, sp);
    size_t dot = head.rfind('.');
    if (dot != std::string_view::npos && dot > 0) {
      t.kind = AwaitTarget::Kind::Object;
      t.group = std::string(head.substr(0, dot));
      t.method = std::string(head.substr(dot + 1));
    } else {
      t.group = std::string(head.empty() ? w : head);
    }
  }
  return t;
}

std::string clock_text(double t) {
  char six[64];
  std::snprintf(six, sizeof six, "%.6f", t);
  return fmt(std::strtod(six, nullptr));
}

std::string describe_await(std::string_view w) {
  if (starts_with(w, "gather ")) {
    // Not through parse_await, which would copy the whole children list.
    size_t lb = w.find('['), rb = w.rfind(']');
    std::string_view list = lb != std::string_view::npos && rb != std::string_view::npos && rb > lb
                                ? w.substr(lb + 1, rb - lb - 1)
                                : std::string_view();
    return "gather(" + short_list(list, kGatherNamed) + ")";
  }
  AwaitTarget t = parse_await(w);
  switch (t.kind) {
    case AwaitTarget::Kind::Sleep:
      return "asyncio.sleep until t=" + (t.detail.empty() ? std::string("?") : clock_text(std::atof(t.detail.c_str())));
    case AwaitTarget::Kind::Task: return "task " + t.group;
    case AwaitTarget::Kind::Gather: return "gather(" + short_list(t.detail, kGatherNamed) + ")";
    case AwaitTarget::Kind::Object: return t.group + "." + t.method + "()";
    case AwaitTarget::Kind::Future: return "future " + t.future;
    case AwaitTarget::Kind::Other: break;
  }
  std::string_view words = own_wait_words(t.group);
  return words.empty() ? std::string(w) : std::string(words);
}

std::string_view own_wait_words(std::string_view origin) {
  // asyncio's own waits inside the streams, the selector loop and the
  // executors, in the words of the call the user made.
  static constexpr std::pair<std::string_view, std::string_view> kOwnWaits[] = {
      {"_wait_for_data", "data to read"},
      {"sock_connect", "connect()"},
      {"_create_connection_transport", "connection setup"},
      {"_accept_connection2", "connection setup"},
      {"wrap_future", "a thread's job"},
      {"_drain_helper", "drain(): the send buffer"},
      {"serve_forever", "serve_forever()"},
      {"shutdown_default_executor", "the executor's shutdown"},
  };
  for (const auto& [own, words] : kOwnWaits) {
    if (origin == own) return words;
  }
  return {};
}

std::string explain_internals(const Replay& replay, size_t i) {
  const Trace& t = replay.trace();
  if (i >= t.size()) return {};
  const Event e = t[i];
  auto S = [&](uint32_t id) -> std::string { return id == kNoString ? std::string("?") : std::string(t.string(id)); };
  auto task = [&](uint32_t id) { return S(replay.final_name(id)); };
  auto H = [](uint32_t h) { return "h#" + std::to_string(h); };
  auto who = [&](uint32_t w) -> std::string {
    if (w == Who::kOutside) return "The main program";
    uint32_t tag = Who::tag(w), id = Who::id(w);
    if (tag == Who::kTaskTag) return task(id);
    return "Callback " + H(id);
  };
  auto ext = [&]() -> std::optional<Event> {
    if (i + 1 < t.size() && t[i + 1].kind == Ev::Ext) return Event(t[i + 1]);
    return std::nullopt;
  };
  auto at_line = [&](uint32_t site) -> std::string {
    if (!site) return {};
    return " at line " + std::to_string(t.pool_at(site)[0]);
  };
  double now = replay.time_at(i);

  switch (e.kind) {
    case Ev::LoopNew: return "A new event loop is created; asyncio.run will drive the main coroutine on it.";
    case Ev::LoopClose: return "The event loop is closed: the program is over.";
    case Ev::RunUntil: return "The loop starts running and will keep going until " + S(e.a) + " is done.";
    case Ev::RunUntilEnd: return "What the loop was running for is done, so run_until_complete returns.";
    case Ev::Iter: {
      std::string s = "Loop iteration " + std::to_string(e.a) + " begins: ";
      if (e.b == 0) {
        s += "nothing is ready";
        if (e.c) s += ", so the loop will sleep until the first of its " + std::to_string(e.c) + " timer(s) is due.";
        else s += " and no timer is set.";
      } else {
        s += std::to_string(e.b) + " callback(s) are ready, and the loop runs exactly those; anything they schedule waits for the next iteration.";
      }
      return s;
    }
    case Ev::Advance:
      return "Nothing is ready, so the loop sleeps: the virtual clock jumps to t=" + fmt(t.number(e.a)) +
             ", the deadline of the first timer.";
    case Ev::Due:
      return "The timer " + H(e.a) + " (" + S(replay.handle_text(e.a)) +
             ") is due: it moves from the timer heap to the back of the ready queue.";
    case Ev::Run: {
      std::string text = S(replay.handle_text(e.a));
      uint32_t tk = replay.handle_task(e.a);
      if (tk != UINT32_MAX && text.find(".wakeup(") != std::string::npos) {
        return "The loop runs " + text + ": what " + task(tk) + " awaited is done, so " + task(tk) + " resumes now.";
      }
      if (tk != UINT32_MAX) return "The loop takes " + text + " from the front of the ready queue: " + task(tk) + " runs until its next await.";
      return "The loop takes " + H(e.a) + " from the front of the ready queue and calls " + text + ".";
    }
    case Ev::Skip: return "The handle " + H(e.a) + " was cancelled, so the loop drops it without calling it.";
    case Ev::Soon: {
      std::string text = S(e.b);
      return text + " is appended to the ready queue (" + H(e.a) + "); it will run in the next loop iteration.";
    }
    case Ev::Timer:
      return "A timer is set for t=" + fmt(t.number(e.c)) + " (" + H(e.a) + ", " + S(e.b) +
             "): it waits in the timer heap until then.";
    case Ev::TimerCancel:
      return who(e.b) + " cancels the timer " + H(e.a) +
             (e.x ? ": it stays in the heap, marked cancelled, until the loop purges it."
                  : "; it had already left the heap, so nothing more happens.");
    case Ev::HandleCancel: return who(e.b) + " cancels " + H(e.a) + ": the loop will skip it.";
    case Ev::TaskNew: {
      std::optional<Event> x = ext();
      std::string coro = x ? S(x->a) : std::string("?");
      return who(e.c) + " creates " + S(e.b) + " for " + coro +
             "(). It does not run yet: its first step waits in the ready queue.";
    }
    case Ev::Rename: return "The task " + S(e.b) + " is renamed " + S(e.c) + ".";
    case Ev::FutureNew: return who(e.c) + " creates the future F#" + std::to_string(e.a) + " (" + S(e.b) + ").";
    case Ev::Step:
      switch (StepKind(e.x)) {
        case StepKind::Start: return task(e.a) + " starts: its coroutine runs from the top until its first await.";
        case StepKind::Yield: return task(e.a) + " resumes after its sleep(0) and runs until its next await.";
        case StepKind::Result:
          return task(e.a) + " resumes: " + describe_await(S(e.b)) + " finished with " + S(e.c) + ".";
        case StepKind::Raise:
          return task(e.a) + " resumes, and " + S(e.c) + " is raised at its await on " + describe_await(S(e.b)) + ".";
        case StepKind::RaiseDirect: return task(e.a) + " resumes with " + S(e.c) + " thrown into it.";
        case StepKind::MustCancel:
          return task(e.a) + " was cancelled before it started: CancelledError is thrown in and its body never runs.";
      }
      break;
    case Ev::Wait: {
      std::string w = S(e.b);
      AwaitTarget a = parse_await(w);
      std::string who_t = task(e.a);
      std::string where = at_line(e.c);
      switch (a.kind) {
        case AwaitTarget::Kind::Sleep: {
          double until = std::atof(a.detail.c_str());
          return who_t + " awaits asyncio.sleep(" + fmt(until - now, "%g") + ")" + where + ": a timer is set for t=" +
                 fmt(until) + " and the task gives the loop back.";
        }
        case AwaitTarget::Kind::Task:
          return who_t + " awaits " + a.group + where + " and gives the loop back until " + a.group + " finishes.";
        case AwaitTarget::Kind::Gather:
          return who_t + " awaits gather(" + short_list(a.detail, kGatherNamed) + ")" + where + ": it resumes once all of them are done.";
        case AwaitTarget::Kind::Object:
          return who_t + " awaits " + a.group + "." + a.method + "()" + where + " and gives the loop back until it is woken.";
        case AwaitTarget::Kind::Future:
          return who_t + " awaits the future " + a.future + where + " and gives the loop back until it is resolved.";
        case AwaitTarget::Kind::Other: break;
      }
      return who_t + " awaits " + w + where + " and gives the loop back.";
    }
    case Ev::Yield:
      return task(e.a) + " yields with sleep(0)" + at_line(e.c) +
             ": it gives the loop back, and its next step goes to the back of the ready queue.";
    case Ev::Done:
      switch (DoneKind(e.x)) {
        case DoneKind::Result:
          return task(e.a) + " returns " + S(e.b) + " and is done; whoever awaits it is woken through a done-callback.";
        case DoneKind::Raise: return task(e.a) + " fails with " + S(e.b) + ".";
        case DoneKind::Cancelled: return task(e.a) + " is cancelled and done.";
      }
      break;
    case Ev::Resolve: {
      std::string f = "F#" + std::to_string(e.a);
      switch (DoneKind(e.x)) {
        case DoneKind::Result:
          return "The future " + f + " gets its result " + S(e.b) + ": its done-callbacks are scheduled with call_soon.";
        case DoneKind::Raise: return "The future " + f + " fails with " + S(e.b) + ": its done-callbacks are scheduled.";
        case DoneKind::Cancelled: return "The future " + f + " is cancelled: its done-callbacks are scheduled.";
      }
      break;
    }
    case Ev::Cancel:
      switch (CancelOutcome(e.x)) {
        case CancelOutcome::Waiter:
          return who(e.b) + " cancels " + task(e.a) +
                 ": the future it waits on is cancelled now, and CancelledError reaches it in the next iteration.";
        case CancelOutcome::MustCancel:
          return who(e.b) + " cancels " + task(e.a) + ", which has not started: it will be cancelled as its first step begins.";
        case CancelOutcome::Noop: return who(e.b) + " tries to cancel " + task(e.a) + ", but it is already done.";
      }
      break;
    case Ev::Uncancel: return task(e.a) + " is uncancelled (" + std::to_string(e.b) + " cancel request(s) left).";
    case Ev::Block:
      return who(e.b) + " calls time.sleep(" + fmt(t.number(e.a), "%g") +
             "), a blocking call: the loop is stuck, nothing else runs, and the clock moves to t=" + fmt(t.number(e.c)) + ".";
    case Ev::Output: {
      uint32_t tk = replay.task_running_at_event(i);
      std::string by = tk == UINT32_MAX ? std::string("The program") : task(tk);
      return by + " prints \"" + S(e.a) + "\".";
    }
    case Ev::Warning: return "Python warns: " + S(e.a) + ".";
    case Ev::AsyncioError: return "asyncio reports: " + S(e.a) + ".";
    case Ev::Stderr: return "The program writes to stderr: " + S(e.a);
    case Ev::Traceback: return "The program ends with an uncaught exception: " + S(e.a) + ".";
    case Ev::Deadlock: return "Deadlock: nothing is ready and no timer is set, so a real loop would wait forever.";
    case Ev::Limit: return "The run was stopped by a limit: " + S(e.a) + ".";
    case Ev::Stamp: break;
    case Ev::Ext: break;
  }
  return {};
}

namespace {

// Names for the event log's random access: each task under its final name,
// each handle under its callback text as the replay knows it.
class ReplayNames final : public EventNames {
 public:
  explicit ReplayNames(const Replay& r) : r_(r) {}
  std::string_view task_name(uint32_t task) const override {
    uint32_t id = r_.final_name(task);
    return id == kNoString ? std::string_view("?") : r_.trace().string(id);
  }
  uint32_t handle_text(uint32_t h) const override { return r_.handle_text(h); }

 private:
  const Replay& r_;
};

}  // namespace

std::string event_text(const Replay& replay, size_t i) {
  const Trace& t = replay.trace();
  if (i >= t.size() || t[i].kind == Ev::Ext) return {};
  std::string body = event_body(t, i, ReplayNames(replay));
  return is_diagnostic(t[i].kind) ? "! " + body : body;
}

std::string explain_event(const Replay& replay, size_t i, ExplainLevel level) {
  return level == ExplainLevel::Internals ? explain_internals(replay, i) : explain_plain(replay, i);
}

std::string explain_cursor(const Replay& replay, size_t cursor, ExplainLevel level) {
  if (cursor == 0 || replay.size() == 0) return "Nothing has happened yet: step forward to watch the event loop start.";
  size_t i = replay.prev_event(std::min(cursor, replay.size()));
  // prev_event gives the cursor before the last applied event: that event is i.
  return explain_event(replay, i, level);
}

}  // namespace loopscope
