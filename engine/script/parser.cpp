#include "engine/script/parser.hpp"

#include <cstdlib>
#include <functional>

#include "engine/script/compiler.hpp"
#include "engine/script/lexer.hpp"

namespace loopscope::script {

namespace {
constexpr size_t kMaxErrors = 25;
constexpr int kMaxNesting = 200;  // deeper expressions are refused, not a stack overflow
}  // namespace

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

void Parser::statement(Body& out) {
  size_t start = pos_;
  try {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::If: advance(); out.push_back(if_statement(t)); return;
      case Tok::While: out.push_back(while_statement()); return;
      case Tok::For: out.push_back(for_statement()); return;
      case Tok::Try: out.push_back(try_statement()); return;
      case Tok::With: advance(); out.push_back(with_statement(false, t)); return;
      case Tok::Def: advance(); out.push_back(def_statement(false, t)); return;
      case Tok::Class: out.push_back(class_statement()); return;
      case Tok::Async: {
        advance();
        if (match(Tok::Def)) { out.push_back(def_statement(true, t)); return; }
        if (match(Tok::With)) {
          if (in_async_.empty() || !in_async_.back()) fail(t, "'async with' outside async function");
          out.push_back(with_statement(true, t));
          return;
        }
        if (check(Tok::For)) fail(t, "'async for' is not supported");
        fail(t, "invalid syntax after 'async'");
      }
      case Tok::At: fail(t, "decorators ('@') are not supported");
      case Tok::Name:
        if (t.text == "match" && (peek(1).kind == Tok::Name || peek(1).kind == Tok::LParen ||
                                  peek(1).kind == Tok::LBracket || peek(1).kind == Tok::Int ||
                                  peek(1).kind == Tok::String)) {
          // A soft keyword: a match statement ends its header with ':'.
          for (size_t i = pos_; i < toks_.size() && toks_[i].kind != Tok::Newline && toks_[i].kind != Tok::End; ++i) {
            if (toks_[i].kind == Tok::Colon && toks_[i + 1].kind == Tok::Newline) fail(t, "'match' statements are not supported");
          }
        }
        break;
      case Tok::Elif: fail(t, "'elif' without a matching 'if'");
      case Tok::Else: fail(t, "'else' without a matching 'if', 'for', 'while' or 'try'");
      case Tok::Except: fail(t, "'except' without a matching 'try'");
      case Tok::Finally: fail(t, "'finally' without a matching 'try'");
      default: break;
    }
    simple_statements(out);
  } catch (const Failure&) {
    if (pos_ == start) advance();
    synchronize();
  }
}

void Parser::simple_statements(Body& out) {
  out.push_back(small_statement());
  while (match(Tok::Semicolon)) {
    if (check(Tok::Newline) || check(Tok::End)) break;
    out.push_back(small_statement());
  }
  if (check(Tok::End)) return;
  if (!check(Tok::Newline)) {
    const Token& t = peek();
    if (t.kind == Tok::Error) fail(t, t.text);
    fail(t, "invalid syntax");
  }
  advance();
}

Body Parser::block() {
  expect(Tok::Colon, "':'");
  Body body;
  if (!check(Tok::Newline)) {
    simple_statements(body);
    return body;
  }
  advance();
  if (!check(Tok::Indent)) fail_here("expected an indented block");
  advance();
  while (!check(Tok::Dedent) && !check(Tok::End)) {
    if (errors_.size() >= kMaxErrors) break;
    if (check(Tok::Indent)) {
      const Token& t = advance();
      if (errors_.size() < kMaxErrors) errors_.push_back({t.line, t.col, "unexpected indent"});
      continue;
    }
    statement(body);
  }
  match(Tok::Dedent);
  return body;
}

StmtP Parser::if_statement(const Token& kw) {
  StmtP s = snode(SK::If, kw);
  s->test = expression();
  s->body = block();
  if (check(Tok::Elif)) {
    const Token& e = advance();
    s->orelse.push_back(if_statement(e));
  } else if (match(Tok::Else)) {
    s->orelse = block();
  }
  return s;
}

StmtP Parser::while_statement() {
  StmtP s = snode(SK::While, advance());
  s->test = expression();
  ++loop_depth_;
  s->body = block();
  --loop_depth_;
  if (match(Tok::Else)) s->orelse = block();
  return s;
}

StmtP Parser::for_statement() {
  StmtP s = snode(SK::For, advance());
  s->target = target_list(Tok::In);
  expect(Tok::In, "'in'");
  s->iter = star_expressions();
  ++loop_depth_;
  s->body = block();
  --loop_depth_;
  if (match(Tok::Else)) s->orelse = block();
  return s;
}

StmtP Parser::try_statement() {
  StmtP s = snode(SK::Try, advance());
  s->body = block();
  while (check(Tok::Except)) {
    const Token& kw = advance();
    if (check(Tok::Star)) fail_here("'except*' is not supported");
    Handler h;
    h.line = kw.line;
    h.col = kw.col;
    if (!check(Tok::Colon)) {
      h.type = expression();
      if (check(Tok::Comma)) {
        // `except A, B:` is Python 2.
        fail_here("multiple exception types must be parenthesized");
      }
      if (match(Tok::As)) h.name = expect(Tok::Name, "a name after 'as'").text;
    }
    h.body = block();
    s->handlers.push_back(std::move(h));
  }
  if (match(Tok::Else)) {
    if (s->handlers.empty()) fail_here("'else' in a try statement needs an 'except' clause");
    s->orelse = block();
  }
  if (match(Tok::Finally)) s->finalbody = block();
  if (s->handlers.empty() && s->finalbody.empty()) fail_here("expected 'except' or 'finally' block");
  return s;
}

