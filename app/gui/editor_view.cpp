// The Editor panel: the open scenario's text with line numbers and the
// Source view's colours, a cursor and selection, undo/redo, find, and the
// compile errors of the text marked in place with the message beside.
// Keys come from the ordered input queue (every press counts, however
// many arrive in one frame) while the editor has the focus.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace loopscope::gui {

namespace {

constexpr double kCheckDelay = 0.4;  // seconds after the last edit before the text is compiled

std::string utf8(uint32_t c) {
  std::string out;
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
  return out;
}

void find(EditorState& e, bool forward) {
  if (!e.find_text[0]) return;
  e.find_message = e.buffer.find(e.find_text, forward)
                       ? std::to_string(e.buffer.count(e.find_text)) + " found"
                       : "not found";
  e.scroll_to_cursor = true;
}

void open_find(EditorState& e) {
  e.find_open = e.find_focus = true;
  std::string sel = e.buffer.selected_text();
  if (!sel.empty() && sel.find('\n') == std::string::npos) std::snprintf(e.find_text, sizeof e.find_text, "%s", sel.c_str());
}

// A key with Ctrl held; true when it was the editor's.
bool ctrl_key(EditorState& e, int key, bool shift) {
  EditorBuffer& b = e.buffer;
  switch (key) {
    case GLFW_KEY_Z: shift ? b.redo() : b.undo(); return true;
    case GLFW_KEY_Y: b.redo(); return true;
    case GLFW_KEY_A: b.select_all(); return true;
    case GLFW_KEY_C: if (b.has_selection()) ImGui::SetClipboardText(b.selected_text().c_str()); return true;
    case GLFW_KEY_X:
      if (b.has_selection()) {
        ImGui::SetClipboardText(b.selected_text().c_str());
        b.del();
      }
      return true;
    case GLFW_KEY_V:
      if (const char* t = ImGui::GetClipboardText()) b.paste(t);
      return true;
    case GLFW_KEY_F: open_find(e); return true;
    case GLFW_KEY_LEFT: b.move(EditorBuffer::Move::WordLeft, shift); return true;
    case GLFW_KEY_RIGHT: b.move(EditorBuffer::Move::WordRight, shift); return true;
    case GLFW_KEY_HOME: b.move(EditorBuffer::Move::Top, shift); return true;
    case GLFW_KEY_END: b.move(EditorBuffer::Move::Bottom, shift); return true;
    default: return false;
  }
}

void plain_key(EditorState& e, int key, bool shift, int page) {
  using M = EditorBuffer::Move;
  EditorBuffer& b = e.buffer;
  switch (key) {
    case GLFW_KEY_LEFT: b.move(M::Left, shift); break;
    case GLFW_KEY_RIGHT: b.move(M::Right, shift); break;
    case GLFW_KEY_UP: b.move(M::Up, shift); break;
    case GLFW_KEY_DOWN: b.move(M::Down, shift); break;
    case GLFW_KEY_HOME: b.move(M::Home, shift); break;
    case GLFW_KEY_END: b.move(M::End, shift); break;
    case GLFW_KEY_PAGE_UP: b.move(M::PageUp, shift, page); break;
    case GLFW_KEY_PAGE_DOWN: b.move(M::PageDown, shift, page); break;
    case GLFW_KEY_BACKSPACE: b.backspace(); break;
    case GLFW_KEY_DELETE: b.del(); break;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: b.newline(); break;
    case GLFW_KEY_TAB: shift ? b.dedent() : b.indent(); break;
    case GLFW_KEY_F3: find(e, !shift); break;
    case GLFW_KEY_ESCAPE:
      if (e.find_open) e.find_open = false;
      else e.focused = false;
      break;
    default: break;
  }
}

void editor_input(UiState& ui, int page) {
  EditorState& e = ui.editor;
  // A field being typed in, or a dialog or question open: not the editor's keys.
  if (!e.focused || ImGui::GetIO().WantTextInput || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
  for (const InputEvent& ev : ui.input) {
    bool ctrl = (ev.mods & GLFW_MOD_CONTROL) != 0, shift = (ev.mods & GLFW_MOD_SHIFT) != 0;
    if (ev.key < 0) {
      if (ev.ch >= 32 && ev.ch != 127) e.buffer.type(utf8(ev.ch));
    } else if (ctrl) {
      if (!ctrl_key(e, ev.key, shift)) continue;
    } else {
      plain_key(e, ev.key, shift, page);
    }
    e.scroll_to_cursor = true;
  }
}

void header(Session& s, UiState& ui) {
  EditorState& e = ui.editor;
  if (control_button(ui, "Save")) save_editor(s, ui);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+S: save and run again");
  ImGui::SameLine();
  if (control_button(ui, "Save As...")) start_save_as(s, ui, SaveMode::SaveAs);
  ImGui::SameLine();
  ImGui::BeginDisabled(!e.buffer.can_undo());
  if (control_button(ui, "Undo")) e.buffer.undo();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!e.buffer.can_redo());
  if (control_button(ui, "Redo")) e.buffer.redo();
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (control_button(ui, "Find")) open_find(e);
  ImGui::SameLine();
  std::string what = e.path.empty() ? e.target + " (built-in: saved as a copy)" : e.path;
  what += e.buffer.modified() ? "  - modified" : "  - saved";
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "%s",
                     fit_text(what, ImGui::GetContentRegionAvail().x).c_str());
}

