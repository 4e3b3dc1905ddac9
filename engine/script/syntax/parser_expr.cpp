// The parser's expressions: precedence levels from lambda and conditionals
// down to primaries and atoms, calls, subscripts, displays and comprehensions.
#include <cerrno>
#include <cstdlib>
#include <functional>

#include "engine/script/syntax/parser.hpp"
#include "engine/script/syntax/parser_internal.hpp"

namespace loopscope::script {

bool Parser::at_expression_start() const {
  switch (peek().kind) {
    case Tok::Name: case Tok::Int: case Tok::Float: case Tok::String: case Tok::FString: case Tok::Bytes:
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
  if (check(Tok::Yield)) fail_here("invalid syntax: a 'yield' expression here must be in parentheses");
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
  if (check(Tok::Walrus)) {
    const Token& op = advance();
    if (body->kind != EK::Name) fail(op, "cannot use assignment expressions with this expression");
    ExprP e = node(EK::NamedExpr, op);
    e->line = body->line;
    e->col = body->col;
    e->s = body->s;
    e->a = expression();
    return e;
  }
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
      if (at_comp_for()) {  // f(x for x in y)
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

bool Parser::at_comp_for() const {
  return check(Tok::For) || (check(Tok::Async) && peek(1).kind == Tok::For);
}

ExprP Parser::yield_expr() {
  const Token& kw = advance();
  if (in_async_.empty()) fail(kw, "'yield' outside function");
  if (match(Tok::From)) {
    if (in_async_.back()) fail(kw, "'yield from' inside async function");
    ExprP e = node(EK::YieldFrom, kw);
    e->a = expression();
    return e;
  }
  ExprP e = node(EK::Yield, kw);
  if (at_expression_start()) e->a = star_expressions();
  return e;
}

void Parser::comprehension_clauses(std::vector<Comprehension>& gens) {
  while (at_comp_for()) {
    Comprehension c;
    c.is_async = match(Tok::Async);
    advance();
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
    ExprP y = yield_expr();
    expect(Tok::RParen, "')'");
    return y;
  }
  ExprP first = star_expression();
  if (at_comp_for()) {
    ExprP g = node(EK::GeneratorExp, open);
    g->a = std::move(first);
    comprehension_clauses(g->gens);
    expect(Tok::RParen, "')'");
    return g;
  }
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
  if (at_comp_for()) {
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
    if (at_comp_for()) {
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
  if (at_comp_for()) {
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
      // A literal beyond 64 bits keeps its decimal digits in s (a big int).
      errno = 0;
      e->i = std::strtoll(t.text.c_str(), nullptr, 10);
      if (errno == ERANGE) e->s = t.text;
      return e;
    }
    case Tok::Float: {
      advance();
      ExprP e = node(EK::Constant, t);
      e->ck = ConstKind::Float;
      e->d = std::strtod(t.text.c_str(), nullptr);
      return e;
    }
    case Tok::String: case Tok::FString: case Tok::Bytes: return strings();
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
    case Tok::Yield: fail(t, "invalid syntax: a 'yield' expression here must be in parentheses");
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

}  // namespace loopscope::script
