// The Lesson tab: the chapter's lessons in order with progress (visited,
// quiz score), Previous/Next, the open lesson's narrative (what to watch,
// its checkpoints as the run reaches them) and its predict-the-next-step
// questions. A question is asked when stepping or playing reaches its
// checkpoint: the run pauses, the question comes up with its choices,
// the answer is checked against the run itself and explained, then the
// run plays on.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace loopscope::gui {

namespace {

constexpr const char* kQuestionTitle = "Predict the next step";

// The target's place in the chapter (-1: not a lesson).
// A lesson opened from the lessons folder by its path counts as that lesson.
int lesson_index(const std::string& target) {
  std::string name = target;
  if (is_lesson_file(target)) name = std::filesystem::path(target).stem().string();
  const BuiltinScenario* b = name.find('/') == std::string::npos ? find_builtin(name) : nullptr;
  return b ? int(b - builtin_scenarios().data()) : -1;
}

std::string lesson_label(const BuiltinScenario& b) { return b.name + "  " + b.title; }

// The score line of a lesson: "visited", "2/3 (best 3/3)", or "".
std::string progress_text(const LessonsView& v, const std::string& name) {
  auto sc = v.scores.find(name);
  if (sc != v.scores.end()) {
    const LessonScore& s = sc->second;
    std::string t = "quiz " + std::to_string(s.right) + "/" + std::to_string(s.total);
    if (s.best > s.right) t += " (best " + std::to_string(s.best) + ")";
    return t;
  }
  return v.visited.count(name) ? "visited" : "";
}

void draw_list(Session& s, UiState& ui) {
  const auto& all = builtin_scenarios();
  int at = lesson_index(s.target);
  ImGui::BeginDisabled(at <= 0);
  if (control_button(ui, "Previous lesson")) open_target(s, ui, all[size_t(at - 1)].name);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(at + 1 >= int(all.size()));
  if (control_button(ui, "Next lesson")) open_target(s, ui, all[size_t(at + 1)].name);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (control_button(ui, ui.lessons.show_check ? "Back to the lesson" : "Knowledge check")) {
    ui.lessons.show_check = !ui.lessons.show_check;
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", "The chapter's three questions: calling an async def without await, running coroutines "
                            "concurrently, and why never time.sleep in async code.");
  }
  ImGui::BeginChild("lesson_list", ImVec2(0, 0), true);
  for (size_t i = 0; i < all.size(); ++i) {
    const BuiltinScenario& b = all[i];
    std::string progress = progress_text(ui.lessons, b.name);
    float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(progress.c_str()).x - em(12);
    std::string label = fit_text(lesson_label(b), room) + "##" + b.name;
    if (ImGui::Selectable(label.c_str(), int(i) == at && !ui.lessons.show_check)) {
      ui.lessons.show_check = false;
      open_target(s, ui, b.name);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", lesson_label(b).c_str());
    if (!progress.empty()) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(progress.c_str()).x);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "%s", progress.c_str());
    }
  }
  ImGui::EndChild();
}

size_t answered(const LessonsView& v) {
  return size_t(std::count_if(v.answers.begin(), v.answers.end(), [](int a) { return a >= 0; }));
}

size_t right_answers(const Session& s, const LessonsView& v) {
  size_t n = 0;
  for (size_t i = 0; i < v.answers.size() && i < s.quiz.questions.size(); ++i) {
    n += v.answers[i] >= 0 && size_t(v.answers[i]) == s.quiz.questions[i].answer;
  }
  return n;
}

void draw_checkpoints(Session& s) {
  auto dim = ImGui::ColorConvertU32ToFloat4(colors::kDim);
  for (size_t i = 0; i < s.lesson.reached.size(); ++i) {
    const ReachedCheckpoint& r = s.lesson.reached[i];
    ImGui::PushID(int(i));
    if (r.cursor <= s.cursor) {
      std::string head = "at " + seconds(r.time);
      if (ImGui::SmallButton(head.c_str())) s.seek(r.cursor);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to this moment of the run");
      ImGui::SameLine();
      ImGui::TextUnformatted(r.text.c_str());
    } else {
      ImGui::TextColored(dim, "ahead: %s", r.checkpoint->when.c_str());
    }
    ImGui::PopID();
  }
}

