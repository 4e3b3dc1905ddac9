# aiohttp: a form POST (data=dict) read by request.post(), and a body read
# through resp.content: iter_chunked, readline, async for over lines.
import asyncio
import aiohttp
from aiohttp import web


async def form(request):
    fields = await request.post()
    lines = "".join(f"{k}={v}\n" for k, v in sorted(fields.items()))
    return web.Response(text=lines + "end\n")


async def main():
    app = web.Application()
    app.router.add_post("/form", form)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 8080).start()
    async with aiohttp.ClientSession() as session:
        data = {"name": "Zoë & co", "n": "3"}
        async with session.post("http://127.0.0.1:8080/form", data=data) as resp:
            async for chunk in resp.content.iter_chunked(8):
                print(chunk)
        async with session.post("http://127.0.0.1:8080/form", data=data) as resp:
            print(await resp.content.readline())
            async for line in resp.content:
                print("line", line)
            print(resp.content.at_eof())
    await runner.cleanup()


asyncio.run(main())
