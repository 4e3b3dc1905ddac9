import bisect
import heapq
import statistics
from collections import defaultdict
from functools import cached_property
from operator import attrgetter, itemgetter


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


class Student:
    def __init__(self, name, scores):
        self.name = name
        self.scores = scores

    @cached_property
    def average(self):
        print(f"  (computing average for {self.name})")
        return statistics.mean(self.scores)

    def __repr__(self):
        return f"Student({self.name!r}, avg={self.average:.1f})"


students = [Student("ann", [91, 88, 95]), Student("bob", [72, 65, 80]), Student("cy", [55, 61, 58]),
            Student("dee", [88, 92, 79])]
for s in sorted(students, key=attrgetter("average"), reverse=True):
    print(f"{s.name:<5}{s.average:>7.2f}  {grade(s.average)}")
print(students[0].average)
by_grade = defaultdict(list)
for s in students:
    by_grade[grade(s.average)].append(s.name)
print(dict(sorted(by_grade.items())))
top2 = heapq.nlargest(2, students, key=attrgetter("average"))
print(top2, heapq.nsmallest(1, [(s.average, s.name) for s in students]))
rows = [("x", 3), ("y", 1), ("z", 2)]
print(sorted(rows, key=itemgetter(1)), max(rows, key=itemgetter(1))[0])
print(statistics.median([s.average for s in students]), round(statistics.pstdev([1, 2, 3, 4]), 4))
print(statistics.mode(["a", "b", "a"]), statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4))
