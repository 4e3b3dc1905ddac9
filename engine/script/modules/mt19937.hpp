#pragma once
// CPython's random number generator: MT19937 with CPython's seeding
// (init_by_array over the seed's 32-bit words) and its derived methods,
// so `random.seed(n)` gives the same numbers here as there.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace loopscope::script {

class MersenneTwister {
 public:
  MersenneTwister() { seed(0); }
  // random.seed(n) for an integer n (its absolute value is used).
  void seed(int64_t n);
  uint32_t next_u32();
  // random.random(): 53-bit precision in [0, 1).
  double random();
  // random.getrandbits(k), k in [0, 64].
  uint64_t getrandbits(int k);
  // random._randbelow(n) for n > 0: uniform in [0, n).
  uint64_t randbelow(uint64_t n);

  static constexpr int N = 624;
  // gauss() makes values in pairs; the second waits here (cleared by seed).
  std::optional<double> gauss_next;

 private:
  void init_genrand(uint32_t s);
  void init_by_array(const uint32_t* key, size_t len);

  std::array<uint32_t, N> mt_{};
  int index_ = N + 1;
};

}  // namespace loopscope::script
