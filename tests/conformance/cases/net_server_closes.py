# The server answers one request and closes mid-exchange.
import asyncio


async def serve(reader, writer):
    request = await reader.readline()
    writer.write(b"partial answer to " + request.strip() + b"\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    print("server: closed the connection")


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 9004)
    reader, writer = await asyncio.open_connection("127.0.0.1", 9004)
    writer.write(b"first\n")
    await writer.drain()
    print("client:", await reader.readline())
    print("client: second read gives", await reader.readline())
    print("client: at_eof", reader.at_eof())
    try:
        await reader.readuntil(b"END")
    except asyncio.IncompleteReadError as e:
        print("client: readuntil:", e)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
