def read_lines(text):
    for line in text.splitlines():
        yield line


def grep(pattern, lines):
    return (l for l in lines if pattern in l)


def numbered(lines, start=1):
    n = start
    for line in lines:
        yield n, line
        n += 1


def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return avg


def delegate():
    result = yield from averager()
    print("averager returned", result)
    yield "done"


LOG = """INFO start
ERROR disk full
INFO retry
ERROR disk still full
WARN low memory"""

for n, line in numbered(grep("ERROR", read_lines(LOG))):
    print(n, line)

g = delegate()
next(g)
for v in [10, 20, 30]:
    print("avg:", g.send(v))
print(g.send(None))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


from itertools import islice, takewhile
print(list(islice(fib(), 10)), list(takewhile(lambda x: x < 50, fib())))
gen = fib()
print(next(gen), next(gen), gen.__name__)
gen.close()
try:
    next(gen)
except StopIteration:
    print("closed")


def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 99
    finally:
        print("guarded finally")


g = guarded()
print(next(g), g.throw(ValueError("boom")))
g.close()
print(sum(x * x for x in range(10) if x % 3), max((len(w), w) for w in LOG.split()))
squares = {x: x * x for x in range(5)}
print(squares, {x % 3 for x in range(10)})
matrix = [[i * j for j in range(4)] for i in range(3)]
print(matrix, list(zip(*matrix)))
print([y for x in matrix for y in x if y > 2])
