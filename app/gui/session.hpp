#pragma once
// One opened scenario as the window shows it: the run, its replay model and
// the cursor. Plain data plus the commands that change it (load, seek); the
// panels only read it.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/replay/replay.hpp"
#include "engine/scenario/lesson.hpp"
#include "engine/scenario/scenario.hpp"

namespace loopscope::gui {

// What the window opens when given nothing: the first built-in lesson (or
// the C++ demo if the binary carries no lessons).
std::string default_scenario();

struct Session {
  std::string target;                 // what was opened: a path or a built-in name
  std::shared_ptr<ScenarioRun> run;   // null until something loaded (shared with a running comparison)
  std::unique_ptr<Replay> replay;
  std::vector<std::string> source_lines;
  std::string load_error;             // why the last load failed ("" when it worked)
  std::vector<std::string> error_lines;  // compile errors as file:line:col: error: ...
  Narrative narrative;                // the lesson's `# watch:` and checkpoints (lesson.hpp)
  LessonRun lesson;                   // those checkpoints, found in this run

  size_t cursor = 0;
  ReplayState state;                  // the state at `cursor`
  ReplayState previous;               // the state before the last single step
  // States between keyframes near the cursor, ascending: stepping back
  // starts from the nearest one instead of a keyframe that can be 100,000
  // events away in a big run.
  std::vector<ReplayState> checkpoints;
  double moved_at = -1e9;             // when the cursor last moved one step (seconds)
  bool animate = false;               // the last move was one step: panels may animate

  // Runs a scenario and shows it from step 0. Never throws: on failure the
  // previous run stays (if any) and load_error says why.
  bool load(const std::string& target_name);
  bool reload() { return load(target); }
  bool loaded() const { return replay != nullptr; }
  size_t size() const { return replay ? replay->size() : 0; }
  const Trace& trace() const { return replay->trace(); }
  // A string of the trace's table ("" for kNoString or an unknown id).
  std::string_view str(uint32_t id) const;

  // Moves the cursor; `now` is the app clock in seconds (for animation).
  void seek(size_t k, double now = 0, bool single_step = false);
  // The state at k < cursor, from the nearest checkpoint or keyframe.
  ReplayState state_before(size_t k);
  // The name a task has at the cursor.
  std::string task_name(uint32_t task) const;
};

}  // namespace loopscope::gui
