# readexactly asks for more than the peer sends before closing.
import asyncio


async def serve(reader, writer):
    writer.write(b"12345")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 9002)
    reader, writer = await asyncio.open_connection("127.0.0.1", 9002)
    print("first 3:", await reader.readexactly(3))
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("incomplete:", e)
        print("partial:", e.partial, "expected:", e.expected)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
