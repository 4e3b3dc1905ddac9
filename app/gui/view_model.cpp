#include "app/gui/view_model.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>
#include <tuple>

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

std::string clip_text(std::string_view text, size_t max_chars) {
  if (text.size() <= max_chars) return std::string(text);
  size_t n = max_chars > 3 ? max_chars - 3 : 0;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return std::string(text.substr(0, n)) + "...";
}

std::string step_label(const Session& s) {
  return "step " + with_commas(s.cursor) + " of " + with_commas(s.size());
}

int exception_line_at_cursor(const Session& s) {
  if (!s.replay || !s.run || s.run->traceback.empty()) return 0;
  ViewCache& v = s.views;
  if (!v.traceback_found) {
    const Trace& t = s.trace();
    for (size_t i = 0; i < t.size() && v.traceback_event == SIZE_MAX; ++i) {
      if (t[i].kind == Ev::Traceback) v.traceback_event = i;
    }
    v.traceback_found = true;
  }
  return v.traceback_event != SIZE_MAX && s.cursor > v.traceback_event ? s.exception_line() : 0;
}

std::string callback_label(std::string_view text, bool from_timer) {
  // Task steps and wakeups read well as they are: "Task-2.step".
  size_t paren = text.find('(');
  std::string_view head = text.substr(0, paren);
  auto ends_with = [&](std::string_view suffix) {
    return head.size() >= suffix.size() && head.substr(head.size() - suffix.size()) == suffix;
  };
  if (ends_with(".step") || ends_with(".wakeup")) return std::string(head);
  // From a timer it ends a sleep; scheduled with call_soon it completes
  // another wait (a connection made, a transport ready).
  if (head == "_set_result_unless_cancelled") return from_timer ? "sleep timer" : "result ready";
  if (head == "_run_until_complete_cb") return "run_until_complete callback";
  size_t dc = head.find("._done_callback");
  if (dc != std::string_view::npos) return std::string(head.substr(0, dc)) + " callback";
  return std::string(head);
}

namespace {

void build_line_runs(const Session& s) {
  std::vector<std::vector<uint32_t>>& runs = s.views.line_runs;
  const Trace& t = s.trace();
  std::vector<uint32_t> suspended_at(s.replay->task_count(), 0);  // by task
  auto ran = [&](uint32_t line, size_t i) {
    if (!line || line > s.source.lines.size()) return;
    if (runs.size() <= line) runs.resize(line + 1);
    runs[line].push_back(uint32_t(i));
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const Event e = t[i];
    switch (e.kind) {
      case Ev::Wait:
      case Ev::Yield:
        if (e.a < suspended_at.size()) suspended_at[e.a] = e.c ? t.pool_at(e.c)[0] : 0;
        ran(e.a < suspended_at.size() ? suspended_at[e.a] : 0, i);
        break;
      case Ev::Step:
        if (StepKind(e.x) != StepKind::Start && e.a < suspended_at.size()) ran(suspended_at[e.a], i);
        break;
      case Ev::Output: ran(e.b, i); break;
      case Ev::Block:
        if (i + 1 < t.size() && t[i + 1].kind == Ev::Ext) ran(t[i + 1].a, i);
        break;
      default: break;
    }
  }
  s.views.line_runs_built = true;
}

}  // namespace

size_t line_runs_at(const Session& s, uint32_t line, bool forward) {
  if (!s.replay) return SIZE_MAX;
  if (!s.views.line_runs_built) build_line_runs(s);
  const std::vector<std::vector<uint32_t>>& runs = s.views.line_runs;
  if (line >= runs.size() || runs[line].empty()) return SIZE_MAX;
  if (forward) {
    size_t k = s.replay->next_in(runs[line], s.cursor);
    return k >= s.size() ? SIZE_MAX : k;
  }
  if (s.replay->after(runs[line].front()) >= s.cursor) return SIZE_MAX;
  return s.replay->prev_in(runs[line], s.cursor);
}

