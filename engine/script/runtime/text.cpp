#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<size_t> utf8_offsets(std::string_view s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(s.size());
  return out;
}

std::string utf8_at(std::string_view s, size_t i) {
  if (is_ascii(s)) return std::string(1, s[i]);
  std::vector<size_t> off = utf8_offsets(s);
  return std::string(s.substr(off[i], off[i + 1] - off[i]));
}

}  // namespace loopscope::script
