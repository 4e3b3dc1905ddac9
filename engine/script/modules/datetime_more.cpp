// datetime, second part: time, datetime and strptime (run after
// datetime.cpp's part, in the same module).

#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

const char* datetime_more_source() {
  return R"PY(
class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _check_time(hour, minute, second, microsecond, tzinfo)
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: 0)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            h, m, sec, us, tz = _parse_isotime(s[1:] if s[:1] == 'T' else s)
            return cls(h, m, sec, us, tz)
        except ValueError:
            raise ValueError('Invalid isoformat string: %r' % s) from None

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(None)

    def isoformat(self, timespec='auto'):
        return _format_time(self._hour, self._minute, self._second, self._microsecond, timespec) + \
            _format_offset(self.utcoffset())

    __str__ = isoformat

    def __repr__(self):
        if self._microsecond:
            s = "%d, %d, %d, %d" % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            s = "%d, %d, %d" % (self._hour, self._minute, self._second)
        else:
            s = "%d, %d" % (self._hour, self._minute)
        if self._tzinfo is not None:
            s += ", tzinfo=%r" % (self._tzinfo,)
        return "datetime.time(%s)" % s

    def strftime(self, fmt):
        tt = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(fmt, tt, self._microsecond, self._tzinfo)

    def __format__(self, fmt):
        return self.strftime(fmt) if fmt else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo)

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._key() == other._key() and self.utcoffset() == other.utcoffset()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        if isinstance(other, time):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _format_time(hh, mm, ss, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond, tzinfo)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: 0)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        if isinstance(t, bool) or not isinstance(t, (int, float)):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(t).__name__)
        whole = t // 1
        us = round((t - whole) * 1000000)
        if us >= 1000000:
            whole += 1
            us -= 1000000
        g = _time.gmtime(whole)
        dt = cls(g[0], g[1], g[2], g[3], g[4], g[5], us)
        if tz is not None:
            dt = tz.fromutc(dt.replace(tzinfo=tz))
        return dt

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond, tzinfo)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            if len(s) > 10 and s[4] == '-':
                y, m, d = _parse_isodate(s[:10])
                h, mi, sec, us, tz = _parse_isotime(s[11:])
            elif len(s) > 8 and s[4] != '-':
                y, m, d = _parse_isodate(s[:8])
                h, mi, sec, us, tz = _parse_isotime(s[9:])
            else:
                y, m, d = _parse_isodate(s)
                h, mi, sec, us, tz = 0, 0, 0, 0, None
            return cls(y, m, d, h, mi, sec, us, tz)
        except ValueError:
            raise ValueError('Invalid isoformat string: %r' % s) from None

    @classmethod
    def strptime(cls, s, fmt):
        return _strptime(cls, s, fmt)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(self)

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute, self._second,
                                  self.weekday(), self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, -1))

    def utctimetuple(self):
        off = self.utcoffset()
        dt = self - off if off else self
        return _time.struct_time((dt._year, dt._month, dt._day, dt._hour, dt._minute, dt._second,
                                  dt.weekday(), dt.toordinal() - _ymd2ord(dt._year, 1, 1) + 1, 0))

    def _us(self):
        return (self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000 \
            + self._microsecond

    def _utc_us(self):
        off = self.utcoffset()
        return self._us() - (off._us() if off is not None else 0)

    def timestamp(self):
        return (self._utc_us() - _EPOCH_US) / 10 ** 6

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone(timedelta(0), 'UTC')
        utc = _from_us(type(self), self._utc_us(), None)
        return tz.fromutc(utc.replace(tzinfo=tz))

    def isoformat(self, sep='T', timespec='auto'):
        return "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep) + \
            _format_time(self._hour, self._minute, self._second, self._microsecond, timespec) + \
            _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        s = "%d, %d, %d, %d, %d" % (self._year, self._month, self._day, self._hour, self._minute)
        if self._microsecond:
            s += ", %d, %d" % (self._second, self._microsecond)
        elif self._second:
            s += ", %d" % self._second
        if self._tzinfo is not None:
            s += ", tzinfo=%r" % (self._tzinfo,)
        return "datetime.datetime(%s)" % s

    def ctime(self):
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAYNAMES[self.weekday()], _MONTHNAMES[self._month - 1],
                                                  self._day, self._hour, self._minute, self._second, self._year)

    def strftime(self, fmt):
        return _wrap_strftime(fmt, self.timetuple(), self._microsecond, self._tzinfo)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo)

    def _compare(self, other, op):
        if not isinstance(other, datetime):
            if op == '==' or op == '!=':
                return NotImplemented
            return NotImplemented
        a, b = self.utcoffset(), other.utcoffset()
        if (a is None) != (b is None):
            if op == '==':
                return False
            if op == '!=':
                return True
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return _cmp(self._utc_us(), other._utc_us())

    def __eq__(self, other):
        c = self._compare(other, '==')
        return c if c is NotImplemented or c is False else c == 0

    def __ne__(self, other):
        c = self._compare(other, '!=')
        return c if c is NotImplemented or c is True else c != 0

    def __lt__(self, other):
        c = self._compare(other, '<')
        return c if c is NotImplemented else c < 0

    def __le__(self, other):
        c = self._compare(other, '<=')
        return c if c is NotImplemented else c <= 0

    def __gt__(self, other):
        c = self._compare(other, '>')
        return c if c is NotImplemented else c > 0

    def __ge__(self, other):
        c = self._compare(other, '>=')
        return c if c is NotImplemented else c >= 0

    def __hash__(self):
        return hash(self._utc_us())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _from_us(type(self), self._us() + other._us(), self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _from_us(type(self), self._us() - other._us(), self._tzinfo)
        if isinstance(other, datetime):
            if (self.utcoffset() is None) != (other.utcoffset() is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return _td(self._utc_us() - other._utc_us())
        return NotImplemented


def _from_us(cls, us, tz):
    days, rem = divmod(us, _US_PER_DAY)
    if not 0 < days <= _MAXORDINAL:
        raise OverflowError("date value out of range")
    y, m, d = _ord2ymd(days)
    secs, usec = divmod(rem, 1000000)
    hh, secs = divmod(secs, 3600)
    mm, ss = divmod(secs, 60)
    return cls(y, m, d, hh, mm, ss, usec, tz)


_EPOCH_US = _ymd2ord(1970, 1, 1) * _US_PER_DAY
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)

_FULLDAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_FULLMONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
               'October', 'November', 'December')


