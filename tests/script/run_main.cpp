// script_run FILE.py [--dis]: runs a script and prints its output lines and
// diagnostics; --dis prints the bytecode instead.
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "case_runner.hpp"
#include "engine/script/script.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: script_run FILE.py [--dis]\n";
    return 2;
  }
  if (argc > 2 && std::strcmp(argv[2], "--dis") == 0) {
    auto c = loopscope::script::compile_file(argv[1]);
    if (!c.ok) {
      std::cerr << c.formatted();
      return 2;
    }
    std::cout << loopscope::script::disassemble(*c.program);
    return 0;
  }
  auto r = loopscope::script::testing::run_file(argv[1]);
  if (!r.compiled) {
    std::cerr << r.compile_errors;
    return 2;
  }
  for (const auto& l : r.lines) std::cout << l << "\n";
  if (!r.traceback.empty()) std::cerr << r.traceback;
  return r.status;
}
