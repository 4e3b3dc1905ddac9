#include "app/gui/view_model.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

#include "engine/replay/explain.hpp"

namespace loopscope::gui {

const char* step_unit_name(StepUnit u) {
  switch (u) {
    case StepUnit::Event: return "event";
    case StepUnit::TaskStep: return "task step";
    case StepUnit::Iteration: return "loop iteration";
    case StepUnit::Output: return "output line";
  }
  return "?";
}

std::string with_commas(size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string step_label(const Session& s) {
  return "step " + with_commas(s.cursor) + " of " + with_commas(s.size());
}

std::string callback_label(const std::string& text) {
  // Task steps and wakeups read well as they are: "Task-2.step".
  size_t paren = text.find('(');
  std::string head = text.substr(0, paren);
  if (head.size() >= 5 && head.compare(head.size() - 5, 5, ".step") == 0) return head;
  if (head.size() >= 7 && head.compare(head.size() - 7, 7, ".wakeup") == 0) return head;
  if (head == "_set_result_unless_cancelled") return "sleep timer";
  if (head == "_run_until_complete_cb") return "run_until_complete callback";
  size_t dc = head.find("._done_callback");
  if (dc != std::string::npos) return head.substr(0, dc) + " callback";
  return head;
}

bool is_internal_task(const Session& s, uint32_t task) {
  if (!s.replay) return false;
  // Asked for every task on every frame (tasks table, timeline lanes):
  // computed once per run.
  static const Replay* for_replay = nullptr;
  static std::vector<bool> internal;
  if (for_replay != s.replay.get() || internal.size() != s.replay->task_count()) {
    internal.assign(s.replay->task_count(), false);
    for (uint32_t t = 0; t < internal.size(); ++t) {
      std::string coro(s.str(s.replay->coro_name(t)));
      internal[t] = coro.rfind("BaseEventLoop.", 0) == 0 || coro.rfind("_", 0) == 0;
    }
    for_replay = s.replay.get();
  }
  return task < internal.size() && internal[task];
}

std::vector<QueueBox> ready_boxes(const Session& s, size_t max_boxes) {
  return ready_boxes_of(s, s.state, max_boxes);
}

bool running_box(const Session& s, const ReplayState& state, QueueBox& out) {
  if (!state.has_running) return false;
  std::string text(s.str(state.running.text));
  out = QueueBox{};
  out.handle = state.running.id;
  out.label = callback_label(text);
  out.tooltip = "h#" + std::to_string(state.running.id) + " " + text + " (running now)";
  out.task = state.running.task;
  return true;
}

std::vector<QueueBox> ready_boxes_of(const Session& s, const ReplayState& state, size_t max_boxes) {
  std::vector<QueueBox> out;
  const auto& ready = state.ready;
  size_t shown = ready.size() <= max_boxes ? ready.size() : (max_boxes ? max_boxes - 1 : 0);
  for (size_t i = 0; i < shown; ++i) {
    const HandleView& h = ready[i];
    std::string text(s.str(h.text));
    QueueBox b;
    b.handle = h.id;
    b.label = callback_label(text);
    b.tooltip = "h#" + std::to_string(h.id) + " " + text + (h.cancelled ? " (cancelled: will be skipped)" : "");
    b.task = h.task;
    b.cancelled = h.cancelled;
    out.push_back(std::move(b));
  }
  if (shown < ready.size()) {
    QueueBox more;
    more.more = ready.size() - shown;
    more.label = "+" + with_commas(more.more) + " more";
    more.tooltip = with_commas(more.more) + " more handles wait behind these";
    out.push_back(std::move(more));
  }
  return out;
}

std::vector<TimerMark> timer_marks(const Session& s, size_t max_marks) {
  std::vector<TimerMark> out;
  // Which task sleeps on each sleep future ("sleep F#2 until=..." -> "F#2").
  // Only the futures of the timers shown are looked for, so 100,000
  // sleeping tasks cost one pass without allocations.
  std::map<std::string, uint32_t, std::less<>> sleeper;
  for (size_t i = 0; i < s.state.timers.size() && i < max_marks; ++i) {
    std::string text(s.str(s.state.timers[i].text));
    size_t f = text.find("F#");
    if (f != std::string::npos && text.rfind("_set_result_unless_cancelled", 0) == 0) {
      sleeper.emplace(text.substr(f, text.find_first_of(",)", f) - f), kNoString);
    }
  }
  if (!sleeper.empty()) {
    size_t found = 0;
    for (const TaskView& tv : s.state.tasks) {
      if (tv.awaiting == kNoString || (tv.state != TaskState::Waiting && tv.state != TaskState::Ready)) continue;
      std::string_view w = s.str(tv.awaiting);
      if (w.substr(0, 8) != "sleep F#") continue;
      auto it = sleeper.find(w.substr(6, w.find(' ', 6) - 6));
      if (it == sleeper.end() || it->second != kNoString) continue;
      it->second = tv.name;
      if (++found == sleeper.size()) break;
    }
  }
  for (const TimerView& t : s.state.timers) {
    if (out.size() >= max_marks) break;
    std::string text(s.str(t.text));
    TimerMark m;
    m.handle = t.id;
    m.when = t.when;
    m.label = callback_label(text);
    // A sleep's timer belongs to the task waiting on that future.
    size_t f = text.find("F#");
    if (m.label == "sleep timer" && f != std::string::npos) {
      std::string fut = text.substr(f, text.find_first_of(",)", f) - f);
      auto it = sleeper.find(fut);
      if (it != sleeper.end() && it->second != kNoString) m.label = std::string(s.str(it->second)) + " sleep";
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "t=%.3f", t.when);
    m.tooltip = "h#" + std::to_string(t.id) + " " + text + " at " + buf;
    out.push_back(std::move(m));
  }
  return out;
}

TaskRow task_row(const Session& s, uint32_t task) {
  const TaskView& t = s.state.tasks[task];
  TaskRow r;
  r.task = t.id;
  r.name = s.str(t.name);
  r.state = task_state_name(t.state);
  r.state_value = t.state;
  r.awaits = t.awaiting == kNoString ? "" : describe_await(s.str(t.awaiting));
  r.line = t.line ? std::to_string(t.line) : "";
  r.steps = std::to_string(t.steps);
  r.result = s.str(t.result);
  if (t.state == TaskState::Cancelled) r.result = "CancelledError";
  return r;
}

const std::vector<uint32_t>& task_row_ids(const Session& s, bool internals) {
  static const Replay* for_replay = nullptr;
  static size_t for_cursor = SIZE_MAX, for_count = 0;
  static bool for_internals = false;
  static std::vector<uint32_t> ids;
  if (for_replay != s.replay.get() || for_cursor != s.cursor || for_internals != internals ||
      for_count != s.state.tasks.size()) {
    ids.clear();
    for (const TaskView& t : s.state.tasks) {
      if (internals || !is_internal_task(s, t.id)) ids.push_back(t.id);
    }
    for_replay = s.replay.get();
    for_cursor = s.cursor;
    for_internals = internals;
    for_count = s.state.tasks.size();
  }
  return ids;
}

std::vector<TaskRow> task_rows(const Session& s, bool internals) {
  std::vector<TaskRow> rows;
  for (uint32_t id : task_row_ids(s, internals)) rows.push_back(task_row(s, id));
  return rows;
}

const std::vector<TimerMark>& cached_timer_marks(const Session& s) {
  static const Replay* for_replay = nullptr;
  static size_t for_cursor = SIZE_MAX;
  static std::vector<TimerMark> marks;
  if (for_replay != s.replay.get() || for_cursor != s.cursor) {
    marks = timer_marks(s, 300);
    for_replay = s.replay.get();
    for_cursor = s.cursor;
  }
  return marks;
}

const std::vector<WaitGroup>& cached_wait_groups(const Session& s) {
  static const Replay* for_replay = nullptr;
  static size_t for_cursor = SIZE_MAX;
  static std::vector<WaitGroup> groups;
  if (for_replay != s.replay.get() || for_cursor != s.cursor) {
    groups = wait_groups(s);
    for_replay = s.replay.get();
    for_cursor = s.cursor;
  }
  return groups;
}

namespace {

// "Queue#1" -> "Queue"; "Queue#1/Event" -> "Queue/Event".
std::string object_type(const std::string& object) {
  std::string out;
  bool skip = false;
  for (char c : object) {
    if (c == '#') skip = true;
    else if (c == '/') skip = false;
    if (!skip) out += c;
  }
  return out;
}

std::string at_time(const Session& s, uint32_t event) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "t=%.3f", s.replay->time_at(event + 1));
  return buf;
}

// What the trace tells about a program object that tasks wait on.
std::vector<std::string> object_facts(const Session& s, const std::string& object, const WaitGroup& g) {
  std::vector<std::string> facts;
  const Replay& r = *s.replay;
  std::string type = object_type(object);
  auto waits = [&](const char* method) {
    return std::count(g.notes.begin(), g.notes.end(), std::string(method));
  };
  if (type == "Lock") {
    // Waiters exist only while the lock is held. Its holder is exactly
    // known only when it got the lock after waiting (an acquire that did
    // not wait, and every release, leave no event).
    // A waiter already woken (its future resolved, its wakeup queued)
    // means the lock was released and is promised to that task.
    std::string prefix = object + ".acquire ";
    for (const TaskView& t : s.state.tasks) {
      if (t.state != TaskState::Ready || t.awaiting == kNoString) continue;
      if (s.str(t.awaiting).rfind(prefix, 0) != 0) continue;
      facts.push_back("free: released, and " + s.task_name(t.id) + " was woken to take it next");
      return facts;
    }
    const Replay::ObjectResume* last = r.last_resume(object, s.cursor, "acquire");
    bool holds = last && last->task < s.state.tasks.size() && s.state.tasks[last->task].state != TaskState::Done &&
                 s.state.tasks[last->task].state != TaskState::Failed &&
                 s.state.tasks[last->task].state != TaskState::Cancelled;
    if (holds) {
      facts.push_back("held, probably by " + s.task_name(last->task) + " (got it after waiting, " +
                      at_time(s, last->event) + "; releases are not in the trace)");
    } else {
      facts.push_back("held by a task that acquired it without waiting (not in the trace)");
    }
  } else if (type == "Queue" || type == "PriorityQueue" || type == "LifoQueue") {
    if (waits("get")) facts.push_back("empty for its getters: get() waits only while the queue is empty");
    if (waits("put")) facts.push_back("full: put() waits only while the queue holds maxsize items");
    facts.push_back("items are not in the trace (puts and gets that do not wait leave no event)");
    if (const Replay::ObjectResume* last = r.last_resume(object, s.cursor)) {
      facts.push_back("last woken: " + s.task_name(last->task) + " from " + last->method + "(), " + at_time(s, last->event));
    }
  } else if (type == "Queue/Event") {
    facts.push_back("join() waits until every item put has been marked task_done()");
  } else if (type == "Event") {
    facts.push_back("not set: wait() returns at once once set() is called");
  } else if (type == "Semaphore" || type == "BoundedSemaphore") {
    facts.push_back("no slot free: acquire() waits only when the counter is 0");
  } else if (type == "Condition") {
    facts.push_back("waiting for notify() / notify_all()");
  }
  return facts;
}

constexpr size_t kNotedPerGroup = 64;

}  // namespace

