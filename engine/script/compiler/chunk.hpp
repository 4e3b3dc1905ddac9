#pragma once
// Bytecode: instructions with one operand each, a source line per
// instruction, and the constants and names they refer to. CodeObj is a
// compiled function (or module, or class body).

#include <cstdint>
#include <string>
#include <vector>

#include "engine/object/value.hpp"

namespace loopscope::script {

// BuildSet flags for a display of constants, which CPython's compiler folds
// into a frozenset constant (built from the items, then rebuilt from its own
// order when constants are merged): kSetFolded, a display of more than two
// constants, is an empty set updated from that frozenset; kSetFoldedIter,
// the iterable of a `for` or comprehension, is the frozenset itself.
constexpr uint32_t kSetFolded = 1u << 30;
constexpr uint32_t kSetFoldedIter = 1u << 29;
constexpr uint32_t kSetCountMask = kSetFoldedIter - 1;

enum class Op : uint8_t {
  Nop,
  Const,          // push consts[arg]
  Pop,
  Dup,            // a -> a a
  Dup2,           // a b -> a b a b
  Rot2,           // a b -> b a
  Rot3,           // a b c -> c a b
  LoadFast, StoreFast, DeleteFast,          // locals[arg]
  LoadDeref, StoreDeref, DeleteDeref,       // cells[arg]
  LoadClosure,                              // push the cell object cells[arg]
  LoadGlobal, StoreGlobal, DeleteGlobal,    // names[arg], module globals then builtins
  LoadName, StoreName, DeleteName,          // names[arg], class/module namespace first
  LoadAttr, StoreAttr, DeleteAttr,          // names[arg]
  Subscr, StoreSubscr, DeleteSubscr,
  BuildSlice,     // arg = 2 or 3
  Binary,         // arg = BinOp
  Inplace,        // arg = BinOp
  Unary,          // arg = UnOp
  Compare,        // arg = CmpOp
  Jump,           // pc = arg
  JumpIfFalse,    // pop; jump when falsy
  JumpIfTrue,     // pop; jump when truthy
  JumpIfFalseOrPop,
  JumpIfTrueOrPop,
  GetIter,
  ForIter,        // push next item, or pop the iterator and jump to arg
  BuildList, BuildTuple, BuildSet,  // arg items (BuildSet: | kSetFolded... flags)
  BuildDict,      // arg pairs
  ListAppend,     // append top to the list at stack[-arg-1]... (see vm)
  SetAdd,
  MapAdd,
  ListExtend,     // pop iterable, extend list below it
  SetUpdate,
  DictUpdate,     // pop mapping, merge into dict below it
  ListToTuple,
  Unpack,         // arg = count
  UnpackEx,       // arg = before | after << 16
  Call,           // arg = positional count
  CallKw,         // arg = total count; top is a tuple of keyword names
  CallEx,         // stack: callee, args tuple, kwargs dict (or None)
  MakeFunction,   // arg flags: 1 defaults tuple, 2 kwdefaults dict, 8 annotations dict, 4 closure tuple; top is the code
  Return,
  SetupExcept,    // push a handler block for arg
  PopBlock,
  PushExcInfo,    // top is the exception: it becomes the one being handled
  PopExcept,      // the handler is done
  ExcMatch,       // exc type -> isinstance(exc, type)
  ExcStarInit,    // except*: exc -> orig raised-list rest
  ExcStarMatch,   // rest type -> rest' match matched? (match None when nothing matched)
  ExcStarPrep,    // orig raised-list rest -> exc-to-raise-or-None raise?
  Raise,          // arg 0: re-raise, 1: raise top, 2: raise top-1 from top
  Reraise,        // pop exc; raise it again, traceback kept
  BeforeWith,     // ctx -> exit_fn enter_result (arg 1: async, enter_result is an awaitable)
  SetupWith,      // push a handler block for arg whose stack depth leaves out the top
  WithExcept,     // exit_fn exc -> exit_fn exc result
  FormatValue,    // arg: conversion (0, 'r', 's', 'a') | 0x100 when a spec is on top
  BuildString,    // arg pieces
  GetAwaitable,
  Await,          // delegate to the awaitable at top until it returns
  Import,         // names[arg]: push the module
  ImportFrom,     // names[arg]: module at top -> module attr
  BuildClass,     // stack: body function, bases tuple; names[arg] is the class name
  BuildClassKw,   // stack: body function, bases tuple, keywords dict (metaclass= and the rest)
  Assert,         // pop message (or None); raise AssertionError
  Print,          // unused marker for debugging
  Yield,          // pop a value and hand it to the generator's caller; resumed, push what was sent
  GetYieldFromIter,  // iterable -> iterator (a generator stays itself)
  YieldFrom,      // delegate to the iterator at top until it finishes; push its return value
  GetAIter,       // obj -> obj.__aiter__()
  GetANext,       // aiter -> aiter awaitable (aiter stays)
  EndAsyncFor,    // aiter exc -> (StopAsyncIteration ends the loop; anything else is raised again)
  LoadMethod,     // obj -> method self (a method found without binding it), or NULL-marker attr; names[arg]
  CallMethod,     // method self args... (or NULL-marker callable args...) -> result; arg = positional count
  CallMethodKw,   // as CallMethod, then keyword values and the tuple of their names; arg = total count
};

const char* op_name(Op op);

struct Instr {
  Op op;
  uint32_t arg;
};

class Interp;
struct CallArgs;
using NativeFn = Value (*)(Interp&, const Value& self, CallArgs&);

// What an instruction found last time (vm/vm_method.cpp, vm/calls.cpp):
// LoadMethod: for values whose type object is `owner`, the native method
// `fn`. LoadGlobal/LoadName: in the module `owner` as it stood at `epoch`,
// the entry `slot`, or (slot null, the module still `size` names long) the
// built-in `builtin`.
struct InlineCache {
  const void* owner = nullptr;
  NativeFn fn = nullptr;
  const Value* slot = nullptr;
  Value builtin;
  uint32_t epoch = 0;
  size_t size = 0;
};

struct Chunk {
  std::vector<Instr> code;
  // One per instruction, made when a LoadMethod or LoadGlobal first runs.
  mutable std::vector<InlineCache> caches;
  std::vector<int> lines;     // one per instruction
  std::vector<Value> consts;
  std::vector<std::string> names;

