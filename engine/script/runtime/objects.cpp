#include "engine/script/runtime/objects.hpp"

#include <map>
#include <typeinfo>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {
thread_local CycleRoot* g_roots = nullptr;
}

CycleRoot::CycleRoot() {
  next_ = g_roots;
  if (g_roots) g_roots->prev_ = this;
  g_roots = this;
}

CycleRoot::~CycleRoot() {
  if (prev_) prev_->next_ = next_;
  else if (g_roots == this) g_roots = next_;
  if (next_) next_->prev_ = prev_;
}

void CycleRoot::clear_all() {
  // Hold every registered object while clearing, so none is freed while
  // the list is walked; then let them go.
  std::vector<Ref<Object>> held;
  std::vector<CycleRoot*> roots;
  for (CycleRoot* r = g_roots; r; r = r->next_) {
    held.emplace_back(r->as_object());
    roots.push_back(r);
  }
  for (CycleRoot* r : roots) r->clear_refs();
  held.clear();
}

std::string BoundMethodObj::repr() const { return "<bound method of " + loopscope::repr(self) + ">"; }

std::string InstanceObj::repr() const { return "<" + cls->module + "." + cls->name + " object at 0x?>"; }

int64_t RangeObj::length() const {
  if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
  if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
  return 0;
}

std::string RangeObj::repr() const {
  std::string s = "range(" + std::to_string(start) + ", " + std::to_string(stop);
  if (step != 1) s += ", " + std::to_string(step);
  return s + ")";
}

std::string SliceObj::repr() const {
  return "slice(" + loopscope::repr(start) + ", " + loopscope::repr(stop) + ", " + loopscope::repr(step) + ")";
}

std::string DictViewObj::repr() const { return type_name() + "(...)"; }

Value ellipsis_value() {
  static Object* e = [] {
    Object* o = new EllipsisObj();
    incref(o);
    return o;
  }();
  return Value::object(e);
}

Value not_implemented_value() {
  static Object* n = [] {
    Object* o = new NotImplementedObj();
    incref(o);
    return o;
  }();
  return Value::object(n);
}

bool is_not_implemented(const Value& v) { return v.identical(not_implemented_value()); }

ClassObj* builtin_class(BuiltinType t) {
  static const auto classes = [] {
    struct Spec { BuiltinType t; const char* name; BuiltinType base; };
    static const Spec specs[] = {
        {BuiltinType::Object, "object", BuiltinType::Count}, {BuiltinType::Type, "type", BuiltinType::Object},
        {BuiltinType::NoneType, "NoneType", BuiltinType::Object}, {BuiltinType::Int, "int", BuiltinType::Object},
        {BuiltinType::Bool, "bool", BuiltinType::Int}, {BuiltinType::Float, "float", BuiltinType::Object},
        {BuiltinType::Str, "str", BuiltinType::Object}, {BuiltinType::List, "list", BuiltinType::Object},
        {BuiltinType::Tuple, "tuple", BuiltinType::Object}, {BuiltinType::Dict, "dict", BuiltinType::Object},
        {BuiltinType::Set, "set", BuiltinType::Object}, {BuiltinType::Range, "range", BuiltinType::Object},
        {BuiltinType::Function, "function", BuiltinType::Object},
        {BuiltinType::BuiltinFunction, "builtin_function_or_method", BuiltinType::Object},
        {BuiltinType::Method, "method", BuiltinType::Object}, {BuiltinType::Coroutine, "coroutine", BuiltinType::Object},
        {BuiltinType::Module, "module", BuiltinType::Object}, {BuiltinType::Slice, "slice", BuiltinType::Object},
        {BuiltinType::Iterator, "iterator", BuiltinType::Object}, {BuiltinType::Future, "Future", BuiltinType::Object},
        {BuiltinType::Task, "Task", BuiltinType::Future}, {BuiltinType::Bytes, "bytes", BuiltinType::Object},
        {BuiltinType::ByteArray, "bytearray", BuiltinType::Object},
    };
    std::array<ClassObj*, static_cast<size_t>(BuiltinType::Count)> out{};
    for (const Spec& s : specs) {
      Ref<ClassObj> base = s.base == BuiltinType::Count ? nullptr : out[static_cast<size_t>(s.base)];
      bool asyncio = s.t == BuiltinType::Future || s.t == BuiltinType::Task;
      auto* c = new ClassObj(s.name, asyncio ? "_asyncio" : "builtins", base);
      incref(c);
      out[static_cast<size_t>(s.t)] = c;
    }
    return out;
  }();
  return classes[static_cast<size_t>(t)];
}

bool is_exception_class(const ClassObj* c) { return c->is_subclass_of(exc_class(Exc::BaseException)); }

