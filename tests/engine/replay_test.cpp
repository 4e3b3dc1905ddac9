// The replay model: states at chosen steps, seeking in any order, and
// agreement with a live event loop driven one iteration at a time.
#include "engine/replay/replay.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "engine/lib/gather.hpp"
#include "engine/replay/explain.hpp"
#include "engine/scenario/scenario.hpp"
#include "tests/engine/helpers.hpp"

namespace loopscope {
namespace {

using testing::say;

Co worker(EventLoop& loop, std::string name, double delay) {
  say(loop, name + " start");
  co_await sleep(loop, 0);
  co_await sleep(loop, delay);
  say(loop, name + " end");
  co_return str_value(name);
}

Co busy(EventLoop& loop, int n) {
  for (int i = 0; i < n; ++i) co_await sleep(loop, 0);
  co_return Value();
}

Co program(EventLoop& loop) {
  // A timer that is cancelled before it fires, and a callback that is
  // cancelled while it sits in the ready queue.
  Ref<Handle> late = loop.call_later(5.0, [] {}, "never()");
  Ref<Handle> soon = loop.call_soon([] {}, "skipped()");
  late->cancel();
  soon->cancel();
  Ref<Future> g = gather(loop, {Value::object(coroutine(worker(loop, "a", 1.0), "worker")),
                                 Value::object(coroutine(worker(loop, "b", 0.5), "worker"))});
  Value v = co_await g;
  say(loop, repr(v));
}

// What the live loop shows between two iterations.
struct LiveView {
  size_t cursor = 0;
  std::vector<std::pair<uint32_t, bool>> ready;   // (h#, cancelled)
  std::vector<uint32_t> timers;                   // live timers by (when, h#)
  std::vector<uint32_t> pending_tasks;            // all_tasks(), by id
  std::vector<std::pair<uint32_t, bool>> waiting; // (task id, has a fut_waiter)
  std::vector<std::pair<uint32_t, uint64_t>> steps;
  double now = 0;
};

LiveView observe(EventLoop& loop) {
  LiveView v;
  v.cursor = loop.trace().size();
  v.now = loop.time();
  for (const ReadyEntry& e : loop.ready()) v.ready.emplace_back(e.id, e.cancelled());
  std::vector<const Handle*> timers;
  for (const Ref<Handle>& h : loop.scheduled()) {
    if (!h->cancelled()) timers.push_back(h.get());
  }
  std::sort(timers.begin(), timers.end(), [](const Handle* a, const Handle* b) {
    return a->when != b->when ? a->when < b->when : a->id < b->id;
  });
  for (const Handle* h : timers) v.timers.push_back(h->id);
  for (const Ref<Task>& t : loop.all_tasks()) {
    v.pending_tasks.push_back(t->id());
    v.waiting.emplace_back(t->id(), t->fut_waiter() != nullptr);
    v.steps.emplace_back(t->id(), t->steps());
  }
  return v;
}

LiveView view_of(const ReplayState& s) {
  LiveView v;
  v.cursor = s.cursor;
  v.now = s.now;
  for (const HandleView& h : s.ready) v.ready.emplace_back(h.id, h.cancelled);
  for (const TimerView& t : s.timers) v.timers.push_back(t.id);
  for (const TaskView& t : s.tasks) {
    if (t.state == TaskState::Done || t.state == TaskState::Cancelled || t.state == TaskState::Failed) continue;
    v.pending_tasks.push_back(t.id);
    v.waiting.emplace_back(t.id, t.awaiting != kNoString);
    v.steps.emplace_back(t.id, t.steps);
  }
  return v;
}

void expect_same(const LiveView& live, const LiveView& replayed) {
  SCOPED_TRACE("at cursor " + std::to_string(live.cursor));
  EXPECT_EQ(live.cursor, replayed.cursor);
  EXPECT_EQ(live.now, replayed.now);
  EXPECT_EQ(live.ready, replayed.ready);
  EXPECT_EQ(live.timers, replayed.timers);
  EXPECT_EQ(live.pending_tasks, replayed.pending_tasks);
  EXPECT_EQ(live.waiting, replayed.waiting);
  EXPECT_EQ(live.steps, replayed.steps);
}

bool same_state(const ReplayState& a, const ReplayState& b) {
  auto handles_eq = [](const ReadyQueue& x, const ReadyQueue& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const HandleView& p, const HandleView& q) {
      return p.id == q.id && p.text == q.text && p.task == q.task && p.cancelled == q.cancelled;
    });
  };
  auto timers_eq = std::equal(a.timers.begin(), a.timers.end(), b.timers.begin(), b.timers.end(),
                              [](const TimerView& p, const TimerView& q) {
                                return p.id == q.id && p.when == q.when && p.text == q.text;
                              });
  auto tasks_eq = std::equal(a.tasks.begin(), a.tasks.end(), b.tasks.begin(), b.tasks.end(),
                             [](const TaskView& p, const TaskView& q) {
                               return p.id == q.id && p.name == q.name && p.state == q.state &&
                                      p.awaiting == q.awaiting && p.line == q.line && p.steps == q.steps &&
                                      p.result == q.result && p.queued == q.queued;
                             });
  return a.cursor == b.cursor && a.now == b.now && a.iteration == b.iteration &&
         a.loop_running == b.loop_running && a.blocked == b.blocked && handles_eq(a.ready, b.ready) &&
         a.has_running == b.has_running && (!a.has_running || a.running.id == b.running.id) &&
         a.running_task == b.running_task && timers_eq && tasks_eq && a.output_lines == b.output_lines;
}

