#pragma once
// Integers beyond 64 bits. An int is an unboxed 64-bit Value while it fits;
// an arithmetic result that does not fit becomes a BigIntObj (GMP's mpz),
// and every result that fits again is unboxed (int_value), so equality,
// hashing and identity never depend on how a number is stored.

#include <gmp.h>

#include <cstdint>
#include <string>

#include "engine/object/value.hpp"

namespace loopscope {

class BigIntObj final : public Object {
 public:
  BigIntObj() : Object(ObjKind::BigInt) { mpz_init(z); }
  ~BigIntObj() override { mpz_clear(z); }
  BigIntObj(const BigIntObj&) = delete;
  BigIntObj& operator=(const BigIntObj&) = delete;
  std::string type_name() const override { return "int"; }
  // The decimal digits; past 4300 of them, CPython's ValueError.
  std::string repr() const override;
  mpz_t z;
};

// An owned mpz for computing (RAII).
struct Mpz {
  Mpz() { mpz_init(z); }
  explicit Mpz(int64_t i) { mpz_init_set_si(z, i); }
  // The value of an int, a bool or a BigIntObj.
  explicit Mpz(const Value& v);
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_t z;
};

inline bool is_bigint(const Value& v) { return v.is(ObjKind::BigInt); }
// int, bool or a big int: what Python's int operations accept.
inline bool is_integer(const Value& v) { return v.is_int() || v.is_bool() || v.is(ObjKind::BigInt); }
inline mpz_srcptr big_of(const Value& v) { return v.as<BigIntObj>()->z; }

// The int z is: unboxed when it fits 64 bits.
Value int_value(mpz_srcptr z);

// float(z), correctly rounded (half to even) as CPython's; false when it
// does not fit a double.
bool int_to_double(mpz_srcptr z, double& out);
// a / b for ints (b != 0), correctly rounded; false when too large.
bool int_true_divide(mpz_srcptr a, mpz_srcptr b, double& out);
// CPython's hash of an int: modulo 2**61-1, keeping the sign; -1 is -2.
uint64_t hash_bigint(mpz_srcptr z);
// Compares the int z with the double d exactly (d not NaN): -1, 0, 1.
int compare_int_double(mpz_srcptr z, double d);
// The digits of z in decimal, with CPython 3.11's 4300-digit limit.
std::string int_decimal(mpz_srcptr z);
inline constexpr size_t kMaxStrDigits = 4300;

}  // namespace loopscope
