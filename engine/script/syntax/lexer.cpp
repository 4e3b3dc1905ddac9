#include "engine/script/syntax/lexer.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <map>

#include "engine/object/bigint.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

namespace {

const std::map<std::string, Tok, std::less<>>& keywords() {
  static const std::map<std::string, Tok, std::less<>> k = {
      {"False", Tok::False}, {"None", Tok::None}, {"True", Tok::True}, {"and", Tok::And},
      {"as", Tok::As}, {"assert", Tok::Assert}, {"async", Tok::Async}, {"await", Tok::Await},
      {"break", Tok::Break}, {"class", Tok::Class}, {"continue", Tok::Continue},
      {"def", Tok::Def}, {"del", Tok::Del}, {"elif", Tok::Elif}, {"else", Tok::Else},
      {"except", Tok::Except}, {"finally", Tok::Finally}, {"for", Tok::For},
      {"from", Tok::From}, {"global", Tok::Global}, {"if", Tok::If}, {"import", Tok::Import},
      {"in", Tok::In}, {"is", Tok::Is}, {"lambda", Tok::Lambda}, {"nonlocal", Tok::Nonlocal},
      {"not", Tok::Not}, {"or", Tok::Or}, {"pass", Tok::Pass}, {"raise", Tok::Raise},
      {"return", Tok::Return}, {"try", Tok::Try}, {"while", Tok::While}, {"with", Tok::With},
      {"yield", Tok::Yield},
  };
  return k;
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (static_cast<unsigned char>(c) >= 0x80); }
bool is_name_char(char c) { return is_name_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

}  // namespace

const char* tok_name(Tok t) {
  switch (t) {
    case Tok::Newline: return "newline";
    case Tok::Indent: return "indent";
    case Tok::Dedent: return "dedent";
    case Tok::End: return "end of file";
    case Tok::Name: return "name";
    case Tok::Int: case Tok::Float: return "number";
    case Tok::String: case Tok::FString: case Tok::Bytes: return "string";
    case Tok::RParen: return "')'";
    case Tok::RBracket: return "']'";
    case Tok::RBrace: return "'}'";
    case Tok::Colon: return "':'";
    case Tok::Comma: return "','";
    default: return "token";
  }
}

// Decodes the escapes of a non-raw string body. Unknown escapes stay as
// written, as Python keeps them.
std::string decode_escapes(std::string_view body, std::string* error) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
      case '\n': break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'x': case 'u': case 'U': {
        size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (size_t k = 1; k <= n; ++k) {
          char h = i + k < body.size() ? body[i + k] : '\0';
          if (!std::isxdigit(static_cast<unsigned char>(h))) {
            if (error) *error = "truncated \\" + std::string(1, e) + " escape";
            return out;
          }
          cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
        }
        if (cp > 0x10FFFF) {
          if (error) *error = "illegal Unicode character";
          return out;
        }
        utf8_append(out, cp);
        i += n;
        break;
      }
      default:
        out += '\\';
        out += e;
    }
  }
  return out;
}

// A bytes literal's body: ASCII only; \x, octal and the C escapes give bytes.
std::string decode_bytes_escapes(std::string_view body, bool raw, std::string* error) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (static_cast<unsigned char>(body[i]) >= 0x80) {
      *error = "bytes can only contain ASCII literal characters";
      return out;
    }
  }
  if (raw) return std::string(body);
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    if (e >= '0' && e <= '7') {
      int v = 0, n = 0;
      while (n < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7') v = v * 8 + (body[i++] - '0'), ++n;
      --i;
      out += static_cast<char>(v & 0xff);
      continue;
    }
    if (e == 'x') {
      auto hex = [](char h) { return std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : std::tolower(h) - 'a' + 10; };
      if (i + 2 >= body.size() + 0 || !std::isxdigit(static_cast<unsigned char>(body[i + 1])) ||
          !std::isxdigit(static_cast<unsigned char>(body[i + 2]))) {
        *error = "invalid \\x escape at position " + std::to_string(out.size());
        return out;
      }
      out += static_cast<char>(hex(body[i + 1]) * 16 + hex(body[i + 2]));
      i += 2;
      continue;
    }
    if (e == 'u' || e == 'U' || e == 'N') {
      out += '\\';
      out += e;
      continue;
    }
    std::string one = decode_escapes(std::string_view(body).substr(i - 1, 2), nullptr);
    out += one;
  }
  return out;
}