// Runs `program` on a fresh loop one iteration at a time, observing the
// loop after each.
std::vector<LiveView> run_observed(World& w) {
  std::vector<LiveView> views;
  EventLoop loop(w);
  w.running_loop = &loop;
  Ref<Task> main = loop.create_task(coroutine(program(loop), "main"));
  views.push_back(observe(loop));
  for (int guard = 0; !main->done() && guard < 100; ++guard) {
    loop.run_once();
    views.push_back(observe(loop));
  }
  w.running_loop = nullptr;
  return views;
}

// Many tasks that cancel timers and queued callbacks: the replay's ready
// queue and timer heap then change in their middles, not only at the ends.
Co churner(EventLoop& loop, int i) {
  Ref<Handle> tick = loop.call_later(0.05 * (i % 11), [] {}, "tick()");
  Ref<Handle> noop = loop.call_soon([] {}, "noop()");
  if (i % 3 == 0) noop->cancel();
  co_await sleep(loop, 0);
  if (i % 2) tick->cancel();
  co_await sleep(loop, 0.01 * (i % 13));
  co_return Value();
}

std::vector<LiveView> run_churn_observed(World& w, int tasks) {
  std::vector<LiveView> views;
  EventLoop loop(w);
  w.running_loop = &loop;
  for (int i = 0; i < tasks; ++i) loop.create_task(coroutine(churner(loop, i), "churner"));
  views.push_back(observe(loop));
  for (int guard = 0; !loop.all_tasks().empty() && guard < 1000; ++guard) {
    loop.run_once();
    views.push_back(observe(loop));
  }
  w.running_loop = nullptr;
  return views;
}

size_t index_of(const Trace& t, const std::string& line) {
  TraceCursor cur(t);
  for (size_t i = 0; i < t.size(); ++i) {
    if (cur.line(i, true).find(line) != std::string::npos) return i;
    cur.apply(i);
  }
  return t.size();
}

TEST(Replay, StateAtZeroIsEmpty) {
  World w;
  run_observed(w);
  Replay r(w.trace);
  ReplayState s = r.state_at(0);
  EXPECT_EQ(s.cursor, 0u);
  EXPECT_TRUE(s.tasks.empty());
  EXPECT_TRUE(s.ready.empty());
  EXPECT_TRUE(s.timers.empty());
}

TEST(Replay, ReplayedStatesMatchTheLiveLoopAfterEveryIteration) {
  World w;
  std::vector<LiveView> views = run_observed(w);
  ASSERT_GT(views.size(), 5u);
  Replay r(w.trace);
  for (const LiveView& live : views) expect_same(live, view_of(r.state_at(live.cursor)));
}

