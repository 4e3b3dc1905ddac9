// File > Open: a file browser drawn in the window. Places on the left
// (the lessons, home, the open file's folder, recent files); on the right
// the typed path with Tab completion, a hidden-files toggle and the
// folder's subfolders and .py files in a sortable table. Keys: Up/Down
// select, Enter opens, Backspace goes to the parent folder, Escape closes.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace loopscope::gui {

namespace {

constexpr const char* kTitle = "Open a scenario";

bool key(ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); }

// Opens a chosen file; a folder was listed already. True when the dialog
// should close.
bool act(Session& s, UiState& ui, const BrowserChoice& c) {
  if (c.kind != BrowserChoice::Kind::File) return false;
  open_target(s, ui, c.path);
  if (!s.load_error.empty() && !s.stale) {
    ui.browser.message = s.load_error;
    return false;
  }
  return true;
}

void place(FileBrowser& b, const char* label, const std::string& folder) {
  if (folder.empty()) return;
  if (ImGui::Selectable(label, b.folder == folder)) browse(b, folder);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", folder.c_str());
}

bool draw_places(Session& s, UiState& ui) {
  FileBrowser& b = ui.browser;
  ImGui::TextDisabled("Places");
  place(b, "Lessons", lessons_folder());
  if (const char* home = std::getenv("HOME")) place(b, "Home", home);
  if (s.run && !s.run->path.empty()) {
    place(b, "This file's folder", std::filesystem::absolute(s.run->path).parent_path().string());
  }
  ImGui::Spacing();
  ImGui::TextDisabled("Recent");
  for (const std::string& r : ui.recent) {
    std::string name = r.substr(r.rfind('/') + 1);
    if (ImGui::Selectable((name + "##" + r).c_str())) {
      open_target(s, ui, r);
      if (s.load_error.empty()) return true;
      b.message = s.load_error;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.c_str());
  }
  return false;
}

int path_callback(ImGuiInputTextCallbackData* d) {
  if (d->EventFlag != ImGuiInputTextFlags_CallbackCompletion) return 0;
  auto* b = static_cast<FileBrowser*>(d->UserData);
  std::string done = complete_path(*b, std::string(d->Buf, size_t(d->BufTextLen)));
  d->DeleteChars(0, d->BufTextLen);
  d->InsertChars(0, done.c_str());
  return 0;
}

std::string when_text(int64_t seconds) {
  std::time_t t = std::time_t(seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

void apply_sort(FileBrowser& b) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
  b.sort = BrowserSort(specs->Specs[0].ColumnUserID);
  b.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
  sort_entries(b);
  specs->SpecsDirty = false;
}

// The folder's entries; true when one was opened with a double click.
bool draw_entries(Session& s, UiState& ui, float height) {
  FileBrowser& b = ui.browser;
  ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                          ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("entries", 3, flags, ImVec2(0, height))) return false;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthStretch, 0,
                          int(BrowserSort::Name));
  ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed, em(80), int(BrowserSort::Size));
  ImGui::TableSetupColumn("Modified", ImGuiTableColumnFlags_WidthFixed, em(130), int(BrowserSort::Modified));
  ImGui::TableHeadersRow();
  apply_sort(b);
  bool opened = false;
  for (size_t i = 0; i < b.entries.size(); ++i) {
    const BrowserEntry& e = b.entries[i];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    std::string label = (e.folder ? "[dir] " : "") + e.name + (e.folder ? "/" : "");
    bool selected = int(i) == b.selected;
    if (ImGui::Selectable(label.c_str(), selected,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
      select_entry(b, int(i));
      b.scroll_to_selected = false;
      if (ImGui::IsMouseDoubleClicked(0)) opened = act(s, ui, choose_selected(b));
    }
    if (selected && b.scroll_to_selected) {
      ImGui::SetScrollHereY(0.5f);
      b.scroll_to_selected = false;
    }
    ImGui::TableSetColumnIndex(1);
    if (!e.folder) ImGui::Text("%ju B", e.size);
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(when_text(e.modified).c_str());
    if (opened) break;
  }
  ImGui::EndTable();
  return opened;
}

