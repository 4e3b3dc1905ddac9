#include "engine/script/compiler.hpp"

#include <functional>

#include "engine/script/objects.hpp"
#include "engine/script/scope.hpp"

namespace loopscope::script {

bool is_supported_module(const std::string& name) {
  return name == "asyncio" || name == "time" || name == "random" || name == "math" || name == "sys";
}

namespace {

enum class FB : uint8_t { While, For, TryExcept, Finally, Handler, FinallyHandler, With };

struct FBlock {
  FBlock(FB k, size_t start = 0, std::vector<size_t>* b = nullptr, const Body* fin = nullptr, std::string n = {},
         bool async = false)
      : kind(k), loop_start(start), breaks(b), finalbody(fin), name(std::move(n)), is_async(async) {}
  FB kind;
  size_t loop_start = 0;
  std::vector<size_t>* breaks = nullptr;
  const Body* finalbody = nullptr;
  std::string name;  // Handler: the `as` name to clear
  bool is_async = false;
};

class Compiler {
 public:
  Compiler(const SymbolTable& st, const std::string& file, std::vector<Diagnostic>& errors)
      : st_(st), file_(file), errors_(errors) {}

  Ref<CodeObj> module(const Module& m) {
    Ref<CodeObj> code = make<CodeObj>();
    code->name = "<module>";
    code->qualname = "<module>";
    code->file = file_;
    code->flags = CodeObj::kModule;
    code->first_line = 1;
    Unit u{code.get(), st_.module.get()};
    units_.push_back(&u);
    body(m.body);
    emit(Op::Const, constant(Value()));
    emit(Op::Return);
    units_.pop_back();
    return code;
  }

 private:
  struct Unit {
    Unit(CodeObj* c, const Scope* s) : code(c), scope(s) {}
    CodeObj* code;
    const Scope* scope;
    std::vector<FBlock> fblocks;
  };

  Unit& u() { return *units_.back(); }
  Chunk& chunk() { return u().code->chunk; }
  size_t here() const { return units_.back()->code->chunk.code.size(); }
  size_t emit(Op op, uint32_t arg = 0) { return chunk().emit(op, arg, line_); }
  void patch(size_t at) { chunk().code[at].arg = static_cast<uint32_t>(here()); }
  uint32_t constant(Value v) { return chunk().add_const(std::move(v)); }
  uint32_t name(const std::string& n) { return chunk().add_name(n); }
  void error(int line, int col, std::string msg) { errors_.push_back({line, col, std::move(msg)}); }

  uint32_t local_slot(const std::string& n) {
    auto& v = u().code->varnames;
    for (size_t i = 0; i < v.size(); ++i)
      if (v[i] == n) return static_cast<uint32_t>(i);
    v.push_back(n);
    return static_cast<uint32_t>(v.size() - 1);
  }
  uint32_t cell_slot(const std::string& n) {
    const CodeObj* c = u().code;
    for (size_t i = 0; i < c->cellvars.size(); ++i)
      if (c->cellvars[i] == n) return static_cast<uint32_t>(i);
    for (size_t i = 0; i < c->freevars.size(); ++i)
      if (c->freevars[i] == n) return static_cast<uint32_t>(c->cellvars.size() + i);
    return 0;
  }

  enum class Access { Load, Store, Delete };
  void name_op(const std::string& n, Access a) {
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

  void body(const Body& b) {
    for (const StmtP& s : b) stmt(*s);
  }

  void stmt(const Stmt& s) {
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
      case SK::AnnAssign:
        if (s.value) {
          expr(*s.value);
          store(*s.targets[0]);
        }
        return;
      case SK::AugAssign: aug_assign(s); return;
      case SK::Return: return_stmt(s); return;
      case SK::Pass: return;
      case SK::Break: break_continue(true); return;
      case SK::Continue: break_continue(false); return;
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
          if (!is_supported_module(a.name)) {
            error(a.line, a.col, "import of module '" + a.name + "' is not supported (available: asyncio, time, random, math, sys)");
            continue;
          }
          emit(Op::Import, name(a.name));
          name_op(a.asname.empty() ? a.name : a.asname, Access::Store);
        }
        return;
      case SK::ImportFrom:
        if (!is_supported_module(s.module)) {
          error(s.line, s.col + 5, "import of module '" + s.module + "' is not supported (available: asyncio, time, random, math, sys)");
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
    }
  }

