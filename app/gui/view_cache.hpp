#pragma once
// What the panels remember about one run between frames: values computed
// once per run or once per cursor, and where each view last scrolled to.
// The session owns one per run and builds a fresh one whenever it loads or
// reloads, so nothing here can outlive, or be mistaken for, another run's.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/syntax.hpp"
#include "app/gui/view_types.hpp"

namespace loopscope::gui {

// The program text as the source view draws it: the lines and their
// colours, made together so that they always match.
struct SourceText {
  SourceText() = default;
  explicit SourceText(const std::string& text);
  std::vector<std::string> lines;
  std::vector<std::vector<SyntaxSpan>> spans;  // one list per line
};

// Defined in view_model.cpp: every awaited text of the run, classified.
struct AwaitIndex;

struct ViewCache {
  // Source view: the tasks suspended at each line, for one cursor.
  struct AtLine {
    std::vector<uint32_t> first;  // the first few
    size_t count = 0;             // all of them
  };
  std::vector<AtLine> at_line;           // by line number
  size_t at_line_cursor = SIZE_MAX;
  size_t source_scrolled_for = SIZE_MAX;  // the cursor the source view last scrolled to
  size_t console_lines = 0;               // console lines when it last scrolled to the end
  size_t log_scrolled_for = SIZE_MAX;     // the cursor the event log last scrolled to

  // Timeline lanes: the tasks shown and each task's lane.
  bool lanes_built = false, lanes_internals = false;
  std::vector<uint32_t> lanes;
  std::vector<int> lane_of;

  // View model: per run.
  std::vector<bool> internal;  // by task: asyncio's own
  bool internal_built = false;
  std::shared_ptr<AwaitIndex> await_index;
  std::map<uint32_t, std::string> await_text;  // describe_await by string id

  // By line of the user's file: the events where that line ran (a task
  // suspended there or resumed there, a print or a blocking call made there).
  std::vector<std::vector<uint32_t>> line_runs;
  bool line_runs_built = false;

  size_t traceback_event = SIZE_MAX;  // the run's uncaught-exception event (SIZE_MAX: none)
  bool traceback_found = false;

  // View model: per cursor.
  size_t ids_count = SIZE_MAX;
  bool ids_internals = false;
  std::vector<uint32_t> task_ids;
  size_t marks_cursor = SIZE_MAX;
  std::vector<TimerMark> marks;
  size_t groups_cursor = SIZE_MAX;
  std::vector<WaitGroup> groups;
};

}  // namespace loopscope::gui