TEST(Replay, ManyKeyframesOfCancellingTasksMatchTheLiveLoopAfterEveryIteration) {
  World w;
  std::vector<LiveView> views = run_churn_observed(w, 600);
  Replay r(w.trace);
  ASSERT_GT(r.keyframe_count(), 10u);
  for (const LiveView& live : views) expect_same(live, view_of(r.state_at(live.cursor)));
  // And when reached by stepping forwards from an earlier state.
  ReplayState s = r.state_at(0);
  for (const LiveView& live : views) {
    s = r.advance(s, live.cursor);
    expect_same(live, view_of(s));
  }
}

TEST(Replay, AHandleQueuedTwiceIsFoundByItsNumber) {
  // Not something this loop records (a handle joins the ready queue once),
  // but a trace that did must still replay: the queue is then searched by
  // handle number.
  Trace t;
  t.add(Ev::LoopNew);
  t.add(Ev::Soon, 1, t.str("a()"));
  t.add(Ev::Soon, 2, t.str("b()"));
  t.add(Ev::Run, 1);
  t.add(Ev::Soon, 1, t.str("a()"));
  t.add(Ev::HandleCancel, 1, Who::kOutside);
  t.add(Ev::Run, 2);
  t.add(Ev::Skip, 1);
  Replay r(t);
  auto ready = [&](size_t k) {
    std::vector<std::pair<uint32_t, bool>> out;
    for (const HandleView& h : r.state_at(k).ready) out.emplace_back(h.id, h.cancelled);
    return out;
  };
  using Q = std::vector<std::pair<uint32_t, bool>>;
  EXPECT_EQ(ready(3), (Q{{1, false}, {2, false}}));
  EXPECT_EQ(ready(4), (Q{{2, false}}));
  EXPECT_EQ(ready(5), (Q{{2, false}, {1, false}}));
  EXPECT_EQ(ready(6), (Q{{2, false}, {1, true}}));
  EXPECT_EQ(ready(7), (Q{{1, true}}));
  EXPECT_EQ(ready(8), Q{});
}

TEST(Replay, ATaskSleepingOnATimerIsWaitingWithItsTimerInTheHeap) {
  World w;
  run_observed(w);
  Replay r(w.trace);
  size_t wait = index_of(w.trace, "wait Task-2 on sleep");
  ASSERT_LT(wait, w.trace.size());
  ReplayState s = r.state_at(r.after(uint32_t(wait)));
  ASSERT_GE(s.tasks.size(), 3u);
  EXPECT_EQ(s.tasks[1].state, TaskState::Waiting);
  EXPECT_EQ(w.trace.string(s.tasks[1].awaiting).rfind("sleep F#", 0), 0u);
  ASSERT_EQ(s.timers.size(), 1u);
  EXPECT_DOUBLE_EQ(s.timers[0].when, 1.0);
  EXPECT_EQ(s.running_task, UINT32_MAX);
}

TEST(Replay, TheRunningTaskIsTheOneWhoseStepBegan) {
  World w;
  run_observed(w);
  Replay r(w.trace);
  size_t step = index_of(w.trace, "step Task-3 start");
  ReplayState s = r.state_at(r.after(uint32_t(step)));
  EXPECT_EQ(s.running_task, 2u);
  EXPECT_EQ(s.tasks[2].state, TaskState::Running);
  EXPECT_TRUE(s.has_running);
  EXPECT_EQ(w.trace.string(s.running.text), "Task-3.step");
}

TEST(Replay, ACancelledCallbackStaysQueuedMarkedCancelledUntilSkipped) {
  World w;
  run_observed(w);
  Replay r(w.trace);
  size_t cancel = index_of(w.trace, "handle-cancel");
  ReplayState s = r.state_at(r.after(uint32_t(cancel)));
  auto it = std::find_if(s.ready.begin(), s.ready.end(),
                         [&](const HandleView& h) { return w.trace.string(h.text) == "skipped()"; });
  ASSERT_NE(it, s.ready.end());
  EXPECT_TRUE(it->cancelled);
  uint32_t id = it->id;
  size_t skip = index_of(w.trace, "skip h#" + std::to_string(id) + " (cancelled)");
  ASSERT_LT(skip, w.trace.size());
  s = r.state_at(r.after(uint32_t(skip)));
  EXPECT_TRUE(std::none_of(s.ready.begin(), s.ready.end(), [&](const HandleView& h) { return h.id == id; }));
}

