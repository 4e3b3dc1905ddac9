// script_run FILE.py [--dis] [--transcript] [--trace] [--max-iters=N] [--max-time=T] [--heap-ties]
// Runs a script. By default prints its output lines and `! ...` lines;
// --transcript / --trace print the engine's transcript (plain / with
// events), as `loopscope run` does; --dis prints the bytecode.
#include <cstring>
#include <iostream>
#include <string>

#include "case_runner.hpp"
#include "engine/script/script.hpp"
#include "engine/trace/printer.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: script_run FILE.py [--dis] [--transcript] [--trace] [--max-iters=N] [--max-time=T] [--heap-ties]\n";
    return 2;
  }
  bool dis = false, transcript = false, events = false;
  loopscope::RunOptions opts;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dis") dis = true;
    else if (a == "--transcript") transcript = true;
    else if (a == "--trace") transcript = events = true;
    else if (a == "--heap-ties") opts.heap_ties = true;
    else if (a.rfind("--max-iters=", 0) == 0) opts.max_iters = std::stoull(a.substr(12));
    else if (a.rfind("--max-time=", 0) == 0) opts.max_time = std::stod(a.substr(11));
  }
  auto c = loopscope::script::compile_file(argv[1]);
  if (!c.ok) {
    std::cerr << c.formatted();
    return 2;
  }
  if (dis) {
    std::cout << loopscope::script::disassemble(*c.program);
    return 0;
  }
  if (transcript) {
    loopscope::World world(opts);
    auto r = loopscope::script::run_program(world, *c.program);
    loopscope::print_transcript(world.trace, std::cout, events);
    return r.status;
  }
  auto r = loopscope::script::testing::run_file(argv[1]);
  for (const auto& l : r.lines) std::cout << l << "\n";
  if (!r.traceback.empty()) std::cerr << r.traceback;
  return r.status;
}
