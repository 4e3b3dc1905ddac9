// The interpreter's life cycle: builtins, module code, imports, instance
// creation, tracebacks, and the end-of-run cleanup.

#include "engine/script/vm/interp.hpp"
#include "engine/script/runtime/exception_group.hpp"

#include <filesystem>
#include <system_error>
#include <typeinfo>

#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/vm/generator.hpp"
#include "engine/script/modules/io_file.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pylib.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {
// __file__ as CPython 3.9+ sets it for `python3 FILE`: the absolute path.
std::string absolute_path(const std::string& file) {
  if (file.empty()) return file;
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(file, ec);
  return ec ? file : p.lexically_normal().string();
}
}  // namespace

Interp::Interp(World& world, std::string file, std::string source)
    : world_(&world),
      file_(std::move(file)),
      source_(std::move(source)),
      budget_limit_(world.options.instruction_budget),
      state_(std::make_unique<ModuleState>()) {
  size_t start = 0;
  while (start <= source_.size()) {
    size_t nl = source_.find('\n', start);
    if (nl == std::string::npos) {
      lines_.push_back(source_.substr(start));
      break;
    }
    lines_.push_back(source_.substr(start, nl - start));
    start = nl + 1;
  }
  main_ = make<ModuleObj>("__main__");
  main_->user_file = true;
  main_->globals["__name__"] = str_value("__main__");
  main_->globals["__file__"] = str_value(absolute_path(file_));
  main_->globals["__doc__"] = Value();
  install_builtins();
}

Interp::~Interp() { shutdown(); }

void Interp::install_builtins() {
  install_builtin_functions(*this);
  install_generator_builtins(*this);
}

Value Interp::builtin(const std::string& name) const {
  auto it = builtins_.find(name);
  return it == builtins_.end() ? Value() : it->second;
}


void Interp::run_module(const Ref<CodeObj>& code) {
  Ref<FunctionObj> fn = make<FunctionObj>(code);
  Frame f;
  f.code = code;
  f.module = main_.get();
  reset_budget();
  StepResult r = execute(f, Value(), nullptr);
  if (r.kind == StepResult::Kind::Raise) throw PyError{r.exc};
}

void Interp::shutdown() {
  if (!main_) return;
  flush_output();
  clear_globals();
  // Then the cycles CPython's collector would break at exit.
  modules_.clear();
  CycleRoot::clear_all();
  class_roots_.clear();
  builtins_.clear();
  main_.reset();
  flush_output();
}

void Interp::clear_globals() {
  if (!main_) return;
  // As CPython's exit clears __main__: names with one leading underscore
  // become None first, then the others, each in assignment order (the
  // names the runtime set itself, never assigned by the program, last).
  std::vector<std::string> names = main_->order;
  std::vector<std::string> rest;
  for (auto& [k, v] : main_->globals) {
    if (std::find(names.begin(), names.end(), k) == names.end()) rest.push_back(k);
  }
  std::sort(rest.begin(), rest.end());
  names.insert(names.end(), rest.begin(), rest.end());
  auto clear = [this](const std::string& n) {
    auto it = main_->globals.find(n);
    if (it == main_->globals.end()) return;
    Value old = std::exchange(it->second, Value());  // dies after the slot is None
  };
  for (const std::string& n : names) {
    if (!n.empty() && n[0] == '_' && (n.size() == 1 || n[1] != '_')) clear(n);
  }
  for (const std::string& n : names) {
    if (n != "__builtins__") clear(n);
  }
}

Ref<ExceptionObj> import_error(const char* cls, const std::string& msg, const std::string& module) {
  Ref<ExceptionObj> e = make<ExceptionObj>(Ref<ClassObj>(builtin_exception(cls)), std::vector<Value>{str_value(msg)});
  e->attrs["name"] = str_value(module);
  e->attrs["path"] = Value();
  return e;
}

// A simulated library (engine/script/lib): its parent package first, then
// the module is registered before its source runs (as CPython's sys.modules,
// so imports between the library's modules work) and becomes an attribute of
// its parent package.
Value Interp::import_library(const LibrarySource& lib) {
  std::string name = lib.name;
  size_t dot = name.rfind('.');
  Value parent = dot == std::string::npos ? Value() : import_module(name.substr(0, dot));
  auto again = modules_.find(name);  // the parent's own source may have imported it
  if (again != modules_.end()) return again->second;
  Ref<ModuleObj> m = make<ModuleObj>(name);
  Value v = Value::object(m);
  m->globals["__file__"] = str_value(lib.file);
  m->globals["__package__"] = str_value(lib.package ? name : name.substr(0, dot == std::string::npos ? 0 : dot));
  modules_[name] = v;
  try {
    run_source_in_module(*this, m, lib.file, lib.source);
  } catch (...) {
    modules_.erase(name);
    throw;
  }
  if (!parent.is_none()) parent.as<ModuleObj>()->globals[name.substr(dot + 1)] = v;
  return v;
}

