// The compiler's driver and statements: the module entry point, name
// resolution to load/store ops, and every statement form.
#include "engine/script/compiler/compiler.hpp"

#include "engine/script/compiler/compiler_internal.hpp"

namespace loopscope::script {

namespace compiler_internal {

Ref<CodeObj> Compiler::module(const Module& m) {
  Ref<CodeObj> code = make<CodeObj>();
  code->name = "<module>";
  code->qualname = "<module>";
  code->file = file_;
  code->flags = CodeObj::kModule;
  code->first_line = 1;
  Unit u{code.get(), st_.module.get()};
  units_.push_back(&u);
  future_annotations_ = has_future_annotations(m);
  check_future_imports(m, errors_);
  setup_annotations(m.body);
  body(m.body);
  emit(Op::Const, constant(Value()));
  emit(Op::Return);
  units_.pop_back();
  return code;
}

uint32_t Compiler::local_slot(const std::string& n) {
  auto& v = u().code->varnames;
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i] == n) return static_cast<uint32_t>(i);
  v.push_back(n);
  return static_cast<uint32_t>(v.size() - 1);
}
uint32_t Compiler::cell_slot(const std::string& n) {
  const CodeObj* c = u().code;
  for (size_t i = 0; i < c->cellvars.size(); ++i)
    if (c->cellvars[i] == n) return static_cast<uint32_t>(i);
  for (size_t i = 0; i < c->freevars.size(); ++i)
    if (c->freevars[i] == n) return static_cast<uint32_t>(c->cellvars.size() + i);
  return 0;
}

void Compiler::name_op(const std::string& n, Access a) {
  const Scope* s = u().scope;
  NameRes r = s->resolve(n);
  if (s->kind == Scope::Kind::Module) r = NameRes::Global;
  switch (r) {
    case NameRes::Local: {
      uint32_t slot = local_slot(n);
      emit(a == Access::Load ? Op::LoadFast : a == Access::Store ? Op::StoreFast : Op::DeleteFast, slot);
      return;
    }
    case NameRes::Cell: case NameRes::Free: {
      uint32_t slot = cell_slot(n);
      emit(a == Access::Load ? Op::LoadDeref : a == Access::Store ? Op::StoreDeref : Op::DeleteDeref, slot);
      return;
    }
    case NameRes::Global:
      emit(a == Access::Load ? Op::LoadGlobal : a == Access::Store ? Op::StoreGlobal : Op::DeleteGlobal, name(n));
      return;
    case NameRes::Name:
      emit(a == Access::Load ? Op::LoadName : a == Access::Store ? Op::StoreName : Op::DeleteName, name(n));
      return;
  }
}

// ---- statements ----

void Compiler::body(const Body& b) {
  for (const StmtP& s : b) stmt(*s);
}

void Compiler::stmt(const Stmt& s) {
  line_ = s.line;
  switch (s.kind) {
    case SK::Expr:
      if (s.value->kind == EK::Constant) return;  // docstrings and bare constants
      expr(*s.value);
      emit(Op::Pop);
      return;
    case SK::Assign:
      expr(*s.value);
      for (size_t i = 0; i < s.targets.size(); ++i) {
        if (i + 1 < s.targets.size()) emit(Op::Dup);
        store(*s.targets[i]);
      }
      return;
    case SK::AnnAssign: ann_assign(s); return;
    case SK::AugAssign: aug_assign(s); return;
    case SK::Return: return_stmt(s); return;
    case SK::Pass: return;
    case SK::Break: break_continue(s, true); return;
    case SK::Continue: break_continue(s, false); return;
    case SK::If: if_stmt(s); return;
    case SK::While: while_stmt(s); return;
    case SK::For: for_stmt(s); return;
    case SK::Try: try_stmt(s); return;
    case SK::Raise:
      if (!s.value) {
        emit(Op::Raise, 0);
        return;
      }
      expr(*s.value);
      if (s.cause) {
        expr(*s.cause);
        line_ = s.line;
        emit(Op::Raise, 2);
      } else {
        line_ = s.line;
        emit(Op::Raise, 1);
      }
      return;
    case SK::Assert: {
      expr(*s.test);
      size_t ok = emit(Op::JumpIfTrue);
      if (s.value) expr(*s.value);
      else emit(Op::Const, constant(Value()));
      line_ = s.line;
      emit(Op::Assert);
      patch(ok);
      return;
    }
    case SK::Del:
      for (const ExprP& t : s.targets) del(*t);
      return;
    case SK::Global: case SK::Nonlocal: return;
    case SK::Import:
      for (const Alias& a : s.aliases) {
        if (is_refused_module(a.name)) {
          error(a.line, a.col, unsupported_module_message(a.name));
          continue;
        }
        emit(Op::Import, name(a.name));
        size_t dot = a.name.find('.');
        if (a.asname.empty() && dot != std::string::npos) {
          // `import a.b` imports a.b and binds the top package a.
          emit(Op::Pop);
          emit(Op::Import, name(a.name.substr(0, dot)));
          name_op(a.name.substr(0, dot), Access::Store);
          continue;
        }
        name_op(a.asname.empty() ? a.name : a.asname, Access::Store);
      }
      return;
    case SK::ImportFrom:
      if (is_refused_module(s.module)) {
        error(s.line, s.col + 5, unsupported_module_message(s.module));
        return;
      }
      emit(Op::Import, name(s.module));
      for (const Alias& a : s.aliases) {
        line_ = a.line;
        emit(Op::Dup);
        emit(Op::ImportFrom, name(a.name));
        name_op(a.asname.empty() ? a.name : a.asname, Access::Store);
      }
      emit(Op::Pop);
      return;
    case SK::FunctionDef: function_def(*s.func); return;
    case SK::ClassDef: class_def(s); return;
    case SK::With: with_stmt(s, 0); return;
    case SK::Match: match_stmt(s); return;
  }
}

