# aiohttp: TCPConnector(limit=2): 6 gathered requests, at most 2 at once
# (each takes 1 s on the server: they finish in pairs at 1, 2, 3 s), and
# the connections are reused.
import asyncio
import aiohttp
from aiohttp import web

active = 0


async def work(request):
    global active
    active += 1
    print("start", request.match_info["n"], "active", active)
    await asyncio.sleep(1)
    active -= 1
    return web.Response(text=request.match_info["n"])


async def get(session, n):
    async with session.get(f"http://localhost:8080/work/{n}") as resp:
        body = await resp.text()
        print("got", body)
        return body


async def main():
    app = web.Application()
    app.router.add_get("/work/{n}", work)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "localhost", 8080).start()
    connector = aiohttp.TCPConnector(limit=2)
    async with aiohttp.ClientSession(connector=connector) as session:
        print(connector.limit)
        print(await asyncio.gather(*(get(session, n) for n in range(6))))
    print(connector.closed)
    await runner.cleanup()


asyncio.run(main())
