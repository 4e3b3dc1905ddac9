# aiohttp client and aiohttp.web server in one program: 5 requests gathered.
import asyncio
import aiohttp
from aiohttp import web


async def hello(request):
    name = request.match_info["name"]
    await asyncio.sleep(0.1 * len(name))
    return web.Response(text=f"hello {name}")


async def fetch(session, name):
    async with session.get(f"http://localhost:8080/hello/{name}") as resp:
        text = await resp.text()
        print(resp.status, resp.reason, resp.headers["Content-Type"], repr(text))
        return text


async def main():
    app = web.Application()
    app.router.add_get("/hello/{name}", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "localhost", 8080)
    await site.start()
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with aiohttp.ClientSession() as session:
        names = ["ann", "bo", "cyril", "dee", "e"]
        texts = await asyncio.gather(*(fetch(session, n) for n in names))
        print(texts, round(loop.time() - start, 3))
    await runner.cleanup()


asyncio.run(main())
