# Fuzz seed 5594 (regression): a done callback of TaskGroup/as_completed
# state ran after the future had let go of the callback; the handle
# must keep the state alive (loopscope crashed here).
"""Random asyncio program from fuzz/gen.py, seed 5594."""
import asyncio
import time


class FuzzError(Exception):
    pass


def note(tag):
    print("note", tag, "at", asyncio.get_running_loop().time())


def on_done(fut):
    if fut.cancelled():
        print("done callback: cancelled")
    elif fut.exception() is not None:
        print("done callback: error", repr(fut.exception()))
    else:
        print("done callback: result", fut.result())


def retrieve(task):
    if not task.cancelled():
        task.exception()


def resolve(fut, value):
    if fut.done():
        print("resolve: already done, cancelled:", fut.cancelled())
    else:
        fut.set_result(value)


def fail(fut, text):
    if fut.done():
        print("fail: already done, cancelled:", fut.cancelled())
    else:
        fut.set_exception(FuzzError(text))


async def leaf(name, delay, outcome):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args)
        raise
    if outcome == "raise":
        raise FuzzError(name + " failed")
    print(name, "returns")
    return name


async def chain0_0(tag):
    try:
        value = await chain0_1(tag)
    except FuzzError as e:
        raise FuzzError(tag + " wrapped at level 0") from e
    return value + " 0"


async def chain0_1(tag):
    value = await chain0_2(tag)
    return value + " 1"


async def chain0_2(tag):
    try:
        value = await chain0_3(tag)
    except FuzzError as e:
        raise FuzzError(tag + " wrapped at level 2") from e
    return value + " 2"


async def chain0_3(tag):
    await asyncio.sleep(0.05)
    raise FuzzError(tag + " failed at level 3")
    return tag + " bottom"


async def worker0(tasks, q0, q1):
    step = 0
    try:
        try:
            async with cond:
                await asyncio.wait_for(cond.wait(), 0.05)
                print("w0 woke up, locked:", cond.locked())
        except asyncio.TimeoutError:
            print("w0 condition wait timed out")
        if step >= 1:
            raise FuzzError("w0 gives up at step " + str(step))
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(0.5, resolve, fut, "w0-1")
        fut.add_done_callback(on_done)
        try:
            print("w0 future gave", await asyncio.wait_for(fut, 0.3))
        except asyncio.TimeoutError:
            print("w0 future timed out")
        except FuzzError as e:
            print("w0 future failed:", e)
        for i in range(2):
            await asyncio.sleep(0.5)
            print(f"w0 step {step} at {asyncio.get_running_loop().time()}")
            step += 1
        await asyncio.sleep(0.25)
        print("w0 sees", len(asyncio.all_tasks()), "unfinished tasks")
    except asyncio.CancelledError as e:
        print("w0 cancelled at step", step, e.args)
        raise
    print("w0 done")
    return 0 * 10 + step


async def worker1(tasks, q0, q1):
    step = 0
    try:
        asyncio.create_task(leaf("w1-1", 0.3, "raise"))
        tasks["w3"].add_done_callback(on_done)
        w1_2 = asyncio.create_task(leaf("w1-2", 0.05, "return"), name="w1-2")
        w1_2.add_done_callback(retrieve)
        w1_3 = asyncio.create_task(leaf("w1-3", 0.3, "return"), name="w1-3")
        w1_3.add_done_callback(retrieve)
        try:
            for f in asyncio.as_completed([w1_2, w1_3], timeout=0.6):
                try:
                    print("w1 as_completed gave", await f)
                except FuzzError as e:
                    print("w1 as_completed error", e)
        except asyncio.TimeoutError:
            print("w1 as_completed timed out")
        tasks["w1"].add_done_callback(on_done)
        print("w1 removed:", tasks["w1"].remove_done_callback(on_done))
        try:
            bsem.release()
            print("w1 released bsem")
        except ValueError as e:
            print("w1 bsem:", e)
        w1_4 = asyncio.create_task(leaf("w1-4", 0.5, "return"), name="w1-4")
        w1_4.add_done_callback(retrieve)
        try:
            value = await asyncio.wait_for(asyncio.shield(w1_4), 0.6)
            print("w1 shielded task gave", value)
        except asyncio.TimeoutError:
            print("w1 shield timed out, inner done:", w1_4.done())
        except FuzzError as e:
            print("w1 shielded task failed:", e)
    except asyncio.CancelledError as e:
        print("w1 cancelled at step", step, e.args)
        raise
    print("w1 done")
    return 1 * 10 + step