StmtP Parser::with_statement(bool is_async, const Token& kw) {
  StmtP s = snode(SK::With, kw);
  s->is_async = is_async;
  bool paren = check(Tok::LParen) && false;
  (void)paren;
  do {
    WithItem item;
    item.context = expression();
    if (match(Tok::As)) {
      item.target = target_list(Tok::Colon);
      check_target(*item.target, "with target");
    }
    s->items.push_back(std::move(item));
  } while (match(Tok::Comma));
  s->body = block();
  return s;
}

void Parser::parse_params(Params& p, Tok closing, bool annotations) {
  bool seen_star = false, seen_default = false;
  while (!check(closing)) {
    if (match(Tok::DoubleStar)) {
      const Token& n = expect(Tok::Name, "a parameter name");
      p.kwarg = n.text;
      if (annotations && match(Tok::Colon)) expression();
      match(Tok::Comma);
      if (!check(closing)) fail_here("parameters cannot follow '**" + p.kwarg + "'");
      break;
    }
    if (match(Tok::Star)) {
      if (seen_star) fail_here("'*' may appear only once in the parameters");
      seen_star = true;
      if (check(Tok::Name)) {
        p.vararg = advance().text;
        if (annotations && match(Tok::Colon)) expression();
      }
    } else if (match(Tok::Slash)) {
      // Positional-only marker: accepted, treated as ordinary parameters.
    } else {
      const Token& n = expect(Tok::Name, "a parameter name");
      Param prm;
      prm.name = n.text;
      prm.line = n.line;
      prm.col = n.col;
      if (annotations && match(Tok::Colon)) expression();
      if (match(Tok::Assign)) {
        prm.default_value = expression();
        seen_default = true;
      } else if (seen_default && !seen_star) {
        fail(n, "parameter without a default follows parameter with a default");
      }
      for (const Param& q : p.positional)
        if (q.name == prm.name) fail(n, "duplicate argument '" + prm.name + "' in function definition");
      (seen_star ? p.kwonly : p.positional).push_back(std::move(prm));
    }
    if (!match(Tok::Comma)) break;
  }
}

StmtP Parser::def_statement(bool is_async, const Token& kw) {
  StmtP s = snode(SK::FunctionDef, kw);
  auto f = std::make_unique<FunctionDef>();
  const Token& name = expect(Tok::Name, "a function name");
  f->name = name.text;
  f->is_async = is_async;
  f->line = kw.line;
  f->col = kw.col;
  expect(Tok::LParen, "'('");
  parse_params(f->params, Tok::RParen, true);
  expect(Tok::RParen, "')'");
  if (match(Tok::Arrow)) expression();
  in_async_.push_back(is_async);
  int saved_loops = loop_depth_;
  loop_depth_ = 0;
  try {
    f->body = block();
  } catch (...) {
    in_async_.pop_back();
    loop_depth_ = saved_loops;
    throw;
  }
  in_async_.pop_back();
  loop_depth_ = saved_loops;
  s->func = std::move(f);
  return s;
}

StmtP Parser::class_statement() {
  StmtP s = snode(SK::ClassDef, advance());
  s->name = expect(Tok::Name, "a class name").text;
  if (match(Tok::LParen)) {
    while (!check(Tok::RParen)) {
      if (check(Tok::Name) && peek(1).kind == Tok::Assign) {
        Keyword k;
        k.name = advance().text;
        advance();
        k.value = expression();
        s->keywords.push_back(std::move(k));
      } else {
        s->bases.push_back(expression());
      }
      if (!match(Tok::Comma)) break;
    }
    expect(Tok::RParen, "')'");
  }
  in_async_.push_back(false);
  int saved_loops = loop_depth_;
  loop_depth_ = 0;
  try {
    s->body = block();
  } catch (...) {
    in_async_.pop_back();
    loop_depth_ = saved_loops;
    throw;
  }
  in_async_.pop_back();
  loop_depth_ = saved_loops;
  return s;
}

StmtP Parser::import_statement() {
  StmtP s = snode(SK::Import, advance());
  do {
    Alias a;
    const Token& n = expect(Tok::Name, "a module name");
    a.line = n.line;
    a.col = n.col;
    a.name = n.text;
    while (match(Tok::Dot)) a.name += "." + expect(Tok::Name, "a module name").text;
    if (match(Tok::As)) a.asname = expect(Tok::Name, "a name after 'as'").text;
    if (!is_supported_module(a.name) && errors_.size() < kMaxErrors) {
      errors_.push_back({a.line, a.col, "import of module '" + a.name + "' is not supported (available: asyncio, time, random, math, sys)"});
    }
    s->aliases.push_back(std::move(a));
  } while (match(Tok::Comma));
  return s;
}

