#include "app/gui/syntax.hpp"

#include <cctype>
#include <set>

namespace loopscope::gui {

namespace {

const std::set<std::string>& keywords() {
  static const std::set<std::string> k = {
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
      "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
      "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
      "with", "yield"};
  return k;
}

const std::set<std::string>& builtins() {
  static const std::set<std::string> b = {
      "print", "len", "range", "str", "int", "float", "list", "dict", "set", "tuple", "isinstance",
      "asyncio", "time", "sorted", "sum", "min", "max", "enumerate", "zip", "repr", "Exception",
      "ValueError", "RuntimeError", "TimeoutError", "KeyError", "TypeError", "self"};
  return b;
}

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

std::vector<std::vector<SyntaxSpan>> highlight_python(const std::vector<std::string>& lines) {
  std::vector<std::vector<SyntaxSpan>> out(lines.size());
  std::string open_triple;  // the quote of a triple-quoted string still open
  bool after_def = false;
  for (size_t li = 0; li < lines.size(); ++li) {
    const std::string& s = lines[li];
    auto& spans = out[li];
    auto add = [&](size_t b, size_t e, SyntaxKind k) {
      if (e > b) spans.push_back(SyntaxSpan{b, e, k});
    };
    size_t i = 0;
    if (!open_triple.empty()) {
      size_t close = s.find(open_triple);
      if (close == std::string::npos) {
        add(0, s.size(), SyntaxKind::String);
        continue;
      }
      add(0, close + 3, SyntaxKind::String);
      i = close + 3;
      open_triple.clear();
    }
    size_t text_begin = i;
    auto flush_text = [&](size_t upto) { add(text_begin, upto, SyntaxKind::Text); };
    while (i < s.size()) {
      char c = s[i];
      if (c == '#') {
        flush_text(i);
        add(i, s.size(), SyntaxKind::Comment);
        i = text_begin = s.size();
        break;
      }
      if (c == '@' && s.find_first_not_of(" \t") == i) {
        flush_text(i);
        size_t e = i + 1;
        while (e < s.size() && (ident_char(s[e]) || s[e] == '.')) ++e;
        add(i, e, SyntaxKind::Decorator);
        i = text_begin = e;
        continue;
      }
      bool prefixed = (c == 'f' || c == 'r' || c == 'b' || c == 'F' || c == 'R' || c == 'B') && i + 1 < s.size() &&
                      (s[i + 1] == '"' || s[i + 1] == '\'') && (i == 0 || !ident_char(s[i - 1]));
      if (c == '"' || c == '\'' || prefixed) {
        flush_text(i);
        size_t q = prefixed ? i + 1 : i;
        char quote = s[q];
        std::string triple(3, quote);
        if (s.compare(q, 3, triple) == 0) {
          size_t close = s.find(triple, q + 3);
          if (close == std::string::npos) {
            add(i, s.size(), SyntaxKind::String);
            open_triple = triple;
            i = text_begin = s.size();
            break;
          }
          add(i, close + 3, SyntaxKind::String);
          i = text_begin = close + 3;
          continue;
        }
        size_t e = q + 1;
        while (e < s.size() && s[e] != quote) e += s[e] == '\\' ? 2 : 1;
        e = std::min(e + 1, s.size());
        add(i, e, SyntaxKind::String);
        i = text_begin = e;
        continue;
      }
      if (std::isdigit(static_cast<unsigned char>(c)) && (i == 0 || !ident_char(s[i - 1]))) {
        flush_text(i);
        size_t e = i;
        while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '.' || s[e] == '_')) ++e;
        add(i, e, SyntaxKind::Number);
        i = text_begin = e;
        continue;
      }
      if (ident_start(c)) {
        size_t e = i;
        while (e < s.size() && ident_char(s[e])) ++e;
        std::string word = s.substr(i, e - i);
        SyntaxKind k = SyntaxKind::Text;
        if (after_def) {
          k = SyntaxKind::Definition;
          after_def = false;
        } else if (keywords().count(word)) {
          k = SyntaxKind::Keyword;
          after_def = word == "def" || word == "class";
        } else if (builtins().count(word)) {
          k = SyntaxKind::Builtin;
        }
        if (k != SyntaxKind::Text) {
          flush_text(i);
          add(i, e, k);
          text_begin = e;
        }
        i = e;
        continue;
      }
      ++i;
    }
    flush_text(s.size());
    after_def = false;
  }
  return out;
}

}  // namespace loopscope::gui
