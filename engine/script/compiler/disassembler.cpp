#include "engine/script/compiler/disassembler.hpp"

#include <cstdio>

namespace loopscope::script {

namespace {

bool uses_name(Op op) {
  switch (op) {
    case Op::LoadGlobal: case Op::StoreGlobal: case Op::DeleteGlobal: case Op::LoadName: case Op::StoreName:
    case Op::DeleteName: case Op::LoadAttr: case Op::LoadMethod: case Op::StoreAttr: case Op::DeleteAttr: case Op::Import:
    case Op::ImportFrom: case Op::BuildClass: case Op::BuildClassKw:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string disassemble_code(const CodeObj& code) {
  std::string out = "== " + code.qualname + " ==\n";
  const Chunk& c = code.chunk;
  int last_line = -1;
  std::vector<const CodeObj*> nested;
  for (size_t i = 0; i < c.code.size(); ++i) {
    const Instr& in = c.code[i];
    char buf[128];
    char line[16];
    if (c.lines[i] == last_line) std::snprintf(line, sizeof line, "   |");
    else std::snprintf(line, sizeof line, "%4d", c.lines[i]);
    last_line = c.lines[i];
    std::snprintf(buf, sizeof buf, "%04zu %s %-16s %u", i, line, op_name(in.op), in.arg);
    out += buf;
    if (in.op == Op::Const && in.arg < c.consts.size()) {
      const Value& v = c.consts[in.arg];
      if (v.is(ObjKind::Other) && v.obj()->type_name() == "code") {
        const auto* nc = v.as<CodeObj>();
        nested.push_back(nc);
        out += "  <code " + nc->qualname + ">";
      } else {
        out += "  " + repr(v);
      }
    } else if (uses_name(in.op) && in.arg < c.names.size()) {
      out += "  " + c.names[in.arg];
    } else if ((in.op == Op::LoadFast || in.op == Op::StoreFast || in.op == Op::DeleteFast) && in.arg < code.varnames.size()) {
      out += "  " + code.varnames[in.arg];
    }
    out += "\n";
  }
  for (const CodeObj* nc : nested) out += "\n" + disassemble_code(*nc);
  return out;
}

}  // namespace loopscope::script
