// Lessons: the narrative form (watch, checkpoints tied to moments of the
// run, asks), every built-in lesson's checkpoints found in its own run,
// and quiz answers derived from the run rather than stored.
#include "engine/scenario/lesson.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/scenario/quiz.hpp"

namespace loopscope {
namespace {

struct Lesson {
  ScenarioRun run;
  std::unique_ptr<Replay> replay;
  Narrative narrative;
  LessonRun reached;
};

std::unique_ptr<Lesson> load(const std::string& name, const std::string& source = {}) {
  auto l = std::make_unique<Lesson>();
  l->run = source.empty() ? run_scenario(name) : run_source(name, source);
  EXPECT_TRUE(l->run.errors.empty()) << name;
  l->replay = std::make_unique<Replay>(l->run.world->trace);
  l->narrative = parse_narrative(name, l->run.source);
  l->reached = resolve_narrative(l->narrative, *l->replay, name);
  return l;
}

std::string messages(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) out += d.format();
  return out;
}

const std::string kProgram = R"(import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"fetched {name}")

async def main():
    await asyncio.gather(fetch("a", A_DELAY), fetch("b", 0.2))
    print("done")

asyncio.run(main())
)";

// The program with a narrative in front and a's delay set.
std::string program(const std::string& narrative, const std::string& a_delay = "0.1") {
  std::string p = narrative + kProgram;
  p.replace(p.find("A_DELAY"), 7, a_delay);
  return p;
}

TEST(Lessons, EveryBuiltInLessonHasANarrativeAndItsCheckpointsHappenInItsRun) {
  ASSERT_GE(builtin_scenarios().size(), 12u);
  for (const BuiltinScenario& b : builtin_scenarios()) {
    std::unique_ptr<Lesson> l = load(b.name);
    EXPECT_EQ(l->run.exit_code, 0) << b.name;
    EXPECT_FALSE(l->narrative.watch.empty()) << b.name << " has no `# watch:`";
    EXPECT_FALSE(l->narrative.checkpoints.empty()) << b.name << " has no checkpoint";
    EXPECT_TRUE(l->narrative.errors.empty()) << messages(l->narrative.errors);
    EXPECT_TRUE(l->reached.errors.empty()) << messages(l->reached.errors);
    EXPECT_EQ(l->reached.reached.size(), l->narrative.checkpoints.size()) << b.name;
    LessonQuiz quiz = lesson_quiz(*l->replay, l->reached, b.name);
    EXPECT_TRUE(quiz.errors.empty()) << messages(quiz.errors);
    EXPECT_FALSE(quiz.questions.empty()) << b.name << " asks nothing";
    for (const ReachedCheckpoint& r : l->reached.reached) {
      EXPECT_EQ(r.text.find('{'), std::string::npos) << b.name << ": " << r.text;
    }
  }
}

TEST(Lessons, TheLessonsComeInTheChaptersOrder) {
  std::vector<std::string> names;
  for (const BuiltinScenario& b : builtin_scenarios()) names.push_back(b.name);
  auto pos = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
  EXPECT_LT(pos("01_async_await"), pos("03_sleep"));
  EXPECT_LT(pos("03_sleep"), pos("04_asyncio_run"));
  EXPECT_LT(pos("05_coroutines_vs_threads"), pos("06_blocking_sleep"));
  EXPECT_LT(pos("07_gather"), pos("08_create_task"));
  EXPECT_LT(pos("09_sleep_zero"), pos("10_queue"));
  EXPECT_LT(pos("11_many_requests"), pos("12_wait_for_timeout"));
}

TEST(Lessons, ACheckpointTakesItsValuesFromTheRun) {
  std::unique_ptr<Lesson> l = load("blocking_sleep");
  ASSERT_EQ(l->reached.reached.size(), 2u);
  EXPECT_NE(l->reached.reached[1].text.find("was due at 0.5 s; it fires at 2 s, 1.5 s late"), std::string::npos)
      << l->reached.reached[1].text;
  EXPECT_NE(l->reached.reached[0].text.find("Task-3 (blocker) calls time.sleep(2)"), std::string::npos)
      << l->reached.reached[0].text;
  EXPECT_DOUBLE_EQ(l->reached.reached[1].time, 2.0);
}

