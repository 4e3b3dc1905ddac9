#pragma once
// The replay model: the loop's state after any number of events of a trace.
//
// A forward pass over the trace builds keyframes (the state every K events)
// and the derived indexes the GUI steps by. state_at(k) copies the nearest
// keyframe at or before k and applies the events between.
//
//   events:    0 ......... K ......... 2K ......... 3K ....
//   keyframes: [0]         [K]         [2K]         [3K]
//   state_at(2K + 5) = keyframe[2K] + apply(2K .. 2K+5)
//
// States keep their tasks, ready queue and timers in blocks shared between
// copies (chunked.hpp), so a keyframe costs only the blocks changed since
// the previous one, and copying one (to start a seek, or to hand it to the
// GUI) costs a few thousand pointer copies even with 100,000 tasks. K
// starts small and doubles (every other keyframe dropped) whenever the
// keyframes would take more than a fixed memory budget, so millions of
// events stay bounded.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/replay/state.hpp"
#include "engine/trace/trace.hpp"

namespace loopscope {

// One console line: program output or a diagnostic.
struct ConsoleLine {
  uint32_t event = 0;   // event index
  double time = 0;      // virtual clock when it was written
  Ev kind = Ev::Output; // Output, Warning, AsyncioError, Stderr, Traceback, Deadlock, Limit
  uint32_t text = kNoString;
};

// A stretch of one task's life, for the timeline.
enum class SpanKind : uint8_t { Running, Waiting, Ready };
struct TaskSpan {
  uint32_t begin = 0;            // event index where it starts
  uint32_t end = 0;              // event index where it ends (trace size if open)
  SpanKind kind = SpanKind::Running;
  uint32_t label = kNoString;    // Waiting: the W text
  uint32_t woken_by = UINT32_MAX;  // Running: event index of the soon that woke it
};

// A script task's frames at a cursor, from the snapshots the run recorded
// (RunOptions::record_frames): outermost first.
struct FrameVar {
  std::string_view name, repr;
};
struct FrameView {
  std::string_view function;
  uint32_t line = 0;
  uint32_t positional = 0;  // positional parameters (the first vars, when bound)
  uint32_t params = 0;      // all parameters
  uint32_t flags = 0;       // 1: *args, 2: **kwargs
  std::vector<FrameVar> vars;
};
struct TaskFrames {
  FrameSnapshotKind kind = FrameSnapshotKind::Start;
  uint32_t event = 0;       // the cursor it holds from (Suspend, Finish: just after the task's wait/done event)
  std::vector<FrameView> frames;
};

class Replay {
 public:
  explicit Replay(const Trace& trace, size_t keyframe_budget_bytes = 128u << 20);

  const Trace& trace() const { return *trace_; }
  // A number no other Replay of this process has had: caches keyed by it
  // never mistake a new replay for an old one at the same address.
  uint64_t serial() const { return serial_; }
  size_t size() const { return trace_->size(); }

  // The state after the first k events (k clamped to size()).
  ReplayState state_at(size_t k) const;
  // The same, also handing out the states passed on the way every `every`
  // events after the keyframe (at most `max_passed`, the last ones): a
  // caller keeps them as nearer starting points for stepping back.
  ReplayState state_at(size_t k, size_t every, size_t max_passed, std::vector<ReplayState>& passed) const;
  // The same, starting from a state already at or before k when that is
  // nearer than the keyframe (stepping forward, playback).
  ReplayState advance(const ReplayState& from, size_t k) const;

  // ---- derived indexes (event indexes, ascending) ----
  const std::vector<uint32_t>& iteration_starts() const { return iter_starts_; }
  const std::vector<uint32_t>& task_steps() const { return step_starts_; }
  const std::vector<uint32_t>& output_events() const { return output_events_; }
  const std::vector<uint32_t>& blocks() const { return blocks_; }

  // Cursor moves: the next/previous cursor position in a unit. A cursor
  // never rests between an event and its Ext records.
  size_t next_event(size_t k) const;
  size_t prev_event(size_t k) const;
  // The cursor just after event e (and its Ext records).
  size_t after(uint32_t e) const;
  // Next/previous cursor that has just applied an event of the index
  // (e.g. next_in(iteration_starts(), k): the start of the next iteration).
  size_t next_in(const std::vector<uint32_t>& index, size_t k) const;
  size_t prev_in(const std::vector<uint32_t>& index, size_t k) const;

  // Console lines written by the first k events.
  size_t console_count(size_t k) const;
  ConsoleLine console_line(size_t i) const;

  // Virtual clock after the first k events.
  double time_at(size_t k) const;
  double end_time() const { return time_at(size()); }
  // Loop iteration number after the first k events (0 before the first).
  uint64_t iteration_at(size_t k) const;

  // ---- per handle (known for the whole trace) ----
  uint32_t handle_text(uint32_t h) const { return h < handles_.size() ? handles_[h].text : kNoString; }
  uint32_t handle_task(uint32_t h) const { return h < handles_.size() ? handles_[h].task : UINT32_MAX; }
  // Event index where a handle was created (soon/timer), or UINT32_MAX.
  uint32_t handle_created(uint32_t h) const { return h < handles_.size() ? handles_[h].created : UINT32_MAX; }
  // Whether a handle was made by a timer (call_later/call_at), not call_soon.
  bool handle_from_timer(uint32_t h) const {
    uint32_t made = handle_created(h);
    return made != UINT32_MAX && (*trace_)[made].kind == Ev::Timer;
  }

