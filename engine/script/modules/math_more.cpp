// The rest of the math module: inverse and hyperbolic functions, the
// float toolbox (fsum, frexp, ldexp, modf, copysign, fmod, remainder,
// nextafter, ulp), and the integer functions (comb, perm, isqrt, lcm, prod).
// Float functions call the C library, as CPython does.

#include <cmath>
#include <numeric>

#include "engine/script/runtime/ints.hpp"
#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

double real(const Value& v) {
  if (v.is_float()) return v.as_float();
  if (v.is_int()) return static_cast<double>(v.as_int());
  if (v.is_bool()) return v.as_bool();
  if (is_bigint(v)) return int_to_float(v);
  type_error("must be real number, not " + type_name(v));
}

int64_t index(const Value& v) {
  if (v.is_int()) return v.as_int();
  if (v.is_bool()) return v.as_bool();
  if (is_bigint(v)) raise(Exc::OverflowError, "Python int too large to convert to C long");
  type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

// An int argument of any size.
void int_arg(const Value& v, mpz_t out) {
  if (!is_integer(v)) type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  Mpz x(v);
  mpz_set(out, x.z);
}

// A libm result: NaN from a number is a domain error, infinity from a
// finite number a range error.
Value checked(double r, double x) {
  if (std::isnan(r) && !std::isnan(x)) value_error("math domain error");
  if (std::isinf(r) && std::isfinite(x)) raise(Exc::OverflowError, "math range error");
  return Value::real(r);
}

#define UNARY(NAME, EXPR)                              \
  Value m_##NAME(Interp&, const Value&, CallArgs& a) { \
    check_args(#NAME, a, 1, 1);                        \
    double x = real(a.pos[0]);                         \
    return checked(EXPR, x);                           \
  }
UNARY(asin, std::fabs(x) > 1 ? NAN : std::asin(x))
UNARY(acos, std::fabs(x) > 1 ? NAN : std::acos(x))
UNARY(sinh, std::sinh(x))
UNARY(cosh, std::cosh(x))
UNARY(tanh, std::tanh(x))
UNARY(asinh, std::asinh(x))
UNARY(acosh, x < 1 ? NAN : std::acosh(x))
UNARY(atanh, std::fabs(x) >= 1 ? NAN : std::atanh(x))
UNARY(expm1, std::expm1(x))
UNARY(log1p, x <= -1 ? NAN : std::log1p(x))
UNARY(erf, std::erf(x))
UNARY(erfc, std::erfc(x))
UNARY(cbrt, std::cbrt(x))
UNARY(exp2, std::exp2(x))
UNARY(degrees, x * (180.0 / M_PI))
UNARY(radians, x * (M_PI / 180.0))
#undef UNARY

Value m_isfinite(Interp&, const Value&, CallArgs& a) {
  check_args("isfinite", a, 1, 1);
  return Value::boolean(std::isfinite(real(a.pos[0])));
}

Value m_copysign(Interp&, const Value&, CallArgs& a) {
  expect_args("copysign", a, 2, 2);
  return Value::real(std::copysign(real(a.pos[0]), real(a.pos[1])));
}

Value m_fmod(Interp&, const Value&, CallArgs& a) {
  expect_args("fmod", a, 2, 2);
  double x = real(a.pos[0]), y = real(a.pos[1]);
  if (std::isinf(y) && std::isfinite(x)) return Value::real(x);
  if (y == 0 || std::isinf(x)) {
    if (!std::isnan(x) && !std::isnan(y)) value_error("math domain error");
  }
  return Value::real(std::fmod(x, y));
}

Value m_remainder(Interp&, const Value&, CallArgs& a) {
  expect_args("remainder", a, 2, 2);
  double x = real(a.pos[0]), y = real(a.pos[1]);
  if ((y == 0 || std::isinf(x)) && !std::isnan(x) && !std::isnan(y)) value_error("math domain error");
  return Value::real(std::remainder(x, y));
}

Value m_modf(Interp&, const Value&, CallArgs& a) {
  check_args("modf", a, 1, 1);
  double whole, frac = std::modf(real(a.pos[0]), &whole);
  return Value::object(make<TupleObj>(std::vector<Value>{Value::real(frac), Value::real(whole)}));
}

Value m_frexp(Interp&, const Value&, CallArgs& a) {
  check_args("frexp", a, 1, 1);
  int e = 0;
  double m = std::frexp(real(a.pos[0]), &e);
  return Value::object(make<TupleObj>(std::vector<Value>{Value::real(m), Value::integer(e)}));
}

Value m_ldexp(Interp&, const Value&, CallArgs& a) {
  expect_args("ldexp", a, 2, 2);
  double x = real(a.pos[0]);
  if (!a.pos[1].is_int() && !a.pos[1].is_bool()) type_error("Expected an int as second argument to ldexp.");
  int64_t e = index(a.pos[1]);
  double r = std::ldexp(x, static_cast<int>(std::clamp<int64_t>(e, -100000, 100000)));
  return checked(r, x);
}

Value m_nextafter(Interp&, const Value&, CallArgs& a) {
  expect_args("nextafter", a, 2, 2);
  return Value::real(std::nextafter(real(a.pos[0]), real(a.pos[1])));
}

Value m_ulp(Interp&, const Value&, CallArgs& a) {
  check_args("ulp", a, 1, 1);
  double x = std::fabs(real(a.pos[0]));
  if (std::isnan(x) || std::isinf(x)) return Value::real(x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return Value::real(x - std::nextafter(x, -INFINITY));
  return Value::real(next - x);
}

// fsum: exact partial sums (Shewchuk), rounded once at the end, with the
// half-way correction CPython applies.
Value m_fsum(Interp& in, const Value&, CallArgs& a) {
  check_args("fsum", a, 1, 1);
  std::vector<double> partials;
  double special = 0, inf_sum = 0;
  Value it = in.iter(a.pos[0]), v;
  while (in.next(it, v)) {
    double x = real(v);
    if (!std::isfinite(x)) {
      if (std::isinf(x)) inf_sum += x;
      special += x;
      continue;
    }
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y, lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    if (!std::isfinite(x)) raise(Exc::OverflowError, "intermediate overflow in fsum");
    partials.resize(i);
    partials.push_back(x);
  }
  if (special != 0.0) {
    if (std::isnan(inf_sum)) value_error("-inf + inf in fsum");
    return Value::real(special);
  }
  double hi = 0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0;
    while (n > 0) {
      double x = hi, y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      double y = lo * 2, x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return Value::real(hi);
}

Value m_comb(Interp&, const Value&, CallArgs& a) {
  expect_args("comb", a, 2, 2);
  Mpz n, k, r;
  int_arg(a.pos[0], n.z);
  int_arg(a.pos[1], k.z);
  if (mpz_sgn(n.z) < 0) value_error("n must be a non-negative integer");
  if (mpz_sgn(k.z) < 0) value_error("k must be a non-negative integer");
  if (mpz_cmp(k.z, n.z) > 0) return Value::integer(0);
  Mpz rest;
  mpz_sub(rest.z, n.z, k.z);
  if (mpz_cmp(rest.z, k.z) < 0) mpz_set(k.z, rest.z);
  if (!mpz_fits_ulong_p(k.z)) raise(Exc::OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
  mpz_bin_ui(r.z, n.z, mpz_get_ui(k.z));
  return int_value(r.z);
}

Value m_perm(Interp&, const Value&, CallArgs& a) {
  expect_args("perm", a, 1, 2);
  Mpz n, k, r;
  int_arg(a.pos[0], n.z);
  if (a.pos.size() > 1 && !a.pos[1].is_none()) {
    int_arg(a.pos[1], k.z);
  } else {
    mpz_set(k.z, n.z);
  }
  if (mpz_sgn(n.z) < 0) value_error("n must be a non-negative integer");
  if (mpz_sgn(k.z) < 0) value_error("k must be a non-negative integer");
  if (mpz_cmp(k.z, n.z) > 0) return Value::integer(0);
  if (!mpz_fits_ulong_p(k.z)) raise(Exc::OverflowError, "k must not exceed 9223372036854775807");
  mpz_set_ui(r.z, 1);
  Mpz f;
  for (unsigned long i = 0, kk = mpz_get_ui(k.z); i < kk; ++i) {
    mpz_sub_ui(f.z, n.z, i);
    mpz_mul(r.z, r.z, f.z);
  }
  return int_value(r.z);
}

Value m_isqrt(Interp&, const Value&, CallArgs& a) {
  check_args("isqrt", a, 1, 1);
  Mpz n;
  int_arg(a.pos[0], n.z);
  if (mpz_sgn(n.z) < 0) value_error("isqrt() argument must be nonnegative");
  mpz_sqrt(n.z, n.z);
  return int_value(n.z);
}

Value m_lcm(Interp&, const Value&, CallArgs& a) {
  check_args("lcm", a, 0, SIZE_MAX);
  Mpz r, x;
  mpz_set_ui(r.z, 1);
  for (const Value& v : a.pos) {
    int_arg(v, x.z);
    mpz_lcm(r.z, r.z, x.z);
  }
  return int_value(r.z);
}

Value m_prod(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("prod", a, {"start"});
  if (a.pos.size() != 1) type_error("prod() takes exactly 1 positional argument (" + std::to_string(a.pos.size()) + " given)");
  Value r = arg_or(a, 99, "start", Value::integer(1));
  Value it = in.iter(a.pos[0]), v;
  while (in.next(it, v)) r = in.binary(BinOp::Mul, r, v);
  return r;
}

Value m_dist(Interp& in, const Value&, CallArgs& a) {
  expect_args("dist", a, 2, 2);
  std::vector<Value> p = in.to_vector(a.pos[0]), q = in.to_vector(a.pos[1]);
  if (p.size() != q.size()) value_error("both points must have the same number of dimensions");
  double s = 0;
  for (size_t i = 0; i < p.size(); ++i) s = std::hypot(s, real(p[i]) - real(q[i]));
  return Value::real(s);
}

}  // namespace

void add_math_more(ModuleObj& m) {
  struct Fn { const char* name; NativeFn fn; };
  static const Fn fns[] = {
      {"asin", m_asin}, {"acos", m_acos}, {"sinh", m_sinh}, {"cosh", m_cosh}, {"tanh", m_tanh},
      {"asinh", m_asinh}, {"acosh", m_acosh}, {"atanh", m_atanh}, {"expm1", m_expm1}, {"log1p", m_log1p},
      {"erf", m_erf}, {"erfc", m_erfc}, {"cbrt", m_cbrt}, {"exp2", m_exp2}, {"degrees", m_degrees},
      {"radians", m_radians}, {"isfinite", m_isfinite}, {"copysign", m_copysign}, {"fmod", m_fmod},
      {"remainder", m_remainder}, {"modf", m_modf}, {"frexp", m_frexp}, {"ldexp", m_ldexp},
      {"nextafter", m_nextafter}, {"ulp", m_ulp}, {"fsum", m_fsum}, {"comb", m_comb}, {"perm", m_perm},
      {"isqrt", m_isqrt}, {"lcm", m_lcm}, {"prod", m_prod}, {"dist", m_dist},
  };
  for (const Fn& f : fns) add_function(m, f.name, f.fn);
}

}  // namespace loopscope::script