  void aug_assign(const Stmt& s) {
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

  void store(const Expr& t) {
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

  void del(const Expr& t) {
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
  void unwind(const FBlock& fb, bool for_return) {
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

  void break_continue(bool is_break) {
    auto& fbs = u().fblocks;
    for (size_t i = fbs.size(); i-- > 0;) {
      FBlock fb = fbs[i];
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

  void return_stmt(const Stmt& s) {
    if (s.value) expr(*s.value);
    else emit(Op::Const, constant(Value()));
    line_ = s.line;
    auto& fbs = u().fblocks;
    if (fbs.empty()) {
      emit(Op::Return);
      return;
    }
    uint32_t tmp = local_slot(".retval");
    emit(Op::StoreFast, tmp);
    for (size_t i = fbs.size(); i-- > 0;) unwind(fbs[i], true);
    line_ = s.line;
    emit(Op::LoadFast, tmp);
    emit(Op::Return);
  }

  void if_stmt(const Stmt& s) {
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

  void while_stmt(const Stmt& s) {
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

  void for_stmt(const Stmt& s) {
    iterable(*s.iter);
    line_ = s.line;
    emit(Op::GetIter);
    size_t start = here();
    size_t fi = emit(Op::ForIter);
    store(*s.target);
    std::vector<size_t> breaks;
    u().fblocks.push_back(FBlock(FB::For, start, &breaks));
    body(s.body);
    u().fblocks.pop_back();
    line_ = s.line;
    emit(Op::Jump, static_cast<uint32_t>(start));
    patch(fi);
    body(s.orelse);
    for (size_t b : breaks) patch(b);
  }

  void try_stmt(const Stmt& s) {
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

  void try_except(const Stmt& s) {
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

  void with_stmt(const Stmt& s, size_t item) {
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

  // ---- functions and classes ----

  Ref<CodeObj> new_code(const Scope* sc, const std::string& name, int line) {
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
  bool closure(const CodeObj& code) {
    if (code.freevars.empty()) return false;
    for (const std::string& n : code.freevars) emit(Op::LoadClosure, cell_slot(n));
    emit(Op::BuildTuple, static_cast<uint32_t>(code.freevars.size()));
    return true;
  }

  uint32_t defaults(const Params& p) {
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

  void set_params(CodeObj& code, const Params& p) {
    code.argcount = static_cast<int>(p.positional.size());
    code.kwonlycount = static_cast<int>(p.kwonly.size());
    if (!p.vararg.empty()) code.flags |= CodeObj::kVarArgs;
    if (!p.kwarg.empty()) code.flags |= CodeObj::kVarKw;
  }

  void function_def(const FunctionDef& f) {
    line_ = f.line;
    uint32_t flags = defaults(f.params);
    const Scope* sc = st_.by_node.at(&f);
    Ref<CodeObj> code = new_code(sc, f.name, f.line);
    set_params(*code, f.params);
    if (f.is_async) code->flags |= CodeObj::kAsync;
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
    name_op(f.name, Access::Store);
  }

  static int last_line(const Body& b) {
    const Stmt* s = b.back().get();
    return s->line;
  }

  void class_def(const Stmt& s) {
    if (s.bases.size() > 1) error(s.bases[1]->line, s.bases[1]->col, "multiple inheritance is not supported");
    for (const Keyword& k : s.keywords) error(k.value->line, k.value->col, "class keyword arguments ('" + k.name + "=') are not supported");
    const Scope* sc = st_.by_node.at(&s);
    Ref<CodeObj> code = new_code(sc, s.name, s.line);
    code->flags |= CodeObj::kClassBody;
    Unit nu{code.get(), sc};
    units_.push_back(&nu);
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
    emit(Op::BuildClass, name(s.name));
    name_op(s.name, Access::Store);
  }

  void lambda(const Expr& e) {
    uint32_t flags = defaults(*e.params);
    const Scope* sc = st_.by_node.at(&e);
    Ref<CodeObj> code = new_code(sc, "<lambda>", e.line);
    code->flags |= CodeObj::kLambda;
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

  void comprehension(const Expr& e) {
    const Scope* sc = st_.by_node.at(&e);
    Ref<CodeObj> code = new_code(sc, sc->name, e.line);
    code->argcount = 1;
    bool is_async = sc->has_await;
    if (is_async) code->flags |= CodeObj::kAsync;
    Unit nu{code.get(), sc};
    units_.push_back(&nu);
    Op build = e.kind == EK::SetComp ? Op::BuildSet : e.kind == EK::DictComp ? Op::BuildDict : Op::BuildList;
    emit(build, 0);
    std::function<void(size_t)> loop = [&](size_t gi) {
      const Comprehension& g = e.gens[gi];
      if (gi == 0) {
        emit(Op::LoadFast, local_slot(".0"));
      } else {
        iterable(*g.iter);
        emit(Op::GetIter);
      }
      size_t start = here();
      size_t fi = emit(Op::ForIter);
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
        } else {
          expr(*e.a);
          emit(e.kind == EK::SetComp ? Op::SetAdd : Op::ListAppend, depth);
        }
      }
      for (size_t sk : skips) chunk().code[sk].arg = static_cast<uint32_t>(start);
      emit(Op::Jump, static_cast<uint32_t>(start));
      patch(fi);
    };
    loop(0);
    emit(Op::Return);
    units_.pop_back();
    uint32_t flags = closure(*code) ? 4 : 0;
    emit(Op::Const, constant(Value::object(code)));
    emit(Op::MakeFunction, flags);
    iterable(*e.gens[0].iter);
    line_ = e.line;
    emit(Op::GetIter);
    emit(Op::Call, 1);
    if (is_async) {
      emit(Op::GetAwaitable);
      emit(Op::Await);
    }
    if (e.kind == EK::GeneratorExp) emit(Op::GetIter);
  }

  // ---- expressions ----

  void subscript_index(const Expr& idx) {
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
  static bool is_const(const Expr& e) {
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
  static bool all_const(const std::vector<ExprP>& items) {
    for (const ExprP& x : items)
      if (!is_const(*x)) return false;
    return true;
  }

  // The iterable of a `for` or a comprehension: a set display of constants
  // is a frozenset constant in CPython.
  void iterable(const Expr& e) {
    if (e.kind == EK::Set && all_const(e.items)) {
      for (const ExprP& x : e.items) expr(*x);
      emit(Op::BuildSet, static_cast<uint32_t>(e.items.size()) | kSetFoldedIter);
      return;
    }
    expr(e);
  }

  void sequence(const std::vector<ExprP>& items, Op build, bool to_tuple) {
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

  void call(const Expr& e) {
    expr(*e.a);
    bool starred = false, dstar = false;
    for (const ExprP& x : e.items) starred |= x->kind == EK::Starred;
    for (const Keyword& k : e.keywords) dstar |= k.name.empty();
    if (!starred && !dstar) {
      for (const ExprP& x : e.items) expr(*x);
      if (e.keywords.empty()) {
        line_ = e.line;
        emit(Op::Call, static_cast<uint32_t>(e.items.size()));
        return;
      }
      std::vector<Value> names;
      for (const Keyword& k : e.keywords) {
        expr(*k.value);
        names.push_back(str_value(k.name));
      }
      emit(Op::Const, constant(Value::object(make<TupleObj>(std::move(names)))));
      line_ = e.line;
      emit(Op::CallKw, static_cast<uint32_t>(e.items.size() + e.keywords.size()));
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

  void expr(const Expr& e) {
    int saved = line_;
    line_ = e.line;
    expr_inner(e);
    line_ = saved;
  }

  void expr_inner(const Expr& e) {
    switch (e.kind) {
      case EK::Constant:
        switch (e.ck) {
          case ConstKind::None: emit(Op::Const, constant(Value())); return;
          case ConstKind::True: emit(Op::Const, constant(Value::boolean(true))); return;
          case ConstKind::False: emit(Op::Const, constant(Value::boolean(false))); return;
          case ConstKind::Int: emit(Op::Const, constant(Value::integer(e.i))); return;
          case ConstKind::Float: emit(Op::Const, constant(Value::real(e.d))); return;
          case ConstKind::Str: emit(Op::Const, constant(str_value(e.s))); return;
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
        if (e.op == static_cast<int>(UnOp::Neg) && e.a->kind == EK::Constant && e.a->ck == ConstKind::Int) {
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

  const SymbolTable& st_;
  std::string file_;
  std::vector<Diagnostic>& errors_;
  std::vector<Unit*> units_;
  int line_ = 1;
};

}  // namespace

Ref<CodeObj> compile_module(const Module& m, const std::string& file, std::vector<Diagnostic>& errors) {
  size_t before = errors.size();
  SymbolTable st = build_symbols(m, errors);
  Compiler c(st, file, errors);
  Ref<CodeObj> code = c.module(m);
  if (errors.size() != before) return nullptr;
  return code;
}

}  // namespace loopscope::script