Lexer::Lexer(std::string_view source, int line, int col, bool fragment)
    : src_(source), line_(line), col_(col), fragment_(fragment) {}

char Lexer::advance() {
  char c = src_[pos_++];
  if (c == '\n') {
    ++line_;
    col_ = 1;
  } else {
    ++col_;
  }
  return c;
}

void Lexer::add(Tok k, int line, int col, std::string text) {
  Token t;
  t.kind = k;
  t.line = line;
  t.col = col;
  t.text = std::move(text);
  out_.push_back(std::move(t));
}

void Lexer::error(int line, int col, std::string msg) {
  errors_.push_back({line, col, std::move(msg)});
  add(Tok::Error, line, col, errors_.back().message);
}

// At the start of a logical line: measure indentation, emit INDENT/DEDENT.
void Lexer::line_start() {
  for (;;) {
    int width = 0;
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\f')) {
      width = peek() == '\t' ? (width / 8 + 1) * 8 : width + 1;
      advance();
    }
    if (at_end()) return;
    if (peek() == '#') {
      while (!at_end() && peek() != '\n') advance();
    }
    if (peek() == '\r') advance();
    if (peek() == '\n') {  // blank line: no tokens
      advance();
      continue;
    }
    if (at_end()) return;
    if (width > indents_.back()) {
      indents_.push_back(width);
      add(Tok::Indent, line_, 1);
    } else {
      while (width < indents_.back()) {
        indents_.pop_back();
        add(Tok::Dedent, line_, col_);
      }
      if (width != indents_.back()) {
        error(line_, col_, "unindent does not match any outer indentation level");
        indents_.push_back(width);
      }
    }
    return;
  }
}

std::vector<Token> Lexer::tokenize() {
  if (!fragment_) line_start();
  while (!at_end()) {
    char c = peek();
    int line = line_, col = col_;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      advance();
    } else if (c == '#') {
      while (!at_end() && peek() != '\n') advance();
    } else if (c == '\\' && (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n'))) {
      advance();
      if (peek() == '\r') advance();
      advance();
    } else if (c == '\n') {
      advance();
      if (depth_ > 0 && !fragment_ && starts_statement()) {
        // An unclosed bracket before a line that can only start a
        // statement: report it and resynchronise here.
        const Token& open = open_.back();
        error(open.line, open.col, "'" + open.text + "' was never closed");
        depth_ = 0;
        open_.clear();
      }
      if (depth_ > 0 || fragment_) continue;
      if (!out_.empty() && out_.back().kind != Tok::Newline && out_.back().kind != Tok::Indent &&
          out_.back().kind != Tok::Dedent) {
        add(Tok::Newline, line, col);
      }
      line_start();
    } else if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
      number();
    } else if (is_name_start(c)) {
      // String prefixes: r, b, f, u and their combinations.
      size_t n = 0;
      bool raw = false, fs = false, bytes = false, ok = true;
      while (n < 3 && std::isalpha(static_cast<unsigned char>(peek(n)))) {
        char p = static_cast<char>(std::tolower(peek(n)));
        if (p == 'r') raw = true;
        else if (p == 'f') fs = true;
        else if (p == 'b') bytes = true;
        else if (p != 'u') ok = false;
        ++n;
      }
      if (ok && n > 0 && n <= 2 && (peek(n) == '\'' || peek(n) == '"')) {
        string(n, raw, fs, bytes);
      } else {
        name_or_keyword();
      }
    } else if (c == '\'' || c == '"') {
      string(0, false, false, false);
    } else {
      op();
    }
  }
  if (!open_.empty() && !fragment_) {
    const Token& open = open_.back();
    error(open.line, open.col, "'" + open.text + "' was never closed");
  }
  if (!fragment_) {
    if (!out_.empty() && out_.back().kind != Tok::Newline && out_.back().kind != Tok::Dedent &&
        out_.back().kind != Tok::Indent) {
      add(Tok::Newline, line_, col_);
    }
    while (indents_.size() > 1) {
      indents_.pop_back();
      add(Tok::Dedent, line_, col_);
    }
  }
  add(Tok::End, line_, col_);
  return std::move(out_);
}

