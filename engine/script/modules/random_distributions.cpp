#include "engine/script/modules/random_distributions.hpp"

#include <cmath>

namespace loopscope::script::random_dist {

namespace {

const double kTwoPi = 2.0 * M_PI;
const double kNvMagic = 4 * std::exp(-0.5) / std::sqrt(2.0);
const double kLog4 = std::log(4.0);
const double kSgMagic = 1.0 + std::log(4.5);

double real(const Value& v, const char* name) { return to_float(v, name); }

// Python's float %: the result takes the divisor's sign.
double py_mod(double x, double y) {
  double r = std::fmod(x, y);
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  if (r == 0) r = std::copysign(0.0, y);
  return r;
}

// Two optional float parameters (name1=d1, name2=d2).
std::pair<double, double> two(const char* fname, const CallArgs& a, const char* n1, double d1, const char* n2, double d2,
                              bool required) {
  allow_keywords(fname, a, {n1, n2});
  if (a.pos.size() > 2) type_error(std::string("Random.") + fname + "() takes from 1 to 3 positional arguments but " + std::to_string(a.pos.size() + 1) + " were given");
  if (required) {
    std::vector<std::string> missing;
    if (a.pos.size() < 1 && !kwarg(a, n1)) missing.push_back(n1);
    if (a.pos.size() < 2 && !kwarg(a, n2)) missing.push_back(n2);
    if (missing.size() == 1) type_error(std::string("Random.") + fname + "() missing 1 required positional argument: '" + missing[0] + "'");
    if (missing.size() == 2) type_error(std::string("Random.") + fname + "() missing 2 required positional arguments: '" + n1 + "' and '" + n2 + "'");
  }
  return {real(arg_or(a, 0, n1, Value::real(d1)), n1), real(arg_or(a, 1, n2, Value::real(d2)), n2)};
}

}  // namespace

Value choices(Interp& in, MersenneTwister& mt, CallArgs& a) {
  allow_keywords("choices", a, {"population", "weights", "cum_weights", "k"});
  require_positional("choices", a, {"population"});
  Value pop = arg_or(a, 0, "population", Value());
  Value weights = arg_or(a, 1, "weights", Value());
  Value cum = arg_or(a, 99, "cum_weights", Value());
  int64_t k = to_int(arg_or(a, 99, "k", Value::integer(1)), "k");
  int64_t n = in.len(pop);
  std::vector<Value> out;
  if (cum.is_none() && weights.is_none()) {
    for (int64_t i = 0; i < k; ++i)
      out.push_back(in.getitem(pop, Value::integer(static_cast<int64_t>(std::floor(mt.random() * static_cast<double>(n))))));
    return Value::object(make<ListObj>(std::move(out)));
  }
  if (!cum.is_none() && !weights.is_none()) type_error("Cannot specify both weights and cumulative weights");
  std::vector<Value> cw;
  if (cum.is_none()) {
    if (weights.is_int()) type_error("The number of choices must be a keyword argument: k=" + std::to_string(weights.as_int()));
    Value it = in.iter(weights), w, total = Value::integer(0);
    for (bool first = true; in.next(it, w); first = false) cw.push_back(total = first ? w : in.binary(BinOp::Add, total, w));
  } else {
    cw = in.to_vector(cum);
  }
  if (static_cast<int64_t>(cw.size()) != n) value_error("The number of weights does not match the population");
  double total = to_float(in.binary(BinOp::Add, cw.back(), Value::real(0.0)), "weights");
  if (total <= 0.0) value_error("Total of weights must be greater than zero");
  if (!std::isfinite(total)) value_error("Total of weights must be finite");
  for (int64_t i = 0; i < k; ++i) {
    Value x = Value::real(mt.random() * total);
    int64_t lo = 0, hi = n - 1;
    while (lo < hi) {
      int64_t mid = (lo + hi) / 2;
      if (in.less(x, cw[static_cast<size_t>(mid)])) hi = mid;
      else lo = mid + 1;
    }
    out.push_back(in.getitem(pop, Value::integer(lo)));
  }
  return Value::object(make<ListObj>(std::move(out)));
}

Value triangular(Interp&, MersenneTwister& mt, CallArgs& a) {
  allow_keywords("triangular", a, {"low", "high", "mode"});
  Value low_v = arg_or(a, 0, "low", Value::real(0.0));
  double low = real(low_v, "low"), high = real(arg_or(a, 1, "high", Value::real(1.0)), "high");
  Value mode = arg_or(a, 2, "mode", Value());
  double u = mt.random();
  if (!mode.is_none() && high == low) return low_v;  // CPython returns low itself
  double c = mode.is_none() ? 0.5 : (real(mode, "mode") - low) / (high - low);
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  return Value::real(low + (high - low) * std::sqrt(u * c));
}

static double normal(MersenneTwister& mt) {
  for (;;) {
    double u1 = mt.random(), u2 = 1.0 - mt.random();
    double z = kNvMagic * (u1 - 0.5) / u2;
    if (z * z / 4.0 <= -std::log(u2)) return z;
  }
}

Value normalvariate(Interp&, MersenneTwister& mt, CallArgs& a) {
  auto [mu, sigma] = two("normalvariate", a, "mu", 0.0, "sigma", 1.0, false);
  return Value::real(mu + normal(mt) * sigma);
}

Value lognormvariate(Interp&, MersenneTwister& mt, CallArgs& a) {
  auto [mu, sigma] = two("lognormvariate", a, "mu", 0.0, "sigma", 1.0, true);
  return Value::real(std::exp(mu + normal(mt) * sigma));
}

Value gauss(Interp&, MersenneTwister& mt, CallArgs& a) {
  auto [mu, sigma] = two("gauss", a, "mu", 0.0, "sigma", 1.0, false);
  double z;
  if (mt.gauss_next) {
    z = *mt.gauss_next;
    mt.gauss_next.reset();
  } else {
    double x2pi = mt.random() * kTwoPi;
    double g2rad = std::sqrt(-2.0 * std::log(1.0 - mt.random()));
    z = std::cos(x2pi) * g2rad;
    mt.gauss_next = std::sin(x2pi) * g2rad;
  }
  return Value::real(mu + z * sigma);
}

static double gamma(MersenneTwister& mt, double alpha, double beta) {
  if (alpha <= 0.0 || beta <= 0.0) value_error("gammavariate: alpha and beta must be > 0.0");
  if (alpha > 1.0) {
    double ainv = std::sqrt(2.0 * alpha - 1.0), bbb = alpha - kLog4, ccc = alpha + ainv;
    for (;;) {
      double u1 = mt.random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      double u2 = 1.0 - mt.random();
      double v = std::log(u1 / (1.0 - u1)) / ainv, x = alpha * std::exp(v);
      double z = u1 * u1 * u2, r = bbb + ccc * v - x;
      if (r + kSgMagic - 4.5 * z >= 0.0 || r >= std::log(z)) return x * beta;
    }
  }
  if (alpha == 1.0) return -std::log(1.0 - mt.random()) * beta;
  double x;
  for (;;) {
    double u = mt.random(), b = (M_E + alpha) / M_E, p = b * u;
    x = p <= 1.0 ? std::pow(p, 1.0 / alpha) : -std::log((b - p) / alpha);
    double u1 = mt.random();
    if (p > 1.0 ? u1 <= std::pow(x, alpha - 1.0) : u1 <= std::exp(-x)) break;
  }
  return x * beta;
}

Value gammavariate(Interp&, MersenneTwister& mt, CallArgs& a) {
  auto [alpha, beta] = two("gammavariate", a, "alpha", 0, "beta", 0, true);
  return Value::real(gamma(mt, alpha, beta));
}

Value betavariate(Interp&, MersenneTwister& mt, CallArgs& a) {
  auto [alpha, beta] = two("betavariate", a, "alpha", 0, "beta", 0, true);
  double y = gamma(mt, alpha, 1.0);
  return Value::real(y != 0 ? y / (y + gamma(mt, beta, 1.0)) : 0.0);
}

Value paretovariate(Interp&, MersenneTwister& mt, CallArgs& a) {
  check_args("paretovariate", a, 1, 1);
  double alpha = real(a.pos[0], "alpha");
  double u = 1.0 - mt.random();
  if (alpha == 0) raise(Exc::ZeroDivisionError, "float division by zero");
  return Value::real(std::pow(u, -1.0 / alpha));
}

Value weibullvariate(Interp&, MersenneTwister& mt, CallArgs& a) {
  auto [alpha, beta] = two("weibullvariate", a, "alpha", 0, "beta", 0, true);
  double u = 1.0 - mt.random();
  if (beta == 0) raise(Exc::ZeroDivisionError, "float division by zero");
  return Value::real(alpha * std::pow(-std::log(u), 1.0 / beta));
}

Value vonmisesvariate(Interp&, MersenneTwister& mt, CallArgs& a) {
  auto [mu, kappa] = two("vonmisesvariate", a, "mu", 0, "kappa", 0, true);
  if (kappa <= 1e-6) return Value::real(kTwoPi * mt.random());
  double s = 0.5 / kappa, r = s + std::sqrt(1.0 + s * s), z;
  for (;;) {
    double u1 = mt.random();
    z = std::cos(M_PI * u1);
    double d = z / (r + z), u2 = mt.random();
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d)) break;
  }
  double q = 1.0 / r, f = (q + z) / (1.0 + q * z);
  double u3 = mt.random();
  return Value::real(u3 > 0.5 ? py_mod(mu + std::acos(f), kTwoPi) : py_mod(mu - std::acos(f), kTwoPi));
}

}  // namespace loopscope::script::random_dist
