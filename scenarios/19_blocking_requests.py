"""requests.get blocks the loop; aiohttp awaits.

requests is a blocking library: requests.get does not await, so while it
waits for the answer the loop runs nothing else, not even the server that
should answer it (here an aiohttp.web server in the same program). The
heartbeat task stops beating, and the request can only time out: after its
2 s timeout, ReadTimeout. (Without a timeout it would wait forever;
loopscope reports that as an error.) The same request with aiohttp awaits:
the loop runs the server's handler and the heartbeat meanwhile, and the
answer comes 0.3 s later. For a blocking library you cannot replace, run it
in a thread (asyncio.to_thread) against a server in another process.
"""
# topic: Never block the loop
# watch: the timeline: the red mark where requests.get holds the loop, and
#   the heartbeat's timer, which fires late.
# checkpoint: when main blocks: {task} is inside requests.get: the loop is
#   stuck, and the clock moves to {time} with nothing else running.
# ask: what prints next
# checkpoint: when "ReadTimeout" prints: the server never got to answer.
# ask: when does the next line print
# checkpoint: when "aiohttp:" prints: the answer, at {time}; the heartbeat
#   kept beating meanwhile.
import asyncio

import aiohttp
import requests
from aiohttp import web


async def slow_page(request):
    await asyncio.sleep(0.3)
    return web.Response(text="the page")


async def heartbeat():
    loop = asyncio.get_running_loop()
    for _ in range(8):
        print(f"beat at {loop.time():.2f}")
        await asyncio.sleep(0.25)


async def main():
    app = web.Application()
    app.router.add_get("/", slow_page)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "localhost", 8080).start()
    beats = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.3)
    try:
        requests.get("http://localhost:8080/", timeout=2)
    except requests.exceptions.ReadTimeout as e:
        print("requests: ReadTimeout:", e)
    async with aiohttp.ClientSession() as session:
        async with session.get("http://localhost:8080/") as resp:
            print("aiohttp:", resp.status, await resp.text())
    await beats
    await runner.cleanup()


asyncio.run(main())
