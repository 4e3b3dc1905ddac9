#include "engine/replay/replay.hpp"

#include "engine/replay/explain.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <string_view>

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

// A state's bytes outside its blocks.
size_t own_bytes(const ReplayState& s) {
  return sizeof(ReplayState) + s.tasks.own_bytes() + s.ready.own_bytes() + s.timers.own_bytes();
}

// What a shared_ptr's block costs beyond its payload (control block and
// allocator header), roughly.
constexpr size_t kBlockOverhead = 32;

// Bytes a keyframe adds to the one before it (nullptr: none): its own parts
// and the blocks the other does not hold.
size_t added_bytes(const ReplayState& s, const ReplayState* before) {
  return own_bytes(s) + s.tasks.bytes_not_in(before ? &before->tasks : nullptr, kBlockOverhead) +
         s.ready.bytes_not_in(before ? &before->ready : nullptr, kBlockOverhead) +
         s.timers.bytes_not_in(before ? &before->timers : nullptr, kBlockOverhead);
}

// "Task-2.step", "Task-2.step(CancelledError)", "Task-2.wakeup(F#1)": the
// task's name, or empty for a plain callback.
std::string stepped_task_name(std::string_view text) {
  for (std::string_view suffix : {std::string_view(".step"), std::string_view(".wakeup(")}) {
    size_t pos = text.rfind(suffix);
    if (pos == std::string_view::npos || pos == 0) continue;
    std::string_view rest = text.substr(pos + suffix.size());
    if (suffix == ".step" && !rest.empty() && rest[0] != '(') continue;
    return std::string(text.substr(0, pos));
  }
  return {};
}

// The timers' order: (when, id).
struct TimerKey {
  std::pair<double, uint32_t> operator()(const TimerView& t) const { return {t.when, t.id}; }
};

std::atomic<uint64_t> g_next_serial{1};

}  // namespace

Replay::Replay(const Trace& trace, size_t keyframe_budget_bytes)
    : trace_(&trace), reader_(trace), serial_(g_next_serial++), budget_(keyframe_budget_bytes) {
  build();
  const std::vector<ObjectNote>& notes = trace.notes();
  for (uint32_t i = 0; i < notes.size(); ++i) notes_[std::string(trace.string(notes[i].object))].push_back(i);
  const std::vector<FrameSnapshot>& frames = trace.frames();
  for (uint32_t i = 0; i < frames.size(); ++i) {
    if (frames[i].task >= frames_by_task_.size()) frames_by_task_.resize(frames[i].task + 1);
    frames_by_task_[frames[i].task].push_back(i);
  }
}

