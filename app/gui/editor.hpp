#pragma once
// The Editor panel's state and the file commands around it: save (written
// atomically, then the scenario runs again), Save As and New through the
// drawn file browser, and the Save / Discard / Cancel question that keeps
// unsaved edits from being lost when another file opens, the file is
// reloaded from disk, or the window closes.

#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/editor_buffer.hpp"
#include "app/gui/file_browser.hpp"
#include "app/gui/syntax.hpp"
#include "engine/scenario/scenario.hpp"

namespace loopscope::gui {

// A key or a typed character, in the order they came: the editor takes
// every one, however many arrive between two frames.
struct InputEvent {
  int key = -1;     // GLFW key code for a press or repeat (-1: a character)
  int mods = 0;     // GLFW modifier bits
  uint32_t ch = 0;  // the character (key == -1)
};

// What waits for the answer to "Save your changes?".
struct PendingAction {
  enum class Kind { None, Open, Reload, Quit, New } kind = Kind::None;
  std::string target;  // for Open
};

enum class SaveMode { SaveAs, New };

struct EditorState {
  EditorBuffer buffer;
  std::string target;   // the session target the text belongs to
  std::string path;     // the file it saves to ("": a built-in lesson, saved only as a copy)
  bool focused = false; // keys and characters go to the editor
  bool focus_requested = false;
  bool scroll_to_cursor = false;

  // Find (Ctrl+F).
  bool find_open = false, find_focus = false;
  char find_text[256] = "";
  std::string find_message;

  // Colours, by buffer version.
  unsigned spans_version = UINT32_MAX;
  std::vector<std::vector<SyntaxSpan>> spans;
  // Compile errors of the edited text, checked a moment after typing stops.
  unsigned checked_version = UINT32_MAX;
  double edited_at = 0;
  unsigned edited_version = UINT32_MAX;
  std::vector<Diagnostic> errors;

  // Save As / New.
  bool save_dialog = false;     // open the dialog on the next frame
  SaveMode save_mode = SaveMode::SaveAs;
  FileBrowser save_browser;
  std::string confirm_replace;  // a path the user was told exists; saving again replaces it

  // The unsaved-changes question.
  PendingAction pending;
  bool prompt_requested = false;
  bool quit_now = false;        // the window may close
};

// The template File > New writes: a small runnable asyncio program.
const char* new_scenario_template();

// Writes `text` to `path` atomically: a temporary file beside it, flushed
// to disk, renamed over it (keeping the old file's permissions). False
// with `error` set when it could not.
bool write_file_atomically(const std::string& path, const std::string& text, std::string& error);

// True when `path` is one of the lessons shipped with loopscope (never
// written over: edits to a lesson are saved as a copy).
bool is_lesson_file(const std::string& path);

}  // namespace loopscope::gui
