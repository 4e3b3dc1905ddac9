// The event-loop view: the running slot and the ready queue as boxes, the
// timer heap on a time ruler from now to the last deadline, and waiting
// tasks grouped by what they wait on. Boxes slide between places when the
// cursor moves one step.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/task_card.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"

namespace loopscope::gui {

namespace {

struct Placed {
  QueueBox box;
  ImVec2 a, b;  // rectangle relative to the panel origin
};

struct QueueLayout {
  std::vector<Placed> boxes;
  bool has_running = false;
  Placed running;
  ImVec2 slot_a, slot_b;
  float height = 0;
};

// Box padding; every length here is given for the base 15 px text and
// scaled with em() (the monitor's scale and the text size).
float pad() { return em(8); }

ImVec2 box_size(const std::string& label) {
  ImVec2 t = ImGui::CalcTextSize(label.c_str());
  return ImVec2(std::max(t.x + 2 * pad(), em(70)), t.y + 2 * pad());
}

// Places the running slot and up to two rows of ready boxes.
QueueLayout layout_queue(const Session& s, const ReplayState& st, float width) {
  QueueLayout L;
  float line = ImGui::GetTextLineHeight();
  float box_h = line + 2 * pad();
  float slot_w = std::max(em(150), ImGui::CalcTextSize("Task-00.wakeup").x + 2 * pad());
  L.slot_a = ImVec2(0, line + em(4));
  L.slot_b = ImVec2(slot_w, line + em(4) + box_h);
  QueueBox run;
  if (running_box(s, st, run)) {
    L.has_running = true;
    ImVec2 sz = box_size(run.label);
    float w = std::min(sz.x, slot_w - em(8));
    L.running = Placed{run, ImVec2(0, L.slot_a.y), ImVec2(w, L.slot_b.y)};
    L.running.a.x = (slot_w - w) * 0.5f;
    L.running.b.x = L.running.a.x + w;
  }
  const float gap = em(6);
  float x0 = slot_w + em(28), x = x0, y = L.slot_a.y;
  const int kRows = 2;
  // Boxes front first, made only while two rows can hold them (keeping
  // room for a "+N more" box): a queue of 100,000 handles costs a few
  // dozen boxes per frame.
  const size_t n = st.ready.size();
  const size_t kMaxBoxes = 400;
  std::vector<QueueBox> boxes;
  size_t fit = 0;
  {
    float cx = x0;
    int row = 0;
    float more_w = box_size("+999,999 more").x + gap;
    for (auto it = st.ready.begin(); it != st.ready.end() && boxes.size() < kMaxBoxes; ++it) {
      boxes.push_back(queue_box(s, *it));
      size_t i = boxes.size() - 1;
      float w = box_size(boxes.back().label).x + gap;
      float limit = row == kRows - 1 && i + 1 < n ? width - more_w : width;
      if (cx + w > limit) {
        if (row == kRows - 1) break;
        ++row;
        cx = x0;
      }
      cx += w;
      ++fit;
    }
  }
  if (fit < n && !(n == fit + 1 && boxes.size() == n)) {
    boxes.resize(fit);
    boxes.push_back(more_box(n - fit));
  }
  int row = 0;
  for (QueueBox& b : boxes) {
    ImVec2 sz = box_size(b.label);
    if (x + sz.x > width && x > x0 && row < kRows - 1) {
      ++row;
      x = x0;
      y += box_h + gap;
    }
    L.boxes.push_back(Placed{std::move(b), ImVec2(x, y), ImVec2(x + sz.x, y + sz.y)});
    x += sz.x + gap;
  }
  L.height = (boxes.empty() ? L.slot_b.y : std::max(L.slot_b.y, y + box_h)) + gap;
  return L;
}

ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }

void draw_box(ImDrawList* dl, ImVec2 o, const Placed& p, ImVec2 a, ImVec2 b, float alpha, const Session& s,
              const UiState& ui, bool running) {
  const QueueBox& q = p.box;
  ImU32 border = colors::kBorder;
  ImU32 fill = colors::kBoxBg;
  if (q.task != UINT32_MAX && q.task < s.state.tasks.size()) {
    border = state_color(running ? TaskState::Running : TaskState::Ready);
  }
  if (q.more) fill = IM_COL32(40, 42, 50, 255);
  if (q.cancelled) border = IM_COL32(120, 120, 120, 255);
  fill = lerp_color(IM_COL32(0, 0, 0, 0), fill, alpha);
  ImVec2 A(o.x + a.x, o.y + a.y), B(o.x + b.x, o.y + b.y);
  dl->AddRectFilled(A, B, fill, em(5));
  bool selected = q.task != UINT32_MAX && q.task == ui.selected_task;
  dl->AddRect(A, B, selected ? colors::kSelection : lerp_color(IM_COL32(0, 0, 0, 0), border, alpha), em(5), 0,
              em(selected ? 2.5f : 1.5f));
  ImU32 text = q.cancelled ? colors::kDim : colors::kText;
  std::string label = fit_text(q.label, B.x - A.x - 2 * pad());
  dl->AddText(ImVec2(A.x + pad(), A.y + pad()), lerp_color(IM_COL32(0, 0, 0, 0), text, alpha), label.c_str());
  if (q.cancelled) dl->AddLine(ImVec2(A.x + em(4), (A.y + B.y) * 0.5f), ImVec2(B.x - em(4), (A.y + B.y) * 0.5f), colors::kDim);
}

void dim_label(ImDrawList* dl, ImVec2 at, const char* text) { dl->AddText(at, colors::kDim, text); }

}  // namespace

