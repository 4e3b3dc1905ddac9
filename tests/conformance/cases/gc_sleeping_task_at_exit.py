# Fuzz seed 4, minimised: a task sleeping when the program ends without
# closing its loop. At exit the loop's __del__ closes it, then the
# collector closes the sleep (its finally cancels the timer: timer-cancel)
# before the task reports.
import asyncio
async def leaf(name, delay, outcome):
    await asyncio.sleep(delay)
async def worker0(tasks, q0):
    w0_2 = asyncio.create_task(leaf("w0-2", 0.5, "return"), name="w0-2")
async def main():
    q0 = asyncio.Queue(maxsize=1)
    tasks = {}
    tasks["w0"] = asyncio.create_task(worker0(tasks, q0), name="w0")
    results = await asyncio.gather(*tasks.values(), return_exceptions=True)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
