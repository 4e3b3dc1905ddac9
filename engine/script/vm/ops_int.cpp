// Int arithmetic past 64 bits, on GMP (engine/object/bigint.hpp).

#include <cmath>

#include "engine/script/runtime/ints.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {

// The largest result a shift or a power may have (CPython would exhaust
// memory long before); past it, OverflowError.
constexpr size_t kMaxBits = size_t{1} << 28;

bool fits_ulong(mpz_srcptr z) { return mpz_fits_ulong_p(z) != 0; }

Value floor_div_mod(BinOp op, mpz_srcptr x, mpz_srcptr y) {
  if (mpz_sgn(y) == 0) {
    raise(Exc::ZeroDivisionError, op == BinOp::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
  }
  Mpz r;
  if (op == BinOp::Mod) {
    mpz_fdiv_r(r.z, x, y);
  } else {
    mpz_fdiv_q(r.z, x, y);
  }
  return int_value(r.z);
}

Value int_power(const Value& a, const Value& b, mpz_srcptr x, mpz_srcptr y) {
  if (mpz_sgn(y) < 0) {
    if (mpz_sgn(x) == 0) raise(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    double base = int_to_float(a), e = int_to_float(b);
    return Value::real(std::pow(base, e));
  }
  if (mpz_cmpabs_ui(x, 1) <= 0) {  // 0, 1, -1
    if (mpz_sgn(x) >= 0) return Value::integer(mpz_sgn(y) == 0 ? 1 : mpz_get_si(x));
    return Value::integer(mpz_odd_p(y) ? -1 : 1);
  }
  if (!fits_ulong(y) || mpz_sizeinbase(x, 2) * mpz_get_ui(y) > kMaxBits) raise(Exc::OverflowError, "too many digits in integer");
  Mpz r;
  mpz_pow_ui(r.z, x, mpz_get_ui(y));
  return int_value(r.z);
}

Value shift(BinOp op, mpz_srcptr x, mpz_srcptr y) {
  if (mpz_sgn(y) < 0) value_error("negative shift count");
  Mpz r;
  if (op == BinOp::RShift) {
    if (!fits_ulong(y)) return Value::integer(mpz_sgn(x) < 0 ? -1 : 0);
    mpz_fdiv_q_2exp(r.z, x, mpz_get_ui(y));
    return int_value(r.z);
  }
  if (mpz_sgn(x) == 0) return Value::integer(0);
  if (!fits_ulong(y) || mpz_get_ui(y) > kMaxBits) raise(Exc::OverflowError, "too many digits in integer");
  mpz_mul_2exp(r.z, x, mpz_get_ui(y));
  return int_value(r.z);
}

}  // namespace

Value int_binary(BinOp op, const Value& a, const Value& b) {
  Mpz x(a), y(b), r;
  switch (op) {
    case BinOp::Add: mpz_add(r.z, x.z, y.z); break;
    case BinOp::Sub: mpz_sub(r.z, x.z, y.z); break;
    case BinOp::Mul: mpz_mul(r.z, x.z, y.z); break;
    case BinOp::Div: {
      if (mpz_sgn(y.z) == 0) raise(Exc::ZeroDivisionError, "division by zero");
      double d = 0;
      if (!int_true_divide(x.z, y.z, d)) raise(Exc::OverflowError, "integer division result too large for a float");
      return Value::real(d);
    }
    case BinOp::FloorDiv: case BinOp::Mod: return floor_div_mod(op, x.z, y.z);
    case BinOp::Pow: return int_power(a, b, x.z, y.z);
    case BinOp::LShift: case BinOp::RShift: return shift(op, x.z, y.z);
    case BinOp::BitAnd: mpz_and(r.z, x.z, y.z); break;
    case BinOp::BitOr: mpz_ior(r.z, x.z, y.z); break;
    case BinOp::BitXor: mpz_xor(r.z, x.z, y.z); break;
  }
  return int_value(r.z);
}

Value int_unary(UnOp op, const Value& a) {
  Mpz x(a);
  switch (op) {
    case UnOp::Neg: mpz_neg(x.z, x.z); break;
    case UnOp::Invert: mpz_com(x.z, x.z); break;
    case UnOp::Pos: break;
    case UnOp::Not: return Value::boolean(mpz_sgn(x.z) == 0);
  }
  return int_value(x.z);
}

Value int_pow_mod(const Value& b, const Value& e, const Value& m) {
  Mpz base(b), exp(e), mod(m), r;
  if (mpz_sgn(mod.z) == 0) value_error("pow() 3rd argument cannot be 0");
  if (mpz_sgn(exp.z) < 0) {
    Mpz inv, amod;
    mpz_abs(amod.z, mod.z);
    if (!mpz_invert(inv.z, base.z, amod.z)) value_error("base is not invertible for the given modulus");
    mpz_set(base.z, inv.z);
    mpz_neg(exp.z, exp.z);
  }
  Mpz amod;
  mpz_abs(amod.z, mod.z);
  mpz_powm(r.z, base.z, exp.z, amod.z);  // in [0, |m|)
  if (mpz_sgn(mod.z) < 0 && mpz_sgn(r.z) != 0) mpz_add(r.z, r.z, mod.z);
  return int_value(r.z);
}

Value float_to_int(double d) {
  if (std::isinf(d)) raise(Exc::OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) value_error("cannot convert float NaN to integer");
  if (std::fabs(d) < 9.2e18) return Value::integer(static_cast<int64_t>(d));
  Mpz z;
  mpz_set_d(z.z, d);
  return int_value(z.z);
}

double int_to_float(const Value& i) {
  if (i.is_int()) return static_cast<double>(i.as_int());
  if (i.is_bool()) return i.as_bool() ? 1.0 : 0.0;
  double d = 0;
  if (!int_to_double(big_of(i), d)) raise(Exc::OverflowError, "int too large to convert to float");
  return d;
}

int compare_numbers(const Value& a, const Value& b) {
  if (a.is_float() && b.is_float()) {
    double x = a.as_float(), y = b.as_float();
    return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
  }
  if (a.is_float() || b.is_float()) {
    double d = a.is_float() ? a.as_float() : b.as_float();
    if (std::isnan(d)) return 2;
    const Value& i = a.is_float() ? b : a;
    int64_t small = i.is_int() ? i.as_int() : (i.is_bool() && i.as_bool() ? 1 : 0);
    if (!is_bigint(i) && small >= -(int64_t{1} << 53) && small <= (int64_t{1} << 53)) {  // exact as a double
      double x = a.is_float() ? d : int_to_float(a), y = a.is_float() ? int_to_float(b) : d;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    int c = compare_int_double(Mpz(a.is_float() ? b : a).z, d);
    return a.is_float() ? -c : c;
  }
  int c = mpz_cmp(Mpz(a).z, Mpz(b).z);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace loopscope::script
