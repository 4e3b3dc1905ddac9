#include "engine/replay/replay.hpp"

#include "engine/replay/explain.hpp"

#include <algorithm>
#include <deque>
#include <map>

namespace loopscope {

const char* task_state_name(TaskState s) {
  switch (s) {
    case TaskState::Created: return "created";
    case TaskState::Ready: return "ready";
    case TaskState::Running: return "running";
    case TaskState::Waiting: return "waiting";
    case TaskState::Done: return "done";
    case TaskState::Cancelled: return "cancelled";
    case TaskState::Failed: return "failed";
  }
  return "?";
}

// The state while events are applied: the ready queue as a deque (the loop
// pops its front) and the timers in (when, id) order.
struct Replay::Working {
  ReplayState s;
  std::deque<HandleView> ready;
  std::map<std::pair<double, uint32_t>, TimerView> timers;

  void load(const ReplayState& from) {
    s = from;
    ready.assign(s.ready.begin(), s.ready.end());
    s.ready.clear();
    timers.clear();
    for (const TimerView& t : s.timers) timers.emplace_hint(timers.end(), std::make_pair(t.when, t.id), t);
    s.timers.clear();
  }
  ReplayState state() const {
    ReplayState out = s;
    out.ready.assign(ready.begin(), ready.end());
    out.timers.reserve(timers.size());
    for (const auto& [key, t] : timers) out.timers.push_back(t);
    return out;
  }
};

namespace {

bool is_console(Ev k) {
  switch (k) {
    case Ev::Output: case Ev::Warning: case Ev::AsyncioError: case Ev::Stderr:
    case Ev::Traceback: case Ev::Deadlock: case Ev::Limit:
      return true;
    default:
      return false;
  }
}

size_t state_bytes(const ReplayState& s) {
  return sizeof(ReplayState) + s.ready.capacity() * sizeof(HandleView) +
         s.timers.capacity() * sizeof(TimerView) + s.tasks.capacity() * sizeof(TaskView);
}

// "Task-2.step", "Task-2.step(CancelledError)", "Task-2.wakeup(F#1)": the
// task's name, or empty for a plain callback.
std::string stepped_task_name(const std::string& text) {
  for (const char* suffix : {".step", ".wakeup("}) {
    size_t pos = text.rfind(suffix);
    if (pos == std::string::npos || pos == 0) continue;
    std::string rest = text.substr(pos + std::char_traits<char>::length(suffix));
    if (std::string(suffix) == ".step" && !rest.empty() && rest[0] != '(') continue;
    return text.substr(0, pos);
  }
  return {};
}

}  // namespace

Replay::Replay(const Trace& trace, size_t keyframe_budget_bytes)
    : trace_(&trace), budget_(keyframe_budget_bytes) {
  build();
}

void Replay::apply(Working& w, size_t i) const {
  const Trace& t = *trace_;
  const Event e = t[i];
  ReplayState& s = w.s;
  if (e.kind == Ev::Ext) return;
  s.blocked = false;
  auto task = [&](uint32_t id) -> TaskView* { return id < s.tasks.size() ? &s.tasks[id] : nullptr; };
  auto enqueue = [&](uint32_t h) {
    const HandleInfo& info = handles_[h];
    w.ready.push_back(HandleView{h, info.text, info.task, info.cancelled < i});
    if (TaskView* tv = task(info.task)) {
      ++tv->queued;
      if (tv->state == TaskState::Waiting) tv->state = TaskState::Ready;
    }
  };
  auto dequeue = [&](uint32_t h) -> HandleView {
    auto it = w.ready.begin();
    if (it == w.ready.end() || it->id != h) {
      it = std::find_if(w.ready.begin(), w.ready.end(), [&](const HandleView& v) { return v.id == h; });
    }
    HandleView v{h, handle_text(h), handle_task(h), false};
    if (it != w.ready.end()) {
      v = *it;
      w.ready.erase(it);
      if (TaskView* tv = task(v.task); tv && tv->queued) --tv->queued;
    }
    return v;
  };
  auto mark_cancelled = [&](uint32_t h) {
    for (HandleView& v : w.ready) {
      if (v.id == h) v.cancelled = true;
    }
  };
  // A task's step ends with its wait, yield or done: so does the handle
  // that ran it.
  auto stop_running = [&](uint32_t id) {
    if (s.running_task == id) s.running_task = UINT32_MAX;
    if (s.has_running && s.running.task == id) s.has_running = false;
  };
  auto suspend_line = [&](uint32_t site) -> uint32_t { return site ? t.pool_at(site)[0] : 0; };

  switch (e.kind) {
    case Ev::LoopNew:
      break;
    case Ev::LoopClose:
      s.loop_running = false;
      s.has_running = false;
      w.ready.clear();
      w.timers.clear();
      for (TaskView& tv : s.tasks) tv.queued = 0;
      break;
    case Ev::RunUntil:
      s.loop_running = true;
      break;
    case Ev::RunUntilEnd:
      s.loop_running = false;
      s.has_running = false;
      break;
    case Ev::Iter:
      s.iteration = e.a;
      s.has_running = false;
      s.running_task = UINT32_MAX;
      break;
    case Ev::Advance:
      s.now = t.number(e.a);
      break;
    case Ev::Due:
      w.timers.erase({handles_[e.a].when, e.a});
      enqueue(e.a);
      break;
    case Ev::Run:
      s.running = dequeue(e.a);
      s.has_running = true;
      s.running_task = UINT32_MAX;
      break;
    case Ev::Skip:
      dequeue(e.a);
      s.has_running = false;
      break;
    case Ev::Soon:
      enqueue(e.a);
      break;
    case Ev::Timer:
      w.timers[{t.number(e.c), e.a}] = TimerView{e.a, t.number(e.c), e.b};
      break;
    case Ev::TimerCancel:
      if (e.x) w.timers.erase({handles_[e.a].when, e.a});
      mark_cancelled(e.a);
      break;
    case Ev::HandleCancel:
      mark_cancelled(e.a);
      break;
    case Ev::TaskNew: {
      if (s.tasks.size() <= e.a) s.tasks.resize(e.a + 1);
      TaskView& tv = s.tasks[e.a];
      tv.id = e.a;
      tv.name = e.b;
      tv.coro = i + 1 < t.size() && t[i + 1].kind == Ev::Ext ? t[i + 1].a : kNoString;
      tv.created_at = uint32_t(i);
      break;
    }
    case Ev::Rename:
      if (TaskView* tv = task(e.a)) tv->name = e.c;
      break;
    case Ev::Step:
      if (TaskView* tv = task(e.a)) {
        tv->state = TaskState::Running;
        tv->awaiting = kNoString;
        ++tv->steps;
      }
      s.running_task = e.a;
      break;
    case Ev::Wait:
      if (TaskView* tv = task(e.a)) {
        tv->state = tv->queued ? TaskState::Ready : TaskState::Waiting;
        tv->awaiting = e.b;
        tv->site = e.c;
        tv->line = suspend_line(e.c);
      }
      stop_running(e.a);
      break;
    case Ev::Yield:
      if (TaskView* tv = task(e.a)) {
        tv->state = TaskState::Ready;
        tv->awaiting = kNoString;
        tv->site = e.c;
        tv->line = suspend_line(e.c);
      }
      stop_running(e.a);
      break;
    case Ev::Done:
      if (TaskView* tv = task(e.a)) {
        switch (DoneKind(e.x)) {
          case DoneKind::Result: tv->state = TaskState::Done; break;
          case DoneKind::Raise: tv->state = TaskState::Failed; break;
          case DoneKind::Cancelled: tv->state = TaskState::Cancelled; break;
        }
        tv->result = DoneKind(e.x) == DoneKind::Cancelled ? kNoString : e.b;
        tv->awaiting = kNoString;
      }
      stop_running(e.a);
      break;
    case Ev::Block:
      s.now = t.number(e.c);
      s.blocked = true;
      break;
    default:
      if (is_console(e.kind)) ++s.output_lines;
      break;
  }
}

void Replay::add_keyframe(const Working& w) {
  keyframes_.push_back(w.state());
  size_t total = keyframe_bytes();
  if (total > budget_ && keyframes_.size() > 2) {
    // Too much memory: keep every other keyframe and double the interval.
    std::vector<ReplayState> kept;
    kept.reserve(keyframes_.size() / 2 + 1);
    for (size_t j = 0; j < keyframes_.size(); j += 2) kept.push_back(std::move(keyframes_[j]));
    keyframes_ = std::move(kept);
    interval_ *= 2;
  }
}

size_t Replay::keyframe_bytes() const {
  size_t n = 0;
  for (const ReplayState& s : keyframes_) n += state_bytes(s);
  return n;
}

void Replay::build() {
  const Trace& t = *trace_;
  const size_t n = t.size();
  // First pass: what is known about each handle for the whole trace.
  std::map<std::string, uint32_t> task_by_name;
  for (size_t i = 0; i < n; ++i) {
    const Event e = t[i];
    switch (e.kind) {
      case Ev::TaskNew:
        task_by_name[std::string(t.string(e.b))] = e.a;
        if (final_names_.size() <= e.a) final_names_.resize(e.a + 1, kNoString);
        final_names_[e.a] = e.b;
        if (coros_.size() <= e.a) coros_.resize(e.a + 1, kNoString);
        if (i + 1 < n && t[i + 1].kind == Ev::Ext) coros_[e.a] = t[i + 1].a;
        break;
      case Ev::Rename:
        task_by_name[std::string(t.string(e.c))] = e.a;
        if (e.a < final_names_.size()) final_names_[e.a] = e.c;
        break;
      case Ev::Soon:
      case Ev::Timer: {
        if (handles_.size() <= e.a) handles_.resize(e.a + 1);
        HandleInfo& h = handles_[e.a];
        h.text = e.b;
        h.created = uint32_t(i);
        if (e.kind == Ev::Timer) h.when = t.number(e.c);
        std::string name = stepped_task_name(std::string(t.string(e.b)));
        if (!name.empty()) {
          auto it = task_by_name.find(name);
          if (it != task_by_name.end()) h.task = it->second;
        }
        break;
      }
      case Ev::TimerCancel:
      case Ev::HandleCancel:
        if (e.a < handles_.size() && handles_[e.a].cancelled == UINT32_MAX) handles_[e.a].cancelled = uint32_t(i);
        break;
      default:
        break;
    }
  }
  task_spans_.assign(final_names_.size(), {});

  // Second pass: keyframes, indexes and spans.
  Working w;
  auto open_span = [&](uint32_t task, SpanKind kind, uint32_t at, uint32_t label, uint32_t woken) {
    auto& spans = task_spans_[task];
    if (!spans.empty() && spans.back().end == UINT32_MAX) spans.back().end = at;
    spans.push_back(TaskSpan{at, UINT32_MAX, kind, label, woken});
  };
  auto close_span = [&](uint32_t task, uint32_t at) {
    auto& spans = task_spans_[task];
    if (!spans.empty() && spans.back().end == UINT32_MAX) spans.back().end = at;
  };
  uint32_t running = UINT32_MAX;
  for (size_t i = 0; i < n; ++i) {
    if (i == keyframes_.size() * interval_) add_keyframe(w);
    const Event e = t[i];
    uint32_t at = uint32_t(i);
    switch (e.kind) {
      case Ev::Iter: iter_starts_.push_back(at); break;
      case Ev::Due: dues_.push_back(at); break;
      case Ev::Step: {
        step_starts_.push_back(at);
        if (StepKind(e.x) == StepKind::Result && e.b != kNoString) {
          AwaitTarget a = parse_await(std::string(t.string(e.b)));
          if (a.kind == AwaitTarget::Kind::Object) {
            resumes_[a.group].push_back(ObjectResume{at, e.a, a.method});
          }
        }
        uint32_t woken = w.s.has_running ? handle_created(w.s.running.id) : UINT32_MAX;
        if (e.a < task_spans_.size()) open_span(e.a, SpanKind::Running, at, kNoString, woken);
        break;
      }
      case Ev::Wait:
        if (e.a < task_spans_.size()) open_span(e.a, SpanKind::Waiting, at, e.b, UINT32_MAX);
        break;
      case Ev::Yield:
        if (e.a < task_spans_.size()) open_span(e.a, SpanKind::Ready, at, kNoString, UINT32_MAX);
        break;
      case Ev::Done:
        if (e.a < task_spans_.size()) close_span(e.a, at);
        break;
      case Ev::TaskNew:
        if (e.a < task_spans_.size()) open_span(e.a, SpanKind::Ready, at, kNoString, UINT32_MAX);
        break;
      case Ev::Soon: {
        uint32_t tk = handle_task(e.a);
        if (tk < task_spans_.size() && tk < w.s.tasks.size() && w.s.tasks[tk].state == TaskState::Waiting) {
          open_span(tk, SpanKind::Ready, at, kNoString, UINT32_MAX);
        }
        break;
      }
      case Ev::Block: blocks_.push_back(at); break;
      default:
        if (is_console(e.kind)) output_events_.push_back(at);
        break;
    }
    double before = w.s.now;
    apply(w, i);
    if (w.s.now != before) clock_changes_.emplace_back(at, w.s.now);
    if (w.s.running_task != running) {
      running = w.s.running_task;
      running_changes_.emplace_back(at, running);
    }
  }
  if (keyframes_.empty()) add_keyframe(w);
  for (auto& spans : task_spans_) {
    if (!spans.empty() && spans.back().end == UINT32_MAX) spans.back().end = uint32_t(n);
  }
}

ReplayState Replay::state_at(size_t k) const {
  k = std::min(k, size());
  size_t j = std::min(k / interval_, keyframes_.size() - 1);
  Working w;
  w.load(keyframes_[j]);
  for (size_t i = j * interval_; i < k; ++i) apply(w, i);
  ReplayState out = w.state();
  out.cursor = k;
  return out;
}

ReplayState Replay::state_at(size_t k, size_t every, size_t max_passed, std::vector<ReplayState>& passed) const {
  k = std::min(k, size());
  size_t j = std::min(k / interval_, keyframes_.size() - 1);
  size_t from = j * interval_;
  passed.clear();
  every = std::max<size_t>(every, 1);
  // Only the last max_passed checkpoints before k are kept.
  size_t count = (k - from) / every;
  size_t first = count > max_passed ? count - max_passed + 1 : 1;
  Working w;
  w.load(keyframes_[j]);
  for (size_t i = from; i < k; ++i) {
    apply(w, i);
    size_t done = i + 1 - from;
    if (done % every == 0 && done / every >= first && i + 1 < k && (*trace_)[std::min(i + 1, size() - 1)].kind != Ev::Ext) {
      passed.push_back(w.state());
      passed.back().cursor = i + 1;
    }
  }
  ReplayState out = w.state();
  out.cursor = k;
  return out;
}

ReplayState Replay::advance(const ReplayState& from, size_t k) const {
  k = std::min(k, size());
  if (from.cursor > k || (k / interval_ > from.cursor / interval_ && k / interval_ < keyframes_.size())) {
    return state_at(k);
  }
  Working w;
  w.load(from);
  for (size_t i = from.cursor; i < k; ++i) apply(w, i);
  ReplayState out = w.state();
  out.cursor = k;
  return out;
}

size_t Replay::next_event(size_t k) const {
  size_t n = size();
  if (k >= n) return n;
  ++k;
  while (k < n && (*trace_)[k].kind == Ev::Ext) ++k;
  return k;
}

size_t Replay::prev_event(size_t k) const {
  if (k == 0) return 0;
  k = std::min(k, size());
  --k;
  while (k > 0 && (*trace_)[k].kind == Ev::Ext) --k;
  return k;
}

size_t Replay::after(uint32_t e) const {
  size_t k = size_t(e) + 1;
  while (k < size() && (*trace_)[k].kind == Ev::Ext) ++k;
  return k;
}

size_t Replay::next_in(const std::vector<uint32_t>& index, size_t k) const {
  // The first event e in the index whose cursor after(e) lies beyond k.
  auto it = std::lower_bound(index.begin(), index.end(), uint32_t(std::min(k, size())));
  if (it == index.end()) return size();
  return after(*it);
}

size_t Replay::prev_in(const std::vector<uint32_t>& index, size_t k) const {
  // The last event e in the index whose cursor after(e) lies before k.
  auto it = std::lower_bound(index.begin(), index.end(), uint32_t(std::min(k, size())));
  while (it != index.begin()) {
    --it;
    size_t c = after(*it);
    if (c < k) return c;
  }
  return 0;
}

size_t Replay::console_count(size_t k) const {
  return size_t(std::lower_bound(output_events_.begin(), output_events_.end(), uint32_t(std::min(k, size()))) -
                output_events_.begin());
}

ConsoleLine Replay::console_line(size_t i) const {
  uint32_t ev = output_events_[i];
  const Event& e = (*trace_)[ev];
  return ConsoleLine{ev, time_at(ev), e.kind, e.a};
}

double Replay::time_at(size_t k) const {
  // The last clock change among events [0, k).
  auto it = std::lower_bound(clock_changes_.begin(), clock_changes_.end(), uint32_t(std::min(k, size())),
                             [](const std::pair<uint32_t, double>& c, uint32_t v) { return c.first < v; });
  if (it == clock_changes_.begin()) return 0.0;
  return std::prev(it)->second;
}

uint64_t Replay::iteration_at(size_t k) const {
  auto it = std::lower_bound(iter_starts_.begin(), iter_starts_.end(), uint32_t(std::min(k, size())));
  return uint64_t(it - iter_starts_.begin());
}

const Replay::ObjectResume* Replay::last_resume(const std::string& object, size_t k, const std::string& method) const {
  auto found = resumes_.find(object);
  if (found == resumes_.end()) return nullptr;
  const auto& list = found->second;
  auto it = std::lower_bound(list.begin(), list.end(), uint32_t(std::min(k, size())),
                             [](const ObjectResume& r, uint32_t v) { return r.event < v; });
  while (it != list.begin()) {
    --it;
    if (method.empty() || it->method == method) return &*it;
  }
  return nullptr;
}

uint32_t Replay::task_running_at_event(size_t i) const {
  auto it = std::upper_bound(running_changes_.begin(), running_changes_.end(), uint32_t(i),
                             [](uint32_t v, const std::pair<uint32_t, uint32_t>& c) { return v < c.first; });
  if (it == running_changes_.begin()) return UINT32_MAX;
  return std::prev(it)->second;
}

}  // namespace loopscope
