# NotImplemented: a singleton; a method returning it makes the operator try
# the reflected method, then raise CPython's TypeError (== falls back to
# identity, != to non-identity).
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__, NotImplemented is NotImplemented)


class A:
    def __add__(self, other):
        return NotImplemented

    def __eq__(self, other):
        return NotImplemented

    def __lt__(self, other):
        return NotImplemented

    def __ne__(self, other):
        return NotImplemented


class B:
    def __radd__(self, other):
        return "B.__radd__"

    def __gt__(self, other):
        return "B.__gt__"


a = A()
print(a + B(), a < B(), a == a, a == A(), a != a, a != A(), a == 1)
for expr in (lambda: a + 1, lambda: a < 1, lambda: 1 + a, lambda: a >= 1):
    try:
        expr()
    except TypeError as e:
        print("TypeError", e)


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        return NotImplemented

    def __iadd__(self, other):
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented


print(sum([V(1), V(2), V(3)]).x)
v = V(1)
v += V(5)
print(v.x)
try:
    v += "s"
except TypeError as e:
    print("TypeError", e)
# expect: NotImplemented NotImplemented NotImplementedType True
# expect: B.__radd__ B.__gt__ True False False True False
# expect: TypeError unsupported operand type(s) for +: 'A' and 'int'
# expect: TypeError '<' not supported between instances of 'A' and 'int'
# expect: TypeError unsupported operand type(s) for +: 'int' and 'A'
# expect: TypeError '>=' not supported between instances of 'A' and 'int'
# expect: 6
# expect: 6
# expect: TypeError unsupported operand type(s) for +=: 'V' and 'str'
