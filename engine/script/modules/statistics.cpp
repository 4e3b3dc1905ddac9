// The statistics module: mean, fmean, median (low/high), mode, multimode,
// variance, pvariance, stdev, pstdev, and quantiles (script source). Sums are exact rationals (GMP), as
// CPython's are Fractions, and each result is rounded once, so the floats
// printed are CPython's.

#include <gmp.h>

#include "engine/object/bigint.hpp"

#include <cmath>

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

namespace {

// An mpq_t with a destructor.
struct Rational {
  mpq_t q;
  Rational() { mpq_init(q); }
  ~Rational() { mpq_clear(q); }
  Rational(const Rational&) = delete;
  Rational& operator=(const Rational&) = delete;
};

[[noreturn]] void stats_error(Interp& in, const std::string& msg) {
  Value cls = in.getattr(in.import_module("statistics"), "StatisticsError");
  throw PyError{make<ExceptionObj>(Ref<ClassObj>(cls.as<ClassObj>()), std::vector<Value>{str_value(msg)})};
}

// n/d rounded to the nearest double (ties to even): a quotient of at
// least 55 bits with a sticky bit, converted once.
double to_double(const mpq_t x) {
  if (mpq_sgn(x) == 0) return 0.0;
  mpz_t n, d, q, r;
  mpz_inits(n, d, q, r, nullptr);
  mpz_abs(n, mpq_numref(x));
  mpz_set(d, mpq_denref(x));
  long shift = 55 - (static_cast<long>(mpz_sizeinbase(n, 2)) - static_cast<long>(mpz_sizeinbase(d, 2)));
  if (shift > 0) mpz_mul_2exp(n, n, static_cast<mp_bitcnt_t>(shift));
  else mpz_mul_2exp(d, d, static_cast<mp_bitcnt_t>(-shift));
  mpz_tdiv_qr(q, r, n, d);
  uint64_t bits = mpz_get_ui(q);
  if (mpz_sgn(r) != 0) bits |= 1;  // round to odd below the last kept bit
  double v = std::ldexp(static_cast<double>(bits), static_cast<int>(-shift));
  mpz_clears(n, d, q, r, nullptr);
  return mpq_sgn(x) < 0 ? -v : v;
}

// The data as exact rationals; T is int unless a float was seen;
// non-finite floats are summed apart, as CPython's _sum does.
struct Data {
  std::vector<Value> values;
  bool any_float = false;
  double nonfinite = 0;
  bool has_nonfinite = false;
};

Data read(Interp& in, const Value& iterable) {
  Data d;
  d.values = in.to_vector(iterable);
  for (const Value& v : d.values) {
    if (v.is_float()) {
      d.any_float = true;
      if (!std::isfinite(v.as_float())) d.nonfinite += v.as_float(), d.has_nonfinite = true;
    } else if (!is_integer(v)) {
      type_error("can't convert type '" + type_name(v) + "' to numerator/denominator");
    }
  }
  return d;
}

void exact(mpq_t out, const Value& v) {
  if (v.is_float()) {
    mpq_set_d(out, v.as_float());
  } else {
    mpq_set_z(out, Mpz(v).z);  // an int of any size
  }
}

// _convert(value, T): an int when T is int and the value is whole.
Value convert(const mpq_t x, bool any_float) {
  if (!any_float && mpz_cmp_ui(mpq_denref(x), 1) == 0) return int_value(mpq_numref(x));
  return Value::real(to_double(x));
}

Value s_mean(Interp& in, const Value&, CallArgs& a) {
  check_args("mean", a, 1, 1);
  Data d = read(in, a.pos[0]);
  if (d.values.empty()) stats_error(in, "mean requires at least one data point");
  if (d.has_nonfinite) return Value::real(d.nonfinite / static_cast<double>(d.values.size()));
  Rational sum, x;
  for (const Value& v : d.values) {
    exact(x.q, v);
    mpq_add(sum.q, sum.q, x.q);
  }
  mpq_set_si(x.q, static_cast<long>(d.values.size()), 1);
  mpq_div(sum.q, sum.q, x.q);
  return convert(sum.q, d.any_float);
}

Value s_fmean(Interp& in, const Value&, CallArgs& a) {
  check_args("fmean", a, 1, 1);
  std::vector<Value> values = in.to_vector(a.pos[0]);
  if (values.empty()) stats_error(in, "fmean requires at least one data point");
  Value total = in.call(in.getattr(in.import_module("math"), "fsum"), {Value::object(make<ListObj>(values))});
  return Value::real(total.as_float() / static_cast<double>(values.size()));
}

std::vector<Value> sorted_data(Interp& in, const CallArgs& a, const char* name) {
  check_args(name, a, 1, 1);
  std::vector<Value> v = in.to_vector(a.pos[0]);
  if (v.empty()) stats_error(in, "no median for empty data");
  sort_values(in, v, Value(), false);
  return v;
}

Value s_median(Interp& in, const Value&, CallArgs& a) {
  std::vector<Value> v = sorted_data(in, a, "median");
  size_t n = v.size();
  if (n % 2 == 1) return v[n / 2];
  return in.binary(BinOp::Div, in.binary(BinOp::Add, v[n / 2 - 1], v[n / 2]), Value::integer(2));
}
Value s_median_low(Interp& in, const Value&, CallArgs& a) {
  std::vector<Value> v = sorted_data(in, a, "median_low");
  return v[v.size() % 2 == 1 ? v.size() / 2 : v.size() / 2 - 1];
}
Value s_median_high(Interp& in, const Value&, CallArgs& a) {
  std::vector<Value> v = sorted_data(in, a, "median_high");
  return v[v.size() / 2];
}

// Distinct values in first-seen order with their counts.
std::vector<std::pair<Value, int64_t>> tally(Interp& in, const Value& iterable) {
  std::vector<std::pair<Value, int64_t>> counts;
  for (const Value& v : in.to_vector(iterable)) {
    in.hash(v);  // unhashable data is a TypeError, as in a Counter
    bool found = false;
    for (auto& [k, n] : counts)
      if (in.eq(k, v)) { ++n; found = true; break; }
    if (!found) counts.emplace_back(v, 1);
  }
  return counts;
}

Value s_mode(Interp& in, const Value&, CallArgs& a) {
  check_args("mode", a, 1, 1);
  auto counts = tally(in, a.pos[0]);
  if (counts.empty()) stats_error(in, "no mode for empty data");
  size_t best = 0;
  for (size_t i = 1; i < counts.size(); ++i)
    if (counts[i].second > counts[best].second) best = i;
  return counts[best].first;
}

Value s_multimode(Interp& in, const Value&, CallArgs& a) {
  check_args("multimode", a, 1, 1);
  auto counts = tally(in, a.pos[0]);
  int64_t top = 0;
  for (const auto& c : counts) top = std::max(top, c.second);
  std::vector<Value> out;
  for (const auto& c : counts)
    if (c.second == top) out.push_back(c.first);
  return Value::object(make<ListObj>(std::move(out)));
}

// The sum of squared deviations divided by (n - ddof), exactly; the
// caller rounds it (variance) or takes its square root (stdev).
Value spread(Interp& in, CallArgs& a, const char* name, int ddof, bool root) {
  check_args(name, a, 1, 2);
  Data d = read(in, a.pos[0]);
  size_t n = d.values.size();
  if (n < static_cast<size_t>(ddof) + 1)
    stats_error(in, std::string(name) + " requires at least " + (ddof ? "two data points" : "one data point"));
  if (d.has_nonfinite) return Value::real(NAN);
  Rational c, ss, x, t;
  if (a.pos.size() > 1 && !a.pos[1].is_none()) {
    exact(c.q, a.pos[1]);
    d.any_float |= a.pos[1].is_float();
  } else {
    for (const Value& v : d.values) exact(x.q, v), mpq_add(c.q, c.q, x.q);
    mpq_set_si(t.q, static_cast<long>(n), 1);
    mpq_div(c.q, c.q, t.q);
  }
  for (const Value& v : d.values) {
    exact(x.q, v);
    mpq_sub(x.q, x.q, c.q);
    mpq_mul(x.q, x.q, x.q);
    mpq_add(ss.q, ss.q, x.q);
  }
  mpq_set_si(t.q, static_cast<long>(n) - ddof, 1);
  mpq_div(ss.q, ss.q, t.q);
  if (!root) return convert(ss.q, d.any_float);
  // sqrt(num/den) correctly rounded: an integer square root with a sticky
  // bit at twice the float's precision, then one rounding.
  mpz_t num, den, r;
  mpz_inits(num, den, r, nullptr);
  mpz_set(num, mpq_numref(ss.q));
  mpz_set(den, mpq_denref(ss.q));
  long diff = static_cast<long>(mpz_sizeinbase(num, 2)) - static_cast<long>(mpz_sizeinbase(den, 2)) - 109;
  long q = diff >= 0 ? diff / 2 : -((-diff + 1) / 2);  // floor division
  if (mpz_sgn(num) == 0) q = 0;
  long s = q >= 0 ? 2 * q : -2 * q;
  if (q >= 0) mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(s));
  else mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(s));
  mpz_t quot;
  mpz_init(quot);
  mpz_fdiv_q(quot, num, den);
  mpz_sqrt(r, quot);
  mpz_mul(quot, r, r);
  mpz_mul(quot, quot, den);
  if (mpz_cmp(quot, num) != 0) mpz_setbit(r, 0);
  Rational res;
  mpq_set_z(res.q, r);
  if (q >= 0) mpq_mul_2exp(res.q, res.q, static_cast<mp_bitcnt_t>(q));
  else mpq_div_2exp(res.q, res.q, static_cast<mp_bitcnt_t>(-q));
  mpz_clears(num, den, r, quot, nullptr);
  return Value::real(to_double(res.q));
}

