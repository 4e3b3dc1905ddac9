// The parser's match statement: `match` is a soft keyword, and the patterns
// of its `case` clauses have a grammar of their own.
#include "engine/script/syntax/parser.hpp"
#include "engine/script/syntax/parser_internal.hpp"

namespace loopscope::script {

namespace {
PatternP pnode(PK k, const Token& at) {
  auto p = std::make_unique<Pattern>();
  p->kind = k;
  p->line = at.line;
  p->col = at.col;
  return p;
}
}  // namespace

// `match` starts a statement when the line ends with ':' after a subject.
bool Parser::at_match_statement() const {
  const Token& t = peek();
  if (t.kind != Tok::Name || t.text != "match") return false;
  Tok next = peek(1).kind;
  if (next == Tok::Newline || next == Tok::Assign || next == Tok::Dot || next == Tok::Colon || next == Tok::Comma ||
      next == Tok::RParen || next == Tok::End) {
    return false;
  }
  int depth = 0;
  for (size_t i = pos_ + 1; i < toks_.size() && toks_[i].kind != Tok::Newline && toks_[i].kind != Tok::End; ++i) {
    Tok k = toks_[i].kind;
    if (k == Tok::LParen || k == Tok::LBracket || k == Tok::LBrace) ++depth;
    if (k == Tok::RParen || k == Tok::RBracket || k == Tok::RBrace) --depth;
    if (k == Tok::Colon && depth == 0) return toks_[i + 1].kind == Tok::Newline;
  }
  return false;
}

StmtP Parser::match_statement() {
  StmtP s = snode(SK::Match, advance());
  s->value = star_expressions();
  expect(Tok::Colon, "':'");
  expect(Tok::Newline, "a newline after 'match ...:'");
  if (!check(Tok::Indent)) fail_here("expected an indented block of 'case' clauses");
  advance();
  while (!check(Tok::Dedent) && !check(Tok::End)) {
    const Token& kw = peek();
    if (kw.kind != Tok::Name || kw.text != "case") fail(kw, "expected 'case' in the match block");
    advance();
    MatchCase c;
    c.line = kw.line;
    c.col = kw.col;
    c.pattern = patterns();
    if (match(Tok::If)) c.guard = expression();
    c.body = block();
    s->cases.push_back(std::move(c));
  }
  // An irrefutable case must be the last one.
  for (size_t i = 0; i + 1 < s->cases.size(); ++i) {
    const MatchCase& c = s->cases[i];
    const Pattern& p = *c.pattern;
    if (c.guard || (p.kind != PK::Capture && p.kind != PK::Wildcard)) continue;
    std::string msg = p.kind == PK::Capture ? "name capture '" + p.name + "' makes remaining patterns unreachable"
                                            : "wildcard makes remaining patterns unreachable";
    errors_.push_back({p.line, p.col, msg});
  }
  match(Tok::Dedent);
  if (s->cases.empty()) fail_here("expected 'case' in the match block");
  return s;
}

// `case a, *b:` is a sequence pattern without brackets.
PatternP Parser::patterns() {
  const Token& start = peek();
  PatternP first = check(Tok::Star) ? closed_pattern() : pattern();
  if (!check(Tok::Comma)) {
    if (first->kind == PK::Star) fail(start, "star pattern outside a sequence pattern");
    return first;
  }
  PatternP seq = pnode(PK::Sequence, start);
  seq->items.push_back(std::move(first));
  while (match(Tok::Comma)) {
    if (check(Tok::Colon) || check(Tok::If)) break;
    seq->items.push_back(pattern());
  }
  return seq;
}

PatternP Parser::pattern() {
  PatternP p = or_pattern();
  if (check(Tok::As)) {
    const Token& as = advance();
    const Token& n = expect(Tok::Name, "a name after 'as'");
    if (n.text == "_") fail(n, "cannot use '_' as a target");
    PatternP a = pnode(PK::As, as);
    a->items.push_back(std::move(p));
    a->name = n.text;
    return a;
  }
  return p;
}

PatternP Parser::or_pattern() {
  const Token& start = peek();
  PatternP first = closed_pattern();
  if (!check(Tok::Pipe)) return first;
  PatternP alt = pnode(PK::Or, start);
  alt->items.push_back(std::move(first));
  while (match(Tok::Pipe)) alt->items.push_back(closed_pattern());
  return alt;
}

PatternP Parser::closed_pattern() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Star: {
      advance();
      const Token& n = expect(Tok::Name, "a name after '*'");
      PatternP p = pnode(PK::Star, t);
      if (n.text != "_") p->name = n.text;
      return p;
    }
    case Tok::LParen: {
      advance();
      if (match(Tok::RParen)) return pnode(PK::Sequence, t);
      PatternP inner = check(Tok::Star) ? closed_pattern() : pattern();
      if (match(Tok::RParen)) {
        if (inner->kind == PK::Star) fail(t, "star pattern outside a sequence pattern");
        return inner;  // a group
      }
      PatternP seq = pnode(PK::Sequence, t);
      seq->items.push_back(std::move(inner));
      while (match(Tok::Comma)) {
        if (check(Tok::RParen)) break;
        seq->items.push_back(check(Tok::Star) ? closed_pattern() : pattern());
      }
      expect(Tok::RParen, "')'");
      return seq;
    }
    case Tok::LBracket: advance(); return sequence_pattern(t, Tok::RBracket);
    case Tok::LBrace: advance(); return mapping_pattern(t);
    default: return literal_or_value_pattern();
  }
}