async def worker2(tasks, q0, q1):
    step = 0
    try:
        try:
            value = await tasks["w1"]
            print("w2 saw w1 return", value)
        except asyncio.CancelledError:
            if tasks["w1"].cancelled():
                print("w2 saw w1 cancelled")
            else:
                raise
        except FuzzError as e:
            print("w2 saw w1 fail:", e)
        time.sleep(0.1)
        await asyncio.sleep(0.25)
        async with cond:
            cond.notify()
            print("w2 notified")
        try:
            print("w2 chain gave", await chain0_0("w2-1"))
        except FuzzError as e:
            print("w2 chain failed:", e, repr(e.__cause__))
        print(f"w2 step {step} at {asyncio.get_running_loop().time()}")
        step += 1
        tasks["w2"].add_done_callback(on_done)
    except asyncio.CancelledError as e:
        print("w2 cancelled at step", step, e.args)
        raise
    print("w2 done")
    return 2 * 10 + step


async def worker3(tasks, q0, q1):
    step = 0
    try:
        try:
            print("w3 chain gave", await chain0_0("w3-1"))
        except FuzzError as e:
            print("w3 chain failed:", e, repr(e.__cause__))
        w3_2 = asyncio.create_task(leaf("w3-2", 0.5, "return"), name="w3-2")
        w3_2.add_done_callback(retrieve)
        w3_3 = asyncio.create_task(leaf("w3-3", 0.3, "return"), name="w3-3")
        w3_3.add_done_callback(retrieve)
        w3_4 = asyncio.create_task(leaf("w3-4", 0.05, "return"), name="w3-4")
        w3_4.add_done_callback(retrieve)
        try:
            for f in asyncio.as_completed([w3_2, w3_3, w3_4], timeout=0.1):
                try:
                    print("w3 as_completed gave", await f)
                except FuzzError as e:
                    print("w3 as_completed error", e)
        except asyncio.TimeoutError:
            print("w3 as_completed timed out")
    except asyncio.CancelledError as e:
        print("w3 cancelled at step", step, e.args)
        raise
    print("w3 done")
    return 3 * 10 + step


async def worker4(tasks, q0, q1):
    step = 0
    try:
        async with cond:
            cond.notify(2)
            print("w4 notified")
        print("w4 cancels w1:", tasks["w1"].cancel())
        try:
            try:
                loop = asyncio.get_running_loop()
                fut = loop.create_future()
                loop.call_later(0, resolve, fut, "w4-1")
                fut.add_done_callback(on_done)
                try:
                    print("w4 future gave", await asyncio.wait_for(fut, 0.6))
                except asyncio.TimeoutError:
                    print("w4 future timed out")
                except FuzzError as e:
                    print("w4 future failed:", e)
                try:
                    value = await tasks["w2"]
                    print("w4 saw w2 return", value)
                except asyncio.CancelledError:
                    if tasks["w2"].cancelled():
                        print("w4 saw w2 cancelled")
                    else:
                        raise
                except FuzzError as e:
                    print("w4 saw w2 fail:", e)
            finally:
                print("w4 finally at step", step)
        finally:
            print("w4 finally at step", step)
        try:
            async with asyncio.timeout(0.1) as cm:
                await asyncio.sleep(0.1)
                print("w4 finished inside the timeout")
            print("w4 timeout expired:", cm.expired())
        except TimeoutError:
            print("w4 timeout fired")
    except asyncio.CancelledError as e:
        print("w4 cancelled at step", step, e.args)
        raise
    print("w4 done")
    return 4 * 10 + step


async def main():
    global lock, sem, bsem, event, cond, barrier
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    bsem = asyncio.BoundedSemaphore(1)
    event = asyncio.Event()
    cond = asyncio.Condition()
    barrier = asyncio.Barrier(2)
    q0 = asyncio.Queue(maxsize=1)
    q1 = asyncio.Queue(maxsize=3)
    tasks = {}
    tasks["w0"] = asyncio.create_task(worker0(tasks, q0, q1), name="w0")
    tasks["w1"] = asyncio.create_task(worker1(tasks, q0, q1), name="w1")
    tasks["w2"] = asyncio.create_task(worker2(tasks, q0, q1), name="w2")
    tasks["w3"] = asyncio.create_task(worker3(tasks, q0, q1), name="w3")
    tasks["w4"] = asyncio.create_task(worker4(tasks, q0, q1), name="w4")
    results = await asyncio.gather(*tasks.values(), return_exceptions=True)
    for name, result in zip(tasks, results):
        print(name, type(result).__name__, result)
    print("q0 left:", q0.qsize())
    print("q1 left:", q1.qsize())
    print("locked:", lock.locked(), sem.locked(), bsem.locked(), "event:", event.is_set())


asyncio.run(main())