Value s_variance(Interp& in, const Value&, CallArgs& a) { return spread(in, a, "variance", 1, false); }
Value s_pvariance(Interp& in, const Value&, CallArgs& a) { return spread(in, a, "pvariance", 0, false); }
Value s_stdev(Interp& in, const Value&, CallArgs& a) { return spread(in, a, "stdev", 1, true); }
Value s_pstdev(Interp& in, const Value&, CallArgs& a) { return spread(in, a, "pstdev", 0, true); }

// quantiles: cut points between n groups, interpolated between neighbouring
// sorted data points; 'exclusive' places the data at i/(len+1), 'inclusive'
// at i/(len-1). Each cut is (low * (n - delta) + high * delta) / n, as
// CPython computes it, so the floats agree.
const char* const kQuantilesSource = R"PY(
def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    size = len(data)
    if size < 2:
        raise StatisticsError('must have at least two data points')
    if method not in ('inclusive', 'exclusive'):
        raise ValueError(f'Unknown method: {method!r}')
    cuts = []
    for i in range(1, n):
        if method == 'inclusive':
            j, delta = divmod(i * (size - 1), n)
            low, high = data[j], data[j + 1]
        else:
            j = min(max(i * (size + 1) // n, 1), size - 1)
            delta = i * (size + 1) - j * n
            low, high = data[j - 1], data[j]
        cuts.append((low * (n - delta) + high * delta) / n)
    return cuts
)PY";

}  // namespace

Ref<ModuleObj> make_statistics_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("statistics");
  struct Fn { const char* name; NativeFn fn; };
  static const Fn fns[] = {
      {"mean", s_mean}, {"fmean", s_fmean}, {"median", s_median}, {"median_low", s_median_low},
      {"median_high", s_median_high}, {"mode", s_mode}, {"multimode", s_multimode}, {"variance", s_variance},
      {"pvariance", s_pvariance}, {"stdev", s_stdev}, {"pstdev", s_pstdev},
  };
  for (const Fn& f : fns) add_function(*m, f.name, f.fn);
  m->globals["StatisticsError"] =
      Value::object(make<ClassObj>("StatisticsError", "statistics", Ref<ClassObj>(exc_class(Exc::ValueError))));
  run_source_in_module(in, m, "statistics.py", kQuantilesSource);
  return m;
}

}  // namespace loopscope::script
