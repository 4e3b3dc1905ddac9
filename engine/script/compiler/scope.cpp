#include "engine/script/compiler/scope.hpp"

#include <algorithm>

namespace loopscope::script {

namespace {

enum : unsigned { kDef = 1, kParam = 2, kGlobal = 4, kNonlocal = 8, kUse = 16 };

class Builder {
 public:
  Builder(SymbolTable& t, std::vector<Diagnostic>& errors) : t_(t), errors_(errors) {}

  void module(const Module& m) {
    t_.module = std::make_unique<Scope>();
    cur_ = t_.module.get();
    cur_->name = "<module>";
    future_annotations_ = has_future_annotations(m);
    body(m.body);
  }

  void analyze(Scope* s) {
    if (s->kind == Scope::Kind::Module) {
      for (auto& [n, f] : s->flags) s->resolved[n] = NameRes::Global;
    } else if (s->kind == Scope::Kind::Class) {
      for (auto& [n, f] : s->flags) {
        if (f & kGlobal) s->resolved[n] = NameRes::Global;
        else if (f & (kDef | kParam)) s->resolved[n] = NameRes::Name;
        else if (find_enclosing(s->parent, n)) mark_free(s, n);
        else s->resolved[n] = NameRes::Name;
      }
    } else {
      for (auto& [n, f] : s->flags) {
        if (f & kGlobal) {
          s->resolved[n] = NameRes::Global;
        } else if (f & kNonlocal) {
          if (!find_enclosing(s->parent, n)) {
            errors_.push_back({1, 1, "no binding for nonlocal '" + n + "' found"});
            s->resolved[n] = NameRes::Global;
          } else {
            mark_free(s, n);
          }
        } else if (f & (kDef | kParam)) {
          if (s->resolved.find(n) == s->resolved.end()) s->resolved[n] = NameRes::Local;
        } else if (find_enclosing(s->parent, n)) {
          mark_free(s, n);
        } else {
          s->resolved[n] = NameRes::Global;
        }
      }
    }
    for (auto& c : s->children) analyze(c.get());
  }

 private:
  // Is `n` a local of some enclosing function (class scopes are skipped)?
  static bool find_enclosing(Scope* s, const std::string& n) {
    for (; s; s = s->parent) {
      if (s->kind == Scope::Kind::Module) return false;
      if (s->kind == Scope::Kind::Class) continue;
      auto it = s->flags.find(n);
      if (it != s->flags.end()) {
        if (it->second & kGlobal) return false;
        if (it->second & (kDef | kParam | kNonlocal)) return true;
      }
    }
    return false;
  }

  // `n` is free in `s`: every function between s and its owner carries it.
  static void mark_free(Scope* s, const std::string& n) {
    auto add = [](std::vector<std::string>& v, const std::string& x) {
      if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
    };
    s->resolved[n] = NameRes::Free;
    add(s->freevars, n);
    for (Scope* p = s->parent; p; p = p->parent) {
      if (p->kind == Scope::Kind::Class) continue;
      auto it = p->flags.find(n);
      bool owns = it != p->flags.end() && (it->second & (kDef | kParam)) && !(it->second & (kNonlocal | kGlobal));
      if (owns) {
        p->resolved[n] = NameRes::Cell;
        add(p->cellvars, n);
        return;
      }
      p->resolved[n] = NameRes::Free;
      add(p->freevars, n);
      p->flags[n] |= kUse;
    }
  }

  void def(const std::string& n) { cur_->flags[n] |= kDef; }
  void use(const std::string& n) { cur_->flags[n] |= kUse; }

  Scope* push(Scope::Kind k, const std::string& name, const void* node) {
    auto s = std::make_unique<Scope>();
    s->kind = k;
    s->name = name;
    s->parent = cur_;
    std::string prefix;
    if (cur_->kind == Scope::Kind::Function) prefix = cur_->qualname + ".<locals>.";
    else if (cur_->kind == Scope::Kind::Class) prefix = cur_->qualname + ".";
    s->qualname = prefix + name;
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    t_.by_node[node] = raw;
    cur_ = raw;
    return raw;
  }
  void pop() { cur_ = cur_->parent; }

  void params(const Params& p) {
    for (const Param& x : p.positional) add_param(x.name);
    for (const Param& x : p.kwonly) add_param(x.name);
    if (!p.vararg.empty()) add_param(p.vararg);
    if (!p.kwarg.empty()) add_param(p.kwarg);
  }
  void add_param(const std::string& n) {
    cur_->params.push_back(n);
    cur_->flags[n] |= kParam;
  }
  void param_defaults(const Params& p) {
    for (const Param& x : p.positional)
      if (x.default_value) expr(*x.default_value);
    for (const Param& x : p.kwonly)
      if (x.default_value) expr(*x.default_value);
    if (!future_annotations_)
      for (const auto& a : p.annotations) expr(*a.second);
  }

