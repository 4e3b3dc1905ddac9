// The dispatch loop: one frame's bytecode, with exceptions, await
// delegation and generators' suspensions (the calls it makes are in
// vm/calls.cpp).

#include <typeinfo>

#include "engine/loop/event_loop.hpp"
#include "engine/loop/future.hpp"
#include "engine/script/vm/coroutine.hpp"
#include "engine/script/vm/generator.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/modules/pylib.hpp"
#include "engine/script/runtime/exception_group.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {
namespace {

Ref<ExceptionObj> to_exception(Interp& in, const Value& v) {
  if (v.is(ObjKind::Exception)) return Ref<ExceptionObj>(v.as<ExceptionObj>());
  if (v.is(ObjKind::Class) && is_exception_class(v.as<ClassObj>())) {
    Value inst = in.call(v, std::vector<Value>{});
    if (inst.is(ObjKind::Exception)) return Ref<ExceptionObj>(inst.as<ExceptionObj>());
  }
  type_error("exceptions must derive from BaseException");
}

}  // namespace

StepResult Interp::execute(Frame& f, Value sent, Ref<ExceptionObj> thrown) {
  FrameGuard guard(*this, f);
  std::vector<Value>& st = f.stack;
  const Chunk& ch = f.code->chunk;
  auto pop = [&st]() {
    Value v = std::move(st.back());
    st.pop_back();
    return v;
  };
  auto& top = st;  // alias for readability in the switch
  (void)top;
  StepResult out;
  // Resumed with an exception while not delegating: it is raised where
  // the frame stands.
  Ref<ExceptionObj> pending;
  if (thrown && f.awaiting.is_none()) {
    pending = std::move(thrown);
  } else if (f.suspended == Frame::Suspend::Yield) {
    st.push_back(std::move(sent));  // the value of the yield expression
    sent = Value();
  }
  f.suspended = Frame::Suspend::None;
  for (;;) {
    try {
      if (pending) {
        Ref<ExceptionObj> e = std::move(pending);
        throw PyError{e};
      }
      for (;;) {
        if (++budget_used_ > budget_limit_) blocked(f);
        f.ip = f.pc;
        const Instr in = ch.code[f.pc++];
        switch (in.op) {
          case Op::Nop: case Op::Print: break;
          case Op::Const: st.push_back(ch.consts[in.arg]); break;
          case Op::Pop: st.pop_back(); break;
          case Op::Dup: st.push_back(st.back()); break;
          case Op::Dup2: {
            size_t n = st.size();
            st.push_back(st[n - 2]);
            st.push_back(st[n - 1]);
            break;
          }
          case Op::Rot2: std::swap(st[st.size() - 1], st[st.size() - 2]); break;
          case Op::Rot3: {
            size_t n = st.size();
            Value c = std::move(st[n - 1]);
            st[n - 1] = std::move(st[n - 2]);
            st[n - 2] = std::move(st[n - 3]);
            st[n - 3] = std::move(c);
            break;
          }
          case Op::LoadFast: {
            const Value& v = f.locals[in.arg];
            if (is_unbound(v)) {
              raise(Exc::UnboundLocalError, "cannot access local variable '" + f.code->varnames[in.arg] +
                                                "' where it is not associated with a value");
            }
            st.push_back(v);
            break;
          }
          case Op::StoreFast: f.locals[in.arg] = pop(); break;
          case Op::DeleteFast:
            if (is_unbound(f.locals[in.arg])) {
              raise(Exc::UnboundLocalError, "cannot access local variable '" + f.code->varnames[in.arg] +
                                                "' where it is not associated with a value");
            }
            f.locals[in.arg] = Value::object(unbound());
            break;
          case Op::LoadDeref: {
            CellObj* c = f.cells[in.arg].get();
            if (!c->bound) {
              std::string n = in.arg < f.code->cellvars.size() ? f.code->cellvars[in.arg]
                                                                 : f.code->freevars[in.arg - f.code->cellvars.size()];
              if (in.arg < f.code->cellvars.size()) {
                raise(Exc::UnboundLocalError, "cannot access local variable '" + n + "' where it is not associated with a value");
              }
              raise(Exc::NameError, "cannot access free variable '" + n + "' where it is not associated with a value in enclosing scope");
            }
            st.push_back(c->value);
            break;
          }
          case Op::StoreDeref: {
            CellObj* c = f.cells[in.arg].get();
            c->value = pop();
            c->bound = true;
            break;
          }
          case Op::DeleteDeref: {
            CellObj* c = f.cells[in.arg].get();
            c->value = Value();
            c->bound = false;
            break;
          }
          case Op::LoadClosure: st.push_back(Value::object(f.cells[in.arg])); break;
          case Op::LoadGlobal: st.push_back(load_global(f, in.arg)); break;
          case Op::StoreGlobal: f.module->store(ch.names[in.arg], pop()); break;
          case Op::DeleteGlobal:
            if (!f.module->remove(ch.names[in.arg])) {
              raise(Exc::NameError, "name '" + ch.names[in.arg] + "' is not defined");
            }
            break;
          case Op::LoadName: {
            if (f.ns) {
              auto it = f.ns->find(ch.names[in.arg]);
              if (it != f.ns->end()) {
                st.push_back(it->second);
                break;
              }
            }
            st.push_back(load_global(f, in.arg));
            break;
          }
          case Op::StoreName:
            if (f.ns) {
              if (f.ns_order && !f.ns->count(ch.names[in.arg])) f.ns_order->push_back(ch.names[in.arg]);
              (*f.ns)[ch.names[in.arg]] = pop();
            }
            else f.module->store(ch.names[in.arg], pop());
            break;
          case Op::DeleteName: {
            bool ok = f.ns ? f.ns->erase(ch.names[in.arg]) > 0 : f.module->remove(ch.names[in.arg]);
            if (!ok) raise(Exc::NameError, "name '" + ch.names[in.arg] + "' is not defined");
            break;
          }
          case Op::LoadAttr: {
            Value obj = pop();
            st.push_back(getattr(obj, ch.names[in.arg]));
            break;
          }
          case Op::LoadMethod: load_method(f, ch.names[in.arg]); break;
          case Op::CallMethod: {
            Value r = call_method(st, in.arg);
            st.push_back(std::move(r));
            break;
          }
          case Op::CallMethodKw: {
            Value r = call_method_kw(st, in.arg);
            st.push_back(std::move(r));
            break;
          }
          case Op::StoreAttr: {
            Value obj = pop();
            Value v = pop();
            setattr(obj, ch.names[in.arg], std::move(v));
            break;
          }
          case Op::DeleteAttr: {
            Value obj = pop();
            delattr(obj, ch.names[in.arg]);
            break;
          }
          case Op::Subscr: {
            Value key = pop();
            Value obj = pop();
            st.push_back(getitem(obj, key));
            break;
          }
          case Op::StoreSubscr: {
            Value key = pop();
            Value obj = pop();
            Value v = pop();
            setitem(obj, key, std::move(v));
            break;
          }
          case Op::DeleteSubscr: {
            Value key = pop();
            Value obj = pop();
            delitem(obj, key);
            break;
          }
          case Op::BuildSlice: {
            Value step = in.arg == 3 ? pop() : Value();
            Value stop = pop();
            Value start = pop();
            st.push_back(Value::object(make<SliceObj>(std::move(start), std::move(stop), std::move(step))));
            break;
          }
          case Op::Binary: case Op::Inplace: {
            Value b = pop();
            Value a = pop();
            st.push_back(binary(static_cast<BinOp>(in.arg), a, b, in.op == Op::Inplace));
            break;
          }
          case Op::Unary: {
            Value a = pop();
            st.push_back(unary(static_cast<UnOp>(in.arg), a));
            break;
          }
          case Op::Compare: {
            Value b = pop();
            Value a = pop();
            st.push_back(compare(static_cast<CmpOp>(in.arg), a, b));
            break;
          }
          case Op::Jump: f.pc = in.arg; break;
          case Op::JumpIfFalse: {
            Value v = pop();
            if (!truthy(v)) f.pc = in.arg;
            break;
          }
          case Op::JumpIfTrue: {
            Value v = pop();
            if (truthy(v)) f.pc = in.arg;
            break;
          }
          case Op::JumpIfFalseOrPop:
            if (!truthy(st.back())) f.pc = in.arg;
            else st.pop_back();
            break;
          case Op::JumpIfTrueOrPop:
            if (truthy(st.back())) f.pc = in.arg;
            else st.pop_back();
            break;
          case Op::GetIter: {
            Value v = pop();
            st.push_back(iter(v));
            break;
          }
          case Op::ForIter: {
            Value item;
            Value it = st.back();
            if (next(it, item)) {
              st.push_back(std::move(item));
            } else {
              st.pop_back();
              f.pc = in.arg;
            }
            break;
          }
          case Op::BuildList: case Op::BuildTuple: {
            std::vector<Value> items(std::make_move_iterator(st.end() - in.arg), std::make_move_iterator(st.end()));
            st.resize(st.size() - in.arg);
            if (in.op == Op::BuildList) st.push_back(Value::object(make<ListObj>(std::move(items))));
            else st.push_back(Value::object(make<TupleObj>(std::move(items))));
            break;
          }
          case Op::BuildSet: {
            uint32_t n = in.arg & kSetCountMask;
            Ref<SetObj> s = make<SetObj>();
            for (size_t i = st.size() - n; i < st.size(); ++i) s->table.set(st[i]);
            if (in.arg & (kSetFolded | kSetFoldedIter)) {
              Ref<SetObj> rebuilt = make<SetObj>();  // the compiler's constant merging
              for (const auto& e : s->table.entries())
                if (e.live) rebuilt->table.add(e.key, e.hash);
              if (in.arg & kSetFolded) {
                s = make<SetObj>();
                s->table.merge(rebuilt->table);
              } else {
                s = rebuilt;
              }
            }
            st.resize(st.size() - n);
            st.push_back(Value::object(s));
            break;
          }
          case Op::BuildDict: {
            Ref<DictObj> d = make<DictObj>();
            size_t base = st.size() - 2 * in.arg;
            for (size_t i = base; i < st.size(); i += 2) d->table.set(st[i], st[i + 1]);
            st.resize(base);
            st.push_back(Value::object(d));
            break;
          }
          case Op::ListAppend: {
            Value v = pop();
            st[st.size() - 1 - in.arg].as<ListObj>()->items.push_back(std::move(v));
            break;
          }
          case Op::SetAdd: {
            Value v = pop();
            st[st.size() - 1 - in.arg].as<SetObj>()->table.set(v);
            break;
          }
          case Op::MapAdd: {
            Value v = pop();
            Value k = pop();
            st[st.size() - 1 - in.arg].as<DictObj>()->table.set(k, std::move(v));
            break;
          }
          case Op::ListExtend: {
            Value src = pop();
            std::vector<Value> items = to_vector(src);
            auto& dst = st.back().as<ListObj>()->items;
            dst.insert(dst.end(), items.begin(), items.end());
            break;
          }
          case Op::SetUpdate: {
            Value src = pop();
            set_update(*this, st.back().as<SetObj>()->table, src);
            break;
          }
          case Op::DictUpdate: {
            Value src = pop();
            if (!src.is(ObjKind::Dict)) type_error("argument after ** must be a mapping, not " + type_name(src));
            auto& dst = st.back().as<DictObj>()->table;
            for (const auto& e : src.as<DictObj>()->table.entries())
              if (e.live) dst.set(e.key, e.value);
            break;
          }
          case Op::ListToTuple: {
            Value l = pop();
            st.push_back(Value::object(make<TupleObj>(l.as<ListObj>()->items)));
            break;
          }
          case Op::Unpack: {
            Value seq = pop();
            std::vector<Value> items = to_vector(seq);
            if (items.size() != in.arg) {
              if (items.size() > in.arg) value_error("too many values to unpack (expected " + std::to_string(in.arg) + ")");
              value_error("not enough values to unpack (expected " + std::to_string(in.arg) + ", got " +
                          std::to_string(items.size()) + ")");
            }
            for (size_t i = items.size(); i-- > 0;) st.push_back(std::move(items[i]));
            break;
          }
          case Op::UnpackEx: {
            size_t before = in.arg & 0xffff, after = in.arg >> 16;
            Value seq = pop();
            std::vector<Value> items = to_vector(seq);
            if (items.size() < before + after) {
              value_error("not enough values to unpack (expected at least " + std::to_string(before + after) +
                          ", got " + std::to_string(items.size()) + ")");
            }
            for (size_t i = 0; i < after; ++i) st.push_back(items[items.size() - 1 - i]);
            std::vector<Value> mid(items.begin() + static_cast<long>(before), items.end() - static_cast<long>(after));
            st.push_back(Value::object(make<ListObj>(std::move(mid))));
            for (size_t i = before; i-- > 0;) st.push_back(items[i]);
            break;
          }
          case Op::Call: {
            CallArgs a;
            a.pos.assign(std::make_move_iterator(st.end() - in.arg), std::make_move_iterator(st.end()));
            st.resize(st.size() - in.arg);
            Value callee = pop();
            st.push_back(call(callee, a));
            break;
          }
          case Op::CallKw: {
            Value names = pop();
            const auto& kn = names.as<TupleObj>()->items;
            size_t nkw = kn.size(), npos = in.arg - nkw;
            CallArgs a;
            size_t base = st.size() - in.arg;
            for (size_t i = 0; i < npos; ++i) a.pos.push_back(std::move(st[base + i]));
            for (size_t i = 0; i < nkw; ++i) a.kw.emplace_back(kn[i].as<StrObj>()->value, std::move(st[base + npos + i]));
            st.resize(base);
            Value callee = pop();
            st.push_back(call(callee, a));
            break;
          }
          case Op::CallEx: {
            Value kw = pop();
            Value args = pop();
            Value callee = pop();
            CallArgs a;
            a.pos = args.as<TupleObj>()->items;
            if (kw.is(ObjKind::Dict)) {
              for (const auto& e : kw.as<DictObj>()->table.entries()) {
                if (!e.live) continue;
                if (!e.key.is(ObjKind::Str)) type_error("keywords must be strings");
                for (const auto& [k, v] : a.kw) {
                  if (k == e.key.as<StrObj>()->value) type_error("got multiple values for keyword argument '" + k + "'");
                }
                a.kw.emplace_back(e.key.as<StrObj>()->value, e.value);
              }
            }
            st.push_back(call(callee, a));
            break;
          }
          case Op::MakeFunction: st.push_back(make_function(f, in.arg)); break;
          case Op::Return:
            out.kind = StepResult::Kind::Return;
            out.value = pop();
            return out;
          case Op::SetupExcept:
            f.blocks.push_back(Block{in.arg, static_cast<uint32_t>(st.size()), static_cast<uint32_t>(f.handled.size())});
            break;
          case Op::SetupWith:
            f.blocks.push_back(Block{in.arg, static_cast<uint32_t>(st.size() - 1), static_cast<uint32_t>(f.handled.size())});
            break;
          case Op::PopBlock: f.blocks.pop_back(); break;
          case Op::PushExcInfo: f.handled.emplace_back(st.back().as<ExceptionObj>()); break;
          case Op::PopExcept: f.handled.pop_back(); break;
          case Op::ExcMatch: {
            Value type = pop();
            auto check = [](const Value& t) {
              if (!t.is(ObjKind::Class) || !is_exception_class(t.as<ClassObj>())) {
                type_error("catching classes that do not inherit from BaseException is not allowed");
              }
            };
            if (type.is(ObjKind::Tuple)) {
              for (const Value& t : type.as<TupleObj>()->items) check(t);
            } else {
              check(type);
            }
            Value exc = pop();  // the copy the handler made with Dup
            st.push_back(Value::boolean(isinstance(exc, type)));
            break;
          }
          case Op::ExcStarInit: {
            Value exc = st.back();
            st.push_back(Value::object(make<ListObj>(std::vector<Value>{})));
            st.push_back(exc);
            break;
          }
          case Op::ExcStarMatch: except_star_match(*this, st); break;
          case Op::ExcStarPrep: except_star_prepare(*this, st); break;
          case Op::Raise: {
            if (in.arg == 0) {
              Ref<ExceptionObj> h = current_handled();
              if (!h) raise(Exc::RuntimeError, "No active exception to reraise");
              if (unwind(f, h)) break;
              out.kind = StepResult::Kind::Raise;
              out.exc = h;
              return out;
            }
            Value cause = in.arg == 2 ? pop() : Value();
            Value v = pop();
            Ref<ExceptionObj> e = to_exception(*this, v);
            if (in.arg == 2) {
              if (cause.is_none()) e->cause.reset();
              else e->cause = to_exception(*this, cause);
              e->suppress_context = true;
            }
            throw PyError{e};
          }
          case Op::Reraise: {
            Value v = pop();
            f.handled.pop_back();
            Ref<ExceptionObj> e(v.as<ExceptionObj>());
            if (unwind(f, e)) break;
            out.kind = StepResult::Kind::Raise;
            out.exc = e;
            return out;
          }
          case Op::Assert: {
            Value msg = pop();
            if (msg.is_none()) throw PyError{make_exc(Exc::AssertionError)};
            throw PyError{make_exc(Exc::AssertionError, std::vector<Value>{msg})};
          }
          case Op::BeforeWith: {
            Value ctx = pop();
            bool is_async = in.arg == 1;
            Value enter, exit;
            if (!lookup_attr(ctx, is_async ? "__aenter__" : "__enter__", enter) ||
                !lookup_attr(ctx, is_async ? "__aexit__" : "__exit__", exit)) {
              type_error("'" + type_name(ctx) + "' object does not support the " +
                         (is_async ? "asynchronous " : "") + "context manager protocol");
            }
            st.push_back(exit);
            st.push_back(call(enter, std::vector<Value>{}));
            break;
          }
          case Op::WithExcept: {
            Value exc = st.back();
            Value exit = st[st.size() - 2];
            st.push_back(call(exit, std::vector<Value>{Value::object(exc.as<ExceptionObj>()->cls), exc, Value()}));
            break;
          }
          case Op::FormatValue: format_value(f, in.arg); break;
          case Op::BuildString: {
            std::string s;
            for (size_t i = st.size() - in.arg; i < st.size(); ++i) s += st[i].as<StrObj>()->value;
            st.resize(st.size() - in.arg);
            st.push_back(str_value(std::move(s)));
            break;
          }
          case Op::GetAwaitable: {
            if (st.back().is(ObjKind::Instance)) st.back() = awaitable_of_instance(st.back());
            const Value& v = st.back();
            Object* o = v.obj();
            if (!o || (o->kind() != ObjKind::Coroutine && o->kind() != ObjKind::Future && o->kind() != ObjKind::Task)) {
              type_error("object " + type_name(v) + " can't be used in 'await' expression");
            }
            if (typeid(*o) == typeid(ScriptCoroutine) && static_cast<ScriptCoroutine*>(o)->finished()) {
              raise(Exc::RuntimeError, "cannot reuse already awaited coroutine");
            }
            break;
          }
          case Op::Await: {
            bool suspended = false;
            do_await(f, sent, thrown, out, suspended);
            if (suspended) {
              f.pc = f.ip;  // resume at this Await
              return out;
            }
            break;
          }
          case Op::Import: st.push_back(import_module(ch.names[in.arg])); break;
          case Op::ImportFrom: {
            Value m = pop();
            Value v;
            if (!lookup_attr(m, ch.names[in.arg], v)) {
              const std::string& module = m.as<ModuleObj>()->name;
              // `from package import submodule` imports the submodule.
              std::string sub = module + "." + ch.names[in.arg];
              if (find_library(sub.c_str())) {
                st.push_back(import_module(sub));
                break;
              }
              throw PyError{import_error("ImportError", "cannot import name '" + ch.names[in.arg] + "' from '" + module + "'", module)};
            }
            st.push_back(std::move(v));
            break;
          }
          case Op::BuildClass: {
            Value bases = pop();
            Value body = pop();
            st.push_back(build_class(f, body, bases, ch.names[in.arg], Value()));
            break;
          }
          case Op::BuildClassKw: {
            Value kw = pop();
            Value bases = pop();
            Value body = pop();
            st.push_back(build_class(f, body, bases, ch.names[in.arg], kw));
            break;
          }
          case Op::Yield:
            out.kind = StepResult::Kind::Return;
            out.value = pop();
            f.suspended = Frame::Suspend::Yield;
            return out;
          case Op::GetYieldFromIter: {
            Value v = pop();
            st.push_back(get_yield_from_iter(v));
            break;
          }
          case Op::YieldFrom: {
            Value y;
            if (yield_from(f, sent, thrown, y)) {
              f.pc = f.ip;  // resume at this YieldFrom
              f.suspended = Frame::Suspend::YieldFrom;
              out.kind = StepResult::Kind::Return;
              out.value = std::move(y);
              return out;
            }
            break;
          }
          case Op::GetAIter: {
            Value v = pop();
            st.push_back(get_aiter(v));
            break;
          }
          case Op::GetANext: st.push_back(get_anext(st.back())); break;
          case Op::EndAsyncFor: {
            Value exc = pop();
            Ref<ExceptionObj> e(exc.as<ExceptionObj>());
            if (!is_exc(e.get(), Exc::StopAsyncIteration)) throw PyError{e};
            st.pop_back();  // the async iterator
            break;
          }
        }
      }
    } catch (const PyError& err) {
      Ref<ExceptionObj> e = err.exc;
      if (!e->context && !err.propagated) {
        Ref<ExceptionObj> h = current_handled();
        if (h && h != e) {
          // Never make a cycle of contexts.
          bool cycle = false;
          for (ExceptionObj* c = h.get(); c; c = c->context.get()) {
            if (c == e.get()) {
              cycle = true;
              break;
            }
          }
          if (!cycle) e->context = h;
        }
      }
      add_traceback(f, e.get());
      if (!unwind(f, e)) {
        out.kind = StepResult::Kind::Raise;
        out.exc = e;
        return out;
      }
    }
  }
}

}  // namespace loopscope::script
