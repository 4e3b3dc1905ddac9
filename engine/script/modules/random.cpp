// The random module, on CPython's Mersenne Twister (mt19937.hpp).

#include <cmath>

#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/ints.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/random_distributions.hpp"

namespace loopscope::script {

namespace {

// A random.Random instance: its own generator.
class RandomObj final : public Object {
 public:
  RandomObj() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "Random"; }
  std::string repr() const override { return "<random.Random object at 0x?>"; }
  MersenneTwister mt;
};

// The generator a call draws from: the instance's for a bound method of
// random.Random, else the module's hidden instance.
thread_local MersenneTwister* g_current = nullptr;

MersenneTwister& gen(Interp& in) { return g_current ? *g_current : in.state().random; }

// Binds `fn` to whichever generator `self` names, for the call.
template <Value (*Fn)(Interp&, const Value&, CallArgs&)>
Value bound(Interp& in, const Value& self, CallArgs& a) {
  MersenneTwister* saved = g_current;
  auto* r = dynamic_cast<RandomObj*>(self.obj());
  g_current = r ? &r->mt : nullptr;
  struct Restore {
    MersenneTwister* s;
    ~Restore() { g_current = s; }
  } restore{saved};
  return Fn(in, self, a);
}

Value r_seed(Interp& in, const Value&, CallArgs& a) {
  check_args("seed", a, 0, 2, true);
  if (a.pos.empty() || a.pos[0].is_none()) {
    gen(in).seed(0);  // deterministic stand-in for seeding from the OS
    return Value();
  }
  const Value& s = a.pos[0];
  if (s.is_int() || s.is_bool()) {
    gen(in).seed(s.is_int() ? s.as_int() : s.as_bool());
  } else if (s.is_float()) {
    gen(in).seed(static_cast<int64_t>(hash_value(s)));
  } else {
    type_error("random.seed() supports int seeds here, not " + type_name(s));
  }
  return Value();
}

Value r_random(Interp& in, const Value&, CallArgs& a) {
  check_args("random", a, 0, 0);
  return Value::real(gen(in).random());
}

Value r_uniform(Interp& in, const Value&, CallArgs& a) {
  check_args("uniform", a, 2, 2);
  double lo = to_float(a.pos[0], "uniform() argument"), hi = to_float(a.pos[1], "uniform() argument");
  return Value::real(lo + (hi - lo) * gen(in).random());
}

int64_t randrange(Interp& in, int64_t start, const Value& stop_v, int64_t step) {
  if (stop_v.is_none()) {
    if (start > 0) return static_cast<int64_t>(gen(in).randbelow(static_cast<uint64_t>(start)));
    value_error("empty range for randrange()");
  }
  int64_t stop = to_int(stop_v, "randrange() argument");
  int64_t width = stop - start;
  if (step == 1) {
    if (width > 0) return start + static_cast<int64_t>(gen(in).randbelow(static_cast<uint64_t>(width)));
    value_error("empty range for randrange() (" + std::to_string(start) + ", " + std::to_string(stop) + ", " +
                std::to_string(width) + ")");
  }
  if (step == 0) value_error("zero step for randrange()");
  auto floordiv = [](int64_t x, int64_t y) {
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
    return q;
  };
  int64_t n = step > 0 ? floordiv(width + step - 1, step) : floordiv(width + step + 1, step);
  if (n <= 0) value_error("empty range for randrange()");
  return start + step * static_cast<int64_t>(gen(in).randbelow(static_cast<uint64_t>(n)));
}

// getrandbits(k) of any size: 32-bit words, the first the least
// significant, the last one's low bits dropped (CPython's order).
Value getrandbits_any(Interp& in, int64_t k) {
  if (k <= 63) return Value::integer(static_cast<int64_t>(gen(in).getrandbits(static_cast<int>(k))));
  std::vector<uint32_t> words;
  for (int64_t left = k; left > 0; left -= 32) {
    uint32_t w = gen(in).next_u32();
    if (left < 32) w >>= (32 - left);
    words.push_back(w);
  }
  Mpz z;
  mpz_import(z.z, words.size(), -1, sizeof(uint32_t), 0, 0, words.data());
  return int_value(z.z);
}

// _randbelow(n) for an int n > 0 of any size.
Value randbelow_any(Interp& in, const Value& n) {
  if (n.is_int()) return Value::integer(static_cast<int64_t>(gen(in).randbelow(static_cast<uint64_t>(n.as_int()))));
  auto k = static_cast<int64_t>(mpz_sizeinbase(big_of(n), 2));
  Value r = getrandbits_any(in, k);
  while (!in.less(r, n)) r = getrandbits_any(in, k);
  return r;
}

// randrange when an argument (or the width) passes 64 bits: CPython's steps.
Value randrange_big(Interp& in, const Value& start, const Value& stop, const Value& step) {
  Value zero = Value::integer(0), one = Value::integer(1);
  if (stop.is_none()) {
    if (in.less(zero, start)) return randbelow_any(in, start);
    value_error("empty range for randrange()");
  }
  Value width = in.binary(BinOp::Sub, stop, start);
  if (in.eq(step, one)) {
    if (in.less(zero, width)) return in.binary(BinOp::Add, start, randbelow_any(in, width));
    value_error("empty range for randrange() (" + in.repr(start) + ", " + in.repr(stop) + ", " + in.repr(width) + ")");
  }
  if (in.eq(step, zero)) value_error("zero step for randrange()");
  bool up = in.less(zero, step);
  Value n = in.binary(BinOp::FloorDiv, in.binary(BinOp::Add, width, in.binary(BinOp::Add, step, Value::integer(up ? -1 : 1))), step);
  if (!in.less(zero, n)) value_error("empty range for randrange()");
  return in.binary(BinOp::Add, start, in.binary(BinOp::Mul, step, randbelow_any(in, n)));
}

bool needs_big(const Value& a, const Value& b) {
  if (is_bigint(a) || is_bigint(b)) return true;
  if (!a.is_int() || !b.is_int()) return false;
  int64_t w;
  return __builtin_sub_overflow(b.as_int(), a.as_int(), &w) || __builtin_add_overflow(b.as_int(), int64_t{1}, &w);
}

Value r_randrange(Interp& in, const Value&, CallArgs& a) {
  check_args("randrange", a, 1, 3);
  Value stop_arg = a.pos.size() > 1 ? a.pos[1] : Value();
  Value step_arg = a.pos.size() > 2 ? a.pos[2] : Value::integer(1);
  if (needs_big(a.pos[0], stop_arg) || is_bigint(step_arg)) return randrange_big(in, a.pos[0], stop_arg, step_arg);
  int64_t start = to_int(a.pos[0], "randrange() argument");
  Value stop = a.pos.size() > 1 ? a.pos[1] : Value();
  int64_t step = a.pos.size() > 2 ? to_int(a.pos[2], "randrange() argument") : 1;
  return Value::integer(randrange(in, start, stop, step));
}

Value r_randint(Interp& in, const Value&, CallArgs& a) {
  check_args("randint", a, 2, 2);
  if (needs_big(a.pos[0], a.pos[1])) {
    return randrange_big(in, a.pos[0], in.binary(BinOp::Add, a.pos[1], Value::integer(1)), Value::integer(1));
  }
  int64_t lo = to_int(a.pos[0], "randint() argument"), hi = to_int(a.pos[1], "randint() argument");
  return Value::integer(randrange(in, lo, Value::integer(hi + 1), 1));
}

Value r_choice(Interp& in, const Value&, CallArgs& a) {
  check_args("choice", a, 1, 1);
  int64_t n = in.len(a.pos[0]);
  if (n == 0) raise(Exc::IndexError, "Cannot choose from an empty sequence");
  return in.getitem(a.pos[0], Value::integer(static_cast<int64_t>(gen(in).randbelow(static_cast<uint64_t>(n)))));
}

Value r_shuffle(Interp& in, const Value&, CallArgs& a) {
  check_args("shuffle", a, 1, 1);
  if (!a.pos[0].is(ObjKind::List)) type_error("shuffle() needs a list here, not " + type_name(a.pos[0]));
  auto& x = a.pos[0].as<ListObj>()->items;
  for (size_t i = x.size(); i-- > 1;) {
    size_t j = static_cast<size_t>(gen(in).randbelow(i + 1));
    std::swap(x[i], x[j]);
  }
  return Value();
}

Value r_sample(Interp& in, const Value&, CallArgs& a) {
  check_args("sample", a, 2, 2, true);
  const Value& pop = a.pos[0];
  if (pop.is(ObjKind::Set) || pop.is(ObjKind::Dict)) {
    type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
  }
  int64_t n = in.len(pop);
  int64_t k = to_int(a.pos[1], "sample() argument");
  if (k < 0 || k > n) value_error("Sample larger than population or is negative");
  std::vector<Value> result(static_cast<size_t>(k));
  int64_t setsize = 21;
  if (k > 5) setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
  if (n <= setsize) {
    std::vector<Value> pool = in.to_vector(pop);
    for (int64_t i = 0; i < k; ++i) {
      size_t j = static_cast<size_t>(gen(in).randbelow(static_cast<uint64_t>(n - i)));
      result[static_cast<size_t>(i)] = pool[j];
      pool[j] = pool[static_cast<size_t>(n - i - 1)];
    }
  } else {
    std::vector<bool> selected(static_cast<size_t>(n), false);
    for (int64_t i = 0; i < k; ++i) {
      uint64_t j = gen(in).randbelow(static_cast<uint64_t>(n));
      while (selected[j]) j = gen(in).randbelow(static_cast<uint64_t>(n));
      selected[j] = true;
      result[static_cast<size_t>(i)] = in.getitem(pop, Value::integer(static_cast<int64_t>(j)));
    }
  }
  return Value::object(make<ListObj>(std::move(result)));
}

Value r_getrandbits(Interp& in, const Value&, CallArgs& a) {
  check_args("getrandbits", a, 1, 1);
  int64_t k = to_int(a.pos[0], "getrandbits() argument");
  if (k < 0) value_error("number of bits must be non-negative");
  return getrandbits_any(in, k);
}

Value r_expovariate(Interp& in, const Value&, CallArgs& a) {
  check_args("expovariate", a, 1, 1);
  double lambd = to_float(a.pos[0], "expovariate() argument");
  if (lambd == 0) raise(Exc::ZeroDivisionError, "float division by zero");
  return Value::real(-std::log(1.0 - gen(in).random()) / lambd);
}

// A distribution drawing from the call's generator.
template <Value (*Fn)(Interp&, MersenneTwister&, CallArgs&)>
Value dist(Interp& in, const Value&, CallArgs& a) {
  return Fn(in, gen(in), a);
}

struct Distribution {
  const char* name;
  NativeFn fn;
};
const Distribution kDistributions[] = {
    {"choices", bound<dist<random_dist::choices>>},
    {"triangular", bound<dist<random_dist::triangular>>},
    {"gauss", bound<dist<random_dist::gauss>>},
    {"normalvariate", bound<dist<random_dist::normalvariate>>},
    {"lognormvariate", bound<dist<random_dist::lognormvariate>>},
    {"gammavariate", bound<dist<random_dist::gammavariate>>},
    {"betavariate", bound<dist<random_dist::betavariate>>},
    {"paretovariate", bound<dist<random_dist::paretovariate>>},
    {"weibullvariate", bound<dist<random_dist::weibullvariate>>},
    {"vonmisesvariate", bound<dist<random_dist::vonmisesvariate>>},
};

Value r_Random(Interp& in, const Value&, CallArgs& a) {
  check_args("Random", a, 0, 1, true);
  Ref<RandomObj> r = make<RandomObj>();
  Value self = Value::object(r);
  CallArgs sa;
  if (!a.pos.empty()) sa.pos.push_back(a.pos[0]);
  if (const Value* x = kwarg(a, "x")) sa.pos.push_back(*x);
  bound<r_seed>(in, self, sa);
  return self;
}

void install_random_methods() {
  static const bool done = [] {
    register_methods(engine_type("Random"), {{"seed", bound<r_seed>}, {"random", bound<r_random>}, {"uniform", bound<r_uniform>},
                                {"randrange", bound<r_randrange>}, {"randint", bound<r_randint>},
                                {"choice", bound<r_choice>}, {"shuffle", bound<r_shuffle>},
                                {"sample", bound<r_sample>}, {"getrandbits", bound<r_getrandbits>},
                                {"expovariate", bound<r_expovariate>}});
    for (const Distribution& d : kDistributions) register_methods(engine_type("Random"), {{d.name, d.fn}});
    return true;
  }();
  (void)done;
}

}  // namespace

Ref<ModuleObj> make_random_module(Interp&) {
  install_random_methods();
  Ref<ModuleObj> m = make<ModuleObj>("random");
  add_function(*m, "Random", r_Random);
  add_function(*m, "seed", bound<r_seed>);
  add_function(*m, "random", bound<r_random>);
  add_function(*m, "uniform", bound<r_uniform>);
  add_function(*m, "randrange", bound<r_randrange>);
  add_function(*m, "randint", bound<r_randint>);
  add_function(*m, "choice", bound<r_choice>);
  add_function(*m, "shuffle", bound<r_shuffle>);
  add_function(*m, "sample", bound<r_sample>);
  add_function(*m, "getrandbits", bound<r_getrandbits>);
  add_function(*m, "expovariate", bound<r_expovariate>);
  for (const Distribution& d : kDistributions) add_function(*m, d.name, d.fn);
  return m;
}

void add_function(ModuleObj& m, const char* name, NativeFn fn) {
  m.globals[name] = Value::object(make<NativeObj>(name, fn));
}

}  // namespace loopscope::script
