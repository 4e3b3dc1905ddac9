"""A sensor thread and a stop Event next to an asyncio consumer using to_thread."""
import asyncio
import threading
import time

readings = []
stop = threading.Event()


def sensor(count: int, interval: float):
    me = threading.current_thread()
    for i in range(count):
        if stop.is_set():
            print(f"{me.name}: stop requested")
            return
        readings.append((me.name, i, round(time.monotonic(), 2)))
        time.sleep(interval)
    print(f"{me.name}: finished {count} readings")


def slow_sum(values):
    time.sleep(0.25)
    return sum(v for _, v, _ in values), threading.current_thread().name


async def main():
    t = threading.Thread(target=sensor, args=(5, 0.1), name="sensor-1", daemon=True)
    print(t, t.daemon, t.is_alive())
    t.start()
    print("alive after start:", t.is_alive(), threading.active_count())
    await asyncio.sleep(0.2)
    print("alive at 0.2:", t.is_alive(), len(threading.enumerate()))
    total, where = await asyncio.to_thread(slow_sum, readings)
    print("sum:", total, "computed in", where)
    t.join(timeout=1)
    print("alive after join:", t.is_alive(), round(time.monotonic(), 2))
    stop.set()
    late = threading.Thread(target=sensor, args=(3, 0.1))
    late.start()
    late.join()
    print(readings)
    print(stop.wait(0.1), threading.current_thread() is threading.main_thread())


asyncio.run(main())
