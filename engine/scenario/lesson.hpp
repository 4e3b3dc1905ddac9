#pragma once
// A lesson's narrative: what to watch, and checkpoints tied to moments of
// the run, written as comments in the scenario file itself (any scenario,
// built-in or the user's own, can carry one):
//
//   # watch: what to look at while the run plays
//   #   (indented comment lines continue the text above)
//   # checkpoint: when "fetched b" prints: b finished first, at {time}.
//   # ask: what prints next
//
// A checkpoint's moment is one of
//   "TEXT" prints            the first output line that contains TEXT
//   TASK starts              its first step (TASK: a task name such as
//   TASK finishes            Task-2, or a coroutine name such as fetch:
//   TASK sleeps              the first task that runs it)
//   TASK blocks              a blocking call (time.sleep) made by TASK
//   the timer of TASK fires  the timer of TASK's first asyncio.sleep fires
//   the run ends             the last event
// Its text may use values computed from the run, in braces: {time} (when
// the moment happens), {task} (the task involved, by what it runs),
// {tasks} (tasks created in the whole run), {end} (when the run ends), and
// for a timer moment {due} (the time it was set for) and {late} (how late
// it fired); and two measurements taken when the text is shown,
// {task_bytes} (heap bytes per suspended task, measure.hpp) and
// {thread_stack} (the stack a new thread reserves). `# ask:` lines
// attach predict-the-next-step questions to the checkpoint above them (see
// quiz.hpp for the kinds).
//
// A moment that never happens in the run, an unknown value or question
// kind, or a malformed line is an error with its line number: lesson
// tests resolve every built-in lesson, so an edit that moves a moment out
// of the run fails a test.

#include <string>
#include <vector>

#include "engine/replay/explain.hpp"
#include "engine/replay/replay.hpp"
#include "engine/scenario/scenario.hpp"

namespace loopscope {

struct Moment {
  enum class Kind : uint8_t { Prints, Starts, Finishes, Sleeps, Blocks, TimerFires, Ends };
  Kind kind = Kind::Ends;
  std::string subject;  // the text for Prints, the task for the task moments
};

struct Checkpoint {
  int line = 0;               // source line of the `# checkpoint:` comment
  std::string when;           // the moment as written
  Moment moment;
  std::string text;           // with {values} still in it
  std::vector<std::string> asks;  // question kinds, as written
};

struct Narrative {
  std::string watch;
  std::vector<Checkpoint> checkpoints;
  std::vector<Diagnostic> errors;  // malformed narrative lines
  bool empty() const { return watch.empty() && checkpoints.empty(); }
};

// Reads the narrative comments of a scenario's source.
Narrative parse_narrative(const std::string& file, const std::string& source);

// A checkpoint found in a run.
struct ReachedCheckpoint {
  const Checkpoint* checkpoint = nullptr;
  size_t event = 0;    // the event of the moment
  size_t cursor = 0;   // the replay cursor just after it
  double time = 0;     // virtual time of the moment
  std::string text;    // the text with its values filled in
};

struct LessonRun {
  std::vector<ReachedCheckpoint> reached;  // in checkpoint order
  std::vector<Diagnostic> errors;          // moments not in the run, bad values
};

// Finds every checkpoint's moment in the run and fills in its values.
LessonRun resolve_narrative(const Narrative& n, const Replay& replay, const std::string& file);

}  // namespace loopscope
