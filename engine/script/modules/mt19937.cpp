#include "engine/script/modules/mt19937.hpp"

#include <algorithm>
#include <vector>

namespace loopscope::script {

namespace {
constexpr int M = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperMask = 0x80000000u;
constexpr uint32_t kLowerMask = 0x7fffffffu;
}  // namespace

void MersenneTwister::init_genrand(uint32_t s) {
  mt_[0] = s;
  for (int i = 1; i < N; ++i) {
    mt_[static_cast<size_t>(i)] =
        1812433253u * (mt_[static_cast<size_t>(i - 1)] ^ (mt_[static_cast<size_t>(i - 1)] >> 30)) + static_cast<uint32_t>(i);
  }
  index_ = N;
}

void MersenneTwister::init_by_array(const uint32_t* key, size_t len) {
  init_genrand(19650218u);
  size_t i = 1, j = 0;
  for (size_t k = std::max(static_cast<size_t>(N), len); k; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= N) {
      mt_[0] = mt_[N - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (size_t k = N - 1; k; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    ++i;
    if (i >= N) {
      mt_[0] = mt_[N - 1];
      i = 1;
    }
  }
  mt_[0] = 0x80000000u;
}

void MersenneTwister::seed(int64_t n) {
  gauss_next.reset();
  uint64_t m = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  std::vector<uint32_t> key;
  while (m) {
    key.push_back(static_cast<uint32_t>(m & 0xffffffffu));
    m >>= 32;
  }
  if (key.empty()) key.push_back(0);
  init_by_array(key.data(), key.size());
}

uint32_t MersenneTwister::next_u32() {
  static constexpr uint32_t mag01[2] = {0u, kMatrixA};
  if (index_ >= N) {
    int kk = 0;
    for (; kk < N - M; ++kk) {
      uint32_t y = (mt_[static_cast<size_t>(kk)] & kUpperMask) | (mt_[static_cast<size_t>(kk + 1)] & kLowerMask);
      mt_[static_cast<size_t>(kk)] = mt_[static_cast<size_t>(kk + M)] ^ (y >> 1) ^ mag01[y & 1u];
    }
    for (; kk < N - 1; ++kk) {
      uint32_t y = (mt_[static_cast<size_t>(kk)] & kUpperMask) | (mt_[static_cast<size_t>(kk + 1)] & kLowerMask);
      mt_[static_cast<size_t>(kk)] = mt_[static_cast<size_t>(kk + (M - N))] ^ (y >> 1) ^ mag01[y & 1u];
    }
    uint32_t y = (mt_[N - 1] & kUpperMask) | (mt_[0] & kLowerMask);
    mt_[N - 1] = mt_[M - 1] ^ (y >> 1) ^ mag01[y & 1u];
    index_ = 0;
  }
  uint32_t y = mt_[static_cast<size_t>(index_++)];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= (y >> 18);
  return y;
}

double MersenneTwister::random() {
  uint32_t a = next_u32() >> 5, b = next_u32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

uint64_t MersenneTwister::getrandbits(int k) {
  if (k <= 0) return 0;
  if (k <= 32) return next_u32() >> (32 - k);
  // Little-endian 32-bit words; the last one keeps only its top bits.
  uint64_t low = next_u32();
  uint64_t high = next_u32() >> (64 - k);
  return low | (high << 32);
}

uint64_t MersenneTwister::randbelow(uint64_t n) {
  if (n == 0) return 0;
  int k = 64 - __builtin_clzll(n);  // n.bit_length()
  uint64_t r = getrandbits(k);
  while (r >= n) r = getrandbits(k);
  return r;
}

}  // namespace loopscope::script