def _strptime(cls, s, fmt):
    if not isinstance(s, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % type(s).__name__)
    vals = {'Y': 1900, 'm': 1, 'd': 1, 'H': 0, 'M': 0, 'S': 0, 'f': 0}
    tz = None
    pm = None
    i = 0
    j = 0
    bad = ValueError("time data %r does not match format %r" % (s, fmt))
    while j < len(fmt):
        ch = fmt[j]
        if ch != '%':
            if ch.isspace():
                while i < len(s) and s[i].isspace():
                    i += 1
                j += 1
                continue
            if i >= len(s) or s[i] != ch:
                raise bad
            i += 1
            j += 1
            continue
        d = fmt[j + 1] if j + 1 < len(fmt) else ''
        j += 2
        if d == '%':
            if i >= len(s) or s[i] != '%':
                raise bad
            i += 1
        elif d in ('Y', 'm', 'd', 'H', 'M', 'S', 'f', 'y', 'I', 'j'):
            width = 4 if d == 'Y' else 6 if d == 'f' else 3 if d == 'j' else 2
            k = i
            while k < len(s) and k - i < width and s[k].isdigit():
                k += 1
            if k == i:
                raise bad
            num = s[i:k]
            i = k
            if d == 'f':
                vals['f'] = int((num + '000000')[:6])
            elif d == 'y':
                n = int(num)
                vals['Y'] = n + 2000 if n < 69 else n + 1900
            elif d == 'I':
                vals['H'] = int(num)
                pm = False if pm is None else pm
            else:
                vals[d] = int(num)
        elif d in ('b', 'B', 'a', 'A'):
            names = {'b': _MONTHNAMES, 'B': _FULLMONTHS, 'a': _DAYNAMES, 'A': _FULLDAYS}[d]
            for idx, name in enumerate(names):
                if s[i:i + len(name)].lower() == name.lower():
                    if d in ('b', 'B'):
                        vals['m'] = idx + 1
                    i += len(name)
                    break
            else:
                raise bad
        elif d == 'p':
            w = s[i:i + 2].upper()
            if w not in ('AM', 'PM'):
                raise bad
            pm = w == 'PM'
            i += 2
        elif d == 'z':
            if s[i:i + 1] == 'Z':
                tz = timezone.utc
                i += 1
            else:
                sign = s[i:i + 1]
                body = s[i + 1:i + 6].replace(':', '')
                if sign not in ('+', '-') or len(body) < 4 or not body[:4].isdigit():
                    raise bad
                i += 6 if s[i + 3:i + 4] == ':' else 5
                off = timedelta(hours=int(body[:2]), minutes=int(body[2:4]))
                tz = timezone(-off if sign == '-' else off)
        else:
            raise ValueError("'%s' is a bad directive in format %r" % (d, fmt))
    if i != len(s):
        raise ValueError("unconverted data remains: %s" % s[i:])
    if pm is not None:
        h = vals['H'] % 12
        vals['H'] = h + 12 if pm else h
    if 'j' in vals:
        base = _ymd2ord(vals['Y'], 1, 1) + vals['j'] - 1
        vals['Y'], vals['m'], vals['d'] = _ord2ymd(base)
    return cls(vals['Y'], vals['m'], vals['d'], vals['H'], vals['M'], vals['S'], vals['f'], tz)
)PY";
}

}  // namespace loopscope::script
