// The Timeline tab: one lane per task over event index (or virtual time):
// running slices, waiting spans labelled with what was awaited, timer
// markers (a strip of fired timers under the ruler, a diamond where a sleep
// ends), red spans where the loop was blocked, arrows from the event that
// woke a task to its resume. Wheel zooms, drag pans, click seeks.
//
// Level of detail: only visible lanes are drawn (clipper), a lane's spans
// are found by binary search, and where several spans fall in one pixel
// column the column is drawn once as "busy" and the rest are skipped, so a
// frame costs about lanes x pixels, not the trace's size.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/task_card.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {

void draw_timeline(Session& s, UiState& ui, double now) {
  if (!s.loaded() || s.replay->task_count() == 0) {
    empty_state("Each task gets a lane here once it exists.");
    return;
  }
  const Replay& r = *s.replay;
  TimelineView& tv = ui.timeline;
  ImGui::Checkbox("x axis: virtual time", &tv.by_time);
  ImGui::SameLine();
  if (ImGui::SmallButton("Fit")) tv.begin = tv.end = 0;
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim),
                     "wheel: zoom   drag: pan   click: go to that step");

  double full_end = tv.by_time ? std::max(r.end_time(), 1e-3) : double(r.size());
  if (tv.end <= tv.begin) {
    tv.begin = 0;
    tv.end = full_end;
  }
  auto pos_of_event = [&](size_t i) -> double { return tv.by_time ? r.time_at(i + 1) : double(i); };

  ImGui::BeginChild("lanes", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // Room for a task's name and call ("Task-2 fetch('a', 1)"), at most a
  // fifth of the width.
  const float label_w = std::min(em(190), avail.x * 0.2f);
  float x0 = o.x + label_w, x1 = o.x + avail.x - em(4);
  float lane_h = em(tv.lane_height);
  auto xof = [&](double v) { return float(x0 + (x1 - x0) * ((v - tv.begin) / (tv.end - tv.begin))); };
  auto vof = [&](float x) { return tv.begin + (x - x0) / (x1 - x0) * (tv.end - tv.begin); };

  // Tasks shown: all, or without asyncio internals; and the lane index of
  // each task, for arrows. Fixed for a run: computed once, not per frame.
  ViewCache& cache = s.views;
  if (!cache.lanes_built || cache.lanes_internals != ui.show_internals) {
    cache.lanes.clear();
    for (uint32_t t = 0; t < r.task_count(); ++t) {
      if (!ui.show_internals && is_internal_task(s, t)) continue;
      cache.lanes.push_back(t);
    }
    cache.lane_of.assign(r.task_count(), -1);
    for (size_t i = 0; i < cache.lanes.size(); ++i) cache.lane_of[cache.lanes[i]] = int(i);
    cache.lanes_built = true;
    cache.lanes_internals = ui.show_internals;
  }
  const std::vector<uint32_t>& lanes = cache.lanes;
  const std::vector<int>& lane_of = cache.lane_of;

  float ruler_h = ImGui::GetTextLineHeight() + em(6);
  const float strip_h = em(8);  // fired timers
  float top = o.y + ruler_h + strip_h + em(2);
  // Ruler with a few ticks.
  for (int i = 0; i <= 6; ++i) {
    double v = tv.begin + (tv.end - tv.begin) * i / 6.0;
    float x = xof(v);
    char buf[32];
    if (tv.by_time) std::snprintf(buf, sizeof buf, "%.3fs", v);
    else std::snprintf(buf, sizeof buf, "%.0f", v);
    float w = ImGui::CalcTextSize(buf).x;
    dl->AddText(ImVec2(std::clamp(x - w * 0.5f, x0, x1 - w), o.y), colors::kDim, buf);
    dl->AddLine(ImVec2(x, top - 2), ImVec2(x, o.y + avail.y), IM_COL32(255, 255, 255, 18));
  }
  // Fired timers: one tick per pixel column that has any.
  {
    float sy = o.y + ruler_h;
    const auto& dues = r.timer_dues();
    auto it = std::lower_bound(dues.begin(), dues.end(), 0u, [&](uint32_t e, uint32_t) { return pos_of_event(e) < tv.begin; });
    float last_x = -1e9f;
    for (; it != dues.end(); ++it) {
      double v = pos_of_event(*it);
      if (v > tv.end) break;
      float x = std::floor(xof(v));
      if (x - last_x < 2.0f) {
        // Skip to the first due past this pixel column.
        double next = vof(x + 2.0f);
        auto jump = std::lower_bound(it, dues.end(), 0u, [&](uint32_t e, uint32_t) { return pos_of_event(e) < next; });
        if (jump != it) it = std::prev(jump);
        continue;
      }
      dl->AddRectFilled(ImVec2(x, sy), ImVec2(x + 2, sy + strip_h - em(1)), colors::kTimer);
      last_x = x;
    }
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.8f, ImVec2(o.x + em(4), sy - em(3)), colors::kTimer,
                "timers fired");
    ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered() && mouse.y >= sy - em(3) && mouse.y < sy + strip_h && mouse.x >= o.x) {
      ImGui::SetTooltip("Orange ticks: a timer came due (moved from the heap to the ready queue).\n"
                        "On a lane, a diamond marks where a sleep's timer woke the task.");
    }
  }

  // Vertical scrolling over lanes with the clipper.
  ImGui::SetCursorScreenPos(ImVec2(o.x, top));
  ImGui::BeginChild("lane_rows", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
  ImDrawList* ldl = ImGui::GetWindowDrawList();
  ImGui::PushClipRect(ImGui::GetWindowPos(),
                      ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(), ImGui::GetWindowPos().y + ImGui::GetWindowHeight()),
                      true);
  // Blocked stretches across all lanes.
  float rows_top = ImGui::GetWindowPos().y, rows_bottom = rows_top + ImGui::GetWindowHeight();
  auto first_block = std::lower_bound(r.blocks().begin(), r.blocks().end(), 0u, [&](uint32_t e, uint32_t) {
    return (tv.by_time ? r.trace().number(r.trace()[e].c) : double(e + 1)) < tv.begin;
  });
  for (auto bit = first_block; bit != r.blocks().end(); ++bit) {
    uint32_t b = *bit;
    const Event e = r.trace()[b];
    if ((tv.by_time ? r.time_at(b) : double(b)) > tv.end) break;
    double from = tv.by_time ? r.time_at(b) : double(b);
    double to = tv.by_time ? r.trace().number(e.c) : double(b + 1);
    float xa = xof(from), xb = std::max(xof(to), xa + 3);
    ldl->AddRectFilled(ImVec2(xa, rows_top), ImVec2(xb, rows_bottom), IM_COL32(220, 60, 60, 60));
  }
  ImGuiListClipper clipper;
  clipper.Begin(int(lanes.size()), lane_h);
  // The lanes drawn this frame (ascending) and the y of their middles.
  std::vector<std::pair<size_t, float>> shown;
  auto lane_y = [&](size_t li) -> float {
    auto it = std::lower_bound(shown.begin(), shown.end(), li,
                               [](const std::pair<size_t, float>& p, size_t v) { return p.first < v; });
    return it != shown.end() && it->first == li ? it->second : -1.0f;
  };
  while (clipper.Step()) {
    for (int li = clipper.DisplayStart; li < clipper.DisplayEnd; ++li) {
      uint32_t task = lanes[size_t(li)];
      ImVec2 p = ImGui::GetCursorScreenPos();
      if (shown.empty() || shown.back().first < size_t(li)) shown.emplace_back(size_t(li), p.y + lane_h * 0.5f);
      bool selected = ui.selected_task == task;
      if (selected) ldl->AddRectFilled(ImVec2(o.x, p.y), ImVec2(x1, p.y + lane_h), IM_COL32(255, 255, 255, 20));
      // Cut to the label column (task names can be long).
      std::string name = fit_text(task_title(s, task), label_w - em(8));
      ldl->AddText(ImVec2(o.x + em(4), p.y + (lane_h - ImGui::GetTextLineHeight()) * 0.5f),
                   selected ? colors::kText : colors::kDim, name.c_str());
      const auto& spans = r.spans(task);
      // Spans are in event order and end where the next begins: the first
      // visible one by binary search, then left to right.
      auto end_of = [&](const TaskSpan& sp) { return tv.by_time ? r.time_at(sp.end) : double(sp.end); };
      auto it = std::lower_bound(spans.begin(), spans.end(), tv.begin,
                                 [&](const TaskSpan& sp, double v) { return end_of(sp) < v; });
      // Busy pixel columns side by side with one colour become one rect.
      float busy_a = 0, busy_b = -1;
      ImU32 busy_col = 0;
      auto flush_busy = [&] {
        if (busy_b > busy_a) ldl->AddRectFilled(ImVec2(busy_a, p.y + em(3)), ImVec2(busy_b, p.y + lane_h - em(3)), busy_col);
        busy_b = -1;
      };
      for (; it != spans.end(); ++it) {
        const TaskSpan& sp = *it;
        double a = pos_of_event(sp.begin), b = end_of(sp);
        if (a > tv.end) break;
        float xa = std::max(xof(a), x0), xb = std::min(xof(b), x1);
        if (xb - xa < 1.0f) {
          // Several spans in this pixel column: draw it once as busy and
          // skip to the first span that starts past it.
          float col = std::floor(xa);
          double next = vof(col + 2.0f);
          auto jump = std::lower_bound(it, spans.end(), next,
                                       [&](const TaskSpan& s2, double v) { return pos_of_event(s2.begin) < v; });
          bool many = jump - it > 1;
          ImU32 c = many || sp.kind == SpanKind::Running ? state_color(TaskState::Running, many ? 0.7f : 1.0f)
                                                         : state_color(TaskState::Waiting, 0.45f);
          if (busy_b >= col && busy_col == c) {
            busy_b = col + 2;
          } else {
            flush_busy();
            busy_a = col;
            busy_b = col + 2;
            busy_col = c;
          }
          if (jump != it) it = std::prev(jump);
          continue;
        }
        flush_busy();
        if (sp.kind == SpanKind::Running) {
          xb = std::max(xb, xa + 3);
          ldl->AddRectFilled(ImVec2(xa, p.y + em(3)), ImVec2(xb, p.y + lane_h - em(3)), state_color(TaskState::Running));
        } else if (sp.kind == SpanKind::Waiting) {
          ldl->AddRectFilled(ImVec2(xa, p.y + em(6)), ImVec2(xb, p.y + lane_h - em(6)), state_color(TaskState::Waiting, 0.45f));
          const std::string& label = await_description(s, sp.label);
          float w = ImGui::CalcTextSize(label.c_str()).x;
          if (xb - xa > w + em(8)) ldl->AddText(ImVec2(xa + em(4), p.y + (lane_h - ImGui::GetTextLineHeight()) * 0.5f), colors::kText, label.c_str());
          // A sleep ends when its timer fires: a diamond there.
          float xe = xof(b);
          if (label.rfind("asyncio.sleep", 0) == 0 && sp.end < r.size() && xe >= x0 && xe <= x1) {
            float cy = p.y + lane_h * 0.5f, d = em(4);
            ldl->AddQuadFilled(ImVec2(xe, cy - d), ImVec2(xe + d, cy), ImVec2(xe, cy + d), ImVec2(xe - d, cy), colors::kTimer);
          }
        } else {
          ldl->AddRectFilled(ImVec2(xa, p.y + lane_h * 0.5f - 1), ImVec2(std::max(xb, xa + 1), p.y + lane_h * 0.5f + 1),
                             state_color(TaskState::Ready, 0.8f));
        }
      }
      flush_busy();
      ImGui::Dummy(ImVec2(avail.x, lane_h));
    }
  }
  clipper.End();
  // Wake arrows into visible lanes: from the event that scheduled the wakeup.
  // At most a few hundred: more would be a smear, not information.
  int arrows = 0;
  const int kMaxArrows = 300;
  for (size_t si = 0; si < shown.size() && arrows < kMaxArrows; ++si) {
    const size_t li = shown[si].first;
    const float y_li = shown[si].second;
    const auto& spans = r.spans(lanes[li]);
    auto it = std::lower_bound(spans.begin(), spans.end(), tv.begin,
                               [&](const TaskSpan& sp, double v) { return pos_of_event(sp.begin) < v; });
    for (; it != spans.end() && arrows < kMaxArrows; ++it) {
      const TaskSpan& sp = *it;
      if (sp.kind != SpanKind::Running || sp.woken_by == UINT32_MAX) continue;
      double a = pos_of_event(sp.woken_by), b = pos_of_event(sp.begin);
      if (b > tv.end) break;
      if (a > tv.end) continue;
      ++arrows;
      uint32_t waker = r.task_running_at_event(sp.woken_by);
      float ya = waker < lane_of.size() && lane_of[waker] >= 0 ? lane_y(size_t(lane_of[waker])) : -1.0f;
      if (ya < 0) ya = rows_top + 2;
      float xa = xof(a), xb = xof(b);
      if (xb - xa < 4 && std::fabs(ya - y_li) < 1) continue;
      ImU32 col = IM_COL32(200, 200, 255, 110);
      ldl->AddBezierCubic(ImVec2(xa, ya), ImVec2(xa + (xb - xa) * 0.5f, ya), ImVec2(xa + (xb - xa) * 0.5f, y_li),
                          ImVec2(xb, y_li), col, 1.2f);
      ldl->AddCircleFilled(ImVec2(xb, y_li), 2.5f, col);
    }
  }
  // The cursor.
  double cv = s.cursor ? pos_of_event(r.prev_event(s.cursor)) : 0.0;
  float cx = xof(cv);
  if (cx >= x0 && cx <= x1) ldl->AddLine(ImVec2(cx, rows_top), ImVec2(cx, rows_bottom), colors::kAccent, 2.0f);
  ImGui::PopClipRect();

  // Interaction: wheel zooms around the mouse, drag pans, click seeks.
  ImGuiIO& io = ImGui::GetIO();
  bool hovered = ImGui::IsWindowHovered() && io.MousePos.x >= x0 && io.MousePos.x <= x1;
  double span = tv.end - tv.begin;
  if (hovered && io.MouseWheel != 0) {
    double at = vof(io.MousePos.x);
    double factor = io.MouseWheel > 0 ? 0.8 : 1.25;
    double min_span = tv.by_time ? 1e-4 : 8.0;
    double ns = std::clamp(span * factor, min_span, full_end);
    tv.begin = at - (at - tv.begin) * (ns / span);
    tv.end = tv.begin + ns;
  }
  if (hovered && ImGui::IsMouseDragging(0, 3.0f)) {
    tv.dragging = true;
    double d = io.MouseDelta.x / (x1 - x0) * span;
    tv.begin -= d;
    tv.end -= d;
  }
  if (tv.begin < 0) {
    tv.end -= tv.begin;
    tv.begin = 0;
  }
  if (tv.end > full_end) {
    tv.begin = std::max(0.0, tv.begin - (tv.end - full_end));
    tv.end = full_end;
  }
  if (ImGui::IsMouseReleased(0)) {
    if (hovered && !tv.dragging) {
      double v = vof(io.MousePos.x);
      size_t ev = 0;
      if (tv.by_time) {
        // The first event at or after that time.
        size_t lo = 0, hi = r.size();
        while (lo < hi) {
          size_t mid = (lo + hi) / 2;
          if (r.time_at(mid + 1) < v) lo = mid + 1; else hi = mid;
        }
        ev = lo;
      } else {
        ev = size_t(std::max(0.0, std::floor(v)));
      }
      ev = std::min(ev, r.size() ? r.size() - 1 : 0);
      while (ev > 0 && r.trace()[ev].kind == Ev::Ext) --ev;
      s.seek(r.after(uint32_t(ev)), now);
      // Clicking a lane selects its task.
      float rel = io.MousePos.y - rows_top + ImGui::GetScrollY();
      int li = int(rel / lane_h);
      if (li >= 0 && size_t(li) < lanes.size()) ui.selected_task = lanes[size_t(li)];
    }
    tv.dragging = false;
  }
  ImGui::EndChild();
  ImGui::EndChild();
}

}  // namespace loopscope::gui
