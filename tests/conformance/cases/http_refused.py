# aiohttp: nothing listens on the port: ClientConnectorError, with
# aiohttp's message, an invalid URL, and a closed session.
import asyncio
import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        try:
            async with session.get("http://localhost:8080/") as resp:
                print(resp.status)
        except aiohttp.ClientConnectorError as e:
            print(type(e).__name__, isinstance(e, aiohttp.ClientError), isinstance(e, OSError))
            print(e)
            print(e.host, e.port, e.os_error)
        try:
            await session.get("http://127.0.0.1:9/x")
        except aiohttp.ClientError as e:
            print(e)
        try:
            await session.get("not a url")
        except aiohttp.InvalidURL as e:
            print(type(e).__name__, e, repr(e), isinstance(e, ValueError))
    print(session.closed)
    try:
        await session.get("http://localhost:8080/")
    except RuntimeError as e:
        print(e)


asyncio.run(main())
