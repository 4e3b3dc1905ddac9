# typing.Protocol: isinstance against a @runtime_checkable protocol checks
# the instance has the protocol's methods and annotated attributes; a
# protocol without the decorator refuses isinstance; explicit subclasses
# of a protocol are ordinary classes.
from typing import Protocol, runtime_checkable


@runtime_checkable
class Named(Protocol):
    name: str

    def greet(self) -> str: ...


class Plain(Protocol):
    def run(self) -> None: ...


class Person:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return "hi " + self.name


class Robot:
    def greet(self):
        return "beep"


class Runner(Plain):
    def run(self):
        return "running"


print(isinstance(Person("ann"), Named), isinstance(Robot(), Named), isinstance(3, Named))
try:
    isinstance(Runner(), Plain)
    isinstance(3, Plain)
except TypeError as e:
    print("TypeError", e)
print(Runner().run(), isinstance(Runner(), Runner))
try:
    runtime_checkable(Person)
except TypeError as e:
    print("TypeError", str(e).split(",")[0])
# expect: True False False
# expect: TypeError Instance and class checks can only be used with @runtime_checkable protocols
# expect: running True
# expect: TypeError @runtime_checkable can be only applied to protocol classes
