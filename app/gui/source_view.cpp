// The source view: the scenario's code with line numbers and colours, the
// running line highlighted, and a marker per suspended task at its line.
#include <algorithm>
#include <cstdlib>

#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/syntax.hpp"
#include "app/gui/task_card.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {

namespace {

using AtLine = ViewCache::AtLine;
constexpr size_t kMarkersPerLine = 12;

// Tasks suspended at each line: the first few of each and how many in
// all, once per cursor (100,000 tasks may sit on one line).
const std::vector<AtLine>& tasks_at_lines(const Session& s) {
  ViewCache& v = s.views;
  if (v.at_line_cursor == s.cursor) return v.at_line;
  v.at_line.assign(s.source.lines.size() + 1, AtLine{});
  for (const TaskView& t : s.state.tasks) {
    if (t.line && t.line < v.at_line.size() &&
        (t.state == TaskState::Waiting || t.state == TaskState::Ready || t.state == TaskState::Running)) {
      AtLine& l = v.at_line[t.line];
      if (l.first.size() < kMarkersPerLine) l.first.push_back(t.id);
      ++l.count;
    }
  }
  v.at_line_cursor = s.cursor;
  return v.at_line;
}

// The compile errors of one line, as the CLI prints their first line.
std::string errors_at(const Session& s, uint32_t line_no) {
  std::string out;
  for (const Diagnostic& d : s.errors) {
    if (d.line != int(line_no)) continue;
    if (!out.empty()) out += "   ";
    std::string first = d.format();
    out += first.substr(0, first.find('\n'));
  }
  return out;
}

// Goes to the next moment line `line_no` runs (back: the last one before
// the cursor), or says there is none.
void jump_to_line_run(Session& s, UiState& ui, uint32_t line_no, bool back, double now) {
  size_t k = line_runs_at(s, line_no, !back);
  if (k != SIZE_MAX) s.seek(k, now);
  else ui.status = "Line " + std::to_string(line_no) + (back ? " did not run before this step." : " does not run again after this step.");
}

// The line number is a button: a click goes to the next moment the line
// runs, Shift+click to the last one before the cursor.
void line_number_button(Session& s, UiState& ui, uint32_t line_no, ImVec2 p, ImVec2 size, double now) {
  ImGui::SetCursorScreenPos(p);
  ImGui::PushID(int(line_no));
  if (ImGui::InvisibleButton("line", size)) jump_to_line_run(s, ui, line_no, ImGui::GetIO().KeyShift, now);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Line %u: click to go to when it next runs (a task suspends or resumes there, or it prints or\n"
                      "blocks); Shift+click: when it last ran.",
                      line_no);
  }
  ImGui::PopID();
  ImGui::SetCursorScreenPos(p);
}

// `click line N` in a drive script: line N's number, clicked, whether or
// not it is scrolled into view.
void scripted_line_click(Session& s, UiState& ui, double now) {
  if (ui.click.rfind("line ", 0) != 0 || !s.loaded() || s.stale) return;
  uint32_t line_no = uint32_t(std::strtoul(ui.click.c_str() + 5, nullptr, 10));
  if (line_no == 0 || line_no > s.source.lines.size()) return;
  ui.click.clear();
  jump_to_line_run(s, ui, line_no, false, now);
}

}  // namespace

