#include "app/gui/window_dump.hpp"

#include <cstdio>
#include <sstream>

#include "app/gui/view_model.hpp"

namespace loopscope::gui {

namespace {

void dump_marks(const Session& s, std::ostream& out) {
  out << "marked:";
  if (s.loaded() && !s.stale && s.state.running_task < s.state.tasks.size()) {
    if (uint32_t l = s.state.tasks[s.state.running_task].line) out << " running=" << l;
  }
  if (int l = s.stale ? 0 : exception_line_at_cursor(s)) out << " raised=" << l;
  for (const Diagnostic& d : s.errors) out << " error=" << d.line;
  out << "\n";
}

void dump_console(const Session& s, std::ostream& out) {
  out << "console:\n";
  if (!s.loaded()) return;
  size_t n = s.replay->console_count(s.cursor);
  for (size_t i = 0; i < n; ++i) {
    ConsoleLine l = s.replay->console_line(i);
    if (l.kind == Ev::Traceback && !s.run->traceback.empty()) {
      for (const std::string& t : s.run->traceback) out << "  " << t << "\n";
      continue;
    }
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "[%.3f] ", l.time);
    out << "  " << stamp << s.str(l.text) << "\n";
  }
}

void dump_dialog(const FileBrowser& b, std::ostream& out) {
  out << "dialog: open\n  folder: " << b.folder << "\n  path: " << b.typed << "\n";
  if (!b.message.empty()) out << "  message: " << b.message << "\n";
  if (!b.candidates.empty()) {
    out << "  completions:";
    for (const std::string& c : b.candidates) out << " " << c;
    out << "\n";
  }
  for (size_t i = 0; i < b.entries.size(); ++i) {
    const BrowserEntry& e = b.entries[i];
    out << (int(i) == b.selected ? "  > " : "    ") << e.name << (e.folder ? "/" : "") << "\n";
  }
}

void dump_editor(const UiState& ui, std::ostream& out) {
  const EditorState& e = ui.editor;
  if (e.target.empty()) return;
  TextPos c = e.buffer.cursor();
  out << "editor: " << (e.path.empty() ? e.target + " (built-in)" : e.path)
      << (e.buffer.modified() ? " modified" : " saved") << (ui.show_editor ? " shown" : "")
      << (e.focused ? " focused" : "") << " cursor=" << c.line + 1 << ":" << c.col + 1 << "\n";
  if (e.buffer.has_selection()) out << "editor selection: " << e.buffer.selected_text() << "\n";
  if (e.find_open) out << "editor find: " << e.find_text << " (" << e.find_message << ")\n";
  if (e.buffer.modified()) {
    for (const Diagnostic& d : e.errors) out << "editor error: " << d.line << ": " << d.message << "\n";
  }
  if (ui.show_editor) {
    for (const std::string& l : e.buffer.lines()) out << "  e| " << l << "\n";
  }
}

void dump_dialogs(const UiState& ui, std::ostream& out) {
  const EditorState& e = ui.editor;
  if (ui.prompt_shown) out << "prompt: unsaved changes\n";
  if (e.save_browser.shown) {
    const FileBrowser& b = e.save_browser;
    out << "dialog: " << (e.save_mode == SaveMode::New ? "new" : "save as") << "\n  folder: " << b.folder
        << "\n  name: " << b.typed << "\n";
    if (!b.message.empty()) out << "  message: " << b.message << "\n";
  }
  if (ui.show_shortcuts) out << "window: keyboard shortcuts\n";
  if (e.quit_now) out << "window: closing\n";
}

void dump_lesson(const Session& s, const UiState& ui, std::ostream& out) {
  const LessonsView& v = ui.lessons;
  if (!v.visited.empty()) {
    out << "visited:";
    for (const std::string& n : v.visited) out << " " << n;
    out << "\n";
  }
  for (const auto& [name, sc] : v.scores) out << "score: " << name << " " << sc.right << "/" << sc.total << "\n";
  if (v.show_check) {
    out << "knowledge check:";
    for (size_t i = 0; i < v.check.size(); ++i) {
      int a = i < v.check_answers.size() ? v.check_answers[i] : -1;
      out << " Q" << i + 1 << "=" << (a < 0 ? "open" : size_t(a) == v.check[i].question.answer ? "right" : "wrong");
    }
    out << "\n";
  }
  if (!s.quiz.questions.empty()) {
    size_t done = 0;
    for (int a : v.answers) done += a >= 0;
    out << "questions: " << done << " of " << s.quiz.questions.size() << " answered\n";
  }
  if (v.asking < 0 || size_t(v.asking) >= s.quiz.questions.size()) return;
  const Question& q = s.quiz.questions[size_t(v.asking)];
  out << "question: " << q.prompt << "\n";
  for (size_t i = 0; i < q.choices.size(); ++i) out << "  " << i + 1 << ") " << q.choices[i] << "\n";
  if (v.chosen >= 0) {
    out << "answer: " << (size_t(v.chosen) == q.answer ? "right" : "wrong (the answer is " + std::to_string(q.answer + 1) + ")")
        << ": " << q.evidence << "\n";
  }
}

}  // namespace

std::string describe_window(const Session& s, const UiState& ui, bool dialog_open) {
  std::ostringstream out;
  out << "file: " << s.target << "\n";
  out << "shown: " << (s.loaded() ? (s.run->path.empty() ? s.run->name : s.run->path) : "(nothing)") << "\n";
  out << "step: " << s.cursor << " of " << s.size() << "\n";
  out << "stale: " << (s.stale ? "yes" : "no") << "\n";
  if (s.loaded() && s.replay->shutdown_start() < s.size()) out << "shutdown: from step " << s.replay->shutdown_start() << "\n";
  if (!s.notice.empty()) out << "notice: " << s.notice << "\n";
  if (!s.load_error.empty()) out << "error: " << s.load_error << "\n";
  for (const std::string& l : s.error_lines) out << "  | " << l << "\n";
  dump_marks(s, out);
  dump_console(s, out);
  if (dialog_open) dump_dialog(ui.browser, out);
  dump_lesson(s, ui, out);
  dump_editor(ui, out);
  dump_dialogs(ui, out);
  if (!ui.folder.empty()) {
    out << "scenarios menu: " << ui.folder << "\n";
    for (const std::string& f : ui.folder_files) out << "  " << f << "\n";
  }
  if (!ui.status.empty()) out << "status: " << ui.status << "\n";
  return out.str();
}

}  // namespace loopscope::gui
