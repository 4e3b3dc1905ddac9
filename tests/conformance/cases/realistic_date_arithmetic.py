from datetime import datetime, timedelta, date, time, timezone
import time as _time

d = datetime.strptime("2024-03-15 14:30:00", "%Y-%m-%d %H:%M:%S")
print(d, d.strftime("%A %B %d, %Y %I:%M %p"), d.isoformat(timespec="minutes"))
print(d.replace(day=1) - timedelta(days=1), (d + timedelta(weeks=2)).date(), d.timetuple().tm_yday)
meeting = datetime(2024, 3, 15, 9, 0, tzinfo=timezone.utc)
print(meeting, meeting.astimezone(timezone(timedelta(hours=-5))), meeting.tzname())
deadline = date(2024, 12, 25)
print((deadline - date(2024, 3, 15)).days, deadline.isoweekday(), deadline.strftime("%d/%m/%y"))
print(timedelta(hours=25, minutes=3), timedelta(seconds=3661).total_seconds(), str(timedelta(days=-1, hours=2)))
print(datetime.fromisoformat("2024-01-02T03:04:05"), date.fromisoformat("2024-02-29").weekday())
print(time(9, 30) < time(10), datetime.combine(date(2024, 1, 1), time(12)), max(date(2024, 1, 1), date(2023, 5, 5)))
print(datetime.fromtimestamp(0, tz=timezone.utc), _time.strftime("%Y", _time.gmtime(86400 * 365)))
