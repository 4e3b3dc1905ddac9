#include "app/gui/task_card.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "app/gui/view_model.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {

namespace {

std::string time_text(double t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g s", t);
  return buf;
}

std::string step_text(size_t cursor) { return "step " + with_commas(cursor); }

// The task named `name` at the cursor (UINT32_MAX: none).
uint32_t task_named(const Session& s, std::string_view name) {
  for (const TaskView& t : s.state.tasks) {
    if (s.str(t.name) == name) return t.id;
  }
  return UINT32_MAX;
}

// Its place in the ready queue, 1-based (0: not there).
size_t ready_position(const Session& s, uint32_t task) {
  size_t i = 0;
  for (const HandleView& h : s.state.ready) {
    ++i;
    if (h.task == task) return i;
  }
  return 0;
}

bool finished(TaskState st) { return st == TaskState::Done || st == TaskState::Cancelled || st == TaskState::Failed; }

class WhyChain {
 public:
  explicit WhyChain(const Session& s) : s_(s) {}

  void follow(uint32_t task, int depth) {
    if (task >= s_.state.tasks.size() || depth > 8) return;
    std::string name = task_title(s_, task);
    if (!seen_.insert(task).second) {
      out.push_back(name + " is already in this chain: these tasks wait on each other in a cycle, so none of them "
                           "can go on (a deadlock).");
      return;
    }
    const TaskView& t = s_.state.tasks[task];
    std::string line = t.line ? " at line " + std::to_string(t.line) : std::string();
    switch (t.state) {
      case TaskState::Running: {
        uint32_t at = running_line(s_);
        std::string where = at ? " at line " + std::to_string(at) : std::string();
        out.push_back(s_.state.blocked ? name + " is running now" + where +
                                             " and holds the loop in a blocking call: every other task waits until it returns."
                                       : name + " is running now" + where + ": the loop runs nothing else until it awaits.");
        return;
      }
      case TaskState::Created:
      case TaskState::Ready: {
        size_t pos = ready_position(s_, task);
        std::string where = pos ? " (place " + std::to_string(pos) + " of " + std::to_string(s_.state.ready.size()) + ")"
                                : std::string();
        out.push_back(name + (t.state == TaskState::Created ? " has not started yet: its first step" : " is ready: its next step") +
                      " waits in the ready queue" + where + ", and runs when the loop gets to it.");
        return;
      }
      case TaskState::Done: out.push_back(name + " has finished" + result(t, ": it returned ") + "."); return;
      case TaskState::Cancelled: out.push_back(name + " was cancelled."); return;
      case TaskState::Failed: out.push_back(name + " failed" + result(t, ": ") + "."); return;
      case TaskState::Waiting: waiting(t, name + line, depth); return;
    }
  }

  std::vector<std::string> out;

 private:
  std::string result(const TaskView& t, const char* lead) const {
    std::string_view r = s_.str(t.result);
    return r.empty() ? std::string() : lead + clip_text(r, 60);
  }

  void waiting(const TaskView& t, const std::string& who, int depth) {
    std::string w(s_.str(t.awaiting));
    AwaitTarget at = parse_await(w);
    switch (at.kind) {
      case AwaitTarget::Kind::Sleep: {
        double due = std::atof(at.detail.c_str());
        if (due <= s_.state.now) {
          out.push_back(who + " sleeps: its timer was due at " + time_text(due) + " and fires when the loop next looks at its timers" +
                        (s_.state.blocked ? " (the loop is blocked now, so it fires late)." : "."));
        } else {
          out.push_back(who + " sleeps: a timer wakes it at " + time_text(due) + " (in " + time_text(due - s_.state.now) + ").");
        }
        return;
      }
      case AwaitTarget::Kind::Task: {
        uint32_t child = task_named(s_, at.group);
        out.push_back(who + " awaits " + (child == UINT32_MAX ? at.group : task_title(s_, child)) +
                      ": it goes on when that task finishes.");
        if (child != UINT32_MAX) follow(child, depth + 1);
        return;
      }
      case AwaitTarget::Kind::Gather: return gather(at, who, depth);
      case AwaitTarget::Kind::Object: return object(t, at, who, depth);
      case AwaitTarget::Kind::Future:
        out.push_back(who + " awaits a future (" + at.future + "): it goes on when some code sets the future's result.");
        return;
      case AwaitTarget::Kind::Other: break;
    }
    out.push_back(who + " waits on " + describe_await(w) + ".");
  }

  void gather(const AwaitTarget& at, const std::string& who, int depth) {
    std::vector<uint32_t> pending;
    size_t total = 0;
    for (size_t b = 0; b < at.detail.size();) {
      size_t e = at.detail.find(", ", b);
      if (e == std::string::npos) e = at.detail.size();
      ++total;
      uint32_t child = task_named(s_, std::string_view(at.detail).substr(b, e - b));
      if (child != UINT32_MAX && !finished(s_.state.tasks[child].state)) pending.push_back(child);
      b = e + 2;
    }
    std::string names;
    for (size_t i = 0; i < pending.size() && i < 4; ++i) names += (i ? ", " : "") + std::string(s_.str(s_.state.tasks[pending[i]].name));
    if (pending.size() > 4) names += ", ... +" + with_commas(pending.size() - 4) + " more";
    out.push_back(who + " awaits a gather of " + with_commas(total) + (total == 1 ? " task" : " tasks") +
                  ": it goes on when all have finished; still waiting on " + (names.empty() ? "none" : names) + ".");
    if (!pending.empty()) follow(pending.front(), depth + 1);
  }

