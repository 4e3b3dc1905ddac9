#pragma once
// Python syntax colouring for the source view: each line split into spans
// of one kind. Triple-quoted strings carry over from line to line.

#include <cstdint>
#include <string>
#include <vector>

namespace loopscope::gui {

enum class SyntaxKind : uint8_t { Text, Keyword, Builtin, String, Number, Comment, Definition, Decorator };

struct SyntaxSpan {
  size_t begin = 0, end = 0;  // byte range in the line
  SyntaxKind kind = SyntaxKind::Text;
};

std::vector<std::vector<SyntaxSpan>> highlight_python(const std::vector<std::string>& lines);

}  // namespace loopscope::gui
