# f-strings, format specs, %-formatting and str.format.
x = 3.14159
n = 1234567
name = "ada"
print(f"{x:.2f} {n:,} {name!r} {name:>6}| {name:<6}| {name:^7}|")  # expect: 3.14 1,234,567 'ada'    ada| ada   |   ada  |
print(f"{n:d} {-42:+d} {255:x} {255:#X} {5:08.3f} {0.5:%} {0.25:.1%}")  # expect: 1234567 -42 ff 0XFF 0005.000 50.000000% 25.0%
print(f"{x=}", f"{n = }", f"{{literal}}", f"{'nested'!s:>8}")  # expect: x=3.14159 n = 1234567 {literal}   nested
w = 10
print(f"[{name:{w}}]", f"{1e20:.3e}", f"{123.456:g}", f"{1.0:.3}")  # expect: [ada       ] 1.000e+20 123.456 1.0
print("%s has %d items costing %.2f (%r)" % ("cart", 3, 9.5, "x"))  # expect: cart has 3 items costing 9.50 ('x')
print("%5d|%-5d|%05.1f|%%" % (42, 42, 3.14159))  # expect:    42|42   |003.1|%
print("{} and {}".format("a", "b"), "{1}{0}".format("x", "y"), "{k}!".format(k=1), "{:>5}".format("r"))  # expect: a and b yx 1!     r
print(repr("it's"), repr('say "hi"'), repr("tab\t"), str(1.0), repr([1.5, "a"]))  # expect: "it's" 'say "hi"' 'tab\t' 1.0 [1.5, 'a']
