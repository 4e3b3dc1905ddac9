// The knowledge check in the Lesson tab: the chapter's three questions
// (quiz.hpp chapter_questions). Each answer comes from the run of the lesson
// that proves it; after a choice the tab says what that run shows and offers
// to open it. The score is kept with the lessons' scores.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace loopscope::gui {

namespace {

void build(LessonsView& v) {
  if (v.check_built) return;
  v.check = chapter_questions(v.check_error);
  v.check_answers.assign(v.check.size(), -1);
  v.check_built = true;
}

// Once every question is answered, the score joins the lessons' scores.
void record(LessonsView& v, UiState& ui) {
  int right = 0;
  for (size_t i = 0; i < v.check.size(); ++i) {
    if (v.check_answers[i] < 0) return;
    right += size_t(v.check_answers[i]) == v.check[i].question.answer;
  }
  LessonScore& sc = v.scores[kKnowledgeCheck];
  sc.right = right;
  sc.total = int(v.check.size());
  sc.best = std::max(sc.best, right);
  ui.status = "Knowledge check: " + std::to_string(right) + "/" + std::to_string(sc.total) + " right";
}

// The first question still open answers to the number keys.
int first_open(const LessonsView& v) {
  for (size_t i = 0; i < v.check_answers.size(); ++i) {
    if (v.check_answers[i] < 0) return int(i);
  }
  return -1;
}

void draw_one(Session& s, UiState& ui, size_t n, bool keys) {
  LessonsView& v = ui.lessons;
  const ChapterQuestion& cq = v.check[n];
  const Question& q = cq.question;
  ImGui::PushID(int(n));
  ImGui::PushFont(fonts().title);
  ImGui::Text("Q%zu. %s", n + 1, q.prompt.c_str());
  ImGui::PopFont();
  int chosen = v.check_answers[n];
  for (size_t i = 0; i < q.choices.size(); ++i) {
    std::string label = std::to_string(i + 1) + ") " + q.choices[i];
    if (chosen < 0) {
      // Not while the editor takes the keys, nor Ctrl+digit (text size).
      ImGuiIO& io = ImGui::GetIO();
      bool by_key = keys && !io.WantTextInput && !io.KeyCtrl && i < 9 && ImGui::IsKeyPressed(GLFW_KEY_1 + int(i), false);
      if (control_button(ui, (label + "##check" + std::to_string(n) + "_" + std::to_string(i)).c_str(), -1) || by_key) {
        v.check_answers[n] = int(i);
        record(v, ui);
      }
    } else {
      ImVec4 c = i == q.answer ? ImVec4(0.5f, 0.9f, 0.5f, 1) : int(i) == chosen ? ImVec4(1, 0.55f, 0.55f, 1) : ImVec4(0.6f, 0.6f, 0.6f, 1);
      ImGui::TextColored(c, "%s", label.c_str());
    }
  }
  if (chosen >= 0) {
    if (size_t(chosen) == q.answer) ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.5f, 1), "Right: %s", q.evidence.c_str());
    else ImGui::TextColored(ImVec4(1, 0.7f, 0.5f, 1), "Not quite: the answer is %zu); %s", q.answer + 1, q.evidence.c_str());
    std::string show = "Show me: open " + cq.lesson + "##show" + std::to_string(n);
    if (control_button(ui, show.c_str())) {
      v.show_check = false;
      open_target(s, ui, cq.lesson);
    }
  }
  ImGui::PopID();
  ImGui::Spacing();
}

}  // namespace

void draw_knowledge_check(Session& s, UiState& ui) {
  LessonsView& v = ui.lessons;
  build(v);
  ImGui::BeginChild("knowledge_check", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushFont(fonts().title);
  ImGui::TextUnformatted("Knowledge check: the chapter's three questions");
  ImGui::PopFont();
  auto dim = ImGui::ColorConvertU32ToFloat4(colors::kDim);
  if (!v.check_error.empty()) {
    ImGui::TextColored(ImVec4(1, 0.6f, 0.6f, 1), "%s", v.check_error.c_str());
  } else {
    ImGui::TextColored(dim, "Choose an answer (click it or press its number); each is checked against the run of the "
                            "lesson that shows it, which you can then open and step through.");
    auto best = v.scores.find(kKnowledgeCheck);
    if (best != v.scores.end()) ImGui::TextColored(dim, "Last time: %d/%d right (best %d).", best->second.right, best->second.total, best->second.best);
    ImGui::Spacing();
    int keys_for = first_open(v);
    for (size_t n = 0; n < v.check.size(); ++n) draw_one(s, ui, n, int(n) == keys_for);
    if (keys_for < 0 && control_button(ui, "Ask again")) v.check_answers.assign(v.check.size(), -1);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

}  // namespace loopscope::gui