bool is_internal_task(const Session& s, uint32_t task) {
  if (!s.replay) return false;
  // Asked for every task on every frame (tasks table, timeline lanes):
  // computed once per run.
  std::vector<bool>& internal = s.views.internal;
  if (!s.views.internal_built) {
    internal.assign(s.replay->task_count(), false);
    for (uint32_t t = 0; t < internal.size(); ++t) {
      std::string_view coro = s.str(s.replay->coro_name(t));
      // asyncio's own tasks: the shutdown's, and the one the selector loop
      // starts to set up each accepted connection.
      internal[t] = coro.substr(0, 14) == "BaseEventLoop." || coro.substr(0, 22) == "BaseSelectorEventLoop." ||
                    coro.substr(0, 1) == "_";
    }
    s.views.internal_built = true;
  }
  return task < internal.size() && internal[task];
}

std::vector<QueueBox> ready_boxes(const Session& s, size_t max_boxes) {
  return ready_boxes_of(s, s.state, max_boxes);
}

bool running_box(const Session& s, const ReplayState& state, QueueBox& out) {
  if (!state.has_running) return false;
  std::string_view text = s.str(state.running.text);
  out = QueueBox{};
  out.handle = state.running.id;
  out.label = callback_label(text, s.replay->handle_from_timer(state.running.id));
  out.tooltip = "h#" + std::to_string(state.running.id) + " " + std::string(text) + " (running now)";
  out.task = state.running.task;
  return true;
}

QueueBox queue_box(const Session& s, const HandleView& h) {
  std::string_view text = s.str(h.text);
  QueueBox b;
  b.handle = h.id;
  b.label = callback_label(text, s.replay->handle_from_timer(h.id));
  b.tooltip = "h#" + std::to_string(h.id) + " " + std::string(text) + (h.cancelled ? " (cancelled: will be skipped)" : "");
  b.task = h.task;
  b.cancelled = h.cancelled;
  return b;
}

QueueBox more_box(size_t more) {
  QueueBox b;
  b.more = more;
  b.label = "+" + with_commas(more) + " more";
  b.tooltip = with_commas(more) + " more handles wait behind these";
  return b;
}

std::vector<QueueBox> ready_boxes_of(const Session& s, const ReplayState& state, size_t max_boxes) {
  std::vector<QueueBox> out;
  const ReadyQueue& ready = state.ready;
  size_t shown = ready.size() <= max_boxes ? ready.size() : (max_boxes ? max_boxes - 1 : 0);
  auto it = ready.begin();
  for (size_t i = 0; i < shown; ++i, ++it) out.push_back(queue_box(s, *it));
  if (shown < ready.size()) out.push_back(more_box(ready.size() - shown));
  return out;
}

// ---- what tasks wait on, indexed once per run ----

namespace {

// The future number in "...F#12..." (UINT32_MAX if there is none).
uint32_t future_number(std::string_view text) {
  size_t f = text.find("F#");
  if (f == std::string_view::npos) return UINT32_MAX;
  uint32_t n = 0;
  bool any = false;
  for (size_t i = f + 2; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    n = n * 10 + uint32_t(text[i] - '0');
    any = true;
  }
  return any ? n : UINT32_MAX;
}

bool is_sleep(std::string_view w) { return w.substr(0, 6) == "sleep "; }

}  // namespace

// Every awaited text of the run's waits, classified once: which group its
// waiters join and with which note, and which task sleeps on each sleep
// future. A frame then groups 100,000 waiting tasks with one table lookup
// each instead of parsing their texts.
struct AwaitIndex {
  struct Class {
    AwaitTarget::Kind kind = AwaitTarget::Kind::Other;
    uint32_t group = 0;      // index into groups
    std::string method;      // Object: "get", "acquire", ...
  };
  struct Group {
    std::string key;         // parse_await's group ("timers" for every sleep)
    AwaitTarget::Kind kind = AwaitTarget::Kind::Other;
    std::vector<std::string> titles;  // a gather's title and shorter forms, once made
  };
  std::vector<uint32_t> class_of;     // by string id; UINT32_MAX: not an awaited text
  std::vector<Class> classes;
  std::vector<Group> groups;
  std::vector<uint32_t> sleeper;      // by future number: the task sleeping on it

