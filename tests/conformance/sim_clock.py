"""Wall-clock time, time zone and uuid4 in the simulated world, for the
CPython oracle (the rules are in docs/SIMULATED_WORLD.md, "Wall clock").

The wall clock is the virtual clock read as seconds since the Unix epoch
(time.time() is already the virtual clock), the time zone is UTC, and
uuid4() draws from random.Random(4), seeded once per run. install() must run
before the program imports datetime: the pure-Python datetime is used (the
C one reads the host's clock), and it reads time.time().
"""

import os
import random
import sys
import time

# The C accelerator would read the host's clock in datetime.now(); blocked
# here, before anything imports datetime, so datetime.py's own classes run.
sys.modules["_datetime"] = None

UUID_SEED = 4


def install(clock):
    os.environ["TZ"] = "UTC"
    time.tzset()
    gmtime, localtime, strftime = time.gmtime, time.localtime, time.strftime

    def now_or(secs):
        return clock.now if secs is None else secs

    time.gmtime = lambda secs=None: gmtime(now_or(secs))
    time.localtime = lambda secs=None: localtime(now_or(secs))
    time.ctime = lambda secs=None: time.asctime(localtime(now_or(secs)))
    asctime = time.asctime
    time.asctime = lambda t=None: asctime(localtime(clock.now) if t is None else t)
    time.strftime = lambda fmt, t=None: strftime(fmt, localtime(clock.now) if t is None else t)

    import logging
    logging._startTime = 0.0
    logging.Formatter.converter = staticmethod(time.localtime)

    import uuid
    rng = random.Random(UUID_SEED)
    uuid.uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)

    def uuid1(node=None, clock_seq=None):
        raise NotImplementedError("uuid1 is not simulated (it reads the host and the wall clock); use uuid4")
    uuid.uuid1 = uuid1