// Keys for the list: Up/Down even while the path field has the focus
// (they move the selection, and the field follows it); Backspace and
// Enter when it does not (there they edit the path or open it).
bool list_keys(Session& s, UiState& ui) {
  FileBrowser& b = ui.browser;
  int delta = key(ImGuiKey_DownArrow) ? 1 : key(ImGuiKey_UpArrow) ? -1 : 0;
  if (delta) {
    move_selection(b, delta);
    // A field being typed in keeps its own copy of the text: it is let go
    // and taken again, so that it shows the selected path.
    if (ImGui::GetIO().WantTextInput) {
      ImGui::ClearActiveID();
      b.refocus_path = true;
    }
  }
  if (ImGui::GetIO().WantTextInput || delta) return false;
  if (key(ImGuiKey_Backspace)) browse(b, std::filesystem::path(b.folder).parent_path().string());
  if (key(ImGuiKey_Enter) || key(ImGuiKey_KeyPadEnter)) return act(s, ui, choose_selected(b));
  return false;
}

// Where the dialog starts: the open file's folder, else where it was last,
// else the working directory.
std::string start_folder(const Session& s, const FileBrowser& b) {
  std::error_code ec;
  if (s.run && !s.run->path.empty()) return std::filesystem::absolute(s.run->path, ec).parent_path().string();
  if (!b.folder.empty()) return b.folder;
  return std::filesystem::current_path(ec).string();
}

}  // namespace

void draw_open_dialog(Session& s, UiState& ui) {
  FileBrowser& b = ui.browser;
  if (ui.open_dialog) {
    if (!browse(b, start_folder(s, b))) browse(b, std::filesystem::current_path().string());
    ImGui::OpenPopup(kTitle);
    ui.open_dialog = false;
  }
  ImVec2 vp = ImGui::GetMainViewport()->WorkSize;
  ImGui::SetNextWindowSize(ImVec2(std::min(em(820), vp.x - em(40)), std::min(em(520), vp.y - em(40))),
                           ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  b.shown = ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings);
  if (!b.shown) return;
  bool close = false;
  float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild("places", ImVec2(em(180), -footer), true);
  close = draw_places(s, ui);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("files", ImVec2(0, -footer), false);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::IsWindowAppearing() || b.refocus_path) ImGui::SetKeyboardFocusHere();
  b.refocus_path = false;
  bool enter = ImGui::InputText("##path", b.typed, sizeof b.typed,
                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackCompletion,
                                path_callback, &b);
  if (enter) close = act(s, ui, choose_typed(b));
  if (ImGui::Button("Up")) browse(b, std::filesystem::path(b.folder).parent_path().string());
  ImGui::SameLine();
  if (ImGui::Checkbox("Show hidden files", &b.show_hidden)) browse(b, b.folder);
  if (!b.candidates.empty() && b.candidates.size() > 1) {
    ImGui::SameLine();
    std::string all;
    for (const std::string& c : b.candidates) all += c + "  ";
    ImGui::TextDisabled("%s", fit_text(all, ImGui::GetContentRegionAvail().x).c_str());
  }
  if (!close) close = draw_entries(s, ui, ImGui::GetContentRegionAvail().y);
  ImGui::EndChild();
  if (!b.message.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.5f, 1), "%s", b.message.c_str());
  else ImGui::TextDisabled("Up/Down to choose, Enter to open, Backspace for the parent folder, Tab completes a path.");
  if (!close && ImGui::Button("Open", ImVec2(em(100), 0))) {
    close = act(s, ui, b.typed[0] && std::filesystem::is_regular_file(b.typed) ? choose_typed(b) : choose_selected(b));
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(em(100), 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    close = true;
  }
  // Enter in the path field was the field's (not the list's) this frame.
  if (!close && !enter) close = list_keys(s, ui);
  if (close) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace loopscope::gui
