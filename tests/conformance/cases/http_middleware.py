# aiohttp.web middlewares: they run outermost first around the handler, can
# answer themselves (an auth check) and turn a handler's exception into a
# response; they see unknown routes (404) too; app state through
# app["key"] and request.app.
import asyncio
import aiohttp
from aiohttp import web


@web.middleware
async def timing(request, handler):
    print("timing: before", request.path)
    response = await handler(request)
    response.headers["X-Took"] = "0"
    print("timing: after", response.status)
    return response


@web.middleware
async def auth(request, handler):
    if request.headers.get("Authorization") != "Bearer ok":
        return web.json_response({"error": "unauthorized"}, status=401)
    try:
        return await handler(request)
    except KeyError as e:
        return web.json_response({"error": f"missing {e}"}, status=404)


async def item(request):
    items = request.app["items"]
    return web.json_response({"item": items[request.match_info["key"]]})


async def main():
    app = web.Application(middlewares=[timing, auth])
    app["items"] = {"a": 1}
    app.router.add_get("/item/{key}", item)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 8080).start()
    async with aiohttp.ClientSession(headers={"Authorization": "Bearer ok"}) as session:
        for key in ["a", "b"]:
            async with session.get(f"http://127.0.0.1:8080/item/{key}") as resp:
                print(resp.status, await resp.json(), resp.headers.get("X-Took"))
        async with session.get("http://127.0.0.1:8080/nowhere") as resp:
            print(resp.status, await resp.text())
        async with session.get("http://127.0.0.1:8080/item/a", headers={"Authorization": "no"}) as resp:
            print(resp.status, await resp.json())
    await runner.cleanup()


asyncio.run(main())