TEST(Lessons, TheHundredThousandTasksLessonCountsItsTasks) {
  std::unique_ptr<Lesson> l = load("coroutines_vs_threads");
  ASSERT_EQ(l->reached.reached.size(), 5u);
  // main, A, B, 100,000 sleepers, the ticker and the to_thread task, and
  // asyncio.run's two shutdown tasks.
  EXPECT_NE(l->reached.reached[2].text.find("100007 tasks"), std::string::npos) << l->reached.reached[2].text;
}

TEST(Lessons, AMomentThatDoesNotHappenIsAnErrorAtItsLine) {
  std::unique_ptr<Lesson> l = load("x.py", program("# checkpoint: when \"fetched z\" prints: never\n"));
  ASSERT_EQ(l->reached.errors.size(), 1u);
  EXPECT_EQ(l->reached.errors[0].line, 1);
  EXPECT_NE(l->reached.errors[0].message.find("does not happen"), std::string::npos);
  l = load("x.py", program("# checkpoint: when nobody finishes: never\n"));
  ASSERT_EQ(l->reached.errors.size(), 1u);
}

TEST(Lessons, MalformedNarrativeLinesAreErrorsWithTheirLines) {
  Narrative n = parse_narrative("x.py",
                                "# ask: what prints next\n"
                                "# checkpoint: fetched a: no when\n"
                                "# checkpoint: when fetch dances: unknown verb\n"
                                "# checkpoint: when \"x\" prints no colon\n");
  ASSERT_EQ(n.errors.size(), 4u) << messages(n.errors);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(n.errors[size_t(i)].line, i + 1);
  EXPECT_NE(n.errors[2].message.find("unknown moment 'fetch dances'"), std::string::npos);
}

TEST(Lessons, AnUnknownValueOrQuestionIsAnError) {
  std::unique_ptr<Lesson> l = load("x.py", program("# checkpoint: when \"done\" prints: {speed}\n"));
  ASSERT_EQ(l->reached.errors.size(), 1u);
  EXPECT_NE(l->reached.errors[0].message.find("{speed}"), std::string::npos);
  l = load("x.py", program("# checkpoint: when fetch starts: x\n# ask: who wins\n"));
  LessonQuiz quiz = lesson_quiz(*l->replay, l->reached, "x.py");
  ASSERT_EQ(quiz.errors.size(), 1u);
  EXPECT_NE(quiz.errors[0].message.find("unknown question 'who wins'"), std::string::npos);
}

TEST(Lessons, WatchTextContinuesOnIndentedCommentLines) {
  Narrative n = parse_narrative("x.py", "# watch: the ready queue\n#   and the timers\n# not this\n");
  EXPECT_EQ(n.watch, "the ready queue and the timers");
}

// The same question on two programs that differ only in a delay: the
// answer follows the run.
TEST(Quiz, WhatPrintsNextFollowsTheRun) {
  const std::string narrative = "# checkpoint: when fetch starts: x\n# ask: what prints next\n";
  for (const auto& [delay, expected] : {std::pair<std::string, std::string>{"0.1", "\"fetched a\""},
                                        std::pair<std::string, std::string>{"0.3", "\"fetched b\""}}) {
    std::unique_ptr<Lesson> l = load("x.py", program(narrative, delay));
    LessonQuiz quiz = lesson_quiz(*l->replay, l->reached, "x.py");
    ASSERT_EQ(quiz.questions.size(), 1u) << messages(quiz.errors);
    const Question& q = quiz.questions[0];
    EXPECT_EQ(q.choices[q.answer], expected) << delay;
    EXPECT_GE(q.choices.size(), 3u);
  }
}

