from dataclasses import dataclass, field
from functools import total_ordering, cached_property
from typing import ClassVar


@total_ordering
@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "USD"
    RATES: ClassVar[dict] = {"USD": 1.0, "EUR": 1.1}

    def __add__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ValueError(f"currency mismatch: {self.currency} vs {other.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __radd__(self, other):
        if other == 0:
            return self
        return self.__add__(other)

    def __lt__(self, other):
        return self.in_usd() < other.in_usd()

    def in_usd(self):
        return self.amount * self.RATES[self.currency]

    def __str__(self):
        return f"{self.amount / 100:,.2f} {self.currency}"


class Account:
    interest = 0.02
    _count = 0

    def __init__(self, owner):
        self.owner = owner
        self.history: list[Money] = []
        Account._count += 1

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print("new account type:", cls.__name__)

    @classmethod
    def count(cls):
        return cls._count

    @cached_property
    def id(self):
        return f"{self.owner[:3].upper()}-{Account._count:03d}"

    def deposit(self, m: Money):
        self.history.append(m)
        return self

    @property
    def balance(self):
        return sum(self.history)

    def __repr__(self):
        return f"<{type(self).__name__} {self.id} {self.balance}>"


class Savings(Account):
    interest = 0.05


a = Account("alice").deposit(Money(1050)).deposit(Money(250))
s = Savings("bob").deposit(Money(99_999))
print(a, s, Account.count(), Savings.interest, a.interest)
print(str(a.balance), repr(a.balance), sorted([Money(5, "EUR"), Money(6), Money(1, "EUR")]))
print(Money(1) < Money(2), Money(1) >= Money(1), max(Money(3), Money(1, "EUR")), hash(Money(1)) == hash(Money(1)))
try:
    Money(1) + Money(1, "EUR")
except ValueError as e:
    print(e)
try:
    a.balance.amount = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(Money.__dataclass_fields__.keys(), a.__dict__.keys(), vars(Money(3)))
