// The parser's statements: simple and compound statements, blocks,
// parameter lists and assignment-target checks.
#include <algorithm>

#include "engine/script/compiler/compiler.hpp"
#include "engine/script/syntax/parser.hpp"
#include "engine/script/syntax/parser_internal.hpp"

namespace loopscope::script {

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
        if (check(Tok::For)) {
          if (in_async_.empty() || !in_async_.back()) fail(t, "'async for' outside async function");
          out.push_back(for_statement(true));
          return;
        }
        fail(t, "invalid syntax after 'async'");
      }
      case Tok::At: out.push_back(decorated()); return;
      case Tok::Name:
        if (at_match_statement()) {
          out.push_back(match_statement());
          return;
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

StmtP Parser::for_statement(bool is_async) {
  StmtP s = snode(SK::For, advance());
  s->is_async = is_async;
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
    Handler h;
    h.line = kw.line;
    h.col = kw.col;
    h.star = match(Tok::Star);
    if (!s->handlers.empty() && s->handlers[0].star != h.star) {
      fail(kw, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    if (h.star && check(Tok::Colon)) fail_here("expected one or more exception types");
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
  if (check(Tok::LParen)) {
    // `with (a as x, b as y):` when the parentheses close right before the
    // ':'; otherwise the '(' starts the first context expression.
    size_t save = pos_, nerrors = errors_.size();
    try {
      advance();
      do {
        if (check(Tok::RParen)) break;
        s->items.push_back(with_item());
      } while (match(Tok::Comma));
      expect(Tok::RParen, "')'");
      if (!check(Tok::Colon)) throw Failure{};
    } catch (const Failure&) {
      pos_ = save;
      errors_.resize(nerrors);
      s->items.clear();
    }
  }
  if (s->items.empty()) {
    do s->items.push_back(with_item());
    while (match(Tok::Comma));
  }
  s->body = block();
  return s;
}

WithItem Parser::with_item() {
  WithItem item;
  item.context = expression();
  if (match(Tok::As)) {
    item.target = or_expr();
    check_target(*item.target, "with target");
  }
  return item;
}

void Parser::parse_params(Params& p, Tok closing, bool annotations) {
  bool seen_star = false, seen_default = false;
  // CPython lists the positional-only parameters' annotations after the
  // other positional ones: [0, posonly) moves behind [posonly, here).
  size_t posonly = 0;
  auto place_posonly = [&] {
    std::rotate(p.annotations.begin(), p.annotations.begin() + static_cast<std::ptrdiff_t>(posonly), p.annotations.end());
    posonly = 0;
  };
  while (!check(closing)) {
    if (check(Tok::DoubleStar) || check(Tok::Star)) place_posonly();
    if (match(Tok::DoubleStar)) {
      const Token& n = expect(Tok::Name, "a parameter name");
      p.kwarg = n.text;
      if (annotations && match(Tok::Colon)) p.annotations.emplace_back(n.text, expression());
      match(Tok::Comma);
      if (!check(closing)) fail_here("parameters cannot follow '**" + p.kwarg + "'");
      break;
    }
    if (match(Tok::Star)) {
      if (seen_star) fail_here("'*' may appear only once in the parameters");
      seen_star = true;
      if (check(Tok::Name)) {
        p.vararg = advance().text;
        if (annotations && match(Tok::Colon)) p.annotations.emplace_back(p.vararg, expression());
      }
    } else if (match(Tok::Slash)) {
      // Positional-only marker: accepted, treated as ordinary parameters.
      posonly = p.annotations.size();
    } else {
      const Token& n = expect(Tok::Name, "a parameter name");
      Param prm;
      prm.name = n.text;
      prm.line = n.line;
      prm.col = n.col;
      if (annotations && match(Tok::Colon)) p.annotations.emplace_back(prm.name, expression());
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
  place_posonly();
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
  if (match(Tok::Arrow)) f->params.annotations.emplace_back("return", expression());
  f->body = nested_body(is_async);
  s->func = std::move(f);
  return s;
}

// The body of a def or class: its own async-ness, and no enclosing loop
// (break/continue inside refer to loops of the body only).
Body Parser::nested_body(bool is_async) {
  struct Scope {
    Parser& p;
    int saved_loops;
    Scope(Parser& p, bool is_async) : p(p), saved_loops(p.loop_depth_) {
      p.in_async_.push_back(is_async);
      p.loop_depth_ = 0;
    }
    ~Scope() {
      p.in_async_.pop_back();
      p.loop_depth_ = saved_loops;
    }
  } scope(*this, is_async);
  return block();
}

// `@expr NEWLINE`... then the def, async def or class they decorate.
StmtP Parser::decorated() {
  std::vector<ExprP> decorators;
  while (match(Tok::At)) {
    decorators.push_back(expression());
    expect(Tok::Newline, "a newline after the decorator");
  }
  const Token& t = peek();
  StmtP s;
  if (match(Tok::Def)) {
    s = def_statement(false, t);
  } else if (check(Tok::Async) && peek(1).kind == Tok::Def) {
    advance();
    advance();
    s = def_statement(true, t);
  } else if (check(Tok::Class)) {
    s = class_statement();
  } else {
    fail(t, "a decorator must be followed by 'def', 'async def' or 'class'");
  }
  if (s->func) s->func->decorators = std::move(decorators);
  else s->decorators = std::move(decorators);
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
  s->body = nested_body(false);
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
    if (is_refused_module(a.name) && errors_.size() < kMaxErrors) {
      errors_.push_back({a.line, a.col, unsupported_module_message(a.name)});
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
  if (is_refused_module(s->module) && errors_.size() < kMaxErrors) {
    errors_.push_back({m.line, m.col, unsupported_module_message(s->module)});
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
    case Tok::Yield: {
      StmtP s = snode(SK::Expr, t);
      s->value = yield_expr();
      return s;
    }
    default: break;
  }
  ExprP first = star_expressions();
  if (first->kind == EK::NamedExpr && t.kind != Tok::LParen) fail(t, "invalid syntax (an assignment expression ':=' as a statement needs parentheses)");
  if (check(Tok::Colon) && first->kind != EK::Tuple) {  // annotated assignment
    check_target(*first, "annotated assignment");
    advance();
    StmtP s = snode(SK::AnnAssign, t);
    s->op = t.kind == Tok::LParen ? 1 : 0;  // `(x): int` is not a simple name: nothing recorded
    s->test = expression();
    if (match(Tok::Assign)) s->value = star_expressions();
    s->targets.push_back(std::move(first));
    return s;
  }
  if (check(Tok::Assign)) {
    StmtP s = snode(SK::Assign, t);
    s->targets.push_back(std::move(first));
    while (match(Tok::Assign)) {
      s->targets.push_back(check(Tok::Yield) ? yield_expr() : star_expressions());
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
      s->value = check(Tok::Yield) ? yield_expr() : star_expressions();
      return s;
    }
  }
  if (check(Tok::AtEq)) fail_here("the '@' operator is not supported");
  StmtP s = snode(SK::Expr, t);
  s->value = std::move(first);
  return s;
}

}  // namespace loopscope::script
