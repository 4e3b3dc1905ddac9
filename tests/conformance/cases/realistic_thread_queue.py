import queue
import threading
import time

q = queue.Queue()
results = []


def producer(n):
    for i in range(n):
        time.sleep(0.1)
        q.put(i)
    q.put(None)


def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        results.append(item * item)
        q.task_done()


p = threading.Thread(target=producer, args=(5,))
p.start()
p.join()
c = threading.Thread(target=consumer)
c.start()
c.join()
print(results, q.empty(), q.qsize())
lq = queue.LifoQueue()
for i in range(3):
    lq.put(i)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    pq.put(item)
print([pq.get_nowait() for _ in range(3)])
try:
    pq.get_nowait()
except queue.Empty:
    print("empty")
bq = queue.Queue(maxsize=1)
bq.put(1)
try:
    bq.put(2, block=False)
except queue.Full:
    print("full")