StmtP Parser::from_statement() {
  StmtP s = snode(SK::ImportFrom, advance());
  if (check(Tok::Dot)) fail_here("relative imports are not supported");
  const Token& m = expect(Tok::Name, "a module name");
  s->module = m.text;
  while (match(Tok::Dot)) s->module += "." + expect(Tok::Name, "a module name").text;
  if (!is_supported_module(s->module) && errors_.size() < kMaxErrors) {
    errors_.push_back({m.line, m.col, "import of module '" + s->module + "' is not supported (available: asyncio, time, random, math, sys)"});
  }
  expect(Tok::Import, "'import'");
  if (check(Tok::Star)) fail_here("'from " + s->module + " import *' is not supported");
  bool paren = match(Tok::LParen);
  do {
    if (paren && check(Tok::RParen)) break;
    Alias a;
    const Token& n = expect(Tok::Name, "a name to import");
    a.name = n.text;
    a.line = n.line;
    a.col = n.col;
    if (match(Tok::As)) a.asname = expect(Tok::Name, "a name after 'as'").text;
    s->aliases.push_back(std::move(a));
  } while (match(Tok::Comma));
  if (paren) expect(Tok::RParen, "')'");
  return s;
}

void Parser::check_target(const Expr& e, const char* what) {
  switch (e.kind) {
    case EK::Name: case EK::Attribute: case EK::Subscript: return;
    case EK::Tuple: case EK::List: {
      int stars = 0;
      for (const ExprP& x : e.items) {
        if (x->kind == EK::Starred) {
          if (++stars > 1) {
            errors_.push_back({x->line, x->col, "multiple starred expressions in assignment"});
            throw Failure{};
          }
          check_target(*x->a, what);
        } else {
          check_target(*x, what);
        }
      }
      return;
    }
    case EK::Starred:
      errors_.push_back({e.line, e.col, "starred assignment target must be in a list or tuple"});
      throw Failure{};
    default: {
      std::string msg = std::string("cannot assign to this expression (") + what + ")";
      if (e.kind == EK::Call) msg = "cannot assign to function call";
      else if (e.kind == EK::Constant) msg = "cannot assign to literal";
      if (errors_.size() < kMaxErrors) errors_.push_back({e.line, e.col, msg});
      throw Failure{};
    }
  }
}

StmtP Parser::small_statement() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Pass: advance(); return snode(SK::Pass, t);
    case Tok::Break:
      advance();
      if (loop_depth_ == 0) fail(t, "'break' outside loop");
      return snode(SK::Break, t);
    case Tok::Continue:
      advance();
      if (loop_depth_ == 0) fail(t, "'continue' not properly in loop");
      return snode(SK::Continue, t);
    case Tok::Return: {
      advance();
      if (in_async_.empty()) fail(t, "'return' outside function");
      StmtP s = snode(SK::Return, t);
      if (!check(Tok::Newline) && !check(Tok::Semicolon) && !check(Tok::End)) s->value = star_expressions();
      return s;
    }
    case Tok::Raise: {
      advance();
      StmtP s = snode(SK::Raise, t);
      if (!check(Tok::Newline) && !check(Tok::Semicolon) && !check(Tok::End)) {
        s->value = expression();
        if (match(Tok::From)) s->cause = expression();
      }
      return s;
    }
    case Tok::Assert: {
      advance();
      StmtP s = snode(SK::Assert, t);
      s->test = expression();
      if (match(Tok::Comma)) s->value = expression();
      return s;
    }
    case Tok::Del: {
      advance();
      StmtP s = snode(SK::Del, t);
      do {
        ExprP e = or_expr();
        check_target(*e, "del");
        s->targets.push_back(std::move(e));
      } while (match(Tok::Comma) && !check(Tok::Newline));
      return s;
    }
    case Tok::Global: case Tok::Nonlocal: {
      advance();
      StmtP s = snode(t.kind == Tok::Global ? SK::Global : SK::Nonlocal, t);
      if (t.kind == Tok::Nonlocal && in_async_.empty()) fail(t, "nonlocal declaration not allowed at module level");
      do s->names.push_back(expect(Tok::Name, "a name").text);
      while (match(Tok::Comma));
      return s;
    }
    case Tok::Import: return import_statement();
    case Tok::From: return from_statement();
    case Tok::Yield:
      if (!in_async_.empty() && in_async_.back()) fail(t, "'yield' inside async def is not supported");
      fail(t, "generators ('yield') are not supported");
    default: break;
  }
  ExprP first = star_expressions();
  if (check(Tok::Colon) && first->kind != EK::Tuple) {  // annotated assignment
    check_target(*first, "annotated assignment");
    advance();
    StmtP s = snode(SK::AnnAssign, t);
    expression();
    if (match(Tok::Assign)) s->value = star_expressions();
    s->targets.push_back(std::move(first));
    return s;
  }
  if (check(Tok::Assign)) {
    StmtP s = snode(SK::Assign, t);
    s->targets.push_back(std::move(first));
    while (match(Tok::Assign)) {
      if (check(Tok::Yield)) fail_here("generators ('yield') are not supported");
      s->targets.push_back(star_expressions());
    }
    s->value = std::move(s->targets.back());
    s->targets.pop_back();
    for (const ExprP& tg : s->targets) check_target(*tg, "assignment");
    return s;
  }
  static const std::pair<Tok, BinOp> aug[] = {
      {Tok::PlusEq, BinOp::Add}, {Tok::MinusEq, BinOp::Sub}, {Tok::StarEq, BinOp::Mul},
      {Tok::SlashEq, BinOp::Div}, {Tok::DoubleSlashEq, BinOp::FloorDiv}, {Tok::PercentEq, BinOp::Mod},
      {Tok::DoubleStarEq, BinOp::Pow}, {Tok::AmpEq, BinOp::BitAnd}, {Tok::PipeEq, BinOp::BitOr},
      {Tok::CaretEq, BinOp::BitXor}, {Tok::LShiftEq, BinOp::LShift}, {Tok::RShiftEq, BinOp::RShift},
  };
  for (const auto& [tk, op] : aug) {
    if (check(tk)) {
      const Token& optok = advance();
      if (first->kind != EK::Name && first->kind != EK::Attribute && first->kind != EK::Subscript) {
        fail(optok, "illegal expression for augmented assignment");
      }
      StmtP s = snode(SK::AugAssign, t);
      s->op = static_cast<int>(op);
      s->targets.push_back(std::move(first));
      s->value = star_expressions();
      return s;
    }
  }
  if (check(Tok::AtEq)) fail_here("the '@' operator is not supported");
  StmtP s = snode(SK::Expr, t);
  s->value = std::move(first);
  return s;
}

