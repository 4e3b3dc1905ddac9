#include "engine/world/thread_pool.hpp"

#include <algorithm>

#include "engine/loop/world.hpp"

namespace loopscope {

ThreadPool::ThreadPool(World& world, uint32_t max_workers, std::string prefix)
    : world_(&world), max_workers_(max_workers), prefix_(std::move(prefix)) {}

ThreadPool::Worker* ThreadPool::idle_worker() {
  for (Worker& w : workers_) {
    if (!w.busy && w.free_at <= world_->now) return &w;
  }
  if (workers_.size() >= max_workers_) return nullptr;
  std::string name = prefix_ + "_" + std::to_string(workers_.size());
  workers_.push_back(Worker{Who::thread(world_->trace.str(name))});
  return &workers_.back();
}

void ThreadPool::submit(Job job) {
  Worker* w = idle_worker();
  if (!w) {
    queue_.push_back(std::move(job));
    return;
  }
  job.claim();
  start(size_t(w - workers_.data()), std::move(job), world_->now);
}

// The job has been claimed (its future is RUNNING).
void ThreadPool::start(size_t worker, Job job, double at) {
  workers_[worker].busy = true;
  std::function<void()> complete;
  double end = world_->threads.run_as(*world_, workers_[worker].who, at, [&] { complete = job.run(); });
  workers_[worker].free_at = end;
  world_->threads.schedule(end, [this, worker, complete] { finish(worker, complete); }, this);
}

// At the job's finish time: the worker completes the future (its done
// callbacks run on the worker's thread), then takes the next queued job.
void ThreadPool::finish(size_t worker, const std::function<void()>& complete) {
  SimThreads& threads = world_->threads;
  threads.run_as(*world_, workers_[worker].who, world_->now, complete);
  workers_[worker].busy = false;
  while (!queue_.empty()) {
    Job job = std::move(queue_.front());
    queue_.pop_front();
    if (!job.claim()) continue;
    start(worker, std::move(job), workers_[worker].free_at);
    break;
  }
}

void ThreadPool::shutdown(bool wait, bool cancel_futures) {
  shutdown_ = true;
  if (cancel_futures) {
    for (Job& job : queue_) job.cancel();
  }
  if (!wait) return;
  World& w = *world_;
  double before = w.now;
  for (;;) {
    double last = -1;
    for (const Worker& k : workers_) {
      if (k.busy) last = std::max(last, k.free_at);
    }
    if (last < 0 && queue_.empty()) break;
    if (last > w.now) w.now = last;
    w.threads.deliver_owned(w, this);
  }
  if (w.threads.in_thread()) return;
  // The loop's thread was blocked: later lines are stamped at the new time.
  if (w.now != before) w.trace.add(Ev::Stamp, w.trace.num(w.now));
  w.threads.release(w, w.now);
}

}  // namespace loopscope
