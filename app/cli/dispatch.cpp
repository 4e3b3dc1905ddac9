#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "app/cli/commands.hpp"
#include "app/gui/gui.hpp"

namespace loopscope::cli {

namespace {

void add_run_options(CLI::App* cmd, RunOptions& o) {
  cmd->add_option("--max-iters", o.max_iters, "stop with `! limit` after this many loop iterations")
      ->capture_default_str();
  cmd->add_option("--max-time", o.max_time, "stop with `! limit` past this virtual time (seconds)")
      ->capture_default_str();
  cmd->add_option("--max-instructions", o.instruction_budget,
                  "stop with `! limit` when one task step (or the module's code) runs this many instructions "
                  "without awaiting: the event loop is blocked")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--heap-ties", o.heap_ties, "equal deadlines fire in raw heapq order, as CPython does");
}

bool parse_size(const std::string& s, int& w, int& h) {
  return std::sscanf(s.c_str(), "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240 && w <= 7680 && h <= 4320;
}

}  // namespace

int dispatch(const std::vector<std::string>& args) {
  CLI::App app{"loopscope: see how an asyncio event loop really works"};
  app.require_subcommand(0, 1);
  std::string open_target;
  app.add_option("scenario", open_target, "a .py file or a built-in scenario name to open in the window");

  RunOptions run_opts;
  std::string file;
  bool trace = false;
  auto* run = app.add_subcommand("run", "run a scenario and print its transcript");
  run->add_option("file", file, "the .py file or built-in name")->required();
  run->add_flag("--trace", trace, "print every event, not just output and diagnostics");
  add_run_options(run, run_opts);

  auto* check = app.add_subcommand("check", "compile a scenario and report errors");
  check->add_option("file", file, "the .py file")->required();

  app.add_subcommand("list", "list the built-in scenarios");

  std::string format = "chrome", out;
  auto* exp = app.add_subcommand("export", "export the trace: chrome (Perfetto) or jsonl");
  exp->add_option("file", file, "the .py file or built-in name")->required();
  exp->add_option("--format", format, "chrome or jsonl")->check(CLI::IsMember({"chrome", "jsonl"}));
  exp->add_option("-o,--output", out, "output file")->required();
  add_run_options(exp, run_opts);

  std::string oracle;
  auto* cmp = app.add_subcommand("compare", "run a file here and under CPython; show the first difference");
  cmp->add_option("file", file, "the .py file")->required();
  cmp->add_option("--oracle", oracle, "path of cpython_oracle.py (found next to the binary by default)");
  add_run_options(cmp, run_opts);

  std::string lesson;
  auto* quiz = app.add_subcommand("quiz", "the knowledge check: predict a lesson's run; answers from stdin");
  quiz->add_option("lesson", lesson, "a lesson (built-in name or .py file), or `check` for the chapter's questions");

  ScreenshotOptions shot;
  std::string size;
  bool at_end = false;
  auto* ss = app.add_subcommand("screenshot", "render the window offscreen to a PNG");
  ss->add_option("file", shot.scenario, "the .py file or built-in name")->required();
  ss->add_option("--step", shot.step, "the cursor (event index)");
  ss->add_flag("--end", at_end, "the cursor at the last event");
  ss->add_option("--size", size, "window size, WxH (default 1280x800)");
  ss->add_option("-o,--output", shot.out, "the PNG to write")->required();
  ss->add_option("--task", shot.task, "select a task (0 for the first created) for the Variables tab");
  ss->add_option("--tab", shot.tab, "the bottom tab to show: lesson, timeline, console, log, explain (the default), variables or awaits")
      ->check(CLI::IsMember({"lesson", "timeline", "console", "log", "explain", "variables", "awaits"}));

  DriveOptions drive;
  std::string drive_size;
  auto* drv = app.add_subcommand("drive", "run the window offscreen, driven by a script of actions (for tests)");
  drv->add_option("script", drive.script, "the actions, one a line (open, key, drop, write, wait-reload, dump...)")
      ->required();
  drv->add_option("--open", drive.scenario, "a .py file or built-in name to open first");
  drv->add_option("--size", drive_size, "window size, WxH (default 1280x800)");
  drv->add_flag("--restore", drive.restore, "restore the saved window state at the start and save it at the end");

  std::vector<std::string> rev(args.rbegin(), args.rend());
  try {
    app.parse(rev);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (*run) return cmd_run(file, trace, run_opts);
  if (*check) return cmd_check(file);
  if (app.got_subcommand("list")) return cmd_list();
  if (*exp) return cmd_export(file, format, out, run_opts);
  if (*cmp) return cmd_compare(file, run_opts, oracle);
  if (*quiz) return cmd_quiz(lesson, std::cin, std::cout);
  if (*ss) {
    if (!size.empty() && !parse_size(size, shot.width, shot.height)) {
      std::cerr << "loopscope: error: --size takes WxH, e.g. 1280x800 (got '" << size << "')\n";
      return 2;
    }
    if (at_end) shot.step = -1;
    return take_screenshot(shot);
  }
  if (*drv) {
    if (!drive_size.empty() && !parse_size(drive_size, drive.width, drive.height)) {
      std::cerr << "loopscope: error: --size takes WxH, e.g. 1280x800 (got '" << drive_size << "')\n";
      return 2;
    }
    return run_drive(drive);
  }
  GuiOptions gui;
  gui.scenario = open_target;
  return run_gui(gui);
}

}  // namespace loopscope::cli
