# aiohttp: ClientTimeout(sock_read=0.5): the server has not answered 0.5 s
# after the request: ServerTimeoutError (an asyncio.TimeoutError too); the
# total timeout still applies around it.
import asyncio
import aiohttp
from aiohttp import web


async def slow(request):
    await asyncio.sleep(2)
    return web.Response(text="late")


async def main():
    app = web.Application()
    app.router.add_get("/slow", slow)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 8080).start()
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(sock_read=0.5)) as session:
        try:
            async with session.get("http://127.0.0.1:8080/slow") as resp:
                print(await resp.text())
        except aiohttp.ServerTimeoutError as e:
            print(loop.time(), type(e).__name__, e, isinstance(e, asyncio.TimeoutError))
        try:
            await session.get("http://127.0.0.1:8080/slow", timeout=aiohttp.ClientTimeout(total=0.2, sock_read=0.5))
        except asyncio.TimeoutError as e:
            print(loop.time(), type(e).__name__, isinstance(e, aiohttp.ClientError))
    await runner.cleanup()
    print("cleanup done", loop.time())


asyncio.run(main())
