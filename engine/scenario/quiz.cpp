#include "engine/scenario/quiz.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace loopscope {

namespace {

// Events of a kind after the cursor, in order, until `pick` says yes.
template <class Pick>
std::optional<size_t> next_event(const Replay& replay, size_t cursor, Pick pick) {
  const Trace& t = replay.trace();
  for (size_t i = cursor; i < t.size(); ++i) {
    if (pick(t[i])) return i;
  }
  return std::nullopt;
}

// The answer plus up to `others` distractors, in a fixed order that does
// not give the answer away (sorted), without duplicates.
void set_choices(Question& q, const std::string& answer, std::vector<std::string> pool, size_t others) {
  std::vector<std::string> picked{answer};
  for (const std::string& c : pool) {
    if (picked.size() > others) break;
    if (std::find(picked.begin(), picked.end(), c) == picked.end()) picked.push_back(c);
  }
  std::sort(picked.begin(), picked.end());
  q.choices = picked;
  q.answer = size_t(std::find(picked.begin(), picked.end(), answer) - picked.begin());
}

std::string output_text(const Trace& t, size_t i) { return "\"" + std::string(t.string(t[i].a)) + "\""; }

Question what_prints_next(const Replay& replay, size_t cursor, std::string& error) {
  const Trace& t = replay.trace();
  Question q;
  q.prompt = "What does the program print next?";
  auto next = next_event(replay, cursor, [](const Event& e) { return e.kind == Ev::Output; });
  if (!next) {
    error = "nothing prints after this checkpoint";
    return q;
  }
  // Distractors: the lines printed after it, then the ones before.
  std::vector<std::string> pool;
  for (uint32_t i : replay.output_events()) {
    if (i > *next && t[i].kind == Ev::Output) pool.push_back(output_text(t, i));
  }
  for (uint32_t i : replay.output_events()) {
    if (i < *next && t[i].kind == Ev::Output) pool.push_back(output_text(t, i));
  }
  set_choices(q, output_text(t, *next), pool, 3);
  q.evidence = "at " + seconds(replay.time_at(*next)) + ", " +
               (replay.task_running_at_event(*next) == UINT32_MAX
                    ? std::string("the program")
                    : task_label(replay, replay.task_running_at_event(*next))) +
               " prints " + output_text(t, *next) + ".";
  return q;
}

Question which_task_next(const Replay& replay, size_t cursor, std::string& error) {
  Question q;
  q.prompt = "Which task runs next?";
  auto next = next_event(replay, cursor, [](const Event& e) { return e.kind == Ev::Step; });
  if (!next) {
    error = "no task runs after this checkpoint";
    return q;
  }
  uint32_t task = replay.trace()[*next].a;
  ReplayState s = replay.state_at(cursor);
  std::vector<std::string> pool;
  for (const TaskView& v : s.tasks) {
    bool finished = v.state == TaskState::Done || v.state == TaskState::Cancelled || v.state == TaskState::Failed;
    if (!finished) pool.push_back(task_label(replay, v.id));
  }
  set_choices(q, task_label(replay, task), pool, 3);
  if (q.choices.size() < 2) {
    error = "only one task could run next: ask something else here";
    return q;
  }
  q.evidence = "the next step in the run is " + task_label(replay, task) + "'s, at " +
               seconds(replay.time_at(*next)) + ".";
  return q;
}

Question when_next_line(const Replay& replay, size_t cursor, std::string& error) {
  Question q;
  q.prompt = "At what virtual time does the next line print?";
  auto next = next_event(replay, cursor, [](const Event& e) { return e.kind == Ev::Output; });
  if (!next) {
    error = "nothing prints after this checkpoint";
    return q;
  }
  std::vector<double> times{replay.time_at(cursor)};
  for (uint32_t i : replay.output_events()) times.push_back(replay.time_at(i + 1));
  std::vector<std::string> pool;
  for (double v : times) pool.push_back(seconds(v));
  std::string answer = seconds(replay.time_at(*next + 1));
  set_choices(q, answer, pool, 3);
  // Sorted as numbers, not as text.
  std::sort(q.choices.begin(), q.choices.end(),
            [](const std::string& a, const std::string& b) { return std::stod(a) < std::stod(b); });
  q.answer = size_t(std::find(q.choices.begin(), q.choices.end(), answer) - q.choices.begin());
  if (q.choices.size() < 2) {
    error = "every line prints at the same time: ask something else here";
    return q;
  }
  q.evidence = "the next line, " + output_text(replay.trace(), *next) + ", prints at " + answer + ".";
  return q;
}

Question timer_late(const Replay& replay, size_t cursor, std::string& error) {
  const Trace& t = replay.trace();
  Question q;
  q.choices = {"yes: it fires late", "no: it fires on time"};
  auto next = next_event(replay, cursor, [](const Event& e) { return e.kind == Ev::Due; });
  uint32_t made = next ? replay.handle_created(t[*next].a) : UINT32_MAX;
  if (!next || made == UINT32_MAX || t[made].kind != Ev::Timer) {
    error = "no timer fires after this checkpoint";
    return q;
  }
  double due = t.number(t[made].c);
  double fired = replay.time_at(*next + 1);
  q.prompt = "The next timer to fire is set for " + seconds(due) + ". Does it fire late?";
  bool late = fired - due > 1e-9;
  q.answer = late ? 0 : 1;
  q.evidence = "it was set for " + seconds(due) + " and fires at " + seconds(fired) +
               (late ? ", " + seconds(fired - due) + " late." : ", on time.");
  return q;
}

}  // namespace

Question checkpoint_question(const Replay& replay, const ReachedCheckpoint& at, const std::string& kind,
                             std::string& error) {
  Question q;
  if (kind == "what prints next") q = what_prints_next(replay, at.cursor, error);
  else if (kind == "which task runs next") q = which_task_next(replay, at.cursor, error);
  else if (kind == "when does the next line print") q = when_next_line(replay, at.cursor, error);
  else if (kind == "does the next timer fire late") q = timer_late(replay, at.cursor, error);
  else error = "unknown question '" + kind +
               "' (ask: what prints next, which task runs next, when does the next line print, "
               "does the next timer fire late)";
  q.cursor = at.cursor;
  return q;
}

LessonQuiz lesson_quiz(const Replay& replay, const LessonRun& lesson, const std::string& file) {
  LessonQuiz quiz;
  for (const ReachedCheckpoint& r : lesson.reached) {
    for (const std::string& kind : r.checkpoint->asks) {
      std::string error;
      Question q = checkpoint_question(replay, r, kind, error);
      if (!error.empty()) {
        Diagnostic d;
        d.file = file;
        d.line = r.checkpoint->line;
        d.col = 1;
        d.message = "ask: " + error;
        quiz.errors.push_back(std::move(d));
        continue;
      }
      quiz.at.push_back(&r);
      quiz.questions.push_back(std::move(q));
    }
  }
  return quiz;
}

}  // namespace loopscope
