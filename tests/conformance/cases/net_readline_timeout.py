# wait_for(reader.readline(), 0.5) times out while the peer sleeps.
import asyncio


async def slow(reader, writer):
    await asyncio.sleep(2)
    writer.write(b"late line\n")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(slow, "127.0.0.1", 9006)
    reader, writer = await asyncio.open_connection("127.0.0.1", 9006)
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(reader.readline(), 0.5)
    except asyncio.TimeoutError:
        print(f"timed out after {loop.time() - start:.1f}s")
    line = await reader.readline()
    print(f"then got {line!r} at {loop.time() - start:.1f}s")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
