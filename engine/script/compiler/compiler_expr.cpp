// The compiler's nested code objects (functions, classes, lambdas,
// comprehensions) and its expressions.
#include <functional>

#include "engine/object/bigint.hpp"
#include "engine/script/compiler/compiler_internal.hpp"

namespace loopscope::script::compiler_internal {

// ---- functions and classes ----

Ref<CodeObj> Compiler::new_code(const Scope* sc, const std::string& name, int line) {
  Ref<CodeObj> code = make<CodeObj>();
  code->name = name;
  code->qualname = sc->qualname;
  code->file = file_;
  code->first_line = line;
  code->cellvars = sc->cellvars;
  code->freevars = sc->freevars;
  code->varnames = sc->params;
  for (const std::string& c : code->cellvars) {
    int p = -1;
    for (size_t i = 0; i < sc->params.size(); ++i)
      if (sc->params[i] == c) p = static_cast<int>(i);
    code->cell_param.push_back(p);
  }
  return code;
}

// Pushes the closure tuple for `code` (its free variables, from here).
bool Compiler::closure(const CodeObj& code) {
  if (code.freevars.empty()) return false;
  for (const std::string& n : code.freevars) emit(Op::LoadClosure, cell_slot(n));
  emit(Op::BuildTuple, static_cast<uint32_t>(code.freevars.size()));
  return true;
}

uint32_t Compiler::defaults(const Params& p) {
  uint32_t flags = 0;
  size_t n = 0;
  for (const Param& x : p.positional) {
    if (x.default_value) {
      expr(*x.default_value);
      ++n;
    }
  }
  if (n) {
    emit(Op::BuildTuple, static_cast<uint32_t>(n));
    flags |= 1;
  }
  bool any_kw = false;
  for (const Param& x : p.kwonly) any_kw |= x.default_value != nullptr;
  if (any_kw) {
    emit(Op::BuildDict, 0);
    for (const Param& x : p.kwonly) {
      if (!x.default_value) continue;
      emit(Op::Const, constant(str_value(x.name)));
      expr(*x.default_value);
      emit(Op::MapAdd, 0);
    }
    flags |= 2;
  }
  return flags;
}

void Compiler::set_params(CodeObj& code, const Params& p) {
  code.argcount = static_cast<int>(p.positional.size());
  code.kwonlycount = static_cast<int>(p.kwonly.size());
  if (!p.vararg.empty()) code.flags |= CodeObj::kVarArgs;
  if (!p.kwarg.empty()) code.flags |= CodeObj::kVarKw;
}

// Decorators are evaluated first, outermost first, and applied innermost
// first, each call on its decorator's line.
void Compiler::decorators_before(const std::vector<ExprP>& decorators) {
  for (const ExprP& d : decorators) expr(*d);
}

void Compiler::decorators_after(const std::vector<ExprP>& decorators) {
  for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
    line_ = (*it)->line;
    emit(Op::Call, 1);
  }
}

void Compiler::function_def(const FunctionDef& f) {
  decorators_before(f.decorators);
  line_ = f.line;
  uint32_t flags = defaults(f.params);
  if (!f.params.annotations.empty()) {  // __annotations__, evaluated after the defaults
    emit(Op::BuildDict, 0);
    for (const auto& [n, e] : f.params.annotations) {
      emit(Op::Const, constant(str_value(n)));
      if (future_annotations_) emit(Op::Const, constant(str_value(unparse(*e))));
      else expr(*e);
      emit(Op::MapAdd, 0);
    }
    line_ = f.line;
    flags |= 8;
  }
  const Scope* sc = st_.by_node.at(&f);
  Ref<CodeObj> code = new_code(sc, f.name, f.line);
  set_params(*code, f.params);
  if (!f.body.empty() && f.body[0]->kind == SK::Expr && f.body[0]->value->kind == EK::Constant &&
      f.body[0]->value->ck == ConstKind::Str) {
    code->doc = str_value(f.body[0]->value->s);
  }
  if (f.is_async) code->flags |= CodeObj::kAsync;
  if (sc->is_generator) code->flags |= CodeObj::kGenerator;
  Unit nu{code.get(), sc};
  units_.push_back(&nu);
  int saved = line_;
  body(f.body);
  line_ = f.body.empty() ? f.line : last_line(f.body);
  emit(Op::Const, constant(Value()));
  emit(Op::Return);
  units_.pop_back();
  line_ = saved;
  if (closure(*code)) flags |= 4;
  emit(Op::Const, constant(Value::object(code)));
  emit(Op::MakeFunction, flags);
  decorators_after(f.decorators);
  line_ = f.line;
  name_op(f.name, Access::Store);
}