std::vector<WaitGroup> wait_groups(const Session& s) {
  std::vector<WaitGroup> groups;
  std::map<std::string, size_t> index;
  for (const TaskView& t : s.state.tasks) {
    if (t.state != TaskState::Waiting) continue;
    std::string w(s.str(t.awaiting));
    // Sleeps are the common case at scale: one group, and a note only for
    // the first few (the panel shows 8 per group).
    if (w.rfind("sleep ", 0) == 0) {
      auto [it, fresh] = index.emplace("timers", groups.size());
      if (fresh) groups.push_back(WaitGroup{"asyncio.sleep (timers)", "sleep", {}, {}, {}});
      WaitGroup& g = groups[it->second];
      g.tasks.push_back(t.id);
      if (g.notes.size() < kNotedPerGroup) {
        std::string until = parse_await(w).detail;
        g.notes.push_back("until t=" + until.substr(0, until.find('.') + 4));
      } else {
        g.notes.emplace_back();
      }
      continue;
    }
    AwaitTarget a = parse_await(w);
    std::string key = a.group;
    auto [it, fresh] = index.emplace(key, groups.size());
    if (fresh) {
      WaitGroup g;
      switch (a.kind) {
        case AwaitTarget::Kind::Sleep: g.title = "asyncio.sleep (timers)"; g.kind = "sleep"; break;
        case AwaitTarget::Kind::Task: g.title = "task " + a.group; g.kind = "task"; break;
        case AwaitTarget::Kind::Gather: g.title = a.group + " [" + a.detail + "]"; g.kind = "gather"; break;
        case AwaitTarget::Kind::Object: g.title = a.group; g.kind = "object"; break;
        case AwaitTarget::Kind::Future: g.title = "future " + a.future; g.kind = "future"; break;
        case AwaitTarget::Kind::Other: g.title = a.group; g.kind = "other"; break;
      }
      groups.push_back(std::move(g));
    }
    WaitGroup& g = groups[it->second];
    g.tasks.push_back(t.id);
    if (a.kind == AwaitTarget::Kind::Sleep) {
      g.notes.push_back("until t=" + a.detail.substr(0, a.detail.find('.') + 4));
    } else if (a.kind == AwaitTarget::Kind::Object) {
      g.notes.push_back(a.method);
    } else {
      g.notes.emplace_back();
    }
  }
  for (WaitGroup& g : groups) {
    if (g.kind != "object") continue;
    g.facts = object_facts(s, g.title, g);
    // q.join() waits on the queue's internal Event: say it in the queue's terms.
    if (g.title.size() > 6 && g.title.compare(g.title.size() - 6, 6, "/Event") == 0) {
      g.title = g.title.substr(0, g.title.size() - 6) + " join()";
      for (std::string& n : g.notes) n = "join";
    }
  }
  return groups;
}

size_t step_forward_from(const Replay& r, size_t k, StepUnit unit) {
  switch (unit) {
    case StepUnit::Event: return r.next_event(k);
    case StepUnit::TaskStep: return r.next_in(r.task_steps(), k);
    case StepUnit::Iteration: return r.next_in(r.iteration_starts(), k);
    case StepUnit::Output: return r.next_in(r.output_events(), k);
  }
  return k;
}

size_t step_forward(const Session& s, StepUnit unit) {
  return s.replay ? step_forward_from(*s.replay, s.cursor, unit) : 0;
}

size_t step_back(const Session& s, StepUnit unit) {
  if (!s.replay) return 0;
  const Replay& r = *s.replay;
  switch (unit) {
    case StepUnit::Event: return r.prev_event(s.cursor);
    case StepUnit::TaskStep: return r.prev_in(r.task_steps(), s.cursor);
    case StepUnit::Iteration: return r.prev_in(r.iteration_starts(), s.cursor);
    case StepUnit::Output: return r.prev_in(r.output_events(), s.cursor);
  }
  return s.cursor;
}

}  // namespace loopscope::gui