TEST(Replay, SeekingBackwardsGivesTheSameStatesAsSeekingForwards) {
  ScenarioRun run = run_demo();
  const Trace& t = run.world->trace;
  Replay r(t, 1);  // a tiny budget: the interval doubles as keyframes are thinned
  Replay reference(t);
  EXPECT_GT(r.keyframe_interval(), reference.keyframe_interval() / 2);
  std::vector<ReplayState> forwards;
  for (size_t k = 0; k <= t.size(); ++k) forwards.push_back(reference.state_at(k));
  for (size_t k = t.size() + 1; k-- > 0;) EXPECT_TRUE(same_state(r.state_at(k), forwards[k])) << "k=" << k;
}

TEST(Replay, ManyKeyframesGiveTheSameStatesAsNone) {
  ScenarioRun run = run_demo();
  const Trace& t = run.world->trace;
  Replay r(t);
  Replay one_keyframe(t, 0);
  for (size_t k : {size_t(0), size_t(7), t.size() / 2, t.size() - 1, t.size()}) {
    EXPECT_TRUE(same_state(r.state_at(k), one_keyframe.state_at(k))) << "k=" << k;
  }
}

TEST(Replay, KeyframeMemoryStaysWithinItsBudgetForManyTasks) {
  World w;
  EventLoop loop(w);
  w.running_loop = &loop;
  for (int i = 0; i < 2000; ++i) loop.create_task(coroutine(worker(loop, "w", 1.0), "worker"));
  while (!loop.all_tasks().empty()) loop.run_once();
  w.running_loop = nullptr;
  const size_t budget = 1u << 20;
  Replay r(w.trace, budget);
  EXPECT_LE(r.keyframe_bytes(), 2 * budget);
  ReplayState end = r.state_at(r.size());
  EXPECT_EQ(end.tasks.size(), 2000u);
  EXPECT_TRUE(std::all_of(end.tasks.begin(), end.tasks.end(),
                          [](const TaskView& t) { return t.state == TaskState::Done; }));
}

TEST(Replay, IndexesStepByIterationTaskStepAndOutputLine) {
  ScenarioRun run = run_demo();
  Replay r(run.world->trace);
  ASSERT_FALSE(r.iteration_starts().empty());
  size_t k = r.next_in(r.iteration_starts(), 0);
  EXPECT_EQ(r.state_at(k).iteration, 1u);
  size_t k2 = r.next_in(r.iteration_starts(), k);
  EXPECT_EQ(r.state_at(k2).iteration, 2u);
  EXPECT_EQ(r.prev_in(r.iteration_starts(), k2), k);
  size_t out = r.next_in(r.output_events(), 0);
  EXPECT_EQ(r.console_count(out), 1u);
  EXPECT_EQ(r.trace().string(r.console_line(0).text), "a: start");
  size_t step = r.next_in(r.task_steps(), 0);
  EXPECT_NE(r.state_at(step).running_task, UINT32_MAX);
}

TEST(Replay, CursorMovesNeverStopInsideAnEventsExtRecords) {
  ScenarioRun run = run_demo();
  Replay r(run.world->trace);
  for (size_t k = 0; k < r.size(); k = r.next_event(k)) {
    if (k < r.size()) {
      EXPECT_NE(r.trace()[k].kind, Ev::Ext);
    }
    EXPECT_EQ(r.prev_event(r.next_event(k)), k);
  }
}

TEST(Replay, TheClockFollowsAdvances) {
  ScenarioRun run = run_demo();
  Replay r(run.world->trace);
  EXPECT_DOUBLE_EQ(r.time_at(0), 0.0);
  EXPECT_DOUBLE_EQ(r.end_time(), 1.0);
  EXPECT_DOUBLE_EQ(r.state_at(r.size()).now, 1.0);
}

