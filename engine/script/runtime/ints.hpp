#pragma once
// Python's int beyond 64 bits: the operations on big ints (vm/ops_int.cpp).
// Small ints stay on the interpreter's unboxed fast path; these take over
// when a result overflows 64 bits or an operand is a BigIntObj.

#include "engine/object/bigint.hpp"
#include "engine/script/syntax/ast.hpp"

namespace loopscope::script {

// a op b for two ints of any size (bool included); results that fit are unboxed.
Value int_binary(BinOp op, const Value& a, const Value& b);
Value int_unary(UnOp op, const Value& a);
// pow(b, e, m) for ints of any size.
Value int_pow_mod(const Value& b, const Value& e, const Value& m);
// int(d) for a float: OverflowError/ValueError for inf and NaN, as CPython.
Value float_to_int(double d);
// float(i), with CPython's "int too large to convert to float".
double int_to_float(const Value& i);
// Compares two numbers (ints of any size, floats) exactly: -1, 0, 1; 2 when
// unordered (a NaN).
int compare_numbers(const Value& a, const Value& b);

}  // namespace loopscope::script
