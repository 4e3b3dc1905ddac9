#pragma once
// The tokens of the scenario language (Python's, minus what the subset
// leaves out; keywords outside the subset are still tokens so the parser
// can refuse them by name).

#include <cstdint>
#include <string>

namespace loopscope::script {

enum class Tok : uint8_t {
  // Structure
  Newline, Indent, Dedent, End, Error,
  // Literals and names
  Name, Int, Float, String, FString, Bytes,
  // Brackets and punctuation
  LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  Comma, Colon, Semicolon, Dot, Arrow, Ellipsis, At,
  // Operators
  Plus, Minus, Star, DoubleStar, Slash, DoubleSlash, Percent, Tilde,
  Amp, Pipe, Caret, LShift, RShift,
  Less, Greater, LessEq, GreaterEq, EqEq, NotEq,
  Assign, Walrus,
  PlusEq, MinusEq, StarEq, SlashEq, DoubleSlashEq, PercentEq, DoubleStarEq,
  AmpEq, PipeEq, CaretEq, LShiftEq, RShiftEq, AtEq,
  // Keywords
  False, None, True, And, As, Assert, Async, Await, Break, Class, Continue,
  Def, Del, Elif, Else, Except, Finally, For, From, Global, If, Import, In,
  Is, Lambda, Nonlocal, Not, Or, Pass, Raise, Return, Try, While, With, Yield,
};

struct Token {
  Tok kind = Tok::End;
  int line = 1;
  int col = 1;
  std::string text;   // the name, the decoded string, the number's digits, or the error message
  bool raw = false;   // for FString: the literal was an r-string
};

const char* tok_name(Tok t);

}  // namespace loopscope::script
