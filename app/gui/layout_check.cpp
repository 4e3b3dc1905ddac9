#include "app/gui/layout_check.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>

namespace loopscope::gui {

namespace {

// Cuts of less than this are rounding, not a lost letter.
constexpr float kSlack = 1.5f;

// "##main/code_1A2B" -> "main/code": the name a reader recognises.
std::string shown_name(const char* name) {
  std::string out;
  for (const char* p = name; *p; ++p) {
    if (p[0] == '#' && p[1] == '#') {
      ++p;
      continue;
    }
    out += *p;
  }
  size_t id = out.rfind('_');
  if (id != std::string::npos && id + 9 == out.size()) out.erase(id);  // a child's "_%08X" id
  return out;
}

std::string px(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f px", double(v));
  return buf;
}

void check_window(const ImGuiWindow& w, std::vector<std::string>& out) {
  if (!w.WasActive || w.Hidden || w.SkipItems || (w.Flags & ImGuiWindowFlags_Tooltip)) return;
  float deco_y = w.TitleBarHeight() + w.MenuBarHeight();
  float room_x = w.Size.x - w.ScrollbarSizes.x;
  float room_y = w.Size.y - w.ScrollbarSizes.y - deco_y;
  float need_x = w.ContentSize.x + w.WindowPadding.x * 2;
  float need_y = w.ContentSize.y + w.WindowPadding.y * 2;
  std::string name = shown_name(w.Name);
  if (need_x > room_x + kSlack && !w.ScrollbarX) {
    out.push_back("window '" + name + "': content " + px(need_x) + " wide in " + px(room_x) + ", no scrollbar");
  }
  if (need_y > room_y + kSlack && !w.ScrollbarY) {
    out.push_back("window '" + name + "': content " + px(need_y) + " tall in " + px(room_y) + ", no scrollbar");
  }
}

void check_table(ImGuiTable& t, int frame, std::vector<std::string>& out) {
  if (t.LastFrameActive != frame || !t.OuterWindow || (t.Flags & ImGuiTableFlags_ScrollX)) return;
  for (int n = 0; n < t.ColumnsCount; ++n) {
    const ImGuiTableColumn& c = t.Columns[n];
    if (!c.IsEnabled || !c.IsVisibleX) continue;
    float edge = c.ClipRect.Max.x;
    float used = std::max(std::max(c.ContentMaxXUnfrozen, c.ContentMaxXFrozen), c.ContentMaxXHeadersIdeal);
    if (used <= edge + kSlack) continue;
    const char* col = ImGui::TableGetColumnName(&t, n);
    out.push_back("table in '" + shown_name(t.OuterWindow->Name) + "' column '" + (col && *col ? col : std::to_string(n)) +
                  "': content " + px(used - edge) + " past its edge");
  }
}

}  // namespace

std::vector<std::string> clipped_in_last_frame() {
  std::vector<std::string> out;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (ImGuiWindow* w : g.Windows) check_window(*w, out);
  for (int i = 0; i < g.Tables.GetMapSize(); ++i) {
    if (ImGuiTable* t = g.Tables.TryGetMapData(i)) check_table(*t, g.FrameCount, out);
  }
  return out;
}

}  // namespace loopscope::gui
