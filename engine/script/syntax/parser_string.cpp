// The parser's string literals: adjacent-literal concatenation and f-string
// bodies, whose fields are lexed and parsed as fragments.
#include <functional>

#include "engine/script/syntax/lexer.hpp"
#include "engine/script/syntax/parser.hpp"
#include "engine/script/syntax/parser_internal.hpp"

namespace loopscope::script {

// Adjacent literals concatenate; any f-string among them makes the whole a JoinedStr.
ExprP Parser::strings() {
  const Token& first = peek();
  if (first.kind == Tok::Bytes) {
    std::string acc;
    while (check(Tok::Bytes)) acc += advance().text;
    if (check(Tok::String) || check(Tok::FString)) fail_here("cannot mix bytes and nonbytes literals");
    ExprP c = node(EK::Constant, first);
    c->ck = ConstKind::Bytes;
    c->s = acc;
    return c;
  }
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
    if (check(Tok::Bytes)) fail_here("cannot mix bytes and nonbytes literals");
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
