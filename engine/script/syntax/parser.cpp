// The parser's driver: token helpers, error recovery (panic mode), node
// construction, the entry points parse_module and parse_fragment, and binop_symbol.
#include "engine/script/syntax/parser.hpp"

#include "engine/script/syntax/parser_internal.hpp"

namespace loopscope::script {

const char* binop_symbol(BinOp op) {
  switch (op) {
    case BinOp::Add: return "+";
    case BinOp::Sub: return "-";
    case BinOp::Mul: return "*";
    case BinOp::Div: return "/";
    case BinOp::FloorDiv: return "//";
    case BinOp::Mod: return "%";
    case BinOp::Pow: return "**";
    case BinOp::LShift: return "<<";
    case BinOp::RShift: return ">>";
    case BinOp::BitAnd: return "&";
    case BinOp::BitOr: return "|";
    case BinOp::BitXor: return "^";
  }
  return "?";
}

Parser::Parser(std::vector<Token> tokens, std::vector<Diagnostic>& errors)
    : toks_(std::move(tokens)), errors_(errors) {
  if (toks_.empty() || toks_.back().kind != Tok::End) toks_.push_back(Token{});
}

const Token& Parser::peek(size_t ahead) const {
  size_t i = pos_ + ahead;
  return i < toks_.size() ? toks_[i] : toks_.back();
}

const Token& Parser::advance() {
  const Token& t = toks_[pos_];
  if (pos_ + 1 < toks_.size()) ++pos_;
  return t;
}

bool Parser::match(Tok k) {
  if (!check(k)) return false;
  advance();
  return true;
}

const Token& Parser::expect(Tok k, const char* what) {
  if (check(k)) return advance();
  const Token& t = peek();
  if (t.kind == Tok::Error) fail(t, t.text);
  std::string msg = std::string("expected ") + what;
  if (t.kind == Tok::Newline || t.kind == Tok::End) {
    if (k == Tok::RParen) msg = "'(' was never closed";
    else if (k == Tok::RBracket) msg = "'[' was never closed";
    else if (k == Tok::RBrace) msg = "'{' was never closed";
  } else if (t.kind == Tok::Indent) {
    msg = "unexpected indent";
  }
  fail(t, msg);
}

void Parser::fail(const Token& at, std::string msg) {
  // The lexer already reported its own errors; don't repeat them.
  bool lexer_error = at.kind == Tok::Error;
  if (!lexer_error && errors_.size() < kMaxErrors) errors_.push_back({at.line, at.col, std::move(msg)});
  throw Failure{};
}

// Panic mode: skip to the end of the logical line; if a block follows the
// broken header, skip the block too.
void Parser::synchronize() {
  while (!check(Tok::End) && !check(Tok::Newline)) {
    if (check(Tok::Indent) || check(Tok::Dedent)) break;
    advance();
  }
  match(Tok::Newline);
  if (check(Tok::Indent)) {
    int depth = 0;
    do {
      if (check(Tok::Indent)) ++depth;
      if (check(Tok::Dedent)) --depth;
      advance();
    } while (depth > 0 && !check(Tok::End));
  }
}

ExprP Parser::node(EK k, const Token& at) {
  auto e = std::make_unique<Expr>();
  e->kind = k;
  e->line = at.line;
  e->col = at.col;
  return e;
}

StmtP Parser::snode(SK k, const Token& at) {
  auto s = std::make_unique<Stmt>();
  s->kind = k;
  s->line = at.line;
  s->col = at.col;
  return s;
}

Module Parser::parse_module() {
  Module m;
  while (!check(Tok::End)) {
    if (errors_.size() >= kMaxErrors) break;
    if (check(Tok::Indent)) {
      const Token& t = advance();
      if (errors_.size() < kMaxErrors) errors_.push_back({t.line, t.col, "unexpected indent"});
      continue;
    }
    if (check(Tok::Dedent) || check(Tok::Newline)) {
      advance();
      continue;
    }
    statement(m.body);
  }
  return m;
}

ExprP Parser::parse_fragment() {
  try {
    ExprP e = star_expressions();
    if (!check(Tok::End)) fail_here("invalid syntax in f-string expression");
    return e;
  } catch (const Failure&) {
    return nullptr;
  }
}

}  // namespace loopscope::script
