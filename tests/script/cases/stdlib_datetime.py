# datetime: date, time, datetime, timedelta, timezone: arithmetic,
# comparison, formatting and parsing, as CPython prints them.
import datetime
from datetime import date, datetime as dt, timedelta, timezone

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

print(repr(timedelta(0)), repr(timedelta(days=-1, seconds=5)), timedelta(days=-1, seconds=5), timedelta(hours=25, microseconds=3))
print(repr(timedelta(microseconds=1)), repr(timedelta(seconds=1.5)), timedelta(seconds=1.5) / 2, timedelta(hours=1) / timedelta(minutes=7))
print(timedelta(hours=1) // timedelta(minutes=7), timedelta(hours=1) % timedelta(minutes=7), timedelta(weeks=1) * 1.5, 2 * timedelta(minutes=3))
print(-timedelta(hours=1), abs(-timedelta(hours=1)), timedelta(days=1, seconds=3).total_seconds(), timedelta(milliseconds=1500))
print(timedelta(hours=2) > timedelta(minutes=119), timedelta(0) == timedelta(), bool(timedelta(0)), timedelta(days=2).days, timedelta(seconds=90).seconds)
print(timedelta.max, timedelta.min, timedelta.resolution, timedelta(minutes=-1))
print(repr(dt(2024, 1, 5)), repr(dt(2024, 1, 5, 10, 30, 0, 5)), repr(dt(2024, 1, 5, 10, 30, 7)), repr(dt(2024, 1, 5, tzinfo=timezone.utc)))
print(dt(2024, 1, 5, 10, 30, 0, 5), dt(2024, 1, 5, tzinfo=timezone.utc), dt(2024, 1, 5, tzinfo=timezone(timedelta(hours=-5))))
print(repr(timezone.utc), repr(timezone(timedelta(hours=1))), repr(timezone(timedelta(hours=1), "X")), timezone(timedelta(hours=1)), timezone(timedelta(minutes=-90)))
print(repr(date(2024, 2, 29)), date(2024, 2, 29), repr(datetime.time(1, 2)), datetime.time(1, 2, 3, 4), repr(datetime.time(1, 2, 3, 4)))
print(dt.fromisoformat("2024-01-05T10:30:00+01:00").__repr__(), dt.fromisoformat("2024-01-05 10:30"), date.fromisoformat("2024-01-05"))
print(dt.fromisoformat("2024-01-05T10:30:00.250"), dt.fromisoformat("2024-01-05T10:30:00Z"), datetime.time.fromisoformat("10:30:15"))
print(dt(2024, 1, 5, 10, 30).isoformat(timespec="seconds"), dt(2024, 1, 5, 10, 30).isoformat(" "), dt(2024, 1, 5, 10, 30, 0, 120).isoformat(timespec="milliseconds"))
print(dt.fromtimestamp(0), dt.fromtimestamp(1.5, timezone.utc), dt(2024, 1, 1).timestamp(), dt(2024, 1, 1, tzinfo=timezone(timedelta(hours=2))).timestamp())
print(dt.utcfromtimestamp(86400 * 365.25), date.fromtimestamp(1e9), dt.fromtimestamp(1700000000.123456))
print(date(2024, 1, 5).isocalendar(), date(2021, 1, 3).isocalendar(), date(2024, 12, 30).isocalendar(), date(2024, 1, 5).weekday(), date(2024, 1, 7).isoweekday())
print(date(2024, 1, 5).ctime(), date(2024, 1, 5).strftime("%A %d %B %Y (%j) %a %b"), dt(2024, 1, 5, 13, 4, 5).ctime())
print(f"{dt(2024, 1, 5):%Y/%m/%d}", format(date(2024, 1, 5)), dt(2024, 1, 5, 1, 2, 3, 45).strftime("%H:%M:%S.%f %z|%Z|%I%p"))
print(dt(2024, 1, 5, 1, 2, tzinfo=timezone(timedelta(hours=5, minutes=30))).strftime("%z %Z"), dt(2024, 1, 5, tzinfo=timezone.utc).strftime("%z %Z"))
print(dt(2024, 3, 1) - dt(2024, 2, 1), date(2024, 3, 1) - date(2024, 2, 1), dt.min, dt.max, date.max, date.min)
print(dt(2024, 1, 31) + timedelta(days=1), date(2024, 12, 31) + timedelta(days=1), dt(2024, 1, 1) - timedelta(seconds=1), date(2024, 3, 1) - timedelta(days=1))
print(dt(2024, 1, 1, 12) < dt(2024, 1, 2), dt(2024, 1, 1) == dt(2024, 1, 1, 0, 0), dt(2024, 1, 1, tzinfo=timezone.utc) == dt(2024, 1, 1, 1, tzinfo=timezone(timedelta(hours=1))))
print(dt(2024, 1, 1) == dt(2024, 1, 1, tzinfo=timezone.utc), date(2024, 1, 1) < date(2024, 1, 2), max(date(2023, 5, 1), date(2024, 1, 1)), sorted([dt(2024, 2, 1), dt(2023, 1, 1)]))
d = dt(2024, 6, 15, 8, 45, 30, 999)
print(d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, d.tzinfo, d.date(), d.time(), d.replace(year=2020, microsecond=0))
print(d.timetuple(), d.toordinal(), date.fromordinal(738000), d.weekday())
print(dt.combine(date(2024, 1, 2), datetime.time(3, 4)), dt(2024, 1, 1, 12, tzinfo=timezone.utc).astimezone(timezone(timedelta(hours=-3))))
print(dt.strptime("2024-01-05 10:30:15", "%Y-%m-%d %H:%M:%S"), dt.strptime("05/Jan/2024:10:30:15 +0200", "%d/%b/%Y:%H:%M:%S %z"))
print(dt.strptime("3:04 PM", "%I:%M %p"), dt.strptime("24-1-5", "%y-%m-%d"), dt.strptime("2024-01-05T10:30:15.5", "%Y-%m-%dT%H:%M:%S.%f"))
print(hash(dt(2024, 1, 1)) == hash(dt(2024, 1, 1, 0, 0)), timedelta(1) == timedelta(hours=24), datetime.MINYEAR, datetime.MAXYEAR)
print(isinstance(d, date), isinstance(date(2024, 1, 1), dt), type(d).__name__, timezone.utc.utcoffset(None), timezone.utc.tzname(None))
show(date, 2024, 13, 1)
show(date, 2024, 2, 30)
show(date, 0, 1, 1)
show(dt, 2024, 1, 1, 24)
show(dt, 2024, 1, 1, 0, 60)
show(date, 2024.0, 1, 1)
show(lambda: dt(2024, 1, 1) < dt(2024, 1, 1, tzinfo=timezone.utc))
show(lambda: dt(2024, 1, 1) - dt(2024, 1, 1, tzinfo=timezone.utc))
show(dt.fromisoformat, "2024-1-1")
show(dt.fromisoformat, "nope")
show(dt.strptime, "2024-01-05", "%Y/%m/%d")
show(dt.strptime, "2024-01-05 extra", "%Y-%m-%d")
show(timezone, timedelta(hours=24))
show(dt(2024, 1, 1).isoformat, timespec="weeks")
show(lambda: date.max + timedelta(days=1))
# expect: datetime.timedelta(0) datetime.timedelta(days=-1, seconds=5) -1 day, 0:00:05 1 day, 1:00:00.000003
# expect: datetime.timedelta(microseconds=1) datetime.timedelta(seconds=1, microseconds=500000) 0:00:00.750000 8.571428571428571
# expect: 8 0:04:00 10 days, 12:00:00 0:06:00
# expect: -1 day, 23:00:00 1:00:00 86403.0 0:00:01.500000
# expect: True True False 2 90
# expect: 999999999 days, 23:59:59.999999 -999999999 days, 0:00:00 0:00:00.000001 -1 day, 23:59:00
# expect: datetime.datetime(2024, 1, 5, 0, 0) datetime.datetime(2024, 1, 5, 10, 30, 0, 5) datetime.datetime(2024, 1, 5, 10, 30, 7) datetime.datetime(2024, 1, 5, 0, 0, tzinfo=datetime.timezone.utc)
# expect: 2024-01-05 10:30:00.000005 2024-01-05 00:00:00+00:00 2024-01-05 00:00:00-05:00
# expect: datetime.timezone.utc datetime.timezone(datetime.timedelta(seconds=3600)) datetime.timezone(datetime.timedelta(seconds=3600), 'X') UTC+01:00 UTC-01:30
# expect: datetime.date(2024, 2, 29) 2024-02-29 datetime.time(1, 2) 01:02:03.000004 datetime.time(1, 2, 3, 4)
# expect: datetime.datetime(2024, 1, 5, 10, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=3600))) 2024-01-05 10:30:00 2024-01-05
# expect: 2024-01-05 10:30:00.250000 2024-01-05 10:30:00+00:00 10:30:15
# expect: 2024-01-05T10:30:00 2024-01-05 10:30:00 2024-01-05T10:30:00.000
# expect: 1970-01-01 00:00:00 1970-01-01 00:00:01.500000+00:00 1704067200.0 1704060000.0
# expect: 1971-01-01 06:00:00 2001-09-09 2023-11-14 22:13:20.123456
# expect: datetime.IsoCalendarDate(year=2024, week=1, weekday=5) datetime.IsoCalendarDate(year=2020, week=53, weekday=7) datetime.IsoCalendarDate(year=2025, week=1, weekday=1) 4 7
# expect: Fri Jan  5 00:00:00 2024 Friday 05 January 2024 (005) Fri Jan Fri Jan  5 13:04:05 2024
# expect: 2024/01/05 2024-01-05 01:02:03.000045 ||01AM
# expect: +0530 UTC+05:30 +0000 UTC
# expect: 29 days, 0:00:00 29 days, 0:00:00 0001-01-01 00:00:00 9999-12-31 23:59:59.999999 9999-12-31 0001-01-01
# expect: 2024-02-01 00:00:00 2025-01-01 2023-12-31 23:59:59 2024-02-29
# expect: True True True
# expect: False True 2024-01-01 [datetime.datetime(2023, 1, 1, 0, 0), datetime.datetime(2024, 2, 1, 0, 0)]
# expect: 2024 6 15 8 45 30 999 None 2024-06-15 08:45:30.000999 2020-06-15 08:45:30
# expect: time.struct_time(tm_year=2024, tm_mon=6, tm_mday=15, tm_hour=8, tm_min=45, tm_sec=30, tm_wday=5, tm_yday=167, tm_isdst=-1) 739052 2021-07-29 5
# expect: 2024-01-02 03:04:00 2024-01-01 09:00:00-03:00
# expect: 2024-01-05 10:30:15 2024-01-05 10:30:15+02:00
# expect: 1900-01-01 15:04:00 2024-01-05 00:00:00 2024-01-05 10:30:15.500000
# expect: True True 1 9999
# expect: True False datetime 0:00:00 UTC
# expect: ValueError month must be in 1..12
# expect: ValueError day is out of range for month
# expect: ValueError year 0 is out of range
# expect: ValueError hour must be in 0..23
# expect: ValueError minute must be in 0..59
# expect: TypeError 'float' object cannot be interpreted as an integer
# expect: TypeError can't compare offset-naive and offset-aware datetimes
# expect: TypeError can't subtract offset-naive and offset-aware datetimes
# expect: ValueError Invalid isoformat string: '2024-1-1'
# expect: ValueError Invalid isoformat string: 'nope'
# expect: ValueError time data '2024-01-05' does not match format '%Y/%m/%d'
# expect: ValueError unconverted data remains:  extra
# expect: ValueError offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not datetime.timedelta(days=1).
# expect: ValueError Unknown timespec value
# expect: OverflowError date value out of range
