# aiohttp: raise_for_status on 404 and 500 (a handler that raises), a
# web.HTTPNotFound raised by a handler, and ClientResponseError's fields.
import asyncio
import aiohttp
from aiohttp import web


async def boom(request):
    raise ValueError("broken")


async def missing(request):
    raise web.HTTPNotFound(text="no such user")


async def main():
    app = web.Application()
    app.router.add_get("/boom", boom)
    app.router.add_get("/user/{id}", missing)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "localhost", 8080).start()
    async with aiohttp.ClientSession() as session:
        for path in ["/nowhere", "/boom", "/user/3"]:
            async with session.get("http://localhost:8080" + path) as resp:
                print(resp.status, resp.ok, repr(await resp.text()))
                try:
                    resp.raise_for_status()
                except aiohttp.ClientResponseError as e:
                    print(type(e).__name__, e.status, e.message)
                    print(e)
        try:
            async with session.get("http://localhost:8080/boom", raise_for_status=True) as resp:
                print("not reached")
        except aiohttp.ClientError as e:
            print("ClientError:", e)
        async with session.post("http://localhost:8080/boom") as resp:
            print(resp.status, await resp.text())
    await runner.cleanup()


asyncio.run(main())
