#pragma once
// Threads in virtual time (docs/SIMULATED_WORLD.md).
//
// No real thread runs. A simulated thread runs a job to completion when it
// starts it, on its own clock (World::now is swapped while it runs); what it
// sends to the loop (a job's outcome, call_soon_threadsafe) is a delivery
// that the loop's poll takes when the virtual clock reaches it. Lines a
// thread writes are held until the transcript reaches their stamps.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopscope {

struct World;
class EventLoop;
class ThreadPool;

class SimThreads {
 public:
  using Action = std::function<void()>;

  // A delivery to the loop at virtual time `when`; `owner` groups the
  // deliveries of one pool (its shutdown takes its own).
  void schedule(double when, Action action, const void* owner = nullptr);
  std::optional<double> next_wake() const;
  // The loop's poll: every delivery due at w.now, in (time, order) order.
  void deliver(World& w);
  // Takes the due deliveries of `owner` only.
  void deliver_owned(World& w, const void* owner);

  // Runs `fn` on the simulated thread `who` (a Who word) whose clock starts
  // at `start`; returns the thread's clock when fn returns.
  double run_as(World& w, uint32_t who, double start, const std::function<void()>& fn);
  // The Who word of the simulated thread running, 0 for the loop's thread.
  uint32_t current() const { return current_; }
  bool in_thread() const { return current_ != 0; }

  // A line written by the running simulated thread (stdout), held.
  void hold_output(World& w, std::string line);
  // time.sleep on the running simulated thread: its clock moves.
  void sleep(World& w, double seconds);
  // Writes the held lines stamped at or before `upto` (each at its stamp).
  void release(World& w, double upto);

  // The default executor of each loop (run_in_executor(None, ...)).
  std::shared_ptr<ThreadPool>& default_executor(EventLoop* loop) { return default_executors_[loop]; }
  // ThreadPoolExecutor-%d: CPython's process-wide counter of pools.
  uint32_t next_pool_number() { return pool_counter_++; }

 private:
  double run_on_thread(World& w, uint32_t who, double start, const std::function<void()>& fn);
  struct Delivery {
    double when;
    uint64_t order;
    const void* owner;
    Action action;
  };
  struct Held {
    double stamp;
    uint64_t order;
    bool is_block;
    std::string line;        // output line
    double seconds = 0, to = 0;  // block
    uint32_t who = 0;
  };
  void write_held(World& w, const Held& h);
  std::vector<Delivery> deliveries_;  // kept sorted by (when, order)
  std::vector<Held> held_;            // kept sorted by (stamp, order)
  uint64_t order_ = 0;
  uint32_t current_ = 0;
  uint32_t pool_counter_ = 0;
  std::map<EventLoop*, std::shared_ptr<ThreadPool>> default_executors_;
};

}  // namespace loopscope

namespace loopscope {

class Handle;

// loop.call_soon_threadsafe(): from the loop's thread a call_soon; from a
// simulated thread a delivery at that thread's clock (the handle is made
// when the loop takes it, so none is returned then).
void call_soon_threadsafe(EventLoop& loop, std::function<void()> fn, std::string text,
                          std::function<void(Handle*)> made = {});

}  // namespace loopscope