  void body(const Body& b) {
    for (const StmtP& s : b) stmt(*s);
  }

  void target(const Expr& e) {
    switch (e.kind) {
      case EK::Name: def(e.s); break;
      case EK::Tuple: case EK::List: for (const ExprP& x : e.items) target(*x); break;
      case EK::Starred: target(*e.a); break;
      default: expr(e);
    }
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case SK::Expr: expr(*s.value); break;
      case SK::Assign:
        expr(*s.value);
        for (const ExprP& t : s.targets) target(*t);
        break;
      case SK::AugAssign:
        expr(*s.value);
        if (s.targets[0]->kind == EK::Name) use(s.targets[0]->s);
        target(*s.targets[0]);
        break;
      case SK::AnnAssign:
        if (s.value) {
          expr(*s.value);
          target(*s.targets[0]);
        } else if (s.targets[0]->kind == EK::Name) {
          def(s.targets[0]->s);
        }
        if (cur_->kind != Scope::Kind::Function && !future_annotations_) expr(*s.test);  // evaluated there
        break;
      case SK::Return:
        if (s.value) {
          if (!cur_->return_value_line) {
            cur_->return_value_line = s.line;
            cur_->return_value_col = s.col;
          }
          expr(*s.value);
        }
        break;
      case SK::Pass: case SK::Break: case SK::Continue: break;
      case SK::If: case SK::While:
        expr(*s.test);
        body(s.body);
        body(s.orelse);
        break;
      case SK::For:
        if (s.is_async) cur_->has_await = true;
        expr(*s.iter);
        target(*s.target);
        body(s.body);
        body(s.orelse);
        break;
      case SK::Try:
        body(s.body);
        for (const Handler& h : s.handlers) {
          if (h.type) expr(*h.type);
          if (!h.name.empty()) def(h.name);
          body(h.body);
        }
        body(s.orelse);
        body(s.finalbody);
        break;
      case SK::Raise:
        if (s.value) expr(*s.value);
        if (s.cause) expr(*s.cause);
        break;
      case SK::Assert:
        expr(*s.test);
        if (s.value) expr(*s.value);
        break;
      case SK::Del:
        for (const ExprP& t : s.targets) target(*t);
        break;
      case SK::Global: case SK::Nonlocal:
        for (const std::string& n : s.names) {
          auto it = cur_->flags.find(n);
          if (it != cur_->flags.end() && (it->second & (kDef | kUse | kParam))) {
            errors_.push_back({s.line, s.col, "name '" + n + "' is used prior to " +
                                                  (s.kind == SK::Global ? "global" : "nonlocal") + " declaration"});
          }
          cur_->flags[n] |= s.kind == SK::Global ? kGlobal : kNonlocal;
        }
        break;
      case SK::Import:
        for (const Alias& a : s.aliases) {
          std::string n = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
          def(n);
        }
        break;
      case SK::ImportFrom:
        for (const Alias& a : s.aliases) def(a.asname.empty() ? a.name : a.asname);
        break;
      case SK::FunctionDef: {
        const FunctionDef& f = *s.func;
        for (const ExprP& d : f.decorators) expr(*d);
        param_defaults(f.params);
        def(f.name);
        Scope* sc = push(Scope::Kind::Function, f.name, &f);
        sc->is_async = f.is_async;
        params(f.params);
        body(f.body);
        if (sc->is_async && sc->is_generator && sc->return_value_line) {
          errors_.push_back({sc->return_value_line, sc->return_value_col, "'return' with value in async generator"});
        }
        pop();
        break;
      }
      case SK::ClassDef: {
        for (const ExprP& d : s.decorators) expr(*d);
        for (const ExprP& b : s.bases) expr(*b);
        for (const Keyword& k : s.keywords) expr(*k.value);
        def(s.name);
        push(Scope::Kind::Class, s.name, &s);
        body(s.body);
        pop();
        break;
      }
      case SK::Match:
        expr(*s.value);
        for (const MatchCase& c : s.cases) {
          pattern(*c.pattern);
          if (c.guard) expr(*c.guard);
          body(c.body);
        }
        break;
      case SK::With:
        for (const WithItem& w : s.items) {
          expr(*w.context);
          if (w.target) target(*w.target);
        }
        body(s.body);
        break;
    }
  }

