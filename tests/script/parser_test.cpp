#include "engine/script/syntax/parser.hpp"

#include <gtest/gtest.h>

#include "engine/script/syntax/lexer.hpp"
#include "engine/script/script.hpp"

using namespace loopscope::script;

namespace {
Module parse(const std::string& src, std::vector<Diagnostic>& errors) {
  Lexer lx(src);
  auto toks = lx.tokenize();
  errors = lx.errors();
  Parser p(std::move(toks), errors);
  return p.parse_module();
}
}  // namespace

TEST(Parser, ChainedComparisonIsOneCompareNode) {
  std::vector<Diagnostic> errs;
  Module m = parse("a < b <= c\n", errs);
  ASSERT_TRUE(errs.empty());
  const Expr& e = *m.body[0]->value;
  EXPECT_EQ(e.kind, EK::Compare);
  EXPECT_EQ(e.cmps.size(), 2u);
}

TEST(Parser, AsyncDefWithAwaitParses) {
  std::vector<Diagnostic> errs;
  Module m = parse("async def f():\n    await g()\n", errs);
  ASSERT_TRUE(errs.empty());
  EXPECT_TRUE(m.body[0]->func->is_async);
}

TEST(Parser, AwaitOutsideAsyncFunctionIsRefused) {
  std::vector<Diagnostic> errs;
  parse("def f():\n    await g()\n", errs);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].message, "'await' outside async function");
}

TEST(Parser, PanicModeReportsSeveralErrors) {
  std::vector<Diagnostic> errs;
  parse("x = = 1\ny = )\nz = 3\nw ==\n", errs);
  EXPECT_EQ(errs.size(), 3u);
}

TEST(Parser, ConstructsOutsideTheSubsetNameThemselves) {
  auto first = [](const std::string& src) {
    CompileResult r = compile_source("t.py", src);
    return r.errors.empty() ? std::string() : r.errors[0].message;
  };
  EXPECT_EQ(first("yield 1\n"), "'yield' outside function");
  EXPECT_EQ(first("async def f():\n    yield from x\n"), "'yield from' inside async function");
  EXPECT_EQ(first("def f():\n    async for x in y: pass\n"), "'async for' outside async function");
  std::string refused = first("import tkinter\n");
  EXPECT_EQ(refused.rfind("import of module 'tkinter' is not supported (available: asyncio, time, ", 0), 0u) << refused;
  EXPECT_NE(refused.find(", re, logging, datetime, uuid"), std::string::npos) << refused;
}

TEST(Parser, DecoratorsWalrusAndWithItemsRejectWhatPythonRejects) {
  auto first = [](const std::string& src) {
    CompileResult r = compile_source("t.py", src);
    return r.errors.empty() ? std::string() : r.errors[0].message;
  };
  EXPECT_EQ(first("@dec\nx = 1\n"), "a decorator must be followed by 'def', 'async def' or 'class'");
  EXPECT_EQ(first("x := 1\n"), "invalid syntax (an assignment expression ':=' as a statement needs parentheses)");
  EXPECT_EQ(first("y = (a.b := 1)\n"), "cannot use assignment expressions with this expression");
  EXPECT_EQ(first("class C:\n    v = [(y := x) for x in 'ab']\n"),
            "assignment expression within a comprehension cannot be used in a class body");
  EXPECT_EQ(first("with open() as f(): pass\n"), "cannot assign to function call");
  EXPECT_EQ(first("match x:\n    case y:\n        pass\n    case 1:\n        pass\n"),
            "name capture 'y' makes remaining patterns unreachable");
  EXPECT_EQ(first("match x:\n    case [*a, *b]:\n        pass\n"), "multiple starred names in sequence pattern");
  EXPECT_EQ(first("match x:\n    case {**r, 'k': 1}:\n        pass\n"), "'**' pattern must come last in a mapping pattern");
  EXPECT_EQ(first("match = 1\nmatch(2)\nprint(match)\n"), "");
  EXPECT_EQ(first("@dec\ndef f(): pass\nwith a() as x, b() as y: pass\nclass A(B, C): pass\n"), "");
}

TEST(Parser, CompileErrorsAreFormattedWithLineAndCaret) {
  CompileResult r = compile_source("demo.py", "x = 1\nprint(x +)\n");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.formatted(), "demo.py:2:10: error: invalid syntax: unexpected ')'\n    print(x +)\n             ^\n");
}
