#include "engine/script/compiler/chunk.hpp"

namespace loopscope::script {

const char* op_name(Op op) {
  switch (op) {
#define X(n) case Op::n: return #n;
    X(Nop) X(Const) X(Pop) X(Dup) X(Dup2) X(Rot2) X(Rot3) X(LoadFast) X(StoreFast) X(DeleteFast)
    X(LoadDeref) X(StoreDeref) X(DeleteDeref) X(LoadClosure) X(LoadGlobal) X(StoreGlobal)
    X(DeleteGlobal) X(LoadName) X(StoreName) X(DeleteName) X(LoadAttr) X(StoreAttr) X(DeleteAttr)
    X(Subscr) X(StoreSubscr) X(DeleteSubscr) X(BuildSlice) X(Binary) X(Inplace) X(Unary) X(Compare)
    X(Jump) X(JumpIfFalse) X(JumpIfTrue) X(JumpIfFalseOrPop) X(JumpIfTrueOrPop) X(GetIter) X(ForIter)
    X(BuildList) X(BuildTuple) X(BuildSet) X(BuildDict) X(ListAppend) X(SetAdd) X(MapAdd) X(ListExtend)
    X(SetUpdate) X(DictUpdate) X(ListToTuple) X(Unpack) X(UnpackEx) X(Call) X(CallKw) X(CallEx)
    X(MakeFunction) X(Return) X(SetupExcept) X(PopBlock) X(PushExcInfo) X(PopExcept) X(ExcMatch)
    X(ExcStarInit) X(ExcStarMatch) X(ExcStarPrep)
    X(Raise) X(Reraise) X(BeforeWith) X(SetupWith) X(WithExcept) X(FormatValue) X(BuildString) X(GetAwaitable)
    X(Await) X(Import) X(ImportFrom) X(BuildClass) X(BuildClassKw) X(Assert) X(Print)
    X(Yield) X(GetYieldFromIter) X(YieldFrom) X(GetAIter) X(GetANext) X(EndAsyncFor)
    X(LoadMethod) X(CallMethod) X(CallMethodKw)
#undef X
  }
  return "?";
}

uint32_t Chunk::add_const(Value v) {
  // Reuse equal simple constants (same type and value).
  for (size_t i = 0; i < consts.size(); ++i) {
    const Value& c = consts[i];
    if (c.tag() != v.tag()) continue;
    if (!v.is_obj()) {
      if (c.identical(v) && !(v.is_float() && c.as_float() == 0.0)) return static_cast<uint32_t>(i);
    } else if (v.is(ObjKind::Str) && c.is(ObjKind::Str) &&
               c.as<StrObj>()->value == v.as<StrObj>()->value) {
      return static_cast<uint32_t>(i);
    }
  }
  consts.push_back(std::move(v));
  return static_cast<uint32_t>(consts.size() - 1);
}

uint32_t Chunk::add_name(const std::string& n) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == n) return static_cast<uint32_t>(i);
  names.push_back(n);
  return static_cast<uint32_t>(names.size() - 1);
}

}  // namespace loopscope::script
