#pragma once
// random's distributions and choices(), each drawing from the generator
// it is given (the module's or a Random instance's), with CPython's
// formulas so a seed gives the same numbers.

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/mt19937.hpp"

namespace loopscope::script::random_dist {

Value choices(Interp& in, MersenneTwister& mt, CallArgs& a);
Value triangular(Interp& in, MersenneTwister& mt, CallArgs& a);
Value gauss(Interp& in, MersenneTwister& mt, CallArgs& a);
Value normalvariate(Interp& in, MersenneTwister& mt, CallArgs& a);
Value lognormvariate(Interp& in, MersenneTwister& mt, CallArgs& a);
Value gammavariate(Interp& in, MersenneTwister& mt, CallArgs& a);
Value betavariate(Interp& in, MersenneTwister& mt, CallArgs& a);
Value paretovariate(Interp& in, MersenneTwister& mt, CallArgs& a);
Value weibullvariate(Interp& in, MersenneTwister& mt, CallArgs& a);
Value vonmisesvariate(Interp& in, MersenneTwister& mt, CallArgs& a);

}  // namespace loopscope::script::random_dist
