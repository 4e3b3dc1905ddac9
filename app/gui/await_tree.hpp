#pragma once
// The await tree: every task alive at the cursor, placed under the task that
// awaits it (directly or through a gather), as `python -m asyncio pstree`
// draws it in CPython 3.14; each row says what the task waits on and, for a
// wait that ends later in this run, which task ends it ("woken by"); a task
// met again on its own path is a cycle of awaits: a deadlock. Computed from
// the session without drawing, so tests can call it.

#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/session.hpp"

namespace loopscope::gui {

struct AwaitRow {
  uint32_t task = UINT32_MAX;
  int depth = 0;            // 0: a root (awaited by no living task)
  bool last_child = false;  // the last row under its parent (for the connector)
  bool cycle = false;       // this task is already on the path above: a deadlock
  std::string title;        // "Task-2 fetch('a', 1)"
  std::string doing;        // "sleeps until 1 s", "waits in Queue#1.get()", "running"
  std::string woken;        // "woken by Task-4 producer(...) at step 85"; empty when not known
};

std::vector<AwaitRow> await_tree(const Session& s);

}  // namespace loopscope::gui
