#pragma once
// The names `import` accepts. The parser and the compiler refuse any other
// module by name; the interpreter builds a module from its entry on first
// import. No dependency on the VM, so the syntax stage can include it.

#include <string>

namespace loopscope::script {

bool is_supported_module(const std::string& name);
// "import of module 'x' is not supported (available: ...)"
std::string unsupported_module_message(const std::string& name);

}  // namespace loopscope::script
