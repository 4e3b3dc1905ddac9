# string.Template: substitute / safe_substitute, $$, ${name}, keywords over
# a mapping, KeyError and ValueError as CPython raises them, a subclass with
# its own delimiter; and str methods (center, zfill, swapcase, expandtabs,
# format_map).
import string

t = string.Template("$who likes ${what}s, costs $$${price}")
print(t.substitute(who="tim", what="kung pao", price=3))
print(t.substitute({"who": "ann", "what": "tea", "price": 1}, who="bob"))
print(t.safe_substitute(who="x"), t.template)
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
for bad in ("cost $ 5", "line\nand $", "${bad"):
    try:
        string.Template(bad).substitute({})
    except ValueError as e:
        print("ValueError", e)
    print(string.Template(bad).safe_substitute({}))
print(string.Template("$a $b ${c} $a $$d").get_identifiers(), string.Template("$ok").is_valid(),
      string.Template("$").is_valid())


class Percent(string.Template):
    delimiter = "%"


print(Percent("%user says %%").substitute(user="amy"))
print("x".center(5, "*"), "ab".center(5), "-42".zfill(6), "+7".zfill(4), "42".zfill(1), "Hello World".swapcase())
print("a\tbc\td".expandtabs(4), "a\tb".expandtabs(), repr("\t".expandtabs(0)))
print("{name} is {age}".format_map({"name": "ann", "age": 3}), "3.14".partition("."), "abc".rpartition("x"))
try:
    "{missing}".format_map({})
except KeyError as e:
    print("KeyError", e)

# expect: tim likes kung paos, costs $3
# expect: bob likes teas, costs $1
# expect: x likes ${what}s, costs $${price} $who likes ${what}s, costs $$${price}
# expect: KeyError 'what'
# expect: ValueError Invalid placeholder in string: line 1, col 6
# expect: cost $ 5
# expect: ValueError Invalid placeholder in string: line 2, col 5
# expect: line
# expect: and $
# expect: ValueError Invalid placeholder in string: line 1, col 1
# expect: ${bad
# expect: ['a', 'b', 'c'] True False
# expect: amy says %
# expect: **x**   ab  -00042 +007 42 hELLO wORLD
# expect: a   bc  d a       b ''
# expect: ann is 3 ('3', '.', '14') ('', '', 'abc')
# expect: KeyError 'missing'
