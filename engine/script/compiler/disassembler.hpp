#pragma once
// A readable listing of bytecode: offset, line, opcode, operand and what
// the operand refers to. Nested functions follow their parent.

#include <string>

#include "engine/script/compiler/chunk.hpp"

namespace loopscope::script {

std::string disassemble_code(const CodeObj& code);

}  // namespace loopscope::script
