#pragma once
// UTF-8 helpers: Python strings count code points, the engine stores bytes.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::script {

bool is_ascii(std::string_view s);
size_t utf8_length(std::string_view s);
// Byte offsets of each code point start, plus s.size() at the end.
std::vector<size_t> utf8_offsets(std::string_view s);
// The code point at index i (0-based, in code points) as a string.
std::string utf8_at(std::string_view s, size_t i);
// The code points of a UTF-8 string, and one code point appended as UTF-8.
std::vector<uint32_t> utf8_code_points(std::string_view s);
void utf8_append(std::string& out, uint32_t cp);

}  // namespace loopscope::script
