# aiohttp: a JSON POST to an aiohttp.web handler, json_response back,
# query parameters, and a keep-alive connection reused for the second request.
import asyncio
import aiohttp
from aiohttp import web

routes = web.RouteTableDef()


@routes.post("/items")
async def create(request):
    data = await request.json()
    data["id"] = 7
    return web.json_response(data, status=201)


@routes.get("/search")
async def search(request):
    return web.json_response({"q": request.query.get("q"), "n": int(request.query["n"])})


async def main():
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 8081).start()
    async with aiohttp.ClientSession() as session:
        async with session.post("http://127.0.0.1:8081/items", json={"name": "pen", "qty": 2}) as resp:
            print(resp.status, resp.reason, resp.content_type)
            print(await resp.json())
        async with session.get("http://127.0.0.1:8081/search", params={"q": "a b&c", "n": 3}) as resp:
            print(resp.url)
            print(await resp.json())
        async with session.get("http://127.0.0.1:8081/items") as resp:
            print(resp.status, await resp.text())
        async with session.get("http://127.0.0.1:8081/search?q=x&n=1") as resp:
            print(await resp.read())
    await runner.cleanup()


asyncio.run(main())
