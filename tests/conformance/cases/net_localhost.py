# A host name (localhost) is resolved through the default executor, as
# CPython does; sockname/peername (ports of clients vary under python3).
import asyncio


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    me = writer.get_extra_info("sockname")
    print("server sees", peer[0], "on", me)
    data = await reader.read()
    writer.writelines([b"got ", str(len(data)).encode(), b" bytes\n"])
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "localhost", 7777)
    print("listening on", [s.getsockname() for s in server.sockets])
    reader, writer = await asyncio.open_connection("localhost", 7777)
    print("client", writer.get_extra_info("sockname")[0], "->", writer.get_extra_info("peername"))
    writer.write(b"x" * 10)
    writer.write_eof()
    print(await reader.readline())
    print("eof:", await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