// ---- expressions ----

bool Parser::at_expression_start() const {
  switch (peek().kind) {
    case Tok::Name: case Tok::Int: case Tok::Float: case Tok::String: case Tok::FString:
    case Tok::LParen: case Tok::LBracket: case Tok::LBrace: case Tok::Minus: case Tok::Plus:
    case Tok::Tilde: case Tok::Not: case Tok::Lambda: case Tok::Await: case Tok::None:
    case Tok::True: case Tok::False: case Tok::Ellipsis: case Tok::Star:
      return true;
    default:
      return false;
  }
}

ExprP Parser::star_expressions() {
  const Token& start = peek();
  ExprP first = star_expression();
  if (!check(Tok::Comma)) return first;
  ExprP tup = node(EK::Tuple, start);
  tup->items.push_back(std::move(first));
  while (match(Tok::Comma)) {
    if (!at_expression_start()) break;
    tup->items.push_back(star_expression());
  }
  return tup;
}

ExprP Parser::star_expression() {
  if (check(Tok::Star)) {
    const Token& t = advance();
    ExprP e = node(EK::Starred, t);
    e->a = or_expr();
    return e;
  }
  return expression();
}

ExprP Parser::target_list(Tok stop) {
  const Token& start = peek();
  auto one = [&]() -> ExprP {
    if (check(Tok::Star)) {
      const Token& t = advance();
      ExprP e = node(EK::Starred, t);
      e->a = or_expr();
      return e;
    }
    return or_expr();
  };
  ExprP first = one();
  if (!check(Tok::Comma)) {
    check_target(*first, "for target");
    return first;
  }
  ExprP tup = node(EK::Tuple, start);
  tup->items.push_back(std::move(first));
  while (match(Tok::Comma)) {
    if (check(stop)) break;
    tup->items.push_back(one());
  }
  check_target(*tup, "for target");
  return tup;
}

ExprP Parser::expression() {
  if (toks_.size() > 0 && pos_ < toks_.size() && static_cast<int>(in_async_.size()) > kMaxNesting) fail_here("too deeply nested");
  if (check(Tok::Lambda)) return lambda(advance());
  if (check(Tok::Yield)) {
    if (!in_async_.empty() && in_async_.back()) fail_here("'yield' inside async def is not supported");
    fail_here("generators ('yield') are not supported");
  }
  ExprP body = disjunction();
  if (check(Tok::If)) {
    const Token& t = advance();
    ExprP e = node(EK::IfExp, t);
    e->a = disjunction();
    expect(Tok::Else, "'else' in the conditional expression");
    e->b = std::move(body);
    e->c = expression();
    e->line = e->b->line;
    e->col = e->b->col;
    return e;
  }
  if (check(Tok::Walrus)) fail_here("assignment expressions (':=') are not supported");
  return body;
}

ExprP Parser::expression_nocond() {
  if (check(Tok::Lambda)) return lambda(advance());
  return disjunction();
}

ExprP Parser::lambda(const Token& kw) {
  ExprP e = node(EK::Lambda, kw);
  e->params = std::make_shared<Params>();
  parse_params(*e->params, Tok::Colon, false);
  expect(Tok::Colon, "':' in lambda");
  in_async_.push_back(false);
  try {
    e->a = expression();
  } catch (...) {
    in_async_.pop_back();
    throw;
  }
  in_async_.pop_back();
  return e;
}

ExprP Parser::disjunction() {
  ExprP left = conjunction();
  if (!check(Tok::Or)) return left;
  ExprP e = node(EK::BoolOp, peek());
  e->line = left->line;
  e->col = left->col;
  e->op = 1;
  e->items.push_back(std::move(left));
  while (match(Tok::Or)) e->items.push_back(conjunction());
  return e;
}

ExprP Parser::conjunction() {
  ExprP left = inversion();
  if (!check(Tok::And)) return left;
  ExprP e = node(EK::BoolOp, peek());
  e->line = left->line;
  e->col = left->col;
  e->op = 0;
  e->items.push_back(std::move(left));
  while (match(Tok::And)) e->items.push_back(inversion());
  return e;
}

ExprP Parser::inversion() {
  if (check(Tok::Not)) {
    const Token& t = advance();
    ExprP e = node(EK::UnaryOp, t);
    e->op = static_cast<int>(UnOp::Not);
    e->a = inversion();
    return e;
  }
  return comparison();
}