void Replay::apply(ReplayState& s, size_t i) const {
  const TraceReader& t = reader_;
  const Event e = t[i];
  if (e.kind == Ev::Ext) return;
  s.blocked = false;
  // Tasks are written through edit(), which copies a shared block first.
  auto task = [&](uint32_t id) -> TaskView* { return id < s.tasks.size() ? &s.tasks.edit(id) : nullptr; };
  // The ready queue is ordered by when each handle joined it.
  auto queued_at = [this](const HandleView& v) { return handles_[v.id].queued; };
  auto enqueue = [&](uint32_t h) {
    const HandleInfo& info = handles_[h];
    HandleView v{h, info.text, info.task, info.cancelled < i};
    if (requeued_) {
      s.ready.push_back(v);
    } else {
      s.ready.insert(v, queued_at);
    }
    if (TaskView* tv = task(info.task)) {
      ++tv->queued;
      if (tv->state == TaskState::Waiting) tv->state = TaskState::Ready;
    }
  };
  auto dequeue = [&](uint32_t h) -> HandleView {
    HandleView v{h, handle_text(h), handle_task(h), false};
    bool found = false;
    if (!s.ready.empty() && s.ready.front().id == h) {
      v = s.ready.front();
      s.ready.pop_front();
      found = true;
    } else if (!requeued_) {
      if (const HandleView* at = s.ready.find(handles_[h].queued, queued_at)) {
        v = *at;
        found = s.ready.erase(handles_[h].queued, queued_at);
      }
    } else {
      found = s.ready.erase_first_if([&](const HandleView& x) {
        if (x.id != h) return false;
        v = x;
        return true;
      });
    }
    if (found) {
      if (v.task < s.tasks.size() && s.tasks[v.task].queued) --s.tasks.edit(v.task).queued;
    }
    return v;
  };
  auto mark_cancelled = [&](uint32_t h) {
    if (h >= handles_.size()) return;
    if (requeued_) {
      s.ready.edit_if([&](const HandleView& x) { return x.id == h && !x.cancelled; },
                      [](HandleView& x) { x.cancelled = true; });
      return;
    }
    // Only a handle queued before this event can be in the queue.
    if (handles_[h].queued >= i) return;
    const HandleView* at = s.ready.find(handles_[h].queued, queued_at);
    if (at && at->id == h && !at->cancelled) s.ready.edit(handles_[h].queued, queued_at)->cancelled = true;
  };
  // A task's step ends with its wait, yield or done: so does the handle
  // that ran it.
  auto stop_running = [&](uint32_t id) {
    if (s.running_task == id) s.running_task = UINT32_MAX;
    if (s.has_running && s.running.task == id) s.has_running = false;
  };
  auto suspend_line = [&](uint32_t site) -> uint32_t { return site ? t.pool_at(site)[0] : 0; };
  // The running task is at `line` (a print or a blocking call made there).
  auto running_at = [&](uint32_t line) {
    if (line && s.running_task < s.tasks.size()) s.tasks.edit(s.running_task).line = line;
  };

  switch (e.kind) {
    case Ev::LoopNew:
      break;
    case Ev::LoopClose:
      s.loop_running = false;
      s.has_running = false;
      s.ready.clear();
      s.timers.clear();
      for (size_t id = 0; id < s.tasks.size(); ++id) {
        if (s.tasks[id].queued) s.tasks.edit(id).queued = 0;
      }
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
      s.timers.erase(std::make_pair(handles_[e.a].when, e.a), TimerKey{});
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
      s.timers.insert(TimerView{e.a, t.number(e.c), e.b}, TimerKey{});
      break;
    case Ev::TimerCancel:
      if (e.x) s.timers.erase(std::make_pair(handles_[e.a].when, e.a), TimerKey{});
      mark_cancelled(e.a);
      break;
    case Ev::HandleCancel:
      mark_cancelled(e.a);
      break;
    case Ev::TaskNew: {
      if (s.tasks.size() <= e.a) s.tasks.resize(e.a + 1);
      TaskView& tv = s.tasks.edit(e.a);
      tv.id = e.a;
      tv.name = e.b;
      tv.coro = coro_name(e.a);
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
      // A worker thread's time.sleep holds that thread, not the loop: the
      // loop's clock and running line stay as they are.
      if (Who::is_thread(e.b)) break;
      s.now = t.number(e.c);
      s.blocked = true;
      if (i + 1 < t.size() && t[i + 1].kind == Ev::Ext) running_at(t[i + 1].a);
      break;
    case Ev::Output:
      ++s.output_lines;
      running_at(e.b);
      break;
    case Ev::Stamp:
      s.now = t.number(e.a);
      break;
    default:
      if (is_console(e.kind)) ++s.output_lines;
      break;
  }
}

void Replay::add_keyframe(const ReplayState& s) {
  keyframes_.push_back(s);
  keyframes_.back().cursor = (keyframes_.size() - 1) * interval_;
  const ReplayState* before = keyframes_.size() > 1 ? &keyframes_[keyframes_.size() - 2] : nullptr;
  keyframe_bytes_ += added_bytes(keyframes_.back(), before);
  if (keyframe_bytes_ > budget_ && keyframes_.size() > 2) {
    // Too much memory: keep every other keyframe and double the interval.
    std::vector<ReplayState> kept;
    kept.reserve(keyframes_.size() / 2 + 1);
    for (size_t j = 0; j < keyframes_.size(); j += 2) kept.push_back(std::move(keyframes_[j]));
    keyframes_ = std::move(kept);
    interval_ *= 2;
    keyframe_bytes_ = count_keyframe_bytes();
  }
}

size_t Replay::count_keyframe_bytes() const {
  // A block lives in one run of consecutive keyframes (the forward pass
  // never takes one back once it dropped it), so counting the blocks each
  // keyframe does not share with the one before counts each block once.
  size_t n = 0;
  for (size_t j = 0; j < keyframes_.size(); ++j) {
    n += added_bytes(keyframes_[j], j ? &keyframes_[j - 1] : nullptr);
  }
  return n;
}

void Replay::build() {
  const TraceReader& t = reader_;
  const size_t n = t.size();
  // First pass: what is known about each handle for the whole trace.
  std::map<std::string, uint32_t> task_by_name;
  auto queued = [&](uint32_t h, size_t i) {
    if (h >= handles_.size()) handles_.resize(h + 1);
    if (handles_[h].queued != UINT32_MAX) requeued_ = true;
    handles_[h].queued = uint32_t(i);
  };
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
        std::string name = stepped_task_name(t.string(e.b));
        if (!name.empty()) {
          auto it = task_by_name.find(name);
          if (it != task_by_name.end()) h.task = it->second;
        }
        if (e.kind == Ev::Soon) queued(e.a, i);
        break;
      }
      case Ev::Due:
        queued(e.a, i);
        break;
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
  ReplayState w;
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
  shutdown_start_ = n;
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
          AwaitTarget a = parse_await(t.string(e.b));
          if (a.kind == AwaitTarget::Kind::Object) {
            resumes_[a.group].push_back(ObjectResume{at, e.a, a.method});
          }
        }
        uint32_t woken = w.has_running ? handle_created(w.running.id) : UINT32_MAX;
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
        if (tk < task_spans_.size() && tk < w.tasks.size() && w.tasks[tk].state == TaskState::Waiting) {
          open_span(tk, SpanKind::Ready, at, kNoString, UINT32_MAX);
        }
        break;
      }
      case Ev::Block:
        if (!Who::is_thread(e.b)) blocks_.push_back(at);
        break;
      case Ev::RunUntilEnd:
        if (shutdown_start_ > i + 1) shutdown_start_ = i + 1;
        break;
      default:
        if (is_console(e.kind)) output_events_.push_back(at);
        break;
    }
    double before = w.now;
    apply(w, i);
    w.cursor = i + 1;
    if (w.now != before) clock_changes_.emplace_back(at, w.now);
    if (w.running_task != running) {
      running = w.running_task;
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
  ReplayState out = keyframes_[j];
  for (size_t i = j * interval_; i < k; ++i) apply(out, i);
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
  ReplayState out = keyframes_[j];
  for (size_t i = from; i < k; ++i) {
    apply(out, i);
    size_t done = i + 1 - from;
    if (done % every == 0 && done / every >= first && i + 1 < k && reader_[i + 1].kind != Ev::Ext) {
      passed.push_back(out);
      passed.back().cursor = i + 1;
    }
  }
  out.cursor = k;
  return out;
}