// In a module or class body a simple name's annotation is evaluated (or,
// under `from __future__ import annotations`, written back as a string)
// and recorded in `__annotations__`, after the value is stored; in a
// function nothing of the annotation runs.
void Compiler::ann_assign(const Stmt& s) {
  const Expr& t = *s.targets[0];
  if (s.value) {
    expr(*s.value);
    store(t);
  }
  Scope::Kind k = u().scope->kind;
  if (k == Scope::Kind::Function) return;
  line_ = s.line;
  if (t.kind != EK::Name || s.op == 1) {
    if (!future_annotations_) {
      expr(*s.test);
      emit(Op::Pop);
    }
    return;
  }
  if (future_annotations_) emit(Op::Const, constant(str_value(unparse(*s.test))));
  else expr(*s.test);
  line_ = s.line;
  name_op("__annotations__", Access::Load);
  emit(Op::Const, constant(str_value(t.s)));
  emit(Op::StoreSubscr);
}

namespace {
bool has_simple_annotation(const Body& b) {
  for (const StmtP& s : b) {
    if (s->kind == SK::AnnAssign && s->targets[0]->kind == EK::Name && s->op == 0) return true;
    if (s->kind == SK::FunctionDef || s->kind == SK::ClassDef) continue;
    if (has_simple_annotation(s->body) || has_simple_annotation(s->orelse) || has_simple_annotation(s->finalbody)) return true;
    for (const Handler& h : s->handlers)
      if (has_simple_annotation(h.body)) return true;
    for (const MatchCase& c : s->cases)
      if (has_simple_annotation(c.body)) return true;
  }
  return false;
}
}  // namespace

// A module or class body with annotated names starts with an empty
// `__annotations__` dict, as CPython's SETUP_ANNOTATIONS makes.
void Compiler::setup_annotations(const Body& b) {
  if (!has_simple_annotation(b)) return;
  emit(Op::BuildDict, 0);
  name_op("__annotations__", Access::Store);
}

void Compiler::aug_assign(const Stmt& s) {
  const Expr& t = *s.targets[0];
  switch (t.kind) {
    case EK::Name:
      name_op(t.s, Access::Load);
      expr(*s.value);
      line_ = s.line;
      emit(Op::Inplace, static_cast<uint32_t>(s.op));
      name_op(t.s, Access::Store);
      return;
    case EK::Attribute:
      expr(*t.a);
      emit(Op::Dup);
      emit(Op::LoadAttr, name(t.s));
      expr(*s.value);
      line_ = s.line;
      emit(Op::Inplace, static_cast<uint32_t>(s.op));
      emit(Op::Rot2);
      emit(Op::StoreAttr, name(t.s));
      return;
    case EK::Subscript:
      expr(*t.a);
      subscript_index(*t.b);
      emit(Op::Dup2);
      emit(Op::Subscr);
      expr(*s.value);
      line_ = s.line;
      emit(Op::Inplace, static_cast<uint32_t>(s.op));
      emit(Op::Rot3);
      emit(Op::StoreSubscr);
      return;
    default: error(s.line, s.col, "illegal expression for augmented assignment");
  }
}

