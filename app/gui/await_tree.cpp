#include "app/gui/await_tree.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "app/gui/task_card.hpp"
#include "app/gui/view_model.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {

namespace {

bool alive(TaskState st) { return st != TaskState::Done && st != TaskState::Cancelled && st != TaskState::Failed; }

std::string seconds(double t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g s", t);
  return buf;
}

class TreeBuilder {
 public:
  explicit TreeBuilder(const Session& s) : s_(s) {
    for (const TaskView& t : s.state.tasks) by_name_[std::string(s.str(t.name))] = t.id;
    children_.resize(s.state.tasks.size());
    awaited_.assign(s.state.tasks.size(), false);
    for (const TaskView& t : s.state.tasks) {
      if (!alive(t.state) || t.state != TaskState::Waiting) continue;
      for (uint32_t c : awaited_tasks(t)) {
        children_[t.id].push_back(c);
        awaited_[c] = true;
      }
    }
  }

  std::vector<AwaitRow> build() {
    std::vector<bool> placed(s_.state.tasks.size(), false);
    std::vector<uint32_t> path;
    for (const TaskView& t : s_.state.tasks) {
      if (alive(t.state) && !awaited_[t.id]) add(t.id, 0, true, path, placed);
    }
    // Tasks only awaited inside a cycle have no root: start at the first.
    for (const TaskView& t : s_.state.tasks) {
      if (alive(t.state) && !placed[t.id]) add(t.id, 0, true, path, placed);
    }
    return std::move(rows_);
  }

 private:
  // The living tasks `t` awaits: one task, or a gather's unfinished children.
  std::vector<uint32_t> awaited_tasks(const TaskView& t) const {
    std::vector<uint32_t> out;
    AwaitTarget at = parse_await(s_.str(t.awaiting));
    auto take = [&](std::string_view name) {
      auto it = by_name_.find(std::string(name));
      if (it != by_name_.end() && it->second != t.id && alive(s_.state.tasks[it->second].state)) out.push_back(it->second);
    };
    if (at.kind == AwaitTarget::Kind::Task) take(at.group);
    if (at.kind == AwaitTarget::Kind::Gather) {
      for (size_t b = 0; b < at.detail.size();) {
        size_t e = at.detail.find(", ", b);
        if (e == std::string::npos) e = at.detail.size();
        take(std::string_view(at.detail).substr(b, e - b));
        b = e + 2;
      }
    }
    return out;
  }

  void add(uint32_t task, int depth, bool last, std::vector<uint32_t>& path, std::vector<bool>& placed) {
    AwaitRow row;
    row.task = task;
    row.depth = depth;
    row.last_child = last;
    row.title = task_title(s_, task);
    row.cycle = std::find(path.begin(), path.end(), task) != path.end();
    if (row.cycle) {
      row.doing = "is already above: these tasks await each other in a cycle (a deadlock)";
      rows_.push_back(std::move(row));
      return;
    }
    if (placed[task]) {  // awaited from two places: expanded once
      row.doing = "(shown above)";
      rows_.push_back(std::move(row));
      return;
    }
    row.doing = doing(s_.state.tasks[task]);
    row.woken = woken(task);
    rows_.push_back(std::move(row));
    placed[task] = true;
    path.push_back(task);
    const std::vector<uint32_t>& kids = children_[task];
    for (size_t i = 0; i < kids.size(); ++i) add(kids[i], depth + 1, i + 1 == kids.size(), path, placed);
    path.pop_back();
  }

  std::string doing(const TaskView& t) const {
    switch (t.state) {
      case TaskState::Running: return s_.state.blocked ? "running, and blocking the loop" : "running";
      case TaskState::Created: return "created: its first step waits in the ready queue";
      case TaskState::Ready: return "ready: its next step waits in the ready queue";
      default: break;
    }
    AwaitTarget at = parse_await(s_.str(t.awaiting));
    switch (at.kind) {
      case AwaitTarget::Kind::Sleep: return "sleeps until " + seconds(std::atof(at.detail.c_str()));
      case AwaitTarget::Kind::Task: return "awaits " + at.group;
      case AwaitTarget::Kind::Gather: return "awaits a gather";
      case AwaitTarget::Kind::Object: return "waits in " + at.group + "." + at.method + "()";
      case AwaitTarget::Kind::Future: return "awaits a future (" + at.future + ")";
      case AwaitTarget::Kind::Other: break;
    }
    return "waits on " + describe_await(s_.str(t.awaiting));
  }

  // Who ends the wait at the cursor, when another task does it later in
  // this run.
  std::string woken(uint32_t task) const {
    if (s_.state.tasks[task].state != TaskState::Waiting) return {};
    const Replay& r = *s_.replay;
    for (const TaskSpan& sp : r.spans(task)) {
      if (sp.kind != SpanKind::Running || sp.begin < s_.cursor) continue;
      if (sp.woken_by == UINT32_MAX) return {};
      uint32_t waker = r.task_running_at_event(sp.woken_by);
      if (waker == UINT32_MAX || waker == task) return {};
      return "woken by " + task_title(s_, waker) + " at step " + with_commas(r.after(sp.woken_by));
    }
    return "never woken in this run";
  }

  const Session& s_;
  std::map<std::string, uint32_t> by_name_;
  std::vector<std::vector<uint32_t>> children_;
  std::vector<bool> awaited_;
  std::vector<AwaitRow> rows_;
};

}  // namespace

std::vector<AwaitRow> await_tree(const Session& s) {
  if (!s.replay) return {};
  return TreeBuilder(s).build();
}

}  // namespace loopscope::gui
