# aiohttp: request headers the server sees (session and per request),
# response headers (case-insensitive), resp.json() on a text body
# (ContentTypeError) and with content_type=None, base_url, HEAD, and a
# force_close connector (Connection: close on every request).
import asyncio
import aiohttp
from aiohttp import web


async def echo(request):
    seen = {k: request.headers[k] for k in ("Host", "X-Token", "X-Trace", "Connection") if k in request.headers}
    return web.Response(text=str(sorted(seen.items())), headers={"X-Served-By": "echo"})


async def main():
    app = web.Application()
    app.router.add_get("/echo", echo)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 8082).start()
    async with aiohttp.ClientSession("http://127.0.0.1:8082", headers={"X-Token": "abc"}) as session:
        async with session.get("/echo", headers={"x-trace": "t1"}) as resp:
            print(await resp.text())
            print(resp.headers["x-served-by"], resp.headers.get("CONTENT-TYPE"), "content-length" in resp.headers)
            print(resp.headers)
            try:
                await resp.json()
            except aiohttp.ContentTypeError as e:
                print(type(e).__name__, e)
            try:
                await resp.json(content_type=None)
            except ValueError as e:
                print("ValueError", type(e).__name__)
        async with session.head("/echo") as resp:
            print(resp.status, repr(await resp.read()), resp.headers["Content-Length"])
    connector = aiohttp.TCPConnector(force_close=True)
    async with aiohttp.ClientSession(connector=connector) as session:
        for _ in range(2):
            async with session.get("http://127.0.0.1:8082/echo") as resp:
                print(await resp.text())
    await runner.cleanup()


asyncio.run(main())