TEST(Replay, KeyframesShareTheBlocksTheEventsBetweenThemDidNotChange) {
  // 2,000 tasks wait on a long sleep while one task steps through 2,000
  // sleep(0)s: consecutive keyframes differ in a few blocks only.
  World w;
  EventLoop loop(w);
  w.running_loop = &loop;
  for (int i = 0; i < 2000; ++i) loop.create_task(coroutine(worker(loop, "w", 1000.0), "worker"));
  loop.create_task(coroutine(busy(loop, 2000), "busy"));
  while (!loop.all_tasks().empty()) loop.run_once();
  w.running_loop = nullptr;
  Replay r(w.trace);
  ASSERT_GT(r.keyframe_count(), 20u);
  // One state in the middle holds 2,001 tasks and 2,000 timers; the
  // keyframes together must take far less than a full copy each.
  ReplayState mid = r.state_at(r.size() / 2);
  ASSERT_EQ(mid.tasks.size(), 2001u);
  size_t full = mid.tasks.size() * sizeof(TaskView) + mid.timers.size() * sizeof(TimerView);
  EXPECT_LT(r.keyframe_bytes(), r.keyframe_count() * full / 4)
      << r.keyframe_count() << " keyframes of about " << full << " bytes each";
}

// Chunked containers against plain ones, with copies taken along the way
// that must not change when the original does.
struct Item {
  int key = 0;
  int value = 0;
};
struct ItemKey {
  int operator()(const Item& i) const { return i.key; }
};

TEST(ChunkedVector, CopiesKeepTheirElementsWhileTheOriginalChanges) {
  std::mt19937 rng(3);
  ChunkedVector<int, 4, 2> v;
  std::vector<int> plain;
  std::vector<std::pair<ChunkedVector<int, 4, 2>, std::vector<int>>> copies;
  for (int step = 0; step < 3000; ++step) {
    int op = int(rng() % 10);
    if (op < 4 || plain.empty()) {
      int x = int(rng() % 1000);
      v.push_back(x);
      plain.push_back(x);
    } else if (op < 8) {
      size_t i = rng() % plain.size();
      int x = int(rng() % 1000);
      v.edit(i) = x;
      plain[i] = x;
    } else if (op == 8) {
      size_t n = rng() % (plain.size() + 8);
      v.resize(n);
      plain.resize(n);
    } else {
      copies.emplace_back(v, plain);
    }
    ASSERT_EQ(v.size(), plain.size());
  }
  EXPECT_TRUE(std::equal(v.begin(), v.end(), plain.begin(), plain.end()));
  // Backwards, and by jumps, as well.
  EXPECT_TRUE(std::equal(std::make_reverse_iterator(v.end()), std::make_reverse_iterator(v.begin()),
                         plain.rbegin(), plain.rend()));
  for (size_t i = 0; i < plain.size(); i += 7) EXPECT_EQ(*(v.begin() + std::ptrdiff_t(i)), plain[i]);
  for (const auto& [c, p] : copies) {
    EXPECT_TRUE(std::equal(c.begin(), c.end(), p.begin(), p.end()));
  }
  EXPECT_GT(copies.size(), 100u);
}

