#pragma once
// Private to the compiler's own files (compiler*.cpp): the Compiler class
// and its frame-block records, shared by the statement and expression halves.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/script/syntax/ast.hpp"
#include "engine/script/compiler/chunk.hpp"
#include "engine/script/syntax/diagnostic.hpp"
#include "engine/script/runtime/objects.hpp"
#include "engine/script/compiler/scope.hpp"

namespace loopscope::script::compiler_internal {

inline constexpr const char* kExceptStarJump = "'break', 'continue' and 'return' cannot appear in an except* block";

enum class FB : uint8_t { While, For, TryExcept, Finally, Handler, FinallyHandler, With, ExceptStar };

struct FBlock {
  FBlock(FB k, size_t start = 0, std::vector<size_t>* b = nullptr, const Body* fin = nullptr, std::string n = {},
         bool async = false)
      : kind(k), loop_start(start), breaks(b), finalbody(fin), name(std::move(n)), is_async(async) {}
  FB kind;
  size_t loop_start = 0;
  std::vector<size_t>* breaks = nullptr;
  const Body* finalbody = nullptr;
  std::string name;  // Handler: the `as` name to clear
  bool is_async = false;
};

// annotations.cpp: an annotation as the text `from __future__ import
// annotations` makes of it.
std::string unparse(const Expr& e);
}  // namespace loopscope::script::compiler_internal

namespace loopscope::script {
// CPython's compile errors for `from __future__ import` lines.
void check_future_imports(const Module& m, std::vector<Diagnostic>& errors);
}  // namespace loopscope::script

namespace loopscope::script::compiler_internal {

class Compiler {
 public:
  Compiler(const SymbolTable& st, const std::string& file, std::vector<Diagnostic>& errors)
      : st_(st), file_(file), errors_(errors) {}

  Ref<CodeObj> module(const Module& m);

 private:
  struct Unit {
    Unit(CodeObj* c, const Scope* s) : code(c), scope(s) {}
    CodeObj* code;
    const Scope* scope;
    std::vector<FBlock> fblocks;
  };

  Unit& u() { return *units_.back(); }
  Chunk& chunk() { return u().code->chunk; }
  size_t here() const { return units_.back()->code->chunk.code.size(); }
  size_t emit(Op op, uint32_t arg = 0) { return chunk().emit(op, arg, line_); }
  void patch(size_t at) { chunk().code[at].arg = static_cast<uint32_t>(here()); }
  uint32_t constant(Value v) { return chunk().add_const(std::move(v)); }
  uint32_t name(const std::string& n) { return chunk().add_name(n); }
  void error(int line, int col, std::string msg) { errors_.push_back({line, col, std::move(msg)}); }

  uint32_t local_slot(const std::string& n);
  uint32_t cell_slot(const std::string& n);

  enum class Access { Load, Store, Delete };
  void name_op(const std::string& n, Access a);

  // ---- statements ----

  void body(const Body& b);
  void stmt(const Stmt& s);
  void aug_assign(const Stmt& s);
  void ann_assign(const Stmt& s);
  void setup_annotations(const Body& b);
  void store(const Expr& t);
  void del(const Expr& t);
  void unwind(const FBlock& fb, bool for_return);
  void break_continue(const Stmt& s, bool is_break);
  void try_except_star(const Stmt& s);
  void except_star_handler(const Handler& h);
  void return_stmt(const Stmt& s);
  void if_stmt(const Stmt& s);
  void while_stmt(const Stmt& s);
  void for_stmt(const Stmt& s);
  size_t async_next();
  void async_for_end(size_t setup);
  void try_stmt(const Stmt& s);
  void try_except(const Stmt& s);
  void with_stmt(const Stmt& s, size_t item);

  // ---- match (compiler_match.cpp) ----

  // A failed test: the jump to patch and the stack depth above the
  // subject at that point (what the cleanup pops).
  struct FailSite {
    size_t jump;
    int depth;
  };
  void match_stmt(const Stmt& s);
  void pattern(const Pattern& p, int& depth, std::vector<FailSite>& fails);
  void pattern_unpacked(const std::vector<const Pattern*>& subs, int count, int& depth, std::vector<FailSite>& fails);
  void pattern_or(const Pattern& p, int& depth, std::vector<FailSite>& fails);
  void fail_if(Op jump, int depth, std::vector<FailSite>& fails);
  void fail_cleanup(std::vector<FailSite>& fails, int target_depth);

  // ---- functions and classes ----

  Ref<CodeObj> new_code(const Scope* sc, const std::string& name, int line);
  bool closure(const CodeObj& code);
  uint32_t defaults(const Params& p);
  void set_params(CodeObj& code, const Params& p);
  void function_def(const FunctionDef& f);
  void decorators_before(const std::vector<ExprP>& decorators);
  void decorators_after(const std::vector<ExprP>& decorators);
  static int last_line(const Body& b);
  void class_def(const Stmt& s);
  void lambda(const Expr& e);
  void comprehension(const Expr& e);

  // ---- expressions ----

  void subscript_index(const Expr& idx);
  static bool is_const(const Expr& e);
  static bool all_const(const std::vector<ExprP>& items);
  void iterable(const Expr& e);
  void sequence(const std::vector<ExprP>& items, Op build, bool to_tuple);
  void call(const Expr& e);
  // The arguments of a call without * or **, then `plain` (no keywords) or
  // the keyword names as a tuple constant and `with_keywords`.
  void call_arguments(const Expr& e, Op plain, Op with_keywords);
  void expr(const Expr& e);
  void expr_inner(const Expr& e);

  const SymbolTable& st_;
  std::string file_;
  std::vector<Diagnostic>& errors_;
  std::vector<Unit*> units_;
  int line_ = 1;
  bool future_annotations_ = false;
};

}  // namespace loopscope::script::compiler_internal
