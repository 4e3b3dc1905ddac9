// The editor's commands: keeping its text in step with the open file,
// saving, Save As and New, and the Save / Discard / Cancel question.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace loopscope::gui {

namespace {

constexpr const char* kPromptTitle = "Unsaved changes";

bool looks_like_path(const std::string& t) {
  return t.find('/') != std::string::npos || (t.size() > 3 && t.compare(t.size() - 3, 3, ".py") == 0);
}

bool read_text(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream all;
  all << in.rdbuf();
  out = all.str();
  return true;
}

std::string shown_name(const EditorState& e) {
  return e.path.empty() ? e.target : std::filesystem::path(e.path).filename().string();
}

// Runs what waited for the answer.
void perform(Session& s, UiState& ui, PendingAction a) {
  switch (a.kind) {
    case PendingAction::Kind::None: break;
    case PendingAction::Kind::Open: open_target(s, ui, a.target); break;
    case PendingAction::Kind::Reload: reload_target(s, ui); break;
    case PendingAction::Kind::Quit: ui.editor.quit_now = true; break;
    case PendingAction::Kind::New: start_save_as(s, ui, SaveMode::New); break;
  }
}

std::string prompt_question(const EditorState& e) {
  std::string name = shown_name(e);
  switch (e.pending.kind) {
    case PendingAction::Kind::Open: return "Save your changes to " + name + " before opening " + e.pending.target + "?";
    case PendingAction::Kind::Reload:
      return name + " was changed on disk (or Reload was asked for). Save your version over it, "
             "discard your edits and reload, or keep editing?";
    case PendingAction::Kind::Quit: return "Save your changes to " + name + " before closing?";
    case PendingAction::Kind::New: return "Save your changes to " + name + " before starting a new scenario?";
    case PendingAction::Kind::None: break;
  }
  return {};
}

}  // namespace

bool control_button(UiState& ui, const char* label, float width) {
  bool clicked = ImGui::Button(label, ImVec2(width, 0));
  // A control under a modal dialog cannot be clicked, by a script either.
  ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
  bool blocked = modal && !ImGui::IsWindowChildOf(ImGui::GetCurrentWindow(), modal, true);
  // Named by its whole label or by the part shown (before "##").
  std::string shown(label);
  shown = shown.substr(0, shown.find("##"));
  if (!blocked && !ui.click.empty() && (ui.click == label || ui.click == shown)) {
    ui.click.clear();
    clicked = true;
  }
  return clicked && !blocked;
}

bool editor_modified(const UiState& ui) { return ui.editor.buffer.modified(); }

bool may_leave(UiState& ui, PendingAction action) {
  if (!editor_modified(ui)) return true;
  ui.editor.pending = std::move(action);
  ui.editor.prompt_requested = true;
  return false;
}

void sync_editor(Session& s, UiState& ui) {
  EditorState& e = ui.editor;
  std::string text, path;
  if (!looks_like_path(s.target) && find_builtin(s.target)) {
    text = find_builtin(s.target)->source;
  } else if (looks_like_path(s.target)) {
    if (!read_text(s.target, text)) return;  // the editor keeps the file it had
    path = s.target;
  } else if (s.run) {
    text = s.run->source;
  }
  if (e.target != s.target) {
    e.buffer.reset(text);
    e.target = s.target;
    e.path = path;
    e.errors.clear();
    e.find_message.clear();
    return;
  }
  if (!e.buffer.modified() && e.buffer.text() != text) e.buffer.reset(text);
}

bool change_is_ours(const UiState& ui, const std::string& target) {
  const EditorState& e = ui.editor;
  std::string disk;
  return !e.path.empty() && e.path == target && read_text(target, disk) && disk == e.buffer.saved_text();
}

int save_editor(Session& s, UiState& ui) {
  EditorState& e = ui.editor;
  if (e.path.empty() || is_lesson_file(e.path)) {
    start_save_as(s, ui, SaveMode::SaveAs);
    ui.status = "A lesson is saved as a copy: choose a name and a folder.";
    return -1;
  }
  std::string error;
  if (!write_file_atomically(e.path, e.buffer.text(), error)) {
    ui.status = error;
    return 0;
  }
  e.buffer.mark_saved();
  if (s.target == e.path) reload_target(s, ui);
  else open_target(s, ui, e.path);
  ui.status = "Saved " + e.path + (s.load_error.empty() ? " and ran it again" : "");
  return 1;
}