int Compiler::last_line(const Body& b) {
  const Stmt* s = b.back().get();
  return s->line;
}

void Compiler::class_def(const Stmt& s) {
  decorators_before(s.decorators);
  line_ = s.line;
  const Scope* sc = st_.by_node.at(&s);
  Ref<CodeObj> code = new_code(sc, s.name, s.line);
  code->flags |= CodeObj::kClassBody;
  Unit nu{code.get(), sc};
  units_.push_back(&nu);
  setup_annotations(s.body);
  body(s.body);
  line_ = s.line;
  emit(Op::Const, constant(Value()));
  emit(Op::Return);
  units_.pop_back();
  line_ = s.line;
  uint32_t flags = closure(*code) ? 4 : 0;
  emit(Op::Const, constant(Value::object(code)));
  emit(Op::MakeFunction, flags);
  for (const ExprP& b : s.bases) expr(*b);
  line_ = s.line;
  emit(Op::BuildTuple, static_cast<uint32_t>(s.bases.size()));
  if (!s.keywords.empty()) {
    // metaclass= and the keywords for __init_subclass__, as a dict.
    for (const Keyword& k : s.keywords) {
      emit(Op::Const, constant(str_value(k.name)));
      expr(*k.value);
    }
    line_ = s.line;
    emit(Op::BuildDict, static_cast<uint32_t>(s.keywords.size()));
    emit(Op::BuildClassKw, name(s.name));
  } else {
    emit(Op::BuildClass, name(s.name));
  }
  decorators_after(s.decorators);
  line_ = s.line;
  name_op(s.name, Access::Store);
}

void Compiler::lambda(const Expr& e) {
  uint32_t flags = defaults(*e.params);
  const Scope* sc = st_.by_node.at(&e);
  Ref<CodeObj> code = new_code(sc, "<lambda>", e.line);
  code->flags |= CodeObj::kLambda;
  if (sc->is_generator) code->flags |= CodeObj::kGenerator;
  set_params(*code, *e.params);
  Unit nu{code.get(), sc};
  units_.push_back(&nu);
  expr(*e.a);
  emit(Op::Return);
  units_.pop_back();
  if (closure(*code)) flags |= 4;
  emit(Op::Const, constant(Value::object(code)));
  emit(Op::MakeFunction, flags);
}

void Compiler::comprehension(const Expr& e) {
  const Scope* sc = st_.by_node.at(&e);
  Ref<CodeObj> code = new_code(sc, sc->name, e.line);
  code->argcount = 1;
  bool is_gen = e.kind == EK::GeneratorExp;
  bool is_async = sc->has_await;
  if (is_async) code->flags |= CodeObj::kAsync;
  if (is_gen) code->flags |= CodeObj::kGenerator;
  Unit nu{code.get(), sc};
  units_.push_back(&nu);
  Op build = e.kind == EK::SetComp ? Op::BuildSet : e.kind == EK::DictComp ? Op::BuildDict : Op::BuildList;
  if (!is_gen) emit(build, 0);
  std::function<void(size_t)> loop = [&](size_t gi) {
    const Comprehension& g = e.gens[gi];
    if (gi == 0) {
      emit(Op::LoadFast, local_slot(".0"));
    } else {
      iterable(*g.iter);
      emit(g.is_async ? Op::GetAIter : Op::GetIter);
    }
    size_t start = here();
    size_t fi = g.is_async ? async_next() : emit(Op::ForIter);
    store(*g.target);
    std::vector<size_t> skips;
    for (const ExprP& c : g.ifs) {
      expr(*c);
      skips.push_back(emit(Op::JumpIfFalse, static_cast<uint32_t>(start)));
    }
    if (gi + 1 < e.gens.size()) {
      loop(gi + 1);
    } else {
      uint32_t depth = static_cast<uint32_t>(e.gens.size());
      if (e.kind == EK::DictComp) {
        expr(*e.a);
        expr(*e.b);
        emit(Op::MapAdd, depth);
      } else if (is_gen) {
        expr(*e.a);
        emit(Op::Yield);
        emit(Op::Pop);
      } else {
        expr(*e.a);
        emit(e.kind == EK::SetComp ? Op::SetAdd : Op::ListAppend, depth);
      }
    }
    for (size_t sk : skips) chunk().code[sk].arg = static_cast<uint32_t>(start);
    emit(Op::Jump, static_cast<uint32_t>(start));
    if (g.is_async) async_for_end(fi);
    else patch(fi);
  };
  loop(0);
  if (is_gen) emit(Op::Const, constant(Value()));
  emit(Op::Return);
  units_.pop_back();
  uint32_t flags = closure(*code) ? 4 : 0;
  emit(Op::Const, constant(Value::object(code)));
  emit(Op::MakeFunction, flags);
  iterable(*e.gens[0].iter);
  line_ = e.line;
  emit(e.gens[0].is_async ? Op::GetAIter : Op::GetIter);
  emit(Op::Call, 1);
  if (is_async && !is_gen) {
    emit(Op::GetAwaitable);
    emit(Op::Await);
  }
}

