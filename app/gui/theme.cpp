#include "app/gui/theme.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace loopscope::gui {

Fonts& fonts() {
  static Fonts f;
  return f;
}

namespace {
// Latin-1 and the ellipsis that cut labels end with.
const ImWchar kGlyphs[] = {0x0020, 0x00FF, 0x2026, 0x2026, 0};

ImFont* load_first(const char* const* paths, float size) {
  ImGuiIO& io = ImGui::GetIO();
  for (const char* const* p = paths; *p; ++p) {
    std::error_code ec;
    if (std::filesystem::exists(*p, ec)) {
      if (ImFont* f = io.Fonts->AddFontFromFileTTF(*p, size, nullptr, kGlyphs)) return f;
    }
  }
  return nullptr;
}
}  // namespace

void load_fonts(float size_px) {
  static const char* const kSans[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", nullptr};
  static const char* const kMono[] = {"/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf",
                                      "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", nullptr};
  static const char* const kBold[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", nullptr};
  ImGuiIO& io = ImGui::GetIO();
  Fonts& f = fonts();
  f.ui = load_first(kSans, size_px);
  if (!f.ui) {
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * size_px / 15.0f;
    f.ui = io.Fonts->AddFontDefault(&cfg);
  }
  f.mono = load_first(kMono, size_px);
  if (!f.mono) f.mono = f.ui;
  f.title = load_first(kBold, size_px);
  if (!f.title) f.title = f.ui;
  io.FontDefault = f.ui;
}

void apply_style(float scale) {
  ImGuiStyle& st = ImGui::GetStyle();
  st = ImGuiStyle();
  ImGui::StyleColorsDark();
  st.WindowRounding = 0;
  st.FrameRounding = 3;
  st.GrabRounding = 3;
  st.TabRounding = 3;
  st.WindowPadding = ImVec2(8, 6);
  st.FramePadding = ImVec2(6, 4);
  st.ItemSpacing = ImVec2(8, 5);
  st.ScrollbarSize = 13;
  ImVec4* c = st.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.12f, 0.125f, 0.15f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(0.12f, 0.125f, 0.15f, 1.0f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.16f, 0.17f, 0.20f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.22f, 0.36f, 0.58f, 0.55f);
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.18f, 0.19f, 0.23f, 1.0f);
  st.ScaleAllSizes(scale);
}

float choose_ui_scale(const char* env, float monitor_scale) {
  if (env && *env) {
    char* end = nullptr;
    float v = std::strtof(env, &end);
    if (end && *end == '\0' && v >= 0.5f && v <= 4.0f) return v;
  }
  if (!(monitor_scale > 0)) return 1.0f;  // also NaN
  return std::clamp(monitor_scale, 1.0f, 4.0f);
}

float em(float px_at_base) { return px_at_base * ImGui::GetFontSize() / 15.0f; }

ImU32 state_color(TaskState s, float alpha) {
  int a = int(alpha * 255);
  switch (s) {
    case TaskState::Created: return IM_COL32(140, 146, 158, a);
    case TaskState::Ready: return IM_COL32(80, 150, 240, a);
    case TaskState::Running: return IM_COL32(70, 200, 100, a);
    case TaskState::Waiting: return IM_COL32(232, 170, 50, a);
    case TaskState::Done: return IM_COL32(110, 160, 150, a);
    case TaskState::Cancelled: return IM_COL32(165, 130, 220, a);
    case TaskState::Failed: return IM_COL32(230, 80, 80, a);
  }
  return IM_COL32(255, 255, 255, a);
}

ImU32 syntax_color(SyntaxKind k) {
  switch (k) {
    case SyntaxKind::Text: return IM_COL32(220, 223, 228, 255);
    case SyntaxKind::Keyword: return IM_COL32(198, 120, 221, 255);
    case SyntaxKind::Builtin: return IM_COL32(97, 175, 239, 255);
    case SyntaxKind::String: return IM_COL32(152, 195, 121, 255);
    case SyntaxKind::Number: return IM_COL32(209, 154, 102, 255);
    case SyntaxKind::Comment: return IM_COL32(120, 128, 140, 255);
    case SyntaxKind::Definition: return IM_COL32(229, 192, 123, 255);
    case SyntaxKind::Decorator: return IM_COL32(86, 182, 194, 255);
  }
  return IM_COL32_WHITE;
}

ImU32 lerp_color(ImU32 a, ImU32 b, float t) {
  ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

}  // namespace loopscope::gui
