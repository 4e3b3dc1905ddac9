#include "app/gui/editor_buffer.hpp"

#include <algorithm>
#include <cctype>

namespace loopscope::gui {

namespace {

constexpr size_t kUndoLimit = 1000;
constexpr int kIndent = 4;

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || continuation(c); }

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out{""};
  for (char c : text) {
    if (c == '\n') out.emplace_back();
    else if (c != '\r') out.back() += c;
  }
  return out;
}

int leading_spaces(const std::string& l) {
  int n = 0;
  while (n < int(l.size()) && l[size_t(n)] == ' ') ++n;
  return n;
}

}  // namespace

EditorBuffer::EditorBuffer(const std::string& text) { reset(text); }

void EditorBuffer::reset(const std::string& text) {
  lines_ = split(text);
  saved_ = this->text();
  cursor_ = anchor_ = TextPos{};
  undo_.clear();
  redo_.clear();
  typing_ = false;
  changed();
}

std::string EditorBuffer::text() const {
  std::string out;
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (i) out += '\n';
    out += lines_[i];
  }
  return out;
}

TextPos EditorBuffer::clamp(TextPos p) const {
  p.line = std::clamp(p.line, 0, int(lines_.size()) - 1);
  const std::string& l = lines_[size_t(p.line)];
  p.col = std::clamp(p.col, 0, int(l.size()));
  while (p.col > 0 && p.col < int(l.size()) && continuation(l[size_t(p.col)])) --p.col;
  return p;
}

size_t EditorBuffer::pos_to_offset(TextPos p) const {
  size_t off = 0;
  for (int i = 0; i < p.line; ++i) off += lines_[size_t(i)].size() + 1;
  return off + size_t(p.col);
}

TextPos EditorBuffer::offset_to_pos(size_t offset) const {
  TextPos p;
  for (const std::string& l : lines_) {
    if (offset <= l.size()) {
      p.col = int(offset);
      return p;
    }
    offset -= l.size() + 1;
    ++p.line;
  }
  return clamp(TextPos{int(lines_.size()) - 1, 1 << 30});
}

std::string EditorBuffer::selected_text() const {
  if (!has_selection()) return {};
  std::string all = text();
  size_t a = pos_to_offset(selection_begin()), b = pos_to_offset(selection_end());
  return all.substr(a, b - a);
}

void EditorBuffer::place(TextPos p, bool extend) {
  cursor_ = clamp(p);
  if (!extend) anchor_ = cursor_;
  typing_ = false;
}

void EditorBuffer::select_all() {
  anchor_ = TextPos{};
  cursor_ = clamp(TextPos{int(lines_.size()) - 1, 1 << 30});
  typing_ = false;
}

void EditorBuffer::move(Move m, bool extend, int page_lines) {
  // A plain Left/Right with a selection goes to its edge.
  if (!extend && has_selection() && (m == Move::Left || m == Move::Right)) {
    place(m == Move::Left ? selection_begin() : selection_end());
    return;
  }
  TextPos p = cursor_;
  const std::string& l = lines_[size_t(p.line)];
  switch (m) {
    case Move::Left:
      if (p.col > 0) {
        do --p.col;
        while (p.col > 0 && continuation(l[size_t(p.col)]));
      } else if (p.line > 0) {
        --p.line;
        p.col = int(lines_[size_t(p.line)].size());
      }
      break;
    case Move::Right:
      if (p.col < int(l.size())) {
        do ++p.col;
        while (p.col < int(l.size()) && continuation(l[size_t(p.col)]));
      } else if (p.line + 1 < int(lines_.size())) {
        ++p.line;
        p.col = 0;
      }
      break;
    case Move::Up: --p.line; break;
    case Move::Down: ++p.line; break;
    case Move::PageUp: p.line -= page_lines; break;
    case Move::PageDown: p.line += page_lines; break;
    case Move::Home: {
      // First to the indentation, then to the start of the line.
      int indent = leading_spaces(l);
      p.col = p.col == indent ? 0 : indent;
      break;
    }
    case Move::End: p.col = int(l.size()); break;
    case Move::Top: p = TextPos{}; break;
    case Move::Bottom: p = TextPos{int(lines_.size()) - 1, 1 << 30}; break;
    case Move::WordLeft:
      if (p.col == 0) return move(Move::Left, extend);
      while (p.col > 0 && !word_char(l[size_t(p.col - 1)])) --p.col;
      while (p.col > 0 && word_char(l[size_t(p.col - 1)])) --p.col;
      break;
    case Move::WordRight:
      if (p.col == int(l.size())) return move(Move::Right, extend);
      while (p.col < int(l.size()) && !word_char(l[size_t(p.col)])) ++p.col;
      while (p.col < int(l.size()) && word_char(l[size_t(p.col)])) ++p.col;
      break;
  }
  place(p, extend);
}