void find_bar(UiState& ui) {
  EditorState& e = ui.editor;
  if (!e.find_open) return;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Find");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(em(220), ImGui::GetContentRegionAvail().x * 0.4f));
  if (e.find_focus) ImGui::SetKeyboardFocusHere();
  e.find_focus = false;
  if (ImGui::InputText("##find", e.find_text, sizeof e.find_text, ImGuiInputTextFlags_EnterReturnsTrue)) {
    find(e, !ImGui::GetIO().KeyShift);
    e.find_focus = true;  // Enter again finds the next one
  }
  if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) e.find_open = false;
  if (ImGui::IsItemActive() && ImGui::IsKeyPressed(GLFW_KEY_F3)) find(e, !ImGui::GetIO().KeyShift);
  ImGui::SameLine();
  if (control_button(ui, "Next")) find(e, true);
  ImGui::SameLine();
  if (control_button(ui, "Previous")) find(e, false);
  ImGui::SameLine();
  if (control_button(ui, "Close##find")) e.find_open = false;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Escape");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", fit_text(e.find_message, ImGui::GetContentRegionAvail().x).c_str());
}

// The errors to mark: while edited, the text's own (checked a moment
// after typing stops); else those of the last load of this file.
const std::vector<Diagnostic>& errors_to_mark(const Session& s, EditorState& e, double now) {
  unsigned v = e.buffer.version();
  if (v != e.edited_version) {
    e.edited_version = v;
    e.edited_at = now;
  }
  if (!e.buffer.modified()) return s.target == e.target ? s.errors : e.errors;
  if (e.checked_version != v && now - e.edited_at >= kCheckDelay) {
    std::string file = e.path.empty() ? e.target : e.path;
    e.errors = compile_errors(file, e.buffer.text());
    e.checked_version = v;
  }
  return e.errors;
}

std::string error_text(const std::vector<Diagnostic>& errors, int line) {
  std::string out;
  for (const Diagnostic& d : errors) {
    if (d.line != line) continue;
    std::string f = d.format();
    out += (out.empty() ? "" : "   ") + f.substr(0, f.find('\n'));
  }
  return out;
}

// One line above the text: the first error (the panel may be too narrow
// for the message beside its line), all of them on hover.
void error_strip(const std::vector<Diagnostic>& errors) {
  if (errors.empty()) return;
  const Diagnostic& d = errors.front();
  std::string first = "line " + std::to_string(d.line) + ": " + d.message;
  if (errors.size() > 1) first = std::to_string(errors.size()) + " errors; " + first;
  ImGui::TextColored(ImVec4(1, 0.6f, 0.6f, 1), "%s", fit_text(first, ImGui::GetContentRegionAvail().x).c_str());
  if (ImGui::IsItemHovered()) {
    std::string all;
    for (const Diagnostic& x : errors) all += x.format();
    ImGui::SetTooltip("%s", all.c_str());
  }
}

float col_x(const std::string& line, int col) { return ImGui::CalcTextSize(line.c_str(), line.c_str() + col).x; }

int col_at(const std::string& line, float x) {
  int col = 0;
  while (col < int(line.size())) {
    int next = col + 1;
    while (next < int(line.size()) && (static_cast<unsigned char>(line[size_t(next)]) & 0xC0) == 0x80) ++next;
    float mid = (col_x(line, col) + col_x(line, next)) * 0.5f;
    if (x < mid) break;
    col = next;
  }
  return col;
}