ExprP Parser::comparison() {
  ExprP left = or_expr();
  ExprP cmp;
  for (;;) {
    CmpOp op;
    const Token& t = peek();
    if (match(Tok::Less)) op = CmpOp::Lt;
    else if (match(Tok::Greater)) op = CmpOp::Gt;
    else if (match(Tok::LessEq)) op = CmpOp::LtE;
    else if (match(Tok::GreaterEq)) op = CmpOp::GtE;
    else if (match(Tok::EqEq)) op = CmpOp::Eq;
    else if (match(Tok::NotEq)) op = CmpOp::NotEq;
    else if (match(Tok::In)) op = CmpOp::In;
    else if (check(Tok::Not) && peek(1).kind == Tok::In) { advance(); advance(); op = CmpOp::NotIn; }
    else if (match(Tok::Is)) op = match(Tok::Not) ? CmpOp::IsNot : CmpOp::Is;
    else break;
    if (!cmp) {
      cmp = node(EK::Compare, t);
      cmp->line = left->line;
      cmp->col = left->col;
      cmp->a = std::move(left);
    }
    cmp->cmps.push_back(op);
    cmp->items.push_back(or_expr());
  }
  return cmp ? std::move(cmp) : std::move(left);
}

namespace {
template <class Next>
ExprP binary_level(Parser* p, Next next, std::initializer_list<std::pair<Tok, BinOp>> ops,
                   const std::function<bool(Tok)>& match_tok, const std::function<const Token&()>& peek_tok,
                   const std::function<ExprP(EK, const Token&)>& mk) {
  (void)p;
  ExprP left = next();
  for (;;) {
    bool found = false;
    for (const auto& [tk, op] : ops) {
      const Token& t = peek_tok();
      if (match_tok(tk)) {
        ExprP e = mk(EK::BinOp, t);
        e->line = left->line;
        e->col = left->col;
        e->op = static_cast<int>(op);
        e->a = std::move(left);
        e->b = next();
        left = std::move(e);
        found = true;
        break;
      }
    }
    if (!found) return left;
  }
}
}  // namespace

#define LEVEL(NAME, NEXT, ...)                                                                  \
  ExprP Parser::NAME() {                                                                        \
    return binary_level(                                                                        \
        this, [this] { return NEXT(); }, {__VA_ARGS__}, [this](Tok k) { return match(k); },     \
        [this]() -> const Token& { return peek(); },                                             \
        [this](EK k, const Token& t) { return node(k, t); });                                    \
  }

LEVEL(or_expr, xor_expr, {Tok::Pipe, BinOp::BitOr})
LEVEL(xor_expr, and_expr, {Tok::Caret, BinOp::BitXor})
LEVEL(and_expr, shift, {Tok::Amp, BinOp::BitAnd})
LEVEL(shift, sum, {Tok::LShift, BinOp::LShift}, {Tok::RShift, BinOp::RShift})
LEVEL(sum, term, {Tok::Plus, BinOp::Add}, {Tok::Minus, BinOp::Sub})
LEVEL(term, factor, {Tok::Star, BinOp::Mul}, {Tok::Slash, BinOp::Div}, {Tok::DoubleSlash, BinOp::FloorDiv},
      {Tok::Percent, BinOp::Mod})
#undef LEVEL

ExprP Parser::factor() {
  const Token& t = peek();
  UnOp op;
  if (t.kind == Tok::Minus) op = UnOp::Neg;
  else if (t.kind == Tok::Plus) op = UnOp::Pos;
  else if (t.kind == Tok::Tilde) op = UnOp::Invert;
  else return power();
  advance();
  static thread_local int depth = 0;
  if (depth > kMaxNesting) fail(t, "too deeply nested");
  ++depth;
  ExprP operand;
  try {
    operand = factor();
  } catch (...) {
    --depth;
    throw;
  }
  --depth;
  // Fold -<int literal> so that -9223372036854775808 stays representable.
  if (op == UnOp::Neg && operand->kind == EK::Constant && operand->ck == ConstKind::Float) {
    operand->d = -operand->d;
    operand->line = t.line;
    operand->col = t.col;
    return operand;
  }
  ExprP e = node(EK::UnaryOp, t);
  e->op = static_cast<int>(op);
  e->a = std::move(operand);
  return e;
}

ExprP Parser::power() {
  ExprP base = await_primary();
  if (check(Tok::At)) fail_here("the '@' operator is not supported");
  if (!check(Tok::DoubleStar)) return base;
  const Token& t = advance();
  ExprP e = node(EK::BinOp, t);
  e->line = base->line;
  e->col = base->col;
  e->op = static_cast<int>(BinOp::Pow);
  e->a = std::move(base);
  e->b = factor();
  return e;
}

ExprP Parser::await_primary() {
  if (check(Tok::Await)) {
    const Token& t = advance();
    if (in_async_.empty() || !in_async_.back()) fail(t, "'await' outside async function");
    ExprP e = node(EK::Await, t);
    e->a = primary();
    return e;
  }
  return primary();
}

ExprP Parser::primary() {
  ExprP e = atom();
  for (;;) {
    if (check(Tok::Dot)) {
      advance();
      const Token& n = expect(Tok::Name, "an attribute name after '.'");
      ExprP a = node(EK::Attribute, n);
      a->line = e->line;
      a->col = e->col;
      a->s = n.text;
      a->a = std::move(e);
      e = std::move(a);
    } else if (check(Tok::LParen)) {
      const Token& open = advance();
      e = call(std::move(e), open);
    } else if (check(Tok::LBracket)) {
      const Token& open = advance();
      e = subscript(std::move(e), open);
    } else {
      return e;
    }
  }
}

