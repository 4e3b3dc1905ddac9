// The string module: the character-class constants and capwords.

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

// capwords(s, sep=None): split, capitalize each word, join.
Value s_capwords(Interp& in, const Value&, CallArgs& a) {
  check_args("capwords", a, 1, 2, true);
  Value sep = arg_or(a, 1, "sep", Value());
  CallArgs split;
  if (!sep.is_none()) split.pos.push_back(sep);
  Value words = in.call(in.getattr(a.pos[0], "split"), split);
  std::vector<Value> caps;
  for (const Value& w : in.to_vector(words)) caps.push_back(in.call(in.getattr(w, "capitalize"), std::vector<Value>{}));
  Value joiner = sep.is_none() ? str_value(" ") : sep;
  return in.call(in.getattr(joiner, "join"), {Value::object(make<ListObj>(std::move(caps)))});
}

}  // namespace

Ref<ModuleObj> make_string_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("string");
  const std::string lower = "abcdefghijklmnopqrstuvwxyz", upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const std::string digits = "0123456789", punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", space = " \t\n\r\x0b\x0c";
  m->globals["ascii_lowercase"] = str_value(lower);
  m->globals["ascii_uppercase"] = str_value(upper);
  m->globals["ascii_letters"] = str_value(lower + upper);
  m->globals["digits"] = str_value(digits);
  m->globals["hexdigits"] = str_value("0123456789abcdefABCDEF");
  m->globals["octdigits"] = str_value("01234567");
  m->globals["punctuation"] = str_value(punct);
  m->globals["whitespace"] = str_value(space);
  m->globals["printable"] = str_value(digits + lower + upper + punct + space);
  add_function(*m, "capwords", s_capwords);
  return m;
}

}  // namespace loopscope::script
