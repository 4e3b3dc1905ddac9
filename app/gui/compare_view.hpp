#pragma once
// "Compare with CPython": runs the open scenario under the real asyncio
// (engine/scenario/cpython_compare.hpp) on a worker thread and shows the
// verdict in a window: identical, or the first difference with context.

#include <future>
#include <memory>
#include <string>

#include "engine/scenario/cpython_compare.hpp"
#include "engine/scenario/scenario.hpp"

namespace loopscope::gui {

struct CompareView {
  bool open = false;                 // the result window is shown
  std::string target;                // what is (or was) compared
  std::shared_ptr<const ScenarioRun> run;  // our side of it, kept alive for the worker
  std::future<CpythonComparison> pending;  // valid while comparing
  std::unique_ptr<CpythonComparison> result;
  double started_at = 0;

  bool running() const { return pending.valid(); }
};

// Starts comparing `run` of `target` (a path or a built-in name) with
// CPython, unless a comparison is already running; `oracle` empty means the
// default place.
void start_compare(CompareView& v, std::shared_ptr<const ScenarioRun> run, const std::string& target, double now,
                   const std::string& oracle = {});
// Picks up a finished comparison; true when one arrived this call.
bool poll_compare(CompareView& v);
// The result window (call every frame).
void draw_compare_window(CompareView& v, double now);

}  // namespace loopscope::gui
