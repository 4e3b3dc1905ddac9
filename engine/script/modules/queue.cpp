// queue: Queue, LifoQueue, PriorityQueue and SimpleQueue for threads,
// written in the script language. Threads run to completion when they
// start (docs/SIMULATED_WORLD.md), so a get() that would wait for another
// thread to put, or a put() that would wait for room, cannot be
// simulated: without a timeout it raises RuntimeError; with one the caller
// waits that long and gets queue.Empty / queue.Full, as CPython would when
// nobody comes.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
from collections import deque
import heapq as _heapq
import threading as _threading


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'


def _give_up(timeout, what, error):
    if timeout is None:
        raise RuntimeError("blocking on %s Queue is not simulated" % what)
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    _threading._wait_until(_threading._now() + timeout)
    raise error


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0

    def task_done(self):
        if self.unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks -= 1

    def join(self):
        if self.unfinished_tasks:
            raise RuntimeError("joining a Queue with unfinished tasks is not simulated")

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        if self.maxsize > 0 and self._qsize() >= self.maxsize:
            if not block:
                raise Full
            _give_up(timeout, "a full", Full)
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        if not self._qsize():
            if not block:
                raise Empty
            _give_up(timeout, "an empty", Empty)
        return self._get()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        _heapq.heappush(self.queue, item)

    def _get(self):
        return _heapq.heappop(self.queue)


class LifoQueue(Queue):
    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    def __init__(self):
        self._queue = deque()

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)

    def get(self, block=True, timeout=None):
        if not self._queue:
            if not block:
                raise Empty
            _give_up(timeout, "an empty", Empty)
        return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)
)PY";

}  // namespace

Ref<ModuleObj> make_queue_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("queue");
  run_source_in_module(in, m, "queue.py", kSource);
  return m;
}

}  // namespace loopscope::script
