#pragma once
// The editor's text model: lines, a cursor with a selection, edits that
// can be undone and redone, indenting by four spaces and finding text.
// Plain data and functions with no drawing, so tests drive it directly.
// Columns are byte offsets into a line; moves step over whole UTF-8
// characters.

#include <string>
#include <string_view>
#include <vector>

namespace loopscope::gui {

struct TextPos {
  int line = 0, col = 0;
  bool operator==(const TextPos& o) const { return line == o.line && col == o.col; }
  bool operator!=(const TextPos& o) const { return !(*this == o); }
  bool operator<(const TextPos& o) const { return line < o.line || (line == o.line && col < o.col); }
};

class EditorBuffer {
 public:
  explicit EditorBuffer(const std::string& text = "");

  std::string text() const;
  const std::vector<std::string>& lines() const { return lines_; }
  // Bumped by every change of the text (edits, undo, redo, reset).
  unsigned version() const { return version_; }
  // The text differs from the one last saved (or loaded).
  bool modified() const { return text() != saved_; }
  void mark_saved() { saved_ = text(); }
  const std::string& saved_text() const { return saved_; }
  // Replaces everything, forgetting the undo history: a file (re)loaded.
  void reset(const std::string& text);

  TextPos cursor() const { return cursor_; }
  bool has_selection() const { return anchor_ != cursor_; }
  TextPos selection_begin() const { return anchor_ < cursor_ ? anchor_ : cursor_; }
  TextPos selection_end() const { return anchor_ < cursor_ ? cursor_ : anchor_; }
  std::string selected_text() const;
  // Puts the cursor at `p` (clamped); with `extend` the selection grows to it.
  void place(TextPos p, bool extend = false);
  void select_all();

  enum class Move { Left, Right, Up, Down, Home, End, PageUp, PageDown, Top, Bottom, WordLeft, WordRight };
  void move(Move m, bool extend, int page_lines = 20);

  // Edits. Each is one undo step, except that characters typed one after
  // another (with no move between) undo together.
  void type(std::string_view text);  // replaces the selection
  void paste(std::string_view text);
  void newline();                    // keeps the line's indentation
  void backspace();
  void del();
  void indent();  // Tab: four spaces at the cursor, or before every selected line
  void dedent();  // Shift+Tab: up to four leading spaces off the line (every selected line)

  bool undo();
  bool redo();
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }

  // Selects the next (or previous) occurrence of `needle` from the cursor,
  // wrapping around; false when there is none.
  bool find(const std::string& needle, bool forward);
  // How many times `needle` occurs.
  size_t count(const std::string& needle) const;

 private:
  struct Snapshot {
    std::vector<std::string> lines;
    TextPos cursor, anchor;
  };
  TextPos clamp(TextPos p) const;
  void checkpoint(bool typing);
  void erase_selection();
  void insert_at_cursor(std::string_view text);
  void changed() { ++version_; }
  TextPos offset_to_pos(size_t offset) const;
  size_t pos_to_offset(TextPos p) const;

  std::vector<std::string> lines_{""};
  TextPos cursor_, anchor_;
  std::vector<Snapshot> undo_, redo_;
  bool typing_ = false;  // the last edit was a typed character: the next one merges
  std::string saved_;
  unsigned version_ = 0;
};

}  // namespace loopscope::gui