void draw_source(Session& s, UiState& ui, double now) {
  std::string title = s.loaded() ? (s.run->path.empty() ? s.run->name : s.run->path) : s.target;
  if (s.stale) title += "  (stale: the panels show the last run that compiled)";
  ImGui::PushFont(fonts().title);
  float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("Source").x - em(12);
  ImGui::PopFont();
  title = fit_text(title, room);
  panel_title("Source", title.empty() ? nullptr : title.c_str());
  if (s.source.lines.empty()) {
    empty_state("No scenario loaded. Open a .py file (Ctrl+O) or pick a lesson from the Scenarios menu.");
    return;
  }
  // A run older than the text has no lines to mark in it.
  static const std::vector<AtLine> kNoMarkers;
  const std::vector<AtLine>& at_line = s.stale || !s.loaded() ? kNoMarkers : tasks_at_lines(s);
  scripted_line_click(s, ui, now);
  uint32_t running_line = gui::running_line(s);
  uint32_t raised_line = s.stale ? 0 : uint32_t(exception_line_at_cursor(s));

  ImGui::BeginChild("code", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushFont(fonts().mono);
  const auto& spans = s.source.spans;
  float line_h = ImGui::GetTextLineHeightWithSpacing();
  float digit_w = ImGui::CalcTextSize("0").x;
  float gutter = digit_w * 4 + em(12);
  size_t& last_cursor = s.views.source_scrolled_for;
  if (s.scroll_to_error && !s.errors.empty()) {
    s.scroll_to_error = false;
    float y = float(std::max(0, s.errors.front().line - 1)) * line_h;
    ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.3f));
  } else if (running_line && last_cursor != s.cursor) {
    float y = (running_line - 1) * line_h;
    float top = ImGui::GetScrollY(), h = ImGui::GetWindowHeight();
    if (y < top || y > top + h - 2 * line_h) ImGui::SetScrollY(std::max(0.0f, y - h * 0.3f));
  }
  last_cursor = s.cursor;

  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGuiListClipper clipper;
  clipper.Begin(int(s.source.lines.size()), line_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      uint32_t line_no = uint32_t(i + 1);
      ImVec2 p = ImGui::GetCursorScreenPos();
      float width = std::max(ImGui::GetWindowWidth(), ImGui::GetContentRegionAvail().x);
      std::string error = s.errors.empty() ? std::string() : errors_at(s, line_no);
      ImVec2 row_end(p.x + width + ImGui::GetScrollX(), p.y + line_h);
      if (!error.empty() || line_no == raised_line) dl->AddRectFilled(p, row_end, colors::kErrorLine);
      else if (line_no == running_line) dl->AddRectFilled(p, row_end, colors::kRunLine);
      char num[16];
      std::snprintf(num, sizeof num, "%4u", line_no);
      dl->AddText(p, line_no == running_line ? colors::kText : colors::kDim, num);
      if (s.loaded() && !s.stale) line_number_button(s, ui, line_no, p, ImVec2(digit_w * 4 + em(6), line_h), now);
      const std::string& text = s.source.lines[size_t(i)];
      float x = p.x + gutter;
      for (const SyntaxSpan& sp : spans[size_t(i)]) {
        const char* b = text.c_str() + sp.begin;
        const char* e = text.c_str() + sp.end;
        dl->AddText(ImVec2(x, p.y), syntax_color(sp.kind), b, e);
        x += ImGui::CalcTextSize(b, e).x;
      }
      if (line_no == raised_line && error.empty()) error = "raised here: " + s.run->traceback.back();
      if (!error.empty()) {
        // The message beside the code, as the CLI prints it.
        x += digit_w * 4;
        dl->AddText(ImVec2(x, p.y), colors::kErrorText, error.c_str());
        x += ImGui::CalcTextSize(error.c_str()).x;
      }
      ImGui::Dummy(ImVec2(x - p.x + em(8), ImGui::GetTextLineHeight()));
      // Task markers after the code.
      if (line_no < at_line.size() && at_line[line_no].count) {
        const AtLine& here = at_line[line_no];
        float mx = std::max(x + em(16), p.x + gutter + digit_w * 44);
        size_t drawn = 0;
        float right = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() + ImGui::GetScrollX();
        for (uint32_t tid : here.first) {
          if (drawn > 0 && mx + em(80) > right) break;
          ++drawn;
          const TaskView& t = s.state.tasks[tid];
          std::string name(s.str(t.name));
          ImVec2 sz = ImGui::CalcTextSize(name.c_str());
          ImVec2 a(mx, p.y + em(1)), b(mx + sz.x + em(12), p.y + line_h - em(1));
          bool selected = ui.selected_task == tid;
          dl->AddRectFilled(a, b, state_color(t.state, 0.85f), 4);
          if (selected) dl->AddRect(a, b, colors::kSelection, 4, 0, 2);
          dl->AddText(ImVec2(mx + em(6), p.y), IM_COL32(20, 20, 24, 255), name.c_str());
          ImGui::SetCursorScreenPos(a);
          ImGui::PushID(int(tid));
          if (ImGui::InvisibleButton("marker", ImVec2(b.x - a.x, b.y - a.y))) select_task(ui, tid);
          if (ImGui::IsItemHovered()) {
            std::string awaits = t.awaiting == kNoString ? std::string(task_state_name(t.state))
                                                         : "awaits " + await_description(s, t.awaiting);
            ImGui::SetTooltip("%s is %s at line %u\n%s\nClick: its variables, and why it is not running", task_title(s, tid).c_str(),
                              task_state_name(t.state), line_no, awaits.c_str());
          }
          ImGui::PopID();
          mx = b.x + em(6);
        }
        if (drawn < here.count) {
          std::string more = "+" + with_commas(here.count - drawn);
          dl->AddText(ImVec2(mx + em(2), p.y), colors::kDim, more.c_str());
        }
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + line_h));
      }
    }
  }
  clipper.End();
  ImGui::PopFont();
  ImGui::EndChild();
}

}  // namespace loopscope::gui
