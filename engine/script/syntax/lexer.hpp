#pragma once
// The lexer: source bytes to tokens, with Python's INDENT/DEDENT and
// implicit line joining inside brackets. It never throws: a bad byte
// becomes an error diagnostic and lexing goes on.

#include <string>
#include <vector>

#include "engine/script/syntax/diagnostic.hpp"
#include "engine/script/syntax/token.hpp"

namespace loopscope::script {

class Lexer {
 public:
  // `line`/`col` place the text in its file (f-string fields are lexed
  // from the middle of a line); `fragment` lexes an expression only: no
  // INDENT/DEDENT and no NEWLINE at the end.
  explicit Lexer(std::string_view source, int line = 1, int col = 1, bool fragment = false);
  std::vector<Token> tokenize();
  std::vector<Diagnostic>& errors() { return errors_; }

 private:
  char peek(size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }
  bool at_end() const { return pos_ >= src_.size(); }
  char advance();
  void add(Tok k, int line, int col, std::string text = {});
  void error(int line, int col, std::string msg);
  void line_start();
  void number();
  void name_or_keyword();
  void string(size_t prefix_len, bool raw, bool fstring, bool bytes);
  void op();
  bool starts_statement() const;

  std::string_view src_;
  size_t pos_ = 0;
  int line_;
  int col_;
  bool fragment_;
  int depth_ = 0;  // bracket nesting: newlines inside are not tokens
  std::vector<Token> open_;  // the unclosed brackets, innermost last
  std::vector<int> indents_{0};
  std::vector<Token> out_;
  std::vector<Diagnostic> errors_;
};

}  // namespace loopscope::script

namespace loopscope::script {
// Decodes backslash escapes of a (non-raw) string body; sets *error on a
// malformed escape.
std::string decode_escapes(std::string_view body, std::string* error);
}  // namespace loopscope::script
