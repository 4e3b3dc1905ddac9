// Integers beyond 64 bits: the object, unboxing, conversion to float, hash.

#include "engine/object/bigint.hpp"

#include <cmath>

#include "engine/object/exception.hpp"

namespace loopscope {

Mpz::Mpz(const Value& v) {
  if (v.is(ObjKind::BigInt)) {
    mpz_init_set(z, v.as<BigIntObj>()->z);
  } else {
    mpz_init_set_si(z, v.is_int() ? v.as_int() : (v.is_bool() && v.as_bool() ? 1 : 0));
  }
}

std::string BigIntObj::repr() const { return int_decimal(z); }

Value int_value(mpz_srcptr z) {
  if (mpz_fits_slong_p(z)) return Value::integer(mpz_get_si(z));
  auto* b = new BigIntObj();
  mpz_set(b->z, z);
  return Value::object(b);
}

namespace {

// |z| >> shift with the bits shifted out folded into the lowest bit (a
// sticky bit), so the conversion to double rounds as the exact value would.
uint64_t top_bits(mpz_srcptr mag, size_t shift) {
  Mpz t;
  mpz_tdiv_q_2exp(t.z, mag, shift);
  uint64_t top = mpz_get_ui(t.z);
  if (mpz_scan1(mag, 0) < shift) top |= 1;
  return top;
}

}  // namespace

bool int_to_double(mpz_srcptr z, double& out) {
  if (mpz_fits_slong_p(z)) {
    out = static_cast<double>(mpz_get_si(z));
    return true;
  }
  size_t n = mpz_sizeinbase(z, 2);
  if (n > 1024) return false;
  Mpz mag;
  mpz_abs(mag.z, z);
  size_t shift = n - 55;
  double d = std::ldexp(static_cast<double>(top_bits(mag.z, shift)), static_cast<int>(shift));
  if (std::isinf(d)) return false;
  out = mpz_sgn(z) < 0 ? -d : d;
  return true;
}

bool int_true_divide(mpz_srcptr a, mpz_srcptr b, double& out) {
  bool neg = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
  if (mpz_sgn(a) == 0) {
    out = neg ? -0.0 : 0.0;
    return true;
  }
  long na = static_cast<long>(mpz_sizeinbase(a, 2)), nb = static_cast<long>(mpz_sizeinbase(b, 2));
  if (na - nb > 1025) return false;
  if (nb - na > 1200) {  // far below the smallest double
    out = neg ? -0.0 : 0.0;
    return true;
  }
  long shift = nb - na + 55;
  Mpz num, den, q, r;
  mpz_abs(num.z, a);
  mpz_abs(den.z, b);
  if (shift >= 0) {
    mpz_mul_2exp(num.z, num.z, static_cast<mp_bitcnt_t>(shift));
  } else {
    mpz_mul_2exp(den.z, den.z, static_cast<mp_bitcnt_t>(-shift));
  }
  mpz_tdiv_qr(q.z, r.z, num.z, den.z);
  uint64_t top = mpz_get_ui(q.z) | (mpz_sgn(r.z) != 0 ? 1 : 0);
  double d = std::ldexp(static_cast<double>(top), static_cast<int>(-shift));
  if (std::isinf(d)) return false;
  out = neg ? -d : d;
  return true;
}

uint64_t hash_bigint(mpz_srcptr z) {
  constexpr unsigned long kModulus = (1ul << 61) - 1;
  Mpz mag;
  mpz_abs(mag.z, z);
  auto m = static_cast<int64_t>(mpz_fdiv_ui(mag.z, kModulus));
  int64_t h = mpz_sgn(z) < 0 ? -m : m;
  if (h == -1) h = -2;
  return static_cast<uint64_t>(h);
}

int compare_int_double(mpz_srcptr z, double d) {
  int c = mpz_cmp_d(z, d);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::string int_decimal(mpz_srcptr z) {
  if (mpz_sizeinbase(z, 10) > kMaxStrDigits + 1) {
    throw PyError{make_exc(Exc::ValueError,
                           "Exceeds the limit (4300 digits) for integer string conversion; use "
                           "sys.set_int_max_str_digits() to increase the limit")};
  }
  std::string s(mpz_sizeinbase(z, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, z);
  s.resize(std::char_traits<char>::length(s.c_str()));
  if (s.size() - (s[0] == '-' ? 1 : 0) > kMaxStrDigits) {
    throw PyError{make_exc(Exc::ValueError,
                           "Exceeds the limit (4300 digits) for integer string conversion; use "
                           "sys.set_int_max_str_digits() to increase the limit")};
  }
  return s;
}

}  // namespace loopscope