ReplayState Replay::advance(const ReplayState& from, size_t k) const {
  k = std::min(k, size());
  if (from.cursor > k || (k / interval_ > from.cursor / interval_ && k / interval_ < keyframes_.size())) {
    return state_at(k);
  }
  ReplayState out = from;
  for (size_t i = from.cursor; i < k; ++i) apply(out, i);
  out.cursor = k;
  return out;
}

size_t Replay::next_event(size_t k) const {
  size_t n = size();
  if (k >= n) return n;
  ++k;
  while (k < n && reader_[k].kind == Ev::Ext) ++k;
  return k;
}

size_t Replay::prev_event(size_t k) const {
  if (k == 0) return 0;
  k = std::min(k, size());
  --k;
  while (k > 0 && reader_[k].kind == Ev::Ext) --k;
  return k;
}

size_t Replay::after(uint32_t e) const {
  size_t k = size_t(e) + 1;
  while (k < size() && reader_[k].kind == Ev::Ext) ++k;
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
  const Event e = reader_[ev];
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

const ObjectNote* Replay::last_note(std::string_view object, size_t k) const {
  auto found = notes_.find(object);
  if (found == notes_.end()) return nullptr;
  const std::vector<ObjectNote>& notes = trace_->notes();
  const std::vector<uint32_t>& list = found->second;
  // Notes are in event order; the last one written when k events were.
  auto it = std::upper_bound(list.begin(), list.end(), uint32_t(std::min(k, size())),
                             [&](uint32_t v, uint32_t n) { return v < notes[n].event; });
  return it == list.begin() ? nullptr : &notes[*std::prev(it)];
}

std::vector<const ObjectNote*> Replay::notes_before(std::string_view object, size_t k) const {
  std::vector<const ObjectNote*> out;
  auto found = notes_.find(object);
  if (found == notes_.end()) return out;
  for (uint32_t n : found->second) {
    const ObjectNote& note = trace_->notes()[n];
    if (note.event > std::min(k, size())) break;
    out.push_back(&note);
  }
  return out;
}

std::vector<std::string_view> Replay::noted_objects() const {
  std::vector<std::string_view> out;
  out.reserve(notes_.size());
  for (const auto& [name, list] : notes_) out.push_back(name);
  return out;
}

uint32_t Replay::task_running_at_event(size_t i) const {
  auto it = std::upper_bound(running_changes_.begin(), running_changes_.end(), uint32_t(i),
                             [](uint32_t v, const std::pair<uint32_t, uint32_t>& c) { return v < c.first; });
  if (it == running_changes_.begin()) return UINT32_MAX;
  return std::prev(it)->second;
}

}  // namespace loopscope