  void object(const TaskView& t, const AwaitTarget& at, const std::string& who, int depth) {
    const Replay& r = *s_.replay;
    const ObjectNote* note = r.last_note(at.group, s_.cursor);
    std::string state = note ? std::string(s_.str(note->text)) : std::string();
    std::string call = at.group + "." + at.method + "()";
    if (at.group.size() > 6 && at.group.compare(at.group.size() - 6, 6, "/Event") == 0) {
      std::string queue = at.group.substr(0, at.group.size() - 6);
      out.push_back(who + " waits in " + queue + ".join(): it goes on once every item put has been marked task_done().");
      return;
    }
    if (at.method == "get") {
      out.push_back(who + " waits in " + call + ": the queue is empty" + (state.empty() ? "" : " (" + state + ")") +
                    ", and it goes on when a task puts an item.");
      others_all_wait(t.id);
      counterparts(at.group, +1, depth);
    } else if (at.method == "put") {
      out.push_back(who + " waits in " + call + ": the queue is full" + (state.empty() ? "" : " (" + state + ")") +
                    ", and it goes on when a task takes an item out.");
      others_all_wait(t.id);
      counterparts(at.group, -1, depth);
    } else if (at.method == "acquire") {
      lock(at, call, who, note, state, depth);
    } else if (at.method == "wait") {
      out.push_back(who + " waits in " + call + ": it goes on when a task calls set() (or notify()).");
      others_all_wait(t.id);
    } else {
      out.push_back(who + " waits in " + call + (state.empty() ? "." : " (" + state + ")."));
    }
  }

  void lock(const AwaitTarget& at, const std::string& call, const std::string& who, const ObjectNote* note,
            const std::string& state, int depth) {
    const std::string held = "held by ";
    uint32_t holder = UINT32_MAX;
    if (state.compare(0, held.size(), held) == 0) holder = task_named(s_, std::string_view(state).substr(held.size()));
    if (holder == UINT32_MAX) {
      out.push_back(who + " waits in " + call + (state.empty() ? "" : ": " + at.group + " is " + state) +
                    "; it goes on when the lock is released and handed to it.");
      return;
    }
    out.push_back(who + " waits in " + call + ": " + at.group + " is held by " + task_title(s_, holder) + " since " +
                  step_text(note->event) + "; it goes on when that task releases it.");
    follow(holder, depth + 1);
  }

  // The tasks that put items into a queue so far (grow > 0) or took items
  // out (grow < 0), from the changes of its item count; the chain goes on
  // with the first of them that has not finished.
  void counterparts(const std::string& queue, int grow, int depth) {
    std::vector<uint32_t> tasks;
    long before = 0;
    for (const ObjectNote* n : s_.replay->notes_before(queue, s_.cursor)) {
      long count = std::atol(std::string(s_.str(n->text)).c_str());
      bool moved = grow > 0 ? count > before : count < before;
      before = count;
      uint32_t who = n->event ? s_.replay->task_running_at_event(n->event - 1) : UINT32_MAX;
      if (moved && who != UINT32_MAX && std::find(tasks.begin(), tasks.end(), who) == tasks.end()) tasks.push_back(who);
    }
    const char* verb = grow > 0 ? "put items into" : "took items out of";
    if (tasks.empty()) {
      out.push_back(std::string("No task has ") + verb + " " + queue + " yet.");
      return;
    }
    std::string names;
    uint32_t next = UINT32_MAX;
    for (size_t i = 0; i < tasks.size(); ++i) {
      if (i < 4) names += (i ? ", " : "") + task_title(s_, tasks[i]);
      if (next == UINT32_MAX && tasks[i] < s_.state.tasks.size() && !finished(s_.state.tasks[tasks[i]].state)) next = tasks[i];
    }
    if (tasks.size() > 4) names += ", ... +" + with_commas(tasks.size() - 4) + " more";
    out.push_back(std::string("Tasks that ") + verb + " " + queue + " so far: " + names +
                  (next == UINT32_MAX ? "; all of them have finished." : "."));
    if (next != UINT32_MAX && !seen_.count(next)) follow(next, depth + 1);
  }

  // When nothing else can run, nothing will put, get, set or release.
  void others_all_wait(uint32_t task) {
    size_t waiting = 0;
    for (const TaskView& o : s_.state.tasks) {
      if (o.id == task || finished(o.state)) continue;
      if (o.state != TaskState::Waiting) return;
      if (parse_await(s_.str(o.awaiting)).kind == AwaitTarget::Kind::Sleep) return;  // a timer will wake it
      ++waiting;
    }
    out.push_back(waiting ? "Every other unfinished task waits too, and no timer is set to wake one: nothing can change "
                            "this (a deadlock)."
                          : "No other task is left to do it.");
  }

