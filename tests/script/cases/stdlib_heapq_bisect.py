# heapq keeps CPython's item positions; bisect searches with lo/hi/key.
import heapq
import bisect

def show(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print(heapq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2, 6, 3]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 5), data)
print(heapq.heappushpop(data, 0), heapq.heappushpop(data, 10), data)
print([heapq.heappop(data) for _ in range(len(data))])
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
heapq.heappush(tasks, (2, "close"))
print(tasks, heapq.heappop(tasks))
print(heapq.nlargest(3, [4, 1, 7, 3, 9, 2]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge([3, 1], [2], reverse=True)))
show(heapq.heappop, [])
show(heapq.heappush, (), 1)
show(heapq.heappush, [])
show(heapq.heapreplace, [], 1)
show(heapq.heappush, [1], "a")
a = [1, 2, 4, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 4, 3))
print(bisect.bisect_left(a, 4, 0, 2), bisect.bisect_right(a, 0), bisect.bisect_left(a, 100))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
bisect.insort_right(a, 9)
print(a)
people = [("ann", 20), ("bob", 31), ("cy", 45)]
print(bisect.bisect_left(people, 31, key=lambda p: p[1]))
bisect.insort(people, ("dee", 33), key=lambda p: p[1])
print(people)
show(bisect.bisect_left, [1])
show(bisect.bisect_left, [1], 1, -1)
show(bisect.bisect_left, [1, "a"], 2)
# expect: [1, 3, 2, 5, 9, 8, 7]
# expect: 1 [2, 3, 7, 5, 9, 8]
# expect: [1, 3, 2, 4, 8, 7, 6, 9]
# expect: 1 [2, 3, 5, 4, 8, 7, 6, 9]
# expect: 0 2 [3, 4, 5, 9, 8, 7, 6, 10]
# expect: [3, 4, 5, 6, 7, 8, 9, 10]
# expect: [(2, 'close'), (2, 'write')] (1, 'read')
# expect: [9, 7, 4] ['a', 'bb']
# expect: [0, 1, 2, 4, 5, 7, 8, 9] [3, 2, 1]
# expect: IndexError index out of range
# expect: TypeError heappush() argument 1 must be list, not tuple
# expect: TypeError heappush expected 2 arguments, got 1
# expect: IndexError index out of range
# expect: TypeError '<' not supported between instances of 'str' and 'int'
# expect: 2 5 5 3
# expect: 2 0 6
# expect: [1, 2, 3, 4, 4, 4, 4, 8, 9]
# expect: 1
# expect: [('ann', 20), ('bob', 31), ('dee', 33), ('cy', 45)]
# expect: TypeError bisect_left() missing required argument 'x' (pos 2)
# expect: ValueError lo must be non-negative
# expect: TypeError '<' not supported between instances of 'str' and 'int'
