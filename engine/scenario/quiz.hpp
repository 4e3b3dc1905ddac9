#pragma once
// The knowledge check: predict-the-next-step questions at a lesson's
// checkpoints, and the chapter's three questions. Every answer is derived
// from a run (its trace), never stored: the question says what to
// predict, the run says what happened.
//
// Question kinds, as written after `# ask:` in a lesson:
//   what prints next                the next output line after the checkpoint
//   which task runs next            the task whose step comes next
//   when does the next line print   the virtual time of the next output line
//   does the next timer fire late   whether the next timer to fire fires after its time

#include <string>
#include <vector>

#include "engine/scenario/lesson.hpp"

namespace loopscope {

struct Question {
  std::string prompt;
  std::vector<std::string> choices;
  size_t answer = 0;     // index into choices
  std::string evidence;  // what the run shows, for after the answer
  size_t cursor = 0;     // where in the run it is asked (0 for the chapter's questions)
};

// The question of one `# ask:` kind at a checkpoint; empty `error` on success.
Question checkpoint_question(const Replay& replay, const ReachedCheckpoint& at, const std::string& kind,
                             std::string& error);

// A lesson's whole quiz, checkpoint by checkpoint; errors for asks that
// cannot be answered from the run.
struct LessonQuiz {
  std::vector<const ReachedCheckpoint*> at;  // the checkpoint of each question
  std::vector<Question> questions;
  std::vector<Diagnostic> errors;
};
LessonQuiz lesson_quiz(const Replay& replay, const LessonRun& lesson, const std::string& file);

// The chapter's three questions (calling an async def without await;
// running coroutines concurrently; why never time.sleep in async code).
// Each runs the lesson that proves it; the answer is the one choice the
// run bears out (an error when not exactly one does).
struct ChapterQuestion {
  Question question;
  std::string lesson;  // the built-in lesson that shows the answer
};
std::vector<ChapterQuestion> chapter_questions(std::string& error);

}  // namespace loopscope
