// itertools: the infinite iterators (count, cycle, repeat), the ones that
// stop on the shortest input (accumulate, chain, compress, dropwhile,
// filterfalse, groupby, islice, pairwise, starmap, takewhile, tee,
// zip_longest), all lazy: each pulls from its input only when asked.

#include <memory>

#include "engine/script/modules/itertools.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script::itertools {

namespace {

Value count(Interp&, const Value&, CallArgs& a) {
  allow_keywords("count", a, {"start", "step"});
  if (a.pos.size() > 2) type_error("count() takes at most 2 arguments (" + std::to_string(a.pos.size()) + " given)");
  Value cur = arg_or(a, 0, "start", Value::integer(0));
  Value step = arg_or(a, 1, "step", Value::integer(1));
  if (!is_number(cur) || !is_number(step)) type_error("a number is required");
  return iterator("count", [cur, step](Interp& in, Value& out) mutable {
    out = cur;
    cur = in.binary(BinOp::Add, cur, step);
    return true;
  });
}

Value cycle(Interp& in, const Value&, CallArgs& a) {
  check_args("cycle", a, 1, 1);
  Value it = in.iter(a.pos[0]);
  auto saved = std::make_shared<std::vector<Value>>();
  bool exhausted = false;
  size_t i = 0;
  return iterator("cycle", [it, saved, exhausted, i](Interp& in, Value& out) mutable {
    if (!exhausted) {
      if (in.next(it, out)) {
        saved->push_back(out);
        return true;
      }
      exhausted = true;
    }
    if (saved->empty()) return false;
    out = (*saved)[i++ % saved->size()];
    return true;
  });
}

Value repeat(Interp&, const Value&, CallArgs& a) {
  allow_keywords("repeat", a, {"object", "times"});
  require_positional("repeat", a, {"object"});
  Value obj = arg_or(a, 0, "object", Value());
  Value times = arg_or(a, 1, "times", Value());
  int64_t left = times.is_none() ? -1 : std::max<int64_t>(0, to_int(times, "times"));
  return iterator("repeat", [obj, left](Interp&, Value& out) mutable {
    if (left == 0) return false;
    if (left > 0) --left;
    out = obj;
    return true;
  });
}

Value accumulate(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("accumulate", a, {"iterable", "func", "initial"});
  require_positional("accumulate", a, {"iterable"});
  Value it = in.iter(arg_or(a, 0, "iterable", Value()));
  Value func = arg_or(a, 1, "func", Value());
  Value total = arg_or(a, 99, "initial", Value());
  bool have = !total.is_none(), initial_pending = have;
  return iterator("accumulate", [it, func, total, have, initial_pending](Interp& in, Value& out) mutable {
    if (initial_pending) {
      initial_pending = false;
      return (out = total, true);
    }
    Value v;
    if (!in.next(it, v)) return false;
    if (!have) total = v;
    else total = func.is_none() ? in.binary(BinOp::Add, total, v) : in.call(func, {total, v});
    have = true;
    return (out = total, true);
  });
}

Value chain_over(Value sources) {
  Value current;
  return iterator("chain", [sources, current](Interp& in, Value& out) mutable {
    for (;;) {
      if (!current.is_none() && in.next(current, out)) return true;
      Value next_src;
      if (!in.next(sources, next_src)) return false;
      current = in.iter(next_src);
    }
  });
}

Value chain(Interp& in, const Value&, CallArgs& a) {
  check_args("chain", a, 0, SIZE_MAX);
  return chain_over(in.iter(tuple_of(a.pos)));
}

Value chain_from_iterable(Interp& in, const Value&, CallArgs& a) {
  check_args("from_iterable", a, 1, 1);
  return chain_over(in.iter(a.pos[0]));
}

Value compress(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("compress", a, {"data", "selectors"});
  require_positional("compress", a, {"data", "selectors"});
  Value data = in.iter(arg_or(a, 0, "data", Value())), sel = in.iter(arg_or(a, 1, "selectors", Value()));
  return iterator("compress", [data, sel](Interp& in, Value& out) {
    Value s;
    while (in.next(data, out) && in.next(sel, s))
      if (in.truthy(s)) return true;
    return false;
  });
}

// dropwhile, takewhile, filterfalse: a predicate and an iterable.
Value pred_iter(Interp& in, CallArgs& a, const char* name, int mode) {
  if (!a.kw.empty()) type_error(std::string(name) + "() takes no keyword arguments");
  if (a.pos.size() != 2) type_error(std::string(name) + " expected 2 arguments, got " + std::to_string(a.pos.size()));
  Value pred = a.pos[0], it = in.iter(a.pos[1]);
  bool flag = false;  // dropwhile: done dropping; takewhile: stopped
  return iterator(name, [pred, it, flag, mode](Interp& in, Value& out) mutable {
    auto test = [&](const Value& v) { return in.truthy(pred.is_none() ? v : in.call(pred, {v})); };
    if (mode == 1 && flag) return false;
    while (in.next(it, out)) {
      if (mode == 0) {  // dropwhile
        if (flag || !test(out)) return (flag = true);
      } else if (mode == 1) {  // takewhile
        if (test(out)) return true;
        flag = true;
        return false;
      } else if (!test(out)) {  // filterfalse
        return true;
      }
    }
    return false;
  });
}
Value dropwhile(Interp& in, const Value&, CallArgs& a) { return pred_iter(in, a, "dropwhile", 0); }
Value takewhile(Interp& in, const Value&, CallArgs& a) { return pred_iter(in, a, "takewhile", 1); }
Value filterfalse(Interp& in, const Value&, CallArgs& a) { return pred_iter(in, a, "filterfalse", 2); }

int64_t islice_bound(const Value& v, const char* which) {
  std::string msg = std::string(which) + " argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  if (!v.is_int() && !v.is_bool()) value_error(msg);
  int64_t n = to_int(v, which);
  if (n < 0) value_error(msg);
  return n;
}

Value islice(Interp& in, const Value&, CallArgs& a) {
  if (!a.kw.empty()) type_error("islice() takes no keyword arguments");
  if (a.pos.size() < 2 || a.pos.size() > 4)
    type_error(std::string("islice expected ") + (a.pos.size() < 2 ? "at least 2" : "at most 4") + " arguments, got " + std::to_string(a.pos.size()));
  Value it = in.iter(a.pos[0]);
  int64_t start = 0, stop = -1, step = 1;
  if (a.pos.size() == 2) {
    if (!a.pos[1].is_none()) stop = islice_bound(a.pos[1], "Stop");
  } else {
    if (!a.pos[1].is_none()) start = islice_bound(a.pos[1], "Indices");
    if (!a.pos[2].is_none()) stop = islice_bound(a.pos[2], "Stop");
    if (a.pos.size() == 4 && !a.pos[3].is_none()) {
      if (!a.pos[3].is_int() || a.pos[3].as_int() < 1) value_error("Step for islice() must be a positive integer or None.");
      step = a.pos[3].as_int();
    }
  }
  int64_t cnt = 0, next = start;
  bool done = false;
  return iterator("islice", [it, cnt, next, stop, step, done](Interp& in, Value& out) mutable {
    if (done) return false;
    Value skip;
    while (cnt < next) {
      if (!in.next(it, skip)) return (done = true, false);
      ++cnt;
    }
    if (stop != -1 && cnt >= stop) return (done = true, false);
    if (!in.next(it, out)) return (done = true, false);
    ++cnt;
    next += step;
    if (stop != -1 && next > stop) next = stop;
    return true;
  });
}

Value pairwise(Interp& in, const Value&, CallArgs& a) {
  expect_args("pairwise", a, 1, 1);
  Value it = in.iter(a.pos[0]), prev;
  bool started = false;
  return iterator("pairwise", [it, prev, started](Interp& in, Value& out) mutable {
    if (!started) {
      started = true;
      if (!in.next(it, prev)) return false;
    }
    Value cur;
    if (!in.next(it, cur)) return false;
    out = tuple_of({prev, cur});
    prev = cur;
    return true;
  });
}

Value starmap(Interp& in, const Value&, CallArgs& a) {
  check_args("starmap", a, 2, 2);
  Value func = a.pos[0], it = in.iter(a.pos[1]);
  return iterator("starmap", [func, it](Interp& in, Value& out) {
    Value args;
    if (!in.next(it, args)) return false;
    out = in.call(func, in.to_vector(args));
    return true;
  });
}

Value zip_longest(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("zip_longest", a, {"fillvalue"});
  Value fill = arg_or(a, 99, "fillvalue", Value());
  std::vector<Value> its;
  for (const Value& v : a.pos) its.push_back(in.iter(v));
  std::vector<bool> live(its.size(), true);
  size_t active = its.size();
  return iterator("zip_longest", [its, live, active, fill](Interp& in, Value& out) mutable {
    if (active == 0) return false;
    std::vector<Value> row;
    for (size_t i = 0; i < its.size(); ++i) {
      Value v = fill;
      if (live[i] && !in.next(its[i], v)) {
        live[i] = false;
        v = fill;
        if (--active == 0) return false;
      }
      row.push_back(v);
    }
    return (out = tuple_of(std::move(row)), true);
  });
}

// groupby: the groups share the input; moving on to the next group
// abandons the rest of the current one, as in CPython.
struct GroupState {
  Value it, key, tgtkey, currkey, currvalue;
  bool have = false, exhausted = false;
  uint64_t group_id = 0;
  bool step(Interp& in) {
    if (!in.next(it, currvalue)) return (exhausted = true, have = false);
    currkey = key.is_none() ? currvalue : in.call(key, {currvalue});
    return (have = true);
  }
};

Value groupby(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("groupby", a, {"iterable", "key"});
  require_positional("groupby", a, {"iterable"});
  auto st = std::make_shared<GroupState>();
  st->it = in.iter(arg_or(a, 0, "iterable", Value()));
  st->key = arg_or(a, 1, "key", Value());
  bool first = true;
  return iterator("groupby", [st, first](Interp& in, Value& out) mutable {
    ++st->group_id;
    if (first) {
      first = false;
      if (!st->step(in)) return false;
    } else {
      while (st->have && in.eq(st->tgtkey, st->currkey))
        if (!st->step(in)) return false;
      if (!st->have) return false;
    }
    st->tgtkey = st->currkey;
    uint64_t id = st->group_id;
    bool take_current = true;
    Value grouper = iterator("_grouper", [st, id, take_current](Interp& in, Value& item) mutable {
      if (st->group_id != id) return false;
      if (!take_current && !st->step(in)) return false;
      if (!st->have || !in.eq(st->tgtkey, st->currkey)) return false;
      take_current = false;
      item = st->currvalue;
      return true;
    });
    return (out = tuple_of({st->currkey, grouper}), true);
  });
}

Value tee(Interp& in, const Value&, CallArgs& a) {
  check_args("tee", a, 1, 2);
  int64_t n = a.pos.size() > 1 ? to_int(a.pos[1], "n") : 2;
  if (n < 0) value_error("n must be >= 0");
  struct Shared { Value it; std::vector<Value> buf; size_t base = 0; };
  auto sh = std::make_shared<Shared>();
  sh->it = in.iter(a.pos[0]);
  std::vector<Value> outs;
  for (int64_t i = 0; i < n; ++i) {
    size_t pos = 0;
    outs.push_back(iterator("_tee", [sh, pos](Interp& in, Value& out) mutable {
      if (pos == sh->buf.size()) {
        Value v;
        if (!in.next(sh->it, v)) return false;
        sh->buf.push_back(v);
      }
      out = sh->buf[pos++];
      return true;
    }));
  }
  return tuple_of(std::move(outs));
}

}  // namespace

}  // namespace loopscope::script::itertools

namespace loopscope::script {

Ref<ModuleObj> make_itertools_module(Interp&) {
  using namespace itertools;
  Ref<ModuleObj> m = make<ModuleObj>("itertools");
  struct Fn { const char* name; NativeFn fn; };
  static const Fn fns[] = {
      {"count", count}, {"cycle", cycle}, {"repeat", repeat}, {"accumulate", accumulate},
      {"compress", compress}, {"dropwhile", dropwhile}, {"takewhile", takewhile}, {"filterfalse", filterfalse},
      {"islice", islice}, {"pairwise", pairwise}, {"starmap", starmap}, {"zip_longest", zip_longest},
      {"groupby", groupby}, {"tee", tee}, {"product", product}, {"permutations", permutations},
      {"combinations", combinations}, {"combinations_with_replacement", combinations_with_replacement},
  };
  for (const Fn& f : fns) add_function(*m, f.name, f.fn);
  // chain is a class, for its alternate constructor chain.from_iterable.
  ClassObj* chain_cls = engine_class("chain", "itertools", chain);
  chain_cls->attrs["from_iterable"] = Value::object(make<NativeObj>("from_iterable", chain_from_iterable));
  m->globals["chain"] = Value::object(chain_cls);
  return m;
}

}  // namespace loopscope::script
