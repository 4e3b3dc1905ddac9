# aiohttp: a server (plain asyncio streams) that closes before answering
# (ServerDisconnectedError) and one that closes in the middle of the body
# (ClientPayloadError), and a 204 with no body.
import asyncio
import aiohttp


async def rude(reader, writer):
    line = await reader.readline()
    while (await reader.readline()) not in (b"\r\n", b""):
        pass
    if b"/cut" in line:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf")
    elif b"/empty" in line:
        writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(rude, "127.0.0.1", 8080)
    async with aiohttp.ClientSession() as session:
        for path in ["/gone", "/cut", "/empty"]:
            try:
                async with session.get("http://127.0.0.1:8080" + path) as resp:
                    print(path, resp.status, resp.reason, repr(await resp.read()))
            except aiohttp.ClientError as e:
                print(path, type(e).__name__, e, isinstance(e, aiohttp.ServerConnectionError))
    server.close()
    await server.wait_closed()


asyncio.run(main())
