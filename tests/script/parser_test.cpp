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
  EXPECT_EQ(first("def f():\n    yield 1\n"), "generators ('yield') are not supported");
  EXPECT_EQ(first("async def f():\n    yield 1\n"), "'yield' inside async def is not supported");
  EXPECT_EQ(first("match x:\n    case 1:\n        pass\n"), "'match' statements are not supported");
  EXPECT_EQ(first("@dec\ndef f(): pass\n"), "decorators ('@') are not supported");
  EXPECT_EQ(first("if (n := 1): pass\n"), "assignment expressions (':=') are not supported");
  EXPECT_EQ(first("async def f():\n    async for x in y: pass\n"), "'async for' is not supported");
  EXPECT_EQ(first("import os\n"), "import of module 'os' is not supported (available: asyncio, time, random, math, sys, concurrent.futures)");
  EXPECT_EQ(first("class A(B, C): pass\n"), "multiple inheritance is not supported");
}

TEST(Parser, CompileErrorsAreFormattedWithLineAndCaret) {
  CompileResult r = compile_source("demo.py", "x = 1\nprint(x +)\n");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.formatted(), "demo.py:2:10: error: invalid syntax: unexpected ')'\n    print(x +)\n             ^\n");
}