// ---- expressions ----

void Compiler::subscript_index(const Expr& idx) {
  if (idx.kind == EK::Slice) {
    if (idx.a) expr(*idx.a); else emit(Op::Const, constant(Value()));
    if (idx.b) expr(*idx.b); else emit(Op::Const, constant(Value()));
    if (idx.c) {
      expr(*idx.c);
      emit(Op::BuildSlice, 3);
    } else {
      emit(Op::BuildSlice, 2);
    }
    return;
  }
  expr(idx);
}

// A sequence literal: BUILD_x n without stars, else build-and-extend.
// A constant after CPython's AST optimizer: literals, signed numbers,
// tuples of constants.
static Value int_constant(const Expr& e) {
  if (e.s.empty()) return Value::integer(e.i);
  Mpz z;
  mpz_set_str(z.z, e.s.c_str(), 10);
  return int_value(z.z);
}

bool Compiler::is_const(const Expr& e) {
  if (e.kind == EK::Constant) return true;
  if (e.kind == EK::UnaryOp && (e.op == static_cast<int>(UnOp::Neg) || e.op == static_cast<int>(UnOp::Pos)) &&
      e.a->kind == EK::Constant && (e.a->ck == ConstKind::Int || e.a->ck == ConstKind::Float)) {
    return true;
  }
  if (e.kind == EK::Tuple) {
    for (const ExprP& x : e.items)
      if (!is_const(*x)) return false;
    return true;
  }
  return false;
}
bool Compiler::all_const(const std::vector<ExprP>& items) {
  for (const ExprP& x : items)
    if (!is_const(*x)) return false;
  return true;
}

// The iterable of a `for` or a comprehension: a set display of constants
// is a frozenset constant in CPython.
void Compiler::iterable(const Expr& e) {
  if (e.kind == EK::Set && all_const(e.items)) {
    for (const ExprP& x : e.items) expr(*x);
    emit(Op::BuildSet, static_cast<uint32_t>(e.items.size()) | kSetFoldedIter);
    return;
  }
  expr(e);
}

void Compiler::sequence(const std::vector<ExprP>& items, Op build, bool to_tuple) {
  bool starred = false;
  for (const ExprP& x : items) starred |= x->kind == EK::Starred;
  if (!starred) {
    for (const ExprP& x : items) expr(*x);
    uint32_t flags = build == Op::BuildSet && items.size() > 2 && all_const(items) ? kSetFolded : 0;
    emit(build, static_cast<uint32_t>(items.size()) | flags);
    return;
  }
  bool is_set = build == Op::BuildSet;
  emit(is_set ? Op::BuildSet : Op::BuildList, 0);
  for (const ExprP& x : items) {
    if (x->kind == EK::Starred) {
      expr(*x->a);
      emit(is_set ? Op::SetUpdate : Op::ListExtend);
    } else {
      expr(*x);
      emit(is_set ? Op::SetAdd : Op::ListAppend, 0);
    }
  }
  if (to_tuple) emit(Op::ListToTuple);
}

