// The time module in virtual time: the clocks read World::now, and
// time.sleep blocks the event loop (the clock moves, nothing runs).

#include <cmath>
#include <ctime>

#include "engine/loop/event_loop.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

Value t_now(Interp& in, const Value&, CallArgs& a) {
  check_args("time", a, 0, 0);
  return Value::real(in.world().now);
}

Value t_sleep(Interp& in, const Value&, CallArgs& a) {
  check_args("sleep", a, 1, 1);
  double secs = to_float(a.pos[0], "sleep() argument");
  if (secs < 0) value_error("sleep length must be non-negative");
  if (in.world().threads.in_thread()) {
    in.world().threads.sleep(in.world(), secs);  // blocks only that simulated thread
  } else if (EventLoop* loop = in.world().running_loop) {
    loop->block(secs, in.current_line());
  } else {
    // Blocking outside any loop: the clock moves all the same.
    World& w = in.world();
    double to = w.now + secs;
    w.trace.add(Ev::Block, w.trace.num(secs), Who::kOutside, w.trace.num(to));
    if (uint32_t line = in.current_line()) w.trace.add(Ev::Ext, line);
    w.now = to;
    w.threads.release(w, w.now);  // what threads wrote meanwhile comes first
  }
  return Value();
}

// _tm(secs): the nine fields of a UTC broken-down time (seconds floored).
Value t_tm(Interp&, const Value&, CallArgs& a) {
  check_args("_tm", a, 1, 1);
  if (!is_number(a.pos[0])) type_error("'" + type_name(a.pos[0]) + "' object cannot be interpreted as an integer");
  double secs = std::floor(to_float(a.pos[0], "secs"));
  if (!(std::fabs(secs) < 1e15)) raise(Exc::OverflowError, "timestamp out of range for platform time_t");
  time_t t = static_cast<time_t>(secs);
  struct tm tm {};
  gmtime_r(&t, &tm);
  std::vector<Value> f = {Value::integer(tm.tm_year + 1900), Value::integer(tm.tm_mon + 1), Value::integer(tm.tm_mday),
                          Value::integer(tm.tm_hour), Value::integer(tm.tm_min), Value::integer(tm.tm_sec),
                          Value::integer((tm.tm_wday + 6) % 7), Value::integer(tm.tm_yday + 1), Value::integer(0)};
  return Value::object(make<TupleObj>(std::move(f)));
}

struct tm tm_of(const TupleObj& t) {
  auto field = [&](size_t i) { return static_cast<int>(to_int(t.items[i], "time tuple field")); };
  struct tm tm {};
  tm.tm_year = field(0) - 1900;
  tm.tm_mon = field(1) - 1;
  tm.tm_mday = field(2);
  tm.tm_hour = field(3);
  tm.tm_min = field(4);
  tm.tm_sec = field(5);
  tm.tm_wday = (field(6) + 1) % 7;
  tm.tm_yday = field(7) - 1;
  tm.tm_isdst = field(8);
  return tm;
}

// _strftime(format, nine fields, zone): C's strftime, as CPython calls it.
Value t_strftime(Interp&, const Value&, CallArgs& a) {
  check_args("_strftime", a, 3, 3);
  const std::string& fmt = as_str(a.pos[0], "format");
  struct tm tm = tm_of(*a.pos[1].as<TupleObj>());
  if (tm.tm_mon < 0) tm.tm_mon = 0;
  if (tm.tm_mday < 1) tm.tm_mday = 1;
  if (tm.tm_yday < 0) tm.tm_yday = 0;
  if (tm.tm_mon > 11) value_error("month out of range");
  if (tm.tm_mday > 31) value_error("day of month out of range");
  if (tm.tm_hour < 0 || tm.tm_hour > 23) value_error("hour out of range");
  if (tm.tm_min < 0 || tm.tm_min > 59) value_error("minute out of range");
  if (tm.tm_sec < 0 || tm.tm_sec > 61) value_error("seconds out of range");
  std::string zone = as_str(a.pos[2], "zone");
  tm.tm_zone = zone.c_str();
  if (fmt.empty()) return str_value("");
  std::vector<char> buf(fmt.size() * 8 + 256);
  for (;;) {
    size_t n = strftime(buf.data(), buf.size(), fmt.c_str(), &tm);
    if (n > 0 || buf.size() > fmt.size() * 256 + 4096) return str_value(std::string(buf.data(), n));
    buf.resize(buf.size() * 4);
  }
}

// _timegm(nine fields): seconds since the epoch of a UTC broken-down time.
Value t_timegm(Interp&, const Value&, CallArgs& a) {
  check_args("_timegm", a, 1, 1);
  struct tm tm = tm_of(*a.pos[0].as<TupleObj>());
  return Value::real(static_cast<double>(timegm(&tm)));
}

// struct_time and the calendar functions, over the natives above. The
// simulated world's wall clock is the virtual clock read as seconds since
// 1970-01-01 00:00:00 UTC, and its time zone is UTC.
const char* const kSource = R"PY(
timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time:
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __init__(self, seq, zone=None):
        t = tuple(seq)
        if len(t) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(t))
        if len(t) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)" % len(t))
        self._t = t[:9]
        self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min, self.tm_sec, self.tm_wday,             self.tm_yday, self.tm_isdst = self._t
        self.tm_zone = zone if len(t) < 10 else t[9]
        self.tm_gmtoff = t[10] if len(t) > 10 else (0 if zone is not None else None)

    def __repr__(self):
        return "time.struct_time(" + ", ".join("%s=%r" % (n, v) for n, v in zip(_FIELDS, self._t)) + ")"

    def __getitem__(self, i):
        return self._t[i]

    def __iter__(self):
        return iter(self._t)

    def __len__(self):
        return 9

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._t == other._t
        return self._t == other

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self._t < tuple(other)

    def __hash__(self):
        return hash(self._t)


def _fields(t, name):
    if t is None:
        return _tm(time()), 'UTC'
    if isinstance(t, struct_time):
        return t._t, t.tm_zone if t.tm_zone is not None else 'UTC'
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError("%s(): illegal time tuple argument" % name)
    return t, 'UTC'


def gmtime(secs=None):
    return struct_time(_tm(time() if secs is None else secs), 'GMT')


def localtime(secs=None):
    return struct_time(_tm(time() if secs is None else secs), 'UTC')


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    fields, zone = _fields(t, 'strftime')
    return _strftime(format, fields, zone)


_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def asctime(t=None):
    f, zone = _fields(t, 'asctime')
    return "%s %s%3d %02d:%02d:%02d %d" % (_DAYS[f[6]], _MONTHS[f[1] - 1], f[2], f[3], f[4], f[5], f[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def mktime(t):
    f, zone = _fields(t, 'mktime')
    return _timegm(f)
)PY";

}  // namespace

Ref<ModuleObj> make_time_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("time");
  add_function(*m, "time", t_now);
  add_function(*m, "monotonic", t_now);
  add_function(*m, "perf_counter", t_now);
  add_function(*m, "sleep", t_sleep);
  add_function(*m, "_tm", t_tm);
  add_function(*m, "_strftime", t_strftime);
  add_function(*m, "_timegm", t_timegm);
  run_source_in_module(in, m, "time", kSource);
  return m;
}

}  // namespace loopscope::script