TEST(Quiz, WhenDoesTheNextLinePrintFollowsTheRun) {
  const std::string narrative = "# checkpoint: when fetch starts: x\n# ask: when does the next line print\n";
  std::unique_ptr<Lesson> l = load("x.py", program(narrative, "0.15"));
  LessonQuiz quiz = lesson_quiz(*l->replay, l->reached, "x.py");
  ASSERT_EQ(quiz.questions.size(), 1u) << messages(quiz.errors);
  EXPECT_EQ(quiz.questions[0].choices[quiz.questions[0].answer], "0.15 s");
}

TEST(Quiz, WhichTaskRunsNextIsTheNextStepInTheTrace) {
  std::unique_ptr<Lesson> l = load("sleep_zero");
  LessonQuiz quiz = lesson_quiz(*l->replay, l->reached, "sleep_zero");
  ASSERT_EQ(quiz.questions.size(), 2u) << messages(quiz.errors);
  EXPECT_EQ(quiz.questions[0].prompt, "Which task runs next?");
  EXPECT_EQ(quiz.questions[0].choices[quiz.questions[0].answer], "Task-3 (counter)");
  EXPECT_EQ(quiz.questions[1].choices[quiz.questions[1].answer], "\"ping 1\"");
}

TEST(Quiz, ATimerHeldUpByTimeSleepIsLateAndAWaitForTimeoutIsNot) {
  std::unique_ptr<Lesson> l = load("blocking_sleep");
  LessonQuiz quiz = lesson_quiz(*l->replay, l->reached, "blocking_sleep");
  ASSERT_FALSE(quiz.questions.empty()) << messages(quiz.errors);
  EXPECT_EQ(quiz.questions[0].choices[quiz.questions[0].answer], "yes: it fires late");
  EXPECT_NE(quiz.questions[0].evidence.find("1.5 s late"), std::string::npos) << quiz.questions[0].evidence;
  l = load("wait_for_timeout");
  quiz = lesson_quiz(*l->replay, l->reached, "wait_for_timeout");
  ASSERT_FALSE(quiz.questions.empty()) << messages(quiz.errors);
  EXPECT_EQ(quiz.questions[0].choices[quiz.questions[0].answer], "no: it fires on time");
}

TEST(Quiz, AQuestionWithOnlyOnePossibleAnswerIsRefused) {
  // Every line prints at 0 s: asking when the next one prints is pointless.
  std::unique_ptr<Lesson> l = load("x.py",
                                   "# checkpoint: when \"one\" prints: x\n"
                                   "# ask: when does the next line print\n"
                                   "print('one')\nprint('two')\n");
  ASSERT_TRUE(l->reached.errors.empty()) << messages(l->reached.errors);
  LessonQuiz quiz = lesson_quiz(*l->replay, l->reached, "x.py");
  ASSERT_EQ(quiz.errors.size(), 1u);
  EXPECT_NE(quiz.errors[0].message.find("every line prints at the same time"), std::string::npos);
}

TEST(Quiz, TheChaptersThreeQuestionsAreAnsweredByTheirLessons) {
  std::string error;
  std::vector<ChapterQuestion> qs = chapter_questions(error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_EQ(qs.size(), 3u);
  auto answer = [&](size_t i) { return qs[i].question.choices[qs[i].question.answer]; };
  EXPECT_NE(answer(0).find("Nothing runs"), std::string::npos) << answer(0);
  EXPECT_NE(answer(1).find("asyncio.gather"), std::string::npos) << answer(1);
  EXPECT_NE(answer(2).find("blocks the whole event loop"), std::string::npos) << answer(2);
  EXPECT_NE(qs[1].question.evidence.find("0.6 s"), std::string::npos) << qs[1].question.evidence;
  EXPECT_NE(qs[2].question.evidence.find("1.5 s late"), std::string::npos) << qs[2].question.evidence;
}

}  // namespace
}  // namespace loopscope