void Compiler::store(const Expr& t) {
  line_ = t.line;
  switch (t.kind) {
    case EK::Name: name_op(t.s, Access::Store); return;
    case EK::Attribute:
      expr(*t.a);
      emit(Op::StoreAttr, name(t.s));
      return;
    case EK::Subscript:
      expr(*t.a);
      subscript_index(*t.b);
      emit(Op::StoreSubscr);
      return;
    case EK::Tuple: case EK::List: {
      size_t star = t.items.size();
      for (size_t i = 0; i < t.items.size(); ++i)
        if (t.items[i]->kind == EK::Starred) star = i;
      if (star == t.items.size()) {
        emit(Op::Unpack, static_cast<uint32_t>(t.items.size()));
      } else {
        uint32_t after = static_cast<uint32_t>(t.items.size() - star - 1);
        emit(Op::UnpackEx, static_cast<uint32_t>(star) | (after << 16));
      }
      for (const ExprP& x : t.items) store(x->kind == EK::Starred ? *x->a : *x);
      return;
    }
    default: error(t.line, t.col, "cannot assign to this expression");
  }
}

void Compiler::del(const Expr& t) {
  line_ = t.line;
  switch (t.kind) {
    case EK::Name: name_op(t.s, Access::Delete); return;
    case EK::Attribute:
      expr(*t.a);
      emit(Op::DeleteAttr, name(t.s));
      return;
    case EK::Subscript:
      expr(*t.a);
      subscript_index(*t.b);
      emit(Op::DeleteSubscr);
      return;
    case EK::Tuple: case EK::List:
      for (const ExprP& x : t.items) del(*x);
      return;
    default: error(t.line, t.col, "cannot delete this expression");
  }
}

// Emits what leaving `fb` early requires (break/continue/return).
void Compiler::unwind(const FBlock& fb, bool for_return) {
  switch (fb.kind) {
    case FB::While: return;
    case FB::For:
      emit(Op::Pop);  // the iterator
      return;
    case FB::TryExcept: emit(Op::PopBlock); return;
    case FB::Finally: {
      emit(Op::PopBlock);
      // The finally body runs with this block gone (a break inside it
      // must not run it again).
      FBlock saved = u().fblocks.back();
      std::vector<FBlock> hidden;
      while (!u().fblocks.empty() && &u().fblocks.back() != &fb) {
        hidden.push_back(u().fblocks.back());
        u().fblocks.pop_back();
      }
      FBlock self = u().fblocks.back();
      u().fblocks.pop_back();
      int saved_line = line_;
      body(*self.finalbody);
      line_ = saved_line;
      u().fblocks.push_back(self);
      for (auto it = hidden.rbegin(); it != hidden.rend(); ++it) u().fblocks.push_back(*it);
      (void)saved;
      return;
    }
    case FB::Handler:
      emit(Op::PopExcept);
      if (!fb.name.empty()) {
        emit(Op::Const, constant(Value()));
        name_op(fb.name, Access::Store);
        name_op(fb.name, Access::Delete);
      }
      return;
    case FB::FinallyHandler:
      emit(Op::PopExcept);
      emit(Op::Pop);
      return;
    case FB::ExceptStar: return;  // refused before any unwinding
    case FB::With:
      emit(Op::PopBlock);
      emit(Op::Const, constant(Value()));
      emit(Op::Const, constant(Value()));
      emit(Op::Const, constant(Value()));
      emit(Op::Call, 3);
      if (fb.is_async) {
        emit(Op::GetAwaitable);
        emit(Op::Await);
      }
      emit(Op::Pop);  // __exit__'s result
      (void)for_return;
      return;
  }
}

void Compiler::break_continue(const Stmt& s, bool is_break) {
  auto& fbs = u().fblocks;
  for (size_t i = fbs.size(); i-- > 0;) {
    FBlock fb = fbs[i];
    if (fb.kind == FB::ExceptStar) {
      error(s.line, s.col, kExceptStarJump);
      return;
    }
    if (fb.kind == FB::While || fb.kind == FB::For) {
      if (is_break) {
        if (fb.kind == FB::For) emit(Op::Pop);
        fb.breaks->push_back(emit(Op::Jump));
      } else {
        emit(Op::Jump, static_cast<uint32_t>(fb.loop_start));
      }
      return;
    }
    unwind(fbs[i], false);
  }
}

