// The math module: the common functions and constants (the rest in
// math_more.cpp).

#include <cmath>
#include <numeric>

#include "engine/script/runtime/ints.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

double arg(const CallArgs& a, size_t i) { return to_float(a.pos[i], "math function argument"); }

Value checked(double r, double x) {
  if (std::isnan(r) && !std::isnan(x)) value_error("math domain error");
  if (std::isinf(r) && std::isfinite(x)) raise(Exc::OverflowError, "math range error");
  return Value::real(r);
}

#define UNARY(NAME, EXPR)                                     \
  Value m_##NAME(Interp&, const Value&, CallArgs& a) {        \
    check_args(#NAME, a, 1, 1);                               \
    double x = arg(a, 0);                                     \
    return checked(EXPR, x);                                  \
  }
UNARY(sqrt, x < 0 ? NAN : std::sqrt(x))
UNARY(exp, std::exp(x))
UNARY(sin, std::sin(x))
UNARY(cos, std::cos(x))
UNARY(tan, std::tan(x))
UNARY(atan, std::atan(x))
UNARY(fabs, std::fabs(x))
#undef UNARY

// fn(v) for a log function; an int too large for a double is taken as
// m * 2**e (CPython's loghelper), so math.log(10**400) works.
double log_of(const Value& v, double (*fn)(double)) {
  double x = 0;
  if (is_bigint(v) && !int_to_double(big_of(v), x)) {
    if (mpz_sgn(big_of(v)) <= 0) value_error("math domain error");
    long e = 0;
    double m = mpz_get_d_2exp(&e, big_of(v));
    return fn(m) + fn(2.0) * static_cast<double>(e);
  }
  x = to_float(v, "math function argument");
  if (x <= 0) value_error("math domain error");
  return fn(x);
}

double ln(double x) { return std::log(x); }
double lg2(double x) { return std::log2(x); }
double lg10(double x) { return std::log10(x); }

Value m_log2(Interp&, const Value&, CallArgs& a) {
  check_args("log2", a, 1, 1);
  return Value::real(log_of(a.pos[0], lg2));
}
Value m_log10(Interp&, const Value&, CallArgs& a) {
  check_args("log10", a, 1, 1);
  return Value::real(log_of(a.pos[0], lg10));
}

Value m_log(Interp&, const Value&, CallArgs& a) {
  check_args("log", a, 1, 2);
  double r = log_of(a.pos[0], ln);
  if (a.pos.size() > 1) {
    double b = log_of(a.pos[1], ln);
    if (b == 0) raise(Exc::ZeroDivisionError, "float division by zero");
    r /= b;
  }
  return Value::real(r);
}

Value to_int_checked(double d) {
  return float_to_int(d);
}

// An instance's __floor__/__ceil__/__trunc__ (fractions.Fraction), if any.
bool dunder_round(Interp& in, const Value& v, const char* name, Value& out) {
  Value m;
  if (!v.is(ObjKind::Instance) || number_base(v) || !in.lookup_attr(v, name, m)) return false;
  out = in.call(m, std::vector<Value>{});
  return true;
}