  // ---- per task ----
  size_t task_count() const { return task_spans_.size(); }
  const std::vector<TaskSpan>& spans(uint32_t task) const { return task_spans_[task]; }
  // The name a task has at the end of the trace.
  uint32_t final_name(uint32_t task) const { return task < final_names_.size() ? final_names_[task] : kNoString; }
  // A task's coroutine qualname (known for the whole trace).
  uint32_t coro_name(uint32_t task) const { return task < coros_.size() ? coros_[task] : kNoString; }
  // The task running just after event i was applied (UINT32_MAX: none).
  uint32_t task_running_at_event(size_t i) const;

  // ---- frames (only when the run recorded them) ----
  bool has_frames() const { return !trace_->frames().empty(); }
  // The last snapshot of `task` at or before cursor k; false when none.
  bool frames_at(uint32_t task, size_t k, TaskFrames& out) const;
  // What the task runs as a call, from its first snapshot: "fetch('a', 1)"
  // (arguments as reprs, each cut short); the coroutine's name when the
  // run has no snapshot of it.
  std::string call_text(uint32_t task) const;

  // ---- program objects (Queue#1, Lock#1, ...) ----
  // A task resumed with a result from a wait on an object's method: the
  // only trace of who got a Lock or an item after waiting (acquires and
  // gets that did not wait, and every release or put, leave no event).
  struct ObjectResume {
    uint32_t event = 0;  // the step event
    uint32_t task = 0;
    std::string method;  // "acquire", "get", "put", "wait"
  };
  // The last such resume from `object` (e.g. "Lock#1") among events
  // [0, k), optionally only of `method`; nullptr when there is none.
  const ObjectResume* last_resume(const std::string& object, size_t k, const std::string& method = {}) const;
  // The state `object` was left in by the last action among events
  // [0, k): its items, holder or counter (the trace's ObjectNote text);
  // nullptr before its first action.
  const ObjectNote* last_note(std::string_view object, size_t k) const;
  // Every note of `object` among events [0, k), in event order.
  std::vector<const ObjectNote*> notes_before(std::string_view object, size_t k) const;
  // The objects with notes ("Queue#1", "Lock#2", ...), in name order.
  std::vector<std::string_view> noted_objects() const;

  // The first event of asyncio.run's shutdown (the events after the main
  // task's run_until_complete ends: leftover tasks cancelled, async
  // generators and the executor shut down, the loop closed); size() when
  // the run has none. The window can fold [shutdown_start(), size()) into
  // one group.
  size_t shutdown_start() const { return shutdown_start_; }

  // Timers that fired (Due events), ascending: the timeline's markers.
  const std::vector<uint32_t>& timer_dues() const { return dues_; }

  size_t keyframe_interval() const { return interval_; }
  size_t keyframe_count() const { return keyframes_.size(); }
  // Memory the keyframes hold, each shared block counted once.
  size_t keyframe_bytes() const { return keyframe_bytes_; }

 private:
  struct HandleInfo {
    uint32_t text = kNoString;
    uint32_t task = UINT32_MAX;
    uint32_t created = UINT32_MAX;
    uint32_t cancelled = UINT32_MAX;  // event index of its cancel
    uint32_t queued = UINT32_MAX;     // event index where it joined the ready queue (soon or due)
    double when = 0;
  };
  void apply(ReplayState& s, size_t i) const;
  void build();
  void add_keyframe(const ReplayState& s);
  size_t count_keyframe_bytes() const;

  const Trace* trace_;
  TraceReader reader_;  // this replay's own reading cache (the GUI thread's)
  uint64_t serial_;
  size_t budget_;
  size_t interval_ = 256;
  size_t keyframe_bytes_ = 0;
  size_t shutdown_start_ = 0;
  // A handle queued twice (never seen in a trace of this loop): the ready
  // queue is then searched by handle instead of by when it was queued.
  bool requeued_ = false;
  std::vector<ReplayState> keyframes_;   // keyframes_[j] is the state at j * interval_
  std::vector<HandleInfo> handles_;
  std::vector<uint32_t> final_names_, coros_;
  std::vector<uint32_t> iter_starts_, step_starts_, output_events_, blocks_;
  std::vector<std::pair<uint32_t, double>> clock_changes_;  // (event index, new time)
  std::vector<std::vector<TaskSpan>> task_spans_;
  std::vector<std::pair<uint32_t, uint32_t>> running_changes_;  // (event index, task or UINT32_MAX)
  std::map<std::string, std::vector<ObjectResume>> resumes_;     // by object, in event order
  std::map<std::string, std::vector<uint32_t>, std::less<>> notes_;  // by object: indexes into trace notes
  std::vector<uint32_t> dues_;
  std::vector<std::vector<uint32_t>> frames_by_task_;  // indexes into trace frames, per task
};

}  // namespace loopscope
