// Modules (or parts of modules) written in the script language itself:
// their source is compiled into the binary and run, once per run, in the
// module's own namespace.

#include "engine/script/modules/pysource.hpp"

#include "engine/script/script.hpp"

namespace loopscope::script {

void run_source_in_module(Interp& in, const Ref<ModuleObj>& m, const std::string& file, const std::string& source) {
  CompileResult c = compile_source(file, source);
  if (!c.ok) raise(Exc::RuntimeError, "built-in module source does not compile: " + c.formatted());
  m->globals["__name__"] = str_value(m->name);
  Frame f;
  f.code = c.program->code;
  f.module = m.get();
  StepResult r = in.execute(f, Value(), nullptr);
  if (r.kind == StepResult::Kind::Raise) throw PyError{r.exc};
}

}  // namespace loopscope::script
