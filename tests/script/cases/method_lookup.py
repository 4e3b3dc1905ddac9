# Method lookup goes value -> type object -> table: a user class that shares
# a built-in or engine type's name gets none of its methods, and method
# calls see instance attributes, class changes and built-in subclasses.
import asyncio

class Queue:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
        return len(self.items)

q = Queue()
print(q.push(1), q.push(2))  # expect: 1 2
try:
    q.put_nowait(3)
except AttributeError as e:
    print(e)  # expect: 'Queue' object has no attribute 'put_nowait'

class list:
    pass
try:
    list().append(1)
except AttributeError as e:
    print(e)  # expect: 'list' object has no attribute 'append'
del list

class Greeter:
    def hello(self):
        return "class"
g = Greeter()
print(g.hello())  # expect: class
g.hello = lambda: "instance"
print(g.hello())  # expect: instance
Greeter.hello = lambda self: "patched"
print(Greeter().hello())  # expect: patched

class Stack(list):
    def push(self, x):
        self.append(x)
s = Stack()
s.push(4)
s.push(5)
print(s.pop(), s, type(s).__name__)  # expect: 5 [4] Stack

for v in ["a b", [3, 1, 2], {"k": 1}, (1, 2, 1), 7, 2.5, True]:
    print(type(v).__name__, v.__class__ is type(v))
# expect: str True
# expect: list True
# expect: dict True
# expect: tuple True
# expect: int True
# expect: float True
# expect: bool True
print("a b".split(), [3, 1, 2].index(2), (1, 2, 1).count(1), (7).bit_length(), (2.5).is_integer())  # expect: ['a', 'b'] 2 2 3 False
try:
    [].nope()
except AttributeError as e:
    print(e)  # expect: 'list' object has no attribute 'nope'

async def main():
    aq = asyncio.Queue(maxsize=2)
    for i in range(3):
        if not aq.full():
            aq.put_nowait(i)
    print(aq.qsize(), aq.maxsize, aq.get_nowait(), type(aq).__name__)  # expect: 2 2 0 Queue
    t = asyncio.ensure_future(asyncio.sleep(0, "done"))
    print(await t, t.done(), t.result())  # expect: done True done
asyncio.run(main())