TEST(SortedChunks, StaysSortedAndCopiesKeepTheirElementsWhileTheOriginalChanges) {
  std::mt19937 rng(5);
  using List = SortedChunks<Item, 4>;  // tiny blocks: many splits and joins
  List list;
  std::map<int, int> plain;
  std::vector<std::pair<List, std::map<int, int>>> copies;
  auto same = [](const List& l, const std::map<int, int>& m) {
    if (l.size() != m.size()) return false;
    auto it = m.begin();
    for (const Item& i : l) {
      if (i.key != it->first || i.value != it->second) return false;
      ++it;
    }
    return true;
  };
  int next_back = 100000;
  for (int step = 0; step < 6000; ++step) {
    int op = int(rng() % 12);
    int k = int(rng() % 400);
    if (op < 4) {
      list.insert(Item{k, step}, ItemKey{});
      plain[k] = step;
    } else if (op < 6) {
      list.push_back(Item{next_back, step});
      plain[next_back++] = step;
    } else if (op < 8) {
      EXPECT_EQ(list.erase(k, ItemKey{}), plain.erase(k) == 1);
    } else if (op == 8 && !plain.empty()) {
      EXPECT_EQ(list.front().key, plain.begin()->first);
      list.pop_front();
      plain.erase(plain.begin());
    } else if (op == 9) {
      Item* i = list.edit(k, ItemKey{});
      ASSERT_EQ(i != nullptr, plain.count(k) == 1);
      if (i) i->value = plain[k] = -step;
    } else if (op == 10) {
      const Item* i = list.find(k, ItemKey{});
      ASSERT_EQ(i != nullptr, plain.count(k) == 1);
      if (i) {
        EXPECT_EQ(i->value, plain[k]);
      }
    } else {
      copies.emplace_back(list, plain);
    }
    ASSERT_TRUE(same(list, plain)) << "after step " << step;
  }
  for (const auto& [c, p] : copies) EXPECT_TRUE(same(c, p));
  EXPECT_GT(copies.size(), 200u);
  // Indexing walks the blocks in order.
  size_t i = 0;
  for (const auto& [key, value] : plain) {
    EXPECT_EQ(list[i].key, key);
    ++i;
  }
}

TEST(Explain, ASleepingTaskGivesTheLoopBackUntilItsTimer) {
  World w;
  run_observed(w);
  Replay r(w.trace);
  size_t wait = index_of(w.trace, "wait Task-2 on sleep");
  EXPECT_EQ(explain_event(r, wait, ExplainLevel::Internals),
            "Task-2 awaits asyncio.sleep(1): a timer is set for t=1.000 and the task gives the loop back.");
  EXPECT_EQ(explain_cursor(r, r.after(uint32_t(wait)), ExplainLevel::Internals),
            explain_event(r, wait, ExplainLevel::Internals));
  EXPECT_EQ(explain_cursor(r, r.after(uint32_t(wait))), explain_event(r, wait));
}

TEST(Explain, TheStartOfTheRunInvitesAStep) {
  ScenarioRun run = run_demo();
  Replay r(run.world->trace);
  EXPECT_NE(explain_cursor(r, 0).find("step forward"), std::string::npos);
}

TEST(Explain, EveryEventOfTheDemoHasASentence) {
  ScenarioRun run = run_demo();
  Replay r(run.world->trace);
  for (size_t i = 0; i < r.size(); ++i) {
    if (r.trace()[i].kind == Ev::Ext) continue;
    EXPECT_FALSE(explain_event(r, i).empty()) << "event " << i;
  }
}

TEST(Explain, AwaitTextsAreGroupedByWhatTheyWaitOn) {
  EXPECT_EQ(parse_await("Queue#1.get F#3").group, "Queue#1");
  EXPECT_EQ(parse_await("Queue#1.get F#3").method, "get");
  EXPECT_EQ(parse_await("task Task-2").group, "Task-2");
  EXPECT_EQ(parse_await("gather F#1 [Task-2, Task-3]").detail, "Task-2, Task-3");
  EXPECT_EQ(parse_await("sleep F#2 until=1.000000").kind, AwaitTarget::Kind::Sleep);
  EXPECT_EQ(describe_await("Lock#1.acquire F#5"), "Lock#1.acquire()");
}

TEST(Explain, AGatherOfManyTasksNamesAFewAndCountsTheRest) {
  std::string list;
  for (int i = 2; i < 10002; ++i) list += (list.empty() ? "" : ", ") + std::string("Task-") + std::to_string(i);
  std::string d = describe_await("gather F#1 [" + list + "]");
  EXPECT_EQ(d, "gather(Task-2, Task-3, Task-4, Task-5, Task-6, Task-7, ... +9,994 more)");
  EXPECT_EQ(describe_await("gather F#1 [Task-2, Task-3]"), "gather(Task-2, Task-3)");
  EXPECT_EQ(short_list("a, b, c, d", 2), "a, b, ... +2 more");
  EXPECT_EQ(short_list("a, b", 2), "a, b");
}

}  // namespace
}  // namespace loopscope
