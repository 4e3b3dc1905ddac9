// The chapter's three questions. Each choice comes with a test on a run;
// the answer is the one choice whose test holds on the lesson that proves it.
#include <algorithm>
#include <functional>
#include <optional>

#include "engine/scenario/quiz.hpp"

namespace loopscope {

namespace {

struct Proof {
  ScenarioRun run;
  std::unique_ptr<Replay> replay;
};

bool load(const std::string& lesson, Proof& p, std::string& error) {
  p.run = run_scenario(lesson);
  if (!p.run.world || !p.run.errors.empty()) {
    error = "the lesson '" + lesson + "' does not run";
    return false;
  }
  p.replay = std::make_unique<Replay>(p.run.world->trace);
  return true;
}

// The time of the first output line that starts with `prefix`.
std::optional<double> printed_at(const Replay& r, const std::string& prefix) {
  const Trace& t = r.trace();
  for (uint32_t i : r.output_events()) {
    if (t[i].kind == Ev::Output && t.string(t[i].a).substr(0, prefix.size()) == prefix) return r.time_at(i + 1);
  }
  return std::nullopt;
}

bool has_diagnostic(const Replay& r, Ev kind, const std::string& text) {
  const Trace& t = r.trace();
  for (uint32_t i : r.output_events()) {
    if (t[i].kind == kind && t.string(t[i].a).find(text) != std::string_view::npos) return true;
  }
  return false;
}

bool any_task_runs(const Replay& r, const std::string& coro) {
  for (uint32_t k = 0; k < r.task_count(); ++k) {
    if (r.coro_name(k) != kNoString && r.trace().string(r.coro_name(k)) == coro) return true;
  }
  return false;
}

// The largest lateness of a timer in the run (0 when all fire on time).
double latest_timer(const Replay& r) {
  const Trace& t = r.trace();
  double worst = 0;
  for (uint32_t i : r.timer_dues()) {
    uint32_t made = r.handle_created(t[i].a);
    if (made == UINT32_MAX || t[made].kind != Ev::Timer) continue;
    worst = std::max(worst, r.time_at(i + 1) - t.number(t[made].c));
  }
  return worst;
}

struct Choice {
  std::string text;
  std::function<bool()> holds;
};

// The question with the one choice whose test holds as its answer.
bool settle(Question& q, const std::vector<Choice>& choices, std::string& error) {
  std::optional<size_t> answer;
  for (size_t i = 0; i < choices.size(); ++i) {
    q.choices.push_back(choices[i].text);
    if (!choices[i].holds()) continue;
    if (answer) {
      error = "two answers hold for '" + q.prompt + "'";
      return false;
    }
    answer = i;
  }
  if (!answer) {
    error = "no answer holds for '" + q.prompt + "'";
    return false;
  }
  q.answer = *answer;
  return true;
}

}  // namespace

std::vector<ChapterQuestion> chapter_questions(std::string& error) {
  Proof never, gather, blocking;
  if (!load("never_awaited", never, error) || !load("gather", gather, error) ||
      !load("blocking_sleep", blocking, error)) {
    return {};
  }
  const Replay& nr = *never.replay;
  const Replay& gr = *gather.replay;
  const Replay& br = *blocking.replay;
  auto body_ran = [&] { return printed_at(nr, "work(without await) runs").has_value(); };
  std::vector<ChapterQuestion> out(3);

  out[0].lesson = "never_awaited";
  out[0].question.prompt = "What happens when you call an async def function without await?";
  if (!settle(out[0].question,
              {{"Its body runs at once, like a normal function's", body_ran},
               {"Nothing runs: you get a coroutine object, and Python warns it was never awaited",
                [&] { return !body_ran() && has_diagnostic(nr, Ev::Warning, "was never awaited"); }},
               {"It starts a new task that runs in the background", [&] { return any_task_runs(nr, "work"); }}},
              error)) {
    return {};
  }
  out[0].question.evidence = std::string("in the run, work(without await) never prints, and ") +
                             (has_diagnostic(nr, Ev::Warning, "was never awaited")
                                  ? "Python warns: coroutine 'work' was never awaited."
                                  : "Python does not warn.");

  std::optional<double> s0 = printed_at(gr, "one by one: start"), s1 = printed_at(gr, "one by one: done");
  std::optional<double> g0 = printed_at(gr, "gather: start"), g1 = printed_at(gr, "gather: done");
  if (!s0 || !s1 || !g0 || !g1) {
    error = "the gather lesson no longer prints its start and done lines";
    return {};
  }
  double one_by_one = *s1 - *s0, together = *g1 - *g0;
  out[1].lesson = "gather";
  out[1].question.prompt = "How do you run several coroutines concurrently?";
  if (!settle(out[1].question,
              {{"await each one in turn", [&] { return one_by_one <= together + 1e-9; }},
               {"pass them to asyncio.gather (or wrap each in asyncio.create_task)",
                [&] { return together + 1e-9 < one_by_one; }},
               {"call them without await", body_ran}},
              error)) {
    return {};
  }
  out[1].question.evidence = "awaited one by one they take " + seconds(one_by_one) + "; gathered, " +
                             seconds(together) + ", the time of the longest alone.";

  double late = latest_timer(br);
  out[2].lesson = "blocking_sleep";
  out[2].question.prompt = "Why must you never call time.sleep inside async code?";
  if (!settle(out[2].question,
              {{"It blocks the whole event loop: no other task runs and timers fire late",
                [&] { return !br.blocks().empty() && late > 1e-9; }},
               {"It raises an error inside a coroutine", [&] { return blocking.run.exit_code != 0; }},
               {"It pauses only the task that calls it, like asyncio.sleep", [&] { return late <= 1e-9; }}},
              error)) {
    return {};
  }
  out[2].question.evidence = "while time.sleep holds the loop nothing else runs, and a timer fires " +
                             seconds(late) + " late.";
  return out;
}

}  // namespace loopscope