// Does the line after the current position begin with a keyword that only
// starts statements (never continues an expression)?
bool Lexer::starts_statement() const {
  size_t i = pos_;
  while (i < src_.size() && (src_[i] == ' ' || src_[i] == '\t')) ++i;
  size_t j = i;
  while (j < src_.size() && is_name_char(src_[j])) ++j;
  std::string_view w = src_.substr(i, j - i);
  static const char* const kw[] = {"def", "class", "import", "from", "return", "while", "try", "with", "async",
                                   "elif", "except", "finally", "raise", "pass", "break", "continue", "global",
                                   "nonlocal", "assert", "del"};
  for (const char* k : kw)
    if (w == k) return true;
  return false;
}

void Lexer::number() {
  int line = line_, col = col_;
  std::string digits;
  auto take_digits = [&](auto pred) {
    while (!at_end() && (pred(peek()) || (peek() == '_' && pred(peek(1))))) {
      char c = advance();
      if (c != '_') digits += c;
    }
  };
  auto isdec = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' || peek(1) == 'b' || peek(1) == 'B')) {
    advance();
    char base_ch = static_cast<char>(std::tolower(advance()));
    int base = base_ch == 'x' ? 16 : base_ch == 'o' ? 8 : 2;
    auto isbase = [base](char c) {
      if (base == 16) return std::isxdigit(static_cast<unsigned char>(c)) != 0;
      return c >= '0' && c < static_cast<char>('0' + base);
    };
    if (peek() == '_') advance();
    take_digits(isbase);
    if (digits.empty()) {
      error(line, col, "invalid number literal");
      return;
    }
    // The token's text is the decimal digits, of any length.
    Mpz v;
    mpz_set_str(v.z, digits.c_str(), base);
    std::string text(mpz_sizeinbase(v.z, 10) + 2, '\0');
    mpz_get_str(text.data(), 10, v.z);
    text.resize(std::char_traits<char>::length(text.c_str()));
    add(Tok::Int, line, col, text);
    return;
  }
  bool is_float = false;
  take_digits(isdec);
  if (peek() == '.' && !(peek(1) == '.' )) {
    is_float = true;
    digits += advance();
    take_digits(isdec);
  }
  if ((peek() == 'e' || peek() == 'E') &&
      (isdec(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isdec(peek(2))))) {
    is_float = true;
    digits += advance();
    if (peek() == '+' || peek() == '-') digits += advance();
    take_digits(isdec);
  }
  if (peek() == 'j' || peek() == 'J') {
    advance();
    error(line, col, "complex numbers are not supported");
    return;
  }
  if (is_name_start(peek())) {
    while (!at_end() && is_name_char(peek())) advance();
    error(line, col, "invalid decimal literal");
    return;
  }
  if (is_float) {
    add(Tok::Float, line, col, digits);
    return;
  }
  if (digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) {
    error(line, col, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    return;
  }
  add(Tok::Int, line, col, digits.substr(std::min(digits.find_first_not_of('0'), digits.size() - 1)));
}

void Lexer::name_or_keyword() {
  int line = line_, col = col_;
  std::string name;
  while (!at_end() && is_name_char(peek())) name += advance();
  auto it = keywords().find(name);
  if (it != keywords().end()) {
    add(it->second, line, col, name);
  } else {
    add(Tok::Name, line, col, name);
  }
}

