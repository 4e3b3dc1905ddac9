// File > Save As and File > New: the drawn file browser, asking for a
// name. Places on the left (home, the working folder, the open file's
// folder); on the right the folder's subfolders and .py files and the
// name field. A name without .py gets it; an existing file is replaced
// only when Save is pressed a second time; the lessons are never written.
#include <filesystem>

#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace loopscope::gui {

namespace {

namespace fs = std::filesystem;

const char* title(SaveMode m) { return m == SaveMode::New ? "New scenario" : "Save As"; }

// The path the typed name stands for, in the listed folder.
std::string resolve(const FileBrowser& b) {
  fs::path p(b.typed);
  if (p.is_relative()) p = fs::path(b.folder) / p;
  return p.lexically_normal().string();
}

// The typed name: a folder is listed; a file is checked, then written.
void choose(Session& s, UiState& ui) {
  EditorState& e = ui.editor;
  FileBrowser& b = e.save_browser;
  std::error_code ec;
  std::string path = resolve(b);
  if (b.typed[0] == '\0') {
    b.message = "Type a name for the file.";
    return;
  }
  if (fs::is_directory(path, ec)) {
    browse(b, path);
    b.typed[0] = '\0';
    return;
  }
  if (fs::path(path).extension() != ".py") path += ".py";
  if (is_lesson_file(path)) {
    b.message = "The lessons are not written over: choose another folder.";
    return;
  }
  if (!fs::is_directory(fs::path(path).parent_path(), ec)) {
    b.message = "There is no folder " + fs::path(path).parent_path().string();
    return;
  }
  if (fs::exists(path, ec) && e.confirm_replace != path) {
    e.confirm_replace = path;
    b.message = fs::path(path).filename().string() + " exists: press Save again to replace it.";
    return;
  }
  finish_save_as(s, ui, path);
}

void draw_places(FileBrowser& b) {
  std::error_code ec;
  ImGui::TextDisabled("Places");
  if (const char* home = std::getenv("HOME")) {
    if (ImGui::Selectable("Home", b.folder == home)) browse(b, home);
  }
  std::string cwd = fs::current_path(ec).string();
  if (ImGui::Selectable("Working folder", b.folder == cwd)) browse(b, cwd);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", cwd.c_str());
}

void draw_listing(FileBrowser& b, float height) {
  ImGui::BeginChild("listing", ImVec2(0, height), true);
  if (ImGui::Selectable("../")) browse(b, fs::path(b.folder).parent_path().string());
  for (size_t i = 0; i < b.entries.size(); ++i) {
    const BrowserEntry& e = b.entries[i];
    std::string label = e.folder ? "[dir] " + e.name + "/" : e.name;
    if (ImGui::Selectable(label.c_str(), false)) {
      if (e.folder) {
        browse(b, (fs::path(b.folder) / e.name).string());
        break;
      }
      std::snprintf(b.typed, sizeof b.typed, "%s", e.name.c_str());
    }
  }
  ImGui::EndChild();
}

}  // namespace

void draw_save_dialog(Session& s, UiState& ui) {
  EditorState& e = ui.editor;
  FileBrowser& b = e.save_browser;
  const char* name = title(e.save_mode);
  if (e.save_dialog && !ImGui::IsPopupOpen(name)) {
    ImGui::OpenPopup(name);
    e.focused = false;
  }
  ImVec2 vp = ImGui::GetMainViewport()->WorkSize;
  ImGui::SetNextWindowSize(ImVec2(std::min(em(760), vp.x - em(40)), std::min(em(460), vp.y - em(40))),
                           ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  b.shown = ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_NoSavedSettings);
  if (!b.shown) return;
  float footer = ImGui::GetFrameHeightWithSpacing() * 3 + ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild("places", ImVec2(em(160), -footer), true);
  draw_places(b);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("files", ImVec2(0, -footer), false);
  ImGui::TextUnformatted(fit_text(b.folder, ImGui::GetContentRegionAvail().x).c_str());
  draw_listing(b, ImGui::GetContentRegionAvail().y);
  ImGui::EndChild();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("File name");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  bool enter = ImGui::InputText("##name", b.typed, sizeof b.typed, ImGuiInputTextFlags_EnterReturnsTrue);
  if (!b.message.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.5f, 1), "%s", b.message.c_str());
  else if (e.save_mode == SaveMode::New) ImGui::TextDisabled("A small runnable asyncio program to start from.");
  else ImGui::TextDisabled("Your copy: the lessons themselves are never written over.");
  bool go = control_button(ui, e.save_mode == SaveMode::New ? "Create" : "Save here", em(110)) || enter;
  ImGui::SameLine();
  bool cancel = control_button(ui, "Cancel##save", em(100)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  if (go) choose(s, ui);
  if (cancel) {
    e.save_dialog = false;
    e.pending = {};
  }
  if (!e.save_dialog) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace loopscope::gui
