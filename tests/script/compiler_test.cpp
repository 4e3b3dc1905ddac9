#include "engine/script/compiler/compiler.hpp"

#include <gtest/gtest.h>

#include "engine/script/script.hpp"

using namespace loopscope::script;

TEST(Compiler, EveryInstructionHasASourceLine) {
  CompileResult r = compile_source("t.py", "x = 1\nif x:\n    print(x)\n");
  ASSERT_TRUE(r.ok);
  const CodeObj& code = *r.program->code;
  ASSERT_EQ(code.chunk.code.size(), code.chunk.lines.size());
  for (int line : code.chunk.lines) EXPECT_GE(line, 1);
}

TEST(Compiler, LocalsCapturedByInnerFunctionsBecomeCells) {
  CompileResult r = compile_source("t.py", "def outer():\n    n = 0\n    def inner():\n        return n\n    return inner\n");
  ASSERT_TRUE(r.ok);
  std::string dis = disassemble(*r.program);
  EXPECT_NE(dis.find("LoadClosure"), std::string::npos);
  EXPECT_NE(dis.find("LoadDeref"), std::string::npos);
}

TEST(Compiler, AwaitCompilesToGetAwaitableThenAwait) {
  CompileResult r = compile_source("t.py", "async def f():\n    await g()\n");
  ASSERT_TRUE(r.ok);
  std::string dis = disassemble(*r.program);
  size_t a = dis.find("GetAwaitable");
  ASSERT_NE(a, std::string::npos);
  EXPECT_NE(dis.find("Await", a + 12), std::string::npos);
}

TEST(Compiler, NonlocalWithoutBindingIsAnError) {
  CompileResult r = compile_source("t.py", "def f():\n    nonlocal q\n    q = 1\n");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.errors[0].message, "no binding for nonlocal 'q' found");
}