  uint32_t classify(std::string_view w) {
    std::map<std::tuple<int, std::string, std::string>, uint32_t>& known = known_;
    if (is_sleep(w)) {
      auto [it, fresh] = known.emplace(std::make_tuple(int(AwaitTarget::Kind::Sleep), std::string("timers"), std::string()),
                                       uint32_t(classes.size()));
      if (fresh) classes.push_back(Class{AwaitTarget::Kind::Sleep, group_of("timers", AwaitTarget::Kind::Sleep), {}});
      return it->second;
    }
    AwaitTarget a = parse_await(w);
    auto [it, fresh] = known.emplace(std::make_tuple(int(a.kind), a.group, a.method), uint32_t(classes.size()));
    if (fresh) classes.push_back(Class{a.kind, group_of(a.group, a.kind), a.method});
    return it->second;
  }

 private:
  uint32_t group_of(const std::string& key, AwaitTarget::Kind kind) {
    auto [it, fresh] = group_index_.emplace(key, uint32_t(groups.size()));
    if (fresh) groups.push_back(Group{key, kind, {}});
    return it->second;
  }
  std::map<std::tuple<int, std::string, std::string>, uint32_t> known_;
  std::map<std::string, uint32_t> group_index_;
};

namespace {

AwaitIndex& await_index(const Session& s) {
  std::shared_ptr<AwaitIndex>& cached = s.views.await_index;
  if (cached) return *cached;
  cached = std::make_shared<AwaitIndex>();
  AwaitIndex& index = *cached;
  const Replay& r = *s.replay;
  const Trace& t = r.trace();
  index.class_of.assign(t.strings().size(), UINT32_MAX);
  for (size_t i = 0; i < t.size(); ++i) {
    const Event e = t[i];
    if (e.kind != Ev::Wait || e.b >= index.class_of.size()) continue;
    std::string_view w = t.string(e.b);
    if (index.class_of[e.b] == UINT32_MAX) index.class_of[e.b] = index.classify(w);
    if (is_sleep(w)) {
      uint32_t f = future_number(w);
      if (f == UINT32_MAX) continue;
      if (index.sleeper.size() <= f) index.sleeper.resize(size_t(f) + 1, UINT32_MAX);
      index.sleeper[f] = e.a;
    }
  }
  return index;
}

}  // namespace

std::vector<TimerMark> timer_marks(const Session& s, size_t max_marks) {
  std::vector<TimerMark> out;
  if (!s.replay) return out;
  const AwaitIndex& index = await_index(s);
  for (const TimerView& t : s.state.timers) {
    if (out.size() >= max_marks) break;
    std::string_view text = s.str(t.text);
    TimerMark m;
    m.handle = t.id;
    m.when = t.when;
    m.label = callback_label(text, true);
    // A sleep's timer belongs to the task waiting on that future.
    uint32_t f = future_number(text);
    if (m.label == "sleep timer" && f < index.sleeper.size() && index.sleeper[f] < s.state.tasks.size()) {
      const TaskView& tv = s.state.tasks[index.sleeper[f]];
      std::string_view w = s.str(tv.awaiting);
      if ((tv.state == TaskState::Waiting || tv.state == TaskState::Ready) && is_sleep(w) && future_number(w) == f) {
        m.label = std::string(s.str(tv.name)) + " sleep";
      }
    }
    m.tooltip = "h#" + std::to_string(t.id) + " " + std::string(text) + " at t=" + clock_text(t.when);
    out.push_back(std::move(m));
  }
  return out;
}

const std::string& await_description(const Session& s, uint32_t awaited) {
  std::map<uint32_t, std::string>& known = s.views.await_text;
  if (known.size() > 4096) known.clear();
  auto it = known.find(awaited);
  if (it == known.end()) it = known.emplace(awaited, describe_await(s.str(awaited))).first;
  return it->second;
}

