// The textwrap module: wrap, fill, shorten (TextWrapper's chunking and
// line-filling rules, lengths in code points), dedent and indent.

#include <algorithm>
#include <cstring>

#include "engine/script/runtime/text.hpp"
#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

using Text = std::u32string;

Text decode(const std::string& s) {
  Text out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = len == 1 ? c : c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += len;
  }
  return out;
}

std::string encode(const Text& t) {
  std::string out;
  for (char32_t cp : t) utf8_append(out, static_cast<uint32_t>(cp));
  return out;
}

bool ws(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\x0b' || c == '\x0c' || c == '\r'; }
// [^\d\W] and \w, for ASCII; other code points count as letters.
bool letter(char32_t c) { return c >= 0x80 || std::isalpha(static_cast<int>(c)) || c == '_'; }
bool wordch(char32_t c) { return letter(c) || (c < 0x80 && std::isdigit(static_cast<int>(c))); }
bool word_punct(char32_t c) { return wordch(c) || (c < 0x80 && std::strchr("!\"'&.,?", static_cast<int>(c)) && c); }
bool blank(const Text& t) {
  for (char32_t c : t)
    if (!ws(c)) return false;
  return true;
}

struct Wrapper {
  int64_t width = 70;
  Text initial_indent, subsequent_indent, placeholder = U" [...]";
  bool expand_tabs = true, replace_whitespace = true, drop_whitespace = true;
  bool break_long_words = true, break_on_hyphens = true;
  int64_t tabsize = 8, max_lines = -1;

  Text munge(const Text& text) const;
  std::vector<Text> chunks(const Text& text) const;
  void long_word(std::vector<Text>& rev, std::vector<Text>& line, int64_t cur_len, int64_t w) const;
  std::vector<Text> wrap(const Text& text) const;
};

Text Wrapper::munge(const Text& text) const {
  Text out;
  int64_t col = 0;
  for (char32_t c : text) {
    if (c == '\t' && expand_tabs) {
      int64_t n = tabsize > 0 ? tabsize - col % tabsize : 0;
      out.append(static_cast<size_t>(n), U' ');
      col += n;
      continue;
    }
    col = (c == '\n' || c == '\r') ? 0 : col + 1;
    out += (replace_whitespace && ws(c)) ? U' ' : c;
  }
  return out;
}

// TextWrapper.wordsep_re: whitespace runs; words, split after a hyphen
// between letters; em-dashes ("--" between words) on their own.
std::vector<Text> Wrapper::chunks(const Text& t) const {
  std::vector<Text> out;
  size_t i = 0, n = t.size();
  auto at = [&](size_t k) -> char32_t { return k < n ? t[k] : 0; };
  auto dashes_then_word = [&](size_t k) {
    size_t d = k;
    while (at(d) == '-') ++d;
    return d - k >= 2 && wordch(at(d));
  };
  while (i < n) {
    size_t start = i;
    if (ws(t[i])) {
      while (i < n && ws(t[i])) ++i;
    } else if (break_on_hyphens && i > 0 && word_punct(t[i - 1]) && dashes_then_word(i)) {
      while (at(i) == '-') ++i;
    } else {
      for (++i; i < n && !ws(t[i]); ++i) {
        if (!break_on_hyphens) continue;
        if (word_punct(t[i - 1]) && dashes_then_word(i)) break;
        if (t[i - 1] != '-' || i < 2) continue;
        size_t h = i - 1;  // the hyphen
        bool before = (h >= 2 && letter(t[h - 1]) && letter(t[h - 2])) ||
                      (h >= 3 && letter(t[h - 1]) && t[h - 2] == '-' && letter(t[h - 3]));
        bool after = letter(at(i)) && (letter(at(i + 1)) || (at(i + 1) == '-' && letter(at(i + 2))));
        if (before && after && h > start) break;
      }
    }
    out.push_back(t.substr(start, i - start));
  }
  return out;
}

void Wrapper::long_word(std::vector<Text>& rev, std::vector<Text>& line, int64_t cur_len, int64_t w) const {
  int64_t space_left = w < 1 ? 1 : w - cur_len;
  Text& chunk = rev.back();
  if (break_long_words) {
    size_t end = static_cast<size_t>(space_left);
    if (break_on_hyphens && chunk.size() > end) {
      size_t hyphen = chunk.rfind(U'-', end == 0 ? 0 : end - 1);
      if (hyphen != Text::npos && hyphen >= end) hyphen = Text::npos;
      if (hyphen != Text::npos && hyphen > 0 && chunk.find_first_not_of(U'-') < hyphen) end = hyphen + 1;
    }
    line.push_back(chunk.substr(0, end));
    chunk = chunk.substr(std::min(end, chunk.size()));
  } else if (line.empty()) {
    line.push_back(chunk);
    rev.pop_back();
  }
}

std::vector<Text> Wrapper::wrap(const Text& text) const {
  std::vector<Text> lines, rev = chunks(munge(text));
  std::reverse(rev.begin(), rev.end());
  auto total = [](const std::vector<Text>& v) { int64_t s = 0; for (const Text& t : v) s += static_cast<int64_t>(t.size()); return s; };
  while (!rev.empty()) {
    std::vector<Text> line;
    int64_t cur = 0;
    const Text& indent = lines.empty() ? initial_indent : subsequent_indent;
    int64_t w = width - static_cast<int64_t>(indent.size());
    if (drop_whitespace && blank(rev.back()) && !lines.empty()) rev.pop_back();
    while (!rev.empty() && cur + static_cast<int64_t>(rev.back().size()) <= w) {
      cur += static_cast<int64_t>(rev.back().size());
      line.push_back(rev.back());
      rev.pop_back();
    }
    if (!rev.empty() && static_cast<int64_t>(rev.back().size()) > w) {
      long_word(rev, line, cur, w);
      cur = total(line);
    }
    if (drop_whitespace && !line.empty() && blank(line.back())) {
      cur -= static_cast<int64_t>(line.back().size());
      line.pop_back();
    }
    if (line.empty()) continue;
    bool rest_blank = rev.empty() || (drop_whitespace && rev.size() == 1 && blank(rev[0]));
    if (max_lines < 0 || static_cast<int64_t>(lines.size()) + 1 < max_lines || (rest_blank && cur <= w)) {
      Text l = indent;
      for (const Text& c : line) l += c;
      lines.push_back(l);
      continue;
    }
    while (!line.empty()) {
      if (!blank(line.back()) && cur + static_cast<int64_t>(placeholder.size()) <= w) {
        Text l = indent;
        for (const Text& c : line) l += c;
        lines.push_back(l + placeholder);
        return lines;
      }
      cur -= static_cast<int64_t>(line.back().size());
      line.pop_back();
    }
    if (!lines.empty()) {
      Text prev = lines.back();
      while (!prev.empty() && ws(prev.back())) prev.pop_back();
      if (static_cast<int64_t>(prev.size() + placeholder.size()) <= width) {
        lines.back() = prev + placeholder;
        return lines;
      }
    }
    size_t lead = placeholder.find_first_not_of(U" \t\n\r\x0b\x0c");
    lines.push_back(indent + (lead == Text::npos ? Text() : placeholder.substr(lead)));
    return lines;
  }
  return lines;
}

// max_lines: shorten() forces 1.
Wrapper configure(Interp& in, const CallArgs& a, size_t width_pos, int64_t max_lines = -1) {
  Wrapper w;
  w.width = to_int(arg_or(a, width_pos, "width", Value::integer(70)), "width");
  auto text = [&](const char* k, Text& dst) { if (const Value* v = kwarg(a, k)) dst = decode(as_str(*v, k)); };
  auto flag = [&](const char* k, bool& dst) { if (const Value* v = kwarg(a, k)) dst = in.truthy(*v); };
  text("initial_indent", w.initial_indent);
  text("subsequent_indent", w.subsequent_indent);
  text("placeholder", w.placeholder);
  flag("expand_tabs", w.expand_tabs);
  flag("replace_whitespace", w.replace_whitespace);
  flag("drop_whitespace", w.drop_whitespace);
  flag("break_long_words", w.break_long_words);
  flag("break_on_hyphens", w.break_on_hyphens);
  if (const Value* v = kwarg(a, "tabsize")) w.tabsize = to_int(*v, "tabsize");
  if (const Value* v = kwarg(a, "max_lines")) w.max_lines = v->is_none() ? -1 : to_int(*v, "max_lines");
  if (max_lines >= 0) w.max_lines = max_lines;
  if (w.width <= 0) value_error("invalid width " + std::to_string(w.width) + " (must be > 0)");
  if (w.max_lines >= 0) {
    const Text& indent = w.max_lines > 1 ? w.subsequent_indent : w.initial_indent;
    size_t lead = w.placeholder.find_first_not_of(U" \t\n\r\x0b\x0c");
    size_t ph = lead == Text::npos ? 0 : w.placeholder.size() - lead;
    if (static_cast<int64_t>(indent.size() + ph) > w.width) value_error("placeholder too large for max width");
  }
  return w;
}

const char* const kWrapKeywords[] = {"width", "initial_indent", "subsequent_indent", "expand_tabs", "replace_whitespace",
                                     "fix_sentence_endings", "break_long_words", "drop_whitespace", "break_on_hyphens",
                                     "tabsize", "max_lines", "placeholder"};

void check_wrap_args(const char* name, const CallArgs& a) {
  for (const auto& [k, v] : a.kw) {
    bool ok = k == "text";
    for (const char* n : kWrapKeywords) ok |= k == n;
    if (!ok) type_error("TextWrapper.__init__() got an unexpected keyword argument '" + k + "'");
  }
  if (a.pos.empty() && !kwarg(a, "text")) type_error(std::string(name) + "() missing 1 required positional argument: 'text'");
  if (a.pos.size() > 2) type_error(std::string(name) + "() takes from 1 to 2 positional arguments but " + std::to_string(a.pos.size()) + " were given");
}

Value lines_value(const std::vector<Text>& lines) {
  std::vector<Value> out;
  for (const Text& l : lines) out.push_back(str_value(encode(l)));
  return Value::object(make<ListObj>(std::move(out)));
}

std::string joined(const std::vector<Text>& lines) {
  std::string s;
  for (size_t i = 0; i < lines.size(); ++i) s += (i ? "\n" : "") + encode(lines[i]);
  return s;
}

Value t_wrap(Interp& in, const Value&, CallArgs& a) {
  check_wrap_args("wrap", a);
  Wrapper w = configure(in, a, 1);
  return lines_value(w.wrap(decode(as_str(arg_or(a, 0, "text", Value()), "text"))));
}

Value t_fill(Interp& in, const Value&, CallArgs& a) {
  check_wrap_args("fill", a);
  Wrapper w = configure(in, a, 1);
  return str_value(joined(w.wrap(decode(as_str(arg_or(a, 0, "text", Value()), "text")))));
}

Value t_shorten(Interp& in, const Value&, CallArgs& a) {
  check_wrap_args("shorten", a);
  if (a.pos.size() < 2 && !kwarg(a, "width")) type_error("shorten() missing 1 required positional argument: 'width'");
  Wrapper w = configure(in, a, 1, 1);
  // ' '.join(text.split())
  Text words;
  for (char32_t c : decode(as_str(arg_or(a, 0, "text", Value()), "text"))) {
    if (!ws(c)) words += c;
    else if (!words.empty() && words.back() != U' ') words += U' ';
  }
  if (!words.empty() && words.back() == U' ') words.pop_back();
  return str_value(joined(w.wrap(words)));
}

std::vector<std::string> split_keepends(const std::string& s) {
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    else if (!(c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c' || c == '\x1c' || c == '\x1d' || c == '\x1e')) continue;
    out.push_back(s.substr(b, i + 1 - b));
    b = i + 1;
  }
  if (b < s.size()) out.push_back(s.substr(b));
  return out;
}

Value t_dedent(Interp&, const Value&, CallArgs& a) {
  check_args("dedent", a, 1, 1);
  if (!a.pos[0].is(ObjKind::Str)) type_error("expected string or bytes-like object, got '" + type_name(a.pos[0]) + "'");
  const std::string& text = a.pos[0].as<StrObj>()->value;
  std::vector<std::string> lines;  // split on '\n' only, keeping it
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    lines.push_back(text.substr(b, e == std::string::npos ? std::string::npos : e + 1 - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  std::string margin;
  bool have = false;
  for (std::string& l : lines) {
    size_t body = l.find_first_not_of(" \t");
    if (body == std::string::npos || l[body] == '\n') {  // whitespace-only: emptied
      l = body == std::string::npos ? "" : l.substr(body);
      continue;
    }
    std::string indent = l.substr(0, body);
    if (!have) margin = indent, have = true;
    else if (indent.compare(0, margin.size(), margin) == 0) {}
    else if (margin.compare(0, indent.size(), indent) == 0) margin = indent;
    else {
      size_t k = 0;
      while (k < margin.size() && k < indent.size() && margin[k] == indent[k]) ++k;
      margin.resize(k);
    }
  }
  std::string out;
  for (const std::string& l : lines) out += l.compare(0, margin.size(), margin) == 0 ? l.substr(margin.size()) : l;
  return str_value(out);
}

Value t_indent(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("indent", a, {"text", "prefix", "predicate"});
  require_positional("indent", a, {"text", "prefix"});
  const std::string& text = as_str(arg_or(a, 0, "text", Value()), "text");
  const std::string& prefix = as_str(arg_or(a, 1, "prefix", Value()), "prefix");
  Value pred = arg_or(a, 2, "predicate", Value());
  std::string out;
  for (const std::string& l : split_keepends(text)) {
    bool add = pred.is_none() ? l.find_first_not_of(" \t\n\r\x0b\x0c\x1c\x1d\x1e") != std::string::npos
                              : in.truthy(in.call(pred, {str_value(l)}));
    out += add ? prefix + l : l;
  }
  return str_value(out);
}

}  // namespace

Ref<ModuleObj> make_textwrap_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("textwrap");
  add_function(*m, "wrap", t_wrap);
  add_function(*m, "fill", t_fill);
  add_function(*m, "shorten", t_shorten);
  add_function(*m, "dedent", t_dedent);
  add_function(*m, "indent", t_indent);
  return m;
}

}  // namespace loopscope::script