void Compiler::return_stmt(const Stmt& s) {
  if (s.value) expr(*s.value);
  else emit(Op::Const, constant(Value()));
  line_ = s.line;
  auto& fbs = u().fblocks;
  if (fbs.empty()) {
    emit(Op::Return);
    return;
  }
  for (const FBlock& fb : fbs) {
    if (fb.kind != FB::ExceptStar) continue;
    // CPython points at a constant return value, else at the statement.
    bool at_value = s.value && s.value->kind == EK::Constant;
    error(at_value ? s.value->line : s.line, at_value ? s.value->col : s.col, kExceptStarJump);
    return;
  }
  uint32_t tmp = local_slot(".retval");
  emit(Op::StoreFast, tmp);
  for (size_t i = fbs.size(); i-- > 0;) unwind(fbs[i], true);
  line_ = s.line;
  emit(Op::LoadFast, tmp);
  emit(Op::Return);
}

void Compiler::if_stmt(const Stmt& s) {
  expr(*s.test);
  size_t jf = emit(Op::JumpIfFalse);
  body(s.body);
  if (s.orelse.empty()) {
    patch(jf);
    return;
  }
  size_t end = emit(Op::Jump);
  patch(jf);
  body(s.orelse);
  patch(end);
}

void Compiler::while_stmt(const Stmt& s) {
  size_t start = here();
  expr(*s.test);
  size_t jf = emit(Op::JumpIfFalse);
  std::vector<size_t> breaks;
  u().fblocks.push_back(FBlock(FB::While, start, &breaks));
  body(s.body);
  u().fblocks.pop_back();
  line_ = s.line;
  emit(Op::Jump, static_cast<uint32_t>(start));
  patch(jf);
  body(s.orelse);
  for (size_t b : breaks) patch(b);
}

// The head of an `async for` step: the aiter is on the stack; pushes the
// next item, or jumps to the handler (returned) that async_for_end emits.
size_t Compiler::async_next() {
  size_t setup = emit(Op::SetupExcept);
  emit(Op::GetANext);
  emit(Op::GetAwaitable);
  emit(Op::Await);
  emit(Op::PopBlock);
  return setup;
}

// The handler of an `async for` step: StopAsyncIteration ends the loop.
void Compiler::async_for_end(size_t setup) {
  patch(setup);
  emit(Op::EndAsyncFor);
}

void Compiler::for_stmt(const Stmt& s) {
  iterable(*s.iter);
  line_ = s.line;
  emit(s.is_async ? Op::GetAIter : Op::GetIter);
  size_t start = here();
  size_t fi = s.is_async ? async_next() : emit(Op::ForIter);
  store(*s.target);
  std::vector<size_t> breaks;
  u().fblocks.push_back(FBlock(FB::For, start, &breaks));
  body(s.body);
  u().fblocks.pop_back();
  line_ = s.line;
  emit(Op::Jump, static_cast<uint32_t>(start));
  if (s.is_async) async_for_end(fi);
  else patch(fi);
  body(s.orelse);
  for (size_t b : breaks) patch(b);
}

void Compiler::try_stmt(const Stmt& s) {
  if (s.finalbody.empty()) {
    try_except(s);
    return;
  }
  size_t setup = emit(Op::SetupExcept);
  u().fblocks.push_back(FBlock(FB::Finally, 0, nullptr, &s.finalbody));
  if (s.handlers.empty()) body(s.body);
  else try_except(s);
  u().fblocks.pop_back();
  emit(Op::PopBlock);
  body(s.finalbody);
  size_t end = emit(Op::Jump);
  patch(setup);
  line_ = s.finalbody.empty() ? s.line : s.finalbody[0]->line;
  emit(Op::PushExcInfo);
  u().fblocks.push_back(FBlock(FB::FinallyHandler));
  body(s.finalbody);
  u().fblocks.pop_back();
  emit(Op::Reraise);
  patch(end);
}

void Compiler::try_except(const Stmt& s) {
  if (s.handlers[0].star) {
    try_except_star(s);
    return;
  }
  size_t setup = emit(Op::SetupExcept);
  u().fblocks.push_back(FBlock(FB::TryExcept));
  body(s.body);
  u().fblocks.pop_back();
  emit(Op::PopBlock);
  body(s.orelse);
  std::vector<size_t> ends;
  ends.push_back(emit(Op::Jump));
  patch(setup);
  line_ = s.handlers[0].line;
  emit(Op::PushExcInfo);
  for (size_t i = 0; i < s.handlers.size(); ++i) {
    const Handler& h = s.handlers[i];
    line_ = h.line;
    if (!h.type && i + 1 < s.handlers.size()) error(h.line, h.col, "default 'except:' must be last");
    size_t next = 0;
    if (h.type) {
      emit(Op::Dup);
      expr(*h.type);
      line_ = h.line;
      emit(Op::ExcMatch);
      next = emit(Op::JumpIfFalse);
    }
    if (!h.name.empty()) name_op(h.name, Access::Store);
    else emit(Op::Pop);
    u().fblocks.push_back(FBlock(FB::Handler, 0, nullptr, nullptr, h.name));
    body(h.body);
    u().fblocks.pop_back();
    emit(Op::PopExcept);
    if (!h.name.empty()) {
      emit(Op::Const, constant(Value()));
      name_op(h.name, Access::Store);
      name_op(h.name, Access::Delete);
    }
    ends.push_back(emit(Op::Jump));
    if (h.type) patch(next);
  }
  emit(Op::Reraise);
  for (size_t e : ends) patch(e);
}

