// libFuzzer target over the scenario language: lexer, parser, compiler and,
// when the input compiles, the VM with the event loop under small limits.
//
// Any input must end in diagnostics, a finished run, a Python exception, or
// a limit: never a crash, a sanitizer report or a hang. Built by
// tests/fuzz/CMakeLists.txt in its own build folder (clang, ASan, UBSan);
// `make fuzz-language` runs it.

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/loop/world.hpp"
#include "engine/script/script.hpp"

namespace {

// Small enough that a runaway loop ends in milliseconds, big enough that the
// seed programs run to completion.
loopscope::RunOptions fuzz_limits() {
  loopscope::RunOptions o;
  o.max_iters = 5000;
  o.max_time = 10000.0;
  o.instruction_budget = 200000;
  o.file_system = false;  // a fuzzed program must not create or remove host files
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string source(reinterpret_cast<const char*>(data), size);
  loopscope::script::CompileResult compiled = loopscope::script::compile_source("fuzz.py", source);
  if (!compiled.ok) {
    (void)compiled.formatted();  // the diagnostics' text is part of what is fuzzed
    return 0;
  }
  loopscope::World world(fuzz_limits());
  (void)loopscope::script::run_program(world, *compiled.program);
  return 0;
}