Value m_floor(Interp& in, const Value&, CallArgs& a) {
  check_args("floor", a, 1, 1);
  if (a.pos[0].is_int() || is_bigint(a.pos[0])) return a.pos[0];
  if (Value r; dunder_round(in, a.pos[0], "__floor__", r)) return r;
  return to_int_checked(std::floor(arg(a, 0)));
}
Value m_ceil(Interp& in, const Value&, CallArgs& a) {
  check_args("ceil", a, 1, 1);
  if (a.pos[0].is_int() || is_bigint(a.pos[0])) return a.pos[0];
  if (Value r; dunder_round(in, a.pos[0], "__ceil__", r)) return r;
  return to_int_checked(std::ceil(arg(a, 0)));
}
Value m_trunc(Interp& in, const Value&, CallArgs& a) {
  check_args("trunc", a, 1, 1);
  if (a.pos[0].is_int() || is_bigint(a.pos[0])) return a.pos[0];
  if (Value r; dunder_round(in, a.pos[0], "__trunc__", r)) return r;
  return to_int_checked(std::trunc(arg(a, 0)));
}
Value m_pow(Interp&, const Value&, CallArgs& a) {
  check_args("pow", a, 2, 2);
  double x = arg(a, 0), y = arg(a, 1);
  return checked(std::pow(x, y), x);
}
Value m_hypot(Interp&, const Value&, CallArgs& a) {
  double s = 0;
  for (size_t i = 0; i < a.pos.size(); ++i) s = std::hypot(s, arg(a, i));
  return Value::real(s);
}
Value m_atan2(Interp&, const Value&, CallArgs& a) {
  check_args("atan2", a, 2, 2);
  return Value::real(std::atan2(arg(a, 0), arg(a, 1)));
}
Value m_gcd(Interp&, const Value&, CallArgs& a) {
  Mpz g;
  for (const Value& v : a.pos) {
    if (!is_integer(v)) type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
    mpz_gcd(g.z, g.z, Mpz(v).z);
  }
  return int_value(g.z);
}
Value m_isclose(Interp&, const Value&, CallArgs& a) {
  check_args("isclose", a, 2, 2, true);
  double x = arg(a, 0), y = arg(a, 1);
  double rel = 1e-9, abs_tol = 0;
  if (const Value* r = kwarg(a, "rel_tol")) rel = to_float(*r, "rel_tol");
  if (const Value* t = kwarg(a, "abs_tol")) abs_tol = to_float(*t, "abs_tol");
  if (x == y) return Value::boolean(true);
  if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
  double d = std::fabs(y - x);
  return Value::boolean(d <= std::fabs(rel * y) || d <= std::fabs(rel * x) || d <= abs_tol);
}
Value m_isnan(Interp&, const Value&, CallArgs& a) {
  check_args("isnan", a, 1, 1);
  return Value::boolean(std::isnan(arg(a, 0)));
}
Value m_isinf(Interp&, const Value&, CallArgs& a) {
  check_args("isinf", a, 1, 1);
  return Value::boolean(std::isinf(arg(a, 0)));
}
Value m_factorial(Interp&, const Value&, CallArgs& a) {
  check_args("factorial", a, 1, 1);
  if (a.pos[0].is_float()) type_error("'float' object cannot be interpreted as an integer");
  int64_t n = to_int(a.pos[0], "factorial() argument");
  if (n < 0) value_error("factorial() not defined for negative values");
  Mpz r;
  mpz_fac_ui(r.z, static_cast<unsigned long>(n));
  return int_value(r.z);
}

}  // namespace

Ref<ModuleObj> make_math_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("math");
  add_function(*m, "sqrt", m_sqrt);
  add_function(*m, "exp", m_exp);
  add_function(*m, "sin", m_sin);
  add_function(*m, "cos", m_cos);
  add_function(*m, "tan", m_tan);
  add_function(*m, "atan", m_atan);
  add_function(*m, "atan2", m_atan2);
  add_function(*m, "fabs", m_fabs);
  add_function(*m, "log", m_log);
  add_function(*m, "log2", m_log2);
  add_function(*m, "log10", m_log10);
  add_function(*m, "floor", m_floor);
  add_function(*m, "ceil", m_ceil);
  add_function(*m, "trunc", m_trunc);
  add_function(*m, "pow", m_pow);
  add_function(*m, "hypot", m_hypot);
  add_function(*m, "gcd", m_gcd);
  add_function(*m, "isclose", m_isclose);
  add_function(*m, "isnan", m_isnan);
  add_function(*m, "isinf", m_isinf);
  add_function(*m, "factorial", m_factorial);
  add_math_more(*m);
  m->globals["pi"] = Value::real(M_PI);
  m->globals["e"] = Value::real(M_E);
  m->globals["tau"] = Value::real(2 * M_PI);
  m->globals["inf"] = Value::real(INFINITY);
  m->globals["nan"] = Value::real(NAN);
  return m;
}

}  // namespace loopscope::script