// `try: ... except* T as e: ...` (PEP 654). The handler code keeps three
// values on the stack: the exception caught, the list of exceptions the
// handlers raised, and the part no handler has matched yet.
void Compiler::try_except_star(const Stmt& s) {
  size_t setup = emit(Op::SetupExcept);
  u().fblocks.push_back(FBlock(FB::TryExcept));
  body(s.body);
  u().fblocks.pop_back();
  emit(Op::PopBlock);
  body(s.orelse);
  size_t end = emit(Op::Jump);
  patch(setup);
  line_ = s.handlers[0].line;
  emit(Op::PushExcInfo);
  emit(Op::ExcStarInit);
  for (const Handler& h : s.handlers) except_star_handler(h);
  line_ = s.handlers.back().line;
  emit(Op::ExcStarPrep);
  size_t handled = emit(Op::JumpIfFalse);
  emit(Op::Reraise);
  patch(handled);
  emit(Op::Pop);
  emit(Op::PopExcept);
  patch(end);
}

void Compiler::except_star_handler(const Handler& h) {
  line_ = h.line;
  expr(*h.type);
  line_ = h.line;
  emit(Op::ExcStarMatch);
  size_t no_match = emit(Op::JumpIfFalse);
  emit(Op::PushExcInfo);  // the matched part is the one being handled
  if (!h.name.empty()) name_op(h.name, Access::Store);
  else emit(Op::Pop);
  size_t cleanup = emit(Op::SetupExcept);
  u().fblocks.push_back(FBlock(FB::ExceptStar));
  body(h.body);
  u().fblocks.pop_back();
  emit(Op::PopBlock);
  size_t done = emit(Op::Jump);
  patch(cleanup);
  emit(Op::ListAppend, 1);  // what the handler raised joins the list
  patch(done);
  emit(Op::PopExcept);
  if (!h.name.empty()) {
    emit(Op::Const, constant(Value()));
    name_op(h.name, Access::Store);
    name_op(h.name, Access::Delete);
  }
  size_t next = emit(Op::Jump);
  patch(no_match);
  emit(Op::Pop);  // the None match
  patch(next);
}

void Compiler::with_stmt(const Stmt& s, size_t item) {
  if (item == s.items.size()) {
    body(s.body);
    return;
  }
  const WithItem& w = s.items[item];
  expr(*w.context);
  line_ = s.line;
  emit(Op::BeforeWith, s.is_async ? 1 : 0);
  if (s.is_async) {
    emit(Op::GetAwaitable);
    emit(Op::Await);
  }
  size_t setup = emit(Op::SetupWith);
  if (w.target) store(*w.target);
  else emit(Op::Pop);
  u().fblocks.push_back(FBlock(FB::With, 0, nullptr, nullptr, {}, s.is_async));
  with_stmt(s, item + 1);
  u().fblocks.pop_back();
  line_ = s.line;
  emit(Op::PopBlock);
  emit(Op::Const, constant(Value()));
  emit(Op::Const, constant(Value()));
  emit(Op::Const, constant(Value()));
  emit(Op::Call, 3);
  if (s.is_async) {
    emit(Op::GetAwaitable);
    emit(Op::Await);
  }
  emit(Op::Pop);
  size_t end = emit(Op::Jump);
  patch(setup);
  emit(Op::PushExcInfo);
  emit(Op::WithExcept);
  if (s.is_async) {
    emit(Op::GetAwaitable);
    emit(Op::Await);
  }
  size_t suppress = emit(Op::JumpIfTrue);
  emit(Op::Reraise);
  patch(suppress);
  emit(Op::Pop);
  emit(Op::PopExcept);
  emit(Op::Pop);
  patch(end);
}

}  // namespace compiler_internal

Ref<CodeObj> compile_module(const Module& m, const std::string& file, std::vector<Diagnostic>& errors) {
  size_t before = errors.size();
  SymbolTable st = build_symbols(m, errors);
  compiler_internal::Compiler c(st, file, errors);
  Ref<CodeObj> code = c.module(m);
  if (errors.size() != before) return nullptr;
  return code;
}

}  // namespace loopscope::script
