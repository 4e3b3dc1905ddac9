"""100 HTTP requests: one by one, all at once, and bounded, with aiohttp.

A crawler's shape in real aiohttp code. An aiohttp.web server in the same
program answers each request after 0.1 s (its handler sleeps, standing in
for a slow backend). One by one, 100 requests take 10 s: each waits for
the one before. Gathered, they all wait at once and take 0.1 s. Bounded by
TCPConnector(limit=10) (an asyncio.Semaphore(10) around each request does
the same), ten are in flight at a time: 1 s, and the server never sees more
than ten connections at once.
"""
# topic: When to use asyncio
# watch: the timeline: in the first part one request at a time, then a
#   burst of 100 handler tasks sleeping together, then ten at a time.
# checkpoint: when "one by one" prints: 100 requests in a row took until
#   {time}: 0.1 s each, one after another.
# ask: when does the next line print
# checkpoint: when "gathered" prints: the same 100 requests, all waiting at
#   once, are back at {time}: the time of one.
# ask: when does the next line print
# checkpoint: when "limit=10" prints: ten at a time, back at {time}.
import asyncio

import aiohttp
from aiohttp import web

URL = "http://127.0.0.1:8080/page/{}"
busiest = 0
in_flight = 0


async def page(request):
    global busiest, in_flight
    in_flight += 1
    busiest = max(busiest, in_flight)
    await asyncio.sleep(0.1)
    in_flight -= 1
    return web.Response(text="page " + request.match_info["n"])


async def fetch(session, n):
    async with session.get(URL.format(n)) as resp:
        return await resp.text()


async def part(title, connector, gathered):
    global busiest
    busiest = 0
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with aiohttp.ClientSession(connector=connector) as session:
        if gathered:
            pages = await asyncio.gather(*(fetch(session, n) for n in range(100)))
        else:
            pages = [await fetch(session, n) for n in range(100)]
    took = loop.time() - start
    print(f"{title}: {len(pages)} pages in {took:.1f} s, at most {busiest} at once on the server")


async def main():
    app = web.Application()
    app.router.add_get("/page/{n}", page)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 8080).start()
    await part("one by one", None, False)
    await part("gathered", None, True)
    await part("limit=10", aiohttp.TCPConnector(limit=10), True)
    await runner.cleanup()


asyncio.run(main())
