// Annotations: `from __future__ import annotations` detection and the text
// an annotation becomes under it (the expression written back as CPython's
// ast.unparse writes it: `Optional[int]`, `dict[str, Any]`, `int | None`).

#include "engine/object/value.hpp"
#include "engine/script/compiler/compiler_internal.hpp"

namespace loopscope::script {

bool has_future_annotations(const Module& m) {
  for (const StmtP& s : m.body) {
    if (s->kind != SK::ImportFrom || s->module != "__future__") continue;
    for (const Alias& a : s->aliases)
      if (a.name == "annotations") return true;
  }
  return false;
}

void check_future_imports(const Module& m, std::vector<Diagnostic>& errors) {
  static const char* const kFeatures[] = {"nested_scopes", "generators", "division", "absolute_import",
                                          "with_statement", "print_function", "unicode_literals",
                                          "barry_as_FLUFL", "generator_stop", "annotations"};
  bool at_start = true;
  for (size_t i = 0; i < m.body.size(); ++i) {
    const Stmt& s = *m.body[i];
    bool docstring = i == 0 && s.kind == SK::Expr && s.value->kind == EK::Constant && s.value->ck == ConstKind::Str;
    bool future = s.kind == SK::ImportFrom && s.module == "__future__";
    if (!future) {
      if (!docstring) at_start = false;
      continue;
    }
    if (!at_start) {
      errors.push_back({s.line, s.col, "from __future__ imports must occur at the beginning of the file"});
      continue;
    }
    for (const Alias& a : s.aliases) {
      bool known = false;
      for (const char* f : kFeatures) known |= a.name == f;
      if (a.name == "braces") errors.push_back({s.line, s.col, "not a chance"});
      else if (!known) errors.push_back({s.line, s.col, "future feature " + a.name + " is not defined"});
    }
  }
}

namespace compiler_internal {

namespace {

std::string join(const std::vector<ExprP>& items) {
  std::string out;
  for (const ExprP& x : items) out += (out.empty() ? "" : ", ") + unparse(*x);
  return out;
}

std::string constant_text(const Expr& e) {
  switch (e.ck) {
    case ConstKind::None: return "None";
    case ConstKind::True: return "True";
    case ConstKind::False: return "False";
    case ConstKind::Int: return e.s.empty() ? std::to_string(e.i) : e.s;
    case ConstKind::Float: return float_repr(e.d);
    case ConstKind::Str: return str_repr(e.s);
    case ConstKind::Bytes: return bytes_repr(e.s);
    case ConstKind::Ellipsis: return "...";
  }
  return "...";
}

}  // namespace

std::string unparse(const Expr& e) {
  switch (e.kind) {
    case EK::Name: return e.s;
    case EK::Constant: return constant_text(e);
    case EK::Attribute: return unparse(*e.a) + "." + e.s;
    case EK::Subscript:
      if (e.b->kind == EK::Tuple && !e.b->items.empty()) return unparse(*e.a) + "[" + join(e.b->items) + "]";
      return unparse(*e.a) + "[" + unparse(*e.b) + "]";
    case EK::BinOp: return unparse(*e.a) + " " + binop_symbol(static_cast<BinOp>(e.op)) + " " + unparse(*e.b);
    case EK::Tuple: return e.items.size() == 1 ? "(" + unparse(*e.items[0]) + ",)" : "(" + join(e.items) + ")";
    case EK::List: return "[" + join(e.items) + "]";
    case EK::Starred: return "*" + unparse(*e.a);
    case EK::Call: {
      std::string args = join(e.items);
      for (const Keyword& k : e.keywords)
        args += (args.empty() ? "" : ", ") + (k.name.empty() ? "**" : k.name + "=") + unparse(*k.value);
      return unparse(*e.a) + "(" + args + ")";
    }
    default: return "...";
  }
}

}  // namespace compiler_internal

}  // namespace loopscope::script