Value Interp::import_module(const std::string& name) {
  auto it = modules_.find(name);
  if (it != modules_.end()) return it->second;
  if (const LibrarySource* lib = find_library(name.c_str())) return import_library(*lib);
  Ref<ModuleObj> m = make_module(*this, name);
  if (!m) {
    // CPython names the first missing package of a dotted name.
    std::string top = name.substr(0, name.find('.'));
    std::string missing = make_module(*this, top) ? name : top;
    throw PyError{import_error("ModuleNotFoundError", "No module named '" + missing + "'", missing)};
  }
  Value v = Value::object(m);
  modules_[name] = v;
  // A submodule is an attribute of its package (`import collections.abc`).
  if (size_t dot = name.rfind('.'); dot != std::string::npos) {
    Value parent = import_module(name.substr(0, dot));
    if (parent.obj() && typeid(*parent.obj()) == typeid(ModuleObj))
      parent.as<ModuleObj>()->globals.try_emplace(name.substr(dot + 1), v);
  }
  return v;
}

Value Interp::make_instance(const Ref<ClassObj>& cls, CallArgs& args) {
  if (NativeFn ctor = builtin_constructor(cls.get())) return ctor(*this, Value(), args);
  if (ClassObj* base = builtin_base(cls.get())) return make_builtin_subclass(cls, base, args);
  if (cls->is_subclass_of(builtin_class(BuiltinType::Type))) return make_class_via_meta(cls, args);
  if (cls->is_subclass_of(exc_class(Exc::BaseExceptionGroup)) && !class_lookup(cls.get(), "__init__")) {
    return new_exception_group(*this, cls, args);
  }
  if (is_exception_class(cls.get())) {
    Ref<ExceptionObj> e = make<ExceptionObj>(cls, args.pos);
    if (cls->is_subclass_of(exc_class(Exc::OSError))) os_error_arguments(e->cls, e->args, e->attrs);
    const Value* init = class_lookup(cls.get(), "__init__");
    if (init) {
      CallArgs a = args;
      a.pos.insert(a.pos.begin(), Value::object(e));
      Value r = call(*init, a);
      if (!r.is_none()) type_error("__init__() should return None, not '" + type_name(r) + "'");
    } else if (!args.kw.empty()) {
      type_error(cls->name + "() takes no keyword arguments");
    }
    return Value::object(e);
  }
  if (cls->module == "builtins" || cls->module == "_asyncio") {
    type_error("cannot create '" + cls->name + "' instances");
  }
  const Value* init = class_lookup(cls.get(), "__init__");
  if (const Value* nw = class_lookup(cls.get(), "__new__")) {
    // The class's own __new__ (an implicit staticmethod) makes the object.
    CallArgs a = args;
    a.pos.insert(a.pos.begin(), Value::object(cls));
    Value made = call(descriptor_get_class(*nw, cls.get()), a);
    if (init && class_of(made)->is_subclass_of(cls.get())) {
      CallArgs b = args;
      b.pos.insert(b.pos.begin(), made);
      Value r = call(*init, b);
      if (!r.is_none()) type_error("__init__() should return None, not '" + type_name(r) + "'");
    }
    return made;
  }
  Ref<InstanceObj> inst = make<InstanceObj>(cls);
  Value self = Value::object(inst);
  if (init) {
    CallArgs a = args;
    a.pos.insert(a.pos.begin(), self);
    Value r = call(*init, a);
    if (!r.is_none()) type_error("__init__() should return None, not '" + type_name(r) + "'");
  } else if (engine_base_constructor(cls.get())) {
    make_engine_base(inst.get(), args);
  } else if (!args.pos.empty() || !args.kw.empty()) {
    type_error(cls->name + "() takes no arguments");
  }
  return self;
}

uint32_t Interp::current_line() const {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (!(*it)->module || (*it)->module->user_file) return uint32_t((*it)->line());
  }
  return 0;
}

const std::string& Interp::source_line_text(int line) {
  static const std::string empty;
  if (line < 1 || static_cast<size_t>(line) > lines_.size()) return empty;
  return lines_[static_cast<size_t>(line - 1)];
}

std::string Interp::format_traceback(const ExceptionObj* e) {
  auto strip = [](const std::string& s) {
    size_t b = s.find_first_not_of(" \t"), en = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, en - b + 1);
  };
  auto one = [&](const ExceptionObj* x) {
    std::string out = "Traceback (most recent call last):\n";
    for (const TracebackEntry& t : x->traceback) {
      out += "  File \"" + t.file + "\", line " + std::to_string(t.line) + ", in " + t.function + "\n";
      std::string src = strip(t.source);
      if (!src.empty()) out += "    " + src + "\n";
    }
    std::string msg;
    try {
      msg = str(Value::object(const_cast<ExceptionObj*>(x)));
    } catch (const PyError&) {
      msg = "<exception str() failed>";
    }
    out += x->cls->qualified_name() + (msg.empty() ? "" : ": " + msg) + "\n";
    if (auto n = x->attrs.find("__notes__"); n != x->attrs.end() && n->second.is(ObjKind::List)) {
      for (const Value& note : n->second.as<ListObj>()->items) out += str(note) + "\n";
    }
    return out;
  };
  std::string out;
  std::vector<const ExceptionObj*> chain;
  for (const ExceptionObj* x = e; x && chain.size() < 32;) {
    chain.push_back(x);
    if (x->cause) x = x->cause.get();
    else if (x->context && !x->suppress_context) x = x->context.get();
    else break;
  }
  for (size_t i = chain.size(); i-- > 0;) {
    out += one(chain[i]);
    if (i > 0) {
      bool by_cause = chain[i - 1]->cause.get() == chain[i];
      out += by_cause ? "\nThe above exception was the direct cause of the following exception:\n\n"
                      : "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
  }
  return out;
}

}  // namespace loopscope::script
