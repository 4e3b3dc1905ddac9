#pragma once
// concurrent.futures.ThreadPoolExecutor in virtual time
// (docs/SIMULATED_WORLD.md, "Pools"): workers are created on demand up to
// max_workers, an idle worker (lowest number first) starts a job at once,
// other jobs wait in a FIFO queue and start when a worker finishes.

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace loopscope {

struct World;

class ThreadPool {
 public:
  struct Job {
    // set_running_or_notify_cancel(): false when the job was cancelled
    // while it waited in the queue (it then never runs).
    std::function<bool()> claim;
    // Runs the job on the worker's thread; returns what the worker does at
    // the job's finish time (complete the future).
    std::function<std::function<void()>()> run;
    // Future.cancel() of a queued job, for shutdown(cancel_futures=True).
    std::function<void()> cancel;
  };

  ThreadPool(World& world, uint32_t max_workers, std::string prefix);
  uint32_t max_workers() const { return max_workers_; }
  bool is_shutdown() const { return shutdown_; }

  void submit(Job job);
  // shutdown(wait, cancel_futures): with wait, the calling thread (the
  // loop's or a simulated one) blocks until every job has finished: its
  // clock moves to the last finish.
  void shutdown(bool wait, bool cancel_futures);

 private:
  struct Worker {
    uint32_t who;      // Who word naming the thread (<prefix>_<k>)
    double free_at = 0;
    bool busy = false;
  };
  Worker* idle_worker();
  void start(size_t worker, Job job, double at);
  void finish(size_t worker, const std::function<void()>& complete);

  World* world_;
  uint32_t max_workers_;
  std::string prefix_;
  std::vector<Worker> workers_;
  std::deque<Job> queue_;
  bool shutdown_ = false;
};

}  // namespace loopscope