void Lexer::string(size_t prefix_len, bool raw, bool fstring, bool bytes) {
  int line = line_, col = col_;
  for (size_t i = 0; i < prefix_len; ++i) advance();
  char q = advance();
  bool triple = peek() == q && peek(1) == q;
  if (triple) {
    advance();
    advance();
  }
  int body_line = line_, body_col = col_;
  std::string body;
  for (;;) {
    if (at_end()) {
      error(line, col, triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
      return;
    }
    char c = peek();
    if (!triple && c == '\n') {
      error(line, col, "unterminated string literal");
      return;
    }
    if (c == '\\') {
      body += advance();
      if (!at_end()) body += advance();
      continue;
    }
    if (c == q && (!triple || (peek(1) == q && peek(2) == q))) {
      advance();
      if (triple) {
        advance();
        advance();
      }
      break;
    }
    body += advance();
  }
  if (bytes) {
    std::string err;
    std::string text = decode_bytes_escapes(body, raw, &err);
    if (!err.empty()) {
      error(line, col, err);
      return;
    }
    add(Tok::Bytes, line, col, std::move(text));
    return;
  }
  if (fstring) {
    Token t;
    t.kind = Tok::FString;
    t.line = body_line;
    t.col = body_col;
    t.text = std::move(body);
    t.raw = raw;
    out_.push_back(std::move(t));
    (void)line;
    return;
  }
  std::string err;
  std::string text = raw ? body : decode_escapes(body, &err);
  if (!err.empty()) {
    error(line, col, err);
    return;
  }
  add(Tok::String, line, col, std::move(text));
}

void Lexer::op() {
  int line = line_, col = col_;
  struct Op { const char* s; Tok t; };
  static const Op ops[] = {
      {"**=", Tok::DoubleStarEq}, {"//=", Tok::DoubleSlashEq}, {">>=", Tok::RShiftEq},
      {"<<=", Tok::LShiftEq}, {"...", Tok::Ellipsis},
      {"->", Tok::Arrow}, {"**", Tok::DoubleStar}, {"//", Tok::DoubleSlash}, {"<<", Tok::LShift},
      {">>", Tok::RShift}, {"<=", Tok::LessEq}, {">=", Tok::GreaterEq}, {"==", Tok::EqEq},
      {"!=", Tok::NotEq}, {":=", Tok::Walrus}, {"+=", Tok::PlusEq}, {"-=", Tok::MinusEq},
      {"*=", Tok::StarEq}, {"/=", Tok::SlashEq}, {"%=", Tok::PercentEq}, {"&=", Tok::AmpEq},
      {"|=", Tok::PipeEq}, {"^=", Tok::CaretEq}, {"@=", Tok::AtEq},
      {"(", Tok::LParen}, {")", Tok::RParen}, {"[", Tok::LBracket}, {"]", Tok::RBracket},
      {"{", Tok::LBrace}, {"}", Tok::RBrace}, {",", Tok::Comma}, {":", Tok::Colon},
      {";", Tok::Semicolon}, {".", Tok::Dot}, {"@", Tok::At}, {"+", Tok::Plus},
      {"-", Tok::Minus}, {"*", Tok::Star}, {"/", Tok::Slash}, {"%", Tok::Percent},
      {"~", Tok::Tilde}, {"&", Tok::Amp}, {"|", Tok::Pipe}, {"^", Tok::Caret},
      {"<", Tok::Less}, {">", Tok::Greater}, {"=", Tok::Assign},
  };
  for (const Op& o : ops) {
    size_t n = std::char_traits<char>::length(o.s);
    if (src_.substr(pos_, n) == o.s) {
      for (size_t i = 0; i < n; ++i) advance();
      if (o.t == Tok::LParen || o.t == Tok::LBracket || o.t == Tok::LBrace) {
        ++depth_;
        Token t;
        t.line = line;
        t.col = col;
        t.text = o.s;
        open_.push_back(t);
      }
      if ((o.t == Tok::RParen || o.t == Tok::RBracket || o.t == Tok::RBrace) && depth_ > 0) {
        --depth_;
        open_.pop_back();
      }
      add(o.t, line, col, o.s);
      return;
    }
  }
  unsigned char c = static_cast<unsigned char>(advance());
  char buf[64];
  if (c == '!') {
    error(line, col, "invalid syntax: '!' (did you mean '!=' or 'not'?)");
  } else if (c == '$' || c == '?' || c == '`') {
    std::snprintf(buf, sizeof buf, "invalid character '%c'", c);
    error(line, col, buf);
  } else {
    std::snprintf(buf, sizeof buf, "invalid character (byte 0x%02x)", c);
    error(line, col, buf);
  }
}

}  // namespace loopscope::script
