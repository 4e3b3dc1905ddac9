# A client reads lines until EOF; the server writes three lines and closes.
import asyncio


async def serve(reader, writer):
    for word in ("alpha", "beta", "gamma"):
        writer.write(f"{word}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 9001)
    reader, writer = await asyncio.open_connection("127.0.0.1", 9001)
    count = 0
    async for line in reader:
        count += 1
        print("got", line)
    print("lines:", count, "at_eof:", reader.at_eof())
    print("read after EOF:", await reader.read(), await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
