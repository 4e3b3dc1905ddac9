# An echo server with three clients gathered.
import asyncio


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(b"echo: " + data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(n):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    writer.write(f"hello {n}\n".encode())
    await writer.drain()
    line = await reader.readline()
    print(n, line.decode().strip())
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        await asyncio.gather(client(1), client(2), client(3))
    print("done")


asyncio.run(main())
