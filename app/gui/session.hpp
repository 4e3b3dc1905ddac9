#pragma once
// One opened scenario as the window shows it: the run, its replay model and
// the cursor. Plain data plus the commands that change it (load, reload,
// seek); the panels only read it.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/gui/view_cache.hpp"
#include "engine/replay/replay.hpp"
#include "engine/scenario/lesson.hpp"
#include "engine/scenario/quiz.hpp"
#include "engine/scenario/scenario.hpp"

namespace loopscope::gui {

// What the window opens when given nothing: the first built-in lesson (or
// the C++ demo if the binary carries no lessons).
std::string default_scenario();

struct Session {
  // What was asked for last: a path or a built-in name. Kept when the load
  // fails, so that Reload tries the same file again once it is fixed.
  std::string target;
  std::shared_ptr<ScenarioRun> run;   // null until something loaded (shared with a running comparison)
  std::unique_ptr<Replay> replay;
  // The text the source view shows: the run's, or, when the file no longer
  // compiles, the file's current text with the errors marked.
  SourceText source;
  std::string load_error;             // why the last load failed ("" when it worked)
  std::vector<Diagnostic> errors;     // the compile errors of `source`
  std::vector<std::string> error_lines;  // the same as the CLI prints them: file:line:col: error: ...
  bool stale = false;                 // the run shown is older than the file (it does not compile)
  bool scroll_to_error = false;       // the source view should bring the first error into view
  std::string notice;                 // one line about the last reload: what changed
  // The blocked-loop limit the next run uses (Run > Blocked-loop limit).
  uint64_t instruction_budget = RunOptions{}.instruction_budget;
  // What the panels computed for this run; rebuilt on every load.
  mutable ViewCache views;
  Narrative narrative;                // the lesson's `# watch:` and checkpoints (lesson.hpp)
  LessonRun lesson;                   // those checkpoints, found in this run
  LessonQuiz quiz;                    // their questions, answered by this run

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
  // previous run stays (if any, marked stale when the file does not
  // compile) and load_error says why.
  bool load(const std::string& target_name);
  // Runs `target` again and keeps the place: the same step if the run is
  // the same up to it, else the last step that is still the same; `notice`
  // says which.
  bool reload();
  bool loaded() const { return replay != nullptr; }
  size_t size() const { return replay ? replay->size() : 0; }
  const Trace& trace() const { return replay->trace(); }
  // A string of the trace's table ("" for kNoString or an unknown id).
  std::string_view str(uint32_t id) const;
  // The program line an uncaught exception was raised at (0: none).
  int exception_line() const;

  // Moves the cursor; `now` is the app clock in seconds (for animation).
  void seek(size_t k, double now = 0, bool single_step = false);
  // The state at k < cursor, from the nearest checkpoint or keyframe.
  ReplayState state_before(size_t k);
  // The name a task has at the cursor.
  std::string task_name(uint32_t task) const;

 private:
  bool open(const std::string& target_name, bool keep_place);
  void show(std::unique_ptr<ScenarioRun> fresh, std::unique_ptr<Replay> next, size_t at);
};

// How many leading events two runs share, looking at most `limit` far.
size_t same_prefix(const Replay& a, const Replay& b, size_t limit);

}  // namespace loopscope::gui
