#include "engine/script/syntax/lexer.hpp"

#include <gtest/gtest.h>

using namespace loopscope::script;

namespace {
std::vector<Tok> kinds(const std::string& src) {
  Lexer lx(src);
  std::vector<Tok> out;
  for (const Token& t : lx.tokenize()) out.push_back(t.kind);
  return out;
}
}  // namespace

TEST(Lexer, IndentedBlockProducesIndentAndDedent) {
  auto k = kinds("if x:\n    y\nz\n");
  std::vector<Tok> want = {Tok::If, Tok::Name, Tok::Colon, Tok::Newline, Tok::Indent, Tok::Name,
                           Tok::Newline, Tok::Dedent, Tok::Name, Tok::Newline, Tok::End};
  EXPECT_EQ(k, want);
}

TEST(Lexer, NewlinesInsideBracketsAreIgnored) {
  auto k = kinds("f(1,\n  2)\n");
  std::vector<Tok> want = {Tok::Name, Tok::LParen, Tok::Int, Tok::Comma, Tok::Int, Tok::RParen, Tok::Newline, Tok::End};
  EXPECT_EQ(k, want);
}

TEST(Lexer, StringEscapesAreDecoded) {
  Lexer lx("'a\\tb\\n' r'\\n'");
  auto t = lx.tokenize();
  EXPECT_EQ(t[0].text, "a\tb\n");
  EXPECT_EQ(t[1].text, "\\n");
}

TEST(Lexer, FStringKeepsItsRawBody) {
  Lexer lx("f'{x!r:>4}'");
  auto t = lx.tokenize();
  ASSERT_EQ(t[0].kind, Tok::FString);
  EXPECT_EQ(t[0].text, "{x!r:>4}");
}

TEST(Lexer, BadIndentationIsAnError) {
  Lexer lx("if x:\n    y\n  z\n");
  lx.tokenize();
  ASSERT_FALSE(lx.errors().empty());
  EXPECT_EQ(lx.errors()[0].message, "unindent does not match any outer indentation level");
}

TEST(Lexer, IntegerLiteralsOfAnySizeAreOneTokenOfDecimalDigits) {
  Lexer lx("x = 99999999999999999999 + 0x1_0000_0000_0000_0000\n");
  auto tokens = lx.tokenize();
  EXPECT_TRUE(lx.errors().empty());
  std::vector<std::string> ints;
  for (const Token& t : tokens)
    if (t.kind == Tok::Int) ints.push_back(t.text);
  EXPECT_EQ(ints, (std::vector<std::string>{"99999999999999999999", "18446744073709551616"}));
}

TEST(Lexer, UnterminatedStringIsReportedWhereItStarts) {
  Lexer lx("x = 'abc\n");
  lx.tokenize();
  ASSERT_EQ(lx.errors().size(), 1u);
  EXPECT_EQ(lx.errors()[0].message, "unterminated string literal");
  EXPECT_EQ(lx.errors()[0].col, 5);
}
