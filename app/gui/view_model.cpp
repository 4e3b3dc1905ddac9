#include "app/gui/view_model.hpp"

#include <cstdio>
#include <map>

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
  const std::string& coro = s.str(s.replay->coro_name(task));
  return coro.rfind("BaseEventLoop.", 0) == 0 || coro.rfind("_", 0) == 0;
}

std::vector<QueueBox> ready_boxes(const Session& s, size_t max_boxes) {
  return ready_boxes_of(s, s.state, max_boxes);
}

bool running_box(const Session& s, const ReplayState& state, QueueBox& out) {
  if (!state.has_running) return false;
  const std::string& text = s.str(state.running.text);
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
    const std::string& text = s.str(h.text);
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
  std::map<std::string, uint32_t> sleeper;
  if (!s.state.timers.empty()) {
    for (const TaskView& tv : s.state.tasks) {
      if (tv.awaiting == kNoString || (tv.state != TaskState::Waiting && tv.state != TaskState::Ready)) continue;
      const std::string& w = s.str(tv.awaiting);
      if (w.rfind("sleep F#", 0) != 0) continue;
      sleeper.emplace(w.substr(6, w.find(' ', 6) - 6), tv.name);
    }
  }
  for (const TimerView& t : s.state.timers) {
    if (out.size() >= max_marks) break;
    const std::string& text = s.str(t.text);
    TimerMark m;
    m.handle = t.id;
    m.when = t.when;
    m.label = callback_label(text);
    // A sleep's timer belongs to the task waiting on that future.
    size_t f = text.find("F#");
    if (m.label == "sleep timer" && f != std::string::npos) {
      std::string fut = text.substr(f, text.find_first_of(",)", f) - f);
      auto it = sleeper.find(fut);
      if (it != sleeper.end()) m.label = s.str(it->second) + " sleep";
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

std::vector<WaitGroup> wait_groups(const Session& s) {
  std::vector<WaitGroup> groups;
  std::map<std::string, size_t> index;
  for (const TaskView& t : s.state.tasks) {
    if (t.state != TaskState::Waiting) continue;
    AwaitTarget a = parse_await(s.str(t.awaiting));
    std::string key = a.kind == AwaitTarget::Kind::Sleep ? std::string("timers") : a.group;
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
