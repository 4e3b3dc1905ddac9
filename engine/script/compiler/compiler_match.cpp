// The compiler's match statement. The subject stays on the stack while the
// cases are tried; each case tests a copy of it. A pattern consumes the value
// on top of the stack and jumps to a cleanup block when it does not match;
// the cleanup pops what the failed test left above the subject. Structural
// tests (sequence, mapping, class) call a run-time helper (runtime/match.*)
// that returns the values the sub-patterns look at, or None.
#include "engine/script/compiler/compiler_internal.hpp"
#include "engine/script/runtime/match.hpp"

namespace loopscope::script::compiler_internal {

void Compiler::match_stmt(const Stmt& s) {
  line_ = s.line;
  expr(*s.value);
  std::vector<size_t> ends;
  for (const MatchCase& c : s.cases) {
    line_ = c.line;
    emit(Op::Dup);
    int depth = 1;
    std::vector<FailSite> fails;
    pattern(*c.pattern, depth, fails);
    if (c.guard) {
      expr(*c.guard);
      fail_if(Op::JumpIfFalse, 0, fails);
    }
    line_ = c.line;
    emit(Op::Pop);  // the subject
    body(c.body);
    ends.push_back(emit(Op::Jump));
    fail_cleanup(fails, 0);
  }
  emit(Op::Pop);
  for (size_t j : ends) patch(j);
}

// Pops the test's result; a jump to the cleanup when it says "no match".
void Compiler::fail_if(Op jump, int depth, std::vector<FailSite>& fails) {
  fails.push_back({emit(jump), depth});
}

// Failed tests land here: each pops down to `target_depth`, then all meet
// at the end of this block.
void Compiler::fail_cleanup(std::vector<FailSite>& fails, int target_depth) {
  std::vector<size_t> done;
  for (size_t i = 0; i < fails.size(); ++i) {
    patch(fails[i].jump);
    for (int k = fails[i].depth; k > target_depth; --k) emit(Op::Pop);
    if (i + 1 < fails.size()) done.push_back(emit(Op::Jump));
  }
  for (size_t j : done) patch(j);
  fails.clear();
}

void Compiler::pattern(const Pattern& p, int& depth, std::vector<FailSite>& fails) {
  line_ = p.line;
  switch (p.kind) {
    case PK::Wildcard: case PK::Star:
      if (p.kind == PK::Star && !p.name.empty()) name_op(p.name, Access::Store);
      else emit(Op::Pop);
      --depth;
      return;
    case PK::Capture:
      name_op(p.name, Access::Store);
      --depth;
      return;
    case PK::Value: {
      expr(*p.value);
      bool singleton = p.value->kind == EK::Constant &&
                       (p.value->ck == ConstKind::None || p.value->ck == ConstKind::True || p.value->ck == ConstKind::False);
      emit(Op::Compare, static_cast<uint32_t>(singleton ? CmpOp::Is : CmpOp::Eq));
      --depth;
      fail_if(Op::JumpIfFalse, depth, fails);
      return;
    }
    case PK::As:
      emit(Op::Dup);
      ++depth;
      pattern(*p.items[0], depth, fails);
      name_op(p.name, Access::Store);
      --depth;
      return;
    case PK::Or: pattern_or(p, depth, fails); return;
    case PK::Sequence: {
      int star = -1;
      std::vector<const Pattern*> subs;
      for (size_t i = 0; i < p.items.size(); ++i) {
        if (p.items[i]->kind == PK::Star) star = static_cast<int>(i);
        subs.push_back(p.items[i].get());
      }
      emit(Op::Const, constant(match_helper(MatchHelper::Sequence)));
      emit(Op::Rot2);
      emit(Op::Const, constant(Value::integer(static_cast<int64_t>(subs.size()))));
      emit(Op::Const, constant(Value::integer(star)));
      emit(Op::Call, 3);
      pattern_unpacked(subs, static_cast<int>(subs.size()), depth, fails);
      return;
    }
    case PK::Mapping: {
      std::vector<const Pattern*> subs;
      for (const PatternP& x : p.items) subs.push_back(x.get());
      emit(Op::Const, constant(match_helper(MatchHelper::Mapping)));
      emit(Op::Rot2);
      for (const ExprP& k : p.keys) expr(*k);
      emit(Op::BuildTuple, static_cast<uint32_t>(p.keys.size()));
      emit(Op::Const, constant(Value::boolean(!p.name.empty())));
      emit(Op::Call, 3);
      Pattern rest;
      rest.kind = PK::Capture;
      rest.name = p.name;
      rest.line = p.line;
      if (!p.name.empty()) subs.push_back(&rest);
      pattern_unpacked(subs, static_cast<int>(subs.size()), depth, fails);
      return;
    }
    case PK::Class: {
      std::vector<const Pattern*> subs;
      for (const PatternP& x : p.items) subs.push_back(x.get());
      for (const PatternP& x : p.kwitems) subs.push_back(x.get());
      emit(Op::Const, constant(match_helper(MatchHelper::Class)));
      emit(Op::Rot2);
      expr(*p.value);
      emit(Op::Const, constant(Value::integer(static_cast<int64_t>(p.items.size()))));
      for (const std::string& n : p.kwnames) emit(Op::Const, constant(str_value(n)));
      emit(Op::BuildTuple, static_cast<uint32_t>(p.kwnames.size()));
      line_ = p.line;
      emit(Op::Call, 4);
      pattern_unpacked(subs, static_cast<int>(subs.size()), depth, fails);
      return;
    }
  }
}

// The helper's result is on top: None fails; else its items are matched
// by `subs`, in order.
void Compiler::pattern_unpacked(const std::vector<const Pattern*>& subs, int count, int& depth,
                                std::vector<FailSite>& fails) {
  emit(Op::Dup);
  emit(Op::Const, constant(Value()));
  emit(Op::Compare, static_cast<uint32_t>(CmpOp::Is));
  fail_if(Op::JumpIfTrue, depth, fails);
  emit(Op::Unpack, static_cast<uint32_t>(count));
  depth += count - 1;
  for (const Pattern* sub : subs) pattern(*sub, depth, fails);
}

// Each alternative but the last tests a copy; the first that matches wins.
void Compiler::pattern_or(const Pattern& p, int& depth, std::vector<FailSite>& fails) {
  std::vector<size_t> matched;
  for (size_t i = 0; i + 1 < p.items.size(); ++i) {
    emit(Op::Dup);
    int d = depth + 1;
    std::vector<FailSite> alt_fails;
    pattern(*p.items[i], d, alt_fails);
    emit(Op::Pop);
    matched.push_back(emit(Op::Jump));
    fail_cleanup(alt_fails, depth);
  }
  pattern(*p.items.back(), depth, fails);
  // After a matching earlier alternative the copy and the value are gone
  // too: the same depth as after the last one.
  for (size_t j : matched) patch(j);
}

}  // namespace loopscope::script::compiler_internal
