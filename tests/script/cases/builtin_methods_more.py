# The rarer methods of str, int and float.
def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

print("Hello World".swapcase(), "StraSSe".casefold(), repr("a\tbc\td".expandtabs()), repr("ab\tc".expandtabs(4)))
print("{name} is {age}".format_map({"name": "Ann", "age": 7}), "abc".isascii(), "héllo".isascii())
print("var_1".isidentifier(), "1var".isidentifier(), "".isidentifier(), "a\tb".isprintable(), "ok".isprintable())
print("Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "".istitle(), "A1 B".istitle())
print("abcabc".rindex("b"), "abcabc".rindex("c", 0, 4))
show("abc".rindex, "z")
print((5).bit_length(), (-8).bit_length(), (0).bit_length(), (255).bit_count(), (-7).bit_count(), True.bit_length())
print((7).as_integer_ratio(), (-3).conjugate(), (2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-0.75).as_integer_ratio())
print((2.0).is_integer(), (2.5).is_integer(), float("inf").is_integer(), (1.5).conjugate())
show(float("inf").as_integer_ratio)
show(float("nan").as_integer_ratio)
# expect: hELLO wORLD strasse 'a       bc      d' 'ab  c'
# expect: Ann is 7 True False
# expect: True False False False True
# expect: True False False False True
# expect: 4 2
# expect: ValueError substring not found
# expect: 3 4 0 8 3 1
# expect: (7, 1) -3 (5, 2) (3602879701896397, 36028797018963968) (-3, 4)
# expect: True False False 1.5
# expect: OverflowError cannot convert Infinity to integer ratio
# expect: ValueError cannot convert NaN to integer ratio