  void comprehension(const Expr& e, const char* name) {
    // The first iterable is evaluated in the enclosing scope.
    expr(*e.gens[0].iter);
    Scope* sc = push(Scope::Kind::Function, name, &e);
    sc->is_comprehension = true;
    add_param(".0");
    for (size_t i = 0; i < e.gens.size(); ++i) {
      const Comprehension& g = e.gens[i];
      if (g.is_async) sc->has_await = true;
      if (i > 0) expr(*g.iter);
      target(*g.target);
      for (const ExprP& c : g.ifs) expr(*c);
    }
    if (e.a) expr(*e.a);
    if (e.b) expr(*e.b);
    pop();
    if (e.kind == EK::GeneratorExp) {
      // A generator expression is a generator; with an await or async for, an async one.
      sc->is_generator = true;
      sc->is_async = sc->has_await;
      return;
    }
    if (!sc->has_await) return;
    if (!enclosing_async()) {
      errors_.push_back({e.line, e.col, "asynchronous comprehension outside of an asynchronous function"});
    }
    cur_->has_await = true;
  }

  // Whether the innermost function around here is async (comprehensions
  // run in their function's frame for this purpose).
  bool enclosing_async() const {
    for (const Scope* s = cur_; s; s = s->parent) {
      if (s->kind != Scope::Kind::Function) return false;
      if (!s->is_comprehension) return s->is_async;
      if (s->is_async) return true;
    }
    return false;
  }

  void yield(const Expr& e) {
    if (cur_->kind != Scope::Kind::Function) {
      errors_.push_back({e.line, e.col, "'yield' outside function"});
    } else if (cur_->is_comprehension) {
      static const std::map<std::string, std::string> what = {
          {"<listcomp>", "list comprehension"}, {"<setcomp>", "set comprehension"},
          {"<dictcomp>", "dict comprehension"}, {"<genexpr>", "generator expression"}};
      errors_.push_back({e.line, e.col, "'yield' inside " + what.at(cur_->name)});
    }
    cur_->is_generator = true;
  }

  void expr(const Expr& e) {
    switch (e.kind) {
      case EK::Name: use(e.s); return;
      case EK::Lambda: {
        param_defaults(*e.params);
        push(Scope::Kind::Function, "<lambda>", &e);
        params(*e.params);
        expr(*e.a);
        pop();
        return;
      }
      case EK::ListComp: comprehension(e, "<listcomp>"); return;
      case EK::SetComp: comprehension(e, "<setcomp>"); return;
      case EK::DictComp: comprehension(e, "<dictcomp>"); return;
      case EK::GeneratorExp: comprehension(e, "<genexpr>"); return;
      case EK::Await: cur_->has_await = true; break;
      case EK::Yield: case EK::YieldFrom: yield(e); break;
      case EK::NamedExpr: named_target(e); break;
      default: break;
    }
    if (e.a) expr(*e.a);
    if (e.b) expr(*e.b);
    if (e.c) expr(*e.c);
    for (const ExprP& x : e.items)
      if (x) expr(*x);
    for (const ExprP& x : e.items2)
      if (x) expr(*x);
    for (const Keyword& k : e.keywords) expr(*k.value);
  }

  void pattern(const Pattern& p) {
    if (p.value) expr(*p.value);
    for (const ExprP& k : p.keys) expr(*k);
    if (!p.name.empty() && p.kind != PK::Value) def(p.name);
    for (const PatternP& x : p.items) pattern(*x);
    for (const PatternP& x : p.kwitems) pattern(*x);
  }

  // `n := v` binds n in the nearest scope that is not a comprehension.
  void named_target(const Expr& e) {
    Scope* t = cur_;
    while (t->is_comprehension) t = t->parent;
    if (t == cur_) {
      def(e.s);
      return;
    }
    if (t->kind == Scope::Kind::Class) {
      errors_.push_back({e.line, e.col, "assignment expression within a comprehension cannot be used in a class body"});
      return;
    }
    t->flags[e.s] |= kDef;
    for (Scope* c = cur_; c != t; c = c->parent) c->flags[e.s] |= t->kind == Scope::Kind::Module ? kGlobal : kNonlocal;
  }

  SymbolTable& t_;
  std::vector<Diagnostic>& errors_;
  Scope* cur_ = nullptr;
  bool future_annotations_ = false;
};

}  // namespace

NameRes Scope::resolve(const std::string& n) const {
  auto it = resolved.find(n);
  if (it != resolved.end()) return it->second;
  return kind == Kind::Module ? NameRes::Global : kind == Kind::Class ? NameRes::Name : NameRes::Global;
}

SymbolTable build_symbols(const Module& m, std::vector<Diagnostic>& errors) {
  SymbolTable t;
  Builder b(t, errors);
  b.module(m);
  b.analyze(t.module.get());
  return t;
}

}  // namespace loopscope::script
