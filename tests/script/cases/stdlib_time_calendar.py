# time: struct_time, gmtime/localtime (the simulated world is in UTC),
# strftime, asctime/ctime, mktime, for given timestamps.
import time

t = time.gmtime(0)
print(t)
print(t[0], t[-1], t[:3], len(t), list(t), tuple(t) == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, t.tm_isdst, t.tm_zone, t.tm_gmtoff)
y, mo, d, *rest = time.gmtime(1700000000.9)
print(y, mo, d, rest)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %p %c %x %X %%", t))
print(time.strftime("%A %B %d %I:%M %p %y %U %W %w", time.gmtime(1709251199)))
print(time.strftime("%Z", time.localtime(0)), time.strftime("%z", time.localtime(0)), time.localtime(86400 * 366))
print(time.asctime(t), time.ctime(0), time.ctime(1e9), time.asctime(time.gmtime(951782400)))
print(time.mktime(time.localtime(12345)), time.mktime((2024, 1, 1, 0, 0, 0, 0, 1, 0)), time.timezone, time.tzname, time.daylight)
print(time.gmtime(-1), time.strftime("%Y", (2024, 5, 6, 7, 8, 9, 0, 127, 0)))
st = time.struct_time((2024, 2, 29, 23, 59, 59, 3, 60, 0))
print(st, st.tm_mon, st == (2024, 2, 29, 23, 59, 59, 3, 60, 0))
for args in [("%Y", 5), (5,), ("%Y", (1, 2))]:
    try:
        print(time.strftime(*args))
    except TypeError as e:
        print("TypeError", e)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print("TypeError", e)
try:
    time.gmtime("x")
except TypeError as e:
    print("TypeError", e)
# expect: time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)
# expect: 1970 0 (1970, 1, 1) 9 [1970, 1, 1, 0, 0, 0, 3, 1, 0] True
# expect: 1970 1 1 0 3 1 0 GMT 0
# expect: 2023 11 14 [22, 13, 20, 1, 318, 0]
# expect: 1970-01-01 00:00:00 Thu Jan 001 AM Thu Jan  1 00:00:00 1970 01/01/70 00:00:00 %
# expect: Thursday February 29 11:59 PM 24 08 09 4
# expect: UTC +0000 time.struct_time(tm_year=1971, tm_mon=1, tm_mday=2, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=5, tm_yday=2, tm_isdst=0)
# expect: Thu Jan  1 00:00:00 1970 Thu Jan  1 00:00:00 1970 Sun Sep  9 01:46:40 2001 Tue Feb 29 00:00:00 2000
# expect: 12345.0 1704067200.0 0 ('UTC', 'UTC') 0
# expect: time.struct_time(tm_year=1969, tm_mon=12, tm_mday=31, tm_hour=23, tm_min=59, tm_sec=59, tm_wday=2, tm_yday=365, tm_isdst=0) 2024
# expect: time.struct_time(tm_year=2024, tm_mon=2, tm_mday=29, tm_hour=23, tm_min=59, tm_sec=59, tm_wday=3, tm_yday=60, tm_isdst=0) 2 True
# expect: TypeError Tuple or struct_time argument required
# expect: TypeError strftime() argument 1 must be str, not int
# expect: TypeError strftime(): illegal time tuple argument
# expect: TypeError time.struct_time() takes an at least 9-sequence (2-sequence given)
# expect: TypeError 'str' object cannot be interpreted as an integer