void EditorBuffer::checkpoint(bool typing) {
  redo_.clear();
  if (typing && typing_) return;  // merges with the characters typed before
  undo_.push_back(Snapshot{lines_, cursor_, anchor_});
  if (undo_.size() > kUndoLimit) undo_.erase(undo_.begin());
  typing_ = typing;
}

void EditorBuffer::erase_selection() {
  if (!has_selection()) return;
  TextPos a = selection_begin(), b = selection_end();
  std::string tail = lines_[size_t(b.line)].substr(size_t(b.col));
  lines_[size_t(a.line)].resize(size_t(a.col));
  lines_[size_t(a.line)] += tail;
  lines_.erase(lines_.begin() + a.line + 1, lines_.begin() + b.line + 1);
  cursor_ = anchor_ = a;
}

void EditorBuffer::insert_at_cursor(std::string_view text) {
  std::vector<std::string> parts = split(std::string(text));
  std::string& line = lines_[size_t(cursor_.line)];
  std::string tail = line.substr(size_t(cursor_.col));
  line.resize(size_t(cursor_.col));
  line += parts.front();
  TextPos end{cursor_.line, int(line.size())};
  for (size_t i = 1; i < parts.size(); ++i) {
    lines_.insert(lines_.begin() + cursor_.line + int(i), parts[i]);
    end = TextPos{cursor_.line + int(i), int(parts[i].size())};
  }
  lines_[size_t(end.line)] += tail;
  cursor_ = anchor_ = end;
}

void EditorBuffer::type(std::string_view text) {
  if (text.empty()) return;
  bool single = text.find('\n') == std::string_view::npos && !has_selection();
  checkpoint(single);
  erase_selection();
  insert_at_cursor(text);
  if (!single) typing_ = false;
  changed();
}

void EditorBuffer::paste(std::string_view text) {
  if (text.empty()) return;
  checkpoint(false);
  erase_selection();
  insert_at_cursor(text);
  changed();
}

void EditorBuffer::newline() {
  checkpoint(false);
  erase_selection();
  const std::string& l = lines_[size_t(cursor_.line)];
  int indent = std::min(leading_spaces(l), cursor_.col);
  // After a line ending in a colon, one level deeper.
  std::string before = l.substr(0, size_t(cursor_.col));
  size_t last = before.find_last_not_of(' ');
  if (last != std::string::npos && before[last] == ':') indent += kIndent;
  insert_at_cursor("\n" + std::string(size_t(indent), ' '));
  changed();
}

void EditorBuffer::backspace() {
  if (!has_selection() && cursor_ == TextPos{}) return;
  checkpoint(false);
  if (!has_selection()) {
    const std::string& l = lines_[size_t(cursor_.line)];
    // In the indentation, back to the previous multiple of four.
    int spaces = leading_spaces(l);
    if (cursor_.col > 0 && cursor_.col <= spaces) {
      int to = (cursor_.col - 1) / kIndent * kIndent;
      anchor_ = TextPos{cursor_.line, to};
    } else {
      TextPos keep = cursor_;
      move(Move::Left, false);
      anchor_ = keep;
    }
  }
  erase_selection();
  changed();
}

