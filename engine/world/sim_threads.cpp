#include "engine/world/sim_threads.hpp"

#include <algorithm>

#include "engine/loop/event_loop.hpp"
#include "engine/loop/trace_text.hpp"
#include "engine/loop/world.hpp"

namespace loopscope {

void SimThreads::schedule(double when, Action action, const void* owner) {
  Delivery d{when, order_++, owner, std::move(action)};
  auto later = [](const Delivery& a, const Delivery& b) {
    return a.when < b.when || (a.when == b.when && a.order < b.order);
  };
  deliveries_.insert(std::upper_bound(deliveries_.begin(), deliveries_.end(), d, later), std::move(d));
}

std::optional<double> SimThreads::next_wake() const {
  if (deliveries_.empty()) return std::nullopt;
  return deliveries_.front().when;
}

void SimThreads::deliver(World& w) {
  while (!deliveries_.empty() && deliveries_.front().when <= w.now) {
    Action a = std::move(deliveries_.front().action);
    deliveries_.erase(deliveries_.begin());
    a();
  }
}

void SimThreads::deliver_owned(World& w, const void* owner) {
  for (;;) {
    auto it = std::find_if(deliveries_.begin(), deliveries_.end(),
                           [&](const Delivery& d) { return d.owner == owner && d.when <= w.now; });
    if (it == deliveries_.end()) return;
    Action a = std::move(it->action);
    deliveries_.erase(it);
    a();
  }
}

double SimThreads::run_as(World& w, uint32_t who, double start, const std::function<void()>& fn) {
  double finish = run_on_thread(w, who, start, fn);
  // Back on the loop's thread: what the thread wrote at the loop's time
  // comes before the loop's next line.
  if (!in_thread()) release(w, w.now);
  return finish;
}

double SimThreads::run_on_thread(World& w, uint32_t who, double start, const std::function<void()>& fn) {
  struct Restore {
    World& w;
    SimThreads& s;
    double now;
    uint32_t current;
    ~Restore() {
      w.now = now;
      s.current_ = current;
    }
  } restore{w, *this, w.now, current_};
  w.now = start;
  current_ = who;
  fn();
  double finish = w.now;
  return finish;
}

void SimThreads::hold_output(World& w, std::string line) {
  held_.push_back(Held{w.now, order_++, false, std::move(line)});
}

void SimThreads::sleep(World& w, double seconds) {
  double to = w.now + seconds;
  if (to > w.options.max_time && w.running_loop) {
    w.running_loop->abort_run(LoopAbort::Reason::Limit, "max-time=" + trace_time(w.options.max_time) + " reached");
  }
  Held h{w.now, order_++, true, {}};
  h.seconds = seconds;
  h.to = to;
  h.who = current_;
  held_.push_back(std::move(h));
  w.now = to;
}

void SimThreads::write_held(World& w, const Held& h) {
  Trace& t = w.trace;
  t.add(Ev::Stamp, t.num(h.stamp));
  if (h.is_block) {
    t.add(Ev::Block, t.num(h.seconds), h.who, t.num(h.to));
  } else {
    t.add(Ev::Output, t.str(h.line));
  }
}

void SimThreads::release(World& w, double upto) {
  auto before = [](const Held& a, const Held& b) {
    return a.stamp < b.stamp || (a.stamp == b.stamp && a.order < b.order);
  };
  std::stable_sort(held_.begin(), held_.end(), before);
  size_t n = 0;
  while (n < held_.size() && held_[n].stamp <= upto) write_held(w, held_[n++]);
  if (n == 0) return;
  held_.erase(held_.begin(), held_.begin() + long(n));
  w.trace.add(Ev::Stamp, w.trace.num(w.now));  // back to the loop's clock
}

}  // namespace loopscope

namespace loopscope {

void call_soon_threadsafe(EventLoop& loop, std::function<void()> fn, std::string text,
                          std::function<void(Handle*)> made) {
  World& w = loop.world();
  auto soon = [&loop, fn = std::move(fn), text = std::move(text), made = std::move(made)] {
    Ref<Handle> h = loop.call_soon(fn, text);
    if (made) made(h.get());
  };
  if (w.threads.in_thread()) {
    w.threads.schedule(w.now, std::move(soon));
  } else {
    soon();
  }
}

}  // namespace loopscope