TaskRow task_row(const Session& s, uint32_t task) {
  const TaskView& t = s.state.tasks[task];
  TaskRow r;
  r.task = t.id;
  r.name = s.str(t.name);
  uint32_t coro = s.replay ? s.replay->coro_name(t.id) : kNoString;
  if (coro != kNoString) r.coro = s.str(coro);
  r.call = s.replay ? s.replay->call_text(t.id) : r.coro;
  r.state = task_state_name(t.state);
  r.state_value = t.state;
  r.awaits = t.awaiting == kNoString ? "" : await_description(s, t.awaiting);
  r.line = t.line ? std::to_string(t.line) : "";
  r.steps = std::to_string(t.steps);
  r.result = s.str(t.result);
  if (t.state == TaskState::Cancelled) r.result = "CancelledError";
  return r;
}

const std::vector<uint32_t>& task_row_ids(const Session& s, bool internals) {
  // Task ids are creation order, and whether a task is internal is fixed
  // for the run: the rows change only when tasks are created (or undone).
  ViewCache& v = s.views;
  if (v.ids_internals != internals || v.ids_count != s.state.tasks.size()) {
    v.task_ids.clear();
    for (uint32_t id = 0; id < s.state.tasks.size(); ++id) {
      if (internals || !is_internal_task(s, s.state.tasks[id].id)) v.task_ids.push_back(s.state.tasks[id].id);
    }
    v.ids_internals = internals;
    v.ids_count = s.state.tasks.size();
  }
  return v.task_ids;
}

std::vector<TaskRow> task_rows(const Session& s, bool internals) {
  std::vector<TaskRow> rows;
  for (uint32_t id : task_row_ids(s, internals)) rows.push_back(task_row(s, id));
  return rows;
}

const std::vector<TimerMark>& cached_timer_marks(const Session& s) {
  ViewCache& v = s.views;
  if (v.marks_cursor != s.cursor) {
    v.marks = timer_marks(s, 300);
    v.marks_cursor = s.cursor;
  }
  return v.marks;
}

const std::vector<WaitGroup>& cached_wait_groups(const Session& s) {
  ViewCache& v = s.views;
  if (v.groups_cursor != s.cursor) {
    v.groups = wait_groups(s);
    v.groups_cursor = s.cursor;
  }
  return v.groups;
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
  return "t=" + clock_text(s.replay->time_at(event + 1));
}

// What the trace tells about a program object that tasks wait on.
// `woken`: the first task (by id) woken from an acquire() of it and not yet
// resumed, or UINT32_MAX.
std::vector<std::string> object_facts(const Session& s, const std::string& object, const WaitGroup& g,
                                      uint32_t woken) {
  std::vector<std::string> facts;
  const Replay& r = *s.replay;
  std::string type = object_type(object);
  auto waits = [&](const char* method) {
    return std::count(g.notes.begin(), g.notes.end(), std::string(method));
  };
  // The object's state after its last action (the trace's object notes:
  // puts, gets, acquires and releases, including those that did not wait).
  const ObjectNote* note = r.last_note(object, s.cursor);
  std::string state = note ? std::string(s.str(note->text)) : std::string();
  if (type == "Lock") {
    // A waiter already woken (its future resolved, its wakeup queued)
    // means the lock was released and is promised to that task.
    if (woken != UINT32_MAX) {
      facts.push_back("free: released, and " + s.task_name(woken) + " was woken to take it next");
      return facts;
    }
    facts.push_back(state.empty() ? std::string("held") : state);
  } else if (type == "Queue" || type == "PriorityQueue" || type == "LifoQueue") {
    if (!state.empty()) facts.push_back("holds " + state);
    if (waits("get")) facts.push_back("empty for its getters: get() waits only while the queue is empty");
    if (waits("put")) facts.push_back("full: put() waits only while the queue holds maxsize items");
    if (const Replay::ObjectResume* last = r.last_resume(object, s.cursor)) {
      facts.push_back("last woken: " + s.task_name(last->task) + " from " + last->method + "(), " + at_time(s, last->event));
    }
  } else if (type == "Queue/Event") {
    facts.push_back("join() waits until every item put has been marked task_done()");
    std::string queue = object.substr(0, object.rfind('/'));
    if (const ObjectNote* q = r.last_note(queue, s.cursor)) facts.push_back("the queue holds " + std::string(s.str(q->text)));
  } else if (type == "Event") {
    facts.push_back("not set: wait() returns at once once set() is called");
  } else if (type == "Semaphore" || type == "BoundedSemaphore") {
    facts.push_back("no slot free: acquire() waits only when the counter is 0");
    if (!state.empty()) facts.push_back(state);
  } else if (type == "Condition") {
    facts.push_back("waiting for notify() / notify_all()");
  }
  return facts;
}