void start_save_as(Session& s, UiState& ui, SaveMode mode) {
  EditorState& e = ui.editor;
  namespace fs = std::filesystem;
  std::error_code ec;
  // Never into the lessons folder: a copy goes where the user works.
  std::string folder = e.path.empty() || is_lesson_file(e.path) ? fs::current_path(ec).string()
                                                                 : fs::absolute(e.path, ec).parent_path().string();
  if (is_lesson_file(folder + "/x.py")) folder = fs::current_path(ec).string();
  browse(e.save_browser, folder);
  std::string name = mode == SaveMode::New ? "new_scenario.py"
                     : e.path.empty()      ? (s.run ? s.run->name : std::string("scenario")) + "_copy.py"
                     : is_lesson_file(e.path) ? fs::path(e.path).stem().string() + "_copy.py"
                                              : fs::path(e.path).filename().string();
  std::snprintf(e.save_browser.typed, sizeof e.save_browser.typed, "%s", name.c_str());
  e.save_browser.message.clear();
  e.confirm_replace.clear();
  e.save_mode = mode;
  e.save_dialog = true;
}

void new_scenario(Session& s, UiState& ui) {
  if (may_leave(ui, {PendingAction::Kind::New, {}})) start_save_as(s, ui, SaveMode::New);
}

bool request_close(UiState& ui) {
  if (ui.editor.quit_now) return true;
  if (!may_leave(ui, {PendingAction::Kind::Quit, {}})) return false;
  ui.editor.quit_now = true;
  return true;
}

void finish_save_as(Session& s, UiState& ui, const std::string& path) {
  EditorState& e = ui.editor;
  std::string text = e.save_mode == SaveMode::New ? std::string(new_scenario_template()) : e.buffer.text();
  std::string error;
  if (!write_file_atomically(path, text, error)) {
    e.save_browser.message = error;
    return;
  }
  e.save_dialog = false;
  if (e.save_mode == SaveMode::SaveAs) {
    // The text now belongs to the new file; the undo history stays.
    e.buffer.mark_saved();
    e.path = e.target = path;
  }
  open_target(s, ui, path);
  ui.status = (e.save_mode == SaveMode::New ? "Created " : "Saved ") + path;
  ui.show_editor = ui.left_tab_requested = true;
  PendingAction next = std::move(e.pending);
  e.pending = {};
  perform(s, ui, std::move(next));
}

void draw_unsaved_prompt(Session& s, UiState& ui) {
  EditorState& e = ui.editor;
  if (e.prompt_requested) {
    ImGui::OpenPopup(kPromptTitle);
    e.prompt_requested = false;
    e.focused = false;
  }
  ui.prompt_shown = false;
  ImGui::SetNextWindowSize(ImVec2(em(520), 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kPromptTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ui.prompt_shown = true;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(prompt_question(e).c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  bool close = false;
  if (control_button(ui, "Save changes", em(150))) {
    close = true;
    PendingAction next = e.pending;
    // Saved here: what waited goes on; a lesson goes through Save As first,
    // which carries on with it.
    if (int saved = save_editor(s, ui); saved != -1) {
      e.pending = {};
      if (saved == 1) perform(s, ui, next);
    }
  }
  ImGui::SameLine();
  if (control_button(ui, "Discard changes", em(150))) {
    close = true;
    e.buffer.mark_saved();  // what the file has is what stays
    e.target.clear();       // so the editor takes the file's text again
    PendingAction next = std::move(e.pending);
    e.pending = {};
    perform(s, ui, next);
    if (next.kind != PendingAction::Kind::Open) sync_editor(s, ui);
  }
  ImGui::SameLine();
  if (control_button(ui, "Cancel##prompt", em(100)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    close = true;
    e.pending = {};
  }
  if (close) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace loopscope::gui
