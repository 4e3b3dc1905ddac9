#pragma once
// The Open dialog's model: a folder's subfolders and .py files, sorted,
// with a selection, a typed path with completion and a hidden-files
// toggle. Plain data and functions, so tests can drive it without drawing.

#include <cstdint>
#include <string>
#include <vector>

namespace loopscope::gui {

struct BrowserEntry {
  std::string name;
  bool folder = false;
  uintmax_t size = 0;     // bytes (files)
  int64_t modified = 0;   // seconds since the epoch
};

enum class BrowserSort : int { Name, Size, Modified };

struct FileBrowser {
  std::string folder;                 // the folder listed, absolute
  std::vector<BrowserEntry> entries;  // folders first, then .py files
  int selected = -1;                  // index into entries
  bool show_hidden = false;
  BrowserSort sort = BrowserSort::Name;
  bool ascending = true;
  char typed[1024] = "";              // the path field
  std::string message;                // why a folder or file cannot be opened
  std::vector<std::string> candidates;  // completions of the typed path, after Tab
  bool scroll_to_selected = false;
  bool refocus_path = false;
  bool shown = false;                 // the dialog was drawn on the last frame          // give the path field the keyboard again
};

// Lists `folder` (a relative one against the working directory); on
// failure the listing stays and `message` says why.
bool browse(FileBrowser& b, const std::string& folder);
void sort_entries(FileBrowser& b);
// Selects an entry (clamped to the list); the path field shows its path.
void select_entry(FileBrowser& b, int index);
// Moves the selection by `delta` rows, within the list.
void move_selection(FileBrowser& b, int delta);

// What a typed path or a chosen entry leads to.
struct BrowserChoice {
  enum class Kind { None, Folder, File } kind = Kind::None;
  std::string path;
};
// The typed path: a folder is listed, a .py file is to be opened, anything
// else sets `message` (no such file, cannot read, not a .py file).
BrowserChoice choose_typed(FileBrowser& b);
// The selected entry: a folder is listed, a file is to be opened.
BrowserChoice choose_selected(FileBrowser& b);

// Tab in the path field: the typed path extended as far as every matching
// folder and .py file agrees; the matches go to `candidates`.
std::string complete_path(FileBrowser& b, const std::string& typed);

// The .py files of a folder, sorted by name (full paths).
std::vector<std::string> scenario_files(const std::string& folder);
// Where the lessons are on disk ("" if the source tree is not there).
std::string lessons_folder();

}  // namespace loopscope::gui
