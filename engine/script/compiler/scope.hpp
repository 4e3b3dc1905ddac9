#pragma once
// Scope analysis (a symbol table): which names of each function are
// locals, which are captured by inner functions (cells), which come from
// outer functions (free) and which are globals. Python decides this
// statically, so the compiler asks here before it emits a load or store.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/script/syntax/ast.hpp"
#include "engine/script/syntax/diagnostic.hpp"

namespace loopscope::script {

enum class NameRes : uint8_t { Local, Cell, Free, Global, Name };

struct Scope {
  enum class Kind : uint8_t { Module, Function, Class } kind = Kind::Module;
  std::string name;
  std::string qualname;
  Scope* parent = nullptr;
  bool is_async = false;
  bool is_comprehension = false;
  bool has_await = false;       // an await or async for (a comprehension: it is asynchronous)
  bool is_generator = false;    // a yield in the body (with is_async: an async generator)
  int return_value_line = 0, return_value_col = 0;  // the first `return value`, for async generators
  std::vector<std::string> params;  // in CodeObj order
  std::map<std::string, unsigned> flags;
  std::map<std::string, NameRes> resolved;
  std::vector<std::string> cellvars, freevars;  // in first-seen order
  std::vector<std::unique_ptr<Scope>> children;

  NameRes resolve(const std::string& n) const;
};

struct SymbolTable {
  std::unique_ptr<Scope> module;
  std::map<const void*, Scope*> by_node;  // FunctionDef*, lambda/comprehension Expr*, class Stmt*
};

SymbolTable build_symbols(const Module& m, std::vector<Diagnostic>& errors);

}  // namespace loopscope::script