ExprP Parser::call(ExprP callee, const Token& open) {
  ExprP e = node(EK::Call, open);
  e->line = callee->line;
  e->col = callee->col;
  e->a = std::move(callee);
  bool seen_kw = false;
  while (!check(Tok::RParen)) {
    if (check(Tok::DoubleStar)) {
      advance();
      Keyword k;
      k.value = expression();
      e->keywords.push_back(std::move(k));
      seen_kw = true;
    } else if (check(Tok::Star)) {
      const Token& t = advance();
      ExprP s = node(EK::Starred, t);
      s->a = expression();
      e->items.push_back(std::move(s));
    } else if (check(Tok::Name) && peek(1).kind == Tok::Assign) {
      Keyword k;
      k.name = advance().text;
      advance();
      k.value = expression();
      for (const Keyword& o : e->keywords)
        if (o.name == k.name) fail_here("keyword argument repeated: " + k.name);
      e->keywords.push_back(std::move(k));
      seen_kw = true;
    } else {
      const Token& at = peek();
      ExprP arg = expression();
      if (check(Tok::For)) {  // f(x for x in y)
        ExprP g = node(EK::GeneratorExp, at);
        g->a = std::move(arg);
        comprehension_clauses(g->gens);
        arg = std::move(g);
      }
      if (seen_kw) fail(at, "positional argument follows keyword argument");
      e->items.push_back(std::move(arg));
    }
    if (!match(Tok::Comma)) break;
  }
  expect(Tok::RParen, "')'");
  return e;
}

ExprP Parser::slice_item() {
  const Token& t = peek();
  ExprP lower;
  if (!check(Tok::Colon)) {
    lower = expression();
    if (!check(Tok::Colon)) return lower;
  }
  ExprP s = node(EK::Slice, t);
  s->a = std::move(lower);
  advance();  // ':'
  if (!check(Tok::Colon) && !check(Tok::RBracket) && !check(Tok::Comma)) s->b = expression();
  if (match(Tok::Colon)) {
    if (!check(Tok::RBracket) && !check(Tok::Comma)) s->c = expression();
  }
  return s;
}

ExprP Parser::subscript(ExprP value, const Token& open) {
  ExprP e = node(EK::Subscript, open);
  e->line = value->line;
  e->col = value->col;
  e->a = std::move(value);
  ExprP first = slice_item();
  if (check(Tok::Comma)) {
    ExprP tup = node(EK::Tuple, open);
    tup->items.push_back(std::move(first));
    while (match(Tok::Comma)) {
      if (check(Tok::RBracket)) break;
      tup->items.push_back(slice_item());
    }
    first = std::move(tup);
  }
  e->b = std::move(first);
  expect(Tok::RBracket, "']'");
  return e;
}

void Parser::comprehension_clauses(std::vector<Comprehension>& gens) {
  while (check(Tok::For) || check(Tok::Async)) {
    if (check(Tok::Async)) fail_here("'async for' is not supported");
    advance();
    Comprehension c;
    c.target = target_list(Tok::In);
    expect(Tok::In, "'in'");
    c.iter = disjunction();
    while (check(Tok::If)) {
      advance();
      c.ifs.push_back(expression_nocond());
    }
    gens.push_back(std::move(c));
  }
}

ExprP Parser::paren_atom(const Token& open) {
  if (match(Tok::RParen)) return node(EK::Tuple, open);
  if (check(Tok::Yield)) {
    if (!in_async_.empty() && in_async_.back()) fail_here("'yield' inside async def is not supported");
    fail_here("generators ('yield') are not supported");
  }
  ExprP first = star_expression();
  if (check(Tok::For)) {
    ExprP g = node(EK::GeneratorExp, open);
    g->a = std::move(first);
    comprehension_clauses(g->gens);
    expect(Tok::RParen, "')'");
    return g;
  }
  if (check(Tok::Walrus)) fail_here("assignment expressions (':=') are not supported");
  if (!check(Tok::Comma)) {
    expect(Tok::RParen, "')'");
    if (first->kind == EK::Starred) fail(open, "cannot use starred expression here");
    return first;
  }
  ExprP tup = node(EK::Tuple, open);
  tup->items.push_back(std::move(first));
  while (match(Tok::Comma)) {
    if (check(Tok::RParen)) break;
    tup->items.push_back(star_expression());
  }
  expect(Tok::RParen, "')'");
  return tup;
}

ExprP Parser::list_atom(const Token& open) {
  ExprP list = node(EK::List, open);
  if (match(Tok::RBracket)) return list;
  ExprP first = star_expression();
  if (check(Tok::For)) {
    ExprP c = node(EK::ListComp, open);
    c->a = std::move(first);
    comprehension_clauses(c->gens);
    expect(Tok::RBracket, "']'");
    return c;
  }
  list->items.push_back(std::move(first));
  while (match(Tok::Comma)) {
    if (check(Tok::RBracket)) break;
    list->items.push_back(star_expression());
  }
  expect(Tok::RBracket, "']'");
  return list;
}

