// The re module on PCRE2 (Debian's libpcre2-dev). Python's pattern syntax
// is translated where PCRE2's differs (\Z, \u, {,n}); the matching itself
// is PCRE2's. Differences that remain are listed in engine/script/README.md.

#include "engine/script/modules/re.hpp"

#include <algorithm>

#include "engine/script/modules/modules.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script::re {

PatternObj::~PatternObj() {
  if (code) pcre2_code_free(code);
}

std::string PatternObj::repr() const {
  static const std::pair<int64_t, const char*> names[] = {
      {kI, "re.IGNORECASE"}, {kL, "re.LOCALE"}, {kM, "re.MULTILINE"}, {kS, "re.DOTALL"}, {kX, "re.VERBOSE"}, {kA, "re.ASCII"}};
  std::string f;
  for (const auto& [bit, name] : names)
    if (flags & bit) f += (f.empty() ? "" : "|") + std::string(name);
  return "re.compile(" + str_repr(pattern) + (f.empty() ? "" : ", " + f) + ")";
}

[[noreturn]] void re_error(Interp& in, const std::string& msg) {
  Value cls = in.getattr(in.import_module("re"), "error");
  throw PyError{make<ExceptionObj>(Ref<ClassObj>(cls.as<ClassObj>()), std::vector<Value>{str_value(msg)})};
}

namespace {

// The first n code points of s.
std::string utf8_at_most(const std::string& s, size_t n) {
  size_t cp = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (cp == n) break;
      ++cp;
    }
  }
  return s.substr(0, i);
}

// ---- the pattern's structure, for error positions and lastindex ----

struct Structure {
  std::vector<size_t> unclosed;   // code point positions of '(' never closed
  int64_t stray_close = -1;       // first ')' without its '('
  int64_t open_class = -1;        // '[' never closed
  std::vector<int> close_rank;    // per group number (1-based; [0] unused)
};

Structure scan(const std::string& p) {
  Structure st;
  std::vector<std::pair<size_t, int>> stack;  // position, group number (0: not capturing)
  std::vector<int> order;                     // group numbers in closing order
  int groups = 0;
  size_t cp = 0;
  bool in_class = false;
  size_t class_start = 0;
  for (size_t i = 0; i < p.size(); ++i, ++cp) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if ((c & 0xC0) == 0x80) {
      --cp;
      continue;
    }
    if (c == '\\') {
      ++i;
      ++cp;
      continue;
    }
    if (in_class) {
      if (c == ']' && cp > class_start + 1 && !(cp == class_start + 2 && p[i - 1] == '^')) in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      class_start = cp;
    } else if (c == '(') {
      bool capturing = i + 1 >= p.size() || p[i + 1] != '?' || p.compare(i + 1, 3, "?P<") == 0;
      stack.push_back({cp, capturing ? ++groups : 0});
    } else if (c == ')') {
      if (stack.empty()) {
        if (st.stray_close < 0) st.stray_close = static_cast<int64_t>(cp);
        continue;
      }
      if (stack.back().second) order.push_back(stack.back().second);
      stack.pop_back();
    }
  }
  for (const auto& s : stack) st.unclosed.push_back(s.first);
  if (in_class) st.open_class = static_cast<int64_t>(class_start);
  st.close_rank.assign(static_cast<size_t>(groups) + 1, 0);
  for (size_t k = 0; k < order.size(); ++k) st.close_rank[static_cast<size_t>(order[k])] = static_cast<int>(k + 1);
  return st;
}

// ---- Python syntax to PCRE2 syntax ----

struct Translation {
  std::string text;
  std::vector<size_t> origin;  // per output byte: the code point of the pattern it came from
};

Translation translate(const std::string& p) {
  Translation t;
  size_t cp = 0;
  bool in_class = false;
  auto put = [&](const std::string& s, size_t at) {
    t.text += s;
    t.origin.insert(t.origin.end(), s.size(), at);
  };
  for (size_t i = 0; i < p.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    size_t at = cp;
    if ((c & 0xC0) != 0x80) ++cp;
    if (c == '\\' && i + 1 < p.size()) {
      char d = p[i + 1];
      size_t hex = d == 'u' ? 4 : d == 'U' ? 8 : 0;
      if (d == 'Z' && !in_class) {
        put("\\z", at);
      } else if (hex && i + 2 + hex <= p.size() &&
                 std::all_of(p.begin() + static_cast<long>(i) + 2, p.begin() + static_cast<long>(i + 2 + hex),
                             [](char h) { return std::isxdigit(static_cast<unsigned char>(h)) != 0; })) {
        put("\\x{" + p.substr(i + 2, hex) + "}", at);
        i += hex;
        cp += hex;
      } else {
        put(p.substr(i, 2), at);
      }
      ++i;
      ++cp;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      put("[", at);
      // A ']' (after an optional '^') right after '[' is a literal.
      if (i + 1 < p.size() && p[i + 1] == '^') put("^", cp), ++i, ++cp;
      if (i + 1 < p.size() && p[i + 1] == ']') put("\\]", cp), ++i, ++cp;
      continue;
    } else if (c == '{' && i + 1 < p.size() && p[i + 1] == ',' && i > 0) {
      put("{0", at);
      continue;
    }
    put(std::string(1, static_cast<char>(c)), at);
  }
  t.origin.push_back(cp);
  return t;
}