  const Session& s_;
  std::set<uint32_t> seen_;
};

// When, in this run, the wait at the cursor ends and what ends it.
std::string wake_forecast(const Session& s, uint32_t task) {
  const Replay& r = *s.replay;
  for (const TaskSpan& sp : r.spans(task)) {
    if (sp.kind != SpanKind::Running || sp.begin < s.cursor) continue;
    std::string by;
    if (sp.woken_by != UINT32_MAX) {
      uint32_t waker = r.task_running_at_event(sp.woken_by);
      AwaitTarget::Kind kind = parse_await(s.str(s.state.tasks[task].awaiting)).kind;
      if (waker != UINT32_MAX && waker != task) {
        by = " by " + task_title(s, waker);
      } else if (kind == AwaitTarget::Kind::Sleep) {
        by = " by its timer";
      } else if (kind == AwaitTarget::Kind::Gather || kind == AwaitTarget::Kind::Task) {
        by = " once what it awaits has finished";
      } else {
        by = " by a callback of the loop";
      }
    }
    return "In this run it runs again at " + step_text(r.after(sp.begin)) + " (t=" + time_text(r.time_at(sp.begin + 1)) + ")" +
           (sp.woken_by != UINT32_MAX ? ", woken" + by : std::string()) + ".";
  }
  return "In this run it never runs again.";
}

}  // namespace

std::string task_title(const Session& s, uint32_t task) {
  std::string name = s.task_name(task);
  if (!s.replay || task >= s.replay->task_count()) return name;
  std::string call = s.replay->call_text(task);
  return call.empty() ? name : name + " " + call;
}

uint32_t card_task(const Session& s, const UiState& ui) {
  if (!s.replay) return UINT32_MAX;
  if (ui.selected_task < s.state.tasks.size()) return ui.selected_task;
  if (s.state.running_task < s.state.tasks.size()) return s.state.running_task;
  // A task's step handle runs, its step not begun yet.
  if (s.state.has_running && s.state.running.task < s.state.tasks.size()) return s.state.running.task;
  uint32_t last = s.cursor ? s.replay->task_running_at_event(s.cursor - 1) : UINT32_MAX;
  if (last < s.state.tasks.size()) return last;
  return s.state.tasks.size() ? 0 : UINT32_MAX;
}

std::vector<std::string> why_not_running(const Session& s, uint32_t task) {
  WhyChain chain(s);
  if (!s.replay) return {};
  chain.follow(task, 0);
  if (task < s.state.tasks.size() && s.state.tasks[task].state == TaskState::Waiting) {
    chain.out.push_back(wake_forecast(s, task));
  }
  return chain.out;
}

TaskCard task_card(const Session& s, uint32_t task) {
  TaskCard c;
  if (!s.replay || task >= s.state.tasks.size()) return c;
  const Replay& r = *s.replay;
  const TaskView& t = s.state.tasks[task];
  c.task = task;
  c.title = task_title(s, task);
  c.state = task_state_name(t.state);
  c.why = why_not_running(s, task);
  c.recorded = r.frames_at(task, s.cursor, c.frames);
  if (c.recorded) {
    for (const FrameView& f : c.frames.frames) c.stack += (c.stack.empty() ? "" : " -> ") + std::string(f.function);
    std::string at = step_text(c.frames.event) + " (t=" + time_text(r.time_at(c.frames.event)) + ")";
    switch (c.frames.kind) {
      case FrameSnapshotKind::Start: c.frames_when = "as it started, at " + at; break;
      case FrameSnapshotKind::Print: c.frames_when = "as it printed, at " + at; break;
      case FrameSnapshotKind::Suspend: c.frames_when = "as it paused at " + at; break;
      case FrameSnapshotKind::Finish: c.frames_when = "as it finished, at " + at; break;
    }
    if (t.state == TaskState::Running && c.frames.kind == FrameSnapshotKind::Suspend) {
      c.frames_when += ": the values this step began with";
    }
  }
  for (const TaskSpan& sp : r.spans(task)) {
    if (sp.kind != SpanKind::Running) continue;
    size_t at = r.after(sp.begin);
    if (sp.end < s.cursor && at < s.cursor) c.last_ran = at;
    if (sp.begin >= s.cursor && c.next_runs == SIZE_MAX) {
      c.next_runs = at;
      if (sp.woken_by != UINT32_MAX && sp.woken_by >= s.cursor) c.woken = r.after(sp.woken_by);
    }
  }
  const Trace& trace = s.trace();
  for (size_t i = s.cursor; i < trace.size(); ++i) {
    if (trace[i].kind == Ev::Output) {
      c.next_output = r.after(uint32_t(i));
      break;
    }
  }
  return c;
}

}  // namespace loopscope::gui
