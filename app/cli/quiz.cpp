// `loopscope quiz [LESSON]`: the knowledge check in a terminal. Questions
// come from the lesson's run (engine/scenario/quiz.hpp); answers are read
// from stdin, one line each; the score per lesson is kept in
// $XDG_CONFIG_HOME/loopscope/scores.txt (or ~/.config/loopscope/).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "app/cli/commands.hpp"
#include "engine/scenario/quiz.hpp"

namespace loopscope::cli {

namespace {

constexpr const char* kChapterCheck = "check";

struct Score {
  int last = 0, best = 0, total = 0;
};

std::filesystem::path scores_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return std::filesystem::path(xdg) / "loopscope" / "scores.txt";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::filesystem::path(home) / ".config" / "loopscope" / "scores.txt";
  return {};
}

// One line per lesson: `NAME LAST BEST TOTAL`; unreadable lines are ignored.
std::map<std::string, Score> read_scores(const std::filesystem::path& path) {
  std::map<std::string, Score> out;
  std::ifstream f(path);
  std::string line;
  while (std::getline(f, line)) {
    std::istringstream in(line);
    std::string name;
    Score s;
    if (in >> name >> s.last >> s.best >> s.total) out[name] = s;
  }
  return out;
}

bool write_scores(const std::filesystem::path& path, const std::map<std::string, Score>& scores) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream f(path);
  for (const auto& [name, s] : scores) f << name << ' ' << s.last << ' ' << s.best << ' ' << s.total << '\n';
  return bool(f);
}

// Reads a choice 1..n; nullopt at the end of the input.
std::optional<size_t> read_choice(std::istream& in, std::ostream& out, size_t n) {
  std::string line;
  while (true) {
    out << "your answer (1-" << n << "): " << std::flush;
    if (!std::getline(in, line)) return std::nullopt;
    size_t a = line.find_first_not_of(" \t\r");
    std::string word = a == std::string::npos ? "" : line.substr(a, line.find_last_not_of(" \t\r") - a + 1);
    char* end = nullptr;
    long v = std::strtol(word.c_str(), &end, 10);
    if (!word.empty() && *end == '\0' && v >= 1 && size_t(v) <= n) return size_t(v - 1);
    out << "answer with a number from 1 to " << n << "\n";
  }
}

// Asks one question; nullopt when the input ended.
std::optional<bool> ask(const Question& q, size_t number, std::istream& in, std::ostream& out) {
  out << "\nQ" << number << ". " << q.prompt << "\n";
  for (size_t i = 0; i < q.choices.size(); ++i) out << "  " << i + 1 << ") " << q.choices[i] << "\n";
  std::optional<size_t> got = read_choice(in, out, q.choices.size());
  if (!got) return std::nullopt;
  bool right = *got == q.answer;
  if (right) {
    out << "right: " << q.evidence << "\n";
  } else {
    out << "not quite: the answer is " << q.answer + 1 << ") " << q.choices[q.answer] << "; " << q.evidence << "\n";
  }
  return right;
}

int finish(const std::string& name, int right, int total, std::ostream& out) {
  out << "\nscore: " << right << "/" << total;
  std::filesystem::path path = scores_path();
  if (path.empty()) {
    out << " (not saved: neither XDG_CONFIG_HOME nor HOME is set)\n";
    return 0;
  }
  std::map<std::string, Score> scores = read_scores(path);
  Score& s = scores[name];
  s.last = right;
  s.total = total;
  s.best = std::max(s.best, right);
  out << " (best " << s.best << "/" << total << ")\n";
  if (!write_scores(path, scores)) std::cerr << "loopscope: warning: cannot write " << path.string() << "\n";
  return 0;
}

int stopped(std::ostream& out) {
  out << "\nno more answers: the quiz stops here (score not saved)\n";
  return 1;
}

int chapter_check(std::istream& in, std::ostream& out) {
  std::string error;
  std::vector<ChapterQuestion> qs = chapter_questions(error);
  if (!error.empty()) {
    std::cerr << "loopscope: error: " << error << "\n";
    return 2;
  }
  out << "The chapter's knowledge check: choose an answer, then see the run that shows it.\n";
  int right = 0;
  for (size_t i = 0; i < qs.size(); ++i) {
    std::optional<bool> r = ask(qs[i].question, i + 1, in, out);
    if (!r) return stopped(out);
    right += *r;
    out << "(see it: loopscope run " << qs[i].lesson << ", or open it in the window)\n";
  }
  return finish(kChapterCheck, right, int(qs.size()), out);
}

void print_diagnostics(const std::vector<Diagnostic>& errors) {
  for (const Diagnostic& d : errors) std::cerr << d.format();
}

int lesson_check(const std::string& target, std::istream& in, std::ostream& out) {
  ScenarioRun run = run_scenario(target);
  if (!run.errors.empty() || !run.world) {
    print_diagnostics(run.errors);
    return 2;
  }
  std::string file = run.path.empty() ? run.name : run.path;
  Narrative n = parse_narrative(file, run.source);
  Replay replay(run.world->trace);
  LessonRun lesson = resolve_narrative(n, replay, file);
  LessonQuiz quiz = lesson_quiz(replay, lesson, file);
  if (!n.errors.empty() || !lesson.errors.empty() || !quiz.errors.empty()) {
    print_diagnostics(n.errors);
    print_diagnostics(lesson.errors);
    print_diagnostics(quiz.errors);
    return 2;
  }
  if (quiz.questions.empty()) {
    std::cerr << "loopscope: error: " << file << " has no questions (add `# ask:` lines under its checkpoints)\n";
    return 2;
  }
  out << run.name << ": " << quiz.questions.size() << " questions. Predict what the run does next.\n";
  if (!n.watch.empty()) out << "Watch: " << n.watch << "\n";
  // Every checkpoint in turn, each followed by its questions.
  int right = 0;
  size_t next = 0;
  for (const ReachedCheckpoint& cp : lesson.reached) {
    out << "\n-- at " << seconds(cp.time) << ": " << cp.text << "\n";
    for (; next < quiz.questions.size() && quiz.at[next] == &cp; ++next) {
      std::optional<bool> r = ask(quiz.questions[next], next + 1, in, out);
      if (!r) return stopped(out);
      right += *r;
    }
  }
  return finish(run.name, right, int(quiz.questions.size()), out);
}

int list_scores(std::ostream& out) {
  std::map<std::string, Score> scores = read_scores(scores_path());
  auto line = [&](const std::string& name, const std::string& title) {
    out << "  " << name;
    for (size_t k = name.size(); k < 28; ++k) out << ' ';
    auto s = scores.find(name);
    out << (s == scores.end() ? std::string("-") : std::to_string(s->second.best) + "/" + std::to_string(s->second.total))
        << "  " << title << "\n";
  };
  out << "Lessons (best score, then title): loopscope quiz NAME\n";
  for (const BuiltinScenario& b : builtin_scenarios()) line(b.name, b.title);
  line(kChapterCheck, "the chapter's three questions");
  return 0;
}

}  // namespace

int cmd_quiz(const std::string& lesson, std::istream& in, std::ostream& out) {
  if (lesson.empty()) return list_scores(out);
  if (lesson == kChapterCheck) return chapter_check(in, out);
  return lesson_check(lesson, in, out);
}

}  // namespace loopscope::cli
