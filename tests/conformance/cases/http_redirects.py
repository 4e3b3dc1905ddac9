# aiohttp follows redirects (web.HTTPFound and friends) as aiohttp does:
# resp.history holds the redirect responses, a POST answered by 303 is
# followed by a GET, allow_redirects=False stops at the first answer, and a
# loop of redirects ends in TooManyRedirects.
import asyncio
import aiohttp
from aiohttp import web


async def old(request):
    raise web.HTTPFound("/new")


async def new(request):
    return web.Response(text=f"new via {request.method}")


async def submit(request):
    raise web.HTTPSeeOther(location="/new")


async def loop_(request):
    raise web.HTTPTemporaryRedirect("/loop")


async def main():
    app = web.Application()
    app.router.add_get("/old", old)
    app.router.add_get("/new", new)
    app.router.add_post("/submit", submit)
    app.router.add_get("/loop", loop_)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 8080).start()
    async with aiohttp.ClientSession() as session:
        async with session.get("http://127.0.0.1:8080/old") as resp:
            print(resp.status, await resp.text(), resp.url, [(r.status, str(r.url)) for r in resp.history])
        async with session.post("http://127.0.0.1:8080/submit", data={"x": "1"}) as resp:
            print(resp.status, await resp.text(), len(resp.history))
        async with session.get("http://127.0.0.1:8080/old", allow_redirects=False) as resp:
            print(resp.status, resp.headers["Location"], await resp.text())
        try:
            await session.get("http://127.0.0.1:8080/loop", max_redirects=3)
        except aiohttp.TooManyRedirects as e:
            print(type(e).__name__, len(e.history), e)
    await runner.cleanup()


asyncio.run(main())
