#include "app/gui/compare_view.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <imgui.h>

#include "app/gui/theme.hpp"

#ifndef LOOPSCOPE_SOURCE_DIR
#define LOOPSCOPE_SOURCE_DIR "."
#endif

namespace loopscope::gui {

void start_compare(CompareView& v, std::shared_ptr<const ScenarioRun> run, const std::string& target, double now,
                   const std::string& oracle) {
  v.open = true;
  if (v.running() || !run) return;
  v.target = target;
  v.run = run;
  v.result.reset();
  v.started_at = now;
  std::string where = find_cpython_oracle(oracle, LOOPSCOPE_SOURCE_DIR);
  // The worker reads the run's trace; the shared pointer keeps it alive
  // even if the window loads another scenario meanwhile.
  v.pending = std::async(std::launch::async, [run, target, where] {
    try {
      return compare_run_with_cpython(*run, target, RunOptions{}, where);
    } catch (const std::exception& e) {
      CpythonComparison c;
      c.message = std::string("The comparison failed: ") + e.what();
      return c;
    }
  });
}

bool poll_compare(CompareView& v) {
  if (!v.running() || v.pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  v.result = std::make_unique<CpythonComparison>(v.pending.get());
  return true;
}

void draw_compare_window(CompareView& v, double now) {
  poll_compare(v);
  if (!v.open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // A fixed width, the height of what it says: the text wraps inside.
  float width = std::min(em(640), vp->WorkSize.x - em(40));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->WorkSize.y - em(40)));
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.3f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
  if (!ImGui::Begin("Compare with CPython", &v.open,
                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  ImVec4 dim = ImGui::ColorConvertU32ToFloat4(colors::kDim);
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(dim, "%s, run here and under python3's real asyncio (tests/conformance/cpython_oracle.py)",
                     v.target.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  if (v.running()) {
    static const char* kDots[] = {"", ".", "..", "..."};
    ImGui::Text("Comparing%s  (%.0f s)", kDots[int(now * 3) % 4], std::floor(now - v.started_at));
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(dim, "python3 runs the program twice (plain and --trace); the window stays usable.");
    ImGui::PopTextWrapPos();
  } else if (v.result) {
    const CpythonComparison& c = *v.result;
    using Outcome = CpythonComparison::Outcome;
    ImGui::PushTextWrapPos(0);
    switch (c.outcome) {
      case Outcome::Identical:
        ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.5f, 1), "Identical");
        ImGui::TextWrapped("%s", c.message.c_str());
        break;
      case Outcome::Different: {
        ImGui::TextColored(ImVec4(1, 0.45f, 0.45f, 1), "Different");
        ImGui::TextWrapped("%s", c.message.c_str());
        if (c.difference.found) {
          ImGui::PushFont(fonts().mono);
          // Long transcript lines wrap (the window has a fixed width).
          for (const std::string& l : c.difference.context) ImGui::TextColored(dim, "%s", l.c_str());
          ImGui::TextColored(ImVec4(1, 0.55f, 0.55f, 1), "- loopscope: %s", c.difference.ours.c_str());
          ImGui::TextColored(ImVec4(0.55f, 0.9f, 0.6f, 1), "+ cpython:   %s", c.difference.theirs.c_str());
          ImGui::PopFont();
        }
        break;
      }
      case Outcome::CompileError:
        ImGui::TextColored(ImVec4(1, 0.75f, 0.4f, 1), "Not compared");
        ImGui::TextWrapped("%s", c.message.c_str());
        ImGui::PushFont(fonts().mono);
        for (const std::string& e : c.errors) ImGui::TextWrapped("%s", e.c_str());
        ImGui::PopFont();
        break;
      case Outcome::OracleMissing:
      case Outcome::PythonFailed:
        ImGui::TextColored(ImVec4(1, 0.75f, 0.4f, 1), "Could not compare");
        ImGui::TextWrapped("%s", c.message.c_str());
        break;
    }
    ImGui::PopTextWrapPos();
  }
  ImGui::Spacing();
  if (ImGui::Button("Close", ImVec2(em(100), 0))) v.open = false;
  if (!v.running() && v.result) {
    ImGui::SameLine();
    if (ImGui::Button("Compare again", ImVec2(em(140), 0))) start_compare(v, v.run, v.target, now);
  }
  ImGui::End();
}

}  // namespace loopscope::gui