void Compiler::call_arguments(const Expr& e, Op plain, Op with_keywords) {
  for (const ExprP& x : e.items) expr(*x);
  if (e.keywords.empty()) {
    line_ = e.line;
    emit(plain, static_cast<uint32_t>(e.items.size()));
    return;
  }
  std::vector<Value> names;
  for (const Keyword& k : e.keywords) {
    expr(*k.value);
    names.push_back(str_value(k.name));
  }
  emit(Op::Const, constant(Value::object(make<TupleObj>(std::move(names)))));
  line_ = e.line;
  emit(with_keywords, static_cast<uint32_t>(e.items.size() + e.keywords.size()));
}

void Compiler::call(const Expr& e) {
  bool starred = false, dstar = false;
  for (const ExprP& x : e.items) starred |= x->kind == EK::Starred;
  for (const Keyword& k : e.keywords) dstar |= k.name.empty();
  if (!starred && !dstar && e.a->kind == EK::Attribute) {
    // obj.name(args): LoadMethod spares the bound method (vm/vm_method.cpp).
    expr(*e.a->a);
    line_ = e.a->line;
    emit(Op::LoadMethod, name(e.a->s));
    call_arguments(e, Op::CallMethod, Op::CallMethodKw);
    return;
  }
  expr(*e.a);
  if (!starred && !dstar) {
    call_arguments(e, Op::Call, Op::CallKw);
    return;
  }
  sequence(e.items, Op::BuildTuple, true);
  if (!starred) {
    // sequence() built a tuple directly
  }
  if (e.keywords.empty()) {
    emit(Op::Const, constant(Value()));
  } else {
    emit(Op::BuildDict, 0);
    for (const Keyword& k : e.keywords) {
      if (k.name.empty()) {
        expr(*k.value);
        emit(Op::DictUpdate);
      } else {
        emit(Op::Const, constant(str_value(k.name)));
        expr(*k.value);
        emit(Op::MapAdd, 0);
      }
    }
  }
  line_ = e.line;
  emit(Op::CallEx);
}

void Compiler::expr(const Expr& e) {
  int saved = line_;
  line_ = e.line;
  expr_inner(e);
  line_ = saved;
}

