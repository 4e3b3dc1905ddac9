#pragma once
// The re module on PCRE2: compiled patterns and match objects.
// Positions are code points, as Python counts them; PCRE2 works in UTF-8
// bytes, so each subject carries its offset table (empty for ASCII).

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <map>
#include <string>
#include <vector>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script::re {

// Python's flag values.
enum Flag : int64_t { kI = 2, kL = 4, kM = 8, kS = 16, kU = 32, kX = 64, kA = 256 };

class PatternObj final : public Object {
 public:
  PatternObj() : Object(ObjKind::Other) {}
  ~PatternObj() override;
  std::string type_name() const override { return "re.Pattern"; }
  std::string repr() const override;
  pcre2_code* code = nullptr;
  std::string pattern;
  int64_t flags = 0;
  int64_t groups = 0;
  std::map<std::string, int64_t> groupindex;  // name -> group number
  std::vector<std::string> group_names;        // index -> name ("" when unnamed)
  std::vector<int> close_rank;                 // per group: the order of its ')' in the pattern
};

// A subject string with its code point <-> byte maps.
struct Subject {
  std::string text;
  std::vector<size_t> offsets;  // byte offset of each code point, then size; empty when ASCII
  size_t length() const { return offsets.empty() ? text.size() : offsets.size() - 1; }
  size_t byte_at(size_t cp) const { return offsets.empty() ? cp : offsets[cp]; }
  size_t cp_at(size_t byte) const;
};

class MatchObj final : public Object {
 public:
  MatchObj() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "re.Match"; }
  std::string repr() const override;
  Ref<PatternObj> pattern;
  Value pattern_value;
  Value string;                 // the subject as given
  std::shared_ptr<Subject> subject;
  int64_t pos = 0, endpos = 0;
  std::vector<int64_t> spans;   // start, end per group (code points); -1 when unmatched
  int64_t lastindex = -1;       // -1: None
  std::string group_text(size_t g) const;
};

// One search from code point `pos` (byte-level options: anchored, notempty_atstart).
// Returns a match or null.
Ref<MatchObj> search_at(PatternObj& p, const Value& pattern_value, const Value& string,
                        const std::shared_ptr<Subject>& s, int64_t pos, int64_t endpos, uint32_t options);
std::shared_ptr<Subject> make_subject(const std::string& text);
// Expands a replacement template (`\1`, `\g<name>`, escapes) for a match.
std::string expand_template(Interp& in, const MatchObj& m, const std::string& tmpl);
// Raises re.error(msg).
[[noreturn]] void re_error(Interp& in, const std::string& msg);
// The group number named by a group() argument: an int or a group name.
size_t group_number(const MatchObj& m, const Value& g);
void install_match_methods();

}  // namespace loopscope::script::re

namespace loopscope::script::re {
Ref<PatternObj> compile_pattern(Interp& in, const std::string& pattern, int64_t flags);
}  // namespace loopscope::script::re
