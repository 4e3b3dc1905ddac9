#pragma once
// `loopscope compare FILE.py`; the comparison itself lives in
// engine/scenario/cpython_compare.hpp, shared with the window.

#include "engine/scenario/cpython_compare.hpp"

namespace loopscope::cli {

using loopscope::Difference;
using loopscope::first_difference;

}  // namespace loopscope::cli