ClassObj* class_of(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::None: return builtin_class(BuiltinType::NoneType);
    case Value::Tag::Bool: return builtin_class(BuiltinType::Bool);
    case Value::Tag::Int: return builtin_class(BuiltinType::Int);
    case Value::Tag::Float: return builtin_class(BuiltinType::Float);
    case Value::Tag::Obj: break;
  }
  Object* o = v.obj();
  switch (o->kind()) {
    case ObjKind::Str:
      if (UserPart* u = static_cast<StrObj*>(o)->user.get()) return user_class(u);
      return builtin_class(BuiltinType::Str);
    case ObjKind::Bytes:
      return builtin_class(static_cast<BytesObj*>(o)->is_array ? BuiltinType::ByteArray : BuiltinType::Bytes);
    case ObjKind::Tuple: case ObjKind::List: case ObjKind::Dict: case ObjKind::Set: {
      if (UserPart* u = user_part(v)) return user_class(u);
      BuiltinType t = o->kind() == ObjKind::Tuple ? BuiltinType::Tuple
                      : o->kind() == ObjKind::List ? BuiltinType::List
                      : o->kind() == ObjKind::Dict ? BuiltinType::Dict : BuiltinType::Set;
      return builtin_class(t);
    }
    case ObjKind::Class: {
      ClassObj* meta = static_cast<ClassObj*>(o)->meta.get();
      return meta ? meta : builtin_class(BuiltinType::Type);
    }
    case ObjKind::Exception: return static_cast<ExceptionObj*>(o)->cls.get();
    case ObjKind::Instance: return static_cast<InstanceObj*>(o)->cls.get();
    case ObjKind::Coroutine: return builtin_class(BuiltinType::Coroutine);
    case ObjKind::Future:
      if (ClassObj* c = o->type_object()) return c;  // gather's _GatheringFuture
      return builtin_class(BuiltinType::Future);
    case ObjKind::Task: return builtin_class(BuiltinType::Task);
    case ObjKind::BigInt: return builtin_class(BuiltinType::Int);
    default: break;
  }
  if (ClassObj* c = o->type_object()) return c;
  if (typeid(*o) == typeid(FunctionObj)) return builtin_class(BuiltinType::Function);
  if (typeid(*o) == typeid(NativeObj)) return builtin_class(BuiltinType::BuiltinFunction);
  if (typeid(*o) == typeid(BoundMethodObj)) return builtin_class(BuiltinType::Method);
  if (typeid(*o) == typeid(RangeObj)) return builtin_class(BuiltinType::Range);
  if (typeid(*o) == typeid(ModuleObj)) return builtin_class(BuiltinType::Module);
  if (typeid(*o) == typeid(SliceObj)) return builtin_class(BuiltinType::Slice);
  // Any other engine object: a class named after its type, made once (and
  // kept by the objects that keep their type object).
  ClassObj* c = engine_class(o->type_name(), "builtins", nullptr);
  o->cache_type_object(c);
  return c;
}

namespace {
struct EngineClasses {
  std::map<std::string, ClassObj*> by_name;
  std::map<const ClassObj*, NativeFn> ctors;
};
EngineClasses& engine_classes() {
  static auto& c = *new EngineClasses();  // never destroyed, like the classes
  return c;
}
}  // namespace

ClassObj* engine_class(const std::string& type_name, const std::string& module, NativeFn ctor) {
  EngineClasses& ec = engine_classes();
  auto it = ec.by_name.find(type_name);
  ClassObj* c = it != ec.by_name.end() ? it->second : nullptr;
  if (!c) {
    // A dotted type name ("re.Match", "_io.TextIOWrapper") is module.name, as CPython's tp_name.
    size_t dot = type_name.rfind('.');
    c = new ClassObj(dot == std::string::npos ? type_name : type_name.substr(dot + 1),
                     dot == std::string::npos ? module : type_name.substr(0, dot),
                     Ref<ClassObj>(builtin_class(BuiltinType::Object)));
    incref(c);
    ec.by_name[type_name] = c;
  }
  if (ctor) {
    c->module = module;
    ec.ctors[c] = ctor;
  }
  return c;
}

void register_constructor(const ClassObj* cls, NativeFn fn) { engine_classes().ctors[cls] = fn; }

NativeFn engine_constructor(const ClassObj* cls) {
  auto& ctors = engine_classes().ctors;
  auto it = ctors.find(cls);
  return it == ctors.end() ? nullptr : it->second;
}

NativeFn engine_base_constructor(const ClassObj* cls) {
  for (const ClassObj* c : cls->mro())
    if (NativeFn f = engine_constructor(c)) return f;
  return nullptr;
}

}  // namespace loopscope::script
