#pragma once
// The syntax tree the parser builds and the compiler walks. Nodes are
// plain structs with a kind tag; each kind uses the fields its comment
// names and leaves the others empty.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace loopscope::script {

struct Expr;
struct Stmt;
using ExprP = std::unique_ptr<Expr>;
using StmtP = std::unique_ptr<Stmt>;
using Body = std::vector<StmtP>;

enum class BinOp : uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor };
enum class UnOp : uint8_t { Neg, Pos, Not, Invert };
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class ConstKind : uint8_t { None, True, False, Int, Float, Str, Bytes, Ellipsis };

const char* binop_symbol(BinOp op);

struct Param {
  std::string name;
  ExprP default_value;  // may be null
  int line = 0, col = 0;
};

struct Params {
  std::vector<Param> positional;  // positional-or-keyword (and positional-only)
  std::string vararg;             // *args ("" when absent)
  std::vector<Param> kwonly;
  std::string kwarg;              // **kwargs
  // A def's annotations in CPython's order (parameters, then "return").
  std::vector<std::pair<std::string, ExprP>> annotations;
};

struct Comprehension {
  ExprP target;
  ExprP iter;
  std::vector<ExprP> ifs;
  bool is_async = false;  // `async for`
};

struct Keyword {
  std::string name;  // empty for **expr
  ExprP value;
};

enum class EK : uint8_t {
  Constant,      // ck, i, d, s
  Name,          // s
  BinOp,         // op, a, b
  UnaryOp,       // op, a
  BoolOp,        // op (0 and, 1 or), items
  Compare,       // a, cmps, items (comparators)
  Call,          // a (callee), items (positional, may hold Starred), keywords
  Attribute,     // a, s
  Subscript,     // a, b (index or Slice)
  Slice,         // a, b, c (each may be null)
  List,          // items
  Tuple,         // items
  Set,           // items
  Dict,          // items (keys; null for **mapping), items2 (values)
  ListComp,      // a (element), gens
  SetComp,       // a, gens
  DictComp,      // a (key), b (value), gens
  GeneratorExp,  // a, gens
  IfExp,         // a (test), b (body), c (orelse)
  Lambda,        // params, a (body)
  Await,         // a
  JoinedStr,     // items (Constant str or FormattedValue)
  FormattedValue,// a (value), conversion, b (spec: JoinedStr or null)
  Starred,       // a
  Yield,         // a (may be null)
  YieldFrom,     // a
  NamedExpr,     // s (target name), a (value)
};

struct Expr {
  EK kind;
  int line = 0, col = 0;
  ConstKind ck = ConstKind::None;
  int64_t i = 0;
  double d = 0;
  std::string s;
  int op = 0;
  char conversion = 0;
  ExprP a, b, c;
  std::vector<ExprP> items, items2;
  std::vector<CmpOp> cmps;
  std::vector<Keyword> keywords;
  std::vector<Comprehension> gens;
  std::shared_ptr<Params> params;
};

struct Alias {
  std::string name;    // dotted module name, or the imported name for `from`
  std::string asname;  // may be empty
  int line = 0, col = 0;
};

struct Handler {
  ExprP type;          // null for a bare except
  std::string name;    // `as name`, may be empty
  Body body;
  int line = 0, col = 0;
  bool star = false;   // `except*`
};

struct WithItem {
  ExprP context;
  ExprP target;  // may be null
};

// A `case` pattern. Value: value (a literal or dotted name; `is` for
// None/True/False); Capture: name; Wildcard; Star (in a sequence): name,
// empty for `*_`; Sequence: items; Mapping: keys, items (their patterns),
// name (the **rest, may be empty); Class: value (the class), items
// (positional), kwnames + kwitems; Or: items; As: items[0], name.
enum class PK : uint8_t { Value, Capture, Wildcard, Star, Sequence, Mapping, Class, Or, As };
struct Pattern;
using PatternP = std::unique_ptr<Pattern>;
struct Pattern {
  PK kind;
  int line = 0, col = 0;
  ExprP value;
  std::string name;
  std::vector<PatternP> items;
  std::vector<ExprP> keys;
  std::vector<std::string> kwnames;
  std::vector<PatternP> kwitems;
};

struct MatchCase {
  PatternP pattern;
  ExprP guard;  // may be null
  Body body;
  int line = 0, col = 0;
};

struct FunctionDef {
  std::string name;
  std::vector<ExprP> decorators;  // outermost first
  Params params;
  Body body;
  bool is_async = false;
  int line = 0, col = 0;
};

enum class SK : uint8_t {
  Expr,        // value
  Assign,      // targets (a = b = value), value
  AugAssign,   // targets[0], op, value
  AnnAssign,   // targets[0], test (the annotation), value (may be null), op 1 when the target is parenthesised
  Return,      // value (may be null)
  Pass, Break, Continue,
  If,          // test, body, orelse
  While,       // test, body, orelse
  For,         // target, iter, body, orelse, is_async
  Try,         // body, handlers, orelse, finalbody
  Raise,       // value (exc, may be null), cause
  Assert,      // test, value (msg, may be null)
  Del,         // targets
  Global,      // names
  Nonlocal,    // names
  Import,      // aliases
  ImportFrom,  // module, aliases
  FunctionDef, // func
  ClassDef,    // name, bases, keywords, body, decorators
  With,        // items, body, is_async
  Match,       // value (subject), cases
};

struct Stmt {
  SK kind;
  int line = 0, col = 0;
  std::vector<ExprP> targets;
  ExprP value, test, target, iter, cause;
  int op = 0;
  Body body, orelse, finalbody;
  std::vector<Handler> handlers;
  std::vector<std::string> names;
  std::vector<Alias> aliases;
  std::string module;
  std::string name;
  std::vector<ExprP> bases;
  std::vector<Keyword> keywords;
  std::vector<ExprP> decorators;  // a class's, outermost first
  std::unique_ptr<FunctionDef> func;
  std::vector<WithItem> items;
  std::vector<MatchCase> cases;
  bool is_async = false;
};

struct Module {
  Body body;
};

// Does the module start with `from __future__ import annotations`?
bool has_future_annotations(const Module& m);

}  // namespace loopscope::script