void Compiler::expr_inner(const Expr& e) {
  switch (e.kind) {
    case EK::Constant:
      switch (e.ck) {
        case ConstKind::None: emit(Op::Const, constant(Value())); return;
        case ConstKind::True: emit(Op::Const, constant(Value::boolean(true))); return;
        case ConstKind::False: emit(Op::Const, constant(Value::boolean(false))); return;
        case ConstKind::Int: emit(Op::Const, constant(int_constant(e))); return;
        case ConstKind::Float: emit(Op::Const, constant(Value::real(e.d))); return;
        case ConstKind::Str: emit(Op::Const, constant(str_value(e.s))); return;
        case ConstKind::Bytes: emit(Op::Const, constant(bytes_value(e.s))); return;
        case ConstKind::Ellipsis: emit(Op::Const, constant(ellipsis_value())); return;
      }
      return;
    case EK::Name: name_op(e.s, Access::Load); return;
    case EK::BinOp:
      // Fold a negative literal's overflow edge: -(9223372036854775808) cannot be written otherwise.
      expr(*e.a);
      expr(*e.b);
      line_ = e.line;
      emit(Op::Binary, static_cast<uint32_t>(e.op));
      return;
    case EK::UnaryOp:
      if (e.op == static_cast<int>(UnOp::Neg) && e.a->kind == EK::Constant && e.a->ck == ConstKind::Int && e.a->s.empty()) {
        emit(Op::Const, constant(Value::integer(-e.a->i)));
        return;
      }
      expr(*e.a);
      emit(Op::Unary, static_cast<uint32_t>(e.op));
      return;
    case EK::BoolOp: {
      std::vector<size_t> ends;
      for (size_t i = 0; i < e.items.size(); ++i) {
        expr(*e.items[i]);
        if (i + 1 < e.items.size()) ends.push_back(emit(e.op == 0 ? Op::JumpIfFalseOrPop : Op::JumpIfTrueOrPop));
      }
      for (size_t x : ends) patch(x);
      return;
    }
    case EK::Compare: {
      expr(*e.a);
      if (e.cmps.size() == 1) {
        expr(*e.items[0]);
        line_ = e.line;
        emit(Op::Compare, static_cast<uint32_t>(e.cmps[0]));
        return;
      }
      std::vector<size_t> cleanups;
      for (size_t i = 0; i < e.cmps.size(); ++i) {
        expr(*e.items[i]);
        line_ = e.line;
        if (i + 1 < e.cmps.size()) {
          emit(Op::Dup);
          emit(Op::Rot3);
          emit(Op::Compare, static_cast<uint32_t>(e.cmps[i]));
          cleanups.push_back(emit(Op::JumpIfFalseOrPop));
        } else {
          emit(Op::Compare, static_cast<uint32_t>(e.cmps[i]));
        }
      }
      size_t end = emit(Op::Jump);
      for (size_t c : cleanups) patch(c);
      emit(Op::Rot2);
      emit(Op::Pop);
      patch(end);
      return;
    }
    case EK::Call: call(e); return;
    case EK::Attribute:
      expr(*e.a);
      line_ = e.line;
      emit(Op::LoadAttr, name(e.s));
      return;
    case EK::Subscript:
      expr(*e.a);
      subscript_index(*e.b);
      line_ = e.line;
      emit(Op::Subscr);
      return;
    case EK::Slice:
      subscript_index(e);
      return;
    case EK::List: sequence(e.items, Op::BuildList, false); return;
    case EK::Tuple: sequence(e.items, Op::BuildTuple, true); return;
    case EK::Set: sequence(e.items, Op::BuildSet, false); return;
    case EK::Dict: {
      bool dstar = false;
      for (const ExprP& k : e.items) dstar |= k == nullptr;
      if (!dstar) {
        for (size_t i = 0; i < e.items.size(); ++i) {
          expr(*e.items[i]);
          expr(*e.items2[i]);
        }
        emit(Op::BuildDict, static_cast<uint32_t>(e.items.size()));
        return;
      }
      emit(Op::BuildDict, 0);
      for (size_t i = 0; i < e.items.size(); ++i) {
        if (!e.items[i]) {
          expr(*e.items2[i]);
          emit(Op::DictUpdate);
        } else {
          expr(*e.items[i]);
          expr(*e.items2[i]);
          emit(Op::MapAdd, 0);
        }
      }
      return;
    }
    case EK::ListComp: case EK::SetComp: case EK::DictComp: case EK::GeneratorExp:
      comprehension(e);
      return;
    case EK::NamedExpr:
      expr(*e.a);
      emit(Op::Dup);
      name_op(e.s, Access::Store);
      return;
    case EK::IfExp: {
      expr(*e.a);
      size_t jf = emit(Op::JumpIfFalse);
      expr(*e.b);
      size_t end = emit(Op::Jump);
      patch(jf);
      expr(*e.c);
      patch(end);
      return;
    }
    case EK::Lambda: lambda(e); return;
    case EK::Await:
      expr(*e.a);
      line_ = e.line;
      emit(Op::GetAwaitable);
      emit(Op::Await);
      return;
    case EK::Yield:
      if (e.a) expr(*e.a);
      else emit(Op::Const, constant(Value()));
      line_ = e.line;
      emit(Op::Yield);
      return;
    case EK::YieldFrom:
      expr(*e.a);
      line_ = e.line;
      emit(Op::GetYieldFromIter);
      emit(Op::YieldFrom);
      return;
    case EK::JoinedStr: {
      for (const ExprP& p : e.items) expr(*p);
      if (e.items.size() != 1 || e.items[0]->kind != EK::Constant) {
        emit(Op::BuildString, static_cast<uint32_t>(e.items.size()));
      }
      return;
    }
    case EK::FormattedValue: {
      expr(*e.a);
      uint32_t arg = static_cast<uint32_t>(static_cast<unsigned char>(e.conversion));
      if (e.b) {
        expr(*e.b);
        arg |= 0x100;
      }
      line_ = e.line;
      emit(Op::FormatValue, arg);
      return;
    }
    case EK::Starred:
      error(e.line, e.col, "can't use starred expression here");
      return;
  }
}

}  // namespace loopscope::script::compiler_internal