ExprP Parser::brace_atom(const Token& open) {
  if (match(Tok::RBrace)) return node(EK::Dict, open);
  if (check(Tok::DoubleStar)) {
    ExprP d = node(EK::Dict, open);
    // fall into the dict loop below
    for (;;) {
      if (match(Tok::DoubleStar)) {
        d->items.push_back(nullptr);
        d->items2.push_back(or_expr());
      } else {
        d->items.push_back(expression());
        expect(Tok::Colon, "':'");
        d->items2.push_back(expression());
      }
      if (!match(Tok::Comma) || check(Tok::RBrace)) break;
    }
    expect(Tok::RBrace, "'}'");
    return d;
  }
  ExprP first = star_expression();
  if (match(Tok::Colon)) {
    ExprP value = expression();
    if (check(Tok::For)) {
      ExprP c = node(EK::DictComp, open);
      c->a = std::move(first);
      c->b = std::move(value);
      comprehension_clauses(c->gens);
      expect(Tok::RBrace, "'}'");
      return c;
    }
    ExprP d = node(EK::Dict, open);
    d->items.push_back(std::move(first));
    d->items2.push_back(std::move(value));
    while (match(Tok::Comma)) {
      if (check(Tok::RBrace)) break;
      if (match(Tok::DoubleStar)) {
        d->items.push_back(nullptr);
        d->items2.push_back(or_expr());
        continue;
      }
      d->items.push_back(expression());
      expect(Tok::Colon, "':'");
      d->items2.push_back(expression());
    }
    expect(Tok::RBrace, "'}'");
    return d;
  }
  if (check(Tok::For)) {
    ExprP c = node(EK::SetComp, open);
    c->a = std::move(first);
    comprehension_clauses(c->gens);
    expect(Tok::RBrace, "'}'");
    return c;
  }
  ExprP s = node(EK::Set, open);
  s->items.push_back(std::move(first));
  while (match(Tok::Comma)) {
    if (check(Tok::RBrace)) break;
    s->items.push_back(star_expression());
  }
  expect(Tok::RBrace, "'}'");
  return s;
}

ExprP Parser::atom() {
  const Token& t = peek();
  static thread_local int depth = 0;
  struct DepthGuard {
    int& d;
    explicit DepthGuard(int& x) : d(x) { ++d; }
    ~DepthGuard() { --d; }
  } guard(depth);
  if (depth > kMaxNesting) fail(t, "too deeply nested");
  switch (t.kind) {
    case Tok::Name: {
      advance();
      ExprP e = node(EK::Name, t);
      e->s = t.text;
      return e;
    }
    case Tok::Int: {
      advance();
      ExprP e = node(EK::Constant, t);
      e->ck = ConstKind::Int;
      e->i = std::strtoll(t.text.c_str(), nullptr, 10);
      return e;
    }
    case Tok::Float: {
      advance();
      ExprP e = node(EK::Constant, t);
      e->ck = ConstKind::Float;
      e->d = std::strtod(t.text.c_str(), nullptr);
      return e;
    }
    case Tok::String: case Tok::FString: return strings();
    case Tok::None: case Tok::True: case Tok::False: case Tok::Ellipsis: {
      advance();
      ExprP e = node(EK::Constant, t);
      e->ck = t.kind == Tok::None ? ConstKind::None : t.kind == Tok::True ? ConstKind::True
            : t.kind == Tok::False ? ConstKind::False : ConstKind::Ellipsis;
      return e;
    }
    case Tok::LParen: advance(); return paren_atom(t);
    case Tok::LBracket: advance(); return list_atom(t);
    case Tok::LBrace: advance(); return brace_atom(t);
    case Tok::Yield:
      if (!in_async_.empty() && in_async_.back()) fail(t, "'yield' inside async def is not supported");
      fail(t, "generators ('yield') are not supported");
    case Tok::Await:
      return await_primary();
    case Tok::Error: fail(t, t.text);
    case Tok::Newline: case Tok::End: fail(t, "invalid syntax (the expression is incomplete)");
    case Tok::Indent: fail(t, "unexpected indent");
    default: {
      std::string what = t.text.empty() ? tok_name(t.kind) : "'" + t.text + "'";
      bool is_kw = t.kind >= Tok::False;
      fail(t, is_kw ? "invalid syntax: unexpected keyword " + what : "invalid syntax: unexpected " + what);
    }
  }
}

// Adjacent literals concatenate; any f-string among them makes the whole a JoinedStr.
ExprP Parser::strings() {
  const Token& first = peek();
  std::vector<ExprP> parts;
  bool any_f = false;
  std::string acc;
  bool has_acc = false;
  auto flush = [&]() {
    if (!has_acc) return;
    ExprP c = node(EK::Constant, first);
    c->ck = ConstKind::Str;
    c->s = acc;
    parts.push_back(std::move(c));
    acc.clear();
    has_acc = false;
  };
  while (check(Tok::String) || check(Tok::FString)) {
    const Token& t = advance();
    if (t.kind == Tok::String) {
      acc += t.text;
      has_acc = true;
      continue;
    }
    any_f = true;
    ExprP js = fstring(t);
    for (ExprP& p : js->items) {
      if (p->kind == EK::Constant) {
        acc += p->s;
        has_acc = true;
      } else {
        flush();
        parts.push_back(std::move(p));
      }
    }
  }
  if (!any_f) {
    ExprP c = node(EK::Constant, first);
    c->ck = ConstKind::Str;
    c->s = acc;
    return c;
  }
  flush();
  ExprP js = node(EK::JoinedStr, first);
  js->items = std::move(parts);
  return js;
}