PatternP Parser::literal_or_value_pattern() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Int: case Tok::Float: case Tok::String: case Tok::Bytes: case Tok::Minus: {
      PatternP p = pnode(PK::Value, t);
      p->value = sum();
      return p;
    }
    case Tok::FString: fail(t, "patterns may only match literals and attribute lookups");
    case Tok::None: case Tok::True: case Tok::False: {
      PatternP p = pnode(PK::Value, t);
      p->value = atom();
      return p;
    }
    case Tok::Name: break;
    default: fail(t, "invalid pattern");
  }
  advance();
  ExprP e = node(EK::Name, t);
  e->s = t.text;
  bool dotted = false;
  while (check(Tok::Dot)) {
    const Token& dot = advance();
    ExprP a = node(EK::Attribute, dot);
    a->a = std::move(e);
    a->s = expect(Tok::Name, "an attribute name").text;
    e = std::move(a);
    dotted = true;
  }
  if (check(Tok::LParen)) {
    const Token& open = advance();
    return class_pattern(std::move(e), open);
  }
  if (dotted) {
    PatternP p = pnode(PK::Value, t);
    p->value = std::move(e);
    return p;
  }
  if (t.text == "_") return pnode(PK::Wildcard, t);
  PatternP p = pnode(PK::Capture, t);
  p->name = t.text;
  return p;
}

PatternP Parser::sequence_pattern(const Token& open, Tok close) {
  PatternP seq = pnode(PK::Sequence, open);
  while (!check(close)) {
    seq->items.push_back(check(Tok::Star) ? closed_pattern() : pattern());
    if (!match(Tok::Comma)) break;
  }
  expect(close, "']'");
  int stars = 0;
  for (const PatternP& x : seq->items) stars += x->kind == PK::Star;
  if (stars > 1) fail(open, "multiple starred names in sequence pattern");
  return seq;
}

PatternP Parser::mapping_pattern(const Token& open) {
  PatternP m = pnode(PK::Mapping, open);
  while (!check(Tok::RBrace)) {
    if (match(Tok::DoubleStar)) {
      const Token& n = expect(Tok::Name, "a name after '**'");
      m->name = n.text;
      match(Tok::Comma);
      if (!check(Tok::RBrace)) fail_here("'**' pattern must come last in a mapping pattern");
      break;
    }
    PatternP key = literal_or_value_pattern();
    if (key->kind != PK::Value) {
      errors_.push_back({key->line, key->col, "mapping pattern keys may only match literals and attribute lookups"});
      throw Failure{};
    }
    m->keys.push_back(std::move(key->value));
    expect(Tok::Colon, "':'");
    m->items.push_back(pattern());
    if (!match(Tok::Comma)) break;
  }
  expect(Tok::RBrace, "'}'");
  return m;
}

PatternP Parser::class_pattern(ExprP cls, const Token& open) {
  PatternP c = pnode(PK::Class, open);
  c->line = cls->line;
  c->col = cls->col;
  c->value = std::move(cls);
  while (!check(Tok::RParen)) {
    if (check(Tok::Name) && peek(1).kind == Tok::Assign) {
      c->kwnames.push_back(advance().text);
      advance();
      c->kwitems.push_back(pattern());
    } else {
      if (!c->kwnames.empty()) fail_here("positional patterns follow keyword patterns");
      c->items.push_back(pattern());
    }
    if (!match(Tok::Comma)) break;
  }
  expect(Tok::RParen, "')'");
  return c;
}

}  // namespace loopscope::script