void draw_narrative(Session& s, UiState& ui) {
  auto dim = ImGui::ColorConvertU32ToFloat4(colors::kDim);
  ImGui::BeginChild("lesson_text", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0.0f);
  int at = lesson_index(s.target);
  ImGui::PushFont(fonts().title);
  if (at >= 0) ImGui::Text("Lesson %d of %zu: %s", at + 1, builtin_scenarios().size(), builtin_scenarios()[size_t(at)].title.c_str());
  else ImGui::TextUnformatted(s.run ? s.run->name.c_str() : "");
  ImGui::PopFont();
  if (s.narrative.empty()) {
    ImGui::TextColored(dim, "This scenario has no narrative. A file can carry one in comments: "
                            "`# watch:` and `# checkpoint:` lines (see the Lessons section of the README).");
  }
  if (!s.narrative.watch.empty()) {
    ImGui::TextColored(dim, "What to watch");
    ImGui::TextUnformatted(s.narrative.watch.c_str());
    ImGui::Spacing();
  }
  if (!s.lesson.reached.empty()) {
    ImGui::TextColored(dim, "Checkpoints");
    draw_checkpoints(s);
  }
  for (const Diagnostic& d : s.lesson.errors) ImGui::TextColored(ImVec4(1, 0.6f, 0.6f, 1), "%s", d.format().c_str());
  if (!s.quiz.questions.empty()) {
    ImGui::Spacing();
    ImGui::TextColored(dim, "Questions: %zu of %zu answered, %zu right. Step or play (Space): the run stops at each "
                            "checkpoint with a question.",
                       answered(ui.lessons), s.quiz.questions.size(), right_answers(s, ui.lessons));
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

// The quiz of this run is over: its score is kept.
void record_score(const Session& s, UiState& ui) {
  LessonsView& v = ui.lessons;
  if (!s.run || answered(v) != s.quiz.questions.size()) return;
  LessonScore& sc = v.scores[s.run->name];
  sc.right = int(right_answers(s, v));
  sc.total = int(s.quiz.questions.size());
  sc.best = std::max(sc.best, sc.right);
  ui.status = "Quiz for " + s.run->name + ": " + std::to_string(sc.right) + "/" + std::to_string(sc.total) + " right";
}

}  // namespace

void track_lesson(Session& s, UiState& ui) {
  LessonsView& v = ui.lessons;
  uint64_t serial = s.replay ? s.replay->serial() : 0;
  if (v.answers_for == serial && v.answers.size() == s.quiz.questions.size()) return;
  v.answers_for = serial;
  v.answers.assign(s.quiz.questions.size(), -1);
  v.asking = v.chosen = -1;
  if (int at = lesson_index(s.target); at >= 0) v.visited.insert(builtin_scenarios()[size_t(at)].name);
}

size_t stop_at_question(Session& s, UiState& ui, size_t from, size_t to) {
  track_lesson(s, ui);
  LessonsView& v = ui.lessons;
  for (size_t i = 0; i < s.quiz.questions.size(); ++i) {
    size_t at = s.quiz.questions[i].cursor;
    if (v.answers[i] < 0 && at > from && at <= to) {
      v.asking = int(i);
      v.chosen = -1;
      v.open_requested = true;
      ui.playing = false;
      return at;
    }
  }
  return to;
}

void draw_lessons(Session& s, UiState& ui) {
  track_lesson(s, ui);
  float list_w = std::floor(ImGui::GetContentRegionAvail().x * 0.34f);
  ImGui::BeginChild("lessons_left", ImVec2(list_w, 0), false);
  draw_list(s, ui);
  ImGui::EndChild();
  ImGui::SameLine();
  if (ui.lessons.show_check) draw_knowledge_check(s, ui);
  else draw_narrative(s, ui);
}

void draw_question(Session& s, UiState& ui) {
  LessonsView& v = ui.lessons;
  if (v.open_requested) {
    ImGui::OpenPopup(kQuestionTitle);
    v.open_requested = false;
  }
  ImVec2 vp = ImGui::GetMainViewport()->WorkSize;
  ImGui::SetNextWindowSize(ImVec2(std::min(em(620), vp.x - em(40)), 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kQuestionTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  if (v.asking < 0 || size_t(v.asking) >= s.quiz.questions.size()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Question& q = s.quiz.questions[size_t(v.asking)];
  const ReachedCheckpoint* cp = s.quiz.at[size_t(v.asking)];
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "Checkpoint at %s", seconds(cp->time).c_str());
  ImGui::TextUnformatted(cp->text.c_str());
  ImGui::Spacing();
  ImGui::PushFont(fonts().title);
  ImGui::TextUnformatted(q.prompt.c_str());
  ImGui::PopFont();
  if (v.chosen < 0) ImGui::TextDisabled("Click a choice or press its number.");
  for (size_t i = 0; i < q.choices.size(); ++i) {
    std::string label = std::to_string(i + 1) + ") " + q.choices[i];
    if (v.chosen < 0) {
      // A click, or the choice's number on the keyboard.
      bool by_key = i < 9 && ImGui::IsKeyPressed(GLFW_KEY_1 + int(i), false);
      if (control_button(ui, (label + "##choice" + std::to_string(i)).c_str(), -1) || by_key) v.chosen = int(i);
    } else {
      ImVec4 c = i == q.answer ? ImVec4(0.5f, 0.9f, 0.5f, 1) : int(i) == v.chosen ? ImVec4(1, 0.55f, 0.55f, 1) : ImVec4(0.6f, 0.6f, 0.6f, 1);
      ImGui::TextColored(c, "%s", label.c_str());
    }
  }
  if (v.chosen >= 0) {
    ImGui::Spacing();
    bool right = size_t(v.chosen) == q.answer;
    if (right) ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.5f, 1), "Right: %s", q.evidence.c_str());
    else ImGui::TextColored(ImVec4(1, 0.7f, 0.5f, 1), "Not quite: the answer is %zu) %s; %s", q.answer + 1, q.choices[q.answer].c_str(), q.evidence.c_str());
    if (control_button(ui, "Play on", em(120)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
      v.answers[size_t(v.asking)] = v.chosen;
      v.asking = v.chosen = -1;
      record_score(s, ui);
      ui.playing = true;
      ImGui::CloseCurrentPopup();
    }
  } else if (control_button(ui, "Skip", em(120))) {
    v.asking = -1;  // asked again next time the run comes here
    ImGui::CloseCurrentPopup();
  }
  ImGui::PopTextWrapPos();
  ImGui::EndPopup();
}

}  // namespace loopscope::gui