// An f-string body: literal text with {expr[!conv][:spec]} fields.
ExprP Parser::fstring(const Token& t) {
  const std::string& body = t.text;
  ExprP js = node(EK::JoinedStr, t);
  auto pos_of = [&](size_t off, int& line, int& col) {
    line = t.line;
    col = t.col;
    for (size_t i = 0; i < off && i < body.size(); ++i) {
      if (body[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
  };
  auto err_at = [&](size_t off, const std::string& msg) {
    int line, col;
    pos_of(off, line, col);
    if (errors_.size() < kMaxErrors) errors_.push_back({line, col, "f-string: " + msg});
    throw Failure{};
  };
  std::string lit;
  auto flush_lit = [&]() {
    if (lit.empty()) return;
    std::string err;
    std::string text = t.raw ? lit : decode_escapes(lit, &err);
    if (!err.empty()) err_at(0, err);
    ExprP c = node(EK::Constant, t);
    c->ck = ConstKind::Str;
    c->s = text;
    js->items.push_back(std::move(c));
    lit.clear();
  };
  std::function<void(size_t&, size_t, ExprP&)> parse_field;
  size_t i = 0;
  auto parse_spec = [&](size_t& k, size_t limit) -> ExprP {
    // The spec runs to the field's closing brace; it may hold nested fields.
    ExprP spec = node(EK::JoinedStr, t);
    std::string s;
    while (k < limit && body[k] != '}') {
      if (body[k] == '{') {
        if (!s.empty()) {
          ExprP c = node(EK::Constant, t);
          c->ck = ConstKind::Str;
          c->s = s;
          spec->items.push_back(std::move(c));
          s.clear();
        }
        ++k;
        ExprP inner;
        parse_field(k, limit, inner);
        spec->items.push_back(std::move(inner));
        continue;
      }
      s += body[k++];
    }
    if (!s.empty()) {
      ExprP c = node(EK::Constant, t);
      c->ck = ConstKind::Str;
      c->s = s;
      spec->items.push_back(std::move(c));
    }
    return spec;
  };
  // k points just after '{'; on return k points after the closing '}'.
  parse_field = [&](size_t& k, size_t limit, ExprP& out) {
    size_t start = k;
    int depth = 0;
    char quote = 0;
    size_t end = k;
    for (; end < limit; ++end) {
      char c = body[end];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"') quote = c;
      else if (c == '(' || c == '[' || c == '{') ++depth;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
      else if (depth == 0 && (c == '}' || c == ':' ||
                              (c == '!' && end + 1 < limit && body[end + 1] != '='))) break;
      else if (c == '\\') err_at(end, "expression part cannot include a backslash");
    }
    if (end >= limit) err_at(start, "expecting '}'");
    std::string expr_text = body.substr(start, end - start);
    bool self_doc = false;
    {
      size_t last = expr_text.find_last_not_of(" \t");
      if (last != std::string::npos && expr_text[last] == '=' && last > 0 &&
          std::string("=!<>").find(expr_text[last - 1]) == std::string::npos) {
        self_doc = true;
        lit += expr_text;
        flush_lit();
        expr_text = expr_text.substr(0, last);
      }
    }
    if (expr_text.find_first_not_of(" \t\n") == std::string::npos) err_at(start, "empty expression not allowed");
    int line, col;
    pos_of(start, line, col);
    Lexer lx(expr_text, line, col, true);
    std::vector<Token> toks = lx.tokenize();
    for (const Diagnostic& d : lx.errors()) {
      if (errors_.size() < kMaxErrors) errors_.push_back(d);
    }
    if (!lx.errors().empty()) throw Failure{};
    Parser sub(std::move(toks), errors_);
    sub.in_async_ = in_async_;
    ExprP value = sub.parse_fragment();
    if (!value) throw Failure{};
    ExprP fv = node(EK::FormattedValue, t);
    fv->line = line;
    fv->col = col;
    fv->a = std::move(value);
    if (self_doc) fv->conversion = 'r';
    k = end;
    if (k < limit && body[k] == '!') {
      if (k + 1 >= limit) err_at(k, "expecting '}'");
      char conv = body[k + 1];
      if (conv != 'r' && conv != 's' && conv != 'a') err_at(k, "invalid conversion character: expected 's', 'r', or 'a'");
      fv->conversion = conv;
      k += 2;
    }
    if (k < limit && body[k] == ':') {
      ++k;
      fv->b = parse_spec(k, limit);
      if (self_doc && fv->conversion == 'r') fv->conversion = 0;
    }
    if (k >= limit || body[k] != '}') err_at(k, "expecting '}'");
    ++k;
    out = std::move(fv);
  };
  while (i < body.size()) {
    char c = body[i];
    if (c == '{') {
      if (i + 1 < body.size() && body[i + 1] == '{') {
        lit += '{';
        i += 2;
        continue;
      }
      flush_lit();
      ++i;
      ExprP fv;
      parse_field(i, body.size(), fv);
      js->items.push_back(std::move(fv));
      continue;
    }
    if (c == '}') {
      if (i + 1 < body.size() && body[i + 1] == '}') {
        lit += '}';
        i += 2;
        continue;
      }
      err_at(i, "single '}' is not allowed");
    }
    if (c == '\\' && i + 1 < body.size()) {
      lit += body.substr(i, 2);
      i += 2;
      continue;
    }
    lit += c;
    ++i;
  }
  flush_lit();
  return js;
}

}  // namespace loopscope::script
