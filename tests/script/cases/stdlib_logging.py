# logging: levels, loggers in a hierarchy, handlers, formatters, %-args,
# exceptions with tracebacks (on stdout here so the case can check them).
import logging
import sys

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)
logging.debug("debug %d", 1)
logging.info("info %s and %r", "x", "y")
logging.warning("plain")
log = logging.getLogger("app")
log.info("from app: %(k)s", {"k": "mapping"})
db = logging.getLogger("app.db")
print(db.parent is log, log.parent is logging.getLogger(), logging.getLogger("app") is log, db.name)
print(db.getEffectiveLevel(), db.level, log.isEnabledFor(logging.DEBUG))
log.setLevel(logging.WARNING)
db.info("hidden")
db.warning("shown %s", "yes")
print(logging.getLevelName(10), logging.getLevelName("ERROR"), logging.getLevelName(33), logging.WARN, logging.FATAL)
print(repr(log), repr(db), repr(logging.getLogger()))
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(levelname)-8s|%(name)s|%(funcName)s:%(lineno)d|%(message)s"))
svc = logging.getLogger("svc")
svc.addHandler(h)
svc.propagate = False
svc.setLevel("DEBUG")

def work():
    svc.debug("in work")
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError:
        svc.exception("failed: %s", "div")

work()
svc.log(logging.ERROR, "via log %d%%", 5)
svc.critical("crit")
svc.error("exc_info given", exc_info=ValueError("v"))
svc.info("extra %s", "x", extra={"user": "u1"})
h2 = logging.StreamHandler(sys.stdout)
h2.setLevel(logging.ERROR)
h2.setFormatter(logging.Formatter("H2 %(message)s [%(module)s %(filename)s %(threadName)s]"))
svc.addHandler(h2)
svc.warning("only h1")
svc.error("both")
class OnlyA(logging.Filter):
    def filter(self, record):
        return record.getMessage().startswith("a")
svc.removeHandler(h2)
h.addFilter(OnlyA())
svc.info("apple")
svc.info("banana")
print(len(svc.handlers), svc.hasHandlers(), logging.getLogger("nohandlers.x").hasHandlers())
for bad in ("LOUD", 1.5):
    try:
        svc.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    svc.log("INFO", "x")
except TypeError as e:
    print("TypeError", e)
fmt = logging.Formatter("%(asctime)s %(message)s", datefmt="%H:%M")
rec = logging.makeLogRecord({"msg": "hello %s", "args": ("you",), "created": 3723.5, "msecs": 500.0})
print(fmt.format(rec), logging.Formatter("%(asctime)s").formatTime(rec), rec.getMessage())
print(logging.Formatter().format(rec), logging.Formatter("%(levelno)s %(msg)s").format(rec))
# expect: DEBUG:root:debug 1
# expect: INFO:root:info x and 'y'
# expect: WARNING:root:plain
# expect: INFO:app:from app: mapping
# expect: True True True app.db
# expect: 10 0 True
# expect: WARNING:app.db:shown yes
# expect: DEBUG 40 Level 33 30 50
# expect: <Logger app (WARNING)> <Logger app.db (WARNING)> <RootLogger root (DEBUG)>
# expect: DEBUG   |svc|work:28|in work
# expect: ERROR   |svc|work:32|failed: div
# expect: Traceback (most recent call last):
# expect:   File "stdlib_logging.py", line 30, in work
# expect:     raise ZeroDivisionError("division by zero")
# expect: ZeroDivisionError: division by zero
# expect: ERROR   |svc|<module>:35|via log 5%
# expect: CRITICAL|svc|<module>:36|crit
# expect: ERROR   |svc|<module>:37|exc_info given
# expect: ValueError: v
# expect: INFO    |svc|<module>:38|extra x
# expect: WARNING |svc|<module>:43|only h1
# expect: ERROR   |svc|<module>:44|both
# expect: H2 both [stdlib_logging stdlib_logging.py MainThread]
# expect: INFO    |svc|<module>:50|apple
# expect: 1 True True
# expect: ValueError Unknown level: 'LOUD'
# expect: TypeError Level not an integer or a valid string: 1.5
# expect: TypeError level must be an integer
# expect: 01:02 hello you 1970-01-01 01:02:03,500 hello you
# expect: hello you None hello %s
