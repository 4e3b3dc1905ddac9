# sys: version_info compares as CPython's, platform, getrecursionlimit, maxsize, streams.
import sys
print(sys.version_info >= (3, 11), sys.version_info[:2], sys.version_info[0], sys.platform)
major, minor, micro, level, serial = sys.version_info
print(major, minor, level, sys.getrecursionlimit(), sys.maxsize)
n = sys.stdout.write("written\n")
print(n)
try:
    sys.getrecursionlimit(1)
except TypeError as e:
    print(e)
# expect: True (3, 11) 3 linux
# expect: 3 11 final 1000 9223372036854775807
# expect: written
# expect: 8
# expect: sys.getrecursionlimit() takes no arguments (1 given)