  size_t emit(Op op, uint32_t arg, int line) {
    code.push_back(Instr{op, arg});
    lines.push_back(line);
    return code.size() - 1;
  }
  uint32_t add_const(Value v);
  uint32_t add_name(const std::string& n);
};

class CodeObj final : public Object {
 public:
  CodeObj() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "code"; }
  std::string repr() const override {
    return "<code object " + name + " at 0x?, file \"" + file + "\", line " + std::to_string(first_line) + ">";
  }

  enum Flags : uint8_t { kAsync = 1, kVarArgs = 2, kVarKw = 4, kClassBody = 8, kModule = 16, kLambda = 32, kGenerator = 64 };

  std::string name;
  std::string qualname;
  std::string file;
  Chunk chunk;
  int argcount = 0;          // positional parameters
  int kwonlycount = 0;
  uint8_t flags = 0;
  int first_line = 0;
  std::vector<std::string> varnames;   // parameters first: positional, kw-only, *args, **kwargs
  std::vector<std::string> cellvars;   // locals captured by inner functions
  std::vector<std::string> freevars;   // captured from outer functions
  std::vector<int> cell_param;         // per cellvar: the parameter it starts as, or -1
  Value doc;                           // the docstring, or None

  bool is_async() const { return flags & kAsync; }
  bool is_generator() const { return flags & kGenerator; }
};

}  // namespace loopscope::script