// The first backreference `\N` (outside sets) to a group the pattern lacks:
// its number and the position of its first digit, or {0, 0}.
std::pair<int, size_t> bad_backreference(const std::string& p, size_t groups) {
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' && i + 1 < p.size()) {
      if (!in_class && p[i + 1] >= '1' && p[i + 1] <= '9') {
        int n = p[i + 1] - '0';
        if (i + 2 < p.size() && std::isdigit(static_cast<unsigned char>(p[i + 2]))) n = n * 10 + (p[i + 2] - '0');
        if (static_cast<size_t>(n) > groups) return {n, utf8_length(std::string_view(p).substr(0, i + 1))};
      }
      ++i;
    } else if (p[i] == '[') {
      in_class = true;
    } else if (p[i] == ']') {
      in_class = false;
    }
  }
  return {0, 0};
}

[[noreturn]] void compile_error(Interp& in, int code, size_t offset, const std::string& pattern, const Translation& t,
                                const Structure& st) {
  size_t pos = t.origin[std::min(offset, t.origin.size() - 1)];
  std::string at = " at position ";
  switch (code) {
    case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS:
      if (!st.unclosed.empty()) re_error(in, "missing ), unterminated subpattern" + at + std::to_string(st.unclosed.back()));
      break;
    case PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS:
      if (st.stray_close >= 0) re_error(in, "unbalanced parenthesis" + at + std::to_string(st.stray_close));
      break;
    case PCRE2_ERROR_MISSING_SQUARE_BRACKET:
      if (st.open_class >= 0) re_error(in, "unterminated character set" + at + std::to_string(st.open_class));
      break;
    case PCRE2_ERROR_QUANTIFIER_INVALID:
      re_error(in, "nothing to repeat" + at + std::to_string(pos > 0 ? pos - 1 : 0));
    case PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER: {
      // CPython points at the first number, just after the '{'.
      std::string before = utf8_at_most(pattern, pos);
      size_t brace = before.rfind('{');
      re_error(in, "min repeat greater than max repeat" + at +
                       std::to_string(brace == std::string::npos ? pos : utf8_length(before.substr(0, brace)) + 1));
    }
    case PCRE2_ERROR_UNKNOWN_ESCAPE:
    case PCRE2_ERROR_ESCAPE_INVALID_IN_CLASS: {
      // The first backslash before a letter that is no escape of Python's.
      static const std::string known = "AbBdDsSwWZafnrtvxuUN";
      size_t cp = 0;
      for (size_t i = 0; i + 1 < pattern.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(pattern[i]);
        if ((c & 0xC0) == 0x80) continue;
        char d = pattern[i + 1];
        if (c == '\\' && std::isalpha(static_cast<unsigned char>(d)) && known.find(d) == std::string::npos)
          re_error(in, std::string("bad escape \\") + d + at + std::to_string(cp));
        if (c == '\\') ++i, ++cp;
        ++cp;
      }
      break;
    }
    case PCRE2_ERROR_BAD_SUBPATTERN_REFERENCE: {
      auto [n, where] = bad_backreference(pattern, st.close_rank.size() - 1);
      if (n) re_error(in, "invalid group reference " + std::to_string(n) + at + std::to_string(where));
      break;
    }
    case PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH:
      re_error(in, "look-behind requires fixed-width pattern");
    default: break;
  }
  PCRE2_UCHAR buf[256];
  pcre2_get_error_message(code, buf, sizeof buf);
  re_error(in, std::string(reinterpret_cast<const char*>(buf)) + at + std::to_string(pos));
}

void read_names(PatternObj& p) {
  p.group_names.assign(static_cast<size_t>(p.groups) + 1, "");
  uint32_t count = 0, entry = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(p.code, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(p.code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
  pcre2_pattern_info(p.code, PCRE2_INFO_NAMETABLE, &table);
  std::vector<std::pair<int64_t, std::string>> names;
  for (uint32_t k = 0; k < count; ++k) {
    PCRE2_SPTR e = table + k * entry;
    int64_t n = (e[0] << 8) | e[1];
    names.push_back({n, reinterpret_cast<const char*>(e + 2)});
  }
  std::sort(names.begin(), names.end());
  for (const auto& [n, name] : names) {
    p.groupindex[name] = n;
    p.group_names[static_cast<size_t>(n)] = name;
  }
}

}  // namespace

Ref<PatternObj> compile_pattern(Interp& in, const std::string& pattern, int64_t flags) {
  if ((flags & kA) && (flags & kU)) value_error("ASCII and UNICODE flags are incompatible");
  if (!(flags & kA)) flags |= kU;
  Translation t = translate(pattern);
  Structure st = scan(pattern);
  uint32_t opts = PCRE2_UTF | PCRE2_NO_UTF_CHECK;
  if (flags & kU) opts |= PCRE2_UCP;
  if (flags & kI) opts |= PCRE2_CASELESS;
  if (flags & kM) opts |= PCRE2_MULTILINE;
  if (flags & kS) opts |= PCRE2_DOTALL;
  if (flags & kX) opts |= PCRE2_EXTENDED;
  pcre2_compile_context* ctx = pcre2_compile_context_create(nullptr);
  pcre2_set_newline(ctx, PCRE2_NEWLINE_LF);
  int err = 0;
  PCRE2_SIZE off = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(t.text.data()), t.text.size(), opts, &err, &off, ctx);
  pcre2_compile_context_free(ctx);
  if (!code) compile_error(in, err, off, pattern, t, st);
  Ref<PatternObj> p = make<PatternObj>();
  p->code = code;
  p->pattern = pattern;
  p->flags = flags;
  uint32_t groups = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
  p->groups = groups;
  read_names(*p);
  p->close_rank = st.close_rank;
  p->close_rank.resize(static_cast<size_t>(p->groups) + 1, 0);
  return p;
}

}  // namespace loopscope::script::re