void draw_loop_view(Session& s, UiState& ui, double now) {
  char hint[96] = "";
  if (s.loaded()) {
    std::snprintf(hint, sizeof hint, "%zu ready, %zu timer%s, %s", s.state.ready.size(), s.state.timers.size(),
                  s.state.timers.size() == 1 ? "" : "s", s.state.loop_running ? "running" : "not running");
  }
  panel_title("Event loop", hint);
  if (!s.loaded()) {
    empty_state("The event loop appears here once a scenario is loaded.");
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  float t = step_animation(s, now);
  ImGuiIO& io = ImGui::GetIO();
  bool window_hovered = ImGui::IsWindowHovered();

  // ---- running slot and ready queue ----
  QueueLayout cur = layout_queue(s, s.state, width);
  std::map<uint32_t, std::pair<ImVec2, ImVec2>> before;
  if (t < 1.0f) {
    QueueLayout prev = layout_queue(s, s.previous, width);
    for (const Placed& p : prev.boxes) if (p.box.handle) before[p.box.handle] = {p.a, p.b};
    if (prev.has_running) before[prev.running.box.handle] = {prev.running.a, prev.running.b};
  }
  dim_label(dl, origin, "Running");
  dim_label(dl, ImVec2(origin.x + cur.slot_b.x + em(28), origin.y), "Ready queue (front -> back)");
  ImVec2 sa(origin.x + cur.slot_a.x, origin.y + cur.slot_a.y), sb(origin.x + cur.slot_b.x, origin.y + cur.slot_b.y);
  dl->AddRect(sa, sb, colors::kBorder, em(6), 0, em(1));
  if (!cur.has_running) {
    const char* idle = s.state.blocked ? "blocked" : "idle";
    ImVec2 ts = ImGui::CalcTextSize(idle);
    dl->AddText(ImVec2((sa.x + sb.x - ts.x) * 0.5f, (sa.y + sb.y - ts.y) * 0.5f),
                s.state.blocked ? colors::kBlocked : colors::kDim, idle);
  }
  // Arrow from the queue's front to the running slot.
  float mid = (sa.y + sb.y) * 0.5f;
  dl->AddLine(ImVec2(sb.x + em(20), mid), ImVec2(sb.x + em(6), mid), colors::kDim, em(1.5f));
  dl->AddTriangleFilled(ImVec2(sb.x + em(4), mid), ImVec2(sb.x + em(10), mid - em(4)), ImVec2(sb.x + em(10), mid + em(4)),
                        colors::kDim);

  auto place = [&](const Placed& p, bool running) {
    ImVec2 a = p.a, b = p.b;
    float alpha = 1.0f;
    if (t < 1.0f) {
      auto it = before.find(p.box.handle);
      if (it != before.end()) {
        a = lerp(it->second.first, p.a, t);
        b = lerp(it->second.second, p.b, t);
      } else {
        alpha = t;
      }
    }
    draw_box(dl, origin, p, a, b, alpha, s, ui, running);
    ImVec2 A(origin.x + p.a.x, origin.y + p.a.y), B(origin.x + p.b.x, origin.y + p.b.y);
    if (window_hovered && ImGui::IsMouseHoveringRect(A, B)) {
      ImGui::SetTooltip("%s", p.box.tooltip.c_str());
      if (ImGui::IsMouseClicked(0) && p.box.task != UINT32_MAX) ui.selected_task = p.box.task;
    }
  };
  for (const Placed& p : cur.boxes) place(p, false);
  if (cur.has_running) place(cur.running, true);
  if (cur.boxes.empty()) dim_label(dl, ImVec2(origin.x + cur.slot_b.x + em(28), sa.y + pad()), "(empty)");

  // ---- timer heap on a time ruler ----
  float y = origin.y + cur.height + em(10);
  const std::vector<TimerMark>& marks = cached_timer_marks(s);  // sorted by deadline
  char title[64];
  std::snprintf(title, sizeof title, "Timer heap (%zu)", s.state.timers.size());
  dim_label(dl, ImVec2(origin.x, y), title);
  y += ImGui::GetTextLineHeight() + em(6);
  float rx0 = origin.x + em(10), rx1 = origin.x + width - em(70);
  double t0 = s.state.now;
  double t1 = marks.empty() ? t0 + 1.0 : std::max(marks.back().when, t0 + 1e-3);
  for (const TimerMark& m : marks) t1 = std::max(t1, m.when);
  auto xof = [&](double when) { return float(rx0 + (rx1 - rx0) * ((when - t0) / (t1 - t0))); };
  float ruler_y = y + em(6);
  dl->AddLine(ImVec2(rx0, ruler_y), ImVec2(rx1, ruler_y), colors::kBorder, em(2));
  char buf[256];
  std::string now_text = "now " + clock_text(t0);
  dl->AddText(ImVec2(rx0 - em(4), ruler_y + em(6)), colors::kDim, now_text.c_str());
  if (!marks.empty()) {
    std::string end_text = clock_text(t1);
    dl->AddText(ImVec2(rx1 - ImGui::CalcTextSize(end_text.c_str()).x * 0.5f, ruler_y + em(6)), colors::kDim, end_text.c_str());
  } else {
    // After the clock's text, however long the time has grown.
    float after = rx0 - em(4) + ImGui::CalcTextSize(now_text.c_str()).x + em(16);
    dl->AddText(ImVec2(after, ruler_y + em(6)), colors::kDim, "(no timers)");
  }
  // Labels above the ruler, staggered over two rows so they do not overlap.
  float label_h = ImGui::GetTextLineHeight();
  float row_end[2] = {-1e9f, -1e9f};
  float labels_top = ruler_y + em(8) + label_h;
  int hidden = 0;
  for (const TimerMark& m : marks) {
    float x = xof(std::max(m.when, t0));  // a late timer sits at "now"
    dl->AddLine(ImVec2(x, ruler_y - em(6)), ImVec2(x, ruler_y + em(6)), colors::kTimer, em(2));
    dl->AddCircleFilled(ImVec2(x, ruler_y), em(4), colors::kTimer);
    // A timer already due while the loop was held is late: say by how much.
    bool late = m.when < t0 - 1e-9;
    if (late) std::snprintf(buf, sizeof buf, "%s @%s, %s s late", m.label.c_str(), clock_text(m.when).c_str(), clock_text(t0 - m.when).c_str());
    else std::snprintf(buf, sizeof buf, "%s @%s", m.label.c_str(), clock_text(m.when).c_str());
    float w = ImGui::CalcTextSize(buf).x;
    float lx = std::clamp(x - w * 0.5f, origin.x, origin.x + width - w);
    int row = lx > row_end[0] + em(8) ? 0 : (lx > row_end[1] + em(8) ? 1 : -1);
    if (row < 0) {
      ++hidden;
    } else {
      float ly = labels_top + row * (label_h + em(2));
      dl->AddLine(ImVec2(x, ruler_y + em(6)), ImVec2(x, ly), IM_COL32(235, 170, 60, 90));
      dl->AddText(ImVec2(lx, ly), late ? colors::kTimer : colors::kText, buf);
      row_end[row] = lx + w;
    }
    if (window_hovered && ImGui::IsMouseHoveringRect(ImVec2(x - em(5), ruler_y - em(8)), ImVec2(x + em(5), ruler_y + em(8)))) {
      ImGui::SetTooltip("%s", m.tooltip.c_str());
    }
  }
  y = labels_top + 2 * (label_h + em(2)) + em(6);
  // Timers without a label: those whose labels would overlap, and those
  // past the first marks drawn. Said beside the heading, clear of the ruler.
  size_t unlabelled = size_t(hidden) + (s.state.timers.size() - marks.size());
  if (unlabelled) {
    std::string more = "+" + with_commas(unlabelled) + " not labelled (hover the ruler)";
    dl->AddText(ImVec2(origin.x + ImGui::CalcTextSize(title).x + em(16), ruler_y - em(12) - label_h), colors::kDim,
                more.c_str());
  }

  // ---- waiters grouped by what they wait on ----
  const std::vector<WaitGroup>& groups = cached_wait_groups(s);
  std::snprintf(title, sizeof title, "Waiting tasks, by what they wait on");
  dim_label(dl, ImVec2(origin.x, y), title);
  y += label_h + em(6);
  bool anyone = std::any_of(groups.begin(), groups.end(), [](const WaitGroup& g) { return !g.tasks.empty(); });
  if (!anyone) {  // (the cards left are objects nobody waits on)
    dim_label(dl, ImVec2(origin.x + em(10), y), "(no task is waiting)");
    y += label_h + em(6);
  }
  float x = origin.x;
  float row_h = 0;
  const size_t kChips = 8;
  // A long title (a gather of many tasks) widens its box only so far; past
  // that it is cut with an ellipsis (the full title is its tooltip).
  const float title_max = ImGui::GetFontSize() * 28;
  for (const WaitGroup& g : groups) {
    float chip_h = label_h + em(6);
    size_t n = std::min(g.tasks.size(), kChips);
    float w = std::min(ImGui::CalcTextSize(g.title.c_str()).x + 2 * pad(), title_max);
    std::vector<std::string> chip_text;
    for (size_t i = 0; i < n; ++i) {
      std::string c = task_title(s, g.tasks[i]);
      if (!g.notes[i].empty()) c += "  " + g.notes[i];
      w = std::max(w, ImGui::CalcTextSize(c.c_str()).x + 2 * pad() + em(12));
      chip_text.push_back(std::move(c));
    }
    if (g.tasks.size() > n) chip_text.push_back("+" + with_commas(g.tasks.size() - n) + " more");
    if (!g.facts.empty()) w = std::max(w, ImGui::GetFontSize() * 25);
    w = std::min(w, width);
    // Facts about the object (a Lock's holder, a Queue's state), wrapped.
    float wrap = w - 2 * pad();
    float facts_h = 0;
    for (const std::string& f : g.facts) facts_h += ImGui::CalcTextSize(f.c_str(), nullptr, false, wrap).y + em(2);
    float h = label_h + 2 * pad() + facts_h + chip_text.size() * (chip_h + em(3));
    if (x > origin.x && x + w > origin.x + width) {
      x = origin.x;
      y += row_h + em(8);
      row_h = 0;
    }
    // Every card stays within the panel at its size: fewer chips, the
    // rest counted ("+N more").
    float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y;
    if (y + h > bottom && n > 1) {
      float room = bottom - y - (label_h + 2 * pad() + facts_h) - (chip_h + em(3));  // a row kept for "+N more"
      size_t fit = size_t(std::max(1.0f, std::floor(room / (chip_h + em(3)))));
      if (fit < n) {
        n = fit;
        chip_text.resize(n);
        chip_text.push_back("+" + with_commas(g.tasks.size() - n) + " more");
        h = label_h + 2 * pad() + facts_h + chip_text.size() * (chip_h + em(3));
      }
    }
    ImVec2 A(x, y), B(x + w, y + h);
    dl->AddRectFilled(A, B, IM_COL32(40, 43, 52, 255), em(6));
    dl->AddRect(A, B, colors::kBorder, em(6));
    // The full title if it fits, else the first shorter form that does,
    // else the shortest cut to the box.
    std::string title = g.title;
    if (ImGui::CalcTextSize(title.c_str()).x > w - 2 * pad()) {
      const std::string* pick = g.shorter_titles.empty() ? &g.title : &g.shorter_titles.back();
      for (const std::string& t : g.shorter_titles) {
        if (ImGui::CalcTextSize(t.c_str()).x <= w - 2 * pad()) {
          pick = &t;
          break;
        }
      }
      title = fit_text(*pick, w - 2 * pad());
    }
    dl->AddText(ImVec2(x + pad(), y + pad() * 0.6f), colors::kText, title.c_str());
    if (title != g.title && window_hovered &&
        ImGui::IsMouseHoveringRect(ImVec2(x, y), ImVec2(x + w, y + pad() + label_h))) {
      ImGui::SetTooltip("%s", g.title.c_str());
    }
    float cy = y + pad() + label_h;
    for (const std::string& f : g.facts) {
      dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x + pad(), cy), colors::kDim, f.c_str(), nullptr, wrap);
      cy += ImGui::CalcTextSize(f.c_str(), nullptr, false, wrap).y + em(2);
    }
    for (size_t i = 0; i < chip_text.size(); ++i) {
      ImVec2 ca(x + pad(), cy), cb(x + w - pad(), cy + chip_h);
      bool is_task = i < n;
      uint32_t tid = is_task ? g.tasks[i] : UINT32_MAX;
      ImU32 col = is_task && tid < s.state.tasks.size() ? state_color(s.state.tasks[tid].state, 0.9f) : colors::kDim;
      dl->AddRectFilled(ca, ImVec2(ca.x + em(6), cb.y), col, em(2));
      bool selected = is_task && tid == ui.selected_task;
      if (selected) dl->AddRect(ca, cb, colors::kSelection, em(3), 0, em(2));
      std::string chip = fit_text(chip_text[i], cb.x - ca.x - em(12));
      dl->AddText(ImVec2(ca.x + em(12), cy + em(3)), is_task ? colors::kText : colors::kDim, chip.c_str());
      if (is_task && window_hovered && ImGui::IsMouseHoveringRect(ca, cb)) {
        std::string awaits = clip_text(s.str(s.state.tasks[tid].awaiting), 400);
        ImGui::SetTooltip("%s waits on %s", task_title(s, tid).c_str(), awaits.c_str());
        if (ImGui::IsMouseClicked(0) && ui.selected_task != tid) select_task(ui, tid);
      }
      cy += chip_h + em(3);
    }
    x += w + em(8);
    row_h = std::max(row_h, h);
  }
  y += row_h + em(4);
  (void)io;
  ImGui::Dummy(ImVec2(width, y - origin.y));
}

}  // namespace loopscope::gui