void EditorBuffer::del() {
  if (!has_selection()) {
    TextPos keep = cursor_;
    move(Move::Right, false);
    if (cursor_ == keep) return;
    anchor_ = keep;
  }
  checkpoint(false);
  erase_selection();
  changed();
}

void EditorBuffer::indent() {
  checkpoint(false);
  if (!has_selection() || selection_begin().line == selection_end().line) {
    erase_selection();
    int to = (cursor_.col / kIndent + 1) * kIndent;
    insert_at_cursor(std::string(size_t(to - cursor_.col), ' '));
  } else {
    TextPos a = selection_begin(), b = selection_end();
    int last = b.col == 0 ? b.line - 1 : b.line;
    for (int i = a.line; i <= last; ++i) lines_[size_t(i)].insert(0, std::string(kIndent, ' '));
    anchor_ = TextPos{a.line, 0};
    cursor_ = clamp(TextPos{b.line, b.col == 0 ? 0 : b.col + kIndent});
  }
  changed();
}

void EditorBuffer::dedent() {
  TextPos a = selection_begin(), b = selection_end();
  int last = has_selection() && b.col == 0 && b.line > a.line ? b.line - 1 : b.line;
  bool any = false;
  for (int i = a.line; i <= last; ++i) any = any || leading_spaces(lines_[size_t(i)]) > 0;
  if (!any) return;
  checkpoint(false);
  auto shift = [&](TextPos& p, int line, int removed) {
    if (p.line == line) p.col = std::max(0, p.col - removed);
  };
  for (int i = a.line; i <= last; ++i) {
    int n = std::min(kIndent, leading_spaces(lines_[size_t(i)]));
    lines_[size_t(i)].erase(0, size_t(n));
    shift(cursor_, i, n);
    shift(anchor_, i, n);
  }
  changed();
}

bool EditorBuffer::undo() {
  if (undo_.empty()) return false;
  redo_.push_back(Snapshot{lines_, cursor_, anchor_});
  Snapshot s = std::move(undo_.back());
  undo_.pop_back();
  lines_ = std::move(s.lines);
  cursor_ = s.cursor;
  anchor_ = s.anchor;
  typing_ = false;
  changed();
  return true;
}

bool EditorBuffer::redo() {
  if (redo_.empty()) return false;
  undo_.push_back(Snapshot{lines_, cursor_, anchor_});
  Snapshot s = std::move(redo_.back());
  redo_.pop_back();
  lines_ = std::move(s.lines);
  cursor_ = s.cursor;
  anchor_ = s.anchor;
  typing_ = false;
  changed();
  return true;
}

bool EditorBuffer::find(const std::string& needle, bool forward) {
  if (needle.empty()) return false;
  std::string all = text();
  size_t at = std::string::npos;
  if (forward) {
    size_t from = pos_to_offset(has_selection() ? selection_end() : cursor_);
    at = all.find(needle, from);
    if (at == std::string::npos) at = all.find(needle);
  } else {
    size_t from = pos_to_offset(has_selection() ? selection_begin() : cursor_);
    at = from == 0 ? std::string::npos : all.rfind(needle, from - 1);
    if (at == std::string::npos) at = all.rfind(needle);
  }
  if (at == std::string::npos) return false;
  anchor_ = offset_to_pos(at);
  cursor_ = offset_to_pos(at + needle.size());
  typing_ = false;
  return true;
}

size_t EditorBuffer::count(const std::string& needle) const {
  if (needle.empty()) return 0;
  std::string all = text();
  size_t n = 0;
  for (size_t at = all.find(needle); at != std::string::npos; at = all.find(needle, at + needle.size())) ++n;
  return n;
}

}  // namespace loopscope::gui
