// The Event log tab: every event of the trace in a clipped list, filtered
// by kind, text and task; clicking a row moves the cursor to it.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {

namespace {

const char* const kKinds[] = {"all events", "task steps", "ready queue", "timers", "loop iterations", "output"};

bool kind_matches(int filter, Ev k) {
  switch (filter) {
    case 1: return k == Ev::TaskNew || k == Ev::Step || k == Ev::Wait || k == Ev::Yield || k == Ev::Done ||
                   k == Ev::Cancel || k == Ev::Uncancel || k == Ev::Rename;
    case 2: return k == Ev::Soon || k == Ev::Run || k == Ev::Skip || k == Ev::Due || k == Ev::HandleCancel;
    case 3: return k == Ev::Timer || k == Ev::TimerCancel || k == Ev::Due || k == Ev::Advance;
    case 4: return k == Ev::Iter || k == Ev::Advance || k == Ev::RunUntil || k == Ev::RunUntilEnd ||
                   k == Ev::LoopNew || k == Ev::LoopClose || k == Ev::Block;
    case 5: return k == Ev::Output || k == Ev::Warning || k == Ev::AsyncioError || k == Ev::Stderr ||
                   k == Ev::Traceback || k == Ev::Deadlock || k == Ev::Limit;
    default: return true;
  }
}

uint32_t event_task(const Replay& r, const Event& e) {
  switch (e.kind) {
    case Ev::TaskNew: case Ev::Step: case Ev::Wait: case Ev::Yield: case Ev::Done:
    case Ev::Cancel: case Ev::Uncancel: case Ev::Rename:
      return e.a;
    case Ev::Soon: case Ev::Run: case Ev::Due: case Ev::Skip:
      return r.handle_task(e.a);
    default:
      return UINT32_MAX;
  }
}

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// How long one frame may spend filtering; a 2-million-event trace with a
// text filter takes several frames, and the list fills in as it goes.
constexpr double kFrameBudgetSeconds = 0.006;

}  // namespace

void update_rows(const Replay& r, EventLogView& v, uint32_t task, double budget_seconds) {
  std::string key = std::to_string(v.kind) + "|" + v.text + "|" + std::to_string(task);
  if (key != v.built_for || v.built_size != r.size() || v.built_serial != r.serial()) {
    v.rows.clear();
    v.scanned = 0;
    v.built_for = key;
    v.built_size = r.size();
    v.built_serial = r.serial();
  }
  if (v.scanned >= r.size()) return;
  std::string needle = lower(v.text);
  auto start = std::chrono::steady_clock::now();
  const Trace& t = r.trace();
  const size_t n = r.size();
  // Text matching formats each event; kind and task tests are cheap, so a
  // slice is a few thousand events when there is text and more otherwise.
  const size_t slice = needle.empty() ? 262144 : 2048;
  size_t i = v.scanned;
  while (i < n) {
    size_t end = std::min(n, i + slice);
    for (; i < end; ++i) {
      const Event e = t[i];
      if (e.kind == Ev::Ext || !kind_matches(v.kind, e.kind)) continue;
      if (task != UINT32_MAX && event_task(r, e) != task) continue;
      if (!needle.empty() && lower(event_text(r, i)).find(needle) == std::string::npos) continue;
      v.rows.push_back(uint32_t(i));
    }
    if (budget_seconds > 0 &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > budget_seconds) {
      break;
    }
  }
  v.scanned = i;
}

void draw_event_log(Session& s, UiState& ui, double now) {
  if (!s.loaded()) {
    empty_state("Every event of the run is listed here once a scenario is loaded.");
    return;
  }
  EventLogView& v = ui.log;
  ImGui::SetNextItemWidth(em(150));
  ImGui::Combo("##kind", &v.kind, kKinds, IM_ARRAYSIZE(kKinds));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em(220));
  ImGui::InputTextWithHint("##text", "filter text, e.g. Task-2", v.text, sizeof v.text);
  ImGui::SameLine();
  ImGui::Checkbox("only the selected task", &v.only_selected);
  ImGui::SameLine();
  ImGui::Checkbox("follow the cursor", &v.follow);

  const Replay& r = *s.replay;
  uint32_t task = v.only_selected ? ui.selected_task : UINT32_MAX;
  update_rows(r, v, task, kFrameBudgetSeconds);
  if (v.scanned < r.size()) {
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "filtering... %d%%",
                       int(100.0 * double(v.scanned) / double(std::max<size_t>(1, r.size()))));
  }

  ImGui::BeginChild("events", ImVec2(0, 0), false);
  ImGui::PushFont(fonts().mono);
  // The row of the last event applied (the "current" one).
  size_t current = s.cursor ? r.prev_event(s.cursor) : SIZE_MAX;
  size_t& last_cursor = s.views.log_scrolled_for;
  float row_h = ImGui::GetTextLineHeightWithSpacing();
  if (v.follow && last_cursor != s.cursor && current != SIZE_MAX) {
    auto it = std::lower_bound(v.rows.begin(), v.rows.end(), uint32_t(current));
    float y = float(it - v.rows.begin()) * row_h;
    float top = ImGui::GetScrollY(), h = ImGui::GetWindowHeight();
    if (y < top || y > top + h - 2 * row_h) ImGui::SetScrollY(std::max(0.0f, y - h * 0.5f));
  }
  last_cursor = s.cursor;
  ImGuiListClipper clipper;
  clipper.Begin(int(v.rows.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      uint32_t ev = v.rows[size_t(i)];
      char head[48];
      std::snprintf(head, sizeof head, "%7u  [%.3f]  ", ev, r.time_at(ev));
      // A line can be megabytes (a gather of 100,000 tasks): the row shows
      // its start, more than the widest window holds.
      std::string line = head + clip_text(event_text(r, ev), 600);
      bool applied = ev < s.cursor;
      ImGui::PushID(int(ev));
      ImGui::PushStyleColor(ImGuiCol_Text, applied ? ImVec4(0.88f, 0.9f, 0.93f, 1) : ImVec4(0.55f, 0.57f, 0.62f, 1));
      if (ImGui::Selectable(line.c_str(), ev == current)) s.seek(r.after(ev), now);
      ImGui::PopStyleColor();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", explain_event(r, ev).c_str());
      ImGui::PopID();
    }
  }
  clipper.End();
  ImGui::PopFont();
  ImGui::EndChild();
}

}  // namespace loopscope::gui
