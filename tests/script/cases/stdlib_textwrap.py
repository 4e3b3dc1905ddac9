# textwrap: wrap/fill/shorten follow TextWrapper's rules; dedent/indent.
import textwrap

def show(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

t = "The quick brown fox jumps over the lazy dog and keeps running far away."
print(textwrap.wrap(t, 20))
print(textwrap.fill(t, width=30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(t, width=25, max_lines=2))
print(repr(textwrap.dedent("    a\n      b\n  \n    c\n")), repr(textwrap.dedent("\tx\n  y")), repr(textwrap.dedent("  one\n  two")))
print(repr(textwrap.indent("a\nb\n\nc", "> ")), repr(textwrap.indent("a\n\nb\n", "+", lambda line: True)))
print(textwrap.shorten("Hello  world, this is long", width=12), "|", textwrap.shorten("Hello world", width=11))
print(textwrap.shorten("The quick brown fox jumps", 15, placeholder="..."))
print(textwrap.wrap("a-very-long-hyphenated-word here", 8))
print(textwrap.wrap("supercalifragilistic", 6), textwrap.wrap("supercalifragilistic words", 6, break_long_words=False))
print(textwrap.wrap("  lead  and\ttabs\nnew", 10), textwrap.wrap(""), textwrap.wrap("   "))
print(textwrap.wrap("well--known em--dash text here", 10), textwrap.wrap("x-y e-mail state-of-the-art", 7))
print(textwrap.wrap("naïve café déjà vu résumé", 11))
print(textwrap.fill("one two three four", 9, break_on_hyphens=False, drop_whitespace=False))
show(textwrap.wrap, "x", 0)
show(textwrap.shorten, "x y z", 3, placeholder=" [...]")
show(textwrap.wrap, "x", bogus=1)
show(textwrap.dedent, 3)
# expect: ['The quick brown fox', 'jumps over the lazy', 'dog and keeps', 'running far away.']
# expect: * The quick brown fox jumps
# expect:   over the lazy dog and keeps
# expect:   running far away.
# expect: ['The quick brown fox jumps', 'over the lazy dog [...]']
# expect: 'a\n  b\n\nc\n' '\tx\n  y' 'one\ntwo'
# expect: '> a\n> b\n\n> c' '+a\n+\n+b\n'
# expect: Hello [...] | Hello world
# expect: The quick...
# expect: ['a-very-', 'long-hyp', 'henated-', 'word', 'here']
# expect: ['superc', 'alifra', 'gilist', 'ic'] ['supercalifragilistic', 'words']
# expect: ['  lead', 'and', 'tabs new'] [] []
# expect: ['well--', 'known em--', 'dash text', 'here'] ['x-y', 'e-mail', 'state-', 'of-the-', 'art']
# expect: ['naïve café', 'déjà vu', 'résumé']
# expect: one two 
# expect: three 
# expect: four
# expect: ValueError invalid width 0 (must be > 0)
# expect: ValueError placeholder too large for max width
# expect: TypeError TextWrapper.__init__() got an unexpected keyword argument 'bogus'
# expect: TypeError expected string or bytes-like object, got 'int'
