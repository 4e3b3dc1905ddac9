# Classes: methods, inheritance, super(), dunders, class attributes.
class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __len__(self):
        return 2

d = Dog("rex")
print(d.speak(), d.kind, Animal.kind, Animal.count)  # expect: rex makes a sound (woof) dog animal 1
print([d, Animal("cat")], Animal.count)  # expect: [Dog('rex'), Animal('cat')] 2
p = Point(1, 2) + Point(3, 4)
print(p, p == Point(4, 6), len(p), sorted([Point(2, 0), Point(1, 5)])[0])  # expect: (4, 6) True 2 (1, 5)
print(isinstance(d, Animal), isinstance(d, Dog), isinstance(p, Animal), Dog.__name__)  # expect: True True False Dog
print(getattr(d, "name"), hasattr(d, "age"), getattr(d, "age", 0))  # expect: rex False 0
class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
        return self
    def __iter__(self):
        return iter(self.items)
s = Stack().push(1).push(2)
print(list(s), [x * 10 for x in s])  # expect: [1, 2] [10, 20]
d.missing  # expect error: AttributeError: 'Dog' object has no attribute 'missing'
