// itertools: product, permutations, combinations and
// combinations_with_replacement. Each reads its input whole at the first
// call (as CPython does) and yields tuples lazily, in CPython's order.

#include "engine/script/modules/itertools.hpp"

namespace loopscope::script::itertools {

namespace {

// r from an optional argument: None means n.
int64_t length_arg(const Value& v, int64_t n) {
  if (v.is_none()) return n;
  int64_t r = to_int(v, "r");
  if (r < 0) value_error("r must be non-negative");
  return r;
}

Value pick(const std::vector<Value>& pool, const std::vector<size_t>& idx, size_t r) {
  std::vector<Value> out;
  for (size_t i = 0; i < r; ++i) out.push_back(pool[idx[i]]);
  return tuple_of(std::move(out));
}

}  // namespace

Value product(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("product", a, {"repeat"});
  int64_t repeat = to_int(arg_or(a, 99, "repeat", Value::integer(1)), "repeat");
  if (repeat < 0) value_error("repeat argument cannot be negative");
  std::vector<std::vector<Value>> pools;
  for (const Value& v : a.pos) pools.push_back(in.to_vector(v));
  std::vector<std::vector<Value>> all;
  for (int64_t i = 0; i < repeat; ++i) all.insert(all.end(), pools.begin(), pools.end());
  std::vector<size_t> idx(all.size(), 0);
  bool first = true, done = false;
  for (const auto& p : all) done |= p.empty();
  return iterator("product", [all, idx, first, done](Interp&, Value& out) mutable {
    if (done) return false;
    if (!first) {
      size_t i = all.size();
      while (i > 0) {
        --i;
        if (++idx[i] < all[i].size()) break;
        idx[i] = 0;
        if (i == 0) { done = true; return false; }
      }
      if (all.empty()) { done = true; return false; }
    }
    first = false;
    std::vector<Value> t;
    for (size_t i = 0; i < all.size(); ++i) t.push_back(all[i][idx[i]]);
    return (out = tuple_of(std::move(t)), true);
  });
}

Value permutations(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("permutations", a, {"iterable", "r"});
  if (a.pos.size() > 2) type_error("permutations() takes at most 2 arguments (" + std::to_string(a.pos.size()) + " given)");
  require_positional("permutations", a, {"iterable"});
  std::vector<Value> pool = in.to_vector(arg_or(a, 0, "iterable", Value()));
  size_t n = pool.size();
  int64_t r = length_arg(arg_or(a, 1, "r", Value()), static_cast<int64_t>(n));
  std::vector<size_t> idx(n), cycles;
  for (size_t i = 0; i < n; ++i) idx[i] = i;
  size_t rr = static_cast<size_t>(r);
  for (size_t i = 0; i < rr && rr <= n; ++i) cycles.push_back(n - i);
  bool first = true, done = rr > n;
  return iterator("permutations", [pool, idx, cycles, rr, n, first, done](Interp&, Value& out) mutable {
    if (done) return false;
    if (!first) {
      size_t i = rr;
      for (;;) {
        if (i == 0) { done = true; return false; }
        --i;
        if (--cycles[i] == 0) {
          std::rotate(idx.begin() + static_cast<long>(i), idx.begin() + static_cast<long>(i) + 1, idx.end());
          cycles[i] = n - i;
        } else {
          std::swap(idx[i], idx[n - cycles[i]]);
          break;
        }
      }
    }
    first = false;
    return (out = pick(pool, idx, rr), true);
  });
}

// Shared by combinations (with_replacement false) and
// combinations_with_replacement.
Value combos(Interp& in, CallArgs& a, const char* name, bool replace) {
  allow_keywords(name, a, {"iterable", "r"});
  if (a.pos.size() > 2) type_error(std::string(name) + "() takes at most 2 arguments (" + std::to_string(a.pos.size()) + " given)");
  require_positional(name, a, {"iterable", "r"});
  std::vector<Value> pool = in.to_vector(arg_or(a, 0, "iterable", Value()));
  int64_t r = to_int(arg_or(a, 1, "r", Value()), "r");
  if (r < 0) value_error("r must be non-negative");
  size_t n = pool.size(), rr = static_cast<size_t>(r);
  std::vector<size_t> idx(rr);
  for (size_t i = 0; i < rr; ++i) idx[i] = replace ? 0 : i;
  bool first = true, done = replace ? (n == 0 && rr > 0) : rr > n;
  return iterator(name, [pool, idx, rr, n, first, done, replace](Interp&, Value& out) mutable {
    if (done) return false;
    if (!first) {
      size_t i = rr;
      for (;;) {
        if (i == 0) { done = true; return false; }
        --i;
        size_t limit = replace ? n - 1 : i + n - rr;
        if (idx[i] != limit) break;
      }
      ++idx[i];
      for (size_t j = i + 1; j < rr; ++j) idx[j] = replace ? idx[i] : idx[j - 1] + 1;
    }
    first = false;
    return (out = pick(pool, idx, rr), true);
  });
}

Value combinations(Interp& in, const Value&, CallArgs& a) { return combos(in, a, "combinations", false); }
Value combinations_with_replacement(Interp& in, const Value&, CallArgs& a) {
  return combos(in, a, "combinations_with_replacement", true);
}

}  // namespace loopscope::script::itertools
