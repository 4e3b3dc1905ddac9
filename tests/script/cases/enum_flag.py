# enum.Flag: auto() powers of two, |, &, ^, ~, in, iteration and 3.11's reprs.
from enum import Flag, auto

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.name, rw.value)  # expect: <Perm.R|W: 3> Perm.R|W R|W 3
print(Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), repr(Perm.R & Perm.X), str(Perm.R & Perm.X))  # expect: True False False <Perm: 0> Perm(0)
print(list(rw), len(rw), Perm(7), repr(Perm.R ^ rw))  # expect: [<Perm.R: 1>, <Perm.W: 2>] 2 Perm.R|W|X <Perm.W: 2>
print(list(Perm), Perm.X.value, repr(Perm))  # expect: [<Perm.R: 1>, <Perm.W: 2>, <Perm.X: 4>] 4 <flag 'Perm'>
print(rw == Perm(3), rw is Perm(3), {rw: 1}[Perm(3)], format(rw), f"{Perm.X}")  # expect: True True 1 Perm.R|W Perm.X
print(repr(~Perm.R))  # expect: <Perm.W|X: 6>

class Color(Flag):
    RED = 1
    BLUE = 4
print(repr(Color.RED | Color.BLUE), Color(5).name)  # expect: <Color.RED|BLUE: 5> RED|BLUE

try:
    Perm(8)
except ValueError as e:
    print(e)
# expect: <flag 'Perm'> invalid value 8
# expect:     given 0b0 1000
# expect:   allowed 0b0 0111
try:
    1 in rw
except TypeError as e:
    print(e)  # expect: unsupported operand type(s) for 'in': 'int' and 'Perm'
try:
    Perm.R | 1
except TypeError as e:
    print(e)  # expect: unsupported operand type(s) for |: 'Perm' and 'int'