void draw_line(const EditorState& e, const std::string& text, size_t i, ImVec2 p, float gutter, float line_h,
               const std::string& error) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float right = p.x + std::max(ImGui::GetWindowWidth(), col_x(text, int(text.size())) + gutter) + ImGui::GetScrollX();
  if (!error.empty()) dl->AddRectFilled(p, ImVec2(right, p.y + line_h), colors::kErrorLine);
  const EditorBuffer& b = e.buffer;
  TextPos sa = b.selection_begin(), sb = b.selection_end();
  int li = int(i);
  if (b.has_selection() && li >= sa.line && li <= sb.line) {
    float x0 = p.x + gutter + (li == sa.line ? col_x(text, sa.col) : 0);
    float x1 = p.x + gutter + (li == sb.line ? col_x(text, sb.col) : col_x(text, int(text.size())) + em(6));
    dl->AddRectFilled(ImVec2(x0, p.y), ImVec2(x1, p.y + line_h), IM_COL32(60, 90, 150, 200));
  }
  char num[16];
  std::snprintf(num, sizeof num, "%4zu", i + 1);
  dl->AddText(p, li == b.cursor().line ? colors::kText : colors::kDim, num);
  float x = p.x + gutter;
  if (i < e.spans.size()) {
    for (const SyntaxSpan& sp : e.spans[i]) {
      const char* s0 = text.c_str() + sp.begin;
      const char* s1 = text.c_str() + sp.end;
      dl->AddText(ImVec2(x, p.y), syntax_color(sp.kind), s0, s1);
      x += ImGui::CalcTextSize(s0, s1).x;
    }
  }
  if (!error.empty()) dl->AddText(ImVec2(x + em(24), p.y), colors::kErrorText, error.c_str());
  if (li == b.cursor().line && e.focused) {
    float cx = p.x + gutter + col_x(text, b.cursor().col);
    dl->AddLine(ImVec2(cx, p.y), ImVec2(cx, p.y + line_h), colors::kText, std::max(1.0f, em(2)));
  }
}

void scroll_to_cursor(EditorState& e, float gutter, float line_h) {
  if (!e.scroll_to_cursor) return;
  e.scroll_to_cursor = false;
  TextPos c = e.buffer.cursor();
  float y = float(c.line) * line_h, top = ImGui::GetScrollY();
  float h = ImGui::GetWindowHeight() - ImGui::GetStyle().ScrollbarSize;
  if (y < top) ImGui::SetScrollY(y);
  else if (y + 2 * line_h > top + h) ImGui::SetScrollY(y + 2 * line_h - h);
  float x = gutter + col_x(e.buffer.lines()[size_t(c.line)], c.col), left = ImGui::GetScrollX(), w = ImGui::GetWindowWidth();
  if (x < left + gutter) ImGui::SetScrollX(std::max(0.0f, x - gutter));
  else if (x + em(40) > left + w) ImGui::SetScrollX(x + em(40) - w);
}

void mouse(EditorState& e, ImVec2 origin, float gutter, float line_h) {
  bool hovered = ImGui::IsWindowHovered();
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  if (ImGui::IsMouseClicked(0) && !hovered) e.focused = false;
  bool press = hovered && ImGui::IsMouseClicked(0);
  bool drag = e.focused && ImGui::IsMouseDragging(0) && ImGui::IsWindowFocused();
  if (!press && !drag) return;
  ImVec2 m = ImGui::GetMousePos();
  int line = std::clamp(int((m.y - origin.y) / line_h), 0, int(e.buffer.lines().size()) - 1);
  int col = col_at(e.buffer.lines()[size_t(line)], m.x - origin.x - gutter);
  e.buffer.place(TextPos{line, col}, drag || ImGui::GetIO().KeyShift);
  e.focused = true;
}

}  // namespace

void draw_editor(Session& s, UiState& ui, double now) {
  EditorState& e = ui.editor;
  header(s, ui);
  find_bar(ui);
  const std::vector<Diagnostic>& errors = errors_to_mark(s, e, now);
  error_strip(errors);
  ImGui::BeginChild("editor_code", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushFont(fonts().mono);
  float line_h = ImGui::GetTextLineHeightWithSpacing();
  float gutter = ImGui::CalcTextSize("0").x * 4 + em(12);
  if (e.focus_requested) {
    e.focus_requested = false;
    e.focused = true;
    ImGui::SetWindowFocus();
  }
  editor_input(ui, std::max(1, int(ImGui::GetWindowHeight() / line_h) - 1));
  if (e.spans_version != e.buffer.version()) {
    e.spans = highlight_python(e.buffer.lines());
    e.spans_version = e.buffer.version();
  }
  scroll_to_cursor(e, gutter, line_h);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  mouse(e, origin, gutter, line_h);
  const auto& lines = e.buffer.lines();
  float widest = 0;
  for (const std::string& l : lines) widest = std::max(widest, float(l.size()));
  ImGuiListClipper clipper;
  clipper.Begin(int(lines.size()), line_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      ImVec2 p = ImGui::GetCursorScreenPos();
      std::string error = errors.empty() ? std::string() : error_text(errors, i + 1);
      draw_line(e, lines[size_t(i)], size_t(i), p, gutter, line_h, error);
      ImGui::Dummy(ImVec2(gutter + widest * ImGui::CalcTextSize("0").x + em(40), ImGui::GetTextLineHeight()));
    }
  }
  clipper.End();
  ImGui::PopFont();
  ImGui::EndChild();
}

}  // namespace loopscope::gui
