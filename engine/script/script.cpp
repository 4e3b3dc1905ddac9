#include "engine/script/script.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/loop/cycles.hpp"
#include "engine/loop/event_loop.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/compiler/compiler.hpp"
#include "engine/script/compiler/disassembler.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/syntax/lexer.hpp"
#include "engine/script/syntax/parser.hpp"

namespace loopscope::script {

Program::~Program() = default;

std::string CompileResult::formatted() const {
  std::string out;
  for (const Diagnostic& d : errors) out += format_diagnostic(file, source, d);
  return out;
}

CompileResult compile_source(const std::string& file, const std::string& source) {
  CompileResult r;
  r.file = file;
  r.source = source;
  Lexer lexer(source);
  std::vector<Token> tokens = lexer.tokenize();
  r.errors = lexer.errors();
  std::vector<Diagnostic> parse_errors;
  Parser parser(std::move(tokens), parse_errors);
  Module m = parser.parse_module();
  r.errors.insert(r.errors.end(), parse_errors.begin(), parse_errors.end());
  Ref<CodeObj> code;
  // Code objects carry the file's basename, as the transcript shows them
  // (TRACE_FORMAT.md: a traceback never shows a machine path).
  if (r.errors.empty()) code = compile_module(m, std::filesystem::path(file).filename().string(), r.errors);
  std::stable_sort(r.errors.begin(), r.errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.col < b.col;
  });
  // One report per place is enough.
  r.errors.erase(std::unique(r.errors.begin(), r.errors.end(),
                             [](const Diagnostic& a, const Diagnostic& b) { return a.line == b.line && a.col == b.col; }),
                 r.errors.end());
  if (r.errors.empty() && code) {
    auto p = std::make_shared<Program>();
    p->file = file;
    p->source = source;
    p->code = code;
    r.program = p;
    r.ok = true;
  }
  return r;
}

CompileResult compile_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    CompileResult r;
    r.file = path;
    r.errors.push_back({1, 1, "cannot read the file"});
    return r;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return compile_source(path, ss.str());
}

RunResult run_program(World& world, const Program& program) {
  RunResult result;
  bool aborted = false;
  Interp in(world, program.file, program.source);
  Trace& t = world.trace;
  // A deadlock or limit line comes after the program's unfinished output.
  world.flush_output = [&in] { in.flush_output(); };
  struct Unhook {
    World& w;
    ~Unhook() { w.flush_output = nullptr; }
  } unhook{world};
  struct CloseDropped {
    Interp& in;
    explicit CloseDropped(Interp& i) : in(i) { Interp::close_dropped = &in; }
    ~CloseDropped() { Interp::close_dropped = nullptr; }
  };
  try {
    CloseDropped close_dropped(in);
    in.run_module(program.code);
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::SystemExit)) {
      const auto& args = e.exc->args;
      if (args.empty() || args[0].is_none()) result.status = 0;
      else if (args[0].is_int()) result.status = static_cast<int>(args[0].as_int());
      else {
        in.write_stderr(in.str(args[0]) + "\n");
        result.status = 1;
      }
    } else {
      in.flush_output();
      result.traceback = in.format_traceback(e.exc.get());
      std::string msg;
      try {
        msg = in.str(Value::object(e.exc));
      } catch (const PyError&) {
        msg = "<exception str() failed>";
      }
      std::string text = e.exc->cls->qualified_name() + (msg.empty() ? "" : ": " + msg);
      t.add(Ev::Traceback, t.str(text));
      result.status = 1;
    }
  } catch (const LoopAbort& a) {
    aborted = true;
    in.set_quiet(true);
    result.status = a.reason == LoopAbort::Reason::Deadlock ? 3 : 4;
    result.blocked_line = in.blocked_line();
    result.blocked = a.reason == LoopAbort::Reason::Limit && in.ran_out_of_budget();
  }
  in.flush_output();  // an unterminated last line still counts
  if (!aborted) {
    // Interpreter exit is part of the run: the globals die, then the
    // cycles are collected (pending tasks and their futures first, while
    // the interpreter their coroutines belong to still exists).
    in.clear_globals();
    collect_at_exit(world, in.state().policy_loop);
    world.release_loops();
    in.shutdown();
    world.trace.seal();
    return result;
  }
  // After a deadlock or a limit the run just stops: nothing more is shown.
  world.trace.seal();
  world.release_loops();
  in.shutdown();
  return result;
}

std::string disassemble(const Program& program) { return disassemble_code(*program.code); }

std::string source_line(const std::string& source, int line) {
  if (line < 1) return {};
  size_t pos = 0;
  for (int i = 1; i < line; ++i) {
    pos = source.find('\n', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  size_t end = source.find('\n', pos);
  std::string s = source.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

std::string format_diagnostic(const std::string& file, const std::string& source, const Diagnostic& d) {
  std::string out = file + ":" + std::to_string(d.line) + ":" + std::to_string(d.col) + ": error: " + d.message + "\n";
  std::string src = source_line(source, d.line);
  if (!src.empty()) {
    std::string shown;
    for (unsigned char c : src) shown += (c == '\t') ? ' ' : (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
    out += "    " + shown + "\n";
    // The caret counts code points, so a line with UTF-8 text lines up.
    std::string caret = "    ";
    int col = 1;
    for (size_t i = 0; i < src.size() && col < d.col; ++i) {
      if ((static_cast<unsigned char>(src[i]) & 0xC0) != 0x80) {
        caret += ' ';
      }
      ++col;
    }
    out += caret + "^\n";
  }
  return out;
}

}  // namespace loopscope::script
