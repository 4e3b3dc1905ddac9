# aiohttp: ClientTimeout(total=0.5) expires while a slow handler sleeps:
# asyncio.TimeoutError; a per-request timeout overrides the session's.
import asyncio
import aiohttp
from aiohttp import web


async def slow(request):
    await asyncio.sleep(float(request.query.get("t", "2")))
    return web.Response(text="finally")


async def main():
    app = web.Application()
    app.router.add_get("/slow", slow)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "localhost", 8080).start()
    loop = asyncio.get_running_loop()
    timeout = aiohttp.ClientTimeout(total=0.5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        try:
            async with session.get("http://localhost:8080/slow") as resp:
                print(await resp.text())
        except asyncio.TimeoutError as e:
            print("timed out at", loop.time(), type(e).__name__)
        async with session.get("http://localhost:8080/slow?t=1", timeout=aiohttp.ClientTimeout(total=3)) as resp:
            print(await resp.text(), loop.time())
    await runner.cleanup()
    print("done", loop.time())


asyncio.run(main())