// Queues, locks and semaphores that nobody waits on stay on screen with
// their state (the ones a lesson is about): the most recently used first.
constexpr size_t kIdleObjects = 4;

void add_idle_objects(const Session& s, std::vector<WaitGroup>& groups) {
  const Replay& r = *s.replay;
  std::vector<std::pair<const ObjectNote*, std::string_view>> idle;  // (its last note, object)
  for (std::string_view object : r.noted_objects()) {
    if (object.find('/') != std::string_view::npos) continue;  // a queue's internal Event
    const ObjectNote* note = r.last_note(object, s.cursor);
    if (!note) continue;
    bool shown = std::any_of(groups.begin(), groups.end(), [&](const WaitGroup& g) { return g.title == object; });
    if (!shown) idle.emplace_back(note, object);
  }
  std::sort(idle.begin(), idle.end(), [](const auto& a, const auto& b) { return a.first->event > b.first->event; });
  if (idle.size() > kIdleObjects) idle.resize(kIdleObjects);
  for (const auto& [note, object] : idle) {
    WaitGroup g;
    g.title = std::string(object);
    g.kind = "object";
    std::string type = object_type(g.title);
    std::string state(s.str(note->text));
    bool queue = type == "Queue" || type == "PriorityQueue" || type == "LifoQueue";
    g.facts.push_back(queue ? "holds " + state : state);
    g.facts.push_back("no task waits on it");
    groups.push_back(std::move(g));
  }
}

constexpr size_t kNotedPerGroup = 64;
// Children a gather group's title names before counting the rest.
constexpr size_t kGatherTitleNames = 5;

// A new group for its first waiter's awaited text `w`.
WaitGroup new_group(const AwaitIndex::Class& c, AwaitIndex::Group& grp, std::string_view w) {
  WaitGroup g;
  switch (c.kind) {
    case AwaitTarget::Kind::Sleep: g.title = "asyncio.sleep (timers)"; g.kind = "sleep"; break;
    case AwaitTarget::Kind::Task: g.title = "task " + grp.key; g.kind = "task"; break;
    case AwaitTarget::Kind::Gather:
      // One gather has one list of children: its titles are made once per
      // run (the list can be megabytes).
      if (grp.titles.empty()) {
        std::string children = parse_await(w).detail;
        grp.titles.push_back(grp.key + " [" + short_list(children, kGatherTitleNames) + "]");
        size_t count = children.empty() ? 0 : 1 + size_t(std::count(children.begin(), children.end(), ','));
        for (size_t names : {size_t(3), size_t(1), size_t(0)}) {
          std::string t = grp.key + " [" +
                          (names ? short_list(children, names) : with_commas(count) + " children") + "]";
          if (t.size() < grp.titles.back().size()) grp.titles.push_back(std::move(t));
        }
      }
      g.title = grp.titles.front();
      g.shorter_titles.assign(grp.titles.begin() + 1, grp.titles.end());
      g.kind = "gather";
      break;
    case AwaitTarget::Kind::Object: g.title = grp.key; g.kind = "object"; break;
    case AwaitTarget::Kind::Future: g.title = "future " + parse_await(w).future; g.kind = "future"; break;
    case AwaitTarget::Kind::Other: {
      std::string_view words = own_wait_words(grp.key);
      g.title = words.empty() ? grp.key : std::string(words);
      g.kind = "other";
      break;
    }
  }
  return g;
}

}  // namespace

