# re on PCRE2: functions, Pattern and Match objects, flags, templates, errors.
import re

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m)
print(m.group(0), m.group(1), m.group(2), m.group(1, 2), m[1], m[2], m.groups())
print(m.span(), m.start(2), m.end(2), m.span(1), m.lastindex, m.lastgroup, m.pos, m.endpos, bool(m))
print(m.string, m.re)
print(re.search(r"\d+", "abc 123 def 45"), re.search(r"\d+", "none"), re.match(r"\d", "a1"))
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
n = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Malcolm Reynolds")
print(n.groupdict(), n["first"], n.group("last"), n.lastgroup, n.lastindex)
print(re.findall(r"\d+", "a1 b22 c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"(\w)=", "x=1 y=2"))
print(re.findall(r"(a)|(b)", "ab"), re.findall(r"x*", "axb"))
print([m.span() for m in re.finditer(r"\w+", "hello big world")])
print(re.sub(r"\d", "#", "a1b22"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@site bob@web"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"), re.sub(r"(\w)", r"\g<1>\g<1>", "ab", count=1))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
print(re.subn(r"o", "0", "foo boo"), re.sub("x*", "-", "abxd"), re.sub(r"a|(b)", r"[\1]", "ab"))
print(re.sub(r"\s+", " ", "a \t b\n\nc"), re.sub("a", r"\n", "bab") == "b\nb", re.sub("", "-", "abc"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."), re.split(r"\W+", "a, b, c", maxsplit=1))
print(re.split(r"[,;]", "a,b;c"), re.split(r"(,)|(;)", "a,b;c"), re.split(r"\b", "hi there"), re.split("x*", "axbc"))
print(re.escape("a.b*c?d (e) [f] {g} h-i $^ 1_2"), re.escape("tab\there"))
p = re.compile(r"(?P<key>\w+)=(?P<val>\d+)", re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(p.findall("a=1 B=22"), p.search("zz k=9").groupdict(), p.match("x=1", 1), p.search("abc=12", 2))
print(p.match("k=1 ", 0, 3), p.fullmatch("k=12", endpos=3), p.sub(r"\g<val>=\g<key>", "a=1 b=2"), p.split("a=1,b=2"))
print(re.findall(r"^\w", "one\ntwo\nthree", re.M), re.findall(r"^\w", "one\ntwo"), re.findall(r"a.b", "a\nb acb", re.S))
print(re.findall(r"HELLO", "hello Hello", re.IGNORECASE), re.search(r"""
    (\d{3})  # area
    -(\d{4})  # number
""", "call 555-1234 now", re.VERBOSE).groups())
print(re.findall(r"\d", "1٢3"), re.findall(r"\d", "1٢3", re.ASCII), re.findall(r"\w+", "héllo wörld"))
print(re.search(r"x$", "x\n"), re.search(r"x\Z", "x\n"), re.search(r"x\Z", "ax").span(), re.search(r"^b", "ab"))
print(re.compile(r"a+", re.I | re.M), re.compile("x", re.A), re.compile("x").flags, re.compile("x", re.A).flags)
print(re.match(r"(a)(b)?", "a").groups(), re.match(r"(a)(b)?", "a").groups("-"), re.match(r"(a)(b)?", "a").group(2))
print(re.match(r"(a)(b)?", "ac").span(2), re.match(r"((a)b)", "ab").lastindex, re.match(r"(a)(b*)", "a").lastindex)
print(re.match(r"(\w+)@(\w+)\.com", "me@host.com").expand(r"user=\1 host=\2"), re.search("é+", "caféé!").span())
print(re.findall(r"(?P<d>\d)(?P=d)", "112233 45"), re.sub(r"(\d{,2})", r"<\1>", "12345"), re.findall(r"a{,2}", "aaa"))
print(re.match(r"\u00e9", "é"), re.search(r"[^]x]+", "]]abc").group(), re.findall("[]a]", "a]b"))
show(re.compile, "(ab")
show(re.compile, "ab)")
show(re.compile, "*a")
show(re.compile, "a[bc")
show(re.compile, r"\q")
show(re.compile, "a{3,1}")
show(re.compile, r"\2(a)")
show(re.sub, "(a)", r"\2", "a")
show(re.sub, "(a)", r"\g<x>", "a")
show(re.sub, "a", lambda m: 1, "a")
show(re.search, 1, "a")
show(re.search, "a", 1)
show(re.compile, re.compile("a"), re.I)
show(lambda: re.match("(a)", "a").group(2))
show(lambda: re.match("(a)", "a")["x"])
try:
    re.compile("(")
except re.error as e:
    print("caught", type(e).__name__, isinstance(e, Exception))
# expect: <re.Match object; span=(0, 12), match='Isaac Newton'>
# expect: Isaac Newton Isaac Newton ('Isaac', 'Newton') Isaac Newton ('Isaac', 'Newton')
# expect: (0, 12) 6 12 (0, 5) 2 None 0 23 True
# expect: Isaac Newton, physicist re.compile('(\\w+) (\\w+)')
# expect: <re.Match object; span=(4, 7), match='123'> None None
# expect: <re.Match object; span=(0, 3), match='123'> None
# expect: {'first': 'Malcolm', 'last': 'Reynolds'} Malcolm Reynolds last 2
# expect: ['1', '22', '333'] [('a', '1'), ('b', '2')] ['x', 'y']
# expect: [('a', ''), ('', 'b')] ['', 'x', '', '']
# expect: [(0, 5), (6, 9), (10, 15)]
# expect: a#b## site at joe web at bob
# expect: <a> <bc> aab
# expect: 6 apples and 24 pears
# expect: ('f00 b00', 4) -a-b--d- [][b]
# expect: a b c True -a-b-c-
# expect: ['Words', 'words', 'words', ''] ['Words', ', ', 'words', '.', ''] ['a', 'b, c']
# expect: ['a', 'b', 'c'] ['a', ',', None, 'b', None, ';', 'c'] ['', 'hi', ' ', 'there', ''] ['', 'a', '', 'b', 'c', '']
# expect: a\.b\*c\?d\ \(e\)\ \[f\]\ \{g\}\ h\-i\ \$\^\ 1_2 tab\	here
# expect: re.compile('(?P<key>\\w+)=(?P<val>\\d+)', re.IGNORECASE) (?P<key>\w+)=(?P<val>\d+) 34 2 {'key': 1, 'val': 2}
# expect: [('a', '1'), ('B', '22')] {'key': 'k', 'val': '9'} None <re.Match object; span=(2, 6), match='c=12'>
# expect: <re.Match object; span=(0, 3), match='k=1'> <re.Match object; span=(0, 3), match='k=1'> 1=a 2=b ['', 'a', '1', ',', 'b', '2', '']
# expect: ['o', 't', 't'] ['o'] ['a\nb', 'acb']
# expect: ['hello', 'Hello'] ('555', '1234')
# expect: ['1', '٢', '3'] ['1', '3'] ['héllo', 'wörld']
# expect: <re.Match object; span=(0, 1), match='x'> None (1, 2) None
# expect: re.compile('a+', re.IGNORECASE|re.MULTILINE) re.compile('x', re.ASCII) 32 256
# expect: ('a', None) ('a', '-') None
# expect: (-1, -1) 1 2
# expect: user=me host=host (3, 5)
# expect: ['1', '2', '3'] <12><34><5><> ['aa', 'a', '']
# expect: <re.Match object; span=(0, 1), match='é'> abc ['a', ']']
# expect: error missing ), unterminated subpattern at position 0
# expect: error unbalanced parenthesis at position 2
# expect: error nothing to repeat at position 0
# expect: error unterminated character set at position 1
# expect: error bad escape \q at position 0
# expect: error min repeat greater than max repeat at position 2
# expect: error invalid group reference 2 at position 1
# expect: error invalid group reference 2 at position 1
# expect: IndexError unknown group name 'x'
# expect: TypeError sequence item 0: expected str instance, int found
# expect: TypeError first argument must be string or compiled pattern
# expect: TypeError expected string or bytes-like object, got 'int'
# expect: ValueError cannot process flags argument with a compiled pattern
# expect: IndexError no such group
# expect: IndexError no such group
# expect: caught error True
