#pragma once
// What the window remembers between frames that is not the model: play
// state, selection, pane sizes, open dialogs, filters. Plain data with
// defaults; every panel reads and writes only this and the Session.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/gui/compare_view.hpp"
#include "app/gui/editor.hpp"
#include "app/gui/file_browser.hpp"
#include "engine/scenario/quiz.hpp"

namespace loopscope::gui {

enum class StepUnit : int { Event, TaskStep, Iteration, Output };
const char* step_unit_name(StepUnit u);

enum class BottomTab : int { Lesson, Timeline, Console, EventLog, Explain, Variables, AwaitTree };

// A lesson's quiz score: the last pass and the best.
struct LessonScore {
  int right = 0, total = 0, best = 0;
};

// The Lessons view: progress through the chapter (kept in state.ini) and
// the predict-the-next-step questions of the open run.
struct LessonsView {
  std::set<std::string> visited;              // lessons opened at least once
  std::map<std::string, LessonScore> scores;  // by lesson name
  // The open run's questions: the choice made for each (-1: not asked yet).
  std::vector<int> answers;
  uint64_t answers_for = 0;   // the replay serial they belong to
  int asking = -1;            // the question shown (-1: none)
  int chosen = -1;            // its answer, once chosen
  bool open_requested = false;
  // The chapter's knowledge check, shown in the Lesson tab in place of the
  // open lesson's narrative: its questions (built from their lessons' runs
  // when first shown) and the choice made for each (-1: not yet).
  bool show_check = false;
  bool check_built = false;
  std::vector<ChapterQuestion> check;
  std::string check_error;
  std::vector<int> check_answers;
};

struct TimelineView {
  bool by_time = false;      // x axis: virtual time (true) or event index
  double begin = 0, end = 0; // visible range on that axis (end <= begin: everything)
  bool dragging = false;
  float lane_height = 22.0f;
};

struct EventLogView {
  char text[128] = "";       // substring filter on the line
  int kind = 0;              // index into the kind filter list
  bool follow = true;        // keep the cursor's event in view
  bool only_selected = false; // only the selected task's events
  std::vector<uint32_t> rows;   // filtered event indexes (complete once scanned == built_size)
  std::string built_for;     // the filter the rows were built for
  size_t built_size = 0;     // the trace size they were built for
  size_t scanned = 0;        // events looked at so far: the list is built a slice per frame
  uint64_t built_serial = 0;  // the replay they were built for
};

// A key the platform layer saw pressed (or repeated): the steps and the
// Ctrl shortcuts that act on the run.
enum class AppKey : int { Right, Left, Home, End, Space, Reload, Open };
struct KeyPress {
  AppKey key = AppKey::Right;
  bool shift = false;
};

struct UiState {
  // Input the platform layer queued since the last frame, in order: every
  // press is one step, however many arrive between two frames.
  std::vector<KeyPress> keys;
  // Every key press and typed character in order, for the editor; cleared
  // at the end of each frame.
  std::vector<InputEvent> input;
  std::vector<std::string> dropped;  // paths dropped on the window
  bool reload_requested = false;     // the open file changed on disk (or Ctrl+R)

  // Transport.
  bool playing = false;
  float speed = 4.0f;               // steps per second, 0.5 .. 1000
  StepUnit unit = StepUnit::Event;
  double play_budget = 0;           // steps owed to playback since the last frame

  // Selection, shared by every panel.
  uint32_t selected_task = UINT32_MAX;

  // Panels and view options.
  bool show_source = true, show_loop = true, show_tasks = true, show_bottom = true;
  bool show_internals = false;      // asyncio's own shutdown tasks and callbacks
  float font_scale = 1.0f;
  float left_fraction = 0.40f;      // source width / window width
  float top_fraction = 0.66f;       // upper panes height / body height
  float loop_fraction = 0.64f;      // event loop view height / right column height
  BottomTab tab = BottomTab::Lesson;
  bool tab_requested = true;        // select `tab` on the next frame

  TimelineView timeline;
  EventLogView log;
  LessonsView lessons;

  // Dialogs and requests for the platform layer.
  bool open_dialog = false;         // open the Open dialog on the next frame
  FileBrowser browser;              // the Open dialog
  std::vector<std::string> recent;
  std::string folder;               // a scenario folder given on the command line
  std::vector<std::string> folder_files;  // its .py files, in the Scenarios menu
  bool show_shortcuts = false, show_about = false;
  bool quit = false;
  bool screenshot = false;          // File > Save screenshot
  bool export_trace = false;        // File > Export trace
  std::string status;               // last message for the status line
  CompareView compare;              // File > Compare with CPython

  // The left pane: the Source view or the Editor.
  bool show_editor = false;
  bool left_tab_requested = false;  // select the tab `show_editor` says on the next frame
  EditorState editor;
  bool prompt_shown = false;        // the unsaved-changes question was drawn on the last frame

  // A named control to act as if clicked on the next frame (the drive
  // mode's `click`); cleared by the control that takes it.
  std::string click;
};

}  // namespace loopscope::gui