std::vector<WaitGroup> wait_groups(const Session& s) {
  std::vector<WaitGroup> groups;
  if (!s.replay) return groups;
  AwaitIndex& index = await_index(s);
  // Index group -> position in `groups`, and the first task woken from an
  // acquire() of it (for a Lock's facts).
  std::vector<uint32_t> slot(index.groups.size(), UINT32_MAX), woken(index.groups.size(), UINT32_MAX);
  for (const TaskView& t : s.state.tasks) {
    if (t.awaiting == kNoString || (t.state != TaskState::Waiting && t.state != TaskState::Ready)) continue;
    uint32_t c = t.awaiting < index.class_of.size() ? index.class_of[t.awaiting] : UINT32_MAX;
    if (c == UINT32_MAX) {
      // Not from a wait of this run (cannot happen for a trace's own
      // states); classified now.
      c = index.classify(s.str(t.awaiting));
      slot.resize(index.groups.size(), UINT32_MAX);
      woken.resize(index.groups.size(), UINT32_MAX);
    }
    const AwaitIndex::Class& cl = index.classes[c];
    if (t.state == TaskState::Ready) {
      if (cl.kind == AwaitTarget::Kind::Object && cl.method == "acquire" && woken[cl.group] == UINT32_MAX) {
        woken[cl.group] = t.id;
      }
      continue;
    }
    if (slot[cl.group] == UINT32_MAX) {
      slot[cl.group] = uint32_t(groups.size());
      groups.push_back(new_group(cl, index.groups[cl.group], s.str(t.awaiting)));
    }
    WaitGroup& g = groups[slot[cl.group]];
    g.tasks.push_back(t.id);
    if (cl.kind == AwaitTarget::Kind::Sleep) {
      // Sleeps are the common case at scale: a note only for the first few
      // (the panel shows 8 per group).
      if (g.notes.size() < kNotedPerGroup) {
        std::string until = parse_await(s.str(t.awaiting)).detail;
        g.notes.push_back("until t=" + until.substr(0, until.find('.') + 4));
      } else {
        g.notes.emplace_back();
      }
    } else if (cl.kind == AwaitTarget::Kind::Object) {
      g.notes.push_back(cl.method);
    } else {
      g.notes.emplace_back();
    }
  }
  for (size_t gi = 0; gi < index.groups.size(); ++gi) {
    if (slot[gi] == UINT32_MAX) continue;
    WaitGroup& g = groups[slot[gi]];
    if (g.kind != "object") continue;
    g.facts = object_facts(s, g.title, g, woken[gi]);
    // q.join() waits on the queue's internal Event: say it in the queue's terms.
    if (g.title.size() > 6 && g.title.compare(g.title.size() - 6, 6, "/Event") == 0) {
      g.title = g.title.substr(0, g.title.size() - 6) + " join()";
      for (std::string& n : g.notes) n = "join";
    }
  }
  add_idle_objects(s, groups);
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

namespace {

// The 1-based line of `def NAME(` or `async def NAME(` for the last part of
// a qualname ("Worker.run" -> "run"); 0 when the text has none.
uint32_t def_line(const std::vector<std::string>& lines, std::string_view qualname) {
  size_t dot = qualname.rfind('.');
  std::string name(dot == std::string_view::npos ? qualname : qualname.substr(dot + 1));
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    size_t p = l.find_first_not_of(" \t");
    if (p == std::string_view::npos) continue;
    l.remove_prefix(p);
    if (l.substr(0, 6) == "async ") l.remove_prefix(6);
    if (l.substr(0, 4) == "def " && l.substr(4, name.size() + 1) == name + "(") return uint32_t(i + 1);
  }
  return 0;
}

}  // namespace

uint32_t running_line(const Session& s) {
  if (s.stale || s.state.running_task >= s.state.tasks.size()) return 0;
  const TaskView& t = s.state.tasks[s.state.running_task];
  if (t.line) return t.line;
  if (t.coro == kNoString) return 0;
  return def_line(s.source.lines, s.str(t.coro));
}

}  // namespace loopscope::gui
